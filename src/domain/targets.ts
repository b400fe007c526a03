// Targets: what programmes promise per indicator and year, as percent («80%», «не менее 70 %») or as counts
// split by kind of organisation («16: 9 – ДОУ, 7 - МОУ»), read from the editable «Цели» sheet, looked up for a
// scope and compared with a computed figure. Pure; the default table comes from the seed roadmaps.
import type { Organisation, OrganisationKind } from './people';
import { ORGANISATION_KIND_LABELS } from './people';
import {
  INDICATORS,
  indicatorById,
  parseIndicatorId,
  type Fraction,
  type IndicatorId,
  type IndicatorUnit,
  type Scope,
  kindScope,
  organisationScope,
  parseScope,
} from './indicators';

/** «не менее» (min) or «не более» (max); null: as the indicator's direction says. */
export type TargetBound = 'min' | 'max';

export interface Target {
  /** Percent, 0–100, when the target is a share. */
  percent: number | null;
  /** An absolute number (organisations, pairs, mentees per mentor) when the target is a count. */
  count: number | null;
  /** The count split by kind («9 ДОУ + 7 МОУ»). */
  countByKind: Partial<Record<OrganisationKind, number>>;
  /** «из 40»: the base the count is of. */
  of: number | null;
  bound: TargetBound | null;
  /** As typed. */
  text: string;
}

export interface TargetRow {
  indicatorId: IndicatorId;
  year: number;
  scope: Scope;
  target: Target;
}

export type TargetTable = readonly TargetRow[];

// ---------------------------------------------------------------------------------------------------------
// Kinds in Russian documents

const KIND_PATTERNS: [OrganisationKind, string][] = [
  ['kindergarten', '[а-я]*доу|детск[а-я]* сад[а-я]*|д/с|дошкольн[а-я]*'],
  ['school', '(?:мб|ма|мк|г|гб|м)?оу|сош|оош|школ[а-я]*|общеобразовательн[а-я]*'],
  ['additional', '[а-я]*удо|дод|дополнительного образования'],
  ['college', 'спо|поо|колледж[а-я]*|техникум[а-я]*|профессиональн[а-я]*'],
];

const LETTER = 'а-яa-z';

function kindRegex(body: string, flags = ''): RegExp {
  return new RegExp(`(?<![${LETTER}])(?:${body})(?![${LETTER}])`, flags);
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[\u00a0\u202f]/g, ' ').replace(/[–—−]/g, '-');
}

