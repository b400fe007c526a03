// Repositories of the indicator sheets: «Цели», «Чек-лист внедрения», «История показателей» and the staff list,
// and loadIndicatorData, which gathers everything the catalogue counts from the workbook in one read per sheet
// (the people lists and pairs through people-data.ts, sharing its SheetCache). Writes are one block each.
import { CHECKLIST_ITEMS, type OrganisationChecklist } from '../domain/checklist';
import { INDICATORS, indicatorById, parseIndicatorId, parseScope, type IndicatorData, type IndicatorUnit, type Scope } from '../domain/indicators';
import { scopeLabel, type HistoryRow } from '../domain/indicator-history';
import { ORGANISATION_KIND_LABELS, type Mentee, type Mentor, type Organisation, type OrganisationKind, type Pair } from '../domain/people';
import { manualStatusChange, parseNumberText } from '../domain/people-records';
import { DEFAULT_TARGETS, parseTarget, parseTargetScope, type Target, type TargetBound, type TargetRow } from '../domain/targets';
import type { IsoDate } from '../domain/types';
import { dataProblems, loadPeopleData, type PeopleData } from '../addon/people-data';
import { cellText, isoToDate } from './cells';
import { columnLetter, locateColumns, type ColumnDef } from './columns';
import {
  CHECKLIST_COLUMNS,
  HISTORY_COLUMNS,
  INDICATOR_SHEETS,
  STAFF_COLUMNS,
  TARGET_BOUND_LABELS,
  TARGET_COLUMNS,
  type HistoryColumn,
  type TargetColumn,
} from './indicator-schema';
import {
  cellIsoDate,
  checklistFromRow,
  findHeader,
  normaliseSatisfaction,
  tableRows,
  teachersFrom,
} from './indicator-ranges';
import { readRoadmapSheet } from './roadmap-sheet';
import { SheetCache } from './people-sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_COLOR = '#e8eaf6';

// ---------------------------------------------------------------------------------------------------------
// Small block helpers

/** Number format of a column type: dates as dates, numbers as numbers, everything else as plain text. */
function columnFormat(type: ColumnDef['type']): string {
  return type === 'date' ? 'dd.mm.yyyy' : type === 'number' ? '0.##' : '@';
}

function numberCell(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const t = cellText(v);
  return t === '' ? null : parseNumberText(t);
}

/**
 * A new managed sheet: formats per column, header and rows in one setValues, the header styled and frozen, column
 * widths. A fixed number of calls whatever the number of rows.
 */
function createSheet(ss: Spreadsheet, name: string, defs: readonly ColumnDef<string>[], rows: readonly (readonly unknown[])[]): Sheet {
  const sheet = ss.insertSheet(name);
  const width = defs.length;
  const height = rows.length + 1;
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (sheet.getMaxRows() < height + 1) sheet.insertRowsAfter(sheet.getMaxRows(), height + 1 - sheet.getMaxRows());
  // Formats over the whole column (rows people add later get them too), before the values they govern.
  const formats = defs.map((d) => columnFormat(d.type));
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, width).setNumberFormats(new Array(sheet.getMaxRows() - 1).fill(formats));
  sheet.getRange(1, 1, height, width).setValues([defs.map((d) => d.label), ...rows.map((r) => [...r])]);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_COLOR).setWrap(true).setVerticalAlignment('middle');
  sheet.setFrozenRows(1);
  for (let c = 0; c < width; c++) if (defs[c].width) sheet.setColumnWidth(c + 1, defs[c].width!);
  return sheet;
}

// ---------------------------------------------------------------------------------------------------------
// «Цели»

export interface TargetsRead {
  /** False when the sheet does not exist: the default targets of the seed programmes are used. */
  exists: boolean;
  table: TargetRow[];
  warnings: string[];
}

