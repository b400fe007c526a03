// What every indicator needs, resolved once per (data, date): each pair's status on the date, who is in an
// active pair, where every person and pair belongs on the date, and a tally that rolls numerators and
// denominators up from organisations to kinds and the total. One pass over the data, so the catalogue stays
// O(n) however many indicators are computed from one context.
//
// As-of rules (the same for every indicator):
// - A pair's status on a date comes from its history (pairStatusOn, end of that day). A pair with no history
//   (a sheet typed by hand) keeps its current status from its order date (else programme start) on, or always
//   when neither is known; a warning says how many.
// - A person belongs to the organisation of the latest `organisationHistory` entry not after the date, else to
//   `organisationId` — so a person who moved is counted where they were on that date when the move is recorded,
//   and by their current record otherwise.
// - A pair belongs to `pair.organisationId` when set, else to its first mentee's organisation, else its
//   mentor's, taken on the date it ended when it ended before the date (a completed pair stays where it was
//   completed), else on the date itself.
// - Records of organisations missing from the list count in the total only, never in a kind; a warning lists them.
import type { Mentee, Mentor, Organisation, OrganisationKind, Pair, PairStatus } from './people';
import { ORGANISATION_KIND_LABELS, pairStatusOn } from './people';
import type { OrganisationChecklist } from './checklist';
import type { TrackerRecord } from './tracker';
import type { IsoDate } from './types';
import { formatRuDate, isIsoDate } from './iso-date';

/** A member of the teaching staff: the population of «share of teachers …» indicators. */
export interface Teacher {
  /** The same id as the person's mentor or mentee record, when they have one. */
  id: string;
  organisationId: string;
  age?: number | null;
  birthDate?: IsoDate | null;
  experienceYears?: number | null;
}

/** A roadmap activity; `organisationId` (optional) attributes it to an organisation, else it is municipal. */
export type RoadmapRecord = TrackerRecord & { organisationId?: string };

export interface IndicatorData {
  organisations: readonly Organisation[];
  mentors: readonly Mentor[];
  mentees: readonly Mentee[];
  pairs: readonly Pair[];
  checklist: readonly OrganisationChecklist[];
  roadmap?: readonly RoadmapRecord[];
  teachers?: readonly Teacher[];
}

export interface IndicatorOptions {
  /** Retention of young specialists is measured this many months after their mentoring began (default 12). */
  retentionMonths?: number;
  /** A score at least this on a 1–5 scale means satisfied (default 4). */
  satisfiedOnFivePoint?: number;
  /** A score at least this on a 0–100 scale means satisfied (default 80). */
  satisfiedOnPercent?: number;
}

export const DEFAULT_INDICATOR_OPTIONS: Readonly<Required<IndicatorOptions>> = {
  retentionMonths: 12,
  satisfiedOnFivePoint: 4,
  satisfiedOnPercent: 80,
};

/** 'share' and 'ratio': value = numerator / denominator (share in 0–1). 'count': value = numerator, the denominator is context. */
export type IndicatorUnit = 'share' | 'count' | 'ratio';

export interface Fraction {
  numerator: number;
  denominator: number;
  /** null when the denominator is 0 (share, ratio): «no one to count», never NaN. */
  value: number | null;
}

export interface IndicatorResult {
  indicatorId: string;
  asOf: IsoDate;
  unit: IndicatorUnit;
  total: Fraction;
  /** Every kind that has at least one organisation in the list. */
  byKind: Partial<Record<OrganisationKind, Fraction>>;
  /** Every organisation of the list, in its order (0/0 included). */
  byOrganisation: Record<string, Fraction>;
  /** Russian notes on what was excluded or inconsistent. */
  warnings: string[];
}

/** Breakdown keys, as the history sheet stores them. */
export type Scope = 'total' | `kind:${OrganisationKind}` | `org:${string}`;

export const KIND_ORDER = Object.keys(ORGANISATION_KIND_LABELS) as OrganisationKind[];

export function kindScope(kind: OrganisationKind): Scope {
  return `kind:${kind}`;
}

export function organisationScope(id: string): Scope {
  return `org:${id}`;
}

/** 'total', 'kind:school', 'org:ID'; null for anything else. */
export function parseScope(text: string): Scope | null {
  const t = text.trim();
  if (t === 'total') return 'total';
  if (t.startsWith('kind:')) {
    const k = t.slice(5) as OrganisationKind;
    return KIND_ORDER.includes(k) ? kindScope(k) : null;
  }
  if (t.startsWith('org:') && t.length > 4) return organisationScope(t.slice(4));
  return null;
}

