import type { ComputedSource } from '@doanket/domain';
import { culturalFamilies } from './cultural-families';
import { fundTargets } from './fund-targets';
import { householdsSupervised } from './households-supervised';
import { selfGoverningGroups } from './self-governing-groups';
import { selfGoverningTeams } from './self-governing-teams';
import { tetGiftCoverage } from './tet-gift-coverage';
import type { ComputedIndicator } from './types';

export type { ComputedIndicator, ComputedValue, ComputedWithChildren, ComputeScope } from './types';

/** The computed sources of indicators: a plan names one by key; the engine calls it. */
export const computedIndicators: Record<ComputedSource, ComputedIndicator> = {
  cultural_families: culturalFamilies,
  fund_targets: fundTargets,
  tet_gift_coverage: tetGiftCoverage,
  self_governing_teams: selfGoverningTeams,
  self_governing_groups: selfGoverningGroups,
  households_supervised: householdsSupervised,
};
