import { DeleteOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import {
  type CreatedWithDuplicates,
  CreateHouseholdRequest,
  type FieldError,
  PersonInput,
  type Relation,
  type UpdatePersonRequest,
} from '@doanket/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  List,
  Modal,
  Result,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError, type Lang } from '../../lib/api';
import { dateFormat, fromDayjs, toDayjs } from '../../lib/dates';
import { validateWith } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { useAppHref } from '../../lib/url-state';
import { UnitPicker } from '../units/UnitPicker';
import { unitDetailQuery } from '../units/units.api';
import { foldedSearch, relationOptions } from './household-labels';
import { type DuplicateFlag, type HouseholdMember, householdsApi, householdsKey } from './households.api';

/** "members.0.fullName" → ['members', 0, 'fullName'], the name antd gives the field in a Form.List. */
export function fieldPath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Puts field errors on the fields they name (nested ones included); returns those matching no field. */
export function applyFieldErrors(
  form: FormInstance,
  fields: readonly FieldError[],
  lang: Lang,
  known: readonly string[],
): FieldError[] {
  const rest: FieldError[] = [];
  const found: { name: (string | number)[]; errors: string[] }[] = [];
  for (const field of fields) {
    const name = fieldPath(field.path);
    if (!known.includes(String(name[0]))) {
      rest.push(field);
      continue;
    }
    found.push({ name, errors: [lang === 'en' ? field.messageEn : field.message] });
  }
  form.setFields(found);
  return rest;
}

function apiFieldErrors(form: FormInstance, error: unknown, lang: Lang, known: readonly string[]): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  return applyFieldErrors(form, error.fields, lang, known).length < error.fields.length;
}

export function DuplicateReason({ reason }: { reason: string }) {
  const { t } = useI18n();
  return (
    <span>
      {reason === 'citizen_id' ? t('duplicate.reason.citizen_id') : t('duplicate.reason.name_birth')}
    </span>
  );
}

/** Possible duplicates a save flagged; nothing is merged, an officer reviews them on the household page. */
export function DuplicatesNotice({ duplicates }: { duplicates: readonly DuplicateFlag[] }) {
  const { t } = useI18n();
  const href = useAppHref();
  if (duplicates.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<WarningOutlined />}
      data-testid="duplicates-notice"
      title={t('duplicate.flagged', { count: duplicates.length })}
      description={
        <List
          size="small"
          dataSource={[...duplicates]}
          renderItem={(flag) => (
            <List.Item>
              <span>
                {flag.personName ?? ''} ↔ {flag.otherName ?? ''} (<DuplicateReason reason={flag.reason} />)
                {flag.otherHouseholdId ? (
                  <>
                    {' · '}
                    <Link to={href(`/households/${flag.otherHouseholdId}`)}>
                      {t('duplicate.otherHousehold', { code: flag.otherHouseholdCode ?? '' })}
                    </Link>
                  </>
                ) : null}
              </span>
            </List.Item>
          )}
        />
      }
    />
  );
}

type MemberValues = {
  fullName?: string;
  relation?: string;
  sex?: 'male' | 'female' | null;
  birthDate?: Dayjs | null;
  citizenId?: string;
  phone?: string;
};

function toPersonInput(values: MemberValues): PersonInput {
  return {
    fullName: values.fullName ?? '',
    relation: values.relation as Relation,
    isHead: values.relation === 'head',
    sex: values.sex ?? null,
    birthDate: values.birthDate ? fromDayjs(values.birthDate) : null,
    citizenId: values.citizenId ?? null,
    phone: values.phone ?? null,
  };
}

/** Field errors that match no field of the form, shown as one message under it. */
function leftoverError(rest: readonly FieldError[]): ApiError | null {
  const first = rest[0];
  return first
    ? new ApiError(400, { code: 'validation', message: first.message, messageEn: first.messageEn })
    : null;
}

