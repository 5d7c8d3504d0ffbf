import { Typography } from 'antd';

export function CampaignPage() {
  return <Typography.Title level={3}>CampaignPage</Typography.Title>;
}
