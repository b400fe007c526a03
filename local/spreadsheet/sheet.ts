// Sheet: a grid of cells with Apps Script's dimensions rules: getRange beyond getMaxRows()/getMaxColumns()
// throws, the grid grows only through insertRows*/insertColumns* (and appendRow, as in Sheets).
import { raw } from '../counter';
import { parseA1 } from './a1';
import { FakeEmbeddedChart } from './chart';
import { FakeConditionalFormatRule, type FakeFilter } from './conditional';
import { FakeDeveloperMetadata, FakeDeveloperMetadataFinder, metadataArgs } from './metadata';
import { shiftAnchor, normalizeColor, type Anchor, type AnchorKind, type Cell } from './model';
import { FakeProtection } from './protection';
import { FakeRange } from './range';
import type { FakeSpreadsheet } from './spreadsheet';
import { displayValue, type CellValue } from './values';

export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

interface LineInfo { size?: number; hidden?: boolean }

export interface BorderRecord { anchor: Anchor; args: unknown[] }

function hasContent(c: Cell | undefined): boolean {
  return !!c && (c.v !== '' || !!c.f);
}

export class FakeSheet {
  readonly __className = 'Sheet';
  /** Cells by [row-1][col-1]; sparse, created on first write. */
  _rows: Array<Array<Cell | undefined> | undefined> = [];
  _rowInfo: Array<LineInfo | undefined> = [];
  _colInfo: Array<LineInfo | undefined> = [];
  _frozenRows = 0;
  _frozenCols = 0;
  _hidden = false;
  _tabColor: string | null = null;
  _anchors = new Set<Anchor>();
  _merges: Anchor[] = [];
  _protections: FakeProtection[] = [];
  _filter: FakeFilter | null = null;
  _cfRules: FakeConditionalFormatRule[] = [];
  _charts: FakeEmbeddedChart[] = [];
  _borders: BorderRecord[] = [];
  _active: Anchor | null = null;

  constructor(readonly _ss: FakeSpreadsheet, readonly _id: number, public _name: string,
    public _maxRows = 1000, public _maxCols = 26) {}

  // ---- internals shared by the fakes ----

  _guardWrite(method: string): void { this._ss._guardWrite(method); }

  _cell(row: number, col: number): Cell | undefined {
    return this._rows[row - 1]?.[col - 1];
  }

  _cellForWrite(row: number, col: number): Cell {
    const r = (this._rows[row - 1] ??= []);
    return (r[col - 1] ??= { v: '' });
  }

  /** Store values as given (fixtures, xlsx import): no coercion, no counting. */
  _put(row: number, col: number, values: readonly (readonly unknown[])[]): void {
    values.forEach((line, i) => line.forEach((v, j) => {
      const cell = this._cellForWrite(row + i, col + j);
      cell.v = v === null || v === undefined ? '' : (v as CellValue);
    }));
  }

  _anchor(row: number, col: number, numRows: number, numCols: number, kind: AnchorKind): Anchor {
    const a: Anchor = { row, col, numRows, numCols, kind };
    this._anchors.add(a);
    return a;
  }

  _rangeOf(a: Anchor): FakeRange {
    if (a.kind === 'rows') return new FakeRange(this, a.row, 1, a.numRows, this._maxCols, { cols: true });
    if (a.kind === 'columns') return new FakeRange(this, 1, a.col, this._maxRows, a.numCols, { rows: true });
    return new FakeRange(this, a.row, a.col, a.numRows, a.numCols);
  }

  _wholeRange(): FakeRange {
    return new FakeRange(this, 1, 1, this._maxRows, this._maxCols);
  }

