import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { formatMoney } from '@doanket/domain';
import { AutoComplete, Button, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { formatAmountInput, type ItemDraft, itemCodeOf, parseAmount } from './donation-entry';

type Line = { key: number; item: string; name: string; quantity: number | null; valueText: string };

let lineKey = 0;
const toLine = (item?: ItemDraft): Line => {
  lineKey += 1;
  return {
    key: lineKey,
    item: item?.item ?? '',
    name: item?.name ?? '',
    quantity: item?.quantity ?? 1,
    valueText: item ? formatAmountInput(String(item.value)) : '',
  };
};

/**
 * The items of one donation in kind: name (a campaign's target items are offered), quantity and the
 * line's total value. Their sum becomes the row's amount.
 */
export function ItemsEditor({
  items,
  known,
  onSave,
  onClose,
}: {
  items: readonly ItemDraft[];
  known: ReadonlyArray<{ item: string; name: string }>;
  onSave: (items: ItemDraft[]) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [lines, setLines] = useState<Line[]>(() => (items.length > 0 ? items.map(toLine) : [toLine()]));
  const [isChecked, setChecked] = useState(false);
  const update = (key: number, change: Partial<Line>) =>
    setLines((previous) => previous.map((line) => (line.key === key ? { ...line, ...change } : line)));
  const total = lines.reduce((sum, line) => sum + (parseAmount(line.valueText) ?? 0), 0);
  const problems = (line: Line) => ({
    name: line.name.trim() === '',
    quantity: !line.quantity || line.quantity < 1 || !Number.isInteger(line.quantity),
    value: parseAmount(line.valueText) === null,
  });
  const isValid = lines.length > 0 && lines.every((line) => !Object.values(problems(line)).some(Boolean));

  const save = () => {
    setChecked(true);
    if (!isValid) return;
    onSave(
      lines.map((line) => {
        const match = known.find((candidate) => candidate.name === line.name.trim());
        return {
          item: line.item || match?.item || itemCodeOf(line.name),
          name: line.name.trim(),
          quantity: line.quantity ?? 0,
          value: parseAmount(line.valueText) ?? 0,
        };
      }),
    );
  };

  return (
    <Modal
      open
      width={720}
      title={t('donations.items.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={save}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'donation-items-ok' }}
      destroyOnHidden
    >
      <Table<Line>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={lines}
        data-testid="donation-items"
        columns={[
          {
            title: t('donations.items.name'),
            dataIndex: 'name',
            render: (_: unknown, line, index) => (
              <AutoComplete
                value={line.name}
                style={{ width: '100%' }}
                status={isChecked && problems(line).name ? 'error' : undefined}
                options={known.map((candidate) => ({ value: candidate.name }))}
                filterOption={(input, option) =>
                  String(option?.value ?? '')
                    .toLocaleLowerCase('vi')
                    .includes(input.toLocaleLowerCase('vi'))
                }
                onChange={(value: string) => {
                  const match = known.find((candidate) => candidate.name === value);
                  update(line.key, { name: value, item: match?.item ?? '' });
                }}
              >
                <Input data-testid={`donation-item-${index + 1}-name`} />
              </AutoComplete>
            ),
          },
          {
            title: t('donations.items.quantity'),
            dataIndex: 'quantity',
            width: 110,
            render: (_: unknown, line, index) => (
              <InputNumber
                min={1}
                precision={0}
                value={line.quantity}
                status={isChecked && problems(line).quantity ? 'error' : undefined}
                onChange={(value) => update(line.key, { quantity: value })}
                style={{ width: '100%' }}
                data-testid={`donation-item-${index + 1}-quantity`}
              />
            ),
          },
          {
            title: t('donations.items.value'),
            dataIndex: 'valueText',
            width: 170,
            render: (_: unknown, line, index) => (
              <Input
                inputMode="numeric"
                value={line.valueText}
                status={isChecked && problems(line).value ? 'error' : undefined}
                onChange={(event) => update(line.key, { valueText: formatAmountInput(event.target.value) })}
                style={{ textAlign: 'right' }}
                data-testid={`donation-item-${index + 1}-value`}
              />
            ),
          },
          {
            key: 'remove',
            width: 44,
            render: (_: unknown, line) => (
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('donations.items.remove')}
                disabled={lines.length === 1}
                onClick={() => setLines((previous) => previous.filter((other) => other.key !== line.key))}
              />
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12, width: '100%', justifyContent: 'space-between' }}>
        <Button
          icon={<PlusOutlined />}
          onClick={() => setLines((previous) => [...previous, toLine()])}
          disabled={lines.length >= 50}
          data-testid="donation-items-add"
        >
          {t('donations.items.add')}
        </Button>
        <Typography.Text strong data-testid="donation-items-total">
          {t('donations.items.total', { amount: formatMoney(total) })}
        </Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('donations.items.hint')}
      </Typography.Paragraph>
    </Modal>
  );
}
