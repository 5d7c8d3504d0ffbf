import { povertyStandardOn, povertyStandardPeriods } from '@doanket/domain';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal, type FormModalProps } from '../../components/FormModal';
import { dateFormat, fromDayjs, toDayjs } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { UnitPicker } from '../units/UnitPicker';
import { foldedSearch } from './household-labels';
import { categoryKindsQuery, type HouseholdDetail, householdsApi, householdsKey } from './households.api';

/** A modal form whose save refreshes every households query; field errors of the API land on the fields. */
function RecordModal<V extends object>(props: Omit<FormModalProps<V>, 'refresh'>) {
  return (
    <FormModal<V> {...props} refresh={(client) => client.invalidateQueries({ queryKey: householdsKey })} />
  );
}

export function EditHouseholdModal({
  household,
  onClose,
}: {
  household: HouseholdDetail;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <RecordModal<{ address?: string; phone?: string }>
      title={t('household.edit.title', { code: household.code })}
      testId="household-edit"
      fields={['address', 'phone']}
      initialValues={{ address: household.address ?? '', phone: household.phone ?? '' }}
      save={(values) =>
        householdsApi.update(household.id, {
          address: values.address?.trim() || null,
          phone: values.phone?.trim() || null,
        })
      }
      onClose={onClose}
    >
      <Form.Item name="address" label={t('household.address')}>
        <Input data-testid="household-edit-address" />
      </Form.Item>
      <Form.Item name="phone" label={t('household.phone')}>
        <Input inputMode="tel" data-testid="household-edit-phone" />
      </Form.Item>
    </RecordModal>
  );
}

