import { selfGovernanceIndicator } from './self-governance';

export const selfGoverningTeams = selfGovernanceIndicator({
  key: 'self_governing_teams',
  describe: {
    vi: 'Số tổ tự quản đang hoạt động vào ngày cuối kỳ, gắn với đơn vị hoặc các đơn vị trực thuộc theo cây đơn vị ngày đó (kèm số thành viên).',
    en: 'Self-governing teams in force on the last day of the period, attached to the unit or the units below it in the tree of that day (with their members).',
  },
  count: (figures) => figures.teams,
  detail: (figures) => ({ members: figures.teamMembers }),
  drill: { path: '/teams', query: { kind: 'team' } },
});
