import { Typography } from 'antd';

export function DonationsPage() {
  return <Typography.Title level={3}>DonationsPage</Typography.Title>;
}
