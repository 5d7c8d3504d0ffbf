import { Typography } from 'antd';

export function PublicIndexPage() {
  return <Typography.Title level={3}>PublicIndexPage</Typography.Title>;
}
