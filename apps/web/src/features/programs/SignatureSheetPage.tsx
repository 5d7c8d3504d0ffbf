import { Typography } from 'antd';

export function SignatureSheetPage() {
  return <Typography.Title level={3}>SignatureSheetPage</Typography.Title>;
}
