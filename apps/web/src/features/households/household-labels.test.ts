import { describe, expect, it } from 'vitest';
import { birthText, categoryColor, categoryLabel, foldedSearch, relationText } from './household-labels';

describe('household labels', () => {
  it('names a category from the served list, else the built-in one, else shows its code', () => {
    const served = [{ code: 'flood_2024', vi: 'Hộ bị ảnh hưởng bão Yagi', en: 'Hit by typhoon Yagi' }];
    expect(categoryLabel('flood_2024', 'vi', served)).toBe('Hộ bị ảnh hưởng bão Yagi');
    expect(categoryLabel('flood_2024', 'en', served)).toBe('Hit by typhoon Yagi');
    expect(categoryLabel('near_poor', 'vi', undefined)).toBe('Hộ cận nghèo');
    expect(categoryLabel('unknown_code', 'vi', served)).toBe('unknown_code');
  });

  it('colours every kind of policy family alike', () => {
    expect(categoryColor('policy_martyr')).toBe(categoryColor('policy_war_invalid'));
    expect(categoryColor('poor')).not.toBe(categoryColor('near_poor'));
  });

  it('gives relations and birth dates as people write them', () => {
    expect(relationText('daughter_in_law', 'vi')).toBe('Con dâu');
    expect(relationText('daughter_in_law', 'en')).toBe('Daughter-in-law');
    expect(birthText({ birthDate: '1970-03-12', birthYear: 1970 })).toBe('12/03/1970');
    expect(birthText({ birthDate: null, birthYear: 1972 })).toBe('1972');
    expect(birthText({ birthDate: null, birthYear: null })).toBe('—');
  });

  it('searches options without diacritics', () => {
    expect(foldedSearch.filterOption('can ngheo', { label: 'Hộ cận nghèo' })).toBe(true);
    expect(foldedSearch.filterOption('ngheo', { label: 'Người khuyết tật' })).toBe(false);
    expect(foldedSearch.filterOption('x', undefined)).toBe(false);
  });
});
