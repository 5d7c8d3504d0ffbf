import { Typography } from 'antd';

export function DonationPage() {
  return <Typography.Title level={3}>DonationPage</Typography.Title>;
}
