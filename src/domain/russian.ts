// Russian wording for reports: plural forms, numbers, percentages, dates and periods. Our own rules instead of
// Intl (Apps Script's runtime is not Node, and its Intl data is not something a report should depend on).
//
// Spacing convention, used by every function here: a no-break space U+00A0 (NBSP) wherever a line must not
// break — between the digit groups of a number («12 345»), between a number and its word or sign
// («5 организаций», «45,5 %»), inside a long date («5 декабря 2023 г.»). U+00A0 rather than the typographic
// thin space U+202F because every font Docs and Word offer has it and a copy into Sheets keeps it readable.
// Digit groups follow Russian publishing practice (А. Э. Мильчин, «Справочник издателя и автора»): numbers of
// up to four digits are not split («2024», «1000»), longer ones are («10 000», «12 345,6»). Minus is «−» (U+2212).
import { parseIsoDate } from './iso-date';
import type { IsoDate } from './types';

export const NBSP = '\u00a0';
const MINUS = '\u2212';
const DASH = '–';

/** [one, few, many]: «организация», «организации», «организаций». */
export type PluralForms = readonly [string, string, string];

export const MONTHS_NOMINATIVE = [
  'январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь',
] as const;

export const MONTHS_GENITIVE = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
] as const;

/**
 * The form that goes with `n`: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 25–30, 111–114 → many;
 * a fraction → few («2,5 организации», «0,5 ставки»). The sign does not matter.
 */
export function plural(n: number, forms: PluralForms): string {
  if (!Number.isFinite(n)) return forms[2];
  if (!Number.isInteger(n)) return forms[1];
  const abs = Math.abs(n);
  const d10 = abs % 10;
  const d100 = abs % 100;
  if (d10 === 1 && d100 !== 11) return forms[0];
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return forms[1];
  return forms[2];
}

/** |n| × 10^d rounded, shifting the decimal point in the text so 1.005 → 101 (not 100 as 1.005 * 100 gives). */
function scaledAbs(n: number, d: number): number {
  const text = String(Math.abs(n));
  return text.includes('e') ? Math.round(Math.abs(n) * 10 ** d) : Math.round(Number(`${text}e${d}`));
}

/** `n` rounded half away from zero to `decimals` places (0–10). */
export function roundTo(n: number, decimals: number): number {
  if (!Number.isFinite(n)) return n;
  const d = Math.max(0, Math.min(10, Math.trunc(decimals)));
  const back = scaledAbs(n, d) / 10 ** d;
  return n < 0 && back !== 0 ? -back : back;
}

function groupDigits(intPart: string): string {
  if (intPart.length <= 4) return intPart;
  let out = '';
  for (let i = intPart.length; i > 0; i -= 3) out = intPart.slice(Math.max(0, i - 3), i) + (out ? NBSP + out : '');
  return out;
}

/**
 * A number the Russian way: decimal comma, NBSP between digit groups of numbers of five or more digits,
 * «−» for negatives. With `decimals`, exactly that many decimals («50,0»); without, integers as they are
 * and fractions to at most two decimals with trailing zeros dropped («2,5»). Not a number → «—».
 */
export function formatNumber(n: number, decimals?: number): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
  const fixed = decimals !== undefined;
  const d = fixed ? Math.max(0, Math.min(10, Math.trunc(decimals))) : 2;
  const scaled = scaledAbs(n, d);
  const text = String(scaled).padStart(d + 1, '0');
  const intPart = text.slice(0, text.length - d) || '0';
  let frac = d > 0 ? text.slice(text.length - d) : '';
  if (!fixed) frac = frac.replace(/0+$/, '');
  const body = groupDigits(intPart) + (frac ? `,${frac}` : '');
  return n < 0 && scaled !== 0 ? MINUS + body : body;
}

/** At most `maxDecimals` decimals, trailing zeros dropped: 0.8333 → «0,83», 2.50 → «2,5», 3 → «3». */
export function formatUpTo(n: number, maxDecimals: number): string {
  const text = formatNumber(n, maxDecimals);
  return text.includes(',') ? text.replace(/0+$/, '').replace(/,$/, '') : text;
}

