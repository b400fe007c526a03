// Menu actions of the indicators: «Обновить показатели» rebuilds the dashboard sheet, «Сохранить снимок
// показателей» records one snapshot per reporting date in «История показателей», «Создать листы целей и
// чек-листа» sets up the two sheets coordinators and curators fill in.
//
// The dashboard is rebuilt with one setValues of the whole grid and a fixed number of formatting and chart calls
// (one setNumberFormats, one setFontWeights, one setBackgrounds, one set of conditional rules, two charts), so its
// service calls do not grow with the number of organisations or people (test/bundle/indicators.test.ts).
import { computeIndicators, type IndicatorResult } from '../domain/indicators';
import { mergeSnapshot, snapshotRows } from '../domain/indicator-history';
import { formatRuDate, isIsoDate } from '../domain/iso-date';
import type { Organisation } from '../domain/people';
import { TARGET_STATUS_LABELS, type TargetStatus } from '../domain/targets';
import type { IsoDate } from '../domain/types';
import { loadPeopleData } from './people-data';
import { columnLetter } from '../sheets/columns';
import { CHART_ROWS, dashboardLayout, indicatorFigures, type DashboardLayout, type IndicatorFigures } from '../sheets/dashboard-layout';
import { INDICATOR_SHEETS, STATUS_COLORS } from '../sheets/indicator-schema';
import {
  loadIndicatorData,
  organisationsOf,
  readHistory,
  setupChecklistSheet,
  setupTargetsSheet,
  writeHistory,
  type IndicatorLoad,
} from '../sheets/indicator-sheets';
import { SheetCache } from '../sheets/people-sheets';
import { activeSpreadsheet, today, UserError, withDocumentLock } from './context';
import { runMenuAction } from './menu';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The date an action counts on: an ISO date given by the caller (demo, sidebar) or today. */
function dateArgument(asOf: unknown): IsoDate {
  if (asOf === undefined || asOf === null || asOf === '' || typeof asOf === 'object') return today();
  if (typeof asOf === 'string' && isIsoDate(asOf)) return asOf;
  throw new UserError(`Дата расчёта показателей должна быть датой ГГГГ-ММ-ДД, получено «${String(asOf)}».`);
}

function requireData(load: IndicatorLoad): void {
  const d = load.data;
  if (d.organisations.length === 0 && d.mentees.length === 0 && d.pairs.length === 0 && !d.roadmap) {
    throw new UserError('Нет данных для показателей: заполните листы «Организации», «Наставники», «Наставляемые» и «Пары» (или импортируйте дорожную карту).');
  }
}

// ---------------------------------------------------------------------------------------------------------
// «Обновить показатели»

export interface DashboardSummary {
  asOf: IsoDate;
  indicators: number;
  /** Rows of the indicator table (every indicator in total, by kind and by organisation). */
  rows: number;
  organisations: number;
  charts: number;
  snapshots: number;
  /** Totals against their targets. */
  status: Record<TargetStatus, number>;
  warnings: string[];
}

function chartType(name: 'BAR' | 'LINE'): GoogleAppsScript.Charts.ChartType {
  return Charts.ChartType[name];
}

function fitSheet(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  else if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
}

