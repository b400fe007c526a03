// Recurrence: which phrase says how often, and how a recurring deadline unfolds into windows.
//
// Expansion rules:
// - With anchors (the windows the text names: «сентябрь 2021 г., далее …», «ежегодно (май)»), each anchor repeats
//   every step: 12 months × interval for yearly, 3 for quarterly, 1 for monthly; for N times a year the step is
//   12 months when the anchors already name N occurrences within a year, else 12/N months
//   («Сентябрь 2021, далее не реже двух раз в год» → сентябрь, март, сентябрь…).
//   Repeats stop at the end of the span (the plan) or at `until`, whichever comes first.
// - Without anchors, the span is cut into slots of one step: yearly and N-times-a-year slots start on
//   1 September when the span starts in September (academic years), else on 1 January; quarters and months
//   follow the calendar. Every slot that overlaps the span is kept whole, so re-expanding is stable.

import type { DeadlineWindow, Period, Recurrence } from './types';
import {
  DAY_OF_MONTH_RE,
  EVERY_N_MONTHS_RE,
  EVERY_N_YEARS_RE,
  MONTHLY_RE,
  PER_SCHOOL_QUARTER_RE,
  QUARTERLY_RE,
  TIMES_PER_HALF_RE,
  TIMES_PER_YEAR_RE,
  YEARLY_RE,
  countValue,
} from './deadline-lexicon';
import { addMonths, firstDayOfMonth, fromMonthIndex, isLastDayOfMonth, lastDayOfMonth, minIso, monthIndex, parseIsoDate } from './iso-date';

/** Guards the loops; a five-year plan needs at most 60 monthly windows. */
const MAX_REPEATS = 1200;

function timesPerYear(times: number): Recurrence {
  return times <= 1 ? { frequency: 'yearly' } : { frequency: 'times-per-year', times };
}

/** «раз в три месяца» → quarterly; «раз в два месяца» → six times a year; «раз в 12 месяцев» → yearly. */
function everyMonths(n: number): Recurrence {
  if (n <= 1) return { frequency: 'monthly' };
  if (n === 3) return { frequency: 'quarterly' };
  if (n % 12 === 0) return n === 12 ? { frequency: 'yearly' } : { frequency: 'yearly', interval: n / 12 };
  return timesPerYear(Math.max(1, Math.round(12 / n)));
}

/** The most specific recurrence phrase in the text, or null. */
export function detectRecurrence(text: string): Recurrence | null {
  const everyN = EVERY_N_YEARS_RE.exec(text);
  if (everyN) {
    const n = countValue(everyN[1] ?? everyN[2]) ?? 1;
    return n > 1 ? { frequency: 'yearly', interval: n } : { frequency: 'yearly' };
  }
  const everyNMonths = EVERY_N_MONTHS_RE.exec(text);
  if (everyNMonths) return everyMonths(countValue(everyNMonths[1] ?? everyNMonths[2]) ?? 1);
  const perYear = TIMES_PER_YEAR_RE.exec(text);
  if (perYear) return timesPerYear(countValue(perYear[1] ?? perYear[2]) ?? 1);
  const perHalf = TIMES_PER_HALF_RE.exec(text);
  if (perHalf) return timesPerYear(2 * (countValue(perHalf[1]) ?? 1));
  if (PER_SCHOOL_QUARTER_RE.test(text)) return timesPerYear(4);
  const firsts: Array<[number, Recurrence]> = [];
  for (const [re, rec] of [
    [QUARTERLY_RE, { frequency: 'quarterly' }],
    [MONTHLY_RE, { frequency: 'monthly' }],
    [YEARLY_RE, { frequency: 'yearly' }],
  ] as Array<[RegExp, Recurrence]>) {
    const m = re.exec(text);
    if (m) firsts.push([m.index, rec]);
  }
  if (firsts.length > 0) return firsts.sort((a, b) => a[0] - b[0])[0][1];
  return DAY_OF_MONTH_RE.test(text) ? { frequency: 'monthly' } : null;
}

/** Length of one cycle in months, before anchors are taken into account. */
export function cycleMonths(rec: Recurrence): number {
  switch (rec.frequency) {
    case 'yearly':
      return 12 * Math.max(1, rec.interval ?? 1);
    case 'times-per-year':
      return Math.max(1, Math.round(12 / Math.max(1, rec.times ?? 1)));
    case 'quarterly':
      return 3;
    case 'monthly':
      return 1;
  }
}

function anchoredStep(rec: Recurrence, anchors: readonly DeadlineWindow[]): number {
  if (rec.frequency !== 'times-per-year') return cycleMonths(rec);
  const earliest = anchors.reduce((min, a) => (a.start < min ? a.start : min), anchors[0].start);
  const yearLater = addMonths(earliest, 12);
  const inFirstYear = new Set(anchors.filter((a) => a.start < yearLater).map((a) => a.start)).size;
  return inFirstYear >= (rec.times ?? 1) ? 12 : cycleMonths(rec);
}