function parseBound(text: string): TargetBound | null {
  const t = text.toLowerCase().replace(/ё/g, 'е').trim();
  if (/^(не\s+менее|не\s+ниже|≥|>=|минимум|min)/.test(t)) return 'min';
  if (/^(не\s+более|не\s+выше|≤|<=|максимум|max)/.test(t)) return 'max';
  return null;
}

/** The target of one «Цели» row from its cells; null when it states no value. */
export function targetFromCells(cells: Partial<Record<TargetColumn, unknown>>, unit: IndicatorUnit): Target | null {
  const target: Target = { percent: null, count: null, countByKind: {}, of: null, bound: parseBound(cellText(cells.bound)), text: '' };
  const percentCell = cells.percent;
  if (typeof percentCell === 'number' && Number.isFinite(percentCell)) {
    // A percent-formatted cell holds a fraction: 0,8 is 80 %.
    target.percent = percentCell <= 1 ? Math.round(percentCell * 1e6) / 1e4 : percentCell;
  } else if (cellText(percentCell) !== '') {
    const p = parseTarget(cellText(percentCell).includes('%') ? cellText(percentCell) : `${cellText(percentCell)}%`, 'share');
    if (p) {
      target.percent = p.percent;
      target.bound ??= p.bound;
    }
  }
  const countCell = cells.count;
  if (typeof countCell === 'number' && Number.isFinite(countCell)) target.count = countCell;
  else if (cellText(countCell) !== '') {
    const c = parseTarget(cellText(countCell), 'count');
    if (c) {
      target.count = c.count;
      target.countByKind = c.countByKind;
      target.of ??= c.of;
      target.bound ??= c.bound;
    }
  }
  const split = cellText(cells.split);
  if (split !== '') {
    const s = parseTarget(split, 'count');
    if (s) target.countByKind = { ...target.countByKind, ...s.countByKind };
  }
  const of = numberCell(cells.of);
  if (of !== null) target.of = of;
  const kindSum = Object.values(target.countByKind).reduce<number>((a, n) => a + (n ?? 0), 0);
  if (target.count === null && Object.keys(target.countByKind).length > 0) target.count = kindSum;
  const text = cellText(cells.text);
  if (target.percent === null && target.count === null) {
    // Only the wording was pasted from the programme («не менее 80 %»): it is the target.
    const t = text !== '' ? parseTarget(text, unit) : null;
    if (!t) return null;
    return { ...t, bound: target.bound ?? t.bound };
  }
  if (target.percent === null && unit === 'share' && target.count !== null && target.of !== null && target.of > 0) {
    target.percent = Math.round((target.count / target.of) * 1e6) / 1e4;
  }
  target.text = text;
  return target;
}

/**
 * The targets table from «Цели»: a later row for the same indicator, year and scope wins (a coordinator overrides
 * a line by adding one below). Rows that name no known indicator, year, scope or value are reported by their row
 * number and skipped. Without the sheet, the seed programmes' targets (DEFAULT_TARGETS).
 */
