import { Typography } from 'antd';

export function ProgramPage() {
  return <Typography.Title level={3}>ProgramPage</Typography.Title>;
}
