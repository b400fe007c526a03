// History of indicators: one snapshot per reporting date as flat rows (the «История показателей» sheet), and
// series read back from it for sparklines and «change since the previous snapshot».
import type { Organisation } from './people';
import { ORGANISATION_KIND_LABELS, type OrganisationKind } from './people';
import type { IsoDate } from './types';
import {
  computeIndicators,
  KIND_ORDER,
  kindScope,
  organisationScope,
  type IndicatorData,
  type IndicatorId,
  type IndicatorOptions,
  type IndicatorResult,
  type Scope,
} from './indicators';

export interface HistoryRow {
  date: IsoDate;
  indicatorId: string;
  /** 'total', 'kind:<kind>' or 'org:<id>'. */
  scope: string;
  numerator: number;
  denominator: number;
  value: number | null;
}

/** Column titles of the history sheet, in the order of HistoryRow's fields. */
export const HISTORY_HEADERS = ['Дата', 'Показатель', 'Срез', 'Числитель', 'Знаменатель', 'Значение'] as const;

/** Rows of computed results: per indicator the total, then kinds (in kind order), then organisations (list order). */
export function snapshotRows(results: readonly IndicatorResult[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const r of results) {
    const row = (scope: Scope, f: { numerator: number; denominator: number; value: number | null }): HistoryRow => ({
      date: r.asOf,
      indicatorId: r.indicatorId,
      scope,
      numerator: f.numerator,
      denominator: f.denominator,
      value: f.value,
    });
    rows.push(row('total', r.total));
    for (const kind of KIND_ORDER) {
      const f = r.byKind[kind];
      if (f) rows.push(row(kindScope(kind), f));
    }
    for (const [id, f] of Object.entries(r.byOrganisation)) rows.push(row(organisationScope(id), f));
  }
  return rows;
}

/** Every indicator (or those given) on `asOf`, as history rows. */
export function snapshot(
  data: IndicatorData,
  asOf: IsoDate,
  options?: IndicatorOptions,
  ids?: readonly IndicatorId[],
): HistoryRow[] {
  return snapshotRows(computeIndicators(data, asOf, options, ids));
}

/**
 * The history with a new snapshot in place: rows of the snapshot's dates are replaced (one snapshot per
 * reporting date, so recomputing a date does not duplicate it), the rest kept, ordered by date.
 */
export function mergeSnapshot(history: readonly HistoryRow[], rows: readonly HistoryRow[]): HistoryRow[] {
  const dates = new Set(rows.map((r) => r.date));
  const kept = history.filter((r) => !dates.has(r.date));
  // Array.prototype.sort is stable: rows of one date keep their order.
  return [...kept, ...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export interface DynamicsPoint {
  date: IsoDate;
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface Dynamics {
  indicatorId: string;
  scope: string;
  /** One point per date, oldest first; of two rows with one date the later row wins. */
  points: DynamicsPoint[];
  /** The values alone, for SPARKLINE (null where there was nothing to count). */
  values: (number | null)[];
  latest: DynamicsPoint | null;
  previous: DynamicsPoint | null;
  /** latest.value − previous.value; null without two values. */
  change: number | null;
}

function toDynamics(indicatorId: string, scope: string, rows: readonly HistoryRow[]): Dynamics {
  const byDate = new Map<IsoDate, DynamicsPoint>();
  for (const r of rows) byDate.set(r.date, { date: r.date, numerator: r.numerator, denominator: r.denominator, value: r.value });
  const points = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = points.length ? points[points.length - 1] : null;
  const previous = points.length > 1 ? points[points.length - 2] : null;
  const change = latest && previous && latest.value !== null && previous.value !== null ? latest.value - previous.value : null;
  return { indicatorId, scope, points, values: points.map((p) => p.value), latest, previous, change };
}

/** The series of one indicator in one scope. */
export function dynamics(history: readonly HistoryRow[], indicatorId: string, scope: string): Dynamics {
  return toDynamics(indicatorId, scope, history.filter((r) => r.indicatorId === indicatorId && r.scope === scope));
}

/**
 * Every series of the history at once, keyed `${indicatorId}|${scope}` — one pass, for a dashboard that needs
 * a sparkline in every row rather than a scan of the history per cell.
 */
export function allDynamics(history: readonly HistoryRow[]): Map<string, Dynamics> {
  const groups = new Map<string, HistoryRow[]>();
  for (const r of history) {
    const key = `${r.indicatorId}|${r.scope}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const out = new Map<string, Dynamics>();
  for (const [key, rows] of groups) out.set(key, toDynamics(rows[0].indicatorId, rows[0].scope, rows));
  return out;
}

/** A scope in Russian for a sheet: «Итого», the kind's label, the organisation's name (its id when unknown). */
export function scopeLabel(scope: string, organisations: readonly Pick<Organisation, 'id' | 'name'>[] = []): string {
  if (scope === 'total') return 'Итого';
  if (scope.startsWith('kind:')) return ORGANISATION_KIND_LABELS[scope.slice(5) as OrganisationKind] ?? scope;
  if (scope.startsWith('org:')) {
    const id = scope.slice(4);
    return organisations.find((o) => o.id === id)?.name || id;
  }
  return scope;
}