export function readTargets(ss: Spreadsheet, organisations: readonly Pick<Organisation, 'id' | 'name'>[] = [], cache = new SheetCache(ss)): TargetsRead {
  const cached = cache.get(INDICATOR_SHEETS.targets);
  if (!cached) return { exists: false, table: [...DEFAULT_TARGETS], warnings: [] };
  const values = cached.values;
  const { index, missing } = locateColumns(values[0] ?? [], TARGET_COLUMNS);
  const warnings: string[] = [];
  const where = (r: number) => `Лист «${INDICATOR_SHEETS.targets}», строка ${r + 1}`;
  if (missing.includes('indicator') || missing.includes('year')) {
    warnings.push(`Лист «${INDICATOR_SHEETS.targets}»: нет столбцов «Показатель» и «Год» в первой строке — цели не прочитаны`);
    return { exists: true, table: [], warnings };
  }
  const byKey = new Map<string, TargetRow>();
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const cells: Partial<Record<TargetColumn, unknown>> = {};
    for (const [k, c] of index) cells[k] = row[c];
    if (Object.values(cells).every((v) => cellText(v) === '')) continue;
    const id = parseIndicatorId(cellText(cells.indicator));
    if (!id) {
      warnings.push(`${where(r)}: показатель «${cellText(cells.indicator)}» не найден`);
      continue;
    }
    const yearCell = cells.year;
    const yearMatch = /(?<!\d)((?:19|20|21)\d\d)(?!\d)/.exec(cellText(yearCell));
    const year = typeof yearCell === 'number' && Number.isInteger(yearCell) ? yearCell : yearMatch ? Number(yearMatch[1]) : null;
    if (year === null || year < 1900 || year > 2200) {
      warnings.push(`${where(r)}: год «${cellText(yearCell)}» не распознан`);
      continue;
    }
    const scope = parseTargetScope(cellText(cells.scope), organisations);
    if (!scope) {
      warnings.push(`${where(r)}: «${cellText(cells.scope)}» — нет такой организации или вида ОО`);
      continue;
    }
    const target = targetFromCells(cells, indicatorById(id).unit);
    if (!target) {
      warnings.push(`${where(r)}: не указано значение цели (в %, количеством или формулировкой)`);
      continue;
    }
    byKey.set(`${id}\u0000${year}\u0000${scope}`, { indicatorId: id, year, scope, target });
  }
  return { exists: true, table: [...byKey.values()], warnings };
}

/** «9 ДОУ, 7 МОУ»: the words parseTarget reads back (organisations of the «other» kind have no such word). */
const KIND_WORDS: Partial<Record<OrganisationKind, string>> = { kindergarten: 'ДОУ', school: 'МОУ', additional: 'УДО', college: 'ПОО' };

export function splitText(countByKind: Target['countByKind']): string {
  return (Object.entries(countByKind) as [OrganisationKind, number][])
    .filter(([k]) => KIND_WORDS[k])
    .map(([k, n]) => `${n} ${KIND_WORDS[k]}`)
    .join(', ');
}

function scopeCellText(scope: Scope, organisations: readonly Pick<Organisation, 'id' | 'name'>[]): string {
  return scope === 'total' ? 'Итого' : scopeLabel(scope, organisations);
}

/** Rows of «Цели» for a targets table (the defaults when creating the sheet). */
export function targetRowsGrid(table: readonly TargetRow[], organisations: readonly Pick<Organisation, 'id' | 'name'>[] = []): unknown[][] {
  return table.map((r) => {
    const t = r.target;
    return [
      indicatorById(r.indicatorId).name,
      r.year,
      scopeCellText(r.scope, organisations),
      t.bound ? TARGET_BOUND_LABELS[t.bound] : '',
      t.percent ?? '',
      t.count ?? '',
      splitText(t.countByKind),
      t.of ?? '',
      t.text,
    ];
  });
}

function targetValidations(sheet: Sheet): void {
  const rows = sheet.getMaxRows() - 1;
  const col = (k: TargetColumn) => TARGET_COLUMNS.findIndex((d) => d.key === k) + 1;
  const rule = () => SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  sheet.getRange(2, col('indicator'), rows, 1).setDataValidation(
    rule().requireValueInList(INDICATORS.map((i) => i.name), true).setHelpText('Показатель из перечня (или его код, например young-specialists-in-mentoring)').build(),
  );
  sheet.getRange(2, col('year'), rows, 1).setDataValidation(rule().requireNumberBetween(2000, 2100).setHelpText('Год, на который поставлена цель: 2024').build());
  sheet.getRange(2, col('scope'), rows, 1).setDataValidation(
    rule().requireValueInList(['Итого', ...Object.values(ORGANISATION_KIND_LABELS)], true)
      .setHelpText('«Итого» (муниципалитет), вид ОО или код/наименование организации').build(),
  );
  sheet.getRange(2, col('bound'), rows, 1).setDataValidation(
    rule().requireValueInList(Object.values(TARGET_BOUND_LABELS), true).setHelpText('Пусто — как принято для показателя (для доли — не менее)').build(),
  );
  sheet.getRange(2, col('percent'), rows, 1).setDataValidation(rule().requireNumberBetween(0, 100).setHelpText('Цель в процентах: 80').build());
  sheet.getRange(2, col('count'), rows, 1).setDataValidation(
    rule().requireNumberGreaterThanOrEqualTo(0).setHelpText('Цель числом (организаций, пар, наставляемых)').build(),
  );
  sheet.getRange(2, col('of'), rows, 1).setDataValidation(rule().requireNumberGreaterThanOrEqualTo(0).setHelpText('Из скольких всего (например, 40 ОО)').build());
}

