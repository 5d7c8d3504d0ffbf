import { selfGovernanceIndicator } from './self-governance';

export const householdsSupervised = selfGovernanceIndicator({
  key: 'households_supervised',
  describe: {
    vi: 'Số hộ gia đình do tổ, nhóm tự quản phụ trách vào ngày cuối kỳ; hộ được cả tổ và nhóm phụ trách chỉ tính một lần.',
    en: 'Households in the care of self-governing teams or groups on the last day of the period; a household in the care of both a team and a group counts once.',
  },
  count: (figures) => figures.householdsSupervised,
  drill: { path: '/stats' },
});
