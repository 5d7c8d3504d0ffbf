import { Typography } from 'antd';

export function PublicEntryPage() {
  return <Typography.Title level={3}>PublicEntryPage</Typography.Title>;
}
