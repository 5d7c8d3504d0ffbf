// Contracts of the households, persons and import endpoints.
import { z } from 'zod';
import { IsoDate, NonBlankName, UnitCode, Uuid } from '../common/schemas';
import { parseCitizenId } from '../residents/citizen-id';
import { normalizePhone } from '../residents/phone';
import { type Relation, relations } from '../residents/relations';
import { personIssues, resolvePersonName } from './rules';

export const RelationCode = z
  .enum(relations.map((relation) => relation.code) as [Relation, ...Relation[]], {
    error: 'resident.relation.unknown',
  })
  .meta({ description: 'Quan hệ với chủ hộ / relation to the head of household' });
export const SexCode = z.enum(['male', 'female']);

/** Text that may be cleared: blank becomes null, absent stays absent (for partial updates). */
const ClearableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value.normalize('NFC')))
    .nullable()
    .optional();

/** A Vietnamese phone number, stored in its 0xxxxxxxxx form. */
export const PhoneInput = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    if (value.trim() === '') return null;
    const phone = normalizePhone(value);
    if (phone.ok) return phone.value;
    ctx.addIssue({ code: 'custom', message: phone.error, input: value });
    return z.NEVER;
  })
  .nullable()
  .optional()
  .meta({ description: 'Di động 0[35789]xxxxxxxx hoặc +84…, cố định 02x…', example: '0912345678' });

/** A CCCD number: its structure is checked here, its agreement with sex and birth year on the person. */
export const CitizenIdInput = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    if (value.trim() === '') return null;
    const parsed = parseCitizenId(value);
    if (parsed.ok) return parsed.value.value;
    ctx.addIssue({ code: 'custom', message: parsed.error, input: value });
    return z.NEVER;
  })
  .nullable()
  .optional()
  .meta({ description: 'Số CCCD 12 chữ số; lưu mã hóa, danh sách chỉ hiện dạng 001*******45' });

const NamePart = z.string().trim().max(100).optional();

const personFields = {
  fullName: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: 'Họ và tên, tách thành họ / tên đệm / tên' }),
  ho: NamePart,
  tenDem: NamePart,
  ten: NamePart,
  sex: SexCode.nullable().optional(),
  birthDate: IsoDate.nullable().optional(),
  birthYear: z.number().int().min(0).max(9999).nullable().optional().meta({
    description: 'Năm sinh khi không rõ ngày; luôn được ghi khi có ngày sinh',
  }),
  relation: RelationCode,
  isHead: z.boolean().optional().meta({ description: 'Mặc định: quan hệ là "head" (Chủ hộ)' }),
  phone: PhoneInput,
  citizenId: CitizenIdInput,
  health: ClearableText(2000).meta({ description: 'Tình trạng sức khỏe; lưu mã hóa' }),
  disability: ClearableText(2000).meta({ description: 'Khuyết tật; lưu mã hóa' }),
};

/** A person typed in a form: checked as a whole and turned into the stored values. */
export const PersonInput = z
  .object(personFields)
  .transform((input, ctx) => {
    const values = {
      ...resolvePersonName(input),
      sex: input.sex ?? null,
      birthDate: input.birthDate ?? null,
      birthYear: input.birthDate ? Number(input.birthDate.slice(0, 4)) : (input.birthYear ?? null),
      relation: input.relation,
      isHead: input.isHead ?? input.relation === 'head',
      phone: input.phone ?? null,
      citizenId: input.citizenId ?? null,
      health: input.health ?? null,
      disability: input.disability ?? null,
    };
    // A given year that contradicts the date is an error, not silently replaced.
    const issues = personIssues({ ...values, birthYear: input.birthYear ?? values.birthYear });
    for (const issue of issues) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.key });
    return issues.length > 0 ? z.NEVER : values;
  })
  .meta({ id: 'PersonInput' });
export type PersonInput = z.input<typeof PersonInput>;
export type PersonInputValues = z.output<typeof PersonInput>;

/** A partial change of a person; checked again as a whole once merged with what is stored. */
export const UpdatePersonRequest = z
  .object({ ...personFields, relation: RelationCode.optional() })
  .meta({ id: 'UpdatePersonRequest' });