/** Creates «Цели» with the seed programmes' targets; a sheet that exists is left as the coordinator keeps it. */
export function setupTargetsSheet(ss: Spreadsheet, cache: SheetCache): { created: boolean; rows: number } {
  if (cache.get(INDICATOR_SHEETS.targets)) return { created: false, rows: 0 };
  const rows = targetRowsGrid(DEFAULT_TARGETS);
  const sheet = createSheet(ss, INDICATOR_SHEETS.targets, TARGET_COLUMNS, rows);
  targetValidations(sheet);
  cache.forget(INDICATOR_SHEETS.targets);
  return { created: true, rows: rows.length };
}

// ---------------------------------------------------------------------------------------------------------
// «Чек-лист внедрения»

export interface ChecklistsRead {
  exists: boolean;
  checklists: OrganisationChecklist[];
  /** Organisation ids that have a row (filled or not). */
  listed: Set<string>;
  warnings: string[];
}

/**
 * Checklists from «Чек-лист внедрения»: the organisation by code or name, each item as the curator marked it
 * (a link, a HYPERLINK formula, «да», a date…; see checklistEntry). One getValues and one getFormulas.
 */
export function readChecklists(
  ss: Spreadsheet,
  organisations: readonly Pick<Organisation, 'id' | 'name'>[],
  cache = new SheetCache(ss),
): ChecklistsRead {
  const cached = cache.get(INDICATOR_SHEETS.checklist);
  if (!cached) return { exists: false, checklists: [], listed: new Set(), warnings: [] };
  const values = cached.values;
  const formulas = cached.sheet.getRange(1, 1, Math.max(values.length, 1), Math.max(values[0]?.length ?? 1, 1)).getFormulas();
  const { index } = locateColumns(values[0] ?? [], CHECKLIST_COLUMNS);
  const byId = new Map(organisations.map((o) => [o.id, o.id]));
  const byName = new Map(organisations.map((o) => [o.name.trim().toLowerCase(), o.id]));
  const warnings: string[] = [];
  const checklists: OrganisationChecklist[] = [];
  const listed = new Set<string>();
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const code = index.has('organisation') ? cellText(row[index.get('organisation')!]) : '';
    const name = index.has('name') ? cellText(row[index.get('name')!]) : '';
    if (code === '' && name === '') {
      if (row.some((c) => cellText(c) !== '')) warnings.push(`Лист «${INDICATOR_SHEETS.checklist}», строка ${r + 1}: не указана организация — строка не учтена`);
      continue;
    }
    const id = byId.get(code) ?? byName.get(name.toLowerCase()) ?? byName.get(code.toLowerCase()) ?? (code || name);
    listed.add(id);
    const checklist = checklistFromRow(id, row, index, formulas[r]);
    if (checklist) checklists.push(checklist);
  }
  return { exists: true, checklists, listed, warnings };
}