/** The figures of one scope of a result; null when the result has no such breakdown. */
export function fractionFor(result: IndicatorResult, scope: Scope): Fraction | null {
  if (scope === 'total') return result.total;
  if (scope.startsWith('kind:')) return result.byKind[scope.slice(5) as OrganisationKind] ?? null;
  const id = scope.slice(4);
  return Object.prototype.hasOwnProperty.call(result.byOrganisation, id) ? result.byOrganisation[id] : null;
}

export function fraction(unit: IndicatorUnit, numerator: number, denominator: number): Fraction {
  const value = unit === 'count' ? numerator : denominator === 0 ? null : numerator / denominator;
  return { numerator, denominator, value };
}

// ---------------------------------------------------------------------------------------------------------
// Where people and pairs are on a date

type Placed = { organisationId: string; organisationHistory?: { organisationId: string; from: IsoDate }[] };

export function organisationOn(person: Placed, date: IsoDate): string {
  const history = person.organisationHistory;
  if (!history || history.length === 0) return person.organisationId;
  let best: { organisationId: string; from: IsoDate } | null = null;
  for (const h of history) {
    if (!isIsoDate(h.from) || h.from > date) continue;
    if (!best || h.from >= best.from) best = h;
  }
  return best ? best.organisationId : person.organisationId;
}

/** In the mentee base on the date: included by then (or undated) and not yet left. */
export function inBaseOn(mentee: Pick<Mentee, 'includedDate' | 'leftDate'>, date: IsoDate): boolean {
  if (mentee.includedDate && isIsoDate(mentee.includedDate) && mentee.includedDate > date) return false;
  if (mentee.leftDate && isIsoDate(mentee.leftDate) && mentee.leftDate <= date) return false;
  return true;
}

/** An order exists on the date: it has a number or a date, and its date (when known) is not later. */
export function hasOrderOn(order: Pair['order'], date: IsoDate): boolean {
  if (!order) return false;
  const dated = isIsoDate(order.date);
  if (!dated && String(order.number ?? '').trim() === '') return false;
  return !dated || order.date <= date;
}

export interface PairView {
  pair: Pair;
  /** Status at the end of the as-of date; null when the pair did not exist yet. */
  status: PairStatus | null;
  /** First day it was active, if that is not after the as-of date. */
  startedOn: IsoDate | null;
  /** Day it was completed or cancelled, if that is not after the as-of date. */
  endedOn: IsoDate | null;
  /** Organisation it is counted in ('' when unknown). */
  organisationId: string;
}

export interface IndicatorContext {
  data: IndicatorData;
  asOf: IsoDate;
  options: Required<IndicatorOptions>;
  kindOf: ReadonlyMap<string, OrganisationKind>;
  mentorById: ReadonlyMap<string, Mentor>;
  menteeById: ReadonlyMap<string, Mentee>;
  pairs: readonly PairView[];
  /** Ids of mentees / mentors in at least one pair active on the date. */
  activeMentees: ReadonlySet<string>;
  activeMentors: ReadonlySet<string>;
  /** Data-level notes shared by every indicator that looks at pairs. */
  pairWarnings: string[];
}

function viewPair(pair: Pair, asOf: IsoDate, mentorById: Map<string, Mentor>, menteeById: Map<string, Mentee>): PairView & { guessed: boolean } {
  let status: PairStatus | null;
  let startedOn: IsoDate | null = null;
  let endedOn: IsoDate | null = null;
  const guessed = !pair.history || pair.history.length === 0;
  if (!guessed) {
    status = pairStatusOn(pair, asOf);
    for (const h of pair.history) {
      if (h.date > asOf) break;
      if (h.to === 'active' && startedOn === null) startedOn = h.date;
      if (h.to === 'completed' || h.to === 'cancelled') endedOn = h.date;
    }
  } else {
    const from = pair.order && isIsoDate(pair.order.date) ? pair.order.date : pair.programme && isIsoDate(pair.programme.start) ? pair.programme.start : null;
    status = from !== null && from > asOf ? null : pair.status;
    if (status === 'active' || status === 'completed') startedOn = from ?? asOf;
    if (status === 'completed' || status === 'cancelled') endedOn = from ?? asOf;
  }
  const refDate = endedOn ?? asOf;
  let organisationId = pair.organisationId?.trim() ?? '';
  if (organisationId === '') {
    const mentee = pair.menteeIds.length ? menteeById.get(pair.menteeIds[0]) : undefined;
    const mentor = mentorById.get(pair.mentorId);
    organisationId = mentee ? organisationOn(mentee, refDate) : mentor ? organisationOn(mentor, refDate) : '';
  }
  return { pair, status, startedOn, endedOn, organisationId, guessed };
}

