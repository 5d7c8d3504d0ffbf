import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { documentPlaceName, formatDocumentDate, formatMoney, formatNumber } from '@doanket/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QrCode } from '../../components/QrCode';
import { formatDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAppHref } from '../../lib/url-state';
import { donorLabel, methodLabel, statusColor } from './donation-labels';
import {
  type DonationDetail,
  donationQuery,
  donationsApi,
  receiptPdfUrl,
  refreshDonations,
} from './donations.api';
import './donations.css';

function CancelModal({ donation, onClose }: { donation: DonationDetail; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const mutation = useMutation({
    mutationFn: (reason: string) => donationsApi.cancel(donation.id, reason),
    onSuccess: async () => {
      await refreshDonations(client);
      message.success(t('donation.cancelled'));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('donation.cancel.title', { number: donation.receiptNumber })}
      okText={t('donation.cancel.ok')}
      okButtonProps={{ danger: true, 'data-testid': 'donation-cancel-ok' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('donation.cancel.explain')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => mutation.mutate(values.reason.trim())}
      >
        <Form.Item
          name="reason"
          label={t('donation.cancel.reason')}
          rules={[{ required: true, min: 3, whitespace: true, message: t('donation.cancel.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} autoFocus data-testid="donation-cancel-reason" />
        </Form.Item>
      </Form>
      {mutation.error ? <ErrorAlert error={mutation.error} testId="donation-cancel-error" /> : null}
    </Modal>
  );
}

/** The receipt as a printable page, with its QR code to the public verification of its entry. */
export function DonationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const href = useAppHref();
  const [isCancelling, setCancelling] = useState(false);
  const query = useQuery(donationQuery(id));
  const donation = query.data;

  if (query.error) return <ErrorAlert error={query.error} />;
  if (!donation) return <Card loading />;

  const cancelled = donation.status === 'cancelled';
  const place = documentPlaceName(donation.unitName || donation.fundName);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="receipt-page">
      <Space wrap className="no-print" data-testid="receipt-actions">
        <Link to={href('/donations', { fund: donation.fundId })}>
          <Button icon={<ArrowLeftOutlined />}>{t('donation.backToList')}</Button>
        </Link>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="receipt-print">
          {t('donation.print')}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          href={receiptPdfUrl(donation.id)}
          target="_blank"
          data-testid="receipt-download"
        >
          {t('donations.download')}
        </Button>
        {donation.campaignId ? (
          <Link to={href(`/campaigns/${donation.campaignId}`)} data-testid="receipt-campaign-link">
            <Button>{t('donation.campaign', { code: donation.campaignCode ?? '' })}</Button>
          </Link>
        ) : null}
        {donation.canCancel ? (
          <Button
            danger
            icon={<StopOutlined />}
            onClick={() => setCancelling(true)}
            data-testid="donation-cancel"
          >
            {t('donation.cancel')}
          </Button>
        ) : null}
      </Space>
      {cancelled ? (
        <Alert
          type="error"
          showIcon
          className="no-print"
          data-testid="receipt-cancelled"
          title={t('donation.cancelledOn', {
            date: donation.cancelledOn ? formatDate(donation.cancelledOn) : '',
          })}
          description={t('donation.cancelReason', { reason: donation.cancelReason ?? '' })}
        />
      ) : null}
      <Card className={`receipt-sheet${cancelled ? ' receipt-cancelled' : ''}`} data-testid="receipt">
        {cancelled ? (
          <div className="receipt-watermark" aria-hidden>
            ĐÃ HỦY
          </div>
        ) : null}
        <Row gutter={16} className="receipt-heading">
          <Col span={10} style={{ textAlign: 'center' }}>
            <div>ỦY BAN MTTQ VIỆT NAM</div>
            <div className="receipt-strong">
              {(donation.unitName || donation.fundName).toLocaleUpperCase('vi')}
            </div>
            <div className="receipt-italic">{donation.fundName}</div>
          </Col>
          <Col span={14} style={{ textAlign: 'center' }}>
            <div className="receipt-strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
            <div className="receipt-strong receipt-motto">Độc lập - Tự do - Hạnh phúc</div>
          </Col>
        </Row>
        <div className="receipt-title">BIÊN NHẬN TIỀN, HIỆN VẬT ỦNG HỘ</div>
        <div className="receipt-number" data-testid="receipt-number">
          Số: {donation.receiptNumber}
        </div>
        <Tag color={statusColor(donation.status)} className="no-print" data-testid="receipt-status">
          {t(`donations.status.${donation.status}`)}
        </Tag>
        <dl className="receipt-fields">
          <dt>Đơn vị tiếp nhận:</dt>
          <dd>
            {donation.fundName} — {donation.unitName}
          </dd>
          {donation.campaignName ? (
            <>
              <dt>Cuộc vận động:</dt>
              <dd data-testid="receipt-campaign">
                {donation.campaignName} ({donation.campaignCode})
              </dd>
            </>
          ) : null}
          <dt>Người ủng hộ:</dt>
          <dd data-testid="receipt-donor">
            {donorLabel(donation, t)}
            {donation.donorKind !== 'anonymous' && donation.donorName
              ? ` (${t(`donations.kind.${donation.donorKind}`)})`
              : ''}
          </dd>
          <dt>Hình thức:</dt>
          <dd>{methodLabel(donation.method, t)}</dd>
          <dt>Ngày nhận:</dt>
          <dd>{formatDate(donation.receivedOn)}</dd>
          <dt>{donation.method === 'in_kind' ? 'Giá trị hiện vật:' : 'Số tiền:'}</dt>
          <dd data-testid="receipt-amount">{formatMoney(donation.amount)}</dd>
          <dt>Bằng chữ:</dt>
          <dd className="receipt-italic" data-testid="receipt-words">
            {donation.amountInWords}.
          </dd>
          {donation.note ? (
            <>
              <dt>Ghi chú:</dt>
              <dd>{donation.note}</dd>
            </>
          ) : null}
        </dl>
        {donation.items.length > 0 ? (
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey={(_, index) => String(index)}
            dataSource={donation.items}
            data-testid="receipt-items"
            columns={[
              { title: 'STT', key: 'no', width: 50, align: 'center', render: (_, __, index) => index + 1 },
              { title: 'Hiện vật', dataIndex: 'name' },
              {
                title: 'Số lượng',
                dataIndex: 'quantity',
                width: 100,
                align: 'right',
                render: (value: number) => formatNumber(value),
              },
              {
                title: 'Giá trị (đồng)',
                dataIndex: 'value',
                width: 150,
                align: 'right',
                render: (value: number) => formatNumber(value),
              },
            ]}
          />
        ) : null}
        <div className="receipt-date-line">
          {place}, {formatDocumentDate(donation.receivedOn)}
        </div>
        <Row className="receipt-signatures">
          <Col span={12}>
            <div className="receipt-strong">NGƯỜI NỘP</div>
            <div className="receipt-italic">(Ký, ghi rõ họ tên)</div>
          </Col>
          <Col span={12}>
            <div className="receipt-strong">NGƯỜI NHẬN</div>
            <div className="receipt-italic">(Ký, ghi rõ họ tên)</div>
          </Col>
        </Row>
        <div className="receipt-verify">
          <QrCode value={donation.verifyUrl} size={112} testId="receipt-qr" />
          <div>
            <div>
              Quét mã để kiểm tra công khai bút toán số {donation.entrySeq} của quỹ:{' '}
              <a href={donation.verifyUrl} target="_blank" rel="noreferrer" data-testid="receipt-verify-link">
                {donation.verifyUrl}
              </a>
            </div>
            <div className="receipt-hash" data-testid="receipt-hash">
              Mã băm bút toán (SHA-256): {donation.entryHash}
            </div>
          </div>
        </div>
      </Card>
      {isCancelling ? <CancelModal donation={donation} onClose={() => setCancelling(false)} /> : null}
    </Space>
  );
}
