import { Typography } from 'antd';

export function DonationEntryPage() {
  return <Typography.Title level={3}>DonationEntryPage</Typography.Title>;
}