/** A kind from its label, key or abbreviation («ДОУ», «школы», «kindergarten»); null when not recognised. */
export function parseOrganisationKind(text: string): OrganisationKind | null {
  const t = normalise(String(text ?? '')).trim();
  if (t === '') return null;
  for (const [kind, label] of Object.entries(ORGANISATION_KIND_LABELS) as [OrganisationKind, string][]) {
    if (t === kind || t === label) return kind;
  }
  for (const [kind, body] of KIND_PATTERNS) if (kindRegex(body).test(t)) return kind;
  if (t === 'иная организация' || t === 'иные' || t === 'другие') return 'other';
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Parsing a target cell

const NUMBER = '(\\d+(?:[.,]\\d+)?)';

function toNumber(s: string): number {
  return Number(s.replace(',', '.'));
}

/**
 * Reads a target as a coordinator types it: «80%», «не менее 70 %», «40% (16: 9 – ДОУ, 7 - МОУ)»,
 * «16 (9 ДОУ + 7 МОУ)», «16 из 40», «100». A bare number is a percent for a share indicator and a count for the
 * others; a number cell up to 1 for a share is a percent-formatted cell (0.8 = 80 %). Dates and four-digit
 * years in the text («к 31.12.2023») are not targets. Null when there is no number.
 */
export function parseTarget(value: unknown, unit: IndicatorUnit = 'share'): Target | null {
  const empty = (text: string): Target => ({ percent: null, count: null, countByKind: {}, of: null, bound: null, text });
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const t = empty(String(value));
    if (unit === 'share') t.percent = value <= 1 ? round(value * 100) : value;
    else t.count = value;
    return t;
  }
  if (typeof value !== 'string') return null;
  const target = empty(value.trim());
  let t = normalise(value);
  if (/не\s+менее|не\s+ниже|как\s+минимум|минимум|≥|>=/.test(t)) target.bound = 'min';
  else if (/не\s+более|не\s+выше|не\s+превыша|максимум|≤|<=/.test(t)) target.bound = 'max';
  t = t.replace(/\d{1,2}\.\d{1,2}\.\d{2,4}/g, ' ').replace(/(?<!\d)(?:19|20)\d\d(?!\d)(?!\s*%)/g, ' ');

  const percent = new RegExp(`${NUMBER}\\s*(?:%|процент)`).exec(t);
  if (percent) {
    target.percent = toNumber(percent[1]);
    t = t.slice(0, percent.index) + ' ' + t.slice(percent.index + percent[0].length);
  }
  for (const [kind, body] of KIND_PATTERNS) {
    const k = `(?<![${LETTER}])(?:${body})(?![${LETTER}])`;
    const re = new RegExp(`(?<![\\d.,])(\\d+)\\s*[-:]?\\s*${k}|${k}\\s*[-:]?\\s*(\\d+)`, 'g');
    t = t.replace(re, (_m, before: string | undefined, after: string | undefined) => {
      const n = Number(before ?? after);
      target.countByKind[kind] = (target.countByKind[kind] ?? 0) + n;
      return ' ';
    });
  }
  const of = new RegExp(`(?<![${LETTER}])(?:из|от)\\s+${NUMBER}(?!\\s*(?:%|лет|год))`).exec(t);
  if (of) {
    target.of = toNumber(of[1]);
    t = t.slice(0, of.index) + ' ' + t.slice(of.index + of[0].length);
  }
  const kindSum = Object.values(target.countByKind).reduce((s, n) => s + (n ?? 0), 0);
  const hasKinds = Object.keys(target.countByKind).length > 0;
  if (target.percent !== null || hasKinds) {
    // Beside a percent or a split, only a number that introduces the split is the total («(16: …», «16 (…»).
    const total = new RegExp(`\\(\\s*${NUMBER}\\s*[:)]|${NUMBER}\\s*:|^\\s*${NUMBER}\\s*\\(`).exec(t);
    if (total) target.count = toNumber(total[1] ?? total[2] ?? total[3]);
    else if (hasKinds) target.count = kindSum;
  } else {
    const bare = new RegExp(NUMBER).exec(t);
    if (!bare) return null;
    const n = toNumber(bare[1]);
    if (unit === 'share') {
      // «из 40» makes a bare number a count of the 40; otherwise it is a percent, «0,8» a fraction.
      if (target.of !== null) target.count = n;
      else target.percent = n < 1 && /[.,]/.test(bare[1]) ? round(n * 100) : n;
    } else target.count = n;
  }
  if (target.count !== null && target.percent === null && target.of !== null && target.of > 0 && unit === 'share') {
    target.percent = round((target.count / target.of) * 100);
  }
  return target;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** The target back as short Russian text for a dashboard cell: «≥ 80 %», «40 % — 16 (9 ДОУ + 7 школ)». */
export function formatTarget(target: Target): string {
  const sign = target.bound === 'max' ? '≤ ' : target.bound === 'min' ? '≥ ' : '';
  const parts: string[] = [];
  if (target.percent !== null) parts.push(`${formatNumber(target.percent)} %`);
  if (target.count !== null) {
    const split = (Object.entries(target.countByKind) as [OrganisationKind, number][])
      .map(([k, n]) => `${n} ${KIND_SHORT[k]}`)
      .join(' + ');
    const count = `${formatNumber(target.count)}${split ? ` (${split})` : ''}${target.of !== null ? ` из ${formatNumber(target.of)}` : ''}`;
    parts.push(count);
  }
  return sign + parts.join(' — ');
}

const KIND_SHORT: Record<OrganisationKind, string> = {
  school: 'школ',
  kindergarten: 'ДОУ',
  additional: 'УДО',
  college: 'ПОО',
  other: 'иных',
};

function formatNumber(n: number): string {
  const r = Math.round(n * 10) / 10;
  return String(r).replace('.', ',');
}

// ---------------------------------------------------------------------------------------------------------
// The table

export interface TargetInputRow {
  /** Id or Russian name of the indicator. */
  indicator: unknown;
  year: unknown;
  /** '', «итого», a kind («ДОУ», «школы», «kind:school») or an organisation (id, name, «org:ID»). */
  scope?: unknown;
  value: unknown;
}

/** A scope from a «Цели» cell; null when it names nothing known. */
export function parseTargetScope(text: unknown, organisations: readonly Pick<Organisation, 'id' | 'name'>[] = []): Scope | null {
  const raw = String(text ?? '').trim();
  const t = normalise(raw).trim();
  if (t === '' || t === 'итого' || t === 'всего' || t === 'все' || t === 'муниципалитет' || t === 'total') return 'total';
  const strict = parseScope(raw);
  if (strict) return strict;
  const org = organisations.find((o) => o.id === raw) ?? organisations.find((o) => normalise(o.name).trim() === t);
  if (org) return organisationScope(org.id);
  const kind = parseOrganisationKind(raw);
  return kind ? kindScope(kind) : null;
}

function parseYear(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2200) return value;
  const m = /(?<!\d)((?:19|20|21)\d\d)(?!\d)/.exec(String(value ?? ''));
  return m ? Number(m[1]) : null;
}

