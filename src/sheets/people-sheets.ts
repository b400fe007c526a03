// Repositories of the mentoring bases. Every sheet an action needs is read once (one getValues per sheet); a
// role's people come either from the add-on's own sheet («Наставники») or from a coordinator's existing list
// connected once with a column mapping, and are returned as text records exactly as typed. Writes go back in
// one block per sheet or one range per column the add-on owns, so the service calls of an action never grow
// with the number of people.
import { DICTIONARY_KEYS, defaultDictionaries, dictionariesFromColumns, DICTIONARY_TITLES, dictionaryGrid, type Dictionaries, type DictionaryKey } from '../domain/dictionaries';
import { applyMapping } from '../domain/people-mapping';
import {
  AUXILIARY_FIELDS,
  FIELD_TYPES,
  MENTEE_FIELDS,
  MENTOR_FIELDS,
  ORGANISATION_FIELDS,
  PAIR_FIELDS,
  type FieldProblem,
  type PairField,
  type PeopleRole,
  type TextRecord,
} from '../domain/people-records';
import { cellText, isoToDate, toCell } from './cells';
import { columnLetter, locateColumns, normaliseHeader, type ColumnDef } from './columns';
import { formulasByRow, metadataColumns, writeTable, type RowFormulas, type TableRead } from './managed-table';
import {
  AUXILIARY_COLUMNS,
  HEALTH_COLUMNS,
  ID_COUNTERS_PROPERTY,
  INDICATOR_FIELDS,
  PAIR_COLUMNS,
  PEOPLE_SHEETS,
  ROLE_NAMES,
  ROLE_SHEETS,
  roleColumns,
  settingLabelKey,
  settingsFromRows,
  settingsGrid,
  SOURCES_PROPERTY,
  type HealthColumn,
  type PairingSettings,
} from './people-schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

// ---------------------------------------------------------------------------------------------------------
// Reading each sheet once, and patching the columns the add-on owns

interface PendingColumn {
  headerRow: number;
  firstRow: number;
  lastRow: number;
  type: 'text' | 'date' | 'number';
}

export interface CachedSheet {
  sheet: Sheet;
  /** All values as read, then as patched. */
  values: unknown[][];
  pending: Map<number, PendingColumn>;
}

/** The sheets an action touches, each read with one getValues; patches are written by flush(). */
export class SheetCache {
  private readonly sheets = new Map<string, CachedSheet | null>();

  constructor(readonly ss: Spreadsheet) {}

  get(name: string): CachedSheet | null {
    if (!this.sheets.has(name)) {
      const sheet = this.ss.getSheetByName(name);
      this.sheets.set(name, sheet ? { sheet, values: sheet.getDataRange().getValues(), pending: new Map() } : null);
    }
    return this.sheets.get(name) ?? null;
  }

  /** Forget a sheet rewritten as a whole (its next read sees the new values). */
  forget(name: string): void {
    this.sheets.delete(name);
  }

  /** The column with this header in the header row, appended (header written) when the sheet has none. */
  ensureColumn(name: string, headerRow: number, label: string, type: PendingColumn['type'] = 'text'): number {
    const c = this.get(name);
    if (!c) throw new Error(`sheet ${name} is missing`);
    while (c.values.length <= headerRow) c.values.push([]);
    const header = c.values[headerRow];
    const want = normaliseHeader(label);
    const found = header.findIndex((h) => normaliseHeader(h) === want);
    if (found >= 0) return found;
    const width = Math.max(...c.values.map((r) => r.length), 0);
    for (const r of c.values) while (r.length < width + 1) r.push('');
    header[width] = label;
    this.mark(c, width, headerRow, headerRow, type);
    return width;
  }

