import { type CampaignVietQrResponse, todayInVietnam } from '@doanket/domain';
import type { Db } from '../../db/client';
import { notFound } from '../../lib/app-error';
import type { RequestContext } from '../../lib/context';
import * as bankRepo from './bank.repository';
import { findCampaignFor } from './campaigns.service';
import type { CampaignRow } from './funds.repository';
import { transferMessage, vietQrFor } from './vietqr';

type Options<T> = { db: Db; ctx: RequestContext } & T;

/**
 * The VietQR code of a campaign: the account its fund uses today, with the campaign code as the
 * transfer message. No authorization: the public pages show it too.
 */
export async function campaignVietQr(
  db: Db,
  campaign: Pick<CampaignRow, 'fundId' | 'code'>,
  at = todayInVietnam(),
): Promise<CampaignVietQrResponse> {
  const account = await bankRepo.findAccountInForce(db, campaign.fundId, at);
  if (!account) throw notFound('bank.no_account');
  return vietQrFor(account, transferMessage(campaign.code));
}

export async function getCampaignVietQr({ db, ctx, id }: Options<{ id: string }>) {
  const campaign = await findCampaignFor(db, ctx, id, 'read');
  return campaignVietQr(db, campaign);
}