  _checkBounds(row: number, col: number, numRows: number, numCols: number): void {
    if (![row, col, numRows, numCols].every((n) => typeof n === 'number' && Number.isFinite(n))) {
      throw new Error(`The parameters (${[row, col, numRows, numCols].map((x) => typeof x).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
    }
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (col < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this._maxRows || col + numCols - 1 > this._maxCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  _rangeA1(a1: string): FakeRange {
    const ref = parseA1(String(a1));
    if (!ref) throw new Error('Range not found');
    const row = ref.row ?? 1;
    const col = ref.col ?? 1;
    const endRow = ref.endRow ?? this._maxRows;
    const endCol = ref.endCol ?? this._maxCols;
    if (endRow > this._maxRows || endCol > this._maxCols) throw new Error('Range not found');
    return new FakeRange(this, row, col, endRow - row + 1, endCol - col + 1,
      { rows: ref.row === undefined, cols: ref.col === undefined });
  }

  _lastRow(): number {
    for (let r = this._rows.length; r >= 1; r--) if (this._rows[r - 1]?.some(hasContent)) return r;
    return 0;
  }

  _lastCol(): number {
    let last = 0;
    for (const row of this._rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) if (hasContent(row[c - 1])) { last = c; break; }
    }
    return last;
  }

  _liveMerges(): Anchor[] {
    this._merges = this._merges.filter((m) => !m.gone);
    return this._merges;
  }

  /** Insert `n` blank rows/columns so that the first new one is at position `at`. */
  _insert(dim: 'rows' | 'columns', at: number, n: number): void {
    if (n < 1) throw new Error('The number of ' + dim + ' to insert must be at least 1.');
    const blanks = new Array<undefined>(n).fill(undefined);
    if (dim === 'rows') {
      if (at - 1 < this._rows.length) this._rows.splice(at - 1, 0, ...blanks);
      if (at - 1 < this._rowInfo.length) this._rowInfo.splice(at - 1, 0, ...blanks);
      this._maxRows += n;
    } else {
      for (const row of this._rows) if (row && at - 1 < row.length) row.splice(at - 1, 0, ...blanks);
      if (at - 1 < this._colInfo.length) this._colInfo.splice(at - 1, 0, ...blanks);
      this._maxCols += n;
    }
    for (const a of this._anchors) shiftAnchor(a, dim, at, n);
  }

  _delete(dim: 'rows' | 'columns', at: number, n: number): void {
    const max = dim === 'rows' ? this._maxRows : this._maxCols;
    const frozen = dim === 'rows' ? this._frozenRows : this._frozenCols;
    if (at < 1 || n < 1 || at + n - 1 > max) throw new Error(`Those ${dim} are out of bounds.`);
    if (max - n <= frozen) throw new Error(`Sorry, it is not possible to delete all non-frozen ${dim}.`);
    if (dim === 'rows') {
      this._rows.splice(at - 1, n);
      this._rowInfo.splice(at - 1, n);
      this._maxRows -= n;
    } else {
      for (const row of this._rows) row?.splice(at - 1, n);
      this._colInfo.splice(at - 1, n);
      this._maxCols -= n;
    }
    for (const a of this._anchors) {
      shiftAnchor(a, dim, at, -n);
      if (a.gone) this._anchors.delete(a);
    }
  }

  // ---- identity ----

  getName() { return this._name; }
  getSheetName() { return this._name; }
  setName(name: string) {
    this._guardWrite('setName');
    const n = String(name);
    if (this._ss._sheets.some((s) => s !== this && s._name.toLowerCase() === n.toLowerCase())) {
      throw new Error(`A sheet with the name "${n}" already exists. Please enter another name.`);
    }
    this._name = n;
    return this;
  }
  getSheetId() { return this._id; }
  getIndex() { return this._ss._sheets.indexOf(this) + 1; }
  getParent() { return this._ss; }
  getType() { return 'GRID'; }

  // ---- ranges and size ----

  getRange(a: number | string, col?: number, numRows?: number, numCols?: number): FakeRange {
    if (typeof a === 'string' && col === undefined) return this._rangeA1(a);
    const row = a as number;
    this._checkBounds(row, col as number, numRows ?? 1, numCols ?? 1);
    return new FakeRange(this, row, col as number, numRows ?? 1, numCols ?? 1);
  }
  getDataRange() {
    return new FakeRange(this, 1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastCol()));
  }
  getSheetValues(row: number, col: number, numRows: number, numCols: number) {
    const r = numRows === -1 ? Math.max(1, this._lastRow() - row + 1) : numRows;
    const c = numCols === -1 ? Math.max(1, this._lastCol() - col + 1) : numCols;
    return this.getRange(row, col, r, c).getValues();
  }
  getLastRow() { return this._lastRow(); }
  getLastColumn() { return this._lastCol(); }
  getMaxRows() { return this._maxRows; }
  getMaxColumns() { return this._maxCols; }

  insertRowsAfter(after: number, howMany: number) { this._guardWrite('insertRowsAfter'); this._insertChecked('rows', after + 1, howMany); return this; }
  insertRowsBefore(before: number, howMany: number) { this._guardWrite('insertRowsBefore'); this._insertChecked('rows', before, howMany); return this; }
  insertRowAfter(after: number) { return this.insertRowsAfter(after, 1); }
  insertRowBefore(before: number) { return this.insertRowsBefore(before, 1); }
  insertRows(index: number, howMany = 1) { this._guardWrite('insertRows'); this._insertChecked('rows', index, howMany); }
  insertColumnsAfter(after: number, howMany: number) { this._guardWrite('insertColumnsAfter'); this._insertChecked('columns', after + 1, howMany); return this; }
  insertColumnsBefore(before: number, howMany: number) { this._guardWrite('insertColumnsBefore'); this._insertChecked('columns', before, howMany); return this; }
  insertColumnAfter(after: number) { return this.insertColumnsAfter(after, 1); }
  insertColumnBefore(before: number) { return this.insertColumnsBefore(before, 1); }
  insertColumns(index: number, howMany = 1) { this._guardWrite('insertColumns'); this._insertChecked('columns', index, howMany); }

  private _insertChecked(dim: 'rows' | 'columns', at: number, n: number): void {
    const max = dim === 'rows' ? this._maxRows : this._maxCols;
    if (at < 1 || at > max + 1) throw new Error(`Those ${dim} are out of bounds.`);
    this._insert(dim, at, n);
  }

  deleteRow(position: number) { this._guardWrite('deleteRow'); this._delete('rows', position, 1); return this; }
  deleteRows(position: number, howMany: number) { this._guardWrite('deleteRows'); this._delete('rows', position, howMany); }
  deleteColumn(position: number) { this._guardWrite('deleteColumn'); this._delete('columns', position, 1); return this; }
  deleteColumns(position: number, howMany: number) { this._guardWrite('deleteColumns'); this._delete('columns', position, howMany); }

  appendRow(rowContents: unknown[]) {
    this._guardWrite('appendRow');
    if (!Array.isArray(rowContents)) throw new Error('The parameters (' + typeof rowContents + ") don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const row = this._lastRow() + 1;
    if (row > this._maxRows) this._insert('rows', this._maxRows + 1, row - this._maxRows);
    if (rowContents.length > this._maxCols) this._insert('columns', this._maxCols + 1, rowContents.length - this._maxCols);
    if (rowContents.length) new FakeRange(this, row, 1, 1, rowContents.length)._write([rowContents]);
    return this;
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }) {
    this._guardWrite('clear');
    this._wholeRange()._clear({ contents: !options?.formatOnly, formats: !options?.contentsOnly });
    return this;
  }
  clearContents() { this._guardWrite('clearContents'); this._wholeRange()._clear({ contents: true }); return this; }
  clearFormats() { this._guardWrite('clearFormats'); this._wholeRange()._clear({ formats: true }); return this; }
  clearNotes() { this._guardWrite('clearNotes'); this._wholeRange()._clear({ notes: true }); return this; }

  sort(columnPosition: number, ascending = true) {
    this._guardWrite('sort');
    const last = this._lastRow();
    const first = this._frozenRows + 1;
    if (last >= first) new FakeRange(this, first, 1, last - first + 1, this._maxCols)._sort([{ column: columnPosition, ascending }]);
    return this;
  }

  // ---- view ----

  setFrozenRows(rows: number) {
    this._guardWrite('setFrozenRows');
    if (rows < 0 || rows >= this._maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this._frozenRows = rows;
  }
  getFrozenRows() { return this._frozenRows; }
  setFrozenColumns(columns: number) {
    this._guardWrite('setFrozenColumns');
    if (columns < 0 || columns >= this._maxCols) throw new Error("You can't freeze all visible columns on the sheet.");
    this._frozenCols = columns;
  }
  getFrozenColumns() { return this._frozenCols; }

  hideSheet() {
    this._guardWrite('hideSheet');
    if (this._ss._sheets.every((s) => s === this || s._hidden)) throw new Error("You can't hide all the sheets in a document.");
    this._hidden = true;
    // Sheets never leaves a hidden sheet active.
    if (this._ss._activeSheet === this) this._ss._activeSheet = this._ss._sheets.find((s) => !s._hidden) ?? null;
    return this;
  }
  showSheet() { this._guardWrite('showSheet'); this._hidden = false; return this; }
  isSheetHidden() { return this._hidden; }
  setTabColor(color: string | null) { this._guardWrite('setTabColor'); this._tabColor = color === null ? null : normalizeColor(color); return this; }
  getTabColor() { return this._tabColor; }

  private _line(dim: 'rows' | 'columns', index: number): LineInfo {
    const list = dim === 'rows' ? this._rowInfo : this._colInfo;
    return (list[index - 1] ??= {});
  }
  private _lines(dim: 'rows' | 'columns', start: number, n: number, f: (l: LineInfo) => void): void {
    const max = dim === 'rows' ? this._maxRows : this._maxCols;
    if (start < 1 || n < 1 || start + n - 1 > max) throw new Error(`Those ${dim} are out of bounds.`);
    for (let i = start; i < start + n; i++) f(this._line(dim, i));
  }

  setColumnWidth(column: number, width: number) { return this.setColumnWidths(column, 1, width); }
  setColumnWidths(start: number, n: number, width: number) {
    this._guardWrite('setColumnWidths');
    this._lines('columns', start, n, (l) => { l.size = width; });
    return this;
  }
  getColumnWidth(column: number) { return this._colInfo[column - 1]?.size ?? DEFAULT_COLUMN_WIDTH; }
  autoResizeColumn(column: number) { return this.autoResizeColumns(column, 1); }
  autoResizeColumns(start: number, n: number) {
    this._guardWrite('autoResizeColumns');
    const ctx = { locale: this._ss._locale, timeZone: this._ss._timeZone };
    this._lines('columns', start, n, () => undefined);
    for (let c = start; c < start + n; c++) {
      let longest = 0;
      for (const row of this._rows) {
        const cell = row?.[c - 1];
        if (!cell || cell.v === '') continue;
        const text = displayValue(cell.v, cell.style?.numberFormat, ctx);
        for (const line of text.split('\n')) longest = Math.max(longest, line.length);
      }
      // About 7 px per character of 10 pt Arial plus padding: enough to compare before/after in tests.
      this._line('columns', c).size = Math.max(21, Math.min(1000, longest * 7 + 12));
    }
    return this;
  }
  setRowHeight(row: number, height: number) { return this.setRowHeights(row, 1, height); }
  setRowHeights(start: number, n: number, height: number) {
    this._guardWrite('setRowHeights');
    this._lines('rows', start, n, (l) => { l.size = height; });
    return this;
  }
  getRowHeight(row: number) { return this._rowInfo[row - 1]?.size ?? DEFAULT_ROW_HEIGHT; }
  hideColumns(index: number, n = 1) { this._guardWrite('hideColumns'); this._lines('columns', index, n, (l) => { l.hidden = true; }); }
  showColumns(index: number, n = 1) { this._guardWrite('showColumns'); this._lines('columns', index, n, (l) => { l.hidden = false; }); }
  isColumnHiddenByUser(column: number) { return !!this._colInfo[column - 1]?.hidden; }
  hideRows(index: number, n = 1) { this._guardWrite('hideRows'); this._lines('rows', index, n, (l) => { l.hidden = true; }); }
  showRows(index: number, n = 1) { this._guardWrite('showRows'); this._lines('rows', index, n, (l) => { l.hidden = false; }); }
  isRowHiddenByUser(row: number) { return !!this._rowInfo[row - 1]?.hidden; }

  activate() { this._ss._activeSheet = this; return this; }
  getActiveRange() { return this._active && !this._active.gone ? this._rangeOf(this._active) : new FakeRange(this, 1, 1, 1, 1); }
  getActiveCell() {
    const r = this.getActiveRange();
    return new FakeRange(this, r._row, r._col, 1, 1);
  }
  setActiveRange(range: FakeRange) {
    const r = raw(range);
    if (r._sheet !== this) throw new Error('The range must be on the sheet.');
    if (this._active) this._anchors.delete(this._active);
    this._active = this._anchor(r._row, r._col, r._numRows, r._numCols, 'cells');
    this._ss._activeSheet = this;
    return r;
  }
  setActiveSelection(a: FakeRange | string) { return this.setActiveRange(typeof a === 'string' ? this._rangeA1(a) : a); }

  // ---- filter, protection, formatting rules ----

  getFilter() { return this._filter; }

  protect() {
    this._guardWrite('protect');
    const existing = this._protections.find((p) => p._type === 'SHEET');
    if (existing) return existing;
    const p = new FakeProtection(this, 'SHEET', null, this._ss._env.userEmail);
    this._protections.push(p);
    return p;
  }
  getProtections(type: 'SHEET' | 'RANGE') {
    const t = String(type);
    return this._protections.filter((p) => p._type === t && !(p._anchor?.gone));
  }

  getConditionalFormatRules() { return [...this._cfRules]; }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]) {
    this._guardWrite('setConditionalFormatRules');
    const list = rules.map((r) => raw(r));
    if (!list.every((r) => r instanceof FakeConditionalFormatRule)) {
      throw new Error("The parameters (number[]) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.");
    }
    this._cfRules = list;
  }
  clearConditionalFormatRules() { this._guardWrite('clearConditionalFormatRules'); this._cfRules = []; }

  getNamedRanges() { return this._ss._liveNamedRanges().filter((n) => n._sheet === this); }

  // ---- developer metadata ----

  addDeveloperMetadata(key: string, a?: unknown, b?: unknown) {
    this._guardWrite('addDeveloperMetadata');
    const m = metadataArgs(key, a, b);
    this._ss._addMetadata(m, { type: 'SHEET', sheet: this });
    return this;
  }
  getDeveloperMetadata() {
    return this._ss._liveMetadata().filter((m) => m._loc.type === 'SHEET' && m._loc.sheet === this);
  }
  createDeveloperMetadataFinder() { return new FakeDeveloperMetadataFinder(this._ss, { sheet: this }); }

  // ---- charts ----

  newChart() { return FakeEmbeddedChart._blank(this); }
  insertChart(chart: FakeEmbeddedChart) {
    this._guardWrite('insertChart');
    const c = raw(chart);
    c._chartId = this._ss._nextId();
    this._charts.push(c);
  }
  getCharts() { return [...this._charts]; }
  removeChart(chart: FakeEmbeddedChart) {
    this._guardWrite('removeChart');
    const c = raw(chart);
    this._charts = this._charts.filter((x) => x._chartId !== c._chartId);
  }
  updateChart(chart: FakeEmbeddedChart) {
    this._guardWrite('updateChart');
    const c = raw(chart);
    const i = this._charts.findIndex((x) => x._chartId !== null && x._chartId === c._chartId);
    if (i < 0) throw new Error('The chart does not exist on this sheet.');
    this._charts[i] = c;
  }

  copyTo(spreadsheet: FakeSpreadsheet) {
    const target = raw(spreadsheet);
    target._guardWrite('copyTo');
    const copy = target._addSheet(target._uniqueName(`${/^ru/i.test(target._locale) ? 'Копия' : 'Copy of'} ${this._name}`), target._sheets.length, this);
    return copy;
  }

  /** Copy cells, sizes and view settings from a template sheet (insertSheet({template}), copyTo). */
  _copyFrom(src: FakeSheet): void {
    this._maxRows = src._maxRows;
    this._maxCols = src._maxCols;
    this._rows = src._rows.map((row) => row?.map((c) => (c ? { ...c, style: c.style && { ...c.style } } : undefined)));
    this._rowInfo = src._rowInfo.map((l) => l && { ...l });
    this._colInfo = src._colInfo.map((l) => l && { ...l });
    this._frozenRows = src._frozenRows;
    this._frozenCols = src._frozenCols;
    this._tabColor = src._tabColor;
    this._merges = src._liveMerges().map((m) => this._anchor(m.row, m.col, m.numRows, m.numCols, 'cells'));
  }
}
