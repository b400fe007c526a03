// The «Показатели» sheet as one grid, computed without touching the spreadsheet: the table of every indicator in
// total, by kind of organisation and by organisation against the current year's target, a SPARKLINE of each row's
// history, and two blocks the charts draw from (totals over time; coverage by organisation). The add-on writes
// the grid with one setValues and its formats with one call each (dashboard.ts); the CLI reads the same figures.
import { formatRuDate } from '../domain/iso-date';
import { INDICATORS, type Fraction, type Indicator, type IndicatorId, type IndicatorResult, type Scope } from '../domain/indicators';
import { KIND_ORDER, kindScope, organisationScope } from '../domain/indicator-context';
import { allDynamics, type HistoryRow } from '../domain/indicator-history';
import { ORGANISATION_KIND_LABELS, type Organisation, type OrganisationKind } from '../domain/people';
import {
  compareWithTarget,
  formatTarget,
  indicatorsWithTargets,
  TARGET_STATUS_LABELS,
  targetFor,
  type CompareOptions,
  type TargetComparison,
  type TargetLookup,
  type TargetTable,
} from '../domain/targets';
import type { IsoDate } from '../domain/types';
import { isoToDate } from './cells';
import { DASHBOARD_COLUMNS, DASHBOARD_TITLE_ROWS, INDICATOR_SHEETS, type DashboardColumn } from './indicator-schema';

// ---------------------------------------------------------------------------------------------------------
// Figures: every scope of every indicator with its target

export interface ScopeFigure {
  scope: Scope;
  /** «Итого», the kind's label or the organisation's name. */
  label: string;
  kind: OrganisationKind | null;
  fraction: Fraction;
  lookup: TargetLookup | null;
  comparison: TargetComparison | null;
}

export interface IndicatorFigures {
  indicator: Indicator;
  result: IndicatorResult;
  /** Total, then kinds (in kind order), then organisations (list order). */
  scopes: ScopeFigure[];
}

