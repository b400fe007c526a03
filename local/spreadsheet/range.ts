// Range: fixed coordinates on a sheet (like a real Range, it does not follow later row inserts).
// Writes go through the same input coercion as Sheets and demand an exact rectangle.
import { raw, unsupported } from '../counter';
import { a1Notation, quoteSheetName } from './a1';
import { FakeFilter } from './conditional';
import { FakeDeveloperMetadataFinder, ARBITRARY_RANGE_MESSAGE, metadataArgs, type MetadataLocation } from './metadata';
import { contains, intersects, normalizeColor, STYLE_DEFAULTS, type Cell, type Style } from './model';
import { FakeProtection } from './protection';
import { formulaA1ToR1C1, formulaR1C1ToA1 } from './r1c1';
import type { FakeSheet } from './sheet';
import { FakeDataValidation, FakeDataValidationBuilder } from './validation';
import { coerceInput, displayValue, isDate, type CellValue, type Coerced } from './values';
import type { WrapStrategyName, LocationTypeName } from './enums';

function typeName(x: unknown): string {
  if (Array.isArray(x)) return `${x.length && !Array.isArray(x[0]) ? typeof x[0] === 'string' ? 'String' : typeof x[0] : 'Object'}[]`;
  if (typeof x === 'string') return 'String';
  return x === null ? 'null' : typeof x;
}

/** Apps Script's messages for a setValues-style 2-D argument of the wrong shape. */
export function checkShape(data: unknown, rows: number, cols: number, className: string, method: string): asserts data is unknown[][] {
  if (!Array.isArray(data) || !data.every((r) => Array.isArray(r))) {
    throw new Error(`The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.${className}.${method}.`);
  }
  if (data.length !== rows) {
    throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rows}.`);
  }
  for (const r of data as unknown[][]) {
    if (r.length !== cols) {
      throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${cols}.`);
    }
  }
}

const MERGE_MESSAGE = 'You must select all cells in a merged range to merge or unmerge them.';

interface SortSpec { column: number; ascending: boolean }