export type UpdatePersonRequest = z.input<typeof UpdatePersonRequest>;

export const HouseholdCode = z
  .string()
  .trim()
  .min(1, { error: 'households.code_invalid' })
  .max(40, { error: 'households.code_invalid' })
  .regex(/^[^\p{Cc}]+$/u, { error: 'households.code_invalid' })
  .transform((value) => value.normalize('NFC'))
  .meta({ description: 'Mã hộ, duy nhất trong phường, xã', example: 'HK001' });

export const DuplicateReason = z.enum(['citizen_id', 'name_birth']);
export const DuplicateStatus = z.enum(['open', 'not_duplicate', 'duplicate']);

export const DuplicateItem = z
  .object({
    id: Uuid,
    personId: Uuid,
    personName: z.string(),
    otherPersonId: Uuid,
    /** Null when the other person lives in a unit the reader may not see. */
    otherName: z.string().nullable(),
    otherHouseholdId: Uuid.nullable(),
    otherHouseholdCode: z.string().nullable(),
    reason: DuplicateReason,
    status: DuplicateStatus,
  })
  .meta({ id: 'HouseholdDuplicate' });
export type DuplicateItem = z.infer<typeof DuplicateItem>;

export const HouseholdIdParams = z.object({ id: Uuid });
export const HouseholdDetailQuery = z.object({
  at: IsoDate.optional().meta({
    description:
      'Groups and wards are named, and the current group chosen, as of this date; today when absent',
  }),
});
export type HouseholdDetailQuery = z.infer<typeof HouseholdDetailQuery>;
export const PersonIdParams = z.object({ id: Uuid });
export const RecordIdParams = z.object({ id: Uuid });

// --- Categories -----------------------------------------------------------------------------

export const HouseholdCategoryItem = z.object({
  code: z.string(),
  vi: z.string(),
  en: z.string(),
  group: z.string().nullable(),
  builtIn: z.boolean(),
});
export const ListHouseholdCategoriesResponse = z
  .object({ items: z.array(HouseholdCategoryItem) })
  .meta({ id: 'HouseholdCategories' });
export type ListHouseholdCategoriesResponse = z.infer<typeof ListHouseholdCategoriesResponse>;

export const CategoryCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'households.category_code_invalid' });

export const CreateHouseholdCategoryRequest = z
  .object({
    code: CategoryCode,
    vi: NonBlankName,
    en: NonBlankName,
    group: CategoryCode.nullable().optional(),
  })
  .meta({ id: 'CreateHouseholdCategoryRequest' });
export type CreateHouseholdCategoryRequest = z.input<typeof CreateHouseholdCategoryRequest>;
export const CreateHouseholdCategoryResponse = z.object({ code: z.string() });

// --- Households list ------------------------------------------------------------------------

export const ListHouseholdsQuery = z.object({
  unit: UnitCode.meta({ description: 'Đơn vị (phường, tổ dân phố, quận…) vào ngày `at`' }),
  at: IsoDate.optional().meta({ description: 'Ngày xem; mặc định hôm nay' }),
  category: z.string().trim().min(1).max(40).optional(),
  team: Uuid.optional().meta({ description: 'Tổ / nhóm tự quản phụ trách hộ vào ngày `at`' }),
  culturalYear: z.coerce
    .number({ error: 'households.year_invalid' })
    .int({ error: 'households.year_invalid' })
    .min(1990, { error: 'households.year_invalid' })
    .max(2100, { error: 'households.year_invalid' })
    .optional()
    .meta({ description: 'Chỉ các hộ đã đăng ký gia đình văn hóa của năm này', example: 2021 }),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: 'Mã hộ, địa chỉ, tên thành viên; không cần dấu' }),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListHouseholdsQuery = z.input<typeof ListHouseholdsQuery>;
export const ExportHouseholdsQuery = ListHouseholdsQuery.omit({ page: true, pageSize: true });
export type ExportHouseholdsQuery = z.input<typeof ExportHouseholdsQuery>;

