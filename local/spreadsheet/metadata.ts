// Developer metadata: key/value pairs on the spreadsheet, a sheet, or whole rows/columns. Row and column
// metadata moves with inserted rows and disappears with deleted ones, as in Sheets, which is what makes it
// usable as a stable row id.
import { raw } from '../counter';
import type { LocationTypeName, VisibilityName } from './enums';
import { contains, intersects, type Anchor } from './model';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';

export interface MetadataLocation {
  type: LocationTypeName;
  sheet?: FakeSheet;
  anchor?: Anchor;
}

export const ARBITRARY_RANGE_MESSAGE = 'Adding developer metadata to arbitrary ranges is not currently supported. '
  + 'Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

/** Overloads (key), (key, visibility), (key, value), (key, value, visibility). */
export function metadataArgs(key: unknown, a?: unknown, b?: unknown): { key: string; value: string | null; visibility: VisibilityName } {
  const isVis = (x: unknown) => x === 'DOCUMENT' || x === 'PROJECT';
  if (b !== undefined) return { key: String(key), value: String(a), visibility: String(b) as VisibilityName };
  if (a !== undefined && isVis(a)) return { key: String(key), value: null, visibility: a as VisibilityName };
  return { key: String(key), value: a === undefined ? null : String(a), visibility: 'DOCUMENT' };
}

export class FakeDeveloperMetadataLocation {
  readonly __className = 'DeveloperMetadataLocation';
  constructor(readonly _ss: FakeSpreadsheet, readonly _loc: MetadataLocation) {}
  getLocationType() { return this._loc.type; }
  getSpreadsheet() { return this._loc.type === 'SPREADSHEET' ? this._ss : null; }
  getSheet() { return this._loc.type === 'SHEET' ? this._loc.sheet ?? null : null; }
  getRow() { return this._loc.type === 'ROW' && this._loc.sheet && this._loc.anchor ? this._loc.sheet._rangeOf(this._loc.anchor) : null; }
  getColumn() { return this._loc.type === 'COLUMN' && this._loc.sheet && this._loc.anchor ? this._loc.sheet._rangeOf(this._loc.anchor) : null; }
}

export class FakeDeveloperMetadata {
  readonly __className = 'DeveloperMetadata';
  constructor(readonly _ss: FakeSpreadsheet, readonly _id: number, public _key: string, public _value: string | null,
    public _visibility: VisibilityName, public _loc: MetadataLocation) {}

  private _write(method: string): void { this._ss._guardWrite(method); }

  getId() { return this._id; }
  getKey() { return this._key; }
  getValue() { return this._value; }
  getVisibility() { return this._visibility; }
  getLocation() { return new FakeDeveloperMetadataLocation(this._ss, this._loc); }
  setKey(key: string) { this._write('setKey'); this._key = String(key); return this; }
  setValue(value: string) { this._write('setValue'); this._value = String(value); return this; }
  setVisibility(v: VisibilityName) { this._write('setVisibility'); this._visibility = v; return this; }
  remove() { this._write('remove'); this._release(); this._ss._metadata = this._ss._metadata.filter((m) => m !== this); }
  moveToSpreadsheet() { this._write('moveToSpreadsheet'); this._release(); this._loc = { type: 'SPREADSHEET' }; return this; }
  moveToSheet(sheet: FakeSheet) { this._write('moveToSheet'); this._release(); this._loc = { type: 'SHEET', sheet: raw(sheet) }; return this; }
  moveToRow(range: FakeRange) { this._write('moveToRow'); this._release(); this._loc = raw(range)._metadataLocation('ROW'); return this; }
  moveToColumn(range: FakeRange) { this._write('moveToColumn'); this._release(); this._loc = raw(range)._metadataLocation('COLUMN'); return this; }

  _release(): void {
    if (this._loc.anchor && this._loc.sheet) this._loc.sheet._anchors.delete(this._loc.anchor);
  }

  /** Row/column span of the location, for range-scoped searches. */
  _span(): { row: number; col: number; numRows: number; numCols: number } | null {
    const { sheet, anchor } = this._loc;
    if (!sheet || !anchor) return null;
    return sheet._rangeOf(anchor)._box();
  }
}

interface FinderScope { sheet?: FakeSheet; range?: FakeRange }

export class FakeDeveloperMetadataFinder {
  readonly __className = 'DeveloperMetadataFinder';
  private _filters: Array<(m: FakeDeveloperMetadata) => boolean> = [];
  private _intersecting = false;
  constructor(readonly _ss: FakeSpreadsheet, readonly _scope: FinderScope) {}

  withId(id: number) { this._filters.push((m) => m._id === id); return this; }
  withKey(key: string) { this._filters.push((m) => m._key === key); return this; }
  withValue(value: string) { this._filters.push((m) => m._value === value); return this; }
  withLocationType(type: LocationTypeName) { this._filters.push((m) => m._loc.type === String(type)); return this; }
  withVisibility(v: VisibilityName) { this._filters.push((m) => m._visibility === String(v)); return this; }
  onIntersectingLocations() { this._intersecting = true; return this; }

  find() {
    const { sheet, range } = this._scope;
    return this._ss._liveMetadata().filter((m) => {
      if (sheet && m._loc.sheet !== sheet) return false;
      if (range) {
        const span = m._span();
        if (!span || m._loc.sheet !== range._sheet) return false;
        const r = range._box();
        if (!(this._intersecting ? intersects(r, span) : contains(r, span))) return false;
      }
      return this._filters.every((f) => f(m));
    });
  }
}
