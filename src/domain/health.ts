// «Состояние наставничества»: what needs the coordinator's attention today. Pairs whose programme (ППН) ends
// soon or is past its end while the pair still runs, mentors with more mentees than places, mentees waiting for
// a mentor too long, pairs with no recorded activity for too long. Thresholds come from the settings sheet.
import { addDays, diffDays, formatRuDate, parseIsoDate } from './iso-date';
import { hasLeft, mentorLoads, occupiesCapacity, type Mentee, type Mentor, type Pair } from './people';
import { plural } from './russian';
import type { IsoDate } from './types';

export interface HealthSettings {
  /** A programme ending within this many days is reported. */
  programmeEndingDays: number;
  /** A mentee without a mentor for longer than this is reported. */
  menteeWaitingDays: number;
  /** An active pair without recorded activity for longer than this is reported. */
  pairInactiveDays: number;
}

export const DEFAULT_HEALTH: Readonly<HealthSettings> = { programmeEndingDays: 30, menteeWaitingDays: 30, pairInactiveDays: 45 };

export type HealthKind = 'programme-overdue' | 'mentor-over-capacity' | 'programme-ending' | 'mentee-waiting' | 'pair-inactive';

export const HEALTH_KIND_LABELS: Readonly<Record<HealthKind, string>> = {
  'programme-overdue': 'ППН закончилась',
  'mentor-over-capacity': 'Наставник перегружен',
  'programme-ending': 'ППН скоро закончится',
  'mentee-waiting': 'Наставляемый ждёт пару',
  'pair-inactive': 'Нет активности пары',
};

/** Order on the sheet: what is already wrong before what is about to be. */
const KIND_ORDER: readonly HealthKind[] = ['programme-overdue', 'mentor-over-capacity', 'programme-ending', 'mentee-waiting', 'pair-inactive'];

export interface HealthItem {
  kind: HealthKind;
  /** The pair, mentor or mentee the item is about. */
  id: string;
  /** The people involved (mentor first), for showing names next to ids. */
  people: string[];
  /** The date the problem dates from (programme end, waiting since, last activity); null when not dated. */
  date: IsoDate | null;
  /** Days past (or, for a programme ending soon, left); null when not dated. */
  days: number | null;
  message: string;
}

export type HealthPair = Pick<Pair, 'id' | 'mentorId' | 'menteeIds' | 'status' | 'programme' | 'history' | 'order'> & {
  lastActivity?: IsoDate | null;
};

export interface HealthInput {
  pairs: readonly HealthPair[];
  mentors: readonly Pick<Mentor, 'id' | 'capacity'>[];
  mentees: readonly Pick<Mentee, 'id' | 'includedDate' | 'leftDate'>[];
  asOf: IsoDate;
  settings?: Partial<HealthSettings>;
}

export interface HealthReport {
  items: HealthItem[];
  counts: Record<HealthKind, number>;
}

const DAYS: readonly [string, string, string] = ['день', 'дня', 'дней'];

function days(n: number): string {
  return `${n} ${plural(n, DAYS)}`;
}

function valid(d: IsoDate | null | undefined): d is IsoDate {
  return typeof d === 'string' && parseIsoDate(d) !== null;
}

/** When an active pair last showed life: recorded activity, else its activation, order or programme start. */
export function lastSignOfLife(pair: HealthPair): IsoDate | null {
  const candidates: IsoDate[] = [];
  if (valid(pair.lastActivity)) candidates.push(pair.lastActivity);
  for (const h of pair.history) if (h.to === 'active' && valid(h.date)) candidates.push(h.date);
  if (pair.order && valid(pair.order.date)) candidates.push(pair.order.date);
  if (pair.programme && valid(pair.programme.start)) candidates.push(pair.programme.start);
  return candidates.length ? candidates.reduce((a, b) => (b > a ? b : a)) : null;
}

export function healthReport(input: HealthInput): HealthReport {
  const s: HealthSettings = { ...DEFAULT_HEALTH, ...(input.settings ?? {}) };
  const { asOf } = input;
  const items: HealthItem[] = [];

  for (const pair of input.pairs) {
    if (pair.status !== 'active') continue;
    const people = [pair.mentorId, ...pair.menteeIds];
    const end = pair.programme?.end;
    if (valid(end)) {
      if (end < asOf) {
        const n = diffDays(end, asOf);
        items.push({
          kind: 'programme-overdue', id: pair.id, people, date: end, days: n,
          message: `ППН закончилась ${formatRuDate(end)} (${days(n)} назад), а пара всё ещё действует: завершите или продлите её`,
        });
      } else if (end <= addDays(asOf, s.programmeEndingDays)) {
        const n = diffDays(asOf, end);
        items.push({
          kind: 'programme-ending', id: pair.id, people, date: end, days: n,
          message: n === 0 ? `ППН заканчивается сегодня (${formatRuDate(end)})` : `ППН заканчивается ${formatRuDate(end)} (через ${days(n)})`,
        });
      }
    }
    const last = lastSignOfLife(pair);
    if (last && last <= asOf) {
      const n = diffDays(last, asOf);
      if (n > s.pairInactiveDays) {
        items.push({
          kind: 'pair-inactive', id: pair.id, people, date: last, days: n,
          message: `Нет отметок об активности ${days(n)} (последняя — ${formatRuDate(last)})`,
        });
      }
    }
  }

  const loads = mentorLoads(input.pairs);
  for (const m of input.mentors) {
    const load = loads.get(m.id) ?? 0;
    const cap = Math.max(0, Math.floor(m.capacity));
    if (load > cap) {
      items.push({
        kind: 'mentor-over-capacity', id: m.id, people: [m.id], date: null, days: null,
        message: `Наставляемых ${load} при ${cap} ${plural(cap, ['месте', 'местах', 'местах'])}: перераспределите или увеличьте число мест`,
      });
    }
  }

  // A mentee waits from inclusion, or from the cancellation of their last pair, until a pair is proposed.
  const busy = new Set<string>();
  const freedOn = new Map<string, IsoDate>();
  for (const pair of input.pairs) {
    for (const id of pair.menteeIds) {
      if (occupiesCapacity(pair.status) || pair.status === 'completed') busy.add(id);
      else {
        const last = pair.history[pair.history.length - 1];
        if (last && valid(last.date) && (freedOn.get(id) ?? '') < last.date) freedOn.set(id, last.date);
      }
    }
  }
  for (const m of input.mentees) {
    if (busy.has(m.id) || hasLeft(m, asOf)) continue;
    const included = valid(m.includedDate) ? m.includedDate : null;
    const freed = freedOn.get(m.id) ?? null;
    const since = included && freed ? (freed > included ? freed : included) : included ?? freed;
    if (!since || since > asOf) continue;
    const n = diffDays(since, asOf);
    if (n > s.menteeWaitingDays) {
      items.push({
        kind: 'mentee-waiting', id: m.id, people: [m.id], date: since, days: n,
        message: `Ждёт наставника ${days(n)} (с ${formatRuDate(since)})`,
      });
    }
  }

  items.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (b.days ?? 0) - (a.days ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const counts = Object.fromEntries(KIND_ORDER.map((k) => [k, 0])) as Record<HealthKind, number>;
  for (const i of items) counts[i.kind]++;
  return { items, counts };
}