/** One person's fields; `prefix` is the field path (relative inside a Form.List), `testPrefix` names the inputs. */
function MemberFields({
  prefix,
  testPrefix,
  lang,
}: {
  prefix: (string | number)[];
  testPrefix: string;
  lang: Lang;
}) {
  const { t } = useI18n();
  const name = (field: string) => [...prefix, field];
  const testId = (field: string) => `${testPrefix}-${field}`;
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item name={name('fullName')} label={t('person.fullName')}>
          <Input data-testid={testId('fullName')} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={name('relation')} label={t('person.relation')}>
          <Select
            options={relationOptions(lang)}
            showSearch={foldedSearch}
            data-testid={testId('relation')}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={name('sex')} label={t('person.sex')}>
          <Select
            allowClear
            data-testid={testId('sex')}
            options={[
              { value: 'male', label: t('person.sex.male') },
              { value: 'female', label: t('person.sex.female') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name={name('birthDate')} label={t('person.birthDate')}>
          <DatePicker format={dateFormat} style={{ width: '100%' }} data-testid={testId('birthDate')} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name={name('citizenId')} label={t('person.citizenId')}>
          <Input inputMode="numeric" autoComplete="off" data-testid={testId('citizenId')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('phone')} label={t('person.phone')}>
          <Input inputMode="tel" autoComplete="off" data-testid={testId('phone')} />
        </Form.Item>
      </Col>
    </Row>
  );
}

type HouseholdValues = {
  groupCode?: string | null;
  at?: Dayjs;
  code?: string;
  address?: string;
  phone?: string;
  members?: MemberValues[];
};

const householdFields = ['groupCode', 'at', 'code', 'address', 'phone', 'members'];

export function CreateHouseholdModal({
  unitCode,
  at,
  onClose,
  onCreated,
}: {
  unitCode: string;
  at: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<HouseholdValues>();
  const [formError, setFormError] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedWithDuplicates | null>(null);
  const unit = useQuery(unitDetailQuery(unitCode, at));
  const isGroup = unit.data?.kind === 'residential_group';
  const mutation = useMutation({
    mutationFn: householdsApi.create,
    onSuccess: async (answer) => {
      await client.invalidateQueries({ queryKey: householdsKey });
      if (answer.duplicates.length === 0) {
        onClose();
        onCreated(answer.id);
      } else setCreated(answer);
    },
  });

  const submit = (values: HouseholdValues) => {
    setFormError(null);
    const input = {
      groupCode: values.groupCode ?? '',
      at: values.at ? fromDayjs(values.at) : at,
      code: values.code ?? '',
      address: values.address,
      phone: values.phone,
      members: (values.members ?? []).map(toPersonInput),
    };
    const checked = validateWith(CreateHouseholdRequest, input);
    if (!checked.ok) {
      setFormError(leftoverError(applyFieldErrors(form, checked.fields, lang, householdFields)));
      return;
    }
    // The contract's checks passed; the server reads the same input again.
    mutation.mutate(input, {
      onError: (error) => setFormError(apiFieldErrors(form, error, lang, householdFields) ? null : error),
    });
  };

  if (created) {
    return (
      <Modal open onCancel={onClose} footer={null} title={t('household.create.title')} destroyOnHidden>
        <Result
          status="warning"
          title={t('household.create.doneWithDuplicates')}
          subTitle={t('duplicate.reviewHint')}
          extra={
            <Button
              type="primary"
              data-testid="household-created-open"
              onClick={() => {
                onClose();
                onCreated(created.id);
              }}
            >
              {t('household.open')}
            </Button>
          }
        />
        <DuplicatesNotice duplicates={created.duplicates} />
      </Modal>
    );
  }

  return (
    <Modal
      open
      width={860}
      title={t('household.create.title')}
      okText={t('household.create.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'household-create-ok' }}
      destroyOnHidden
    >
      <Form<HouseholdValues>
        key={isGroup ? 'group' : 'other'}
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{
          groupCode: isGroup ? unitCode : null,
          at: toDayjs(at),
          members: [{ relation: 'head' }],
        }}
        data-testid="household-create-form"
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="groupCode" label={t('household.group')}>
              <UnitPicker
                at={at}
                testId="household-group"
                isSelectable={(candidate) => candidate.kind === 'residential_group'}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="code" label={t('household.code')}>
              <Input data-testid="household-code" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="at" label={t('household.registeredOn')}>
              <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="address" label={t('household.address')}>
              <Input data-testid="household-address" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="phone" label={t('household.phone')}>
              <Input inputMode="tel" data-testid="household-phone" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('household.members')}</Typography.Title>
        <Form.List name="members">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, index) => (
                <Card
                  key={row.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={t('household.memberNumber', { number: index + 1 })}
                  extra={
                    rows.length > 1 ? (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('household.memberRemove')}
                        onClick={() => remove(row.name)}
                      />
                    ) : null
                  }
                >
                  <MemberFields prefix={[row.name]} testPrefix={`member-${index}`} lang={lang} />
                </Card>
              ))}
              <Button
                block
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ relation: 'child' })}
                data-testid="household-member-add"
              >
                {t('household.memberAdd')}
              </Button>
            </>
          )}
        </Form.List>
        {formError ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={formError} testId="household-create-error" />
          </div>
        ) : null}
      </Form>
    </Modal>
  );
}