/**
 * The «Цели» sheet's rows as a table, with Russian warnings (row numbers 1-based from the first data row) for
 * rows that name no known indicator, year, scope or value. A later row for the same indicator, year and scope
 * wins, so a coordinator can override a line by adding one below.
 */
export function buildTargetTable(
  rows: readonly TargetInputRow[],
  organisations: readonly Pick<Organisation, 'id' | 'name'>[] = [],
): { table: TargetRow[]; warnings: string[] } {
  const warnings: string[] = [];
  const byKey = new Map<string, TargetRow>();
  rows.forEach((r, i) => {
    const n = i + 1;
    const blank = [r.indicator, r.year, r.scope, r.value].every((v) => v === null || v === undefined || String(v).trim() === '');
    if (blank) return;
    const id = parseIndicatorId(String(r.indicator ?? ''));
    if (!id) return void warnings.push(`Строка ${n}: показатель «${String(r.indicator ?? '')}» не найден`);
    const year = parseYear(r.year);
    if (year === null) return void warnings.push(`Строка ${n}: год «${String(r.year ?? '')}» не распознан`);
    const scope = parseTargetScope(r.scope, organisations);
    if (!scope) return void warnings.push(`Строка ${n}: «${String(r.scope ?? '')}» — нет такой организации или вида ОО`);
    const target = parseTarget(r.value, indicatorById(id).unit);
    if (!target) return void warnings.push(`Строка ${n}: в значении цели «${String(r.value ?? '')}» нет числа`);
    byKey.set(`${id}\u0000${year}\u0000${scope}`, { indicatorId: id, year, scope, target });
  });
  return { table: [...byKey.values()], warnings };
}

/**
 * Targets stated in the seed programmes: Северск 2021–2024 (organisations implementing the model, as percent
 * and as counts by kind), Серпухов 2023–2024 (young specialists, teachers under 35, satisfaction).
 */
export const DEFAULT_TARGET_ROWS: readonly TargetInputRow[] = [
  { indicator: 'model-implemented', year: 2021, value: '40% (16: 9 – ДОУ, 7 - МОУ)' },
  { indicator: 'model-implemented', year: 2022, value: '60% (24: 13 – ДОУ, 11 - МОУ)' },
  { indicator: 'model-implemented', year: 2023, value: '80% (32: 18 – ДОУ, 14 - МОУ)' },
  { indicator: 'model-implemented', year: 2024, value: '100% (40: 22 – ДОУ, 18 - МОУ)' },
  { indicator: 'young-specialists-in-mentoring', year: 2023, value: 'Не менее 80%' },
  { indicator: 'young-specialists-in-mentoring', year: 2024, value: 'не менее 100%' },
  { indicator: 'teachers-under-35-involved', year: 2023, value: '70% от числа педагогических работников в возрасте до 35 лет' },
  { indicator: 'mentor-satisfaction', year: 2023, value: '90% от числа участников' },
  { indicator: 'mentee-satisfaction', year: 2023, value: '90% от числа участников' },
];

export const DEFAULT_TARGETS: TargetTable = buildTargetTable(DEFAULT_TARGET_ROWS).table;

// ---------------------------------------------------------------------------------------------------------
// Lookup and comparison

export interface TargetLookup {
  target: Target;
  /** The year of the row used: an earlier one when the requested year has none (targets carry forward). */
  year: number;
  /** The scope of the row used: 'total' or a kind when the target was derived from it. */
  scope: Scope;
  /** True when the target came from another scope (a kind's count from the total's split, a percent from above). */
  derived: boolean;
}

/**
 * The target of an indicator for a year and a scope. Looks in the year, then earlier years (a target once set
 * stays until a new one). In each year: the scope's own row; else, for a kind, the total row's percent and that
 * kind's count from its split; for an organisation, its kind's row (when `organisationKind` is given) or the
 * total's percent (a municipal count says nothing about one organisation).
 */
