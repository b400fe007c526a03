// «Информационно-аналитическая справка» on the mentoring model (DOMAIN.md «Reporting»): the document a
// municipal coordinator signs and sends upward. Pure: the workbook's records, targets and indicator history in,
// a ReportDocument out. The outline follows the справки the regions actually ask for: basis and dates,
// participants, regulatory documents (the checklist), quantitative indicators against the year's targets with
// dynamics since the previous snapshot, pairs and forms, satisfaction and results, roadmap execution, problems
// found in the data, conclusions and recommendations written from the numbers, appendices by organisation.
//
// Anonymised mode (152-ФЗ): the document leaves the workbook, so no person is named — mentors and mentees appear
// as their pseudonymous ids or as counts, curators and responsible persons not at all, and text taken from the
// roadmap has «Фамилия И. О.» masked. Organisation names are not personal data and stay.
import { checklistItem, checklistStatus, CHECKLIST_ITEMS, type ChecklistStatus, type OrganisationChecklist } from './checklist';
import { DEFAULT_HEALTH, healthReport, type HealthItem, type HealthPair, type HealthSettings } from './health';
import { dynamics, type HistoryRow } from './indicator-history';
import {
  INDICATORS,
  KIND_ORDER,
  inBaseOn,
  hasOrderOn,
  organisationOn,
  organisationScope,
  prepareIndicators,
  type Fraction,
  type Indicator,
  type IndicatorData,
  type IndicatorId,
  type IndicatorOptions,
  type IndicatorResult,
} from './indicators';
import { formatRuDate, isIsoDate } from './iso-date';
import { youngSpecialistStatus, type Mentee, type Organisation, type OrganisationKind } from './people';
import { ReportBuilder, type ReportDocument } from './report-doc';
import { maskPersonalNames } from './roadmap-summary-report';
import { countWord, formatDateLong, formatNumber, formatPercent, formatPeriod, formatShare, NBSP, plural, roundTo, type PluralForms } from './russian';
import { compareWithTarget, DEFAULT_TARGETS, targetFor, type TargetComparison, type TargetTable } from './targets';
import { executionSummary, statusOn, type TrackerRecord } from './tracker';
import type { IsoDate, Period } from './types';

export const SPRAVKA_KIND = 'Информационно-аналитическая справка';

export interface SpravkaRoadmap {
  /** The roadmap's title as imported. */
  title: string;
  period: Period | null;
  records: readonly TrackerRecord[];
}

export interface SpravkaInput {
  /** Organisations, mentors, mentees, pairs, checklists (and, when kept, the staff list) from the workbook. */
  data: IndicatorData;
  /** The «Цели» table; the seed programmes' targets when absent. */
  targets?: TargetTable;
  /** Earlier snapshots («История показателей»), for the dynamics. */
  history?: readonly HistoryRow[];
  /** The roadmap the monitoring follows: its title, period and activities with their marks. */
  roadmap?: SpravkaRoadmap | null;
  /** «Городской округ …»; by default the organisations' municipality when they share one. */
  territory?: string;
  indicatorOptions?: IndicatorOptions;
  health?: Partial<HealthSettings>;
  /** About the sources («Листа «Цели» нет …»), for the appendix of remarks; must not quote personal data. */
  notes?: readonly string[];
}

export interface SpravkaOptions {
  /** The date the figures are counted on. */
  asOf: IsoDate;
  /** No personal names anywhere in the document. */
  anonymised: boolean;
  /** The snapshot to compare with; by default the latest one in the history before `asOf`. */
  previousSnapshotDate?: IsoDate | null;
  /** Replaces «Информационно-аналитическая справка». */
  title?: string;
  /** What the справка is prepared under: a roadmap item, an order, a request from the region. */
  basis?: string;
}

// ------------------------------------------------------------------------------------------- Russian words

const EDU_ORGS: PluralForms = ['образовательная организация', 'образовательные организации', 'образовательных организаций'];
/** After «из»: «из 1 организации», «из 10 организаций». */
const OF_ORGS: PluralForms = ['организации', 'организаций', 'организаций'];
/** After «в»: «в 1 организации», «в 3 организациях». */
const IN_ORGS: PluralForms = ['организации', 'организациях', 'организациях'];
const ORGS: PluralForms = ['организация', 'организации', 'организаций'];
const PEOPLE: PluralForms = ['человек', 'человека', 'человек'];
const YOUNG: PluralForms = ['молодой специалист', 'молодых специалиста', 'молодых специалистов'];
const PAIRS: PluralForms = ['наставническая пара', 'наставнические пары', 'наставнических пар'];
const GROUPS: PluralForms = ['группа', 'группы', 'групп'];
const PAIRS_OR_GROUPS: PluralForms = ['пара (группа)', 'пары (группы)', 'пар (групп)'];
const MENTEES: PluralForms = ['наставляемый', 'наставляемых', 'наставляемых'];
const MENTORS: PluralForms = ['наставник', 'наставника', 'наставников'];
const ITEMS: PluralForms = ['пункт', 'пункта', 'пунктов'];
const ACTIVITIES: PluralForms = ['мероприятие', 'мероприятия', 'мероприятий'];
const OF_ACTIVITIES: PluralForms = ['мероприятия', 'мероприятий', 'мероприятий'];
const PROGRAMMES: PluralForms = ['программа', 'программы', 'программ'];
const OF_PROGRAMMES: PluralForms = ['программы', 'программ', 'программ'];
const OF_INDICATORS: PluralForms = ['показателя', 'показателей', 'показателей'];
const PLACES: PluralForms = ['месте', 'местах', 'местах'];

/** A verb that agrees with a number: 1, 21 → singular («участвует»), otherwise plural («участвуют»). */
function agree(n: number, singular: string, pluralForm: string): string {
  return plural(n, [singular, pluralForm, pluralForm]);
}

/** Kinds in the nominative with their number: «6 общеобразовательных организаций». */
const KIND_FORMS: Readonly<Record<OrganisationKind, PluralForms>> = {
  school: ['общеобразовательная организация', 'общеобразовательные организации', 'общеобразовательных организаций'],
  kindergarten: ['дошкольная образовательная организация', 'дошкольные образовательные организации', 'дошкольных образовательных организаций'],
  additional: ['организация дополнительного образования', 'организации дополнительного образования', 'организаций дополнительного образования'],
  college: ['профессиональная образовательная организация', 'профессиональные образовательные организации', 'профессиональных образовательных организаций'],
  other: ['иная организация', 'иные организации', 'иных организаций'],
};

/** Row labels of the table by kind: short, as reports write them, so the figures get the page's width. */
const KIND_TITLES: Readonly<Record<OrganisationKind, string>> = {
  school: 'Школы',
  kindergarten: 'Детские сады',
  additional: 'Дополнительное образование',
  college: 'Колледжи и техникумы',
  other: 'Иные организации',
};

/** Indicators whose value per organisation is yes or no: «достигнут в 7 из 10 организаций» says nothing there. */
const ORGANISATION_LEVEL: ReadonlySet<IndicatorId> = new Set<IndicatorId>(['model-implemented', 'curator-appointed']);

/** Indicators of the municipal roadmap: no breakdown by organisation. */
const ROADMAP_INDICATORS: ReadonlySet<IndicatorId> = new Set<IndicatorId>(['roadmap-on-time', 'roadmap-overdue']);

function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}

