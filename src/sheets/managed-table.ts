// A sheet the add-on manages as one table: header in row 1, one record per row. Reads and writes whole blocks
// (one getValues, one setValues) so an operation's service calls never grow with the number of rows.
// Columns are found by developer metadata or header text; columns people added are carried along untouched.
import { COLUMN_METADATA_KEY, PROTECTION_DESCRIPTION } from './schema';
import { columnLetter, locateColumns, type ColumnDef } from './columns';
import { cellText, toCell } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TableRead<K extends string> {
  sheet: Sheet;
  header: string[];
  /** Data rows, all cells as read (including columns the add-on does not manage). */
  rows: unknown[][];
  index: Map<K, number>;
  missing: K[];
  /**
   * Sheet rows read, header included. `rows` skips blank rows, so a rewrite (which compacts them) must clear
   * down to here, or the last rows stay behind as duplicates. Unknown: the sheet's last row is asked for.
   */
  height?: number;
  /**
   * R1C1 formulas of the rows in `rows` that have any ('' for a cell without one), keyed by the row array
   * itself: a record whose `extras` is one of these rows takes its formulas along, wherever it lands.
   */
  formulas?: RowFormulas;
}

/** Formulas (R1C1, as getFormulasR1C1 answers) of rows read with getValues, by row identity. */
export type RowFormulas = ReadonlyMap<readonly unknown[], readonly string[]>;

/** Pair `values` and `formulas` read from the same range: only rows with some formula are kept. */
export function formulasByRow(values: readonly unknown[][], formulas: readonly (readonly (string | null)[])[]): RowFormulas {
  const byRow = new Map<readonly unknown[], readonly string[]>();
  values.forEach((row, i) => {
    const f = formulas[i];
    if (f && f.some((x) => !!x)) byRow.set(row, f.map((x) => x ?? ''));
  });
  return byRow;
}

/** Column key → 0-based index from the developer metadata the add-on put on its columns. */
export function metadataColumns(sheet: Sheet): Map<string, number> {
  const found = new Map<string, number>();
  for (const md of sheet.createDeveloperMetadataFinder().withKey(COLUMN_METADATA_KEY).find()) {
    const column = md.getLocation().getColumn();
    if (column) found.set(md.getValue() ?? '', column.getColumn() - 1);
  }
  return found;
}

export function readTable<K extends string>(ss: Spreadsheet, name: string, defs: readonly ColumnDef<K>[]): TableRead<K> | null {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return null;
  const data = sheet.getDataRange();
  const values = data.getValues();
  // Formulas people put in their own columns are rewritten as formulas, not flattened to their last value.
  const formulas = formulasByRow(values, data.getFormulasR1C1());
  const header = (values[0] ?? []).map(cellText);
  const { index, missing } = locateColumns(header, defs, metadataColumns(sheet));
  const rows = values.slice(1).filter((r) => r.some((c) => cellText(c) !== ''));
  return { sheet, header, rows, index, missing, height: values.length, formulas };
}

/** The record's value of each key, read from a row. */
export function rowRecord<K extends string>(row: readonly unknown[], index: Map<K, number>): Partial<Record<K, unknown>> {
  const rec: Partial<Record<K, unknown>> = {};
  for (const [k, c] of index) rec[k] = row[c];
  return rec;
}

export interface TableWrite<K extends string> {
  defs: readonly ColumnDef<K>[];
  records: readonly Record<K, string>[];
  /**
   * Each record's previous row as read (its cells in columns the add-on does not manage are kept, and so are
   * their formulas when the row is one of `previous.rows` and `previous.formulas` has it).
   */
  extras?: readonly (readonly unknown[] | undefined)[];
  /** The table as read before, whose layout (column order, extra columns) is kept. */
  previous?: TableRead<K> | null;
  /** Per-column data validation, applied to the whole data range of that column. */
  validations?: Partial<Record<K, GoogleAppsScript.Spreadsheet.DataValidation>>;
  /** Conditional format rules given the column letters of the final layout. */
  rules?: (letter: (k: K) => string, dataRange: (k?: K) => GoogleAppsScript.Spreadsheet.Range) => GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  headerColor?: string;
}

/**
 * Write records as the whole table. The previous layout is kept (people's column order and extra columns);
 * managed columns missing from it are appended. A fixed number of service calls whatever the row count.
 */
