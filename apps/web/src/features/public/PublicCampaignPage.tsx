import { Typography } from 'antd';

export function PublicCampaignPage() {
  return <Typography.Title level={3}>PublicCampaignPage</Typography.Title>;
}