export function targetFor(
  indicatorId: IndicatorId,
  year: number,
  scope: Scope = 'total',
  table: TargetTable = DEFAULT_TARGETS,
  organisationKind?: OrganisationKind,
): TargetLookup | null {
  const rows = table.filter((r) => r.indicatorId === indicatorId && r.year <= year);
  if (rows.length === 0) return null;
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const find = (y: number, s: Scope) => rows.find((r) => r.year === y && r.scope === s);
  for (const y of years) {
    const own = find(y, scope);
    if (own) return { target: own.target, year: y, scope, derived: false };
    if (scope === 'total') continue;
    if (scope.startsWith('kind:')) {
      const total = find(y, 'total');
      const kind = scope.slice(5) as OrganisationKind;
      const count = total?.target.countByKind[kind];
      if (total && (total.target.percent !== null || count !== undefined)) {
        return {
          target: { percent: total.target.percent, count: count ?? null, countByKind: {}, of: null, bound: total.target.bound, text: total.target.text },
          year: y,
          scope: 'total',
          derived: true,
        };
      }
      continue;
    }
    const viaKind = organisationKind ? find(y, kindScope(organisationKind)) : undefined;
    const total = find(y, 'total');
    const from = viaKind?.target.percent != null ? viaKind : total?.target.percent != null ? total : undefined;
    if (from) {
      return {
        target: { percent: from.target.percent, count: null, countByKind: {}, of: null, bound: from.target.bound, text: from.target.text },
        year: y,
        scope: from.scope,
        derived: true,
      };
    }
  }
  return null;
}

export type TargetStatus = 'met' | 'close' | 'behind' | 'no-data';

export const TARGET_STATUS_LABELS: Readonly<Record<TargetStatus, string>> = {
  met: 'достигнуто',
  close: 'близко к цели',
  behind: 'отстаёт',
  'no-data': 'нет данных',
};

export interface TargetComparison {
  status: TargetStatus;
  /** What was compared: percent points, or the count/ratio itself. */
  measure: 'percent' | 'count';
  actual: number | null;
  target: number;
  /** Still to go: positive when short of the target (or over a maximum), 0 or negative when met. */
  gap: number | null;
  bound: TargetBound;
}

export interface CompareOptions {
  /** «Close»: within this many percentage points, or within this percent of a count target (default 10). */
  closeWithin?: number;
}

/**
 * Compares a computed figure with a target. A percent target compares numerator/denominator in percent; a
 * count target compares the numerator (the value of a ratio). The bound is the target's own («не более») or the
 * indicator's direction. No data (denominator 0) is 'no-data', never 'behind'.
 */
export function compareWithTarget(
  figure: Fraction,
  target: Target,
  indicator: { unit: IndicatorUnit; better: 'higher' | 'lower' },
  options: CompareOptions = {},
): TargetComparison | null {
  const closeWithin = options.closeWithin ?? 10;
  const bound: TargetBound = target.bound ?? (indicator.better === 'higher' ? 'min' : 'max');
  let measure: 'percent' | 'count';
  let goal: number;
  let actual: number | null;
  let tolerance: number;
  if (target.percent !== null && (indicator.unit !== 'count' || target.count === null)) {
    measure = 'percent';
    goal = target.percent;
    actual = figure.denominator === 0 ? null : (figure.numerator / figure.denominator) * 100;
    tolerance = closeWithin;
  } else if (target.count !== null) {
    measure = 'count';
    goal = target.count;
    actual = indicator.unit === 'ratio' ? figure.value : figure.numerator;
    tolerance = (Math.abs(goal) * closeWithin) / 100;
  } else return null;
  if (actual === null) return { status: 'no-data', measure, actual: null, target: goal, gap: null, bound };
  const gap = round(bound === 'min' ? goal - actual : actual - goal);
  const status: TargetStatus = gap <= 1e-9 ? 'met' : gap <= tolerance + 1e-9 ? 'close' : 'behind';
  return { status, measure, actual, target: goal, gap, bound };
}

/** Indicator ids that have at least one target in the table: what the dashboard can colour. */
export function indicatorsWithTargets(table: TargetTable = DEFAULT_TARGETS): IndicatorId[] {
  const ids = new Set(table.map((r) => r.indicatorId));
  return INDICATORS.filter((i) => ids.has(i.id)).map((i) => i.id);
}
