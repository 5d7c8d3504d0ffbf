import { Typography } from 'antd';

export function FundsPage() {
  return <Typography.Title level={3}>FundsPage</Typography.Title>;
}
