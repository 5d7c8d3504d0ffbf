const digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const groupNames = ['', ' nghìn', ' triệu'] as const;
const THOUSAND = 1000n;
const BILLION = 1_000_000_000n;

/** Tens and units of a group: "mười lăm", "hai mươi mốt", "linh năm" (after hundreds). */
function readTensAndUnits(tens: number, units: number, afterHundreds: boolean): string {
  if (tens === 0) return units === 0 ? '' : afterHundreds ? `linh ${digits[units]}` : digits[units]!;
  const head = tens === 1 ? 'mười' : `${digits[tens]} mươi`;
  if (units === 0) return head;
  if (units === 5) return `${head} lăm`;
  if (tens >= 2 && units === 1) return `${head} mốt`;
  if (tens >= 2 && units === 4) return `${head} tư`;
  return `${head} ${digits[units]}`;
}

/** A group of three digits; `full` once a higher group was read ("không trăm linh năm"). */
function readGroup(value: number, full: boolean): string {
  const hundreds = Math.floor(value / 100);
  const rest = readTensAndUnits(Math.floor(value / 10) % 10, value % 10, full || hundreds > 0);
  if (!full && hundreds === 0) return rest;
  const head = `${digits[hundreds]} trăm`;
  return rest ? `${head} ${rest}` : head;
}

/** Below a billion, group by group; `full` when something was read before it. */
function readBelowBillion(value: bigint, full: boolean): string {
  const words: string[] = [];
  let spoken = full;
  for (let index = 2; index >= 0; index--) {
    const group = Number((value / THOUSAND ** BigInt(index)) % THOUSAND);
    if (group === 0) continue;
    words.push(readGroup(group, spoken) + groupNames[index]);
    spoken = true;
  }
  return words.join(' ');
}

function readWhole(value: bigint): string {
  if (value < BILLION) return readBelowBillion(value, false);
  // Above a billion the count of tỷ is itself read as a number: "một nghìn tỷ".
  const rest = value % BILLION;
  const billions = `${readWhole(value / BILLION)} tỷ`;
  return rest === 0n ? billions : `${billions} ${readBelowBillion(rest, true)}`;
}

/**
 * An amount of đồng in words, as receipts and reports write it:
 * 1234567 → "Một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy đồng".
 */
export function moneyInWords(dong: number | bigint): string {
  if (typeof dong === 'number' && !Number.isSafeInteger(dong)) {
    throw new RangeError('Money must be an integer number of đồng');
  }
  const value = BigInt(dong);
  const magnitude = value < 0n ? -value : value;
  const words = magnitude === 0n ? 'không' : readWhole(magnitude);
  const text = `${value < 0n ? 'âm ' : ''}${words} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