function rank(v: CellValue): number {
  if (typeof v === 'number' || isDate(v)) return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

function compareCells(a: Cell | undefined, b: Cell | undefined, ascending: boolean): number {
  const va = a?.v ?? '';
  const vb = b?.v ?? '';
  if (va === '' || vb === '') return va === vb ? 0 : va === '' ? 1 : -1;
  let d = rank(va) - rank(vb);
  if (d === 0) {
    if (typeof va === 'string' && typeof vb === 'string') d = va.localeCompare(vb, 'ru', { sensitivity: 'base', numeric: true });
    else d = Number(va) - Number(vb);
  }
  return ascending ? d : -d;
}

export class FakeRange {
  readonly __className = 'Range';
  constructor(readonly _sheet: FakeSheet, readonly _row: number, readonly _col: number, readonly _numRows: number,
    readonly _numCols: number, readonly _open: { rows?: boolean; cols?: boolean } = {}) {}

  // ---- internals ----

  _box(): { row: number; col: number; numRows: number; numCols: number } {
    return { row: this._row, col: this._col, numRows: this._numRows, numCols: this._numCols };
  }

  _ref(): string {
    return `${quoteSheetName(this._sheet._name)}!${a1Notation(this._row, this._col, this._numRows, this._numCols)}`;
  }

  private _grid<T>(f: (cell: Cell | undefined, row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this._numRows; i++) {
      const line = this._sheet._rows[this._row - 1 + i];
      const vals: T[] = new Array(this._numCols);
      for (let j = 0; j < this._numCols; j++) vals[j] = f(line?.[this._col - 1 + j], this._row + i, this._col + j);
      out.push(vals);
    }
    return out;
  }

  private _top(): Cell | undefined { return this._sheet._cell(this._row, this._col); }

  private _fill<T>(value: T): T[][] {
    return Array.from({ length: this._numRows }, () => new Array<T>(this._numCols).fill(value));
  }

  private _guard(method: string): void { this._sheet._guardWrite(method); }

  /** Coerce like Sheets, check validation rules that reject input, then store: all or nothing. */
  _write(values: unknown[][], formulasOnly = false): void {
    const ss = this._sheet._ss;
    const base = { locale: ss._locale, timeZone: ss._timeZone, now: ss._env.now() };
    const planned: Coerced[][] = values.map((line, i) => line.map((v, j) => {
      const cell = this._sheet._cell(this._row + i, this._col + j);
      const co = formulasOnly && typeof v === 'string' && v.startsWith('=') ? { value: '' as CellValue, formula: v }
        : coerceInput(v, { ...base, textFormat: cell?.style?.numberFormat === '@' });
      const dv = cell?.dv;
      if (dv && !dv._spec.allowInvalid && !co.formula && !dv._accepts(co.value)) {
        throw new Error(`The data you entered in cell ${a1Notation(this._row + i, this._col + j, 1, 1)} violates the data validation rules set on this cell.`);
      }
      return co;
    }));
    planned.forEach((line, i) => line.forEach((co, j) => {
      const existing = this._sheet._cell(this._row + i, this._col + j);
      if (!existing && co.value === '' && !co.formula) return;
      const cell = existing ?? this._sheet._cellForWrite(this._row + i, this._col + j);
      cell.v = co.value;
      if (co.formula) cell.f = co.formula;
      else delete cell.f;
    }));
  }

  _clear(what: { contents?: boolean; formats?: boolean; notes?: boolean; validations?: boolean }): void {
    this._grid((cell) => {
      if (!cell) return;
      if (what.contents) { cell.v = ''; delete cell.f; }
      if (what.formats) delete cell.style;
      if (what.notes) delete cell.note;
      if (what.validations) delete cell.dv;
    });
    if (what.formats) {
      this._sheet._borders = this._sheet._borders.filter((b) => !contains(this._box(), b.anchor));
    }
  }

  _sort(specs: SortSpec[]): void {
    for (const s of specs) {
      if (s.column < this._col || s.column >= this._col + this._numCols) throw new Error('The column to sort by must be within the range.');
    }
    const rows = this._grid((cell) => cell);
    rows.sort((a, b) => {
      for (const s of specs) {
        const d = compareCells(a[s.column - this._col], b[s.column - this._col], s.ascending);
        if (d) return d;
      }
      return 0;
    });
    rows.forEach((line, i) => {
      const target = (this._sheet._rows[this._row - 1 + i] ??= []);
      line.forEach((cell, j) => { target[this._col - 1 + j] = cell; });
    });
  }

  _metadataLocation(type?: LocationTypeName): MetadataLocation {
    const wholeRows = this._col === 1 && this._numCols === this._sheet._maxCols;
    const wholeCols = this._row === 1 && this._numRows === this._sheet._maxRows;
    if ((type === undefined || type === 'ROW') && wholeRows) {
      return { type: 'ROW', sheet: this._sheet, anchor: this._sheet._anchor(this._row, 1, this._numRows, this._numCols, 'rows') };
    }
    if ((type === undefined || type === 'COLUMN') && wholeCols) {
      return { type: 'COLUMN', sheet: this._sheet, anchor: this._sheet._anchor(1, this._col, this._numRows, this._numCols, 'columns') };
    }
    throw new Error(ARBITRARY_RANGE_MESSAGE);
  }

  private _styles<K extends keyof Style>(key: K): Array<Array<Required<Style>[K]>> {
    return this._grid((cell) => (cell?.style?.[key] ?? STYLE_DEFAULTS[key]) as Required<Style>[K]);
  }

  private _setStyles<K extends keyof Style>(key: K, values: unknown, method: string, map: (v: unknown) => Style[K] | undefined): this {
    this._guard(method);
    checkShape(values, this._numRows, this._numCols, 'Range', method);
    values.forEach((line, i) => line.forEach((v, j) => {
      const mapped = v === null || v === undefined ? undefined : map(v);
      const existing = this._sheet._cell(this._row + i, this._col + j);
      if (mapped === undefined) {
        if (existing?.style) delete existing.style[key];
        return;
      }
      const cell = existing ?? this._sheet._cellForWrite(this._row + i, this._col + j);
      (cell.style ??= {})[key] = mapped;
    }));
    return this;
  }

  private _setStyle<K extends keyof Style>(key: K, value: unknown, method: string, map: (v: unknown) => Style[K] | undefined): this {
    return this._setStyles(key, this._fill(value), method, map);
  }

  // ---- geometry ----

  getRow() { return this._row; }
  getRowIndex() { return this._row; }
  getColumn() { return this._col; }
  getNumRows() { return this._numRows; }
  getNumColumns() { return this._numCols; }
  getHeight() { return this._numRows; }
  getWidth() { return this._numCols; }
  getLastRow() { return this._row + this._numRows - 1; }
  getLastColumn() { return this._col + this._numCols - 1; }
  getA1Notation() { return a1Notation(this._row, this._col, this._numRows, this._numCols, this._open); }
  getSheet() { return this._sheet; }
  getGridId() { return this._sheet._id; }
  getCell(row: number, column: number) {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numCols) throw new Error('Cell reference out of range');
    return new FakeRange(this._sheet, this._row + row - 1, this._col + column - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number) {
    const r = this._row + rowOffset;
    const c = this._col + columnOffset;
    const nr = numRows ?? this._numRows;
    const nc = numColumns ?? this._numCols;
    this._sheet._checkBounds(r, c, nr, nc);
    return new FakeRange(this._sheet, r, c, nr, nc);
  }
  isBlank() { return this._grid((c) => !c || (c.v === '' && !c.f)).every((l) => l.every(Boolean)); }
  activate() { this._sheet.setActiveRange(this); return this; }

  // ---- values and formulas ----

  getValues() { return this._grid((c) => (c ? (isDate(c.v) ? new Date(c.v.getTime()) : c.v) : '')); }
  getValue() {
    const c = this._top();
    return c ? (isDate(c.v) ? new Date(c.v.getTime()) : c.v) : '';
  }
  setValues(values: unknown[][]) {
    this._guard('setValues');
    checkShape(values, this._numRows, this._numCols, 'Range', 'setValues');
    this._write(values);
    return this;
  }
  setValue(value: unknown) { this._guard('setValue'); this._write(this._fill(value)); return this; }
  getDisplayValues() {
    const ctx = { locale: this._sheet._ss._locale, timeZone: this._sheet._ss._timeZone };
    return this._grid((c) => (c ? displayValue(c.v, c.style?.numberFormat, ctx) : ''));
  }
  getDisplayValue() { return this.getCell(1, 1).getDisplayValues()[0][0]; }
  getFormulas() { return this._grid((c) => c?.f ?? ''); }
  getFormula() { return this._top()?.f ?? ''; }
  setFormulas(formulas: string[][]) {
    this._guard('setFormulas');
    checkShape(formulas, this._numRows, this._numCols, 'Range', 'setFormulas');
    this._write(formulas, true);
    return this;
  }
  setFormula(formula: string) {
    this._guard('setFormula');
    this._write(this._fill(formula), true);
    return this;
  }
  // R1C1: relative references are stored as A1 for each cell, so one R1C1 text filled down a column points at
  // each row's own cells. As with setFormulas, a cell given '' (or text without "=") gets that as its content:
  // '' clears the cell, value and all.
  getFormulasR1C1() { return this._grid((c, r, col) => (c?.f ? formulaA1ToR1C1(c.f, r, col) : '')); }
  getFormulaR1C1() {
    const c = this._top();
    return c?.f ? formulaA1ToR1C1(c.f, this._row, this._col) : '';
  }
  setFormulasR1C1(formulas: string[][]) {
    this._guard('setFormulasR1C1');
    checkShape(formulas, this._numRows, this._numCols, 'Range', 'setFormulasR1C1');
    this._write(this._fromR1C1(formulas), true);
    return this;
  }
  setFormulaR1C1(formula: string) {
    this._guard('setFormulaR1C1');
    this._write(this._fromR1C1(this._fill(formula)), true);
    return this;
  }
  private _fromR1C1(formulas: unknown[][]): unknown[][] {
    return formulas.map((line, i) => line.map((f, j) =>
      (typeof f === 'string' && f.length > 1 && f.startsWith('=') ? formulaR1C1ToA1(f, this._row + i, this._col + j) : f)));
  }

  // ---- notes and formats ----

  getNotes() { return this._grid((c) => c?.note ?? ''); }
  getNote() { return this._top()?.note ?? ''; }
  setNotes(notes: Array<Array<string | null>>) {
    this._guard('setNotes');
    checkShape(notes, this._numRows, this._numCols, 'Range', 'setNotes');
    notes.forEach((line, i) => line.forEach((n, j) => {
      const text = n === null || n === undefined ? '' : String(n);
      const existing = this._sheet._cell(this._row + i, this._col + j);
      if (!text) { if (existing) delete existing.note; return; }
      (existing ?? this._sheet._cellForWrite(this._row + i, this._col + j)).note = text;
    }));
    return this;
  }
  setNote(note: string | null) { return this.setNotes(this._fill(note)); }
  clearNote() { this._guard('clearNote'); this._clear({ notes: true }); return this; }

  getNumberFormats() { return this._styles('numberFormat'); }
  getNumberFormat() { return this.getCell(1, 1)._styles('numberFormat')[0][0]; }
  setNumberFormats(formats: string[][]) { return this._setStyles('numberFormat', formats, 'setNumberFormats', String); }
  setNumberFormat(format: string) { return this._setStyle('numberFormat', format, 'setNumberFormat', String); }

  getBackgrounds() { return this._styles('background'); }
  getBackground() { return this.getCell(1, 1)._styles('background')[0][0]; }
  setBackgrounds(colors: Array<Array<string | null>>) { return this._setStyles('background', colors, 'setBackgrounds', (c) => normalizeColor(String(c))); }
  setBackground(color: string | null) { return this._setStyle('background', color, 'setBackground', (c) => normalizeColor(String(c))); }
  setBackgroundRGB(r: number, g: number, b: number) {
    const hex = '#' + [r, g, b].map((x) => Math.max(0, Math.min(255, x)).toString(16).padStart(2, '0')).join('');
    return this._setStyle('background', hex, 'setBackgroundRGB', String);
  }
  setFontColors(colors: Array<Array<string | null>>) { return this._setStyles('fontColor', colors, 'setFontColors', (c) => normalizeColor(String(c))); }
  setFontColor(color: string | null) { return this._setStyle('fontColor', color, 'setFontColor', (c) => normalizeColor(String(c))); }
  getFontWeights() { return this._styles('fontWeight'); }
  getFontWeight() { return this.getCell(1, 1)._styles('fontWeight')[0][0]; }
  setFontWeights(w: Array<Array<string | null>>) { return this._setStyles('fontWeight', w, 'setFontWeights', (v) => (v === 'bold' ? 'bold' : 'normal')); }
  setFontWeight(w: string | null) { return this._setStyle('fontWeight', w, 'setFontWeight', (v) => (v === 'bold' ? 'bold' : 'normal')); }
  getFontStyles() { return this._styles('fontStyle'); }
  getFontStyle() { return this.getCell(1, 1)._styles('fontStyle')[0][0]; }
  setFontStyles(s: Array<Array<string | null>>) { return this._setStyles('fontStyle', s, 'setFontStyles', (v) => (v === 'italic' ? 'italic' : 'normal')); }
  setFontStyle(s: string | null) { return this._setStyle('fontStyle', s, 'setFontStyle', (v) => (v === 'italic' ? 'italic' : 'normal')); }
  getFontSizes() { return this._styles('fontSize'); }
  getFontSize() { return this.getCell(1, 1)._styles('fontSize')[0][0]; }
  setFontSizes(s: number[][]) { return this._setStyles('fontSize', s, 'setFontSizes', Number); }
  setFontSize(s: number) { return this._setStyle('fontSize', s, 'setFontSize', Number); }
  getFontFamilies() { return this._styles('fontFamily'); }
  getFontFamily() { return this.getCell(1, 1)._styles('fontFamily')[0][0]; }
  setFontFamily(f: string | null) { return this._setStyle('fontFamily', f, 'setFontFamily', String); }

  getHorizontalAlignments() { return this._styles('horizontalAlignment'); }
  getHorizontalAlignment() { return this.getCell(1, 1)._styles('horizontalAlignment')[0][0]; }
  setHorizontalAlignments(a: Array<Array<string | null>>) { return this._setStyles('horizontalAlignment', a, 'setHorizontalAlignments', String); }
  setHorizontalAlignment(a: string | null) { return this._setStyle('horizontalAlignment', a, 'setHorizontalAlignment', String); }
  getVerticalAlignments() { return this._styles('verticalAlignment'); }
  getVerticalAlignment() { return this.getCell(1, 1)._styles('verticalAlignment')[0][0]; }
  setVerticalAlignments(a: Array<Array<string | null>>) { return this._setStyles('verticalAlignment', a, 'setVerticalAlignments', String); }
  setVerticalAlignment(a: string | null) { return this._setStyle('verticalAlignment', a, 'setVerticalAlignment', String); }

  getWrapStrategies() { return this._styles('wrapStrategy'); }
  getWrapStrategy() { return this.getCell(1, 1)._styles('wrapStrategy')[0][0]; }
  setWrapStrategies(s: WrapStrategyName[][]) { return this._setStyles('wrapStrategy', s, 'setWrapStrategies', (v) => String(v) as WrapStrategyName); }
  setWrapStrategy(s: WrapStrategyName) { return this._setStyle('wrapStrategy', s, 'setWrapStrategy', (v) => String(v) as WrapStrategyName); }
  getWraps() { return this._styles('wrapStrategy').map((l) => l.map((s) => s === 'WRAP')); }
  getWrap() { return this.getWrapStrategy() === 'WRAP'; }
  setWraps(w: boolean[][]) { return this._setStyles('wrapStrategy', w, 'setWraps', (v) => (v ? 'WRAP' : 'OVERFLOW')); }
  setWrap(w: boolean) { return this._setStyle('wrapStrategy', w, 'setWrap', (v) => (v ? 'WRAP' : 'OVERFLOW')); }

  /** Recorded as given (null = leave that edge unchanged, as in Apps Script); exported to xlsx. */
  setBorder(top: boolean | null, left: boolean | null, bottom: boolean | null, right: boolean | null,
    vertical: boolean | null, horizontal: boolean | null, color?: string | null, style?: string | null) {
    this._guard('setBorder');
    const anchor = this._sheet._anchor(this._row, this._col, this._numRows, this._numCols, 'cells');
    this._sheet._borders.push({ anchor, args: [top, left, bottom, right, vertical, horizontal, color ?? null, style ?? null] });
    return this;
  }

  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean }) {
    this._guard('clear');
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    this._clear(any ? { contents: o.contentsOnly, formats: o.formatOnly, validations: o.validationsOnly }
      : { contents: true, formats: true });
    return this;
  }
  clearContent() { this._guard('clearContent'); this._clear({ contents: true }); return this; }
  clearFormat() { this._guard('clearFormat'); this._clear({ formats: true }); return this; }

  // ---- data validation ----

  getDataValidations() { return this._grid((c) => c?.dv ?? null); }
  getDataValidation() { return this._top()?.dv ?? null; }
  setDataValidations(rules: Array<Array<FakeDataValidation | null>>) {
    this._guard('setDataValidations');
    checkShape(rules, this._numRows, this._numCols, 'Range', 'setDataValidations');
    rules.forEach((line, i) => line.forEach((rule, j) => {
      const dv = rule === null || rule === undefined ? undefined : raw(rule);
      if (dv !== undefined && !(dv instanceof FakeDataValidation)) {
        throw new Error("The parameters (Object[][]) don't match the method signature for SpreadsheetApp.Range.setDataValidations.");
      }
      const existing = this._sheet._cell(this._row + i, this._col + j);
      if (!dv) { if (existing) delete existing.dv; return; }
      (existing ?? this._sheet._cellForWrite(this._row + i, this._col + j)).dv = dv;
    }));
    return this;
  }
  setDataValidation(rule: FakeDataValidation | null) { return this.setDataValidations(this._fill(rule)); }
  clearDataValidations() { this._guard('clearDataValidations'); this._clear({ validations: true }); return this; }

  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown) {
    this._guard('insertCheckboxes');
    const rule = new FakeDataValidationBuilder().requireCheckbox(checkedValue, uncheckedValue).setAllowInvalid(false).build();
    const unchecked = checkedValue === undefined ? false : uncheckedValue === undefined ? '' : uncheckedValue;
    this._grid((_c, r, c) => {
      const cell = this._sheet._cellForWrite(r, c);
      cell.dv = rule;
      cell.v = unchecked as CellValue;
      delete cell.f;
    });
    return this;
  }
  removeCheckboxes() {
    this._guard('removeCheckboxes');
    this._grid((cell) => {
      if (cell?.dv?._spec.criteria !== 'CHECKBOX') return;
      const vals = cell.dv._spec.values;
      const states = vals.length ? vals.map(String) : ['true', 'false'];
      if (states.includes(String(cell.v))) cell.v = '';
      delete cell.dv;
    });
    return this;
  }
  private _checkState(cell: Cell | undefined): boolean | null {
    if (cell?.dv?._spec.criteria !== 'CHECKBOX') return null;
    const vals = cell.dv._spec.values;
    return vals.length ? String(cell.v) === String(vals[0]) : cell.v === true;
  }
  isChecked() {
    const states = this._grid((c) => this._checkState(c)).flat();
    if (states.some((s) => s === null)) return null;
    return states.every((s) => s) ? true : states.every((s) => !s) ? false : null;
  }
  check() { return this._setChecked(true); }
  uncheck() { return this._setChecked(false); }
  private _setChecked(on: boolean): this {
    this._guard(on ? 'check' : 'uncheck');
    this._grid((cell) => {
      if (cell?.dv?._spec.criteria !== 'CHECKBOX') return;
      const vals = cell.dv._spec.values;
      cell.v = (vals.length ? (on ? vals[0] : vals[1] ?? '') : on) as CellValue;
    });
    return this;
  }

  // ---- protection, filter ----

  protect() {
    this._guard('protect');
    const p = new FakeProtection(this._sheet, 'RANGE', this._sheet._anchor(this._row, this._col, this._numRows, this._numCols, 'cells'),
      this._sheet._ss._env.userEmail);
    this._sheet._protections.push(p);
    return p;
  }
  createFilter() {
    this._guard('createFilter');
    if (this._sheet._filter) throw new Error("You can't create a filter in a sheet that already has a filter.");
    this._sheet._filter = new FakeFilter(this._sheet, this._sheet._anchor(this._row, this._col, this._numRows, this._numCols, 'cells'));
    return this._sheet._filter;
  }
  getFilter() { return this._sheet._filter; }

  // ---- merges ----

  private _mergeBlocks(blocks: FakeRange[], method: string): this {
    this._guard(method);
    const merges = this._sheet._liveMerges();
    if (merges.some((m) => intersects(this._box(), m) && !contains(this._box(), m))) throw new Error(MERGE_MESSAGE);
    this._sheet._merges = merges.filter((m) => !contains(this._box(), m));
    for (const b of blocks) {
      if (b._numRows === 1 && b._numCols === 1) continue;
      b._grid((cell, r, c) => {
        if (cell && (r !== b._row || c !== b._col)) { cell.v = ''; delete cell.f; }
      });
      this._sheet._merges.push(this._sheet._anchor(b._row, b._col, b._numRows, b._numCols, 'cells'));
    }
    return this;
  }
  merge() { return this._mergeBlocks([this], 'merge'); }
  mergeAcross() {
    return this._mergeBlocks(Array.from({ length: this._numRows }, (_, i) => new FakeRange(this._sheet, this._row + i, this._col, 1, this._numCols)), 'mergeAcross');
  }
  mergeVertically() {
    return this._mergeBlocks(Array.from({ length: this._numCols }, (_, j) => new FakeRange(this._sheet, this._row, this._col + j, this._numRows, 1)), 'mergeVertically');
  }
  breakApart() {
    this._guard('breakApart');
    const merges = this._sheet._liveMerges();
    if (merges.some((m) => intersects(this._box(), m) && !contains(this._box(), m))) throw new Error(MERGE_MESSAGE);
    this._sheet._merges = merges.filter((m) => !contains(this._box(), m));
    return this;
  }
  getMergedRanges() { return this._sheet._liveMerges().filter((m) => intersects(this._box(), m)).map((m) => this._sheet._rangeOf(m)); }
  isPartOfMerge() { return this._sheet._liveMerges().some((m) => intersects(this._box(), m)); }

  // ---- developer metadata ----

  addDeveloperMetadata(key: string, a?: unknown, b?: unknown) {
    this._guard('addDeveloperMetadata');
    this._sheet._ss._addMetadata(metadataArgs(key, a, b), this._metadataLocation());
    return this;
  }
  getDeveloperMetadata() {
    return this._sheet._ss._liveMetadata().filter((m) => {
      const span = m._span();
      return m._loc.sheet === this._sheet && !!span && span.row === this._row && span.col === this._col
        && span.numRows === this._numRows && span.numCols === this._numCols;
    });
  }
  createDeveloperMetadataFinder() { return new FakeDeveloperMetadataFinder(this._sheet._ss, { range: this }); }

  // ---- moving data ----

  copyTo(destination: FakeRange, options?: { formatOnly?: boolean; contentsOnly?: boolean }) {
    const dest = raw(destination);
    dest._guard('copyTo');
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      throw unsupported('Range.copyTo(destination, copyPasteType, transposed)');
    }
    const contents = !options?.formatOnly;
    const formats = !options?.contentsOnly;
    dest._sheet._checkBounds(dest._row, dest._col, this._numRows, this._numCols);
    const snapshot = this._grid((c) => (c ? { ...c, style: c.style && { ...c.style } } : undefined));
    snapshot.forEach((line, i) => line.forEach((src, j) => {
      const r = dest._row + i;
      const c = dest._col + j;
      if (!src && !dest._sheet._cell(r, c)) return;
      const cell = dest._sheet._cellForWrite(r, c);
      if (contents) {
        cell.v = src?.v ?? '';
        if (src?.f) cell.f = src.f; else delete cell.f;
        if (src?.note) cell.note = src.note; else delete cell.note;
      }
      if (formats) {
        if (src?.style) cell.style = { ...src.style }; else delete cell.style;
        if (src?.dv) cell.dv = src.dv; else delete cell.dv;
      }
    }));
  }

  sort(spec: unknown) {
    this._guard('sort');
    const list = Array.isArray(spec) ? spec : [spec];
    this._sort(list.map((s) => (typeof s === 'number' ? { column: s, ascending: true }
      : { column: Number((s as SortSpec).column), ascending: (s as SortSpec).ascending !== false })));
    return this;
  }
}
