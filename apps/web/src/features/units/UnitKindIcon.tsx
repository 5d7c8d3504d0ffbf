import { BankOutlined, ClusterOutlined, EnvironmentOutlined, HomeOutlined } from '@ant-design/icons';
import type { UnitKind } from '@doanket/domain';

export function UnitKindIcon({ kind }: { kind: UnitKind }) {
  switch (kind) {
    case 'province':
      return <BankOutlined />;
    case 'district':
      return <ClusterOutlined />;
    case 'ward':
      return <EnvironmentOutlined />;
    default:
      return <HomeOutlined />;
  }
}
