import { Typography } from 'antd';

export function FundPage() {
  return <Typography.Title level={3}>FundPage</Typography.Title>;
}
