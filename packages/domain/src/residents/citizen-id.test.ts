import { describe, expect, it } from 'vitest';
import { checkCitizenId, citizenIdProvinces, maskCitizenId, parseCitizenId } from './citizen-id';

describe('parseCitizenId', () => {
  it('reads province, sex and birth year', () => {
    expect(parseCitizenId('001085012345')).toEqual({
      ok: true,
      value: {
        value: '001085012345',
        provinceCode: '001',
        provinceLabel: 'Hà Nội',
        sex: 'male',
        birthYear: 1985,
      },
    });
    const woman = parseCitizenId('079 190 123 456');
    expect(woman.ok && woman.value).toMatchObject({
      provinceCode: '079',
      provinceLabel: 'Hồ Chí Minh',
      sex: 'female',
      birthYear: 1990,
    });
  });
  it('reads every century digit', () => {
    const read = (digit: number) => {
      const parsed = parseCitizenId(`001${digit}07123456`);
      if (!parsed.ok) throw new Error(parsed.error);
      return [parsed.value.sex, parsed.value.birthYear];
    };
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(read)).toEqual([
      ['male', 1907],
      ['female', 1907],
      ['male', 2007],
      ['female', 2007],
      ['male', 2107],
      ['female', 2107],
      ['male', 2207],
      ['female', 2207],
      ['male', 1807],
      ['female', 1807],
    ]);
  });
  it('accepts unknown prefixes without a label', () => {
    const parsed = parseCitizenId('999301123456');
    expect(parsed).toMatchObject({ ok: true, value: { provinceCode: '999', provinceLabel: null } });
    expect(parseCitizenId('003301123456')).toMatchObject({ ok: true, value: { provinceLabel: null } });
  });
  it('accepts dots, spaces, dashes and the Excel apostrophe', () => {
    expect(parseCitizenId("'001.085.012.345")).toMatchObject({ ok: true, value: { value: '001085012345' } });
    expect(parseCitizenId(' 001-085-012345 ')).toMatchObject({ ok: true, value: { value: '001085012345' } });
  });
  it('tells an old CMND, a lost leading zero and other lengths apart', () => {
    expect(parseCitizenId('012345678')).toEqual({ ok: false, error: 'resident.citizen_id.old_cmnd' });
    expect(parseCitizenId('12345678901')).toEqual({
      ok: false,
      error: 'resident.citizen_id.leading_zero_lost',
    });
    expect(parseCitizenId('1085012345')).toEqual({
      ok: false,
      error: 'resident.citizen_id.leading_zero_lost',
    });
    expect(parseCitizenId('0010850123456')).toEqual({ ok: false, error: 'resident.citizen_id.length' });
    expect(parseCitizenId('00108501234')).toEqual({
      ok: false,
      error: 'resident.citizen_id.leading_zero_lost',
    });
    expect(parseCitizenId('1234')).toEqual({ ok: false, error: 'resident.citizen_id.length' });
    expect(parseCitizenId('00108501234A')).toEqual({ ok: false, error: 'resident.citizen_id.characters' });
    expect(parseCitizenId('1.00109E+11')).toEqual({ ok: false, error: 'resident.citizen_id.characters' });
    expect(parseCitizenId('  ')).toEqual({ ok: false, error: 'resident.blank' });
  });
});

describe('citizenIdProvinces', () => {
  it('has the 63 provinces of before July 2025', () => {
    expect(Object.keys(citizenIdProvinces)).toHaveLength(63);
    expect(citizenIdProvinces['096']).toBe('Cà Mau');
    expect(citizenIdProvinces['048']).toBe('Đà Nẵng');
    expect(Object.keys(citizenIdProvinces).every((code) => /^0\d\d$/.test(code))).toBe(true);
  });
});

describe('checkCitizenId', () => {
  it('accepts a consistent ID', () => {
    expect(checkCitizenId('001185012345', { sex: 'female', birthYear: 1985 })).toMatchObject({ errors: [] });
    expect(checkCitizenId('001185012345')).toMatchObject({ errors: [], value: { birthYear: 1985 } });
  });
  it('reports a wrong sex and a wrong birth year together', () => {
    expect(checkCitizenId('001185012345', { sex: 'male', birthYear: 1986 }).errors).toEqual([
      'resident.citizen_id.sex_mismatch',
      'resident.citizen_id.birth_year_mismatch',
    ]);
    expect(checkCitizenId('001085012345', { sex: 'female' }).errors).toEqual([
      'resident.citizen_id.sex_mismatch',
    ]);
  });
  it('reports a birth year in the future when today is given', () => {
    expect(checkCitizenId('001430012345', { today: '2025-08-01' }).errors).toEqual([
      'resident.citizen_id.birth_year_future',
    ]);
    expect(checkCitizenId('001225012345', { today: '2025-08-01' }).errors).toEqual([]);
  });
  it('passes on parse errors', () => {
    expect(checkCitizenId('012345678', { sex: 'male' })).toEqual({
      value: null,
      errors: ['resident.citizen_id.old_cmnd'],
    });
  });
});

describe('maskCitizenId', () => {
  it('shows the first 3 and last 2 digits', () => {
    expect(maskCitizenId('001234567845')).toBe('001*******45');
    expect(maskCitizenId('001 234 567 845')).toBe('001*******45');
    expect(maskCitizenId('12345')).toBe('*****');
  });
});