function trafficLightRules(sheet: Sheet, layout: DashboardLayout): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const { firstRow, lastRow, column } = layout.table;
  if (lastRow < firstRow) return [];
  const n = lastRow - firstRow + 1;
  const status = `$${columnLetter(column('status') - 1)}${firstRow}`;
  const ranges = [sheet.getRange(firstRow, column('value'), n, 1), sheet.getRange(firstRow, column('status'), n, 1)];
  const rule = (s: 'met' | 'close' | 'behind') =>
    SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=${status}="${TARGET_STATUS_LABELS[s]}"`).setBackground(STATUS_COLORS[s]).setRanges(ranges).build();
  return [rule('met'), rule('close'), rule('behind')];
}

function writeDashboard(ss: Spreadsheet, layout: DashboardLayout): { sheet: Sheet; charts: number } {
  const sheet = ss.getSheetByName(INDICATOR_SHEETS.dashboard) ?? ss.insertSheet(INDICATOR_SHEETS.dashboard);
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const filter = sheet.getFilter();
  if (filter) filter.remove();
  sheet.clear();
  fitSheet(sheet, layout.height, layout.width);

  const all = sheet.getRange(1, 1, layout.height, layout.width);
  // Formats before values: text columns are plain text, so an organisation called «2023» stays a name.
  all.setNumberFormats(layout.numberFormats);
  all.setValues(layout.values);
  all.setFontWeights(layout.fontWeights);
  all.setBackgrounds(layout.backgrounds);
  sheet.getRange(1, 1).setFontSize(14);
  sheet.getRange(2, 1, 2, 1).setFontColor('#5f6368');
  sheet.setFrozenRows(layout.table.headerRow);
  layoutWidths(sheet, layout);
  if (layout.table.lastRow >= layout.table.firstRow) {
    sheet.getRange(layout.table.headerRow, 1, layout.table.lastRow - layout.table.headerRow + 1, layout.table.column('notes')).createFilter();
  }
  sheet.setConditionalFormatRules(trafficLightRules(sheet, layout));

  // Options use the dotted paths of https://developers.google.com/apps-script/chart-configuration-options.
  const cov = layout.coverage;
  const share = cov.indicator.unit === 'share';
  const bar = sheet.newChart()
    .setChartType(chartType('BAR'))
    .addRange(sheet.getRange(cov.row, cov.column, cov.rows, cov.columns))
    .setNumHeaders(1)
    .setPosition(1, layout.chartColumn, 0, 0)
    .setOption('title', `${cov.indicator.name}: по организациям`)
    .setOption('legend.position', 'bottom')
    .setOption('hAxis.format', share ? 'percent' : 'decimal')
    .setOption('height', CHART_ROWS * 21 - 20)
    .setOption('width', 720)
    .build();
  sheet.insertChart(bar);
  const dyn = layout.dynamics;
  const line = sheet.newChart()
    .setChartType(chartType('LINE'))
    .addRange(sheet.getRange(dyn.row, dyn.column, dyn.rows, dyn.columns))
    .setNumHeaders(1)
    .setPosition(CHART_ROWS + 1, layout.chartColumn, 0, 0)
    .setOption('title', 'Динамика показателей (итого по муниципалитету)')
    .setOption('legend.position', 'bottom')
    .setOption('vAxis.format', 'percent')
    .setOption('pointSize', 5)
    .setOption('height', CHART_ROWS * 21 - 20)
    .setOption('width', 720)
    .build();
  sheet.insertChart(line);
  return { sheet, charts: 2 };
}

function layoutWidths(sheet: Sheet, layout: DashboardLayout): void {
  const widths = [300, 240, 170, 85, 95, 85, 70, 190, 85, 110, 120, 90, 200, 110, 420];
  widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  const blockColumns = layout.width - layout.chartColumn + 1;
  if (blockColumns > 0) sheet.setColumnWidths(layout.chartColumn, blockColumns, 150);
}

function statusCounts(figures: readonly IndicatorFigures[]): Record<TargetStatus, number> {
  const counts: Record<TargetStatus, number> = { met: 0, close: 0, behind: 0, 'no-data': 0 };
  for (const f of figures) {
    const c = f.scopes[0].comparison;
    if (c) counts[c.status]++;
  }
  return counts;
}

/** Computes every indicator on `asOf` and rebuilds «Показатели» (no lock: the caller holds it). */
export function buildDashboard(ss: Spreadsheet, asOf: IsoDate, now: IsoDate = today()): DashboardSummary & { results: IndicatorResult[] } {
  const cache = new SheetCache(ss);
  const load = loadIndicatorData(ss, asOf, cache, now);
  requireData(load);
  const results = computeIndicators(load.data, asOf);
  const history = readHistory(ss, load.organisations, cache);
  const year = Number(asOf.slice(0, 4));
  const figures = indicatorFigures(results, load.organisations, load.targets.table, year);
  const warnings = [...load.warnings, ...history.warnings];
  const layout = dashboardLayout({
    asOf,
    figures,
    history: history.rows,
    targets: load.targets.table,
    targetsSource: load.targets.exists ? `лист «${INDICATOR_SHEETS.targets}»` : 'цели программ-образцов (листа «Цели» нет)',
    notes: warnings,
  });
  const { charts } = writeDashboard(ss, layout);
  return {
    asOf,
    indicators: results.length,
    rows: layout.table.lastRow - layout.table.firstRow + 1,
    organisations: load.organisations.length,
    charts,
    snapshots: new Set(history.rows.map((r) => r.date)).size,
    status: statusCounts(figures),
    warnings,
    results,
  };
}

/** «Обновить показатели»: the dashboard on `asOf` (ISO; today when omitted). */
export function refreshDashboard(asOf?: string): DashboardSummary {
  const date = dateArgument(asOf);
  const ss = activeSpreadsheet();
  const { results: _results, ...summary } = withDocumentLock(() => buildDashboard(ss, date));
  const s = summary.status;
  ss.toast(
    `Показатели на ${formatRuDate(date)}: достигнуто ${s.met}, близко к цели ${s.close}, отстаёт ${s.behind}` +
      `${summary.warnings.length ? `. Замечаний к данным: ${summary.warnings.length} (строка 3 листа)` : ''}.`,
    'Наставник: показатели',
    10,
  );
  return summary;
}

// ---------------------------------------------------------------------------------------------------------
// «Сохранить снимок показателей»

export interface SnapshotSummary {
  date: IsoDate;
  /** Rows of this snapshot (every indicator in total, by kind and by organisation). */
  rows: number;
  /** A snapshot of the same date was already there and has been replaced. */
  replaced: boolean;
  snapshots: number;
  mode: 'created' | 'appended' | 'rewritten';
}

export function saveSnapshot(ss: Spreadsheet, date: IsoDate, now: IsoDate = today()): SnapshotSummary {
  const cache = new SheetCache(ss);
  const load = loadIndicatorData(ss, date, cache, now);
  requireData(load);
  const rows = snapshotRows(computeIndicators(load.data, date));
  const history = readHistory(ss, load.organisations, cache);
  const replaced = history.rows.some((r) => r.date === date);
  const merged = mergeSnapshot(history.rows, rows);
  const { mode } = writeHistory(ss, merged, history, load.organisations);
  return { date, rows: rows.length, replaced, snapshots: new Set(merged.map((r) => r.date)).size, mode };
}

/** «Сохранить снимок показателей»: one snapshot per reporting date (`asOf`, ISO; today when omitted). */
export function saveIndicatorSnapshot(asOf?: string): SnapshotSummary {
  const date = dateArgument(asOf);
  const ss = activeSpreadsheet();
  const summary = withDocumentLock(() => saveSnapshot(ss, date));
  ss.toast(
    `Снимок показателей на ${formatRuDate(date)} ${summary.replaced ? 'заменён' : 'сохранён'} на листе «${INDICATOR_SHEETS.history}» ` +
      `(строк: ${summary.rows}; всего снимков: ${summary.snapshots}).`,
    'Наставник: показатели',
    10,
  );
  return summary;
}

// ---------------------------------------------------------------------------------------------------------
// «Создать листы целей и чек-листа»

export interface SetupSummary {
  targets: { created: boolean; rows: number };
  checklist: { created: boolean; added: number };
  organisations: number;
}

export function setupSheets(ss: Spreadsheet): SetupSummary {
  const cache = new SheetCache(ss);
  const organisations: Organisation[] = organisationsOf(loadPeopleData(ss, today(), cache));
  const targets = setupTargetsSheet(ss, cache);
  const checklist = setupChecklistSheet(ss, organisations, cache);
  return { targets, checklist, organisations: organisations.length };
}

/** «Создать листы целей и чек-листа»: sheets that exist keep their contents; new organisations get checklist rows. */
export function setupIndicatorSheets(): SetupSummary {
  const ss = activeSpreadsheet();
  const summary = withDocumentLock(() => setupSheets(ss));
  const parts = [
    summary.targets.created ? `лист «${INDICATOR_SHEETS.targets}» создан (целей из программ: ${summary.targets.rows})` : `лист «${INDICATOR_SHEETS.targets}» уже есть`,
    summary.checklist.created
      ? `лист «${INDICATOR_SHEETS.checklist}» создан (организаций: ${summary.checklist.added})`
      : `в «${INDICATOR_SHEETS.checklist}» добавлено организаций: ${summary.checklist.added}`,
  ];
  if (summary.organisations === 0) parts.push('организаций нет: заполните лист «Организации» и повторите, чтобы добавить строки чек-листа');
  ss.toast(parts.join('; ') + '.', 'Наставник: показатели', 10);
  return summary;
}

// ---------------------------------------------------------------------------------------------------------
// Menu items

/** Menu: «Обновить показатели». */
export function menuRefreshDashboard(): void {
  runMenuAction(() => {
    refreshDashboard();
    activeSpreadsheet().getSheetByName(INDICATOR_SHEETS.dashboard)?.activate();
  });
}

/** Menu: «Сохранить снимок показателей». */
export function menuSaveIndicatorSnapshot(): void {
  runMenuAction(() => saveIndicatorSnapshot());
}

/** Menu: «Создать листы целей и чек-листа». */
export function menuSetupIndicatorSheets(): void {
  runMenuAction(() => setupIndicatorSheets());
}
