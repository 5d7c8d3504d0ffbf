import { Typography } from 'antd';

export function ProgramsPage() {
  return <Typography.Title level={3}>ProgramsPage</Typography.Title>;
}
