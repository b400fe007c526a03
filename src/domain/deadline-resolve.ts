// Gives every item a calendar year and a window.
//
// A date written without a year takes it, in this order:
//   1. from its own range («декабрь – январь 2024» → декабрь 2023);
//   2. from the nearest later item that states a year: inside it when that item is a year or longer («октябрь,
//      2023 год» → октябрь 2023), else reading the list as chronological («май, сентябрь 2023» → май 2023;
//      «ноябрь, февраль 2024» → ноябрь 2023);
//   3. from the nearest earlier item («сентябрь 2022, декабрь, март» → декабрь 2022, март 2023);
//   4. from the plan period: the first occurrence that overlaps it (in a 2023–2024 academic plan «октябрь» is
//      2023-10 and «март» is 2024-03), or from the academic year around `today` when the plan is unknown.

import type { DeadlineWindow, Period } from './types';
import type { DeadlineItem } from './deadline-items';
import type { TimePoint } from './deadline-scan';
import { daysInMonth, formatIsoDate, fromMonthIndex, lastDayOfMonth, monthIndex, parseIsoDate } from './iso-date';

export interface ResolvedItem {
  item: DeadlineItem;
  window: DeadlineWindow;
  /** The year came from the plan period and another year of the period would fit as well. */
  ambiguousYear: number | null;
}

interface Years {
  from: number | null;
  to: number | null;
}

/** Orders points inside a year. */
function key(point: TimePoint): number {
  return point.month * 100 + (point.days ? point.days[0] : 1);
}

export function pointWindow(point: TimePoint, year: number): DeadlineWindow {
  if (point.days) {
    const last = daysInMonth(year, point.month);
    return {
      start: formatIsoDate(year, point.month, Math.min(point.days[0], last)),
      end: formatIsoDate(year, point.month, Math.min(point.days[1], last)),
    };
  }
  const endMonth = fromMonthIndex(monthIndex(year, point.month) + point.months - 1);
  return { start: formatIsoDate(year, point.month, 1), end: lastDayOfMonth(endMonth.year, endMonth.month) };
}

/** The year of `later` when it follows a point of year `year`. */
function yearAfter(earlier: TimePoint, year: number, later: TimePoint): number {
  return key(later) >= key(earlier) ? year : year + 1;
}

/** The year of `earlier` when it precedes a point of year `year`. */
function yearBefore(earlier: TimePoint, later: TimePoint, year: number): number {
  return key(earlier) <= key(later) ? year : year - 1;
}

function fillRange(item: DeadlineItem): Years {
  const years: Years = { from: item.from.year, to: item.to?.year ?? null };
  if (!item.to) return years;
  if (years.from === null && years.to !== null) years.from = yearBefore(item.from, item.to, years.to);
  if (years.to === null && years.from !== null) years.to = yearAfter(item.from, years.from, item.to);
  return years;
}

function setFrom(item: DeadlineItem, years: Years, fromYear: number): void {
  years.from = fromYear;
  if (item.to && years.to === null) years.to = yearAfter(item.from, fromYear, item.to);
}

function itemWindow(item: DeadlineItem, years: Years): DeadlineWindow {
  const start = pointWindow(item.from, years.from as number).start;
  const end = item.to ? pointWindow(item.to, years.to as number).end : pointWindow(item.from, years.from as number).end;
  return { start, end };
}

function overlaps(w: DeadlineWindow, span: Period): boolean {
  return w.start <= span.end && w.end >= span.start;
}

