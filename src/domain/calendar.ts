// The roadmap as a calendar: every occurrence of every activity over the plan period, month by month, with
// its state on a date. Recurring activities («ежегодно, май») become one row per occurrence.
import { occurrenceStatus, occurrences, parseDeadline, type OccurrenceStatus } from './deadline';
import { MONTHS_NOMINATIVE } from './russian';
import { statusOn, type TrackerRecord } from './tracker';
import type { IsoDate, Period } from './types';

export const STATE_LABELS: Record<OccurrenceStatus | 'cancelled' | 'conditional', string> = {
  done: 'выполнено',
  overdue: 'просрочено',
  'due-soon': 'срок скоро',
  'in-progress': 'идёт',
  planned: 'запланировано',
  'no-date': 'без срока',
  cancelled: 'отменено',
  conditional: 'по условию',
};

export interface CalendarRow {
  /** «сентябрь 2023», or «по условию» / «без срока» for activities without a date. */
  month: string;
  start: IsoDate | '';
  end: IsoDate | '';
  number: string;
  title: string;
  responsible: string;
  state: string;
  id: string;
}

export interface CalendarSummary {
  rows: CalendarRow[];
  dueThisMonth: number;
  overdue: number;
}

export function monthLabel(iso: IsoDate): string {
  return `${MONTHS_NOMINATIVE[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** An occurrence counts as done when the activity is done and the occurrence began by the completion date. */
function occurrenceDone(r: TrackerRecord, start: IsoDate, asOf: IsoDate): boolean {
  if (statusOn(r, asOf) !== 'выполнено') return false;
  return !/^\d{4}-\d{2}-\d{2}$/.test(r.doneDate) || start <= r.doneDate;
}

export function buildCalendar(records: readonly TrackerRecord[], period: Period | null, asOf: IsoDate): CalendarSummary {
  const dated: CalendarRow[] = [];
  const undated: CalendarRow[] = [];
  const month = asOf.slice(0, 7);
  let dueThisMonth = 0;
  let overdue = 0;
  for (const r of records) {
    const base = { number: r.number, title: r.title, responsible: r.responsible, id: r.id };
    const cancelled = statusOn(r, asOf) === 'отменено';
    const deadline = parseDeadline(r.deadlineText, period);
    const windows = occurrences(deadline, period);
    if (windows.length === 0) {
      const label = deadline.kind === 'conditional' ? STATE_LABELS.conditional : STATE_LABELS['no-date'];
      undated.push({ ...base, month: label, start: '', end: '', state: cancelled ? STATE_LABELS.cancelled : label });
      continue;
    }
    for (const w of windows) {
      const status = occurrenceStatus(w, asOf, occurrenceDone(r, w.start, asOf));
      const state = cancelled ? STATE_LABELS.cancelled : STATE_LABELS[status];
      if (!cancelled && status === 'overdue') overdue++;
      if (!cancelled && status !== 'done' && w.end.slice(0, 7) === month) dueThisMonth++;
      dated.push({ ...base, month: monthLabel(w.end), start: w.start, end: w.end, state });
    }
  }
  dated.sort((a, b) => a.end.localeCompare(b.end) || a.start.localeCompare(b.start) || compareNumbers(a.number, b.number));
  return { rows: [...dated, ...undated], dueThisMonth, overdue };
}

/** «1.10» after «1.9»: numbering compared part by part. */
export function compareNumbers(a: string, b: string): number {
  const pa = a.split(/[.\s]+/).filter(Boolean);
  const pb = b.split(/[.\s]+/).filter(Boolean);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const c = !isNaN(nx) && !isNaN(ny) && x !== '' && y !== '' ? nx - ny : x.localeCompare(y);
    if (c !== 0) return c;
  }
  return 0;
}
