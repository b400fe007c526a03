// The Russian deadline engine: one «Сроки» cell of a roadmap → a Deadline with ISO windows.
//
// Pipeline: normalise (deadline-normalize) → find time expressions (deadline-scan) → combine them into ranges,
// bounds and lists (deadline-items) → give them years (deadline-resolve) → decide the kind and the windows here,
// expanding recurrences (deadline-recurrence).
//
// Rules a coordinator can rely on:
// - Kind: a recurrence phrase («ежегодно», «не реже двух раз в год», «ежеквартально», «до 25 числа») makes it
//   `recurring`; else a continuity phrase («в течение …», «постоянно», «регулярно», «весь период») makes it
//   `continuous`; else any date makes it `dated`; else a condition («по согласованию», «по запросу»,
//   «по завершении программы») makes it `conditional`; else it is `unparsed` with a warning.
// - Windows: a day is that day, a month its first..last day, a quarter its three months, a calendar half
//   January–June / July–December, an academic half September–December / January–May, an academic year
//   1 September – 31 August, a season its three months, a decade of a month days 1–10 / 11–20 / 21–end.
// - Spelling does not matter: case, «г.» / «гг.» / «года» / none, dashes, spaces, markup, Latin look-alike letters,
//   words typed on the English layout («vfq 2024» → май 2024) and one-letter typos in month names (both with a
//   warning), abbreviations («сент.», «в теч.», «ежекв.», «1 пол.»), a year set apart («март-2024», «сентябрь
//   (2023 г.)», «в октябре месяце 2023») and a noun shared by a list («10 и 25 октября», «1 и 2 квартал», «в начале
//   и в конце учебного года») are all read.
// - Bounds: «до X», «не позднее X», «к X», «по X», «до конца X» → from the plan start to the end of X («до
//   декабря» means by the end of December); when the plan is unknown or starts after X, just X. «с X»,
//   «начиная с X», «не ранее X» → from X to the plan end; without a plan, just X.
// - Continuous: without dates the window is the plan period; «в течение 2023 года» → that year;
//   «сентябрь 2021 г., далее – регулярно» → from September 2021 to the plan end.
// - Recurring: windows are the occurrences over the plan period (see deadline-recurrence.ts); a span written
//   with the recurrence («ежеквартально в течение 2023 года») limits it and becomes `until`.
// - Dates outside the plan period are kept as written, with a warning: usually a typo in the year. A date at most
//   one month before the plan start or after its end (preparation in August for a September plan, a report in
//   September on a plan that ended in August) does not warn; further out it still does.

import type { Deadline, DeadlineKind, DeadlineWindow, IsoDate, Period, Recurrence } from './types';
import { normalizeDeadlineText } from './deadline-normalize';
import { scanAtoms } from './deadline-scan';
import { buildItems } from './deadline-items';
import { resolveItems, type ResolvedItem } from './deadline-resolve';
import { cycleMonths, detectRecurrence, expandRecurrence, sortUniqueWindows } from './deadline-recurrence';
import { CONDITIONAL_RE, CONTINUOUS_RE, MONTH_NAMES, RELATIVE_DURATION_RE, THEN_RE } from './deadline-lexicon';
import { addMonths, diffDays, formatRuDate, isIsoDate, isLastDayOfMonth, maxIso, minIso, monthIndex, parseIsoDate } from './iso-date';

export interface ParseDeadlineOptions {
  /** Resolves months written without a year when the plan period is unknown (its academic year is used). */
  today?: IsoDate;
}

/** How far before the plan start or after its end a date may lie without a warning. */
const OUT_OF_PLAN_TOLERANCE_MONTHS = 1;

export type OccurrenceStatus = 'done' | 'overdue' | 'due-soon' | 'in-progress' | 'planned' | 'no-date';

function validPeriod(period: Period | null | undefined): Period | null {
  if (!period || !isIsoDate(period.start) || !isIsoDate(period.end) || period.start > period.end) return null;
  return { start: period.start, end: period.end };
}

function startsInSeptember(iso: IsoDate): boolean {
  return (parseIsoDate(iso) as { month: number }).month === 9;
}