export function indicatorFigures(
  results: readonly IndicatorResult[],
  organisations: readonly Organisation[],
  targets: TargetTable,
  year: number,
  options: CompareOptions = {},
): IndicatorFigures[] {
  const byId = new Map(INDICATORS.map((i) => [i.id as string, i]));
  const orgs = new Map(organisations.map((o) => [o.id, o]));
  return results.map((result) => {
    const indicator = byId.get(result.indicatorId)!;
    const figure = (scope: Scope, label: string, kind: OrganisationKind | null, fraction: Fraction): ScopeFigure => {
      const lookup = targetFor(indicator.id, year, scope, targets, scope.startsWith('org:') ? kind ?? undefined : undefined);
      const comparison = lookup ? compareWithTarget(fraction, lookup.target, indicator, options) : null;
      return { scope, label, kind, fraction, lookup, comparison };
    };
    const scopes: ScopeFigure[] = [figure('total', 'Итого', null, result.total)];
    for (const kind of KIND_ORDER) {
      const f = result.byKind[kind];
      if (f) scopes.push(figure(kindScope(kind), ORGANISATION_KIND_LABELS[kind], kind, f));
    }
    for (const [id, f] of Object.entries(result.byOrganisation)) {
      const o = orgs.get(id);
      scopes.push(figure(organisationScope(id), o?.name || id, o?.kind ?? null, f));
    }
    return { indicator, result, scopes };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Series from the history

/** Integers only: a SPARKLINE array literal then needs no decimal separator, whatever the spreadsheet's locale. */
function sparkPoint(value: number, indicator: Indicator): number {
  return Math.round(value * (indicator.unit === 'share' ? 1000 : indicator.unit === 'ratio' ? 100 : 1));
}

/**
 * `=SPARKLINE({…})` of a series, or '' with fewer than two known points. Rows of the array literal are separated
 * by «;» in every locale (columns are «,» or «\» depending on it), so the series is written as a column.
 */
export function sparklineFormula(values: readonly (number | null)[], indicator: Indicator): string {
  const points = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).map((v) => sparkPoint(v, indicator));
  return points.length < 2 ? '' : `=SPARKLINE({${points.join(';')}})`;
}

interface Series {
  /** Values of the history before the dashboard's date, then the current one. */
  values: (number | null)[];
  /** Current value − the last earlier snapshot's value (null without both). */
  change: number | null;
}

function seriesOf(history: ReturnType<typeof allDynamics>, indicatorId: string, scope: Scope, asOf: IsoDate, current: number | null): Series {
  const points = (history.get(`${indicatorId}|${scope}`)?.points ?? []).filter((p) => p.date < asOf);
  const previous = [...points].reverse().find((p) => p.value !== null)?.value ?? null;
  return {
    values: [...points.map((p) => p.value), current],
    change: previous !== null && current !== null ? current - previous : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The grid

/** A block of the grid, 1-based, including its header row (charts read header + data). */
export interface Block {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface DashboardLayout {
  values: unknown[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  backgrounds: (string | null)[][];
  height: number;
  width: number;
  /** The indicator table: header row and data rows, 1-based. */
  table: { headerRow: number; firstRow: number; lastRow: number; column: (k: DashboardColumn) => number };
  /** Totals over time (date + one column per indicator), for the line chart. */
  dynamics: Block;
  /** Coverage by organisation (organisation, value, target), for the bar chart. */
  coverage: Block & { indicator: Indicator };
  /** Where the charts go: the first column right of the table. */
  chartColumn: number;
  rowsByIndicator: Map<string, { total: number; first: number; last: number }>;
}

export interface DashboardInput {
  asOf: IsoDate;
  figures: readonly IndicatorFigures[];
  history: readonly HistoryRow[];
  targets: TargetTable;
  /** «лист «Цели»» or a note that the defaults were used. */
  targetsSource: string;
  /** Notes on the data (what could not be read), shown under the title. */
  notes: readonly string[];
  /** The indicator of the coverage chart (default: young specialists in mentoring). */
  coverageIndicator?: IndicatorId;
}

const HEADER_BACKGROUND = '#d9e7f5';
const BLOCK_BACKGROUND = '#eeeeee';
const TOTAL_BACKGROUND = '#f3f3f3';
const DYNAMICS_FALLBACK: readonly IndicatorId[] = [
  'young-specialists-in-mentoring', 'model-implemented', 'teachers-under-35-involved', 'curator-appointed', 'programmes-completed',
];
const MAX_SERIES = 5;
/** Rows the two charts take at the top of the right-hand area (about 20 rows of 21 px each per chart). */
export const CHART_ROWS = 22;

function valueFormat(unit: Indicator['unit']): string {
  return unit === 'share' ? '0.0%' : unit === 'ratio' ? '0.00' : '0';
}

function gapFormat(c: TargetComparison | null): string {
  return c?.measure === 'percent' ? '0.0" п.п."' : '0.##';
}

function changeFormat(unit: Indicator['unit']): string {
  return unit === 'share' ? '+0.0" п.п.";-0.0" п.п.";0' : unit === 'ratio' ? '+0.00;-0.00;0' : '+0;-0;0';
}

function targetNumber(c: TargetComparison | null): number | '' {
  if (!c) return '';
  return c.measure === 'percent' ? c.target / 100 : c.target;
}

function targetText(lookup: TargetLookup | null, year: number): string {
  if (!lookup) return '';
  const parts = [formatTarget(lookup.target)];
  if (lookup.year !== year) parts.push(`цель ${lookup.year} г.`);
  if (lookup.derived) parts.push(lookup.scope === 'total' ? 'из цели по муниципалитету' : 'из цели для вида ОО');
  return parts.join(' · ');
}

function dynamicsIndicators(targets: TargetTable): IndicatorId[] {
  const shares = new Set(INDICATORS.filter((i) => i.unit === 'share').map((i) => i.id));
  const ids: IndicatorId[] = [];
  for (const id of [...indicatorsWithTargets(targets), ...DYNAMICS_FALLBACK]) {
    if (shares.has(id) && !ids.includes(id)) ids.push(id);
  }
  return ids.slice(0, MAX_SERIES);
}

export function dashboardLayout(input: DashboardInput): DashboardLayout {
  const { asOf, figures } = input;
  const year = Number(asOf.slice(0, 4));
  const history = allDynamics(input.history);
  const columns = DASHBOARD_COLUMNS.map((c) => c.key);
  const col = (k: DashboardColumn) => columns.indexOf(k);
  const tableWidth = columns.length;
  const headerRow = DASHBOARD_TITLE_ROWS + 1;

  // The table rows, each with its number formats.
  const body: unknown[][] = [];
  const bodyFormats: string[][] = [];
  const rowsByIndicator = new Map<string, { total: number; first: number; last: number }>();
  for (const f of figures) {
    const first = headerRow + body.length + 1;
    for (const s of f.scopes) {
      const row: unknown[] = new Array(tableWidth).fill('');
      const series = seriesOf(history, f.indicator.id, s.scope, asOf, s.fraction.value);
      const c = s.comparison;
      row[col('indicator')] = f.indicator.name;
      row[col('scopeName')] = s.label;
      row[col('kind')] = s.kind ? ORGANISATION_KIND_LABELS[s.kind] : '';
      row[col('numerator')] = s.fraction.numerator;
      row[col('denominator')] = s.fraction.denominator;
      row[col('value')] = s.fraction.value ?? '';
      row[col('target')] = targetNumber(c);
      row[col('targetText')] = targetText(s.lookup, year);
      row[col('gap')] = c && c.gap !== null ? Math.max(0, c.gap) : '';
      row[col('status')] = c ? TARGET_STATUS_LABELS[c.status] : '';
      row[col('sparkline')] = sparklineFormula(series.values, f.indicator);
      row[col('change')] = series.change === null ? '' : f.indicator.unit === 'share' ? Math.round(series.change * 1000) / 10 : series.change;
      row[col('indicatorId')] = f.indicator.id;
      row[col('scope')] = s.scope;
      row[col('notes')] = s.scope === 'total' ? f.result.warnings.join('; ').slice(0, 2000) : '';
      body.push(row);
      const formats = new Array(tableWidth).fill('@');
      formats[col('numerator')] = '0.##';
      formats[col('denominator')] = '0.##';
      formats[col('value')] = valueFormat(f.indicator.unit);
      formats[col('target')] = c?.measure === 'percent' ? '0.0%' : '0.##';
      formats[col('gap')] = gapFormat(c);
      // A formula cell in a plain-text column would stay text.
      formats[col('sparkline')] = '0.##';
      formats[col('change')] = changeFormat(f.indicator.unit);
      bodyFormats.push(formats);
    }
    rowsByIndicator.set(f.indicator.id, { total: first, first, last: headerRow + body.length });
  }
  const lastTableRow = headerRow + body.length;

  // Right of the table: the charts on top, then the two blocks they draw from.
  const chartColumn = tableWidth + 2;
  const dynamicsIds = dynamicsIndicators(input.targets);
  const totalOf = new Map(figures.map((f) => [f.indicator.id as string, f.scopes[0].fraction.value]));
  const dates = [...new Set(input.history.filter((r) => r.date < asOf).map((r) => r.date))].sort();
  dates.push(asOf);
  const dynamicsHeader = ['Дата', ...dynamicsIds.map((id) => INDICATORS.find((i) => i.id === id)!.name)];
  const dynamicsRows = dates.map((d) => [
    isoToDate(d),
    ...dynamicsIds.map((id) => {
      if (d === asOf) return totalOf.get(id) ?? '';
      const p = history.get(`${id}|total`)?.points.find((x) => x.date === d);
      return p?.value ?? '';
    }),
  ]);
  const dynamicsTitleRow = 2 * CHART_ROWS + 2;
  const dynamics: Block = { row: dynamicsTitleRow + 1, column: chartColumn, rows: dynamicsRows.length + 1, columns: dynamicsHeader.length };

  const coverageId = input.coverageIndicator ?? 'young-specialists-in-mentoring';
  const coverageFigures = figures.find((f) => f.indicator.id === coverageId) ?? figures[0];
  const orgScopes = coverageFigures ? coverageFigures.scopes.filter((s) => s.scope.startsWith('org:')) : [];
  const coverageRows = orgScopes.map((s) => [s.label, s.fraction.value ?? '', targetNumber(s.comparison)]);
  const coverageTitleRow = dynamics.row + dynamics.rows + 1;
  const coverage = {
    row: coverageTitleRow + 1,
    column: chartColumn,
    rows: coverageRows.length + 1,
    columns: 3,
    indicator: coverageFigures?.indicator ?? INDICATORS[0],
  };

  const width = Math.max(chartColumn + Math.max(dynamics.columns, coverage.columns) - 1, tableWidth);
  const height = Math.max(lastTableRow, coverage.row + coverage.rows - 1, headerRow + 1);
  const values: unknown[][] = Array.from({ length: height }, () => new Array(width).fill(''));
  const numberFormats: string[][] = Array.from({ length: height }, () => new Array(width).fill('@'));
  const fontWeights: ('bold' | 'normal')[][] = Array.from({ length: height }, () => new Array(width).fill('normal'));
  const backgrounds: (string | null)[][] = Array.from({ length: height }, () => new Array(width).fill(null));
  const put = (row: number, column: number, cells: readonly unknown[], formats?: readonly string[]) => {
    cells.forEach((v, i) => { values[row - 1][column - 1 + i] = v; });
    formats?.forEach((f, i) => { numberFormats[row - 1][column - 1 + i] = f; });
  };
  const emphasise = (row: number, column: number, n: number, background: string | null) => {
    for (let i = 0; i < n; i++) {
      fontWeights[row - 1][column - 1 + i] = 'bold';
      backgrounds[row - 1][column - 1 + i] = background;
    }
  };

  const snapshots = new Set(input.history.map((r) => r.date)).size;
  put(1, 1, [`Показатели наставничества на ${formatRuDate(asOf)}`]);
  emphasise(1, 1, 1, null);
  put(2, 1, [
    `Цели на ${year} г.: ${input.targetsSource}. Зелёный — цель достигнута, жёлтый — близко к цели (до 10 п.п. или 10 %), ` +
      `красный — отстаёт. Динамика — по листу «${INDICATOR_SHEETS.history}» (снимков: ${snapshots}).`,
  ]);
  put(3, 1, [input.notes.length ? `Замечания к данным: ${input.notes.join(' ').slice(0, 1500)}` : '']);
  put(headerRow, 1, DASHBOARD_COLUMNS.map((c) => c.label));
  emphasise(headerRow, 1, tableWidth, HEADER_BACKGROUND);
  body.forEach((r, i) => {
    put(headerRow + 1 + i, 1, r, bodyFormats[i]);
    // Totals stand out by themselves; the traffic-light rules colour only the value and status cells.
    if (r[col('scope')] === 'total') emphasise(headerRow + 1 + i, 1, tableWidth, TOTAL_BACKGROUND);
  });

  put(dynamicsTitleRow, chartColumn, ['Динамика показателей (итого по муниципалитету)']);
  emphasise(dynamicsTitleRow, chartColumn, 1, null);
  put(dynamics.row, chartColumn, dynamicsHeader);
  emphasise(dynamics.row, chartColumn, dynamics.columns, BLOCK_BACKGROUND);
  dynamicsRows.forEach((r, i) => put(dynamics.row + 1 + i, chartColumn, r, ['dd.mm.yyyy', ...dynamicsIds.map(() => '0.0%')]));

  put(coverageTitleRow, chartColumn, [`Охват по организациям: ${coverage.indicator.name.toLowerCase()}`]);
  emphasise(coverageTitleRow, chartColumn, 1, null);
  put(coverage.row, chartColumn, ['Организация', 'Значение', 'Цель']);
  emphasise(coverage.row, chartColumn, 3, BLOCK_BACKGROUND);
  const coverageFormat = valueFormat(coverage.indicator.unit);
  coverageRows.forEach((r, i) => put(coverage.row + 1 + i, chartColumn, r, ['@', coverageFormat, coverageFormat]));

  return {
    values,
    numberFormats,
    fontWeights,
    backgrounds,
    height,
    width,
    table: { headerRow, firstRow: headerRow + 1, lastRow: lastTableRow, column: (k) => col(k) + 1 },
    dynamics,
    coverage,
    chartColumn,
    rowsByIndicator,
  };
}