/** First year in which the item overlaps the span; the next fitting year, if any, marks it ambiguous. */
function yearFromSpan(item: DeadlineItem, span: Period): { year: number; ambiguousYear: number | null } {
  const first = (parseIsoDate(span.start) as { year: number }).year - 1;
  const last = (parseIsoDate(span.end) as { year: number }).year + 1;
  const fits: number[] = [];
  for (let y = first; y <= last && fits.length < 2; y++) {
    const years: Years = { from: null, to: null };
    setFrom(item, years, y);
    if (overlaps(itemWindow(item, years), span)) fits.push(y);
  }
  if (fits.length > 0) return { year: fits[0], ambiguousYear: fits[1] ?? null };
  // Nothing overlaps (a short plan without that month): take the next occurrence after the plan starts.
  const startYear = first + 1;
  const years: Years = { from: null, to: null };
  setFrom(item, years, startYear);
  const year = itemWindow(item, years).start >= span.start ? startYear : startYear + 1;
  return { year, ambiguousYear: null };
}

/**
 * «октябрь, 2023 год», «до 01.10 2023», «ноябрь, 2023-2024 учебный год»: a yearless date followed by a whole year
 * (or a longer span) lies inside it rather than before it. Null when the span is shorter than a year or the date
 * does not fit in it.
 */
function yearInside(item: DeadlineItem, target: DeadlineWindow): number | null {
  const start = parseIsoDate(target.start) as { year: number; month: number };
  const end = parseIsoDate(target.end) as { year: number; month: number };
  if (monthIndex(end.year, end.month) - monthIndex(start.year, start.month) < 11) return null;
  for (let y = start.year; y <= end.year; y++) {
    const years: Years = { from: null, to: null };
    setFrom(item, years, y);
    const w = itemWindow(item, years);
    if (w.start >= target.start && w.end <= target.end) return y;
  }
  return null;
}

function nearestStated(items: readonly DeadlineItem[], years: readonly Years[], from: number, step: 1 | -1): number {
  for (let k = from + step; k >= 0 && k < items.length; k += step) {
    if (!items[k].endsRecurrence && years[k].from !== null) return k;
  }
  return -1;
}

export function resolveItems(items: readonly DeadlineItem[], span: Period | null, warnings: string[]): ResolvedItem[] {
  const years = items.map(fillRange);
  const stated = years.map((y) => y.from !== null);
  const resolved: ResolvedItem[] = [];
  items.forEach((item, i) => {
    let ambiguousYear: number | null = null;
    if (years[i].from === null) {
      const later = nearestStated(items, years.map((y, k) => (stated[k] ? y : { from: null, to: null })), i, 1);
      const earlier = nearestStated(items, years, i, -1);
      const inside = later >= 0 ? yearInside(item, itemWindow(items[later], years[later])) : null;
      if (inside !== null) {
        setFrom(item, years[i], inside);
      } else if (later >= 0) {
        const target = items[later].from;
        const lastPoint = item.to ?? item.from;
        const lastYear = yearBefore(lastPoint, target, years[later].from as number);
        setFrom(item, years[i], item.to ? yearBefore(item.from, item.to, lastYear) : lastYear);
      } else if (earlier >= 0) {
        const prev = items[earlier];
        const prevPoint = prev.to ?? prev.from;
        const prevYear = (prev.to ? years[earlier].to : years[earlier].from) as number;
        setFrom(item, years[i], yearAfter(prevPoint, prevYear, item.from));
      } else if (span) {
        const found = yearFromSpan(item, span);
        setFrom(item, years[i], found.year);
        ambiguousYear = found.ambiguousYear;
      } else {
        warnings.push(`Не удалось определить год для «${item.source}»: период плана неизвестен`);
        return;
      }
    }
    const window = itemWindow(item, years[i]);
    if (window.end < window.start && item.to) {
      // «май 2024 – сентябрь 2023»: keep both ends, in calendar order.
      warnings.push(`Начало срока позже окончания: «${item.source}»`);
      const first = pointWindow(item.to, years[i].to as number);
      const second = pointWindow(item.from, years[i].from as number);
      resolved.push({ item, window: { start: first.start, end: second.end }, ambiguousYear });
      return;
    }
    resolved.push({ item, window, ambiguousYear });
  });
  return resolved;
}
