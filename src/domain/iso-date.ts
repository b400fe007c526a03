// Small calendar helpers over ISO `YYYY-MM-DD` strings. Pure UTC arithmetic: no time zones, no Intl,
// so the same code gives the same answers in Node and in the Apps Script runtime.

import type { IsoDate } from './types';

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function pad(n: number, width: number): string {
  let s = String(Math.abs(n));
  while (s.length < width) s = '0' + s;
  return s;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** `YYYY-MM-DD` for a calendar date; throws on an impossible date so bugs surface early. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  if (!isValidCalendarDate(year, month, day)) throw new RangeError(`Invalid date ${year}-${month}-${day}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Parses a strict ISO date; null for anything else (including 2023-02-30). */
export function parseIsoDate(iso: string): CalendarDate | null {
  const m = ISO_RE.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidCalendarDate(year, month, day) ? { year, month, day } : null;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

function mustParse(iso: IsoDate): CalendarDate {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`Not an ISO date: ${iso}`);
  return d;
}

export function firstDayOfMonth(year: number, month: number): IsoDate {
  return formatIsoDate(year, month, 1);
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return formatIsoDate(year, month, daysInMonth(year, month));
}

export function isLastDayOfMonth(iso: IsoDate): boolean {
  const d = mustParse(iso);
  return d.day === daysInMonth(d.year, d.month);
}

/** Days since 1970-01-01 (negative before). */
export function toEpochDay(iso: IsoDate): number {
  const d = mustParse(iso);
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY);
}

export function fromEpochDay(epochDay: number): IsoDate {
  const date = new Date(epochDay * MS_PER_DAY);
  return formatIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(iso) + days);
}

/** `to - from` in days. */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Months since year 0: lets month arithmetic stay integer. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

export function fromMonthIndex(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/** Shifts by whole months, clamping the day to the target month (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const d = mustParse(iso);
  const { year, month } = fromMonthIndex(monthIndex(d.year, d.month) + months);
  return formatIsoDate(year, month, Math.min(d.day, daysInMonth(year, month)));
}

export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** `DD.MM.YYYY`, the way Russian documents write dates. */
export function formatRuDate(iso: IsoDate): string {
  const d = mustParse(iso);
  return `${pad(d.day, 2)}.${pad(d.month, 2)}.${pad(d.year, 4)}`;
}