export const HouseholdListItem = z.object({
  id: Uuid,
  code: z.string(),
  wardCode: z.string().nullable(),
  wardName: z.string().nullable(),
  groupCode: z.string(),
  groupName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  headName: z.string().nullable(),
  memberCount: z.number().int(),
  categories: z.array(z.string()),
  teamNames: z.array(z.string()),
});
export type HouseholdListItem = z.infer<typeof HouseholdListItem>;

export const ListHouseholdsResponse = z
  .object({
    items: z.array(HouseholdListItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'HouseholdList' });
export type ListHouseholdsResponse = z.infer<typeof ListHouseholdsResponse>;

// --- Household create, detail, update, move -------------------------------------------------

export const CreateHouseholdRequest = z
  .object({
    groupCode: UnitCode.meta({ description: 'Mã tổ dân phố vào ngày `at`' }),
    at: IsoDate.optional().meta({ description: 'Ngày hộ về tổ; mặc định hôm nay' }),
    code: HouseholdCode,
    address: ClearableText(300),
    phone: PhoneInput,
    members: z.array(PersonInput).min(1).max(100),
  })
  .superRefine((value, ctx) => {
    // Counted only once every member is read, so a wrong birth date is not also "no head".
    if (ctx.issues.length > 0) return;
    if (value.members.filter((member) => member.isHead).length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'households.one_head' });
    }
  })
  .meta({ id: 'CreateHouseholdRequest' });
export type CreateHouseholdRequest = z.input<typeof CreateHouseholdRequest>;

export const CreatedWithDuplicates = z
  .object({ id: Uuid, duplicates: z.array(DuplicateItem) })
  .meta({ id: 'CreatedWithDuplicates' });
export type CreatedWithDuplicates = z.infer<typeof CreatedWithDuplicates>;
export const CreateHouseholdResponse = CreatedWithDuplicates;
export const AddPersonResponse = CreatedWithDuplicates;

export const HouseholdPlacement = z.object({
  groupCode: z.string(),
  groupName: z.string(),
  wardCode: z.string().nullable(),
  wardName: z.string().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
});

export const HouseholdMember = z.object({
  id: Uuid,
  ho: z.string(),
  tenDem: z.string(),
  ten: z.string(),
  fullName: z.string(),
  sex: SexCode.nullable(),
  birthDate: IsoDate.nullable(),
  birthYear: z.number().int().nullable(),
  relation: RelationCode,
  relationLabel: z.string(),
  isHead: z.boolean(),
  phone: z.string().nullable(),
  citizenIdMasked: z.string().nullable(),
  hasHealth: z.boolean(),
  hasDisability: z.boolean(),
});
export type HouseholdMember = z.infer<typeof HouseholdMember>;

export const HouseholdCategoryRecord = z.object({
  id: Uuid,
  category: z.string(),
  vi: z.string(),
  en: z.string(),
  standardPeriod: z.string().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  hasDetail: z.boolean(),
});

export const CulturalFamilyRecord = z.object({
  year: z.number().int(),
  registered: z.boolean(),
  recognized: z.boolean().nullable(),
  reason: z.string().nullable(),
});
export type CulturalFamilyRecord = z.infer<typeof CulturalFamilyRecord>;

export const HouseholdConsent = z.object({
  id: Uuid,
  givenBy: z.string(),
  purpose: z.string(),
  givenOn: IsoDate,
  withdrawnOn: IsoDate.nullable(),
  note: z.string().nullable(),
});