const personFields = ['fullName', 'relation', 'isHead', 'sex', 'birthDate', 'phone', 'citizenId'];

/** Adds a member to a household, or corrects one; a blank citizen ID on edit keeps the stored one. */
export function MemberModal({
  householdId,
  member,
  onClose,
}: {
  householdId: string;
  member: HouseholdMember | null;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ person: MemberValues }>();
  const [formError, setFormError] = useState<unknown>(null);
  const [duplicates, setDuplicates] = useState<DuplicateFlag[]>([]);
  const mutation = useMutation({
    mutationFn: async (input: PersonInput): Promise<DuplicateFlag[]> => {
      if (!member) return (await householdsApi.addPerson(householdId, input)).duplicates;
      // A blank citizen ID on edit keeps the stored one, which the form never shows.
      const { citizenId, isHead: _isHead, ...rest } = input;
      const change: UpdatePersonRequest = citizenId ? { ...rest, citizenId } : rest;
      await householdsApi.updatePerson(member.id, change);
      return [];
    },
    onSuccess: async (flags) => {
      await client.invalidateQueries({ queryKey: householdsKey });
      message.success(t(member ? 'person.saved' : 'person.added'));
      if (flags.length) setDuplicates(flags);
      else onClose();
    },
  });
  const showErrors = (fields: readonly FieldError[]) => {
    const known = fields.filter((field) => personFields.includes(field.path));
    form.setFields(
      known.map((field) => ({
        name: ['person', field.path] as never,
        errors: [lang === 'en' ? field.messageEn : field.message],
      })),
    );
    setFormError(leftoverError(fields.filter((field) => !personFields.includes(field.path))));
  };

  if (duplicates.length) {
    return (
      <Modal
        open
        onCancel={onClose}
        onOk={onClose}
        cancelButtonProps={{ hidden: true }}
        title={t('person.added')}
      >
        <DuplicatesNotice duplicates={duplicates} />
      </Modal>
    );
  }

  return (
    <Modal
      open
      width={720}
      title={member ? t('person.edit.title', { name: member.fullName }) : t('person.add.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'member-save' }}
      destroyOnHidden
    >
      <Form<{ person: MemberValues }>
        form={form}
        layout="vertical"
        requiredMark={false}
        data-testid="member-form"
        initialValues={{
          person: member
            ? {
                fullName: member.fullName,
                relation: member.relation,
                sex: member.sex ?? null,
                birthDate: member.birthDate ? toDayjs(member.birthDate) : null,
                phone: member.phone ?? '',
              }
            : { relation: 'child' },
        }}
        onFinish={(values) => {
          setFormError(null);
          const input = toPersonInput(values.person);
          const checked = validateWith(
            PersonInput,
            member && !input.citizenId ? { ...input, citizenId: null } : input,
          );
          if (!checked.ok) {
            showErrors(checked.fields);
            return;
          }
          mutation.mutate(input, {
            onError: (error) => {
              if (error instanceof ApiError && error.fields.length > 0) showErrors(error.fields);
              else setFormError(error);
            },
          });
        }}
      >
        <MemberFields prefix={['person']} testPrefix="member" lang={lang} />
        {member?.citizenIdMasked ? (
          <Typography.Paragraph type="secondary">
            {t('person.citizenIdKeep', { mask: member.citizenIdMasked })}
          </Typography.Paragraph>
        ) : null}
        {formError ? <ErrorAlert error={formError} testId="member-error" /> : null}
      </Form>
    </Modal>
  );
}