function checklistRules(sheet: Sheet, lastRow: number): void {
  const rows = Math.max(lastRow - 1, 1);
  const columnOf = (k: string) => CHECKLIST_COLUMNS.findIndex((d) => d.key === k);
  const docs = CHECKLIST_ITEMS.filter((i) => i.kind === 'document').map((i) => columnOf(i.id));
  const first = Math.min(...docs);
  const width = Math.max(...docs) - first + 1;
  const docRange = sheet.getRange(2, first + 1, rows, width);
  const a = `${columnLetter(first)}2`;
  const count = columnOf('pair-count');
  const countRange = sheet.getRange(2, count + 1, rows, 1);
  const c = `${columnLetter(count)}2`;
  const rule = () => SpreadsheetApp.newConditionalFormatRule();
  sheet.setConditionalFormatRules([
    // First match wins: a link is evidence, a «нет» or a blank is a gap, anything else is marked without evidence.
    rule().whenFormulaSatisfied(`=REGEXMATCH(TO_TEXT(${a}),"(https?://|www\\.)")`).setBackground('#d9ead3').setRanges([docRange]).build(),
    rule().whenFormulaSatisfied(`=OR(${a}="",REGEXMATCH(LOWER(TO_TEXT(${a})),"^(нет|-|в работе|в процессе|планир)"))`)
      .setBackground('#f4cccc').setRanges([docRange]).build(),
    rule().whenFormulaSatisfied(`=${a}<>""`).setBackground('#fff2cc').setRanges([docRange]).build(),
    rule().whenFormulaSatisfied(`=AND(ISNUMBER(${c}),${c}>=1)`).setBackground('#d9ead3').setRanges([countRange]).build(),
    rule().whenFormulaSatisfied(`=OR(${c}="",${c}=0)`).setBackground('#f4cccc').setRanges([countRange]).build(),
  ]);
}

function checklistValidations(sheet: Sheet): void {
  const rows = sheet.getMaxRows() - 1;
  const columnOf = (k: string) => CHECKLIST_COLUMNS.findIndex((d) => d.key === k);
  const docs = CHECKLIST_ITEMS.filter((i) => i.kind === 'document').map((i) => columnOf(i.id));
  const first = Math.min(...docs);
  sheet.getRange(2, first + 1, rows, Math.max(...docs) - first + 1).setDataValidation(
    SpreadsheetApp.newDataValidation().requireTextIsUrl().setAllowInvalid(true)
      .setHelpText('Ссылка на документ (на сайте ОО или в облаке). «да» без ссылки учитывается, но отмечается в замечаниях; «нет» или пусто — пункта нет.')
      .build(),
  );
  sheet.getRange(2, columnOf('pair-count') + 1, rows, 1).setDataValidation(
    SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(true)
      .setHelpText('Число наставнических пар и групп, закреплённых приказами ОО').build(),
  );
}

/**
 * Creates «Чек-лист внедрения» with one row per organisation; on a sheet that exists, organisations without a row
 * are appended below (one block) and the marks already there stay as they are.
 */
export function setupChecklistSheet(
  ss: Spreadsheet,
  organisations: readonly Pick<Organisation, 'id' | 'name'>[],
  cache: SheetCache,
): { created: boolean; added: number } {
  const blank = () => new Array(CHECKLIST_COLUMNS.length - 2).fill('');
  const cached = cache.get(INDICATOR_SHEETS.checklist);
  if (!cached) {
    const rows = organisations.map((o) => [o.id, o.name, ...blank()]);
    const sheet = createSheet(ss, INDICATOR_SHEETS.checklist, CHECKLIST_COLUMNS, rows);
    sheet.setFrozenColumns(2);
    checklistValidations(sheet);
    checklistRules(sheet, sheet.getMaxRows());
    cache.forget(INDICATOR_SHEETS.checklist);
    return { created: true, added: rows.length };
  }
  const read = readChecklists(ss, organisations, cache);
  const missing = organisations.filter((o) => !read.listed.has(o.id));
  if (missing.length) {
    const sheet = cached.sheet;
    const header = (cached.values[0] ?? []).map(cellText);
    const { index } = locateColumns(header, CHECKLIST_COLUMNS);
    const width = Math.max(header.length, 2);
    let last = 0;
    cached.values.forEach((r, i) => { if (r.some((c) => cellText(c) !== '')) last = i; });
    const start = last + 2;
    const block = missing.map((o) => {
      const row = new Array(width).fill('');
      row[index.get('organisation') ?? 0] = o.id;
      row[index.get('name') ?? 1] = o.name;
      return row;
    });
    const needed = start + block.length - 1;
    if (sheet.getMaxRows() < needed) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
    sheet.getRange(start, 1, block.length, width).setValues(block);
    cache.forget(INDICATOR_SHEETS.checklist);
  }
  return { created: false, added: missing.length };
}