/** «А, Б и В». */
function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} и ${items[items.length - 1]}`;
}

/** The text ending with exactly one full stop: «… 2023 г.» keeps its own. */
function sentence(s: string): string {
  const t = s.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** «в МБОУ «СОШ № 1», МБОУ «СОШ № 3» и МАОУ «Гимназия № 2»» for a few, «в 7 организациях (перечень — в разделе 8)» for many. */
function inOrganisations(names: readonly string[], section: string): string {
  return names.length <= 3 ? `в ${joinAnd(names)}` : `в ${countWord(names.length, IN_ORGS)} (перечень — в разделе ${section})`;
}

// ------------------------------------------------------------------------------------------- figures

/** A share as «72,7 % (16 из 22)», a count as is, a ratio to one decimal; «нет данных» with nothing to count. */
export function formatIndicatorValue(unit: Indicator['unit'], f: Pick<Fraction, 'numerator' | 'denominator' | 'value'>): string {
  if (unit === 'count') return formatNumber(f.numerator);
  if (f.value === null || f.denominator === 0) return 'нет данных';
  if (unit === 'ratio') return formatNumber(f.value, 1);
  return `${formatPercent(f.value)} (${formatNumber(f.numerator)} из ${formatNumber(f.denominator)})`;
}

/**
 * A change between snapshots: shares in percentage points («+5,2 п. п.», «−3,0 п. п.»), counts as numbers
 * («+3»), ratios to one decimal; «без изменений» when it rounds to zero.
 */
export function formatChange(unit: Indicator['unit'], change: number): string {
  const shown = unit === 'share' ? change * 100 : change;
  const decimals = unit === 'count' ? 0 : 1;
  if (roundTo(Math.abs(shown), decimals) === 0) return 'без изменений';
  const body = formatNumber(shown, decimals);
  const signed = shown > 0 ? `+${body}` : body;
  return unit === 'share' ? `${signed}${NBSP}п.${NBSP}п.` : signed;
}

/** «не менее 80 %», «не более 10 %», «не менее 20». */
function targetText(c: TargetComparison): string {
  // «не менее 100 %» is just «100 %»: nothing can be more.
  if (c.measure === 'percent' && ((c.bound === 'min' && c.target >= 100) || (c.bound === 'max' && c.target <= 0))) return `${formatNumber(c.target)}${NBSP}%`;
  const bound = c.bound === 'max' ? 'не более' : 'не менее';
  return c.measure === 'percent' ? `${bound} ${formatNumber(c.target)}${NBSP}%` : `${bound} ${formatNumber(c.target)}`;
}

function statusText(c: TargetComparison | null): string {
  if (!c) return '—';
  switch (c.status) {
    case 'met':
      return 'достигнуто';
    case 'close':
      return 'близко к цели';
    case 'behind':
      return 'не достигнуто';
    default:
      return 'нет данных';
  }
}

/** The figure a comparison speaks of, the way the target states it: «72,7 %», «18». */
function actualText(c: TargetComparison): string {
  if (c.actual === null) return 'нет данных';
  return c.measure === 'percent' ? formatPercent(c.actual / 100) : formatNumber(c.actual, Number.isInteger(c.actual) ? 0 : 1);
}

interface IndicatorFacts {
  indicator: Indicator;
  result: IndicatorResult;
  computed: boolean;
  /** Why not computed, when it is not. */
  missingReason: string;
  /** The total against the year's target; null without a target. */
  total: TargetComparison | null;
  /** Organisations with data and a target: their comparison, in list order. */
  byOrganisation: { id: string; comparison: TargetComparison }[];
  previous: { numerator: number; denominator: number; value: number | null } | null;
  change: number | null;
}

interface Facts {
  asOf: IsoDate;
  year: number;
  anonymised: boolean;
  organisations: Organisation[];
  orgName: (id: string) => string;
  kinds: OrganisationKind[];
  countByKind: Map<OrganisationKind, number>;
  mentorsByOrg: Map<string, number>;
  menteesByOrg: Map<string, number>;
  youngByOrg: Map<string, number>;
  mentorsTotal: number;
  menteesTotal: number;
  youngTotal: number;
  activeMentorCount: number;
  activeMenteeCount: number;
  active: { organisationId: string; group: boolean; byOrder: boolean; rolePair: string; format: string; menteeCount: number }[];
  activeByOrg: Map<string, number>;
  checklists: Map<string, ChecklistStatus>;
  indicators: Map<IndicatorId, IndicatorFacts>;
  previousDate: IsoDate | null;
  /** The date asked for that the history does not have. */
  previousMissing: IsoDate | null;
  health: { items: HealthItem[]; organisationOf: Map<string, string> };
  /** Full name of a mentor or mentee; '' when anonymised or unknown. */
  personName: (id: string) => string;
  warnings: string[];
  options: Required<IndicatorOptions>;
  notes: string[];
  /** A mentee waiting longer than this many days is a problem. */
  waitingDays: number;
}

function lastSnapshotBefore(history: readonly HistoryRow[], asOf: IsoDate): IsoDate | null {
  let best: IsoDate | null = null;
  for (const r of history) if (isIsoDate(r.date) && r.date < asOf && (best === null || r.date > best)) best = r.date;
  return best;
}

function youngOn(m: Mentee, asOf: IsoDate): boolean {
  const s = youngSpecialistStatus(m, asOf);
  return s === 'yes' || (s === 'unknown' && m.group === 'young-specialist');
}

function spelling(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/[‐-―−-]/g, '-').replace(/\s+/g, ' ').trim();
}

function gather(input: SpravkaInput, opts: SpravkaOptions): Facts {
  const { asOf, anonymised } = opts;
  if (!isIsoDate(asOf)) throw new Error(`Дата справки должна быть в формате ГГГГ-ММ-ДД, получено «${String(asOf)}»`);
  const year = Number(asOf.slice(0, 4));
  const roadmapRecords = liveRecords(input.roadmap?.records ?? []);
  const data: IndicatorData = { ...input.data, roadmap: input.data.roadmap ?? (input.roadmap ? roadmapRecords : undefined) };
  const ctx = prepareIndicators(data, asOf, input.indicatorOptions);

  const organisations: Organisation[] = [];
  const seenOrg = new Set<string>();
  for (const o of data.organisations) {
    if (seenOrg.has(o.id)) continue;
    seenOrg.add(o.id);
    organisations.push(o);
  }
  const names = new Map(organisations.map((o) => [o.id, o.name.trim() || o.id]));
  const orgName = (id: string) => names.get(id) ?? (id.trim() || 'без организации');
  const countByKind = new Map<OrganisationKind, number>();
  for (const o of organisations) countByKind.set(o.kind, (countByKind.get(o.kind) ?? 0) + 1);
  const kinds = KIND_ORDER.filter((k) => countByKind.has(k));

  const bump = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
  const mentorsByOrg = new Map<string, number>();
  const menteesByOrg = new Map<string, number>();
  const youngByOrg = new Map<string, number>();
  let mentorsTotal = 0;
  let menteesTotal = 0;
  let youngTotal = 0;
  const personNames = new Map<string, string>();
  for (const m of ctx.mentorById.values()) {
    mentorsTotal++;
    bump(mentorsByOrg, organisationOn(m, asOf));
    personNames.set(m.id, m.fullName);
  }
  for (const m of ctx.menteeById.values()) {
    personNames.set(m.id, m.fullName);
    if (!inBaseOn(m, asOf)) continue;
    menteesTotal++;
    const org = organisationOn(m, asOf);
    bump(menteesByOrg, org);
    if (youngOn(m, asOf)) {
      youngTotal++;
      bump(youngByOrg, org);
    }
  }

  const active: Facts['active'] = [];
  const activeByOrg = new Map<string, number>();
  for (const v of ctx.pairs) {
    if (v.status !== 'active') continue;
    active.push({
      organisationId: v.organisationId,
      group: v.pair.menteeIds.length > 1,
      byOrder: hasOrderOn(v.pair.order, asOf),
      rolePair: v.pair.rolePair ?? '',
      format: v.pair.format ?? '',
      menteeCount: v.pair.menteeIds.length,
    });
    bump(activeByOrg, v.organisationId);
  }

  const checklists = new Map<string, ChecklistStatus>();
  for (const c of data.checklist as readonly OrganisationChecklist[]) {
    if (!checklists.has(c.organisationId)) checklists.set(c.organisationId, checklistStatus(c, asOf));
  }

  const history = input.history ?? [];
  const requested = opts.previousSnapshotDate && isIsoDate(opts.previousSnapshotDate) ? opts.previousSnapshotDate : null;
  const hasDate = (d: IsoDate) => history.some((r) => r.date === d);
  const previousDate = requested ? (hasDate(requested) ? requested : null) : lastSnapshotBefore(history, asOf);
  const previousMissing = requested && !previousDate ? requested : null;

  const table = input.targets ?? DEFAULT_TARGETS;
  const indicators = new Map<IndicatorId, IndicatorFacts>();
  const warnings: string[] = [];
  for (const indicator of INDICATORS) {
    const result = indicator.evaluate(ctx);
    const lacks = indicator.needs.find((n) => (n === 'teachers' ? !data.teachers : !data.roadmap));
    const computed = !lacks && (result.unit === 'count' || result.total.denominator > 0);
    const missingReason = lacks === 'teachers' ? 'нет списка педагогических работников' : lacks === 'roadmap' ? 'нет дорожной карты' : 'нет данных для расчёта';
    const lookup = targetFor(indicator.id, year, 'total', table);
    const total = lookup && computed ? compareWithTarget(result.total, lookup.target, indicator) : null;
    const byOrganisation: IndicatorFacts['byOrganisation'] = [];
    if (computed && !ROADMAP_INDICATORS.has(indicator.id)) {
      for (const o of organisations) {
        const f = result.byOrganisation[o.id];
        if (!f || (indicator.unit !== 'count' && f.denominator === 0)) continue;
        const own = targetFor(indicator.id, year, organisationScope(o.id), table, o.kind);
        if (!own) continue;
        const comparison = compareWithTarget(f, own.target, indicator);
        if (comparison && comparison.status !== 'no-data') byOrganisation.push({ id: o.id, comparison });
      }
    }
    let previous: IndicatorFacts['previous'] = null;
    let change: number | null = null;
    if (previousDate && computed) {
      const point = dynamics(history, indicator.id, 'total').points.find((p) => p.date === previousDate) ?? null;
      if (point) {
        previous = point;
        const now = result.unit === 'count' ? result.total.numerator : result.total.value;
        const then = result.unit === 'count' ? point.numerator : point.value;
        change = now !== null && then !== null && (result.unit === 'count' || point.denominator > 0) ? now - then : null;
      }
    }
    if (computed) for (const w of result.warnings) if (!warnings.includes(w)) warnings.push(w);
    indicators.set(indicator.id, { indicator, result, computed, missingReason, total, byOrganisation, previous, change });
  }

  // The health check looks at pairs as they stood on the date, not as they stand today.
  const healthPairs: HealthPair[] = [];
  const organisationOf = new Map<string, string>();
  for (const v of ctx.pairs) {
    if (v.status === null) continue;
    healthPairs.push({ ...v.pair, status: v.status, history: v.pair.history.filter((h) => h.date <= asOf) });
    organisationOf.set(v.pair.id, v.organisationId);
  }
  for (const m of ctx.mentorById.values()) organisationOf.set(m.id, organisationOn(m, asOf));
  const menteesInBase = [...ctx.menteeById.values()].filter((m) => inBaseOn(m, asOf));
  for (const m of menteesInBase) organisationOf.set(m.id, organisationOn(m, asOf));
  const report = healthReport({
    pairs: healthPairs,
    mentors: [...ctx.mentorById.values()].map((m) => ({ id: m.id, capacity: typeof m.capacity === 'number' && Number.isFinite(m.capacity) ? m.capacity : Infinity })),
    mentees: menteesInBase,
    asOf,
    settings: input.health,
  });
  const items = report.items.filter((i) => i.kind === 'programme-overdue' || i.kind === 'mentor-over-capacity' || i.kind === 'mentee-waiting');

  // Never a name in an anonymised справка, whoever asks.
  const personName = (id: string) => (anonymised ? '' : (personNames.get(id) ?? '').trim());

  return {
    asOf, year, anonymised, organisations, orgName, kinds, countByKind, mentorsByOrg, menteesByOrg, youngByOrg,
    mentorsTotal, menteesTotal, youngTotal, activeMentorCount: ctx.activeMentors.size, activeMenteeCount: ctx.activeMentees.size,
    active, activeByOrg, checklists, indicators, previousDate, previousMissing, health: { items, organisationOf }, personName, warnings,
    options: ctx.options, notes: [...new Set((input.notes ?? []).map((n) => n.trim()).filter(Boolean))], waitingDays: { ...DEFAULT_HEALTH, ...(input.health ?? {}) }.menteeWaitingDays,
  };
}

const REMOVED_PREFIX = 'нет в новой редакции';

function liveRecords(records: readonly TrackerRecord[]): TrackerRecord[] {
  return records.filter((r) => !String(r.importNote ?? '').trim().toLowerCase().startsWith(REMOVED_PREFIX));
}

/** On a date before its completion an activity was still open: a справка on a past date must not see it done. */
function asOfRecord(r: TrackerRecord, asOf: IsoDate): TrackerRecord {
  return r.doneDate && isIsoDate(r.doneDate) && r.doneDate > asOf ? { ...r, status: 'в работе', doneDate: '' } : r;
}

// ------------------------------------------------------------------------------------------- the document

export function buildSpravka(input: SpravkaInput, opts: SpravkaOptions): ReportDocument {
  const f = gather(input, opts);
  const clean = (text: string) => {
    const t = text.replace(/\s+/g, ' ').trim();
    return f.anonymised ? maskPersonalNames(t) : t;
  };
  const asOfText = formatDateLong(f.asOf);
  const b = new ReportBuilder(clean(opts.title ?? '') || SPRAVKA_KIND, { numberTables: true });
  b.subtitle(`о реализации целевой модели наставничества педагогических работников по состоянию на ${asOfText}`);

  const territory = input.territory?.trim() || sharedMunicipality(f.organisations);
  const roadmap = input.roadmap ?? null;
  const records = liveRecords(roadmap?.records ?? []).map((r) => asOfRecord(r, f.asOf));

  writeBasis(b, f, roadmap, clean, territory, opts.basis ? clean(opts.basis) : '');
  writeParticipants(b, f);
  writeChecklist(b, f);
  writeIndicators(b, f);
  writePairs(b, f);
  writeResults(b, f);
  const execution = writeRoadmap(b, f, roadmap ? records : null, clean);
  const problems = writeProblems(b, f, execution);
  writeConclusions(b, f, problems, execution);
  writeAppendices(b, f);

  const implemented = f.indicators.get('model-implemented')!.result.total;
  b.placeholder('date', asOfText)
    .placeholder('year', String(f.year))
    .placeholder('territory', territory)
    .placeholder('roadmap', roadmap ? clean(roadmap.title) : '')
    .placeholder('period', roadmap?.period ? formatPeriod(roadmap.period.start, roadmap.period.end) : '')
    .placeholder('previousDate', f.previousDate ? formatDateLong(f.previousDate) : '')
    .placeholder('organisations', formatNumber(f.organisations.length))
    .placeholder('mentors', formatNumber(f.mentorsTotal))
    .placeholder('mentees', formatNumber(f.menteesTotal))
    .placeholder('youngSpecialists', formatNumber(f.youngTotal))
    .placeholder('activePairs', formatNumber(f.active.length))
    .placeholder('implemented', formatNumber(implemented.numerator))
    .placeholder('implementedPercent', formatShare(implemented.numerator, implemented.denominator));
  return b.build();
}

function sharedMunicipality(organisations: readonly Organisation[]): string {
  const names = [...new Set(organisations.map((o) => String(o.municipality ?? '').trim()).filter(Boolean))];
  return names.length === 1 ? names[0] : '';
}

// ------------------------------------------------------------------------------------------- 1. basis

function writeBasis(b: ReportBuilder, f: Facts, roadmap: SpravkaRoadmap | null, clean: (s: string) => string, territory: string, basis: string): void {
  b.heading('1. Основание и сроки проведения мониторинга');
  if (basis) b.paragraph(`Основание: ${sentence(basis)}`);
  const title = roadmap ? clean(roadmap.title) : '';
  if (title) {
    const period = roadmap?.period ? ` (период реализации — ${formatPeriod(roadmap.period.start, roadmap.period.end)})` : '';
    b.paragraph(`Мониторинг проведён в соответствии с дорожной картой «${title.replace(/[.]$/, '')}»${period}.`);
  } else if (roadmap?.period) {
    b.paragraph(`Мониторинг проведён в соответствии с дорожной картой на ${formatPeriod(roadmap.period.start, roadmap.period.end)}.`);
  }
  if (territory) b.paragraph(`Территория: ${sentence(territory)}`);
  b.paragraph(
    `Показатели рассчитаны по состоянию на ${formatDateLong(f.asOf)} по данным базы наставников и наставляемых, ` +
      'реестра наставнических пар и групп и чек-листов внедрения целевой модели, которые ведут кураторы образовательных организаций.',
  );
  if (f.previousDate) {
    b.paragraph(sentence(`Для оценки динамики использованы данные предыдущего мониторинга на ${formatDateLong(f.previousDate)}`));
  } else if (f.previousMissing) {
    b.paragraph(`Данных мониторинга на ${formatDateLong(f.previousMissing)} в истории показателей нет, поэтому динамика не рассчитана.`);
  } else {
    b.paragraph('Данных предыдущего мониторинга нет, поэтому динамика показателей не рассчитана: это первый срез.');
  }
  if (f.anonymised) {
    b.paragraph('Справка обезличена: участники наставничества обозначены кодами, персональные данные не приводятся.', { italic: true });
  }
}

// ------------------------------------------------------------------------------------------- 2. participants

function kindsPhrase(f: Facts): string {
  return joinAnd(f.kinds.map((k) => countWord(f.countByKind.get(k)!, KIND_FORMS[k])));
}

function writeParticipants(b: ReportBuilder, f: Facts): void {
  b.heading('2. Участники мониторинга');
  const n = f.organisations.length;
  if (n === 0) {
    b.paragraph('Образовательные организации в мониторинг не включены: список организаций пуст.');
    return;
  }
  const verb = agree(n, 'участвует', 'участвуют');
  if (f.kinds.length === 1) b.paragraph(`В мониторинге ${verb} ${countWord(n, KIND_FORMS[f.kinds[0]])}.`);
  else b.paragraph(`В мониторинге ${verb} ${countWord(n, EDU_ORGS)}, в том числе ${kindsPhrase(f)}.`);

  if (f.mentorsTotal === 0 && f.menteesTotal === 0) {
    b.paragraph('Базы наставников и наставляемых не заполнены.');
  } else {
    const young = f.menteesTotal === 0 ? '' : f.youngTotal > 0
      ? `, из них ${countWord(f.youngTotal, YOUNG)} (педагоги в возрасте до 35 лет со стажем работы до 3 лет)`
      : ', молодых специалистов среди них нет';
    b.paragraph(`В базе наставников ${countWord(f.mentorsTotal, PEOPLE)}, в базе наставляемых — ${countWord(f.menteesTotal, PEOPLE)}${young}.`);
    if (f.active.length > 0) {
      b.paragraph(
        `В действующих парах и группах ${agree(f.activeMentorCount, 'занят', 'заняты')} ${countWord(f.activeMentorCount, MENTORS)} ` +
          `и ${countWord(f.activeMenteeCount, MENTEES)}.`,
      );
    }
  }

  const rows = f.kinds.map((k) => {
    const ids = f.organisations.filter((o) => o.kind === k).map((o) => o.id);
    const sum = (m: Map<string, number>) => ids.reduce((s, id) => s + (m.get(id) ?? 0), 0);
    return [KIND_TITLES[k], formatNumber(ids.length), formatNumber(sum(f.mentorsByOrg)), formatNumber(sum(f.menteesByOrg)), formatNumber(sum(f.youngByOrg)), formatNumber(sum(f.activeByOrg))];
  });
  const known = new Set(f.organisations.map((o) => o.id));
  const all = (m: Map<string, number>) => [...m.values()].reduce((s, x) => s + x, 0);
  rows.push(['Итого', formatNumber(f.organisations.length), formatNumber(all(f.mentorsByOrg)), formatNumber(all(f.menteesByOrg)), formatNumber(all(f.youngByOrg)), formatNumber(all(f.activeByOrg))]);
  b.table({
    name: 'participants',
    caption: 'Участники мониторинга по видам организаций',
    // Short words in the header: a portrait page has room for six narrow columns only.
    header: ['Вид организации', 'Число ОО', 'Наставники', 'Наставляемые', 'в т. ч. молодые специалисты', 'Действующие пары и группы'],
    rows,
  });
  const outside = [...new Set([...f.mentorsByOrg.keys(), ...f.menteesByOrg.keys(), ...f.activeByOrg.keys()])].filter((id) => !known.has(id));
  if (outside.length > 0) {
    b.paragraph(`В итог включены также записи организаций, которых нет в списке: ${outside.map((id) => id.trim() || 'без организации').join(', ')}.`, { italic: true });
  }
}

// ------------------------------------------------------------------------------------------- 3. checklist

function missingItemsText(s: ChecklistStatus): string {
  return s.missing.map((id) => checklistItem(id).label).join('; ');
}

function writeChecklist(b: ReportBuilder, f: Facts): void {
  b.heading('3. Нормативно-правовое обеспечение');
  const n = f.organisations.length;
  if (n === 0) {
    b.paragraph('Чек-листы внедрения целевой модели не представлены.');
    return;
  }
  const withList = f.organisations.filter((o) => f.checklists.has(o.id));
  const implemented = withList.filter((o) => f.checklists.get(o.id)!.implemented);
  const noList = f.organisations.filter((o) => !f.checklists.has(o.id));
  if (withList.length === 0) {
    b.paragraph(n === 1 ? 'Чек-лист внедрения целевой модели наставничества не представлен.' : 'Ни одна организация не представила чек-лист внедрения целевой модели наставничества.');
    return;
  }
  const items = countWord(CHECKLIST_ITEMS.length, ITEMS);
  const summary = implemented.length === 0
    ? `Ни в одной организации не выполнены все ${items} чек-листа внедрения целевой модели наставничества.`
    : `Все ${items} чек-листа внедрения целевой модели наставничества выполнены в ${formatNumber(implemented.length)} из ${countWord(n, OF_ORGS)} (${formatShare(implemented.length, n)}).`;
  const missingList = noList.length ? ` Чек-лист не представлен в ${countWord(noList.length, IN_ORGS)}: ${noList.map((o) => f.orgName(o.id)).join(', ')}.` : '';
  b.paragraph(summary + missingList);
  b.table({
    name: 'checklist',
    caption: 'Наличие документов и условий реализации целевой модели',
    header: ['№', 'Пункт чек-листа', 'Организаций', 'Доля от всех организаций'],
    rows: CHECKLIST_ITEMS.map((item, i) => {
      const have = withList.filter((o) => !f.checklists.get(o.id)!.missing.includes(item.id)).length;
      return [String(i + 1), item.label, formatNumber(have), formatShare(have, n)];
    }),
  });
  const lacking = withList.filter((o) => !f.checklists.get(o.id)!.implemented);
  if (lacking.length === 0) {
    b.paragraph('Все организации, представившие чек-лист, выполнили все его пункты.');
    return;
  }
  b.paragraph('Не выполнены пункты чек-листа:');
  b.list(lacking.map((o) => {
    const s = f.checklists.get(o.id)!;
    return `${f.orgName(o.id)} — ${countWord(s.missing.length, ITEMS)}: ${missingItemsText(s)}.`;
  }));
}

// ------------------------------------------------------------------------------------------- 4. indicators

function computedIndicators(f: Facts): IndicatorFacts[] {
  return [...f.indicators.values()].filter((i) => i.computed);
}

function writeIndicators(b: ReportBuilder, f: Facts): void {
  b.heading('4. Количественные показатели');
  const shown = computedIndicators(f);
  const withTargets = shown.filter((i) => i.total !== null).length;
  const against = withTargets > 0 ? ` и сопоставлены с целевыми значениями на ${f.year}${NBSP}год` : '';
  const dyn = f.previousDate ? `; динамика приведена в сравнении с ${formatDateLong(f.previousDate)}` : '';
  b.paragraph(sentence(`Показатели рассчитаны в целом по всем организациям${against}${appendixIndicators(f).length > 0 ? ' (значения по организациям — в приложении 2)' : ''}${dyn}`));
  const header = ['Показатель'];
  if (f.previousDate) header.push(`На ${formatRuDate(f.previousDate)}`);
  header.push(`На ${formatRuDate(f.asOf)}`);
  if (f.previousDate) header.push('Изменение');
  header.push(`Цель на ${f.year}${NBSP}г.`, 'Выполнение');
  b.table({
    name: 'indicators',
    caption: `Показатели реализации целевой модели наставничества на ${formatRuDate(f.asOf)}`,
    header,
    rows: shown.map((i) => {
      const row = [i.indicator.name];
      if (f.previousDate) row.push(i.previous ? formatIndicatorValue(i.indicator.unit, i.previous) : 'нет данных');
      row.push(formatIndicatorValue(i.indicator.unit, i.result.total));
      if (f.previousDate) row.push(i.change === null ? '—' : formatChange(i.indicator.unit, i.change));
      row.push(i.total ? targetText(i.total) : '—', statusText(i.total));
      return row;
    }),
  });
  if (shown.some((i) => i.total?.status === 'close')) {
    b.paragraph(`«Близко к цели» — до целевого значения не хватает не более 10${NBSP}п.${NBSP}п. (для числовых показателей — не более 10${NBSP}% от цели).`, { italic: true });
  }
  const missing = [...f.indicators.values()].filter((i) => !i.computed);
  if (missing.length > 0) {
    const reasons = new Map<string, string[]>();
    for (const i of missing) reasons.set(i.missingReason, [...(reasons.get(i.missingReason) ?? []), `«${i.indicator.name}»`]);
    const parts = [...reasons].map(([reason, names]) => `${names.join(', ')} — ${reason}`);
    b.paragraph(`Не рассчитаны: ${parts.join('; ')}.`);
  }
}

// ------------------------------------------------------------------------------------------- 5. pairs

function tally(values: readonly string[], empty: string): [string, number][] {
  const counts = new Map<string, { label: string; n: number }>();
  for (const v of values) {
    const key = spelling(v);
    const entry = counts.get(key) ?? { label: v.replace(/\s+/g, ' ').trim() || empty, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, 'ru')).map((e) => [e.label, e.n]);
}

/** «1,4 наставляемого» (a fraction takes the genitive singular), «2 наставляемых», «1 наставляемый». */
function menteesPerMentorText(ratio: number): string {
  const shown = formatNumber(ratio, 1);
  if (!shown.endsWith(',0')) return `${shown}${NBSP}наставляемого`;
  return countWord(Math.round(ratio), MENTEES);
}

function pairsPhrase(pairs: number, groups: number): string {
  if (groups === 0) return countWord(pairs, PAIRS);
  if (pairs === 0) return countWord(groups, ['наставническая группа', 'наставнические группы', 'наставнических групп']);
  return `${countWord(pairs, PAIRS)} и ${countWord(groups, GROUPS)}`;
}

function writePairs(b: ReportBuilder, f: Facts): void {
  b.heading('5. Наставнические пары и группы, формы наставничества');
  const total = f.active.length;
  if (total === 0) {
    b.paragraph(`На ${formatDateLong(f.asOf)} действующих наставнических пар и групп нет.`);
    return;
  }
  const groups = f.active.filter((a) => a.group).length;
  const pairs = total - groups;
  const mentees = f.active.reduce((s, a) => s + a.menteeCount, 0);
  const byOrder = f.active.filter((a) => a.byOrder).length;
  const first = pairs > 0 ? pairs : groups;
  let text = `На ${formatDateLong(f.asOf)} ${agree(first, 'действует', 'действуют')} ${pairsPhrase(pairs, groups)}`;
  if (groups > 0) text += ` (всего ${countWord(mentees, MENTEES)})`;
  if (byOrder === total) text += total === 1 ? '; она закреплена приказом руководителя.' : '; все они закреплены приказами руководителей.';
  else if (byOrder === 0) text += total === 1 ? '; приказом она не закреплена.' : '; ни одна из них не закреплена приказом.';
  else {
    const without = f.active.filter((a) => !a.byOrder);
    const where = [...new Set(without.map((a) => f.orgName(a.organisationId)))];
    text += `; приказами ${agree(byOrder, 'закреплена', 'закреплены')} ${formatNumber(byOrder)}, без приказа — ${formatNumber(without.length)} (${where.join(', ')}).`;
  }
  b.paragraph(text);
  const ratio = f.indicators.get('mentees-per-mentor')!.result.total.value;
  if (ratio !== null) b.paragraph(`В среднем на одного наставника приходится ${menteesPerMentorText(ratio)}.`);

  const share = (n: number) => formatShare(n, total);
  b.table({
    name: 'role-pairs',
    caption: 'Действующие пары и группы по формам наставничества',
    header: ['Форма наставничества', 'Пар и групп', 'Доля'],
    rows: tally(f.active.map((a) => a.rolePair), 'не указана').map(([label, n]) => [label, formatNumber(n), share(n)]),
  });
  b.table({
    name: 'formats',
    caption: 'Действующие пары и группы по форматам наставничества',
    header: ['Формат', 'Пар и групп', 'Доля'],
    rows: tally(f.active.map((a) => a.format), 'не указан').map(([label, n]) => [label, formatNumber(n), share(n)]),
  });
}

// ------------------------------------------------------------------------------------------- 6. results

/** «(цель — не менее 90 %, не достигнута)», or nothing without a target. */
function targetNote(i: IndicatorFacts): string {
  if (!i.total || i.total.status === 'no-data') return '';
  return ` (цель — ${targetText(i.total)}, ${i.total.status === 'met' ? 'достигнута' : 'не достигнута'})`;
}

function writeResults(b: ReportBuilder, f: Facts): void {
  b.heading('6. Удовлетворённость участников и результаты наставничества');
  const threshold = `оценка не ниже ${formatNumber(f.options.satisfiedOnFivePoint)} из 5 баллов или ${formatNumber(f.options.satisfiedOnPercent)} из 100`;
  const sides: [IndicatorId, string, string][] = [
    ['mentor-satisfaction', 'Наставники', 'наставниками'],
    ['mentee-satisfaction', 'Наставляемые', 'наставляемыми'],
  ];
  const surveyed = sides.filter(([id]) => f.indicators.get(id)!.result.total.denominator > 0);
  if (surveyed.length === 0) b.paragraph('Опросы удовлетворённости наставников и наставляемых не проводились или их результаты не внесены: оценок нет.');
  for (const [id, who, byWhom] of sides) {
    const i = f.indicators.get(id)!;
    const t = i.result.total;
    if (t.denominator === 0) {
      if (surveyed.length > 0) b.paragraph(`Оценок удовлетворённости, данных ${byWhom}, нет.`);
      continue;
    }
    b.paragraph(
      `${who} удовлетворены участием в наставничестве (${threshold}) в ${formatNumber(t.numerator)} из ` +
        `${formatNumber(t.denominator)}${NBSP}${plural(t.denominator, ['пары (группы)', 'пар и групп', 'пар и групп'])}, где проведён опрос, — ` +
        `${formatShare(t.numerator, t.denominator)}${targetNote(i)}.`,
    );
  }

  const done = f.indicators.get('programmes-completed')!;
  const d = done.result.total;
  if (d.denominator === 0) {
    b.paragraph(`Персонализированных программ наставничества (ППН), закончившихся к ${formatDateLong(f.asOf)}, нет: результаты будут оценены по их завершении.`);
  } else {
    const cancelled = d.denominator - d.numerator;
    const verb = d.numerator === 0 ? 'не завершена ни одна' : `${agree(d.numerator, 'завершена', 'завершены')} ${formatNumber(d.numerator)}`;
    b.paragraph(
      `Из ${countWord(d.denominator, OF_PROGRAMMES)} наставничества (ППН), закончившихся к ${formatDateLong(f.asOf)}, ${verb} — ` +
        `${formatShare(d.numerator, d.denominator)}${targetNote(done)}` +
        (cancelled ? `; досрочно ${agree(cancelled, 'прекращена', 'прекращены')} ${countWord(cancelled, PROGRAMMES)}.` : '.'),
    );
  }
  const closed = f.indicators.get('deficits-closed')!.result.total;
  if (closed.denominator > 0) {
    b.paragraph(
      `Итоговая диагностика показала закрытие профессиональных дефицитов у ${formatNumber(closed.numerator)} из ` +
        `${countWord(closed.denominator, ['наставляемого', 'наставляемых', 'наставляемых'])}, завершивших ППН (${formatShare(closed.numerator, closed.denominator)}).`,
    );
  }
  const retained = f.indicators.get('young-specialists-retained')!.result.total;
  if (retained.denominator > 0) {
    const months = f.options.retentionMonths;
    const since = months === 12 ? 'не менее года назад' : `не менее ${countWord(months, ['месяца', 'месяцев', 'месяцев'])} назад`;
    b.paragraph(
      `Из ${countWord(retained.denominator, ['молодого специалиста', 'молодых специалистов', 'молодых специалистов'])}, начавших наставничество ${since}, ` +
        `${agree(retained.numerator, 'продолжает', 'продолжают')} работать ${formatNumber(retained.numerator)} (${formatShare(retained.numerator, retained.denominator)}).`,
    );
  }
}

// ------------------------------------------------------------------------------------------- 7. roadmap

interface Execution {
  total: number;
  active: number;
  done: number;
  doneOnTime: number;
  overdue: TrackerRecord[];
  open: number;
  cancelled: number;
}

function writeRoadmap(b: ReportBuilder, f: Facts, records: TrackerRecord[] | null, clean: (s: string) => string): Execution | null {
  b.heading('7. Исполнение дорожной карты');
  if (records === null || records.length === 0) {
    b.paragraph('Мероприятия дорожной карты в таблицу не загружены: исполнение не оценивается.');
    return null;
  }
  const sum = executionSummary(records, f.asOf);
  const overdue = records
    .filter((r) => statusOn(r, f.asOf) === 'просрочено')
    .sort((x, y) => x.end.localeCompare(y.end) || x.number.localeCompare(y.number, 'ru', { numeric: true }));
  const active = sum.total - sum.cancelled;
  const late = sum.done - sum.doneOnTime;
  const doneText = sum.done === 0 ? 'ни одно не выполнено'
    : `выполнено ${formatNumber(sum.done)} (${formatShare(sum.done, active)})` +
      (late > 0 ? `, в том числе в срок — ${formatNumber(sum.doneOnTime)}, с нарушением срока — ${formatNumber(late)}` : sum.done === 1 ? ', в срок' : ', все в срок');
  const state = `${doneText}; просрочено — ${formatNumber(sum.overdue)}; в работе и запланировано — ${formatNumber(sum.open)}.`;
  if (sum.cancelled === 0) {
    b.paragraph(`Из ${countWord(sum.total, OF_ACTIVITIES)} дорожной карты на ${formatDateLong(f.asOf)} ${state}`);
  } else {
    const intro = `В дорожной карте ${countWord(sum.total, ACTIVITIES)}, из них ${agree(sum.cancelled, 'отменено', 'отменены')} ${formatNumber(sum.cancelled)}.`;
    b.paragraph(active > 0
      ? `${intro} Из ${countWord(active, ['действующего мероприятия', 'действующих мероприятий', 'действующих мероприятий'])} на ${formatDateLong(f.asOf)} ${state}`
      : `${intro} Действующих мероприятий нет.`);
  }

  const sections: { title: string; records: TrackerRecord[] }[] = [];
  for (const r of records) {
    const title = r.section.replace(/\s+/g, ' ').trim() || 'Без раздела';
    let s = sections.find((x) => x.title === title);
    if (!s) sections.push((s = { title, records: [] }));
    s.records.push(r);
  }
  const row = (title: string, rs: TrackerRecord[]) => {
    const s = executionSummary(rs, f.asOf);
    return [title, formatNumber(s.total), formatNumber(s.done), formatNumber(s.doneOnTime), formatNumber(s.overdue), formatNumber(s.open), formatNumber(s.cancelled)];
  };
  b.table({
    name: 'roadmap',
    caption: 'Исполнение мероприятий дорожной карты по разделам',
    header: ['Раздел', 'Всего', 'Выполнено', 'в т. ч. в срок', 'Просрочено', 'В работе', 'Отменено'],
    rows: [...sections.map((s) => row(clean(s.title), s.records)), row('Итого', records)],
  });
  if (overdue.length > 0) {
    b.paragraph('Просроченные мероприятия:');
    b.list(overdue.map((r) => {
      const num = r.number.trim().replace(/\.+$/, '');
      const due = `срок — ${r.deadlineText.replace(/\s+/g, ' ').trim() || formatRuDate(r.end)}`;
      const who = !f.anonymised && r.responsible.trim() ? `; ответственные: ${r.responsible.replace(/\s*\n\s*/g, '; ').trim()}` : '';
      return `${num ? `п. ${num}. ` : ''}${clean(r.title).replace(/[.;]$/, '')} (${due}${who}).`;
    }));
  }
  return { total: sum.total, active, done: sum.done, doneOnTime: sum.doneOnTime, overdue, open: sum.open, cancelled: sum.cancelled };
}

// ------------------------------------------------------------------------------------------- 8. problems

interface Problems {
  /** Organisations that sent no checklist / have nobody in the bases: their curators have not reported. */
  noChecklist: string[];
  noPeople: string[];
  noCurator: string[];
  checklistGaps: string[];
  /** Indicators with organisations below the target, with their figures. */
  belowTarget: { facts: IndicatorFacts; organisations: { id: string; comparison: TargetComparison }[] }[];
  withoutOrder: number;
  overCapacity: HealthItem[];
  programmeOverdue: HealthItem[];
  waiting: HealthItem[];
}

function findProblems(f: Facts): Problems {
  const belowTarget: Problems['belowTarget'] = [];
  for (const i of computedIndicators(f)) {
    if (ORGANISATION_LEVEL.has(i.indicator.id)) continue;
    const organisations = i.byOrganisation.filter((o) => o.comparison.status !== 'met');
    if (organisations.length) belowTarget.push({ facts: i, organisations });
  }
  const items = f.health.items;
  return {
    noChecklist: f.organisations.filter((o) => !f.checklists.has(o.id)).map((o) => o.id),
    noPeople: f.organisations.filter((o) => !f.mentorsByOrg.get(o.id) && !f.menteesByOrg.get(o.id)).map((o) => o.id),
    noCurator: f.organisations.filter((o) => String(o.curator ?? '').trim() === '').map((o) => o.id),
    checklistGaps: f.organisations.filter((o) => f.checklists.get(o.id)?.implemented === false).map((o) => o.id),
    belowTarget,
    withoutOrder: f.active.filter((a) => !a.byOrder).length,
    overCapacity: items.filter((i) => i.kind === 'mentor-over-capacity'),
    programmeOverdue: items.filter((i) => i.kind === 'programme-overdue'),
    waiting: items.filter((i) => i.kind === 'mentee-waiting'),
  };
}

/** «Н-13 (Новикова Ирина Борисовна, МБДОУ «Детский сад № 12»)», or without the name when anonymised. */
function who(f: Facts, id: string): string {
  const org = f.orgName(f.health.organisationOf.get(id) ?? '');
  const name = f.anonymised ? '' : f.personName(id);
  return `${id} (${[name, org].filter(Boolean).join(', ')})`;
}

function writeProblems(b: ReportBuilder, f: Facts, execution: Execution | null): Problems {
  b.heading('8. Выявленные проблемы');
  const p = findProblems(f);
  const names = (ids: readonly string[]) => ids.map(f.orgName).join(', ');
  const lines: string[] = [];
  if (f.organisations.length === 0) lines.push('Список образовательных организаций пуст: данные для мониторинга не внесены.');
  // What every organisation lacks is said once, without the list: it is a gap in the data, not in one school.
  const n = f.organisations.length;
  const everyone = (ids: readonly string[]) => n > 1 && ids.length === n;
  const same = p.noChecklist.length > 0 && p.noChecklist.length === p.noPeople.length && p.noChecklist.every((id) => p.noPeople.includes(id));
  if (same && !everyone(p.noChecklist)) {
    lines.push(`Не представлены данные для мониторинга (чек-лист, сведения о наставниках и наставляемых) из ${countWord(p.noChecklist.length, OF_ORGS)}: ${names(p.noChecklist)}.`);
  } else {
    if (everyone(p.noChecklist)) lines.push('Чек-листы внедрения целевой модели не представлены ни одной организацией.');
    else if (p.noChecklist.length) lines.push(`Не представлен чек-лист внедрения целевой модели из ${countWord(p.noChecklist.length, OF_ORGS)}: ${names(p.noChecklist)}.`);
    if (everyone(p.noPeople)) lines.push('Базы наставников и наставляемых не заполнены ни одной организацией.');
    else if (p.noPeople.length) lines.push(`Не внесены сведения о наставниках и наставляемых из ${countWord(p.noPeople.length, OF_ORGS)}: ${names(p.noPeople)}.`);
  }
  if (everyone(p.noCurator)) lines.push('Ни по одной организации не указан куратор внедрения целевой модели.');
  else if (p.noCurator.length) lines.push(`Не назначен куратор внедрения целевой модели в ${countWord(p.noCurator.length, IN_ORGS)}: ${names(p.noCurator)}.`);
  if (p.checklistGaps.length) {
    lines.push(`Выполнены не все пункты чек-листа в ${countWord(p.checklistGaps.length, IN_ORGS)}: ${names(p.checklistGaps)} (недостающие пункты перечислены в разделе 3).`);
  }
  for (const { facts, organisations } of p.belowTarget) {
    const list = organisations.map((o) => `${f.orgName(o.id)} — ${actualText(o.comparison)}`).join('; ');
    lines.push(
      `Показатель «${facts.indicator.name}» ниже целевого значения (${targetText(organisations[0].comparison)}) в ${countWord(organisations.length, IN_ORGS)}: ${list}.`,
    );
  }
  if (p.withoutOrder) {
    const n = p.withoutOrder;
    lines.push(`${agree(n, 'Не закреплена', 'Не закреплены')} приказом ${countWord(n, PAIRS_OR_GROUPS)}: участие в наставничестве не оформлено.`);
  }
  if (p.overCapacity.length) {
    const list = p.overCapacity.map((i) => `${who(f, i.id)} — ${overload(i.message)}`).join('; ');
    lines.push(`Нагрузка превышает допустимую у ${countWord(p.overCapacity.length, ['наставника', 'наставников', 'наставников'])}: ${list}.`);
  }
  if (p.programmeOverdue.length) {
    const n = p.programmeOverdue.length;
    const list = p.programmeOverdue.map((i) => `${who(f, i.id)} — ППН закончилась ${formatRuDate(i.date!)}`).join('; ');
    lines.push(`Срок ППН истёк, а ${countWord(n, PAIRS_OR_GROUPS)} ${agree(n, 'продолжает', 'продолжают')} действовать: ${list}.`);
  }
  if (p.waiting.length) {
    const n = p.waiting.length;
    const list = p.waiting.map((i) => `${who(f, i.id)} — с ${formatRuDate(i.date!)}`).join('; ');
    lines.push(`Более ${countWord(f.waitingDays, ['дня', 'дней', 'дней'])} ${agree(n, 'ожидает', 'ожидают')} подбора наставника ${countWord(n, MENTEES)}: ${list}.`);
  }
  if (execution && execution.overdue.length) {
    const n = execution.overdue.length;
    lines.push(`${agree(n, 'Просрочено', 'Просрочены')} ${countWord(n, ACTIVITIES)} дорожной карты (перечень — в разделе 7).`);
  }
  if (lines.length === 0) {
    b.paragraph('По данным мониторинга проблем, требующих принятия мер, не выявлено.');
  } else {
    b.paragraph('По данным мониторинга выявлены следующие проблемы:');
    b.list(lines);
  }
  return p;
}

/** «Наставляемых 2 при 1 месте: …» from the health check, as «2 наставляемых при 1 месте». */
function overload(message: string): string {
  const m = /Наставляемых (\d+) при (\d+)/.exec(message);
  if (!m) return message;
  const cap = Number(m[2]);
  return `${countWord(Number(m[1]), MENTEES)} при ${formatNumber(cap)}${NBSP}${plural(cap, PLACES)}`;
}

// ------------------------------------------------------------------------------------------- 9. conclusions

function improved(i: IndicatorFacts): boolean | null {
  if (i.change === null || formatChange(i.indicator.unit, i.change) === 'без изменений') return null;
  return i.indicator.better === 'higher' ? i.change > 0 : i.change < 0;
}

/** «показатель «…» вырос на 5,2 п. п.» — quoted, so the name's own commas and gender do not matter. */
function changeText(i: IndicatorFacts): string {
  const up = i.change! > 0;
  return `«${i.indicator.name}» — ${up ? 'рост' : 'снижение'} на ${formatChange(i.indicator.unit, Math.abs(i.change!)).replace(/^\+/, '')}`;
}

/** Largest changes first: shares by percentage points, then the rest. */
function byMagnitude(a: IndicatorFacts, b: IndicatorFacts): number {
  const rank = (i: IndicatorFacts) => (i.indicator.unit === 'share' ? 0 : 1);
  return rank(a) - rank(b) || Math.abs(b.change!) - Math.abs(a.change!);
}

const MAX_CHANGES_LISTED = 3;

function writeConclusions(b: ReportBuilder, f: Facts, p: Problems, execution: Execution | null): void {
  b.heading('9. Выводы и рекомендации');
  const conclusions: string[] = [];
  const n = f.organisations.length;

  const model = f.indicators.get('model-implemented')!;
  if (n > 0) {
    const met = model.result.total.numerator;
    const only = n === 1 ? f.orgName(f.organisations[0].id) : '';
    let text = met === 0
      ? `Целевая модель наставничества не внедрена ${only ? `в ${only}` : `ни в одной из ${countWord(n, OF_ORGS)}`}`
      : met === n
        ? `Целевая модель наставничества внедрена (выполнены все пункты чек-листа) ${only ? `в ${only}` : `во всех ${countWord(n, IN_ORGS)}`}`
        : `Целевая модель наставничества внедрена (выполнены все пункты чек-листа) в ${formatNumber(met)} из ${countWord(n, OF_ORGS)} (${formatShare(met, n)})`;
    if (model.total && model.total.measure === 'percent') {
      text += ` при целевом значении на ${f.year}${NBSP}год ${targetText(model.total)}`;
      const needed = Math.ceil((model.total.target * n) / 100 - 1e-9) - met;
      text += model.total.status === 'met' || needed <= 0
        ? ': цель достигнута.'
        : `; для достижения цели модель ${agree(needed, 'должна', 'должны')} внедрить ещё ${countWord(needed, ORGS)}.`;
    } else text += '.';
    conclusions.push(text);
  } else {
    conclusions.push('Организации в мониторинг не включены: выводы о реализации модели сделать нельзя.');
  }

  for (const i of computedIndicators(f)) {
    if (!i.total || i.total.status === 'no-data' || i.indicator.id === 'model-implemented') continue;
    const verdict = i.total.status === 'met' ? 'цель достигнута' : 'цель не достигнута';
    if (ORGANISATION_LEVEL.has(i.indicator.id) || ROADMAP_INDICATORS.has(i.indicator.id) || i.byOrganisation.length === 0) {
      conclusions.push(`Показатель «${i.indicator.name}» составляет ${actualText(i.total)} при целевом значении ${targetText(i.total)}: ${verdict}.`);
      continue;
    }
    const met = i.byOrganisation.filter((o) => o.comparison.status === 'met').length;
    const of = i.byOrganisation.length;
    const scope = of === n ? `из ${countWord(n, OF_ORGS)}` : `из ${countWord(of, OF_ORGS)}, по которым есть данные`;
    const where = met === 0 ? `не достигнут ни в одной ${scope}` : `достигнут в ${formatNumber(met)} ${scope}`;
    conclusions.push(`Целевой показатель «${i.indicator.name}» (${targetText(i.total)}) ${where}; в целом — ${actualText(i.total)}, ${verdict}.`);
  }

  if (f.previousDate) {
    const both = computedIndicators(f).filter((i) => i.change !== null);
    const better = both.filter((i) => improved(i) === true).sort(byMagnitude);
    const worse = both.filter((i) => improved(i) === false).sort(byMagnitude);
    if (both.length > 0) {
      const since = `По сравнению с ${formatDateLong(f.previousDate)} из ${countWord(both.length, OF_INDICATORS)}, рассчитанных на обе даты,`;
      if (better.length === 0 && worse.length === 0) conclusions.push(`${since} ни один существенно не изменился.`);
      else {
        const parts: string[] = [];
        if (better.length) {
          const shown = better.slice(0, MAX_CHANGES_LISTED).map(changeText);
          const lead = better.length > MAX_CHANGES_LISTED ? 'в том числе ' : '';
          parts.push(`${agree(better.length, 'улучшился', 'улучшились')} ${formatNumber(better.length)} (${lead}${shown.join('; ')})`);
        }
        if (worse.length) parts.push(`${agree(worse.length, 'ухудшился', 'ухудшились')} ${formatNumber(worse.length)} (${worse.map(changeText).join('; ')})`);
        conclusions.push(`${since} ${parts.join(', ')}.`);
      }
    }
  }
  if (execution && execution.active > 0) {
    conclusions.push(
      `Из ${execution.cancelled ? countWord(execution.active, ['действующего мероприятия', 'действующих мероприятий', 'действующих мероприятий']) : countWord(execution.active, OF_ACTIVITIES)} дорожной карты ` +
        (execution.done === 0 ? 'ни одно не выполнено' : `выполнено ${formatNumber(execution.done)} (${formatShare(execution.done, execution.active)})`) +
        (execution.overdue.length ? `, просрочено ${formatNumber(execution.overdue.length)}.` : ', просроченных нет.'),
    );
  }
  b.paragraph('Выводы:', { bold: true });
  b.list(conclusions, true);

  const recs: string[] = [];
  const names = (ids: readonly string[]) => joinAnd(ids.map(f.orgName));
  const all = (ids: readonly string[]) => n > 1 && ids.length === n;
  /** «Руководителю X», «Руководителям X, Y и Z», «Руководителям 7 организаций (перечень — в разделе 8)». */
  const toHeads = (ids: readonly string[]) =>
    ids.length === 1 ? `Руководителю ${f.orgName(ids[0])}`
      : ids.length <= 3 ? `Руководителям ${names(ids)}`
        : `Руководителям ${countWord(ids.length, ['организации', 'организаций', 'организаций'])} (перечень — в разделе 8)`;
  const inOrder = (ids: readonly string[]) => f.organisations.map((o) => o.id).filter((id) => ids.includes(id));
  if (all(p.noChecklist) || all(p.noPeople)) {
    const what = [all(p.noChecklist) ? 'чек-листов внедрения целевой модели' : '', all(p.noPeople) ? 'баз наставников и наставляемых' : ''].filter(Boolean).join(' и ');
    recs.push(`Организовать заполнение ${what} кураторами всех организаций.`);
  }
  const silent = inOrder([...(all(p.noChecklist) ? [] : p.noChecklist), ...(all(p.noPeople) ? [] : p.noPeople)]);
  if (silent.length) recs.push(`${toHeads(silent)} обеспечить представление данных для мониторинга.`);
  if (all(p.noCurator)) recs.push('Назначить кураторов внедрения целевой модели во всех организациях и внести их в список организаций.');
  else if (p.noCurator.length) {
    recs.push(`${toHeads(p.noCurator)} назначить ${p.noCurator.length === 1 ? 'куратора' : 'кураторов'} внедрения целевой модели наставничества.`);
  }
  if (p.checklistGaps.length) recs.push(`${toHeads(p.checklistGaps)} разработать и разместить недостающие документы, выполнить все пункты чек-листа.`);
  const advice: Partial<Record<IndicatorId, string>> = {
    'young-specialists-in-mentoring': 'закрепить наставников за всеми молодыми специалистами',
    'teachers-under-35-involved': 'расширить участие педагогов в возрасте до 35 лет в наставничестве (в роли наставников и наставляемых)',
    'teachers-as-mentors': 'расширить состав наставников',
    'mentor-satisfaction': 'выяснить причины неудовлетворённости наставников и скорректировать условия их работы',
    'mentee-satisfaction': 'проанализировать причины неудовлетворённости наставляемых и скорректировать ППН',
    'programmes-completed': 'проанализировать причины досрочного прекращения ППН',
    'deficits-closed': 'пересмотреть ППН, которые не закрывают профессиональные дефициты',
    'young-specialists-retained': 'усилить сопровождение молодых специалистов в первые годы работы',
  };
  for (const { facts, organisations } of p.belowTarget) {
    const what = advice[facts.indicator.id];
    if (what) recs.push(`${inOrganisations(organisations.map((o) => f.orgName(o.id)), '8').replace(/^в/, 'В')} ${what}.`);
  }
  // Pseudonymous ids name whom a recommendation is about; a long list is in section 8 already.
  const ids = (items: readonly HealthItem[]) => (items.length <= 3 ? ` ${joinAnd(items.map((i) => i.id))}` : '');
  if (p.withoutOrder) {
    const k = p.withoutOrder;
    const where = [...new Set(f.active.filter((a) => !a.byOrder).map((a) => f.orgName(a.organisationId)))];
    recs.push(
      `Закрепить ${where.length === 1 ? 'приказом руководителя' : 'приказами руководителей'} ${countWord(k, ['пару (группу)', 'пары (группы)', 'пар (групп)'])}, ` +
        `${plural(k, ['действующую', 'действующих', 'действующих'])} без приказа (${where.join(', ')}).`,
    );
  }
  if (p.overCapacity.length) {
    const k = p.overCapacity.length;
    recs.push(`Перераспределить наставляемых ${k === 1 ? 'наставника' : 'наставников'}${ids(p.overCapacity)}, нагрузка ${k === 1 ? 'которого' : 'которых'} превышает допустимую, или согласовать с ${k === 1 ? 'ним' : 'ними'} увеличение числа мест.`);
  }
  if (p.programmeOverdue.length) {
    recs.push(`Подвести итоги ППН с истёкшим сроком${p.programmeOverdue.length <= 3 ? ` (${p.programmeOverdue.map((i) => i.id).join(', ')})` : ''}: оформить завершение ${p.programmeOverdue.length === 1 ? 'пары (группы) или продление программы' : 'пар и групп или продление программ'}.`);
  }
  if (p.waiting.length) recs.push(`Подобрать наставников ${p.waiting.length === 1 ? 'наставляемому' : 'наставляемым'}${ids(p.waiting)}, ${p.waiting.length === 1 ? 'ожидающему' : 'ожидающим'} пары.`);
  if (execution && execution.overdue.length) recs.push('Выполнить просроченные мероприятия дорожной карты или перенести их сроки с указанием причин.');
  const exemplary = f.organisations.filter((o) => {
    const own = computedIndicators(f)
      .filter((i) => !ORGANISATION_LEVEL.has(i.indicator.id))
      .map((i) => i.byOrganisation.find((x) => x.id === o.id))
      .filter((x): x is { id: string; comparison: TargetComparison } => x !== undefined);
    return own.length >= 2 && own.every((x) => x.comparison.status === 'met') && f.checklists.get(o.id)?.implemented === true;
  });
  if (exemplary.length) {
    const k = exemplary.length;
    recs.push(`Обобщить и распространить опыт ${k === 1 ? 'организации, достигшей' : 'организаций, достигших'} всех целевых показателей: ${names(exemplary.map((o) => o.id))}.`);
  }
  if (f.organisations.length === 0) {
    recs.push('Внести в таблицу список образовательных организаций, базы наставников и наставляемых, сведения о парах и чек-листы, после чего сформировать справку повторно.');
  }
  if (recs.length === 0) recs.push('Продолжить реализацию целевой модели наставничества в соответствии с дорожной картой.');
  b.paragraph('Рекомендации:', { bold: true });
  b.list(recs, true);
}

// ------------------------------------------------------------------------------------------- appendices

/** Columns of the tables by organisation, in two tables of three so that a portrait page holds them. */
const BY_ORGANISATION: readonly { caption: string; name: string; columns: readonly [IndicatorId, string][] }[] = [
  {
    caption: 'Охват наставничеством по организациям',
    name: 'coverage-by-organisation',
    columns: [
      ['young-specialists-in-mentoring', 'Вовлечено молодых специалистов'],
      ['teachers-under-35-involved', 'Вовлечено педагогов до 35 лет'],
      ['teachers-as-mentors', 'Доля педагогов-наставников'],
    ],
  },
  {
    caption: 'Результаты наставничества по организациям',
    name: 'results-by-organisation',
    columns: [
      ['programmes-completed', 'Завершено ППН'],
      ['mentor-satisfaction', 'Удовлетворены наставники'],
      ['mentee-satisfaction', 'Удовлетворены наставляемые'],
    ],
  },
];

function appendixIndicators(f: Facts): IndicatorFacts[] {
  return BY_ORGANISATION.flatMap((t) => t.columns.map(([id]) => f.indicators.get(id)!)).filter((i) => i.computed);
}

function writeAppendices(b: ReportBuilder, f: Facts): void {
  if (f.organisations.length === 0) return;
  b.pageBreak();
  b.heading('Приложения');
  let number = 0;
  b.heading(`Приложение ${++number}. Сведения об образовательных организациях`, 2);
  b.table({
    name: 'organisations',
    caption: 'Сведения по образовательным организациям',
    header: ['Организация', 'Наставники', 'Наставляемые', 'Молодые специалисты', 'Действующие пары и группы', 'Чек-лист'],
    rows: f.organisations.map((o) => {
      const c = f.checklists.get(o.id);
      return [
        f.orgName(o.id),
        formatNumber(f.mentorsByOrg.get(o.id) ?? 0),
        formatNumber(f.menteesByOrg.get(o.id) ?? 0),
        formatNumber(f.youngByOrg.get(o.id) ?? 0),
        formatNumber(f.activeByOrg.get(o.id) ?? 0),
        c ? `${formatNumber(c.presentCount)} из ${formatNumber(CHECKLIST_ITEMS.length)}` : 'нет',
      ];
    }),
  });
  b.paragraph(`В графе «Чек-лист» — число выполненных пунктов из ${formatNumber(CHECKLIST_ITEMS.length)}; «нет» — чек-лист не представлен.`);
  if (!f.anonymised) {
    b.table({
      name: 'curators',
      caption: 'Кураторы внедрения целевой модели наставничества',
      header: ['Организация', 'Куратор'],
      rows: f.organisations.map((o) => [f.orgName(o.id), String(o.curator ?? '').replace(/\s+/g, ' ').trim() || 'не назначен']),
    });
  }

  const tables = BY_ORGANISATION.map((t) => ({ ...t, columns: t.columns.filter(([id]) => f.indicators.get(id)!.computed) })).filter((t) => t.columns.length > 0);
  if (tables.length > 0) {
    b.heading(`Приложение ${++number}. Показатели по образовательным организациям`, 2);
    for (const t of tables) {
      b.table({
        name: t.name,
        caption: `${t.caption} на ${formatRuDate(f.asOf)}`,
        header: ['Организация', ...t.columns.map(([, label]) => label)],
        rows: f.organisations.map((o) => [
          f.orgName(o.id),
          ...t.columns.map(([id]) => {
            const x = f.indicators.get(id)!.result.byOrganisation[o.id];
            return x && x.denominator > 0 && x.value !== null ? `${formatPercent(x.value)} (${formatNumber(x.numerator)} из ${formatNumber(x.denominator)})` : '—';
          }),
        ]),
      });
    }
    b.paragraph('В скобках — число учтённых из общего числа; прочерк — в организации нет данных для расчёта показателя.');
  }

  if (f.checklists.size > 0) {
    b.heading(`Приложение ${++number}. Выполнение чек-листа по организациям`, 2);
    b.table({
      name: 'checklist-by-organisation',
      caption: 'Выполнение пунктов чек-листа по организациям',
      header: ['Организация', ...CHECKLIST_ITEMS.map((_, i) => String(i + 1)), 'Модель внедрена'],
      rows: f.organisations.map((o) => {
        const c = f.checklists.get(o.id);
        if (!c) return [f.orgName(o.id), ...CHECKLIST_ITEMS.map(() => ''), 'чек-лист не представлен'];
        return [f.orgName(o.id), ...CHECKLIST_ITEMS.map((item) => (c.missing.includes(item.id) ? '−' : '+')), c.implemented ? 'да' : 'нет'];
      }),
    });
    b.paragraph(`«+» — пункт выполнен, «−» — не выполнен. Пункты чек-листа: ${CHECKLIST_ITEMS.map((item, i) => `${i + 1} — ${lowerFirst(item.label)}`).join('; ')}.`);
  }

  // What the indicators noticed about the data, except what the справка already says in its own words.
  const notes = [...f.notes, ...f.warnings.filter((w) => !/не закреплены приказом/.test(w))];
  if (notes.length > 0) {
    b.heading(`Приложение ${++number}. Замечания к исходным данным`, 2);
    b.list(notes.map((w) => sentence(f.anonymised ? maskPersonalNames(w) : w)));
  }
}