/** Builds the shared context; throws a Russian message when the date is not an ISO date. */
export function prepareIndicators(data: IndicatorData, asOf: IsoDate, options: IndicatorOptions = {}): IndicatorContext {
  if (!isIsoDate(asOf)) throw new Error(`Дата расчёта показателей должна быть датой в формате ГГГГ-ММ-ДД, получено «${String(asOf)}»`);
  const opts: Required<IndicatorOptions> = { ...DEFAULT_INDICATOR_OPTIONS };
  for (const [k, v] of Object.entries(options) as [keyof IndicatorOptions, number | undefined][]) {
    if (typeof v === 'number' && Number.isFinite(v)) opts[k] = v;
  }
  const kindOf = new Map<string, OrganisationKind>();
  for (const o of data.organisations) if (!kindOf.has(o.id)) kindOf.set(o.id, o.kind);
  const mentorById = new Map<string, Mentor>();
  for (const m of data.mentors) if (!mentorById.has(m.id)) mentorById.set(m.id, m);
  const menteeById = new Map<string, Mentee>();
  for (const m of data.mentees) if (!menteeById.has(m.id)) menteeById.set(m.id, m);

  const activeMentees = new Set<string>();
  const activeMentors = new Set<string>();
  let guessedCount = 0;
  const pairs = data.pairs.map((p) => {
    const { guessed, ...view } = viewPair(p, asOf, mentorById, menteeById);
    if (guessed) guessedCount++;
    if (view.status === 'active') {
      activeMentors.add(p.mentorId);
      for (const id of p.menteeIds) activeMentees.add(id);
    }
    return view;
  });
  const pairWarnings: string[] = [];
  if (guessedCount > 0) {
    pairWarnings.push(`Пар без истории статусов: ${guessedCount}; для них на ${formatRuDate(asOf)} взят текущий статус с даты приказа или начала ППН`);
  }
  return { data, asOf, options: opts, kindOf, mentorById, menteeById, pairs, activeMentees, activeMentors, pairWarnings };
}

// ---------------------------------------------------------------------------------------------------------
// Tally: organisation → kind → total

export class Tally {
  private readonly num = new Map<string, number>();
  private readonly den = new Map<string, number>();

  add(organisationId: string, numerator: number, denominator: number): void {
    this.num.set(organisationId, (this.num.get(organisationId) ?? 0) + numerator);
    this.den.set(organisationId, (this.den.get(organisationId) ?? 0) + denominator);
  }

  /**
   * The result with every organisation of the list and every kind present. `blankIsMunicipal`: records with no
   * organisation are the municipality's own (roadmap activities), so they go to the total without a warning.
   */
  finish(
    ctx: IndicatorContext,
    indicatorId: string,
    unit: IndicatorUnit,
    warnings: string[],
    blankIsMunicipal = false,
  ): IndicatorResult {
    const kindNum = new Map<OrganisationKind, number>();
    const kindDen = new Map<OrganisationKind, number>();
    let totalNum = 0;
    let totalDen = 0;
    const unknown: string[] = [];
    for (const [org, d] of this.den) {
      const n = this.num.get(org) ?? 0;
      totalNum += n;
      totalDen += d;
      const kind = ctx.kindOf.get(org);
      if (kind) {
        kindNum.set(kind, (kindNum.get(kind) ?? 0) + n);
        kindDen.set(kind, (kindDen.get(kind) ?? 0) + d);
      } else if ((n > 0 || d > 0) && !(blankIsMunicipal && org.trim() === '')) {
        unknown.push(org.trim() === '' ? 'без организации' : org);
      }
    }
    const byKind: Partial<Record<OrganisationKind, Fraction>> = {};
    const presentKinds = new Set(ctx.kindOf.values());
    for (const kind of KIND_ORDER) {
      if (!presentKinds.has(kind)) continue;
      byKind[kind] = fraction(unit, kindNum.get(kind) ?? 0, kindDen.get(kind) ?? 0);
    }
    const seen = new Set<string>();
    const entries: [string, Fraction][] = [];
    for (const o of ctx.data.organisations) {
      if (seen.has(o.id)) continue;
      seen.add(o.id);
      entries.push([o.id, fraction(unit, this.num.get(o.id) ?? 0, this.den.get(o.id) ?? 0)]);
    }
    const notes = [...warnings];
    if (unknown.length) {
      const shown = unknown.slice(0, 5).join(', ');
      notes.push(
        `Учтены только в итоге (организации нет в списке ОО): ${shown}${unknown.length > 5 ? ` и ещё ${unknown.length - 5}` : ''}`,
      );
    }
    return {
      indicatorId,
      asOf: ctx.asOf,
      unit,
      total: fraction(unit, totalNum, totalDen),
      byKind,
      // fromEntries defines own properties, so an id like «__proto__» cannot touch the prototype.
      byOrganisation: Object.fromEntries(entries),
      warnings: notes,
    };
  }
}
