// Spreadsheet: the sheets, named ranges, developer metadata, toasts and locale/time zone of one workbook.
import { raw } from '../counter';
import type { FakeEnv } from '../env';
import { parseA1 } from './a1';
import { FakeDeveloperMetadata, FakeDeveloperMetadataFinder, metadataArgs, type MetadataLocation } from './metadata';
import type { Anchor } from './model';
import type { FakeRange } from './range';
import { FakeSheet } from './sheet';
import type { VisibilityName } from './enums';

export class FakeNamedRange {
  readonly __className = 'NamedRange';
  constructor(readonly _ss: FakeSpreadsheet, public _name: string, public _sheet: FakeSheet, public _anchor: Anchor) {}
  getName() { return this._name; }
  setName(name: string) { this._ss._guardWrite('setName'); this._name = String(name); return this; }
  getRange() { return this._sheet._rangeOf(this._anchor); }
  setRange(range: FakeRange) {
    this._ss._guardWrite('setRange');
    const r = raw(range);
    this._sheet._anchors.delete(this._anchor);
    this._sheet = r._sheet;
    this._anchor = r._sheet._anchor(r._row, r._col, r._numRows, r._numCols, 'cells');
    return this;
  }
  remove() { this._ss.removeNamedRange(this._name); }
}

export interface Toast { message: string; title: string; timeoutSeconds: number | null }

export interface SpreadsheetOptions {
  /** Sheets' locale decides how typed strings become numbers/dates and how values display. */
  locale?: string;
  timeZone?: string;
  /** Start with no sheets (xlsx import, fixtures); otherwise one empty default sheet is created. */
  blank?: boolean;
}

interface Registry { byId: Map<string, FakeSpreadsheet>; seq: number }
const REGISTRY = new WeakMap<FakeEnv, Registry>();

function registryOf(env: FakeEnv): Registry {
  let r = REGISTRY.get(env);
  if (!r) REGISTRY.set(env, (r = { byId: new Map(), seq: 0 }));
  return r;
}

/**
 * Make a spreadsheet built elsewhere (a fixture, a loaded .xlsx) part of `env`'s runtime: it answers to that
 * runtime's clock, context and user, and openById finds it there.
 */
export function adoptSpreadsheet(env: FakeEnv, ss: FakeSpreadsheet): void {
  (ss as { _env: FakeEnv })._env = env;
  registryOf(env).byId.set(ss._id, ss);
}

/** Every spreadsheet created in one local runtime, for openById. */
export function spreadsheetById(env: FakeEnv, id: string): FakeSpreadsheet | undefined {
  return registryOf(env).byId.get(id);
}

export class FakeSpreadsheet {
  readonly __className = 'Spreadsheet';
  readonly _id: string;
  _sheets: FakeSheet[] = [];
  _activeSheet: FakeSheet | null = null;
  _toasts: Toast[] = [];
  /** Document properties carried by a loaded .xlsx (see local/xlsx.ts PROPERTIES_SHEET); the runtime adopts them. */
  readonly _documentProperties = new Map<string, string>();
  _namedRanges: FakeNamedRange[] = [];
  _metadata: FakeDeveloperMetadata[] = [];
  _locale: string;
  _timeZone: string;
  private _seq = 0;

  constructor(public _env: FakeEnv, public _name: string, opts: SpreadsheetOptions = {}) {
    const reg = registryOf(_env);
    reg.seq += 1;
    // 44 characters like a real id, unique within the runtime and stable across runs.
    this._id = `1LocalFake${String(reg.seq).padStart(6, '0')}`.padEnd(44, 'x');
    reg.byId.set(this._id, this);
    this._locale = opts.locale ?? 'ru_RU';
    this._timeZone = opts.timeZone ?? _env.timeZone;
    if (!opts.blank) this._addSheet(this._defaultSheetName(), 0);
  }

  // ---- internals ----

  /** Custom functions see the spreadsheet read-only. */
  _guardWrite(method: string): void {
    if (this._env.context === 'custom-function') throw new Error(`You do not have permission to call ${method}`);
  }

  _nextId(): number {
    this._seq += 1;
    return 100000 + this._seq;
  }

