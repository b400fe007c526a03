// A1 notation: the forms Apps Script accepts in getRange(a1) ("B2", "A1:C3", "A:C", "2:4", "A2:C",
// "'Лист 1'!A1:B2") and the string getA1Notation() gives back.

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Undefined bounds are open: "A:C" has no rows, "2:4" no columns, "A2:C" no end row. */
export interface A1Ref {
  sheetName?: string;
  row?: number;
  col?: number;
  endRow?: number;
  endCol?: number;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function part(s: string): { col?: number; row?: number } | null {
  const m = PART.exec(s);
  if (!m || (!m[1] && !m[2])) return null;
  const row = m[2] ? Number(m[2]) : undefined;
  if (row === 0) return null;
  return { col: m[1] ? columnNumber(m[1]) : undefined, row };
}

export function parseA1(text: string): A1Ref | null {
  let rest = text.trim();
  let sheetName: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    if (sheetName.startsWith("'") && sheetName.endsWith("'") && sheetName.length >= 2) {
      sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    }
  }
  const [a, b, extra] = rest.split(':');
  if (extra !== undefined || !a) return null;
  const start = part(a);
  if (!start) return null;
  if (b === undefined) {
    if (start.row === undefined || start.col === undefined) return null;
    return { sheetName, row: start.row, col: start.col, endRow: start.row, endCol: start.col };
  }
  const end = part(b);
  if (!end) return null;
  // "A:C" and "2:4" must be open on the same axis at both ends; "A2:C" keeps its start row.
  if ((start.col === undefined) !== (end.col === undefined)) return null;
  if (start.row === undefined && end.row !== undefined) return null;
  const ref: A1Ref = { sheetName, row: start.row, col: start.col, endRow: end.row, endCol: end.col };
  if (ref.row !== undefined && ref.endRow !== undefined && ref.endRow < ref.row) [ref.row, ref.endRow] = [ref.endRow, ref.row];
  if (ref.col !== undefined && ref.endCol !== undefined && ref.endCol < ref.col) [ref.col, ref.endCol] = [ref.endCol, ref.col];
  return ref;
}

/** Quote a sheet name for A1 notation the way Sheets does ('Лист 1'!A1, Data!A1). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function a1Notation(row: number, col: number, numRows: number, numCols: number,
  open: { rows?: boolean; cols?: boolean } = {}): string {
  const c1 = columnLetters(col);
  const c2 = columnLetters(col + numCols - 1);
  if (open.rows) return `${c1}:${c2}`;
  if (open.cols) return `${row}:${row + numRows - 1}`;
  if (numRows === 1 && numCols === 1) return `${c1}${row}`;
  return `${c1}${row}:${c2}${row + numRows - 1}`;
}
