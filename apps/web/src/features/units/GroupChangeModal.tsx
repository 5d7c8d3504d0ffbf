import { CreateUnitRequest, ResidentialGroupSubkind, UnitChangeRequest } from '@doanket/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateFormat, formatDate, fromDayjs, toDayjs } from '../../lib/dates';
import { showApiFieldErrors, showFieldErrors, validateWith } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { UnitPicker } from './UnitPicker';
import {
  changeResidentialGroup,
  createResidentialGroup,
  type UnitDetailData,
  type UnitItem,
  unitsKey,
} from './units.api';

export type GroupChangeMode = 'add' | 'rename' | 'move' | 'close';

type Values = {
  name?: string;
  subkind?: string;
  date?: Dayjs | null;
  parentCode?: string | null;
  resolution?: string;
};

const fieldMap = (path: string) => {
  if (path === 'validFrom' || path === 'date') return 'date';
  const head = path.split('.')[0] ?? '';
  return ['name', 'subkind', 'parentCode', 'resolution'].includes(head) ? head : null;
};

/** Add, rename, move or close a residential group from a date, after a confirmation. */
export function GroupChangeModal({
  mode,
  ward,
  group,
  at,
  onClose,
}: {
  mode: GroupChangeMode;
  ward: UnitDetailData;
  group: UnitItem | null;
  at: string;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  const [targetName, setTargetName] = useState<string | null>(null);
  const chosenDate = Form.useWatch('date', form);
  const dateForPicker = chosenDate?.isValid() ? fromDayjs(chosenDate) : at;

  const mutation = useMutation({
    mutationFn: async (request: { kind: 'add'; body: unknown } | { kind: 'change'; body: unknown }) => {
      if (request.kind === 'add') return createResidentialGroup(request.body as never);
      return changeResidentialGroup(group?.code ?? '', request.body as never);
    },
    onSuccess: async (unit) => {
      onClose();
      message.success(t(`groups.done.${mode}`, { name: unit.name, code: unit.code }));
      await Promise.all([
        client.invalidateQueries({ queryKey: unitsKey }),
        client.invalidateQueries({ queryKey: ['audit'] }),
      ]);
    },
    onError: (error) => setFormError(showApiFieldErrors(form, error, lang, fieldMap) ? null : error),
  });

  const titleKey = `groups.${mode}.title` as const;
  const groupName = group?.name ?? '';

  const submit = (values: Values) => {
    setFormError(null);
    const date = values.date?.isValid() ? fromDayjs(values.date) : '';
    const resolution = values.resolution?.trim() ? values.resolution.trim() : undefined;
    const checked =
      mode === 'add'
        ? validateWith(CreateUnitRequest, {
            parentCode: ward.code,
            name: values.name ?? '',
            kind: 'residential_group',
            subkind: values.subkind,
            validFrom: date,
            resolution,
          })
        : validateWith(UnitChangeRequest, {
            type: mode,
            date,
            ...(mode === 'rename' ? { name: values.name ?? '' } : {}),
            ...(mode === 'move' ? { parentCode: values.parentCode ?? '' } : {}),
            resolution,
          });
    if (!checked.ok) {
      showFieldErrors(form, checked.fields, lang, fieldMap);
      return;
    }
    const summary = t(`groups.confirm.${mode}`, {
      name: mode === 'add' ? (values.name ?? '').trim() : groupName,
      newName: (values.name ?? '').trim(),
      ward: ward.name,
      target: targetName ?? values.parentCode ?? '',
      date: formatDate(date),
    });
    modal.confirm({
      title: t(titleKey),
      content: summary,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: mode === 'close' },
      onOk: () =>
        mutation
          .mutateAsync({ kind: mode === 'add' ? 'add' : 'change', body: checked.data })
          .catch(() => undefined),
    });
  };

  return (
    <Modal
      open
      title={
        <span>
          {t(titleKey)}
          {group ? (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {' '}
              — {group.name} ({group.code})
            </Typography.Text>
          ) : null}
        </span>
      }
      okText={t(`groups.${mode}.ok`)}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: mode === 'close', 'data-testid': 'group-submit' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      data-testid="group-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{
          name: mode === 'rename' ? groupName : '',
          subkind: 'to_dan_pho',
          date: toDayjs(at),
        }}
        data-testid={`group-form-${mode}`}
      >
        {mode === 'add' ? (
          <Typography.Paragraph type="secondary">
            {t('groups.add.hint', { ward: ward.name })}
          </Typography.Paragraph>
        ) : null}
        {mode === 'add' || mode === 'rename' ? (
          <Form.Item name="name" label={mode === 'add' ? t('groups.field.name') : t('groups.field.newName')}>
            <Input data-testid="group-name" maxLength={200} />
          </Form.Item>
        ) : null}
        {mode === 'add' ? (
          <Form.Item name="subkind" label={t('groups.field.subkind')}>
            <Select
              data-testid="group-subkind"
              options={ResidentialGroupSubkind.options.map((value) => ({
                value,
                label: t(`unit.subkind.${value}`),
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="date" label={mode === 'add' ? t('groups.field.validFrom') : t('groups.field.date')}>
          <DatePicker
            format={dateFormat}
            allowClear={false}
            style={{ width: '100%' }}
            data-testid="group-date"
          />
        </Form.Item>
        {mode === 'move' ? (
          <Form.Item name="parentCode" label={t('groups.field.target')} extra={t('groups.field.targetHint')}>
            <UnitPicker
              at={dateForPicker}
              testId="group-target"
              isSelectable={(unit) => unit.kind === 'ward' && unit.code !== ward.code}
              onChange={(_code, unit) => setTargetName(unit?.name ?? null)}
            />
          </Form.Item>
        ) : null}
        {mode === 'close' ? (
          <Typography.Paragraph type="warning">{t('groups.close.hint')}</Typography.Paragraph>
        ) : null}
        <Form.Item name="resolution" label={t('groups.field.resolution')}>
          <Input
            data-testid="group-resolution"
            maxLength={300}
            placeholder={t('groups.field.resolutionHint')}
          />
        </Form.Item>
        {formError ? <ErrorAlert error={formError} testId="group-error" /> : null}
      </Form>
    </Modal>
  );
}
