import { foldDiacritics } from '@doanket/domain';
import { BanksObject, QRPay } from 'vietnam-qr-pay';

export type VietQr = {
  /** The EMVCo payload to draw as a QR code; banking apps read account, amount and message from it. */
  payload: string;
  bankBin: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
  message: string;
};

/** Transfer messages travel without diacritics and with few symbols; banks cut them at about 25 characters. */
export function transferMessage(campaignCode: string, extra = ''): string {
  const text = `${campaignCode} ${foldDiacritics(extra).toUpperCase()}`.replace(/[^A-Z0-9 -]/gi, ' ');
  return text.replace(/\s+/g, ' ').trim().slice(0, 25);
}

export const bankShortName = (bin: string) =>
  Object.values(BanksObject).find((bank) => bank.bin === bin)?.shortName ?? null;

/** A VietQR (NAPAS 247) code for a transfer to a fund's account, carrying the campaign code. */
export function vietQrFor(
  account: { bankBin: string; bankName: string; accountNumber: string; accountName: string },
  message: string,
  amount?: number,
): VietQr {
  const qr = QRPay.initVietQR({
    bankBin: account.bankBin,
    bankNumber: account.accountNumber,
    purpose: message,
    ...(amount ? { amount: String(amount) } : {}),
  });
  return {
    payload: qr.build(),
    bankBin: account.bankBin,
    bankName: account.bankName,
    accountNumber: account.accountNumber,
    accountName: account.accountName,
    message,
  };
}
