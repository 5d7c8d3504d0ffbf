import { Typography } from 'antd';

export function PublicFundPage() {
  return <Typography.Title level={3}>PublicFundPage</Typography.Title>;
}
