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
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map(cellText);
  const { index, missing } = locateColumns(header, defs, metadataColumns(sheet));
  const rows = values.slice(1).filter((r) => r.some((c) => cellText(c) !== ''));
  return { sheet, header, rows, index, missing, height: values.length };
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
  /** Each record's previous row as read (its cells in columns the add-on does not manage are kept). */
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
  if (oldRows > values.length) sheet.getRange(values.length + 1, 1, oldRows - values.length, width).clearContent();

  formatTable(sheet, w, index, width, values.length - 1);
  return { sheet, index };
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
