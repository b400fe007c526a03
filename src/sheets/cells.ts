// Converting between cell values and domain values. Runs inside Apps Script, where the runtime's local time
// zone is the script's: a date cell's own getters give the calendar date people see.
import { isValidCalendarDate } from '../domain/iso-date';
import type { IsoDate } from '../domain/types';

export function isDate(v: unknown): v is Date {
  // Not `instanceof`: values may come from another realm (the local runtime's vm, the fakes).
  return Object.prototype.toString.call(v) === '[object Date]' && !isNaN((v as Date).getTime());
}

export function dateToIso(d: Date): IsoDate {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function isoToDate(iso: IsoDate): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** A cell as text: dates as ISO, numbers without trailing zeros, everything trimmed. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return dateToIso(v);
  return String(v).trim();
}

const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date cell as ISO, or null with the text kept when people typed something that is not a date
 * (the caller reports it; nothing typed is lost).
 */
export function cellDate(v: unknown): { iso: IsoDate | ''; bad: string | null } {
  if (v === '' || v === null || v === undefined) return { iso: '', bad: null };
  if (isDate(v)) return { iso: dateToIso(v), bad: null };
  const s = String(v).trim();
  const iso = ISO_DATE.exec(s);
  if (iso && isValidCalendarDate(+iso[1], +iso[2], +iso[3])) return { iso: s, bad: null };
  const ru = RU_DATE.exec(s);
  if (ru && isValidCalendarDate(+ru[3], +ru[2], +ru[1])) {
    return { iso: `${ru[3]}-${ru[2].padStart(2, '0')}-${ru[1].padStart(2, '0')}`, bad: null };
  }
  return { iso: '', bad: s };
}

/** The value to write for a domain value of the given column type. */
export function toCell(value: string, type: 'text' | 'date' | 'link' | 'number' | undefined): unknown {
  if (type === 'date' && ISO_DATE.test(value)) return isoToDate(value);
  // A number as text with a decimal point would stay text in a Russian-locale sheet («0.625»).
  if (type === 'number' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}
