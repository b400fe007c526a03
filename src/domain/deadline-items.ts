// Turns atoms into deadline items by reading the words between them: «с A по B» and «A – B» make a range,
// «до A» / «не позднее A» an upper bound, «с A» / «начиная с A» a lower bound, «в течение A» a span the work
// fills, and «ежегодно до 1 февраля 2024 года» the end of a recurrence rather than an occurrence.

import type { Atom, TimePoint } from './deadline-scan';
import {
  FROM_PREFIX_RE,
  RECURRENCE_BEFORE_BOUND_RE,
  REFERENCE_PREFIX_RE,
  UNTIL_PREFIX_RE,
  WITHIN_PREFIX_RE,
} from './deadline-lexicon';

export interface DeadlineItem {
  from: TimePoint;
  /** Set for ranges. */
  to: TimePoint | null;
  bound: 'until' | 'from' | null;
  /** «в течение 2023 года», «весь 2023 год». */
  within: boolean;
  /** «ежегодно до 1 февраля 2024 года»: when a recurrence stops, not when something happens. */
  endsRecurrence: boolean;
  /** «по итогам I полугодия»: names the period reported on; ignored when the cell has other dates. */
  reference: boolean;
  /** The normalised text of the item, for messages. */
  source: string;
}

function isRangeGap(gap: string, prefix: string): boolean {
  const g = gap.replace(/^\./, '').trim();
  if (g === '-') return true;
  return (g === 'по' || g === 'до') && FROM_PREFIX_RE.test(prefix);
}

/** «с 1 по 15 октября»: the lone day borrows the month and year of the range's end. */
function dayBefore(bare: Atom, end: TimePoint): TimePoint | null {
  if (!end.days) return null;
  const day = bare.from.days ? bare.from.days[0] : 1;
  return { year: end.year, month: end.month, months: 1, days: [day, day] };
}

const LIST_GAP_RE = /^\s*(?:,|;|и)\s*$/;

/** The day a lone number names when it starts a list of days that ends in a day of a month, else null. */
function listedDay(atoms: readonly Atom[], i: number, text: string): TimePoint | null {
  for (let k = i + 1; k < atoms.length; k++) {
    if (!LIST_GAP_RE.test(text.slice(atoms[k - 1].end, atoms[k].start))) return null;
    const next = atoms[k];
    if (next.invalid || next.to) return null;
    if (next.bareDay) continue;
    const days = next.from.days;
    return days && days[0] === days[1] ? dayBefore(atoms[i], next.from) : null;
  }
  return null;
}

function makeItem(from: TimePoint, to: TimePoint | null, prefix: string, source: string): DeadlineItem {
  const bound = to ? null : UNTIL_PREFIX_RE.test(prefix) ? 'until' : FROM_PREFIX_RE.test(prefix) ? 'from' : null;
  const endsRecurrence = bound === 'until' && from.year !== null && RECURRENCE_BEFORE_BOUND_RE.test(prefix);
  const reference = REFERENCE_PREFIX_RE.test(prefix);
  return { from, to, bound, within: WITHIN_PREFIX_RE.test(prefix), endsRecurrence, reference, source };
}

/** Items in text order; impossible dates become warnings. */
export function buildItems(atoms: readonly Atom[], text: string, warnings: string[]): DeadlineItem[] {
  const items: DeadlineItem[] = [];
  let prevEnd = 0;
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i];
    if (atom.invalid) {
      warnings.push(atom.invalid);
      prevEnd = atom.end;
      continue;
    }
    const prefix = text.slice(prevEnd, atom.start).trimEnd();
    const next = atoms[i + 1];
    if (!atom.to && next && !next.invalid && !next.to && !next.bareDay && isRangeGap(text.slice(atom.end, next.start), prefix)) {
      const from = atom.bareDay ? dayBefore(atom, next.from) : atom.from;
      if (from) {
        items.push(makeItem(from, next.from, prefix, text.slice(atom.start, next.end)));
        prevEnd = next.end;
        i++;
        continue;
      }
    }
    // «10 и 25 октября», «5, 15, 25 мая»: lone days listed before a day of a month take its month and year.
    if (atom.bareDay) {
      const listed = listedDay(atoms, i, text);
      if (listed) {
        items.push(makeItem(listed, null, prefix, text.slice(atom.start, atom.end)));
        prevEnd = atom.end;
      }
      // Otherwise a lone number («1 раз в квартал», «до 25 числа») is not a date.
      continue;
    }
    items.push(makeItem(atom.from, atom.to, prefix, text.slice(atom.start, atom.end)));
    prevEnd = atom.end;
  }
  return items;
}