// ---------------------------------------------------------------------------------------------------------
// «История показателей»

export interface HistoryRead {
  exists: boolean;
  sheet: Sheet | null;
  rows: HistoryRow[];
  /** Rows that could not be read: kept on the sheet as they are. */
  unreadable: unknown[][];
  /** 0-based index of the last row with text (0 = only the header). */
  lastRow: number;
  index: Map<HistoryColumn, number>;
  header: string[];
  warnings: string[];
}

export function readHistory(ss: Spreadsheet, organisations: readonly Pick<Organisation, 'id' | 'name'>[] = [], cache = new SheetCache(ss)): HistoryRead {
  const cached = cache.get(INDICATOR_SHEETS.history);
  if (!cached) return { exists: false, sheet: null, rows: [], unreadable: [], lastRow: 0, index: new Map(), header: [], warnings: [] };
  const values = cached.values;
  const header = (values[0] ?? []).map(cellText);
  const { index } = locateColumns(header, HISTORY_COLUMNS);
  const rows: HistoryRow[] = [];
  const unreadable: unknown[][] = [];
  const warnings: string[] = [];
  let lastRow = 0;
  const at = (row: readonly unknown[], k: HistoryColumn) => (index.has(k) ? row[index.get(k)!] : '');
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    if (!row.some((c) => cellText(c) !== '')) continue;
    lastRow = r;
    const date = cellIsoDate(at(row, 'date'));
    const indicatorText = cellText(at(row, 'indicatorId'));
    const scopeText = cellText(at(row, 'scope'));
    const scope = parseScope(scopeText) ?? parseTargetScope(scopeText, organisations);
    const numerator = numberCell(at(row, 'numerator'));
    const denominator = numberCell(at(row, 'denominator'));
    if (!date || indicatorText === '' || !scope || numerator === null || denominator === null) {
      unreadable.push(row);
      warnings.push(`Лист «${INDICATOR_SHEETS.history}», строка ${r + 1}: не прочитана (нужны дата, показатель, срез, числитель и знаменатель) — оставлена как есть`);
      continue;
    }
    rows.push({ date, indicatorId: parseIndicatorId(indicatorText) ?? indicatorText, scope, numerator, denominator, value: numberCell(at(row, 'value')) });
  }
  return { exists: true, sheet: cached.sheet, rows, unreadable, lastRow, index, header, warnings };
}

function valueFormat(indicatorId: string): string {
  const unit = indicatorById(indicatorId)?.unit;
  return unit === 'share' ? '0.0%' : unit === 'ratio' ? '0.00' : '0.##';
}

/**
 * Writes the history after a snapshot was merged into it (mergeSnapshot: one snapshot per date). When every new
 * date is later than the history's, only the new rows are written below; otherwise the rows are rewritten in date
 * order (unreadable rows kept after them). Either way one setValues and one setNumberFormats.
 */
