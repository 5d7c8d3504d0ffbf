import { QRPay } from 'vietnam-qr-pay';
import { describe, expect, it } from 'vitest';
import { transferMessage, vietQrFor } from './vietqr';

describe('VietQR', () => {
  it('builds an EMVCo payload for the fund’s account with the campaign code in the message', () => {
    const qr = vietQrFor(
      {
        bankBin: '970415',
        bankName: 'VietinBank',
        accountNumber: '113366668888',
        accountName: 'QUY VI NGUOI NGHEO',
      },
      transferMessage('SMT2021', 'Ủng hộ'),
    );
    expect(qr.payload.startsWith('000201')).toBe(true);
    const read = new QRPay(qr.payload);
    expect(read.isValid).toBe(true);
    expect(read.consumer.bankBin).toBe('970415');
    expect(read.consumer.bankNumber).toBe('113366668888');
    expect(read.additionalData.purpose).toBe('SMT2021 UNG HO');
  });
  it('keeps messages short and plain', () => {
    expect(transferMessage('VNN-2021', 'Nguyễn Văn Ấn ủng hộ quỹ vì người nghèo')).toBe(
      'VNN-2021 NGUYEN VAN AN UN',
    );
  });
});
