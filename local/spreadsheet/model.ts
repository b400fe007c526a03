// The plain data behind the fakes: cells, their formats, and anchors — positions that move with inserted and
// deleted rows/columns the way Sheets moves named ranges, protections, merges and row metadata.
import type { CellValue } from './values';
import type { WrapStrategyName } from './enums';
import type { FakeDataValidation } from './validation';

export interface Style {
  background?: string;
  fontColor?: string;
  fontWeight?: 'bold' | 'normal';
  fontStyle?: 'italic' | 'normal';
  fontSize?: number;
  fontFamily?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapStrategy?: WrapStrategyName;
  numberFormat?: string;
}

export const STYLE_DEFAULTS: Required<Style> = {
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrapStrategy: 'OVERFLOW',
  numberFormat: '0.###############',
};

export interface Cell {
  v: CellValue;
  /** Formula text with the leading "="; `v` is then its last known result (we never evaluate). */
  f?: string;
  note?: string;
  style?: Style;
  dv?: FakeDataValidation;
}

export type AnchorKind = 'cells' | 'rows' | 'columns';

/** A stored position; `gone` once every row or column it covered was deleted. */
export interface Anchor {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  kind: AnchorKind;
  gone?: boolean;
}

function grow(start: number, len: number, at: number, n: number): [number, number] {
  if (at <= start) return [start + n, len];
  if (at < start + len) return [start, len + n];
  return [start, len];
}

function cut(start: number, len: number, at: number, n: number): [number, number] {
  const end = start + len;
  const dEnd = at + n;
  const overlap = Math.max(0, Math.min(end, dEnd) - Math.max(start, at));
  const newStart = start < at ? start : start >= dEnd ? start - n : at;
  return [newStart, len - overlap];
}

/** Move an anchor for `n` rows (dim 'rows') or columns inserted (n > 0) or deleted (n < 0) at position `at`. */
export function shiftAnchor(a: Anchor, dim: 'rows' | 'columns', at: number, n: number): void {
  if (dim === 'rows' && a.kind === 'columns') return;
  if (dim === 'columns' && a.kind === 'rows') return;
  const [s, l] = dim === 'rows' ? [a.row, a.numRows] : [a.col, a.numCols];
  const [ns, nl] = n > 0 ? grow(s, l, at, n) : cut(s, l, at, -n);
  if (dim === 'rows') [a.row, a.numRows] = [ns, nl];
  else [a.col, a.numCols] = [ns, nl];
  if (nl <= 0) a.gone = true;
}

export function intersects(a: { row: number; col: number; numRows: number; numCols: number },
  b: { row: number; col: number; numRows: number; numCols: number }): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

export function contains(outer: { row: number; col: number; numRows: number; numCols: number },
  inner: { row: number; col: number; numRows: number; numCols: number }): boolean {
  return inner.row >= outer.row && inner.col >= outer.col && inner.row + inner.numRows <= outer.row + outer.numRows
    && inner.col + inner.numCols <= outer.col + outer.numCols;
}

const NAMED_COLORS: Record<string, string> = {
  white: '#ffffff', black: '#000000', red: '#ff0000', green: '#00ff00', blue: '#0000ff', yellow: '#ffff00',
  gray: '#808080', grey: '#808080', orange: '#ffa500',
};

/** Sheets answers colours as lowercase #rrggbb whatever form they were set in. */
export function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (NAMED_COLORS[c]) return NAMED_COLORS[c];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return c;
}
