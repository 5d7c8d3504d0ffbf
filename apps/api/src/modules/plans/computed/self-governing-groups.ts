import { selfGovernanceIndicator } from './self-governance';

export const selfGoverningGroups = selfGovernanceIndicator({
  key: 'self_governing_groups',
  describe: {
    vi: 'Số nhóm tự quản đang hoạt động vào ngày cuối kỳ, gắn với đơn vị hoặc các đơn vị trực thuộc theo cây đơn vị ngày đó (kèm số thành viên).',
    en: 'Self-governing groups in force on the last day of the period, attached to the unit or the units below it in the tree of that day (with their members).',
  },
  count: (figures) => figures.groups,
  detail: (figures) => ({ members: figures.groupMembers }),
  drill: { path: '/teams', query: { kind: 'group' } },
});
