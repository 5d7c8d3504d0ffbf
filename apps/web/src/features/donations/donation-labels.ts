import type { DonationMethod, DonationStatus, DonorKind } from '@doanket/domain';
import type { Translate } from '../../lib/i18n';

/** The donor as a list shows it: the name, "Nhà hảo tâm" when anonymous, or a hidden mark. */
export function donorLabel(
  donation: { donorKind: DonorKind; donorName: string | null },
  t: Translate,
): string {
  if (donation.donorKind === 'anonymous') return t('donations.anonymous');
  return donation.donorName ?? t('donations.nameHidden');
}

export const methodLabel = (method: DonationMethod, t: Translate) => t(`donations.method.${method}`);

export const statusColor = (status: DonationStatus) => (status === 'cancelled' ? 'red' : 'green');