  /** Set a cell (0-based row and column) to a text value; dates given as ISO become date cells. */
  setCell(name: string, headerRow: number, row: number, col: number, text: string, type: PendingColumn['type'] = 'text'): void {
    const c = this.get(name);
    if (!c) throw new Error(`sheet ${name} is missing`);
    while (c.values.length <= row) c.values.push([]);
    const r = c.values[row];
    while (r.length <= col) r.push('');
    const value = type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text) ? isoToDate(text) : type === 'number' && text !== '' && !isNaN(Number(text)) ? Number(text) : text;
    if (sameCell(r[col], value)) return;
    r[col] = value;
    this.mark(c, col, headerRow, row, type);
  }

  private mark(c: CachedSheet, col: number, headerRow: number, row: number, type: PendingColumn['type']): void {
    const p = c.pending.get(col);
    if (p) {
      p.firstRow = Math.min(p.firstRow, row);
      p.lastRow = Math.max(p.lastRow, row);
    } else c.pending.set(col, { headerRow, firstRow: row, lastRow: row, type });
  }

  /** Write every patched column: one range per column, from its first to its last changed row. */
  flush(): number {
    let written = 0;
    for (const c of this.sheets.values()) {
      if (!c || c.pending.size === 0) continue;
      const maxCol = Math.max(...c.pending.keys()) + 1;
      const maxColumns = c.sheet.getMaxColumns();
      if (maxColumns < maxCol) c.sheet.insertColumnsAfter(maxColumns, maxCol - maxColumns);
      for (const [col, p] of c.pending) {
        const n = p.lastRow - p.firstRow + 1;
        const range = c.sheet.getRange(p.firstRow + 1, col + 1, n, 1);
        // Ids like «1.2» must stay text, dates must show as dates: set the format before the values.
        if (p.type !== 'number') {
          const dataFrom = Math.max(p.firstRow, p.headerRow + 1);
          if (dataFrom <= p.lastRow) c.sheet.getRange(dataFrom + 1, col + 1, p.lastRow - dataFrom + 1, 1).setNumberFormat(p.type === 'date' ? 'dd.mm.yyyy' : '@');
        }
        range.setValues(c.values.slice(p.firstRow, p.lastRow + 1).map((r) => [r[col] ?? '']));
        written++;
      }
      c.pending.clear();
    }
    return written;
  }
}

function sameCell(a: unknown, b: unknown): boolean {
  const da = Object.prototype.toString.call(a) === '[object Date]';
  const db = Object.prototype.toString.call(b) === '[object Date]';
  if (da || db) return da && db && (a as Date).getTime() === (b as Date).getTime();
  return a === b || (a === '' && b === undefined) || (a === undefined && b === '');
}

/**
 * Columns of a sheet the add-on laid out: by header text first (no service call), and by developer metadata
 * only when a column the coordinator types in is not found by its header (it was renamed).
 */
function locateOwnColumns<K extends string>(sheet: Sheet, header: readonly unknown[], defs: readonly ColumnDef<K>[]): { index: Map<K, number>; missing: K[] } {
  const byText = locateColumns(header, defs);
  const needed = byText.missing.filter((k) => !defs.find((d) => d.key === k)?.computed);
  if (needed.length === 0) return byText;
  return locateColumns(header, defs, metadataColumns(sheet));
}

// ---------------------------------------------------------------------------------------------------------
// Where each role is read from

export interface SourceColumn {
  header: string;
  index: number;
}

export interface SourceMapping {
  sheetName: string;
  /** 0-based header row. */
  headerRow: number;
  columns: Record<string, SourceColumn>;
  connectedAt: string;
}

export type SourceMappings = Partial<Record<PeopleRole, SourceMapping>>;

