import { ListHouseholdsResponse } from '@doanket/domain';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useDebounced } from '../../lib/use-debounced';

/** Picks a household of the register under a unit by code, address or a member's name. */
export function HouseholdPicker({
  unit,
  at,
  value,
  label,
  onChange,
  disabled,
  status,
  testId,
}: {
  unit: string;
  at: string;
  value: string | null;
  label: string;
  onChange: (household: { id: string; name: string } | null) => void;
  disabled?: boolean;
  status?: 'error';
  testId: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const found = useQuery({
    queryKey: ['households', 'list', { unit, at, q, picker: true }],
    queryFn: ({ signal }) =>
      api.get('/households', ListHouseholdsResponse, { query: { unit, at, q, pageSize: 20 }, signal }),
    enabled: Boolean(unit) && q.length >= 2,
  });
  const options = (found.data?.items ?? []).map((household) => ({
    value: household.id,
    label: `${household.code} — ${household.headName ?? t('donations.household.noHead')}`,
    name: household.headName ?? `Hộ ${household.code}`,
  }));
  const current =
    value && !options.some((option) => option.value === value) ? [{ value, label, name: label }] : [];
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      size="small"
      value={value ?? undefined}
      placeholder={t('donations.household.search')}
      notFoundContent={q.length < 2 ? t('donations.household.typeMore') : t('donations.household.none')}
      loading={found.isFetching}
      disabled={disabled}
      status={status}
      options={[...current, ...options]}
      onChange={(id?: string) => {
        const option = options.find((candidate) => candidate.value === id);
        onChange(id && option ? { id, name: option.name } : null);
      }}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
