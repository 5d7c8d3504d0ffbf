// Contracts of the money figures of a unit's subtree for a year (GET /api/stats/funds).
import { z } from 'zod';
import { UnitCode } from '../common/schemas';
import { FundKind } from './contracts';

const yearError = { error: 'figures.year.invalid' } as const;

export const MoneyFiguresQuery = z.object({
  unit: UnitCode,
  year: z.coerce
    .number(yearError)
    .int(yearError)
    .min(2000, yearError)
    .max(2100, yearError)
    .meta({ description: 'Calendar year; the tree is taken as of its last day', example: 2021 }),
});
export type MoneyFiguresQuery = z.input<typeof MoneyFiguresQuery>;

const Dong = z.number().int().meta({ description: 'Whole đồng' });
const Count = z.number().int().min(0);
const Percent = z
  .number()
  .nullable()
  .meta({ description: 'Raised / target × 100, one decimal; null without a target' });

export const FundKindFigures = z.object({
  kind: FundKind,
  count: Count,
  balance: Dong,
});

export const DonationKindFigures = z.object({
  kind: FundKind,
  amount: Dong.meta({ description: 'Money and items valued, received in the year' }),
  donations: Count,
});

export const ProgramKindFigures = z.object({
  kind: z
    .string()
    .meta({ description: 'tet_gift, solidarity_house, student_device, cash, health_insurance, other' }),
  programs: Count,
  distributions: Count.meta({
    description: 'Visits, houses, cards…: distributions paid or confirmed in the year',
  }),
  households: Count.meta({ description: 'Distinct households among them' }),
  amount: Dong.meta({ description: 'Money paid and items given (valued)' }),
});

export const CampaignItemFigures = z.object({
  item: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  value: Dong,
});

export const CampaignFigures = z.object({
  code: z.string(),
  name: z.string(),
  unitCode: z.string().meta({ description: 'The unit running the campaign' }),
  unitName: z.string(),
  fundKind: FundKind,
  share: z.boolean().meta({
    description:
      'Run by a level above the unit: the figures are the unit’s share, the target the one assigned to it',
  }),
  startsOn: z.string(),
  receivingEndsOn: z.string(),
  target: Dong.nullable(),
  raised: Dong.meta({ description: 'Money and items valued, received up to the end of the year' }),
  percent: Percent,
  cash: Dong.meta({ description: 'Money received (cash and bank transfers)' }),
  inKindValue: Dong.meta({ description: 'Items received, valued' }),
  donations: Count,
  items: z.array(CampaignItemFigures).meta({ description: 'Items received, per kind' }),
  itemsGiven: z.array(CampaignItemFigures).meta({ description: 'Items given out from the stock, per kind' }),
  supportedHouseholds: Count.meta({ description: 'Households supported by the campaign’s programmes' }),
  students: Count.meta({ description: 'Students given a device (persons named on the distributions)' }),
});
export type CampaignFigures = z.infer<typeof CampaignFigures>;

export const MoneyFigures = z
  .object({
    unitCode: z.string(),
    unitName: z.string(),
    year: z.number().int(),
    from: z.string().meta({ description: 'First day of the year' }),
    to: z.string().meta({ description: 'Last day of the year: balances and the tree are taken then' }),
    funds: z.object({
      count: Count.meta({ description: 'Funds of the units of the subtree, open at the end of the year' }),
      balance: Dong.meta({ description: 'What they hold at the end of the year (money and items valued)' }),
      income: Dong.meta({ description: 'Income of the year (donations, transfers in)' }),
      spending: Dong.meta({ description: 'Spending of the year (support, transfers out)' }),
      byKind: z.array(FundKindFigures),
    }),
    donations: z.object({
      amount: Dong,
      donations: Count,
      byFundKind: z.array(DonationKindFigures),
    }),
    poorFund: z.object({
      raised: Dong.meta({ description: 'Donations of the year to the Funds for the Poor of the subtree' }),
      cash: Dong,
      inKindValue: Dong,
      donations: Count,
      target: Dong.nullable().meta({
        description:
          'Targets of the year’s campaigns on Funds for the Poor: assigned to the unit by a level above, or set by the unit itself',
      }),
      percent: Percent,
    }),
    support: z.object({
      spent: Dong.meta({
        description:
          'Support paid by the Funds for the Poor of the subtree in the year: support and support in kind in their ledgers (transfers not included)',
      }),
      households: Count.meta({ description: 'Distinct households supported through programmes' }),
      byProgramKind: z.array(ProgramKindFigures),
    }),
    campaigns: z.array(CampaignFigures),
  })
  .meta({ id: 'MoneyFigures' });
export type MoneyFigures = z.infer<typeof MoneyFigures>;