  private _defaultSheetName(): string {
    const base = /^ru/i.test(this._locale) ? 'Лист' : 'Sheet';
    for (let n = this._sheets.length + 1; ; n++) if (!this._findSheet(`${base}${n}`)) return `${base}${n}`;
  }

  _uniqueName(base: string): string {
    if (!this._findSheet(base)) return base;
    for (let n = 2; ; n++) if (!this._findSheet(`${base} ${n}`)) return `${base} ${n}`;
  }

  _findSheet(name: string): FakeSheet | undefined {
    const n = String(name).toLowerCase();
    return this._sheets.find((s) => s._name.toLowerCase() === n);
  }

  _addSheet(name: string, index: number, template?: FakeSheet, size?: { rows: number; columns: number }): FakeSheet {
    if (this._findSheet(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const id = this._sheets.length === 0 ? 0 : 1000000 + this._nextId() * 7919;
    const sheet = new FakeSheet(this, id, name, size?.rows ?? 1000, size?.columns ?? 26);
    if (template) sheet._copyFrom(template);
    this._sheets.splice(Math.max(0, Math.min(index, this._sheets.length)), 0, sheet);
    this._activeSheet = sheet;
    return sheet;
  }

  _liveMetadata(): FakeDeveloperMetadata[] {
    this._metadata = this._metadata.filter((m) => !m._loc.anchor?.gone && (!m._loc.sheet || this._sheets.includes(m._loc.sheet)));
    return this._metadata;
  }

  _liveNamedRanges(): FakeNamedRange[] {
    this._namedRanges = this._namedRanges.filter((n) => !n._anchor.gone && this._sheets.includes(n._sheet));
    return this._namedRanges;
  }

  _addMetadata(m: { key: string; value: string | null; visibility: VisibilityName }, loc: MetadataLocation): FakeDeveloperMetadata {
    const md = new FakeDeveloperMetadata(this, this._nextId(), m.key, m.value, m.visibility, loc);
    this._metadata.push(md);
    return md;
  }

  // ---- identity ----

  getId() { return this._id; }
  getName() { return this._name; }
  rename(name: string) { this._guardWrite('rename'); this._name = String(name); }
  getUrl() { return `https://docs.google.com/spreadsheets/d/${this._id}/edit`; }
  getSpreadsheetTimeZone() { return this._timeZone; }
  setSpreadsheetTimeZone(tz: string) { this._guardWrite('setSpreadsheetTimeZone'); this._timeZone = String(tz); }
  getSpreadsheetLocale() { return this._locale; }
  setSpreadsheetLocale(locale: string) { this._guardWrite('setSpreadsheetLocale'); this._locale = String(locale); }

  // ---- sheets ----

  getSheets() { return [...this._sheets]; }
  getNumSheets() { return this._sheets.length; }
  getSheetByName(name: string) { return this._findSheet(name) ?? null; }
  getSheetById(id: number) { return this._sheets.find((s) => s._id === id) ?? null; }

  insertSheet(a?: unknown, b?: unknown, c?: unknown) {
    this._guardWrite('insertSheet');
    const args = [a, b, c];
    const name = typeof a === 'string' ? a : undefined;
    const index = args.find((x) => typeof x === 'number') as number | undefined;
    const options = args.find((x) => x !== null && typeof x === 'object') as { template?: FakeSheet } | undefined;
    const template = options?.template ? raw(options.template) : undefined;
    const active = this._activeSheet ? this._sheets.indexOf(this._activeSheet) : this._sheets.length - 1;
    // Without an index Apps Script puts the new sheet right after the active one.
    return this._addSheet(name ?? this._defaultSheetName(), index ?? active + 1, template);
  }

  deleteSheet(sheet: FakeSheet) {
    this._guardWrite('deleteSheet');
    const s = raw(sheet);
    const i = this._sheets.indexOf(s);
    if (i < 0) throw new Error('The sheet does not exist in this spreadsheet.');
    if (this._sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this._sheets.splice(i, 1);
    if (this._activeSheet === s) this._activeSheet = this._sheets[Math.max(0, i - 1)];
    this._liveMetadata();
    this._liveNamedRanges();
  }

  getActiveSheet() { return this._activeSheet ?? this._sheets[0]; }
  setActiveSheet(sheet: FakeSheet) {
    const s = raw(sheet);
    if (!this._sheets.includes(s)) throw new Error('The sheet does not exist in this spreadsheet.');
    this._activeSheet = s;
    return s;
  }
  moveActiveSheet(pos: number) {
    this._guardWrite('moveActiveSheet');
    const s = this.getActiveSheet();
    this._sheets.splice(this._sheets.indexOf(s), 1);
    this._sheets.splice(Math.max(0, Math.min(pos - 1, this._sheets.length)), 0, s);
  }
  getActiveRange() { return this.getActiveSheet().getActiveRange(); }
  getActiveCell() { return this.getActiveSheet().getActiveCell(); }
  setActiveRange(range: FakeRange) { const r = raw(range); return r._sheet.setActiveRange(r); }

  // The active-sheet shortcuts Spreadsheet offers.
  getSheetName() { return this.getActiveSheet()._name; }
  getSheetId() { return this.getActiveSheet()._id; }
  getDataRange() { return this.getActiveSheet().getDataRange(); }
  getLastRow() { return this.getActiveSheet()._lastRow(); }
  getLastColumn() { return this.getActiveSheet()._lastCol(); }
  appendRow(row: unknown[]) { return this.getActiveSheet().appendRow(row); }
  getFrozenRows() { return this.getActiveSheet().getFrozenRows(); }
  setFrozenRows(rows: number) { this.getActiveSheet().setFrozenRows(rows); }

  getRange(a1: string) {
    const ref = parseA1(String(a1));
    if (!ref) throw new Error('Range not found');
    const sheet = ref.sheetName === undefined ? this.getActiveSheet() : this._findSheet(ref.sheetName);
    if (!sheet) throw new Error('Range not found');
    const bang = String(a1).lastIndexOf('!');
    return sheet._rangeA1(bang >= 0 ? String(a1).slice(bang + 1) : String(a1));
  }

  getProtections(type: 'SHEET' | 'RANGE') { return this._sheets.flatMap((s) => s.getProtections(type)); }

  // ---- named ranges ----

  setNamedRange(name: string, range: FakeRange) {
    this._guardWrite('setNamedRange');
    const r = raw(range);
    const n = String(name);
    if (!/^[A-Za-z_\u0400-\u04FF][\w.\u0400-\u04FF]*$/.test(n) || /^[A-Za-z]{1,3}\d+$/.test(n)) {
      throw new Error(`The name "${n}" is not valid for a named range.`);
    }
    const old = this._namedRanges.find((x) => x._name === n);
    if (old) this._dropNamed(old);
    this._namedRanges.push(new FakeNamedRange(this, n, r._sheet, r._sheet._anchor(r._row, r._col, r._numRows, r._numCols, 'cells')));
  }
  getRangeByName(name: string) {
    const n = this._liveNamedRanges().find((x) => x._name === String(name));
    return n ? n.getRange() : null;
  }
  getNamedRanges() { return [...this._liveNamedRanges()]; }
  removeNamedRange(name: string) {
    this._guardWrite('removeNamedRange');
    const found = this._namedRanges.find((x) => x._name === String(name));
    if (!found) throw new Error(`The named range "${name}" does not exist.`);
    this._dropNamed(found);
  }
  private _dropNamed(n: FakeNamedRange): void {
    n._sheet._anchors.delete(n._anchor);
    this._namedRanges = this._namedRanges.filter((x) => x !== n);
  }

  // ---- developer metadata ----

  addDeveloperMetadata(key: string, a?: unknown, b?: unknown) {
    this._guardWrite('addDeveloperMetadata');
    this._addMetadata(metadataArgs(key, a, b), { type: 'SPREADSHEET' });
    return this;
  }
  getDeveloperMetadata() { return this._liveMetadata().filter((m) => m._loc.type === 'SPREADSHEET'); }
  createDeveloperMetadataFinder() { return new FakeDeveloperMetadataFinder(this, {}); }

  // ---- ui ----

  toast(message: string, title?: string, timeoutSeconds?: number | null) {
    this._toasts.push({ message: String(message), title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds === undefined ? null : timeoutSeconds });
  }
}