/** «год», «года», «лет». */
export const YEARS: PluralForms = ['год', 'года', 'лет'];

/** «5 организаций», «1 организация», «2,5 организации»: the form agrees with the number as printed. */
export function countWord(n: number, forms: PluralForms, decimals?: number): string {
  const shown = decimals === undefined ? roundTo(n, 2) : roundTo(n, decimals);
  return `${formatNumber(n, decimals)}${NBSP}${plural(shown, forms)}`;
}

/** A share 0..1 as a percentage: 0.455 → «45,5 %» (NBSP before the sign, as ГОСТ 8.417 writes units). */
export function formatPercent(share: number, decimals = 1): string {
  if (typeof share !== 'number' || !Number.isFinite(share)) return '—';
  return `${formatNumber(share * 100, decimals)}${NBSP}%`;
}

/** `part` of `whole` as a percentage, «—» when the whole is zero (no share to speak of). */
export function formatShare(part: number, whole: number, decimals = 1): string {
  return whole > 0 ? formatPercent(part / whole, decimals) : '—';
}

function mustParse(iso: IsoDate): { year: number; month: number; day: number } {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`Not an ISO date: ${iso}`);
  return d;
}

/** «5 декабря 2023 г.» */
export function formatDateLong(iso: IsoDate): string {
  const d = mustParse(iso);
  return `${d.day}${NBSP}${MONTHS_GENITIVE[d.month - 1]} ${d.year}${NBSP}г.`;
}

/** «5 декабря» (no year), for the inside of a period within one year. */
function dayMonth(d: { month: number; day: number }): string {
  return `${d.day}${NBSP}${MONTHS_GENITIVE[d.month - 1]}`;
}

function isLastDay(d: { year: number; month: number; day: number }): boolean {
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return next.getUTCDate() === 1;
}

/**
 * A period as a report writes it:
 * - one day: «5 декабря 2023 г.»;
 * - whole calendar years: «2023 г.», «2022–2024 гг.»;
 * - one academic year (1 September – 31 August): «2023/2024 учебный год»;
 * - whole months: «декабрь 2023 г.», «сентябрь – декабрь 2023 г.», «сентябрь 2023 г. – май 2024 г.»;
 * - anything else: «с 5 сентября по 20 декабря 2023 г.», «с 5 сентября 2023 г. по 20 мая 2024 г.».
 * Start after end is a programming error and throws.
 */
export function formatPeriod(start: IsoDate, end: IsoDate): string {
  const s = mustParse(start);
  const e = mustParse(end);
  if (start > end) throw new RangeError(`Period starts after it ends: ${start}..${end}`);
  if (start === end) return formatDateLong(start);
  const wholeMonths = s.day === 1 && isLastDay(e);
  if (wholeMonths && s.month === 1 && e.month === 12) {
    return s.year === e.year ? `${s.year}${NBSP}г.` : `${s.year}${DASH}${e.year}${NBSP}гг.`;
  }
  if (wholeMonths && s.month === 9 && e.month === 8 && e.year === s.year + 1) {
    return `${s.year}/${e.year} учебный год`;
  }
  if (wholeMonths) {
    const sm = MONTHS_NOMINATIVE[s.month - 1];
    const em = MONTHS_NOMINATIVE[e.month - 1];
    if (s.year === e.year && s.month === e.month) return `${sm} ${s.year}${NBSP}г.`;
    if (s.year === e.year) return `${sm} ${DASH} ${em} ${s.year}${NBSP}г.`;
    return `${sm} ${s.year}${NBSP}г. ${DASH} ${em} ${e.year}${NBSP}г.`;
  }
  if (s.year === e.year) return `с ${dayMonth(s)} по ${dayMonth(e)} ${e.year}${NBSP}г.`;
  return `с ${formatDateLong(start)} по ${formatDateLong(end)}`;
}