export function writeHistory(
  ss: Spreadsheet,
  merged: readonly HistoryRow[],
  previous: HistoryRead,
  organisations: readonly Pick<Organisation, 'id' | 'name'>[] = [],
): { sheet: Sheet; written: number; mode: 'created' | 'appended' | 'rewritten' } {
  const line = (r: HistoryRow, width: number, index: ReadonlyMap<HistoryColumn, number>): unknown[] => {
    const out = new Array(width).fill('');
    const put = (k: HistoryColumn, v: unknown) => { if (index.has(k)) out[index.get(k)!] = v; };
    put('date', isoToDate(r.date));
    put('indicatorId', r.indicatorId);
    put('scope', r.scope);
    put('numerator', r.numerator);
    put('denominator', r.denominator);
    put('value', r.value ?? '');
    put('indicatorName', indicatorById(r.indicatorId)?.name ?? r.indicatorId);
    put('scopeName', scopeLabel(r.scope, organisations));
    return out;
  };
  const formatsOf = (r: HistoryRow | null, width: number, index: ReadonlyMap<HistoryColumn, number>): string[] => {
    const out = new Array(width).fill('@');
    for (const d of HISTORY_COLUMNS) if (index.has(d.key)) out[index.get(d.key)!] = columnFormat(d.type);
    if (r && index.has('value')) out[index.get('value')!] = valueFormat(r.indicatorId);
    return out;
  };

  if (!previous.exists || !previous.sheet) {
    const index = new Map(HISTORY_COLUMNS.map((d, i) => [d.key, i] as [HistoryColumn, number]));
    const width = HISTORY_COLUMNS.length;
    const sheet = createSheet(ss, INDICATOR_SHEETS.history, HISTORY_COLUMNS, []);
    writeBlock(sheet, 2, merged.map((r) => line(r, width, index)), merged.map((r) => formatsOf(r, width, index)));
    return { sheet, written: merged.length, mode: 'created' };
  }

  const sheet = previous.sheet;
  const index = new Map(previous.index);
  const header = [...previous.header];
  for (const d of HISTORY_COLUMNS) {
    if (!index.has(d.key)) {
      index.set(d.key, header.length);
      header.push(d.label);
    }
  }
  const width = header.length;
  // mergeSnapshot keeps the rows it does not replace as they were: the history is untouched when its rows open
  // the merged list unchanged, and only what follows them is new.
  const kept = previous.rows.length <= merged.length && previous.rows.every((r, i) => merged[i] === r);
  const appended = merged.slice(previous.rows.length);
  const appendOnly = kept && previous.unreadable.length === 0 && header.length === previous.header.length;
  if (appendOnly) {
    writeBlock(sheet, previous.lastRow + 2, appended.map((r) => line(r, width, index)), appended.map((r) => formatsOf(r, width, index)));
    return { sheet, written: appended.length, mode: 'appended' };
  }
  const body = [...merged.map((r) => line(r, width, index)), ...previous.unreadable.map((r) => [...r, ...new Array(Math.max(0, width - r.length)).fill('')].slice(0, width))];
  const formats = [...merged.map((r) => formatsOf(r, width, index)), ...previous.unreadable.map(() => formatsOf(null, width, index))];
  // Blank out rows the old history occupied below the new one in the same write.
  while (body.length < previous.lastRow) {
    body.push(new Array(width).fill(''));
    formats.push(formatsOf(null, width, index));
  }
  writeBlock(sheet, 1, [header, ...body], [new Array(width).fill('@'), ...formats]);
  return { sheet, written: merged.length, mode: 'rewritten' };
}

function writeBlock(sheet: Sheet, firstRow: number, rows: unknown[][], formats: string[][]): void {
  if (rows.length === 0) return;
  const width = rows[0].length;
  const lastRow = firstRow + rows.length - 1;
  if (sheet.getMaxRows() < lastRow) sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const range = sheet.getRange(firstRow, 1, rows.length, width);
  range.setNumberFormats(formats);
  range.setValues(rows);
}

// ---------------------------------------------------------------------------------------------------------
// Everything for the catalogue

export interface IndicatorLoad {
  asOf: IsoDate;
  data: IndicatorData;
  /** The organisations of the list, each once, in sheet order. */
  organisations: Organisation[];
  people: PeopleData;
  targets: TargetsRead;
  checklists: ChecklistsRead;
  /** What could not be read or is missing, in Russian, for the dashboard's notes. */
  warnings: string[];
  cache: SheetCache;
}

