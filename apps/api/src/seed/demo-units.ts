/**
 * The demo district, written by hand: Hà Nội, Quận Bắc Từ Liêm and its 13 wards until
 * 30 June 2025, and the new wards they went into on 1 July 2025 with their lineage.
 * Official lists of the whole country are loaded with `doanket units import`.
 */
export const REFORM_DATE = '2025-07-01';
const DISTRICT_RESOLUTION = 'Nghị quyết 132/NQ-CP ngày 27/12/2013 của Chính phủ';
const REFORM_RESOLUTION = 'Nghị quyết 1656/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội';

export const demoProvince = {
  code: '01',
  name: 'Thành phố Hà Nội',
  subkind: 'thanh_pho_tw',
  validFrom: '2008-08-01',
  resolution: 'Nghị quyết 15/2008/QH12 ngày 29/5/2008 của Quốc hội',
} as const;

export const demoDistrict = {
  code: '021',
  name: 'Quận Bắc Từ Liêm',
  subkind: 'quan',
  validFrom: '2014-04-01',
  validTo: REFORM_DATE,
  resolution: DISTRICT_RESOLUTION,
} as const;

/** Old wards with the number of residential groups the demo gives each. */
export const demoOldWards = [
  { code: '00595', name: 'Phường Thượng Cát', groups: 12 },
  { code: '00598', name: 'Phường Liên Mạc', groups: 14 },
  { code: '00601', name: 'Phường Đông Ngạc', groups: 22 },
  { code: '00602', name: 'Phường Đức Thắng', groups: 15 },
  { code: '00604', name: 'Phường Thụy Phương', groups: 13 },
  { code: '00607', name: 'Phường Tây Tựu', groups: 20 },
  { code: '00610', name: 'Phường Xuân Đỉnh', groups: 25 },
  { code: '00611', name: 'Phường Xuân Tảo', groups: 16 },
  { code: '00613', name: 'Phường Minh Khai', groups: 19 },
  { code: '00616', name: 'Phường Cổ Nhuế 1', groups: 21 },
  { code: '00617', name: 'Phường Cổ Nhuế 2', groups: 18 },
  { code: '00619', name: 'Phường Phú Diễn', groups: 23 },
  { code: '00620', name: 'Phường Phúc Diễn', groups: 10 },
] as const;

export const demoNewWards = [
  { code: '00091', name: 'Phường Phú Thượng' },
  { code: '00160', name: 'Phường Nghĩa Đô' },
  { code: '00598', name: 'Phường Thượng Cát' },
  { code: '00602', name: 'Phường Đông Ngạc' },
  { code: '00611', name: 'Phường Xuân Đỉnh' },
  { code: '00613', name: 'Phường Tây Tựu' },
  { code: '00619', name: 'Phường Phú Diễn' },
  { code: '00622', name: 'Phường Xuân Phương' },
] as const;

/** New ward ← old wards of the district, as resolution 1656 drew them (other districts' wards left out). */
export const demoLineage: Array<{ successor: string; predecessor: string; type: 'full' | 'partial' }> = [
  { successor: '00091', predecessor: '00601', type: 'partial' },
  { successor: '00091', predecessor: '00610', type: 'partial' },
  { successor: '00091', predecessor: '00611', type: 'partial' },
  { successor: '00160', predecessor: '00611', type: 'partial' },
  { successor: '00160', predecessor: '00616', type: 'partial' },
  { successor: '00598', predecessor: '00595', type: 'full' },
  { successor: '00598', predecessor: '00598', type: 'full' },
  { successor: '00598', predecessor: '00604', type: 'partial' },
  { successor: '00598', predecessor: '00607', type: 'partial' },
  { successor: '00598', predecessor: '00613', type: 'partial' },
  { successor: '00598', predecessor: '00617', type: 'partial' },
  { successor: '00602', predecessor: '00601', type: 'partial' },
  { successor: '00602', predecessor: '00602', type: 'full' },
  { successor: '00602', predecessor: '00604', type: 'partial' },
  { successor: '00602', predecessor: '00610', type: 'partial' },
  { successor: '00602', predecessor: '00613', type: 'partial' },
  { successor: '00602', predecessor: '00617', type: 'partial' },
  { successor: '00611', predecessor: '00610', type: 'partial' },
  { successor: '00611', predecessor: '00611', type: 'partial' },
  { successor: '00611', predecessor: '00616', type: 'partial' },
  { successor: '00613', predecessor: '00607', type: 'partial' },
  { successor: '00613', predecessor: '00613', type: 'partial' },
  { successor: '00619', predecessor: '00616', type: 'partial' },
  { successor: '00619', predecessor: '00619', type: 'full' },
  { successor: '00619', predecessor: '00620', type: 'partial' },
  { successor: '00622', predecessor: '00613', type: 'partial' },
  { successor: '00622', predecessor: '00620', type: 'partial' },
];

export const demoResolutions = { district: DISTRICT_RESOLUTION, reform: REFORM_RESOLUTION };

export const demoAccounts = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'system_admin', unitCode: null },
  {
    username: 'btl',
    displayName: 'Ban Thường trực MTTQ quận Bắc Từ Liêm',
    role: 'standing_committee',
    unitCode: '021',
  },
  { username: 'xuandinh', displayName: 'Cán bộ MTTQ phường Xuân Đỉnh', role: 'officer', unitCode: '00610' },
  { username: 'thuongcat', displayName: 'Cán bộ MTTQ phường Thượng Cát', role: 'officer', unitCode: '00595' },
  { username: 'ketoan', displayName: 'Kế toán MTTQ quận Bắc Từ Liêm', role: 'treasurer', unitCode: '021' },
  {
    username: 'ketoanxd',
    displayName: 'Kế toán MTTQ phường Xuân Đỉnh',
    role: 'treasurer',
    unitCode: '00610',
  },
  // Tổ dân phố số 5 of Xuân Đỉnh has a self-governing team (led by this resident) and groups.
  { username: 'totruong', displayName: 'Nguyễn Thị Hoa', role: 'team_leader', unitCode: '00610.005' },
  {
    username: 'truongtdp',
    displayName: 'Tổ trưởng tổ dân phố số 5 phường Xuân Đỉnh',
    role: 'residential_group_head',
    unitCode: '00610.005',
  },
] as const;