export function writeTable<K extends string>(ss: Spreadsheet, name: string, w: TableWrite<K>): { sheet: Sheet; index: Map<K, number> } {
  const prev = w.previous ?? null;
  const sheet = prev?.sheet ?? ss.getSheetByName(name) ?? ss.insertSheet(name);
  const header: string[] = prev ? [...prev.header] : [];
  const index = new Map<K, number>(prev ? prev.index : []);
  for (const d of w.defs) {
    if (!index.has(d.key)) {
      index.set(d.key, header.length);
      header.push(d.label);
    }
  }
  const width = header.length;
  const types = new Map(w.defs.map((d) => [d.key, d.type]));
  const body = w.records.map((rec, i) => {
    const row: unknown[] = new Array(width).fill('');
    const extra = w.extras?.[i];
    if (extra) extra.forEach((v, c) => { if (c < width) row[c] = v; });
    for (const [k, c] of index) row[c] = toCell(rec[k] ?? '', types.get(k));
    return row;
  });
  const bodyFormulas = w.records.map((_, i) => {
    const extra = w.extras?.[i];
    return extra ? prev?.formulas?.get(extra) : undefined;
  });
  const values = [header, ...body];

  const oldRows = prev?.height ?? sheet.getLastRow();
  const maxRows = sheet.getMaxRows();
  const needRows = Math.max(values.length, 2);
  if (maxRows < needRows) sheet.insertRowsAfter(maxRows, needRows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < width) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  // Old validation rules must not reject what people typed before (it is written back as typed); the rules
  // are set again after the write, where they flag invalid cells instead of refusing them.
  sheet.getRange(2, 1, Math.max(maxRows, needRows) - 1, width).clearDataValidations();
  // Text columns as plain text: Sheets would turn an activity number «1.2» into the date 1 February.
  setNumberFormats(sheet, w.defs, index, Math.max(values.length - 1, 1));
  sheet.getRange(1, 1, values.length, width).setValues(values);
  writeExtraFormulas(sheet, body, bodyFormulas, new Set(index.values()), width);
  if (oldRows > values.length) sheet.getRange(values.length + 1, 1, oldRows - values.length, width).clearContent();

  formatTable(sheet, w, index, width, values.length - 1);
  return { sheet, index };
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/**
 * Put back the formulas of columns people added, each at its record's new row (R1C1, so «=H5-G5» moved from
 * row 5 to row 6 reads «=H6-G6»). The block setValues above wrote their last values; per column that has a
 * formula:
 * - one setFormulasR1C1 over the rows from its first to its last formula. setFormulasR1C1 writes '' as an empty
 *   cell (value gone too, as setFormulas does), so this alone is right only when every other row in that span
 *   is blank — the usual column of one formula filled down;
 * - when typed values sit between formulas, that same call is followed by getFormulas on the span (Sheets has
 *   translated the R1C1 text to A1 at the new rows) and one setValues of A1 formulas and the typed values
 *   together: setValues keeps "=…" as a formula and writes everything else as a value.
 * So at most three calls per such column, whatever the number of rows; columns the add-on manages stay values.
 */
function writeExtraFormulas(sheet: Sheet, body: readonly unknown[][], formulas: readonly (readonly string[] | undefined)[],
  managed: ReadonlySet<number>, width: number): void {
  for (let c = 0; c < width; c++) {
    if (managed.has(c)) continue;
    const column = body.map((_, i) => formulas[i]?.[c] ?? '');
    const first = column.findIndex((f) => f.startsWith('='));
    if (first < 0) continue;
    let last = column.length - 1;
    while (!column[last].startsWith('=')) last--;
    const span = column.slice(first, last + 1);
    const range = sheet.getRange(first + 2, c + 1, span.length, 1);
    range.setFormulasR1C1(span.map((f) => [f.startsWith('=') ? f : '']));
    const typed = span.some((f, k) => !f.startsWith('=') && !isBlank(body[first + k][c]));
    if (!typed) continue;
    const a1 = range.getFormulas();
    range.setValues(span.map((f, k) => [f.startsWith('=') ? a1[k][0] : body[first + k][c]]));
  }
}

function setNumberFormats<K extends string>(sheet: Sheet, defs: readonly ColumnDef<K>[], index: Map<K, number>, rows: number): void {
  for (const d of defs) {
    const range = sheet.getRange(2, index.get(d.key)! + 1, rows, 1);
    if (d.type === 'date') range.setNumberFormat('dd.mm.yyyy');
    else if (d.type !== 'number') range.setNumberFormat('@');
  }
}

function formatTable<K extends string>(sheet: Sheet, w: TableWrite<K>, index: Map<K, number>, width: number, dataRows: number): void {
  const rowsForFormat = Math.max(dataRows, 1);
  const headerRange = sheet.getRange(1, 1, 1, width);
  headerRange.setFontWeight('bold').setBackground(w.headerColor ?? '#d9e7f5').setWrap(true).setVerticalAlignment('middle');
  sheet.setFrozenRows(1);
  const dataRange = (k?: K) =>
    k === undefined ? sheet.getRange(2, 1, rowsForFormat, width) : sheet.getRange(2, (index.get(k) ?? 0) + 1, rowsForFormat, 1);
  dataRange().setWrap(true).setVerticalAlignment('top');

  for (const d of w.defs) if (d.width) sheet.setColumnWidth(index.get(d.key)! + 1, d.width);

  // Column identity survives renaming and reordering through developer metadata on whole columns.
  for (const md of sheet.createDeveloperMetadataFinder().withKey(COLUMN_METADATA_KEY).find()) md.remove();
  for (const d of w.defs) {
    const letter = columnLetter(index.get(d.key)!);
    sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(COLUMN_METADATA_KEY, d.key);
  }

  for (const [k, rule] of Object.entries(w.validations ?? {}) as [K, GoogleAppsScript.Spreadsheet.DataValidation][]) {
    dataRange(k).setDataValidation(rule);
  }
  if (w.rules) sheet.setConditionalFormatRules(w.rules((k) => columnLetter(index.get(k)!), dataRange));

  const filter = sheet.getFilter();
  if (filter) filter.remove();
  sheet.getRange(1, 1, dataRows + 1, width).createFilter();

  // Warning-only: curators may still correct a computed cell in an emergency, but are told it will be rewritten.
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (p.getDescription() === PROTECTION_DESCRIPTION) p.remove();
  }
  for (const d of w.defs) {
    if (!d.computed) continue;
    dataRange(d.key).protect().setDescription(PROTECTION_DESCRIPTION).setWarningOnly(true);
  }
}