function isWholeMonths(w: DeadlineWindow): boolean {
  return w.start.endsWith('-01') && isLastDayOfMonth(w.end);
}

/** Whole-month windows stay whole months (February keeps its last day); day windows keep their days. */
export function shiftWindow(w: DeadlineWindow, months: number): DeadlineWindow {
  if (!isWholeMonths(w)) return { start: addMonths(w.start, months), end: addMonths(w.end, months) };
  const s = parseIsoDate(w.start) as { year: number; month: number };
  const e = parseIsoDate(w.end) as { year: number; month: number };
  const start = fromMonthIndex(monthIndex(s.year, s.month) + months);
  const end = fromMonthIndex(monthIndex(e.year, e.month) + months);
  return { start: firstDayOfMonth(start.year, start.month), end: lastDayOfMonth(end.year, end.month) };
}

function slotOrigin(rec: Recurrence, span: Period): { year: number; month: number } {
  const s = parseIsoDate(span.start) as { year: number; month: number };
  if (rec.frequency === 'monthly') return { year: s.year, month: s.month };
  if (rec.frequency === 'quarterly') return { year: s.year, month: s.month - ((s.month - 1) % 3) };
  return { year: s.year, month: s.month === 9 ? 9 : 1 };
}

function defaultSlots(rec: Recurrence, span: Period, limit: string): DeadlineWindow[] {
  const length = cycleMonths(rec);
  const origin = slotOrigin(rec, span);
  const first = monthIndex(origin.year, origin.month);
  const slots: DeadlineWindow[] = [];
  for (let k = 0; k < MAX_REPEATS; k++) {
    const start = fromMonthIndex(first + k * length);
    const end = fromMonthIndex(first + (k + 1) * length - 1);
    const slot = { start: firstDayOfMonth(start.year, start.month), end: lastDayOfMonth(end.year, end.month) };
    if (slot.start > span.end || slot.start > limit) break;
    if (slot.end >= span.start) slots.push(slot);
  }
  return slots;
}

export function sortUniqueWindows(windows: readonly DeadlineWindow[]): DeadlineWindow[] {
  const seen = new Set<string>();
  const out: DeadlineWindow[] = [];
  for (const w of [...windows].sort((a, b) => (a.start === b.start ? (a.end < b.end ? -1 : a.end > b.end ? 1 : 0) : a.start < b.start ? -1 : 1))) {
    const k = `${w.start}|${w.end}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ start: w.start, end: w.end });
    }
  }
  return out;
}

function monthOf(iso: string): number {
  const d = parseIsoDate(iso) as { year: number; month: number };
  return monthIndex(d.year, d.month);
}

/**
 * The windows that are not repeats of an earlier one. Re-expanding an expansion must give the same result, and
 * clamped days (31 January → 29 February → 29 March) would drift if every repeat became an anchor again.
 */
function generators(anchors: readonly DeadlineWindow[], step: number): DeadlineWindow[] {
  const sorted = sortUniqueWindows(anchors);
  const kept: DeadlineWindow[] = [];
  for (const w of sorted) {
    const repeat = kept.some((a) => {
      const months = monthOf(w.start) - monthOf(a.start);
      if (months <= 0 || months % step !== 0) return false;
      const shifted = shiftWindow(a, months);
      return shifted.start === w.start && shifted.end === w.end;
    });
    if (!repeat) kept.push(w);
  }
  return kept;
}

/**
 * Windows of a recurring deadline over `span` (usually the plan period). Anchors are always kept; repeats are
 * added while they start no later than the span's end and `rec.until`, and overlap the span.
 */
export function expandRecurrence(anchors: readonly DeadlineWindow[], rec: Recurrence, span: Period | null): DeadlineWindow[] {
  const limit = span && rec.until ? minIso(span.end, rec.until) : span?.end ?? rec.until ?? null;
  if (anchors.length === 0) return span && limit ? defaultSlots(rec, span, limit) : [];
  const out: DeadlineWindow[] = [...anchors];
  if (limit) {
    const step = anchoredStep(rec, anchors);
    for (const anchor of generators(anchors, step)) {
      // Jump close to the span rather than stepping there from a distant anchor.
      const gap = span ? monthOf(span.start) - monthOf(anchor.end) : 0;
      const firstK = Math.max(1, Math.floor(gap / step) - 1);
      for (let k = firstK, added = 0; added < MAX_REPEATS; k++) {
        const w = shiftWindow(anchor, k * step);
        if (w.start > limit) break;
        if (!span || w.end >= span.start) {
          out.push(w);
          added++;
        }
      }
    }
  }
  return sortUniqueWindows(out);
}
