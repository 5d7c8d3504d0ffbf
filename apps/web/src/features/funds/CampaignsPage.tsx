import { Typography } from 'antd';

export function CampaignsPage() {
  return <Typography.Title level={3}>CampaignsPage</Typography.Title>;
}
