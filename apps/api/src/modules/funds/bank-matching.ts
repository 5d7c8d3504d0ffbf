import { foldDiacritics } from '@doanket/domain';

export type MatchableCampaign = { id: string; code: string; startsOn: string; receivingEndsOn: string };

/**
 * A campaign code inside a transfer message. Banks and donors drop or change punctuation and
 * spaces ("VNN-2021" may arrive as "VNN2021" or "VNN 2021", "SMT2021" as "SMT 2021") and some
 * glue words together ("SMT2021UNGHO"), so the code only must not run on into more of the same
 * kind of character: "SMT2021" is not in "SMT20211".
 */
export function codePattern(code: string): RegExp | null {
  const tokens = foldDiacritics(code)
    .toUpperCase()
    .match(/[A-Z]+|[0-9]+/g);
  if (!tokens) return null;
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const before = /^[A-Z]/.test(first) ? '(?<![A-Z])' : '(?<![0-9])';
  const after = /[A-Z]$/.test(last) ? '(?![A-Z])' : '(?![0-9])';
  return new RegExp(`${before}${tokens.join('[^A-Z0-9]*')}${after}`);
}

/** Whether the message names the campaign. */
export const messageNames = (message: string, code: string) =>
  codePattern(code)?.test(foldDiacritics(message).toUpperCase()) ?? false;

/**
 * The campaign a credit goes to: its message names the code and the money came within the
 * receiving period. The longest code wins ("SMT-2021" over "SMT"); a tie matches nothing.
 */
export function matchCampaign<C extends MatchableCampaign>(
  campaigns: readonly C[],
  credit: { bookedOn: string; description: string },
): C | null {
  const named = campaigns.filter(
    (campaign) =>
      campaign.startsOn <= credit.bookedOn &&
      credit.bookedOn <= campaign.receivingEndsOn &&
      messageNames(credit.description, campaign.code),
  );
  if (named.length === 0) return null;
  const length = (campaign: C) => campaign.code.replace(/[^A-Za-z0-9]/g, '').length;
  const longest = Math.max(...named.map(length));
  const best = named.filter((campaign) => length(campaign) === longest);
  return best.length === 1 ? best[0]! : null;
}

/** The counterparty as a donor: a company by its name, otherwise a person; nobody without a name. */
export function donorOfCounterparty(counterparty: string | null): {
  kind: 'person' | 'company' | 'anonymous';
  name: string | null;
  publishName: false;
} {
  const name = counterparty?.trim() ?? '';
  if (name === '') return { kind: 'anonymous', name: null, publishName: false };
  const folded = foldDiacritics(name);
  const isCompany = /^(cong ty|cty|tap doan|ngan hang|doanh nghiep|dntn|htx|hop tac xa)\b/.test(folded);
  return { kind: isCompany ? 'company' : 'person', name, publishName: false };
}