export function MoveHouseholdModal({
  household,
  at,
  onClose,
}: {
  household: HouseholdDetail;
  at: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [date, setDate] = useState(at);
  return (
    <RecordModal<{ groupCode?: string; date?: Dayjs }>
      title={t('household.move.title', { code: household.code })}
      testId="household-move"
      fields={['groupCode', 'date']}
      initialValues={{ date: toDayjs(at) }}
      save={(values) =>
        householdsApi.move(household.id, {
          groupCode: values.groupCode ?? '',
          date: values.date ? fromDayjs(values.date) : at,
        })
      }
      onClose={onClose}
    >
      <Form.Item name="date" label={t('household.move.date')} extra={t('household.move.hint')}>
        <DatePicker
          format={dateFormat}
          allowClear={false}
          style={{ width: '100%' }}
          onChange={(value) => value && setDate(fromDayjs(value))}
          data-testid="household-move-date"
        />
      </Form.Item>
      <Form.Item name="groupCode" label={t('household.move.target')}>
        <UnitPicker
          at={date}
          testId="household-move-group"
          isSelectable={(unit) => unit.kind === 'residential_group'}
        />
      </Form.Item>
    </RecordModal>
  );
}

const povertyCodes = ['poor', 'near_poor'];

export function AddCategoryModal({
  household,
  at,
  onClose,
}: {
  household: HouseholdDetail;
  at: string;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const kinds = useQuery(categoryKindsQuery);
  const [category, setCategory] = useState<string | undefined>();
  type Values = {
    category?: string;
    standardPeriod?: string | null;
    validFrom?: Dayjs;
    validTo?: Dayjs | null;
    detail?: string;
  };
  return (
    <RecordModal<Values>
      title={t('category.add.title')}
      testId="category-add"
      fields={['category', 'standardPeriod', 'validFrom', 'validTo', 'detail']}
      initialValues={{ validFrom: toDayjs(at), standardPeriod: povertyStandardOn(at)?.code ?? null }}
      save={(values) =>
        householdsApi.addCategory(household.id, {
          category: values.category ?? '',
          standardPeriod: povertyCodes.includes(values.category ?? '')
            ? (values.standardPeriod ?? null)
            : null,
          validFrom: values.validFrom ? fromDayjs(values.validFrom) : at,
          validTo: values.validTo ? fromDayjs(values.validTo) : null,
          detail: values.detail?.trim() || null,
        })
      }
      onClose={onClose}
    >
      <Form.Item name="category" label={t('category.kind')}>
        <Select
          showSearch={foldedSearch}
          onChange={setCategory}
          options={(kinds.data ?? []).map((kind) => ({
            value: kind.code,
            label: lang === 'en' ? kind.en : kind.vi,
          }))}
          data-testid="category-add-kind"
        />
      </Form.Item>
      {povertyCodes.includes(category ?? '') ? (
        <Form.Item name="standardPeriod" label={t('category.period')}>
          <Select
            options={povertyStandardPeriods.map((period) => ({ value: period.code, label: period.code }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="validFrom" label={t('category.validFrom')}>
        <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="validTo" label={t('category.validTo')} extra={t('category.validToHint')}>
        <DatePicker format={dateFormat} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="detail" label={t('category.detail')} extra={t('category.detailHint')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </RecordModal>
  );
}

export function CulturalFamilyModal({
  household,
  year,
  onClose,
}: {
  household: HouseholdDetail;
  year: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const existing = household.culturalFamily.find((record) => record.year === year);
  type Values = {
    year?: number;
    registered?: boolean;
    recognized?: 'yes' | 'no' | 'pending';
    reason?: string;
  };
  return (
    <RecordModal<Values>
      title={t('cultural.edit.title')}
      testId="cultural-edit"
      fields={['registered', 'recognized', 'reason']}
      initialValues={{
        year,
        registered: existing?.registered ?? true,
        recognized: existing?.recognized === true ? 'yes' : existing?.recognized === false ? 'no' : 'pending',
        reason: existing?.reason ?? '',
      }}
      save={(values) =>
        householdsApi.setCulturalFamily(household.id, values.year ?? year, {
          registered: values.registered ?? false,
          recognized: values.recognized === 'yes' ? true : values.recognized === 'no' ? false : null,
          reason: values.reason?.trim() || null,
        })
      }
      onClose={onClose}
    >
      <Form.Item name="year" label={t('cultural.year')}>
        <InputNumber min={1990} max={2100} style={{ width: 140 }} data-testid="cultural-year" />
      </Form.Item>
      <Form.Item name="registered" label={t('cultural.registered')} valuePropName="checked">
        <Switch data-testid="cultural-registered" />
      </Form.Item>
      <Form.Item name="recognized" label={t('cultural.recognized')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'pending', label: t('cultural.pending') },
            { value: 'yes', label: t('cultural.yes') },
            { value: 'no', label: t('cultural.no') },
          ]}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('cultural.reason')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </RecordModal>
  );
}

export function AddConsentModal({
  household,
  at,
  onClose,
}: {
  household: HouseholdDetail;
  at: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const head = household.members.find((member) => member.isHead);
  type Values = { givenBy?: string; purpose?: string; givenOn?: Dayjs; note?: string };
  return (
    <RecordModal<Values>
      title={t('consent.add.title')}
      testId="consent-add"
      fields={['givenBy', 'purpose', 'givenOn', 'note']}
      initialValues={{
        givenBy: head?.fullName ?? '',
        purpose: t('consent.defaultPurpose'),
        givenOn: toDayjs(at),
      }}
      save={(values) =>
        householdsApi.addConsent(household.id, {
          givenBy: values.givenBy?.trim() ?? '',
          purpose: values.purpose?.trim() ?? '',
          givenOn: values.givenOn ? fromDayjs(values.givenOn) : at,
          note: values.note?.trim() || null,
        })
      }
      onClose={onClose}
    >
      <Form.Item name="givenBy" label={t('consent.givenBy')}>
        <Input data-testid="consent-given-by" />
      </Form.Item>
      <Form.Item name="purpose" label={t('consent.purpose')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="consent-purpose" />
      </Form.Item>
      <Form.Item name="givenOn" label={t('consent.givenOn')}>
        <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('consent.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </RecordModal>
  );
}