/** Ids a person or an organisation is counted by; a record without a code still counts, by its row. */
function idOr(id: string, sheet: string, row: number): string {
  return id || `${sheet}, строка ${row + 1}`;
}

/** The organisations of the list, each id once (the first row of an id typed twice), in sheet order. */
export function organisationsOf(people: PeopleData): Organisation[] {
  const organisations: Organisation[] = [];
  const ids = new Set<string>();
  for (const e of people.organisations) {
    const id = idOr(e.item.id, people.tables.organisation.sheetName, e.row.row);
    if (ids.has(id)) continue;
    ids.add(id);
    organisations.push({ ...e.item, id });
  }
  return organisations;
}

/**
 * Everything the indicator catalogue counts, read from the workbook once: organisations, people and pairs (with
 * the optional indicator columns of those sheets), checklists, the roadmap tracker and the staff list. `today`
 * dates a pair status changed by hand on the sheet that its history does not record yet.
 */
export function loadIndicatorData(ss: Spreadsheet, asOf: IsoDate, cache = new SheetCache(ss), today: IsoDate = asOf): IndicatorLoad {
  const people = loadPeopleData(ss, asOf, cache);
  const warnings: string[] = [];

  const organisations = organisationsOf(people);

  // The optional indicator columns (moves, deficits closed, left, a pair's organisation and scale) are parsed
  // with the records by people-records.ts; here only ids are filled in for rows typed without one.
  const mentorTable = people.tables.mentor;
  const mentors: Mentor[] = people.mentors.map((e) => ({ ...e.item, id: idOr(e.item.id, mentorTable.sheetName, e.row.row) }));
  const menteeTable = people.tables.mentee;
  const mentees: Mentee[] = people.mentees.map((e) => ({ ...e.item, id: idOr(e.item.id, menteeTable.sheetName, e.row.row) }));
  const pairs: Pair[] = people.pairs.map((p) => {
    let pair = p.read.pair;
    // The curator changed the status on the sheet and «Проверить базы» has not recorded it yet: it counts from today.
    if (pair.history.length > 0) {
      const change = manualStatusChange(p.read, today);
      if (change) pair = { ...pair, history: [...pair.history, change] };
    }
    return normaliseSatisfaction(pair);
  });

  const checklists = readChecklists(ss, organisations, cache);
  const targets = readTargets(ss, organisations, cache);
  const roadmapRead = readRoadmapSheet(ss);

  const staffValues = cache.get(INDICATOR_SHEETS.staff)?.values;
  const staffTable = staffValues ? findHeader(staffValues, STAFF_COLUMNS) : null;
  const teachers = staffTable && staffTable.index.has('organisation')
    ? teachersFrom(tableRows(staffTable), { mentors, mentees, organisations: people.orgLookup })
    : undefined;

  const problems = dataProblems(people);
  if (problems.length) {
    warnings.push(`В базах наставников, наставляемых и пар не прочитано ячеек и строк: ${problems.length} (оставлены как есть; подробности — «Проверить базы»). ` +
      problems.slice(0, 3).map((p) => p.message).join('; '));
  }
  if (!targets.exists) warnings.push(`Листа «${INDICATOR_SHEETS.targets}» нет: цели взяты из программ-образцов. Создайте лист: «Создать листы целей и чек-листа».`);
  if (!checklists.exists) warnings.push(`Листа «${INDICATOR_SHEETS.checklist}» нет: ни одна ОО не считается внедрившей модель.`);
  warnings.push(...targets.warnings, ...checklists.warnings, ...roadmapRead.problems);

  const data: IndicatorData = {
    organisations,
    mentors,
    mentees,
    pairs,
    checklist: checklists.checklists,
    roadmap: roadmapRead.table ? roadmapRead.records : undefined,
    teachers,
  };
  return { asOf, data, organisations, people, targets, checklists, warnings, cache };
}