export function loadSources(): SourceMappings {
  const raw = PropertiesService.getDocumentProperties().getProperty(SOURCES_PROPERTY);
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as SourceMappings;
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

export function saveSources(sources: SourceMappings): void {
  PropertiesService.getDocumentProperties().setProperty(SOURCES_PROPERTY, JSON.stringify(sources));
}

export function loadIdCounters(): Record<string, number> {
  const raw = PropertiesService.getDocumentProperties().getProperty(ID_COUNTERS_PROPERTY);
  try {
    const parsed = raw ? (JSON.parse(raw) as Record<string, number>) : {};
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

export function saveIdCounters(counters: Record<string, number>): void {
  PropertiesService.getDocumentProperties().setProperty(ID_COUNTERS_PROPERTY, JSON.stringify(counters));
}

// ---------------------------------------------------------------------------------------------------------
// People

export function roleFields(role: PeopleRole): readonly string[] {
  return role === 'organisation' ? ORGANISATION_FIELDS : role === 'mentor' ? MENTOR_FIELDS : MENTEE_FIELDS;
}

export interface PeopleRow {
  /** 0-based row in the sheet's values. */
  row: number;
  record: TextRecord;
  problems: FieldProblem[];
}

export interface PeopleTable {
  role: PeopleRole;
  mode: 'schema' | 'mapped';
  sheetName: string;
  /** Null when the sheet does not exist (yet). */
  sheet: Sheet | null;
  /** 0-based. */
  headerRow: number;
  header: string[];
  /** Field → 0-based column, for the fields the sheet has. */
  index: Map<string, number>;
  rows: PeopleRow[];
  /** Rows with text that are not a record (no name): reported, kept on the sheet. */
  unreadable: { row: number; text: string; reason: string }[];
  /** Rows of the other role in a shared list. */
  otherRole: number;
  /** Sheet-level problems (a connected sheet or column that is gone). */
  problems: string[];
}

function emptyTable(role: PeopleRole, mode: PeopleTable['mode'], sheetName: string, problems: string[] = []): PeopleTable {
  return { role, mode, sheetName, sheet: null, headerRow: 0, header: [], index: new Map(), rows: [], unreadable: [], otherRole: 0, problems };
}

/** Where a mapped column is now: its header text in the header row, else the stored position if still unnamed. */
function relocate(header: readonly string[], col: SourceColumn): number | null {
  const want = normaliseHeader(col.header);
  if (want !== '') {
    const at = header.findIndex((h) => normaliseHeader(h) === want);
    return at >= 0 ? at : null;
  }
  return col.index < header.length && normaliseHeader(header[col.index]) === '' ? col.index : null;
}

export function readPeople(cache: SheetCache, role: PeopleRole, source: SourceMapping | undefined): PeopleTable {
  const mode: PeopleTable['mode'] = source ? 'mapped' : 'schema';
  const sheetName = source ? source.sheetName : ROLE_SHEETS[role];
  const cached = cache.get(sheetName);
  if (!cached) {
    const problems = source ? [`Лист «${sheetName}», подключённый как список (${ROLE_NAMES[role].plural}), не найден: подключите лист заново`] : [];
    return emptyTable(role, mode, sheetName, problems);
  }
  const headerRow = source ? source.headerRow : 0;
  const text = cached.values.map((r) => r.map(cellText));
  const header = text[headerRow] ?? [];
  const fields = roleFields(role);
  const defs = roleColumns(role);
  const problems: string[] = [];
  let index: Map<string, number>;
  if (source) {
    index = new Map();
    const labels = new Map([...defs, ...AUXILIARY_COLUMNS].map((d) => [d.key as string, d.label]));
    for (const [key, col] of Object.entries(source.columns)) {
      const at = relocate(header, col);
      if (at === null) problems.push(`На листе «${sheetName}» нет столбца «${col.header || labels.get(key)}» (${labels.get(key) ?? key}): подключите лист заново`);
      else index.set(key, at);
    }
    // The columns the add-on added itself carry its own labels.
    for (const d of defs) {
      if (index.has(d.key)) continue;
      const at = header.findIndex((h, i) => normaliseHeader(h) === normaliseHeader(d.label) && ![...index.values()].includes(i));
      if (at >= 0) index.set(d.key, at);
    }
    // Indicator columns of a list connected before they existed: by synonym too, among the columns still free.
    const optional = defs.filter((d) => INDICATOR_FIELDS.has(d.key) && !index.has(d.key));
    if (optional.length) {
      const used = new Set(index.values());
      const free = header.map((h, i) => (used.has(i) ? '' : h));
      for (const [key, at] of locateColumns(free, optional).index) index.set(key, at);
    }
  } else {
    index = locateOwnColumns(cached.sheet, header, defs).index as Map<string, number>;
  }
  const applied = applyMapping(text, { headerRow, columns: Object.fromEntries(index) }, [...fields, ...AUXILIARY_FIELDS], {
    role: source && role !== 'organisation' ? role : undefined,
    nameField: role === 'organisation' ? 'name' : 'fullName',
  });
  return {
    role,
    mode,
    sheetName,
    sheet: cached.sheet,
    headerRow,
    header,
    index,
    rows: applied.records.map((r) => ({ row: r.row, record: r.record as TextRecord, problems: r.problems })),
    unreadable: applied.unreadable,
    otherRole: applied.otherRole.length,
    problems,
  };
}

/** Labels of a role's fields, for messages. */
export function fieldLabel(role: PeopleRole | 'pair', field: string): string {
  const defs: readonly ColumnDef<string>[] = role === 'pair' ? PAIR_COLUMNS : [...roleColumns(role), ...AUXILIARY_COLUMNS];
  return defs.find((d) => d.key === field)?.label ?? field;
}

function fieldType(field: string): 'text' | 'date' | 'number' {
  const t = FIELD_TYPES[field];
  return t === 'date' ? 'date' : t === 'number' ? 'number' : 'text';
}

/**
 * Write changed fields of records back to their rows: one range per column. Columns the sheet lacks (a computed
 * column on a connected list) are appended with the add-on's label. Nothing is written until cache.flush().
 */
export function patchPeople(cache: SheetCache, table: PeopleTable, updates: ReadonlyMap<number, Partial<TextRecord>>): void {
  if (!table.sheet || updates.size === 0) return;
  const columns = new Map<string, number>();
  const column = (field: string): number => {
    let c = columns.get(field) ?? table.index.get(field);
    if (c === undefined) {
      c = cache.ensureColumn(table.sheetName, table.headerRow, fieldLabel(table.role, field), fieldType(field));
      table.index.set(field, c);
    }
    columns.set(field, c);
    return c;
  };
  for (const [row, fields] of updates) {
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      cache.setCell(table.sheetName, table.headerRow, row, column(field), value, fieldType(field));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Validations and formats over whole columns, so rows added later get them too

export interface ValidationSpec {
  /** A dictionary column, an organisation-name range, a fixed list, a date, or a number range. */
  kind: 'dictionary' | 'range' | 'list' | 'date' | 'number';
  dictionary?: DictionaryKey;
  list?: readonly string[];
  range?: () => Range | null;
  min?: number;
  max?: number;
  help: string;
}

function buildRule(spec: ValidationSpec, dictionaryRange: (k: DictionaryKey) => Range | null): DataValidation | null {
  // Invalid entries are flagged, not refused: what people typed (or pasted) is never lost, and the add-on's own
  // writes of such cells never fail.
  const b = SpreadsheetApp.newDataValidation().setAllowInvalid(true).setHelpText(spec.help);
  if (spec.kind === 'dictionary') {
    const range = dictionaryRange(spec.dictionary!);
    return range ? b.requireValueInRange(range, true).build() : null;
  }
  if (spec.kind === 'range') {
    const range = spec.range!();
    return range ? b.requireValueInRange(range, true).build() : null;
  }
  if (spec.kind === 'list') return b.requireValueInList([...(spec.list ?? [])], true).build();
  if (spec.kind === 'date') return b.requireDate().build();
  return b.requireNumberBetween(spec.min ?? 0, spec.max ?? 1000).build();
}

/** The range of one dictionary's entries on «Справочники» (rows 2 to the end of the sheet). */
export function dictionaryRanges(cache: SheetCache): (k: DictionaryKey) => Range | null {
  return (k) => {
    const cached = cache.get(PEOPLE_SHEETS.dictionaries);
    if (!cached) return null;
    const header = (cached.values[0] ?? []).map(cellText);
    const at = header.findIndex((h) => normaliseHeader(h) === normaliseHeader(DICTIONARY_TITLES[k]));
    if (at < 0) return null;
    const letter = columnLetter(at);
    return cached.sheet.getRange(`${letter}2:${letter}`);
  };
}

/** Number formats and validations on every row below the header of the given columns. */
export function formatColumns(
  sheet: Sheet,
  index: ReadonlyMap<string, number>,
  defs: readonly ColumnDef<string>[],
  validations: Readonly<Record<string, ValidationSpec>>,
  dictionaryRange: (k: DictionaryKey) => Range | null,
): void {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  for (const d of defs) {
    const c = index.get(d.key);
    if (c === undefined) continue;
    const range = sheet.getRange(2, c + 1, rows, 1);
    if (d.type === 'date') range.setNumberFormat('dd.mm.yyyy');
    else if (d.type !== 'number') range.setNumberFormat('@');
    const spec = validations[d.key];
    const rule = spec ? buildRule(spec, dictionaryRange) : null;
    if (rule) range.setDataValidation(rule);
  }
}

/**
 * Formulas of a cached sheet's rows, read only when the sheet is about to be rewritten as a whole (the cache
 * reads values alone, which is all the other actions need). Rows are the cache's own arrays, so the extras
 * given to writeTable bring their formulas along; rows patched in memory keep their sheet row.
 */
function cachedFormulas(cached: CachedSheet): RowFormulas {
  return formulasByRow(cached.values, cached.sheet.getDataRange().getFormulasR1C1());
}

/**
 * Rewrite a role's own sheet (setup, import): the records in order, each with its previous row (columns people
 * added are kept), then formats and validations over whole columns.
 */
export function writePeopleSheet(
  ss: Spreadsheet,
  cache: SheetCache,
  role: PeopleRole,
  records: readonly TextRecord[],
  extras: readonly (readonly unknown[] | undefined)[],
  validations: Readonly<Record<string, ValidationSpec>>,
  dictionaryRange: (k: DictionaryKey) => Range | null,
): Sheet {
  const name = ROLE_SHEETS[role];
  const defs = roleColumns(role);
  const cached = cache.get(name);
  const previous: TableRead<string> | null = cached
    ? (() => {
        const header = (cached.values[0] ?? []).map(cellText);
        const located = locateOwnColumns(cached.sheet, header, defs);
        const rows = cached.values.slice(1).filter((r) => r.some((c) => cellText(c) !== ''));
        return { sheet: cached.sheet, header, rows, index: located.index as Map<string, number>, missing: located.missing, height: cached.values.length,
          formulas: cachedFormulas(cached) };
      })()
    : null;
  const { sheet, index } = writeTable(ss, name, {
    defs,
    records: records as Record<string, string>[],
    extras,
    previous,
    headerColor: role === 'mentor' ? '#e6f4ea' : role === 'mentee' ? '#fef7e0' : '#e8eaf6',
  });
  formatColumns(sheet, index, defs, validations, dictionaryRange);
  cache.forget(name);
  return sheet;
}

/** All data rows of a role's own sheet as text records, including rows that are not records (kept as they are). */
export function schemaRowsForRewrite(cache: SheetCache, table: PeopleTable): { records: TextRecord[]; extras: unknown[][] } {
  const cached = cache.get(table.sheetName);
  if (!cached || table.mode !== 'schema') return { records: [], extras: [] };
  const byRow = new Map(table.rows.map((r) => [r.row, r.record]));
  const records: TextRecord[] = [];
  const extras: unknown[][] = [];
  const fields = roleFields(table.role);
  for (let r = table.headerRow + 1; r < cached.values.length; r++) {
    const cells = cached.values[r];
    if (!cells.some((c) => cellText(c) !== '')) continue;
    let rec = byRow.get(r);
    if (!rec) {
      rec = {};
      for (const f of fields) {
        const c = table.index.get(f);
        rec[f] = c === undefined ? '' : cellText(cells[c]);
      }
    }
    records.push(rec);
    extras.push(cells);
  }
  return { records, extras };
}

// ---------------------------------------------------------------------------------------------------------
// Pairs

export interface PairsTable {
  sheet: Sheet | null;
  header: string[];
  index: Map<PairField, number>;
  /** 0-based sheet row and text record of every data row, in sheet order. */
  rows: { row: number; record: TextRecord<PairField> }[];
}

export function readPairs(cache: SheetCache): PairsTable {
  const cached = cache.get(PEOPLE_SHEETS.pairs);
  if (!cached) return { sheet: null, header: [], index: new Map(), rows: [] };
  const header = (cached.values[0] ?? []).map(cellText);
  const { index } = locateOwnColumns(cached.sheet, header, PAIR_COLUMNS);
  const rows: PairsTable['rows'] = [];
  for (let r = 1; r < cached.values.length; r++) {
    const cells = cached.values[r];
    if (!cells.some((c) => cellText(c) !== '')) continue;
    const record = {} as TextRecord<PairField>;
    for (const f of PAIR_FIELDS) {
      const c = index.get(f);
      record[f] = c === undefined ? '' : cellText(cells[c]);
    }
    rows.push({ row: r, record });
  }
  return { sheet: cached.sheet, header, index, rows };
}

const PAIR_VALIDATIONS: Readonly<Record<string, ValidationSpec>> = {
  rolePair: { kind: 'dictionary', dictionary: 'rolePairs', help: 'Форма из справочника «Формы наставничества» (лист «Справочники»)' },
  format: { kind: 'dictionary', dictionary: 'formats', help: 'Формат из справочника «Форматы» (лист «Справочники»)' },
  status: { kind: 'dictionary', dictionary: 'statuses', help: 'Статус из справочника: предложено, действует, завершено, отменено' },
  start: { kind: 'date', help: 'Дата начала ППН, ДД.ММ.ГГГГ' },
  end: { kind: 'date', help: 'Дата окончания ППН, ДД.ММ.ГГГГ (3–12 месяцев после начала)' },
  orderDate: { kind: 'date', help: 'Дата приказа, ДД.ММ.ГГГГ' },
  lastActivity: { kind: 'date', help: 'Дата последней встречи или мероприятия пары' },
  satisfactionScale: { kind: 'list', list: ['1–5', '0–100'], help: '«1–5» или «0–100»; пусто — по значениям (до 5 — пятибалльная)' },
};

/** The whole «Пары» sheet with its formatting (setup and «Проверить базы»). */
export function writePairsSheet(ss: Spreadsheet, cache: SheetCache, table: PairsTable, records: readonly TextRecord<PairField>[], dictionaryRange: (k: DictionaryKey) => Range | null): Sheet {
  const cached = cache.get(PEOPLE_SHEETS.pairs);
  const extrasByRow = new Map(table.rows.map((r) => [r.row, cached?.values[r.row]]));
  const previous: TableRead<PairField> | null = cached && table.sheet
    ? { sheet: table.sheet, header: table.header, rows: table.rows.map((r) => cached.values[r.row]), index: table.index, missing: [], height: cached.values.length,
        formulas: cachedFormulas(cached) }
    : null;
  const extras = records.map((_, i) => (i < table.rows.length ? extrasByRow.get(table.rows[i].row) : undefined));
  const { sheet, index } = writeTable(ss, PEOPLE_SHEETS.pairs, {
    defs: PAIR_COLUMNS,
    records: records as Record<PairField, string>[],
    extras,
    previous,
    headerColor: '#fce8e6',
    rules: (col, range) => {
      const st = `$${col('status')}2`;
      const all = [range()];
      return [
        SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=${st}="действует"`).setBackground('#d9ead3').setRanges(all).build(),
        SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=${st}="предложено"`).setBackground('#fff2cc').setRanges(all).build(),
        SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=${st}="отменено"`).setFontColor('#999999').setRanges(all).build(),
      ];
    },
  });
  formatColumns(sheet, index as Map<string, number>, PAIR_COLUMNS, PAIR_VALIDATIONS, dictionaryRange);
  cache.forget(PEOPLE_SHEETS.pairs);
  return sheet;
}

/**
 * Pair changes from the sidebar: changed rows patched and new rows appended in one block write, formats set on
 * the block. The sheet must exist (setup creates it with its formatting and validations).
 */
export function savePairs(cache: SheetCache, table: PairsTable, changed: ReadonlyMap<number, TextRecord<PairField>>, added: readonly TextRecord<PairField>[]): void {
  const cached = cache.get(PEOPLE_SHEETS.pairs);
  if (!cached || !table.sheet) throw new Error('pairs sheet is missing');
  const sheet = cached.sheet;
  const values = cached.values;
  const index = new Map(table.index);
  let width = Math.max(values[0]?.length ?? 0, 1);
  let headerChanged = false;
  for (const d of PAIR_COLUMNS) {
    if (!index.has(d.key)) {
      index.set(d.key, width);
      for (const r of values) r[width] = '';
      values[0][width] = d.label;
      width++;
      headerChanged = true;
    }
  }
  const lastData = table.rows.length ? table.rows[table.rows.length - 1].row : 0;
  const put = (row: number, rec: TextRecord<PairField>) => {
    while (values.length <= row) values.push(new Array(width).fill(''));
    const r = values[row];
    while (r.length < width) r.push('');
    for (const d of PAIR_COLUMNS) {
      r[index.get(d.key)!] = toCell(rec[d.key] ?? '', d.type);
    }
  };
  let first = Infinity;
  let last = -1;
  for (const [row, rec] of changed) {
    put(row, rec);
    first = Math.min(first, row);
    last = Math.max(last, row);
  }
  added.forEach((rec, i) => {
    const row = lastData + 1 + i;
    put(row, rec);
    first = Math.min(first, row);
    last = Math.max(last, row);
  });
  if (last < 0) return;
  if (headerChanged) first = 0;
  const maxRows = sheet.getMaxRows();
  if (maxRows < last + 1) sheet.insertRowsAfter(maxRows, last + 1 - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < width) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  const block = values.slice(first, last + 1).map((r) => {
    const row = r.slice(0, width);
    while (row.length < width) row.push('');
    return row;
  });
  // New rows get the formats setup gave the rows above (ids and order numbers as text, dates as dates).
  const newFrom = Math.max(first, lastData + 1);
  if (added.length && newFrom <= last) {
    const format = new Array(width).fill('@').map((f, c) => {
      const d = PAIR_COLUMNS.find((x) => index.get(x.key) === c);
      return d?.type === 'date' ? 'dd.mm.yyyy' : d?.type === 'number' ? '0.##' : f;
    });
    sheet.getRange(newFrom + 1, 1, last - newFrom + 1, width).setNumberFormats(new Array(last - newFrom + 1).fill(format));
  }
  sheet.getRange(first + 1, 1, block.length, width).setValues(block);
}

// ---------------------------------------------------------------------------------------------------------
// Dictionaries and settings

export function readDictionaries(cache: SheetCache): { dictionaries: Dictionaries; problems: string[]; exists: boolean } {
  const cached = cache.get(PEOPLE_SHEETS.dictionaries);
  if (!cached) return { dictionaries: defaultDictionaries(), problems: [], exists: false };
  const text = cached.values.map((r) => r.map(cellText));
  const header = text[0] ?? [];
  const columns = header.map((h, c) => ({ header: h, values: text.slice(1).map((r) => r[c] ?? '') }));
  return { ...dictionariesFromColumns(columns), exists: true };
}

/**
 * Create the dictionary sheet with the default lists; on a sheet that exists, only the lists it lacks are added
 * (as new columns at the end): the coordinator's own lists and columns are never rewritten.
 */
export function writeDictionaries(ss: Spreadsheet, cache: SheetCache): { sheet: Sheet; added: DictionaryKey[] } {
  const cached = cache.get(PEOPLE_SHEETS.dictionaries);
  const defaults = defaultDictionaries();
  if (!cached) {
    const sheet = ss.insertSheet(PEOPLE_SHEETS.dictionaries);
    const grid = dictionaryGrid(defaults);
    const width = grid[0].length;
    if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    sheet.getRange(1, 1, sheet.getMaxRows(), width).setNumberFormat('@');
    sheet.getRange(1, 1, grid.length, width).setValues(grid);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground('#f1f3f4').setWrap(true);
    sheet.setFrozenRows(1);
    sheet.setColumnWidths(1, width, 220);
    cache.forget(PEOPLE_SHEETS.dictionaries);
    return { sheet, added: [...DICTIONARY_KEYS] };
  }
  const header = (cached.values[0] ?? []).map(cellText);
  const present = dictionariesFromColumns(header.map((h) => ({ header: h, values: ['x'] })));
  const missing = DICTIONARY_KEYS.filter((k) => present.problems.some((p) => p.includes(`«${DICTIONARY_TITLES[k]}»`)));
  if (missing.length) {
    const start = header.length;
    const height = Math.max(...missing.map((k) => defaults[k].length)) + 1;
    const grid = [missing.map((k) => DICTIONARY_TITLES[k]), ...Array.from({ length: height - 1 }, (_, r) => missing.map((k) => defaults[k][r] ?? ''))];
    const sheet = cached.sheet;
    if (sheet.getMaxColumns() < start + missing.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), start + missing.length - sheet.getMaxColumns());
    if (sheet.getMaxRows() < height) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
    sheet.getRange(1, start + 1, sheet.getMaxRows(), missing.length).setNumberFormat('@');
    sheet.getRange(1, start + 1, height, missing.length).setValues(grid);
    sheet.getRange(1, start + 1, 1, missing.length).setFontWeight('bold').setBackground('#f1f3f4').setWrap(true);
    cache.forget(PEOPLE_SHEETS.dictionaries);
  }
  return { sheet: cached.sheet, added: missing };
}

export function readSettings(cache: SheetCache): { settings: PairingSettings; problems: string[]; exists: boolean } {
  const cached = cache.get(PEOPLE_SHEETS.settings);
  const rows = cached ? cached.values.map((r) => r.map(cellText)) : [];
  return { ...settingsFromRows(rows.slice(1)), exists: cached !== null };
}

/**
 * Create the settings sheet with the defaults; on a sheet that exists, only the parameters it lacks are added
 * below, so the coordinator's values and notes stay as they are.
 */
export function writeSettings(ss: Spreadsheet, cache: SheetCache): { sheet: Sheet; added: number } {
  const cached = cache.get(PEOPLE_SHEETS.settings);
  const grid = settingsGrid();
  if (!cached) {
    const sheet = ss.insertSheet(PEOPLE_SHEETS.settings);
    sheet.getRange(1, 1, grid.length, 3).setNumberFormat('@');
    sheet.getRange(1, 1, grid.length, 3).setValues(grid);
    sheet.getRange(1, 1, 1, 3).setFontWeight('bold').setBackground('#f1f3f4');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 380);
    sheet.setColumnWidth(2, 230);
    sheet.setColumnWidth(3, 480);
    cache.forget(PEOPLE_SHEETS.settings);
    return { sheet, added: grid.length - 1 };
  }
  const have = new Set(cached.values.map((r) => settingLabelKey(cellText(r[0]))));
  const missing = grid.slice(1).filter((r) => !have.has(settingLabelKey(r[0])));
  if (missing.length) {
    const start = cached.values.filter((r) => r.some((c) => cellText(c) !== '')).length + 1;
    const sheet = cached.sheet;
    if (sheet.getMaxRows() < start + missing.length - 1) sheet.insertRowsAfter(sheet.getMaxRows(), start + missing.length - 1 - sheet.getMaxRows());
    sheet.getRange(start, 1, missing.length, 3).setNumberFormat('@');
    sheet.getRange(start, 1, missing.length, 3).setValues(missing);
    cache.forget(PEOPLE_SHEETS.settings);
  }
  return { sheet: cached.sheet, added: missing.length };
}

// ---------------------------------------------------------------------------------------------------------
// «Состояние наставничества»

export function writeHealthSheet(ss: Spreadsheet, rows: readonly Record<HealthColumn, string>[]): Sheet {
  const { sheet } = writeTable<HealthColumn>(ss, PEOPLE_SHEETS.health, {
    defs: HEALTH_COLUMNS,
    records: rows as Record<HealthColumn, string>[],
    previous: null,
    headerColor: '#fde7e9',
  });
  return sheet;
}