/** The academic year (1 September – 31 August) that contains `today`. */
function academicYearAround(today: IsoDate | undefined): Period | null {
  const d = today && isIsoDate(today) ? (parseIsoDate(today) as { year: number; month: number }) : null;
  if (!d) return null;
  const startYear = d.month >= 9 ? d.year : d.year - 1;
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-08-31` };
}

function formatMonth(iso: IsoDate): string {
  const d = parseIsoDate(iso) as { year: number; month: number };
  return `${MONTH_NAMES[d.month - 1]} ${d.year}`;
}

/** «12.05.2022», «август 2023», «сентябрь 2022 – октябрь 2022», «01.09.2022–31.10.2022». */
function formatWindow(w: DeadlineWindow): string {
  if (w.start === w.end) return formatRuDate(w.start);
  if (w.start.endsWith('-01') && isLastDayOfMonth(w.end)) {
    return w.start.slice(0, 7) === w.end.slice(0, 7) ? formatMonth(w.start) : `${formatMonth(w.start)} – ${formatMonth(w.end)}`;
  }
  return `${formatRuDate(w.start)}–${formatRuDate(w.end)}`;
}

/**
 * A window wholly outside the plan, and not wholly within the month of tolerance around it: preparation in August
 * for a September plan, or a report in September on a plan that ended in August, is normal, not a typo.
 */
function farOutside(w: DeadlineWindow, period: Period): boolean {
  if (w.end < period.start) return w.start < addMonths(period.start, -OUT_OF_PLAN_TOLERANCE_MONTHS);
  if (w.start > period.end) return w.end > addMonths(period.end, OUT_OF_PLAN_TOLERANCE_MONTHS);
  return false;
}

function outOfPeriodWarnings(resolved: readonly ResolvedItem[], period: Period | null): string[] {
  if (!period) return [];
  return resolved
    .filter((r) => !r.item.endsRecurrence && farOutside(r.window, period))
    .map((r) => {
      const noun = r.window.start === r.window.end ? 'Дата' : 'Срок';
      return `${noun} ${formatWindow(r.window)} вне периода плана ${formatRuDate(period.start)}–${formatRuDate(period.end)}: проверьте год`;
    });
}

function ambiguityWarnings(resolved: readonly ResolvedItem[]): string[] {
  return resolved
    .filter((r) => r.ambiguousYear !== null)
    .map((r) => `Год для «${r.item.source}» не указан: принят ${r.window.start.slice(0, 4)} (первый подходящий в периоде плана)`);
}

/** Applies «до X» / «с X» against the plan period. */
function boundedWindow(r: ResolvedItem, period: Period | null): DeadlineWindow {
  const w = r.window;
  if (!period) return w;
  if (r.item.bound === 'until' && period.start <= w.end) return { start: period.start, end: w.end };
  if (r.item.bound === 'from' && period.end >= w.start) return { start: w.start, end: maxIso(period.end, w.end) };
  return w;
}

function monthsSpanned(w: DeadlineWindow): number {
  const s = parseIsoDate(w.start) as { year: number; month: number };
  const e = parseIsoDate(w.end) as { year: number; month: number };
  return monthIndex(e.year, e.month) - monthIndex(s.year, s.month) + 1;
}

/** «в течение 10 дней после приказа» is a duration, not a continuous activity. */
function isContinuous(text: string): boolean {
  return CONTINUOUS_RE.test(text.replace(RELATIVE_DURATION_RE, ' '));
}

/** «Сентябрь 2021 г., далее – регулярное обновление»: a continuity phrase after «далее». */
function isOpenEnded(text: string): boolean {
  const then = THEN_RE.exec(text);
  return then !== null && isContinuous(text.slice(then.index));
}

function continuousWindows(text: string, dates: readonly ResolvedItem[], period: Period | null): DeadlineWindow[] {
  if (dates.length === 0) return period ? [period] : [];
  if (!isOpenEnded(text)) return dates.map((r) => boundedWindow(r, period));
  const start = dates.reduce((min, r) => minIso(min, r.window.start), dates[0].window.start);
  const lastEnd = dates.reduce((max, r) => maxIso(max, r.window.end), dates[0].window.end);
  return [{ start, end: period && period.end >= start ? maxIso(period.end, lastEnd) : lastEnd }];
}

function recurringWindows(
  base: Recurrence,
  dates: readonly ResolvedItem[],
  untilItems: readonly ResolvedItem[],
  period: Period | null,
): { recurrence: Recurrence; windows: DeadlineWindow[] } {
  const cycle = cycleMonths(base);
  // A written span longer than one cycle («ежемесячно, сентябрь 2023 – май 2024», «ежеквартально в течение
  // 2023 года») limits the recurrence instead of being one occurrence.
  const limits = dates.filter((r) => monthsSpanned(r.window) > cycle);
  const anchors = dates.filter((r) => !limits.includes(r)).map((r) => r.window);
  const untils = [...untilItems.map((r) => r.window.end), ...limits.map((r) => r.window.end)];
  const recurrence: Recurrence = { ...base };
  if (untils.length > 0) recurrence.until = untils.reduce((min, d) => minIso(min, d));
  const span = limits.length > 0
    ? { start: limits.reduce((min, r) => minIso(min, r.window.start), limits[0].window.start), end: recurrence.until as IsoDate }
    : period;
  return { recurrence, windows: expandRecurrence(anchors, recurrence, span) };
}

function decideKind(text: string, recurrence: Recurrence | null, dates: readonly ResolvedItem[]): DeadlineKind {
  if (recurrence) return 'recurring';
  if (isContinuous(text) || dates.some((r) => r.item.within)) return 'continuous';
  if (dates.length > 0) return 'dated';
  if (CONDITIONAL_RE.test(text)) return 'conditional';
  return 'unparsed';
}

function build(text: string, kind: DeadlineKind, recurrence: Recurrence | null, windows: DeadlineWindow[], warnings: string[]): Deadline {
  const deadline: Deadline = { text, kind, recurrence, windows: sortUniqueWindows(windows) };
  const unique = [...new Set(warnings)];
  if (unique.length > 0) deadline.warnings = unique;
  return deadline;
}

/**
 * Sheets turns «01.09.2023» into a Date; read it back as the date the cell shows (the script's time zone is the
 * sheet's). Dates are detected without `instanceof`, which fails across Apps Script contexts.
 */
function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    if (Number.isNaN(d.getTime())) return '';
    return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
  }
  return value === null || value === undefined ? '' : String(value);
}

/**
 * Parses one deadline cell. Never throws: anything it cannot read comes back as `unparsed` with a Russian
 * warning, and the original text is always kept.
 */
export function parseDeadline(text: string, period: Period | null, opts: ParseDeadlineOptions = {}): Deadline {
  const original = cellText(text);
  const plan = validPeriod(period);
  const { text: norm, warnings } = normalizeDeadlineText(original);
  if (period && !plan) warnings.push('Период плана задан неверно и не учитывается');
  if (!/[0-9a-zа-я]/.test(norm)) return build(original, 'unparsed', null, [], [...warnings, 'Срок не указан']);

  const atoms = scanAtoms(norm, { academicPlan: plan ? startsInSeptember(plan.start) : true });
  const items = buildItems(atoms, norm, warnings);
  const resolved = resolveItems(items, plan ?? academicYearAround(opts.today), warnings);
  const base = detectRecurrence(norm);
  const untilItems = base ? resolved.filter((r) => r.item.endsRecurrence) : [];
  const candidates = resolved.filter((r) => !untilItems.includes(r));
  const dates = candidates.some((r) => !r.item.reference) ? candidates.filter((r) => !r.item.reference) : candidates;
  const kind = decideKind(norm, base, dates);
  warnings.push(...outOfPeriodWarnings([...dates, ...untilItems], plan));
  if (kind !== 'recurring') warnings.push(...ambiguityWarnings(dates));

  switch (kind) {
    case 'recurring': {
      const { recurrence, windows } = recurringWindows(base as Recurrence, dates, untilItems, plan);
      return build(original, kind, recurrence, windows, warnings);
    }
    case 'continuous':
      return build(original, kind, null, continuousWindows(norm, dates, plan), warnings);
    case 'dated':
      return build(original, kind, null, dates.map((r) => boundedWindow(r, plan)), warnings);
    case 'conditional':
      return build(original, kind, null, [], warnings);
    default:
      if (warnings.length === 0) warnings.push(`Срок не распознан: «${original.trim()}»`);
      return build(original, kind, null, [], warnings);
  }
}

/**
 * Every window in which the deadline falls due over `period`: recurring deadlines are expanded (their windows
 * act as anchors, so a deadline parsed against one plan can be unfolded over another), continuous ones without
 * windows take the period, dated ones keep their windows. Sorted by start, then end; no duplicates.
 */
export function occurrences(deadline: Deadline, period: Period | null): DeadlineWindow[] {
  const plan = validPeriod(period);
  switch (deadline.kind) {
    case 'dated':
      return sortUniqueWindows(deadline.windows);
    case 'continuous':
      return deadline.windows.length > 0 ? sortUniqueWindows(deadline.windows) : plan ? [plan] : [];
    case 'recurring':
      return deadline.recurrence ? expandRecurrence(deadline.windows, deadline.recurrence, plan) : sortUniqueWindows(deadline.windows);
    default:
      return [];
  }
}

/**
 * Status of one occurrence on `asOf`. Past the end it is overdue; inside the window it is in progress until the
 * last `dueSoonDays` days; before the window it is planned until `dueSoonDays` days before the start.
 */
export function occurrenceStatus(window: DeadlineWindow | null, asOf: IsoDate, done: boolean, dueSoonDays = 14): OccurrenceStatus {
  if (done) return 'done';
  if (!window) return 'no-date';
  if (asOf > window.end) return 'overdue';
  if (asOf >= window.start) return diffDays(asOf, window.end) <= dueSoonDays ? 'due-soon' : 'in-progress';
  return diffDays(asOf, window.start) <= dueSoonDays ? 'due-soon' : 'planned';
}
