import {
  AlertOutlined,
  ClearOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  SafetyOutlined,
  SoundOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey, Translate } from '../../lib/i18n';
import { type ActivityKind, activityKinds, type MemberRole, type TeamKind } from './teams.api';

export const activityIcons: Record<ActivityKind, ReactNode> = {
  visit: <HomeOutlined />,
  propaganda: <SoundOutlined />,
  epidemic_watch: <MedicineBoxOutlined />,
  incident: <AlertOutlined />,
  environment: <ClearOutlined />,
  security: <SafetyOutlined />,
};

export function activityLabel(t: Translate, kind: string): string {
  return (activityKinds as readonly string[]).includes(kind)
    ? t(`activity.kind.${kind}` as MessageKey)
    : kind;
}

export function teamKindLabel(t: Translate, kind: TeamKind | string): string {
  return kind === 'group' ? t('team.kind.group') : t('team.kind.team');
}

export function roleLabel(t: Translate, role: MemberRole): string {
  return t(`team.role.${role}` as MessageKey);
}
