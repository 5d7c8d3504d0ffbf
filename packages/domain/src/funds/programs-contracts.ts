// Contracts of support programmes, distribution lists, coverage and in-kind stock.
import { z } from 'zod';
import { IsoDate, ItemsOf, NonBlankName, UnitCode, Uuid } from '../common/schemas';
import { Money, MoneyOrZero } from './contracts';
import { distributionStatuses, programKinds } from './programs-rules';

export * from './programs-rules';

export const ProgramKind = z.enum(programKinds).meta({
  description:
    'tet_gift: quà Tết; solidarity_house: nhà Đại đoàn kết; student_device: thiết bị học tập cho học sinh; cash: hỗ trợ tiền mặt; health_insurance: thẻ bảo hiểm y tế; other',
});
export type ProgramKind = z.infer<typeof ProgramKind>;

export const DistributionStatus = z.enum(distributionStatuses).meta({
  description: 'planned: on the list; paid: paid from the fund (ledger entry); confirmed: receipt confirmed',
});
export type DistributionStatus = z.infer<typeof DistributionStatus>;

export const ProgramCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, { error: 'programs.code.invalid' })
  .meta({ example: 'TET2021-021' });

const CategoryCodeRef = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'programs.category_unknown' })
  .meta({ example: 'near_poor' });

export const CreateProgramRequest = z
  .object({
    unitCode: UnitCode.meta({ description: 'The unit running the programme, read as of eligibleOn' }),
    fundId: Uuid.meta({ description: 'The fund that pays: of the programme’s unit or a unit above it' }),
    campaignId: Uuid.nullish().meta({
      description: 'The campaign whose stock items are given from (the fund must take part in it)',
    }),
    code: ProgramCode,
    name: NonBlankName,
    kind: ProgramKind,
    periodFrom: IsoDate,
    periodTo: IsoDate,
    eligibleCategories: z
      .array(CategoryCodeRef)
      .min(1, { error: 'programs.categories_required' })
      .max(30)
      .meta({
        description: 'Register category codes; a household with any of them on eligibleOn is eligible',
      }),
    eligibleOn: IsoDate.meta({ description: 'Categories and the tree are taken as of this date' }),
    amountPerHousehold: Money.nullish().meta({
      description: 'Set by this level (e.g. 50,000,000 per Great Solidarity house); required for houses',
    }),
    allowRepeat: z.boolean().optional().meta({ description: 'A household may receive more than once' }),
    decisionNo: z.string().trim().max(100).nullish(),
    decidedOn: IsoDate.nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.periodTo < value.periodFrom) {
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'programs.period_order' });
    }
    if (value.kind === 'solidarity_house' && !value.amountPerHousehold) {
      ctx.addIssue({ code: 'custom', path: ['amountPerHousehold'], message: 'programs.house_needs_amount' });
    }
  });
export type CreateProgramRequest = z.infer<typeof CreateProgramRequest>;
export type CreateProgramInput = z.input<typeof CreateProgramRequest>;
export const CreateProgramResponse = z.object({ id: Uuid });

export const ProgramParams = z.object({ id: Uuid });
export const DistributionParams = z.object({ id: Uuid });

export const Coverage = z.object({
  eligible: z
    .number()
    .int()
    .meta({ description: 'Households of the unit’s subtree in an eligible category' }),
  supported: z.number().int().meta({
    description: 'Of those, households with a paid or confirmed distribution whose payment is not reversed',
  }),
  percent: z
    .number()
    .nullable()
    .meta({ description: 'supported / eligible in %, one decimal; null when no household is eligible' }),
});
export type Coverage = z.infer<typeof Coverage>;

export const ProgramListItem = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  kind: ProgramKind,
  unitId: Uuid,
  unitCode: z.string(),
  unitName: z.string(),
  fundId: Uuid,
  fundName: z.string(),
  campaignId: Uuid.nullable(),
  campaignCode: z.string().nullable(),
  periodFrom: IsoDate,
  periodTo: IsoDate,
  eligibleCategories: z.array(z.string()),
  eligibleOn: IsoDate,
  amountPerHousehold: z.number().int().nullable(),
  allowRepeat: z.boolean(),
  coverage: Coverage.meta({
    description: 'In the programme’s area, or in the listed unit’s for a programme run above it',
  }),
});
export type ProgramListItem = z.infer<typeof ProgramListItem>;

export const ListProgramsQuery = z.object({
  unit: UnitCode,
  at: IsoDate.optional().meta({ description: 'The unit code and tree as of this date (default: today)' }),
});
export const ListProgramsResponse = ItemsOf(ProgramListItem);

const StatusTotal = z.object({
  count: z.number().int(),
  amount: z.number().int().meta({ description: 'Money, đồng' }),
  itemsValue: z.number().int().meta({ description: 'Value of the items, đồng' }),
});

export const ProgramDetail = ProgramListItem.extend({
  decisionNo: z.string().nullable(),
  decidedOn: IsoDate.nullable(),
  campaignName: z.string().nullable(),
  totals: z.object({
    planned: StatusTotal,
    paid: StatusTotal,
    confirmed: StatusTotal,
    reversed: StatusTotal.meta({ description: 'Paid or confirmed, then the payment entry was reversed' }),
  }),
  canManage: z.boolean().meta({ description: 'funds.write on the programme’s unit' }),
  canPay: z.boolean().meta({ description: 'ledger.post on the paying fund’s unit' }),
});
export type ProgramDetail = z.infer<typeof ProgramDetail>;

const PageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')
  .optional();

export const EligibleQuery = z.object({
  unit: UnitCode.optional().meta({ description: 'Default: the programme’s unit' }),
  missing: flag.meta({ description: 'Only households not yet on the list' }),
  ...PageQuery,
});
export const EligibleHousehold = z.object({
  householdId: Uuid,
  code: z.string(),
  headName: z.string().nullable(),
  address: z.string().nullable(),
  groupCode: z.string(),
  groupName: z.string(),
  wardCode: z.string().nullable(),
  wardName: z.string().nullable(),
  categories: z.array(z.string()).meta({ description: 'Categories in force on the eligibility date' }),
  hasDistribution: z.boolean(),
});
export type EligibleHousehold = z.infer<typeof EligibleHousehold>;
export const EligibleResponse = z.object({
  items: z.array(EligibleHousehold),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const DistributionItemInput = z.object({
  item: z.string().trim().min(1).max(40).meta({ example: 'laptop' }),
  name: z.string().trim().max(200).optional().meta({ description: 'Default: the name in the stock' }),
  quantity: z.number().int().positive().max(10_000_000),
  value: MoneyOrZero.optional().meta({
    description: 'Value of these items in đồng; default: their average value in the stock',
  }),
});

export const CreateDistributionsRequest = z
  .object({
    householdIds: z.array(Uuid).min(1).max(1000).optional(),
    allEligibleIn: UnitCode.optional().meta({
      description: 'Adds every eligible household of this unit’s subtree not yet on the list',
    }),
    amount: MoneyOrZero.optional().meta({ description: 'Money per household; default: amountPerHousehold' }),
    items: z.array(DistributionItemInput).max(20).optional(),
    personId: Uuid.optional().meta({
      description: 'The recipient in the household (a student, for devices)',
    }),
    override: z.boolean().optional().meta({ description: 'Adds households outside the eligible categories' }),
    reason: z.string().trim().max(500).optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.householdIds === undefined) === (value.allEligibleIn === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['householdIds'],
        message: 'programs.distributions.target_required',
      });
    }
    if (value.override && (value.reason ?? '').length < 3) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'programs.distributions.override_reason' });
    }
  });
export type CreateDistributionsRequest = z.infer<typeof CreateDistributionsRequest>;
export const CreateDistributionsResponse = z.object({ created: z.number().int(), ids: z.array(Uuid) });

export const GivenItemSchema = z.object({
  item: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  value: z.number().int(),
});

export const DistributionRow = z.object({
  id: Uuid,
  householdId: Uuid.nullable(),
  householdCode: z.string().nullable(),
  headName: z.string().nullable(),
  personId: Uuid.nullable(),
  personName: z.string().nullable(),
  address: z.string().nullable(),
  groupCode: z.string().nullable(),
  groupName: z.string().nullable(),
  wardCode: z.string().nullable(),
  wardName: z.string().nullable(),
  repeatNo: z.number().int(),
  amount: z.number().int(),
  items: z.array(GivenItemSchema),
  itemsValue: z.number().int(),
  status: DistributionStatus,
  reversed: z
    .boolean()
    .meta({ description: 'The payment entry was reversed: the household counts as not supported' }),
  entryId: Uuid.nullable(),
  paidOn: IsoDate.nullable(),
  confirmedOn: IsoDate.nullable(),
});
export type DistributionRow = z.infer<typeof DistributionRow>;

export const ListDistributionsQuery = z.object({
  unit: UnitCode.optional().meta({
    description: 'Households of this unit’s subtree (default: the programme’s unit)',
  }),
  status: DistributionStatus.optional(),
  ...PageQuery,
});
export const ListDistributionsResponse = z.object({
  items: z.array(DistributionRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  totals: z.object({ amount: z.number().int(), itemsValue: z.number().int() }).meta({
    description: 'Of every row of the filter, not only the page',
  }),
});

export const PayDistributionsRequest = z.object({
  ids: z.array(Uuid).min(1).max(500),
  paidOn: IsoDate,
  method: z.enum(['cash', 'bank']),
});
export const PayDistributionsResponse = z.object({
  paid: z.number().int(),
  entryIds: z.array(Uuid).meta({ description: 'One ledger entry per distribution, in the order of ids' }),
});

export const ConfirmDistributionRequest = z.object({ confirmedOn: IsoDate });
export const ConfirmDistributionResponse = z.object({
  id: Uuid,
  status: DistributionStatus,
  confirmedOn: IsoDate,
});

export const CoverageQuery = z.object({
  unit: UnitCode.optional().meta({ description: 'Default: the programme’s unit; the tree as of eligibleOn' }),
});
export const CoverageResponse = Coverage;
export const CoverageRow = Coverage.extend({
  unitCode: z.string(),
  unitName: z.string(),
  kind: z.string(),
  hasChildren: z.boolean(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;
export const CoverageByUnitResponse = z.object({ unit: CoverageRow, items: z.array(CoverageRow) });

export const StockItem = z.object({
  item: z.string(),
  name: z.string(),
  received: z.number().int(),
  given: z.number().int(),
  remaining: z.number().int(),
  valueReceived: z.number().int(),
  valueGiven: z.number().int(),
  valueRemaining: z.number().int(),
});
export type StockItem = z.infer<typeof StockItem>;
export const CampaignStockParams = z.object({ id: Uuid });
export const CampaignStockResponse = ItemsOf(StockItem);