export const HouseholdTeam = z.object({
  teamId: Uuid,
  kind: z.enum(['team', 'group']),
  name: z.string(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
});

export const HouseholdDetail = z
  .object({
    id: Uuid,
    code: z.string(),
    wardCode: z.string().nullable(),
    wardName: z.string().nullable(),
    groupCode: z.string().nullable().meta({ description: 'Tổ dân phố hiện tại (hoặc gần nhất)' }),
    groupName: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    placements: z.array(HouseholdPlacement),
    members: z.array(HouseholdMember),
    categories: z.array(HouseholdCategoryRecord),
    culturalFamily: z.array(CulturalFamilyRecord),
    consents: z.array(HouseholdConsent),
    teams: z.array(HouseholdTeam),
    duplicates: z.array(DuplicateItem),
    canWrite: z.boolean(),
    canReveal: z.boolean(),
  })
  .meta({ id: 'HouseholdDetail' });
export type HouseholdDetail = z.infer<typeof HouseholdDetail>;

export const UpdateHouseholdRequest = z
  .object({ code: HouseholdCode.optional(), address: ClearableText(300), phone: PhoneInput })
  .meta({ id: 'UpdateHouseholdRequest' });
export type UpdateHouseholdRequest = z.input<typeof UpdateHouseholdRequest>;

export const MoveHouseholdRequest = z
  .object({
    groupCode: UnitCode.meta({ description: 'Tổ dân phố mới, mã vào ngày `date`' }),
    date: IsoDate.meta({ description: 'Ngày chuyển; ngày đầu của nơi ở hiện tại thì sửa nơi ở đó' }),
  })
  .meta({ id: 'MoveHouseholdRequest' });
export type MoveHouseholdRequest = z.input<typeof MoveHouseholdRequest>;

// --- Persons list ---------------------------------------------------------------------------

export const ListPersonsQuery = z.object({
  unit: UnitCode.meta({ description: 'Đơn vị vào ngày `at`' }),
  at: IsoDate.optional(),
  q: z.string().trim().max(100).optional().meta({ description: 'Họ tên, không cần dấu' }),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListPersonsQuery = z.input<typeof ListPersonsQuery>;

export const PersonListItem = HouseholdMember.omit({ hasHealth: true, hasDisability: true }).extend({
  householdId: Uuid,
  householdCode: z.string(),
  groupCode: z.string(),
  groupName: z.string(),
});
export const ListPersonsResponse = z
  .object({
    items: z.array(PersonListItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'PersonList' });
export type ListPersonsResponse = z.infer<typeof ListPersonsResponse>;

// --- Persons: erasure, reveal, export -------------------------------------------------------

export const ErasureQuery = z.object({
  reason: z
    .string()
    .trim()
    .min(1, { error: 'households.text_blank' })
    .max(500)
    .meta({ description: 'Lý do xóa theo yêu cầu (không ghi dữ liệu cá nhân)' }),
});
export type ErasureQuery = z.input<typeof ErasureQuery>;

export const RevealField = z.enum(['citizenId', 'health', 'disability']);
export type RevealField = z.infer<typeof RevealField>;
export const RevealPersonRequest = z
  .object({
    fields: z
      .array(RevealField)
      .min(1, { error: 'persons.reveal_fields' })
      .max(3)
      .transform((fields) => [...new Set(fields)]),
  })
  .meta({ id: 'RevealPersonRequest' });
export type RevealPersonRequest = z.input<typeof RevealPersonRequest>;
export const RevealPersonResponse = z
  .object({
    citizenId: z.string().nullable().optional(),
    health: z.string().nullable().optional(),
    disability: z.string().nullable().optional(),
  })
  .meta({ id: 'RevealPersonResponse' });
export type RevealPersonResponse = z.infer<typeof RevealPersonResponse>;

export const PersonExport = z
  .object({
    exportedAt: z.string(),
    person: z.object({
      id: Uuid,
      ho: z.string(),
      tenDem: z.string(),
      ten: z.string(),
      fullName: z.string(),
      sex: SexCode.nullable(),
      birthDate: IsoDate.nullable(),
      birthYear: z.number().int().nullable(),
      relation: RelationCode,
      relationLabel: z.string(),
      isHead: z.boolean(),
      phone: z.string().nullable(),
      citizenId: z.string().nullable(),
      health: z.string().nullable(),
      disability: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
    household: z.object({
      id: Uuid,
      code: z.string(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      placements: z.array(HouseholdPlacement),
      categories: z.array(HouseholdCategoryRecord.extend({ detail: z.string().nullable() })),
      culturalFamily: z.array(CulturalFamilyRecord),
      consents: z.array(HouseholdConsent),
    }),
    teamMemberships: z.array(
      z.object({
        teamId: Uuid,
        teamName: z.string(),
        role: z.string(),
        validFrom: IsoDate,
        validTo: IsoDate.nullable(),
      }),
    ),
    duplicates: z.array(DuplicateItem),
  })
  .meta({ id: 'PersonExport' });
export type PersonExport = z.infer<typeof PersonExport>;

export const IdResponse = z.object({ id: Uuid });

// --- Categories, cultural family, consents of a household -----------------------------------

export const AddHouseholdCategoryRequest = z
  .object({
    category: z.string().trim().min(1).max(40),
    standardPeriod: z.string().trim().max(20).nullable().optional().meta({
      description: 'Giai đoạn chuẩn nghèo (hộ nghèo, cận nghèo); mặc định chuẩn áp dụng vào validFrom',
    }),
    validFrom: IsoDate,
    validTo: IsoDate.nullable().optional(),
    detail: ClearableText(2000).meta({
      description: 'Chi tiết (điểm thiếu hụt, loại khuyết tật…); lưu mã hóa',
    }),
  })
  .superRefine((value, ctx) => {
    if (value.validTo && value.validTo <= value.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'households.period_invalid' });
    }
  })
  .meta({ id: 'AddHouseholdCategoryRequest' });
export type AddHouseholdCategoryRequest = z.input<typeof AddHouseholdCategoryRequest>;

export const EndRecordRequest = z.object({ date: IsoDate }).meta({ id: 'EndRecordRequest' });
export type EndRecordRequest = z.input<typeof EndRecordRequest>;
export const EndCategoryResponse = z.object({ id: Uuid, validTo: IsoDate });

export const CulturalFamilyParams = z.object({
  id: Uuid,
  year: z.coerce.number().int().min(1990, { error: 'households.year_invalid' }).max(2100, {
    error: 'households.year_invalid',
  }),
});
export const PutCulturalFamilyRequest = z
  .object({
    registered: z.boolean(),
    recognized: z.boolean().nullable(),
    reason: ClearableText(500).transform((value) => value ?? null),
  })
  .superRefine((value, ctx) => {
    if (!value.registered && value.recognized === true) {
      ctx.addIssue({
        code: 'custom',
        path: ['recognized'],
        message: 'households.recognized_needs_registration',
      });
    }
  })
  .meta({ id: 'PutCulturalFamilyRequest' });
export type PutCulturalFamilyRequest = z.input<typeof PutCulturalFamilyRequest>;

export const AddConsentRequest = z
  .object({
    givenBy: NonBlankName,
    purpose: z.string().trim().min(1, { error: 'households.text_blank' }).max(500),
    givenOn: IsoDate,
    note: ClearableText(1000),
  })
  .meta({ id: 'AddConsentRequest' });
export type AddConsentRequest = z.input<typeof AddConsentRequest>;
export const WithdrawConsentResponse = z.object({ id: Uuid, withdrawnOn: IsoDate });

// --- Possible duplicates --------------------------------------------------------------------

export const ListDuplicatesQuery = z.object({
  unit: UnitCode,
  at: IsoDate.optional().meta({ description: 'Ngày đọc mã đơn vị và nơi ở của hộ; mặc định hôm nay' }),
  status: DuplicateStatus.default('open'),
});
export type ListDuplicatesQuery = z.input<typeof ListDuplicatesQuery>;
export const DuplicateListItem = DuplicateItem.extend({
  wardCode: z.string().nullable(),
  householdId: Uuid,
  householdCode: z.string(),
});
export const ListDuplicatesResponse = z
  .object({ items: z.array(DuplicateListItem) })
  .meta({ id: 'DuplicateList' });
export type ListDuplicatesResponse = z.infer<typeof ListDuplicatesResponse>;

export const ResolveDuplicateRequest = z
  .object({ status: z.enum(['not_duplicate', 'duplicate']) })
  .meta({ id: 'ResolveDuplicateRequest' });
export type ResolveDuplicateRequest = z.input<typeof ResolveDuplicateRequest>;
export const ResolveDuplicateResponse = z.object({ id: Uuid, status: DuplicateStatus });

export {
  birthYearOf,
  categoryStandardPeriod,
  householdSearchText,
  isBuiltInCategory,
  type PersonIssue,
  type PersonValues,
  personIssues,
  povertyCategoryCodes,
  resolvePersonName,
} from './rules';
