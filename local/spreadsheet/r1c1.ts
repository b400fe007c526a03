// Formula text between A1 and R1C1 notation, relative to the cell that holds the formula, as Sheets does for
// getFormulasR1C1/setFormulasR1C1: «B5» in C7 is «R[-2]C[-1]», «$B$5» is «R5C2», «$B5» is «R[-2]C2». Only
// references are rewritten: strings in double quotes, function names (LOG10( is a function, LOG10 alone is the
// cell in column LOG), named ranges and numbers are copied as they are. Sheets writes R[0]/C[0] for the
// formula's own row or column and answers #REF! for a reference that would leave the grid.
import { columnLetters, columnNumber } from './a1';

const MAX_COLUMN = 18278; // ZZZ
const MAX_ROW = 10_000_000;

// A sheet prefix: 'Лист 1'! or a bare name like Data! (letters of any script, digits, _ and dots).
const SHEET = String.raw`(?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!`;

const A1_CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const A1_COL = String.raw`\$?[A-Za-z]{1,3}`;
const A1_ROW = String.raw`\$?\d+`;
// A2:C (a column open below its start row) is a cell followed by a bare column.
const A1_REF = new RegExp(String.raw`(${SHEET})?(${A1_CELL}(?::(?:${A1_CELL}|${A1_COL}))?|${A1_COL}:${A1_COL}|${A1_ROW}:${A1_ROW})`, 'uy');

const R_PART = String.raw`[Rr](?:\[[+-]?\d+\]|\d+)?`;
const C_PART = String.raw`[Cc](?:\[[+-]?\d+\]|\d+)?`;
const R1C1_CELL = `${R_PART}${C_PART}`;
const R1C1_REF = new RegExp(String.raw`(${SHEET})?(${R1C1_CELL}(?::(?:${R1C1_CELL}|${C_PART}))?|${C_PART}:${C_PART}|${R_PART}:${R_PART})`, 'uy');

const WORD = /[\p{L}\p{N}_.$]/u;
// After a reference: not a longer word, not a function call, not a sheet name.
const NOT_AFTER = /[\p{L}\p{N}_.$(!\[]/u;
const WORD_RUN = /[\p{L}\p{N}_.$]+/uy;

type Converter = (ref: string) => string | null;

/**
 * Walk a formula and rewrite each reference with `convert` (null: not a reference after all, copied as is).
 * `'…'` is only a sheet name (it must end in `!`); `"…"` is a string and copied whole.
 */
function rewrite(formula: string, pattern: RegExp, convert: Converter): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') { j += 2; continue; }
          break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (!WORD.test(prev) && prev !== '!' && prev !== ':') {
      pattern.lastIndex = i;
      const m = pattern.exec(formula);
      if (m) {
        const end = i + m[0].length;
        const next = formula[end] ?? '';
        if (!NOT_AFTER.test(next) && next !== ':') {
          const converted = convert(m[0]);
          if (converted !== null) {
            out += converted;
            i = end;
            continue;
          }
        }
      }
    }
    if (WORD.test(ch)) {
      WORD_RUN.lastIndex = i;
      const w = WORD_RUN.exec(formula)![0];
      out += w;
      i += w.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function splitSheet(ref: string, pattern: RegExp): { sheet: string; body: string } {
  pattern.lastIndex = 0;
  const m = pattern.exec(ref)!;
  return { sheet: m[1] ?? '', body: m[2] };
}

interface Axis { abs: boolean; n: number }

const REF_ERROR = '#REF!';

function a1PartToR1C1(part: string, row: number, col: number): string | null {
  const m = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(part);
  if (!m) return null;
  let out = '';
  if (m[4]) {
    const r = Number(m[4]);
    if (r < 1 || r > MAX_ROW) return null;
    out += m[3] || (!m[2] && m[1]) ? `R${r}` : `R[${r - row}]`;
  }
  if (m[2]) {
    const c = columnNumber(m[2]);
    out += m[1] ? `C${c}` : `C[${c - col}]`;
  }
  return out;
}

/** A1 formula text (with its "=") of the cell at `row`, `col` as Sheets answers it in R1C1. */
export function formulaA1ToR1C1(formula: string, row: number, col: number): string {
  return rewrite(formula, A1_REF, (ref) => {
    const { sheet, body } = splitSheet(ref, A1_REF);
    const parts = body.split(':').map((p) => a1PartToR1C1(p, row, col));
    if (parts.some((p) => p === null)) return null;
    return sheet + parts.join(':');
  });
}

function axis(text: string | undefined): Axis | null {
  if (text === undefined || text === '') return { abs: false, n: 0 };
  if (text.startsWith('[')) return { abs: false, n: Number(text.slice(1, -1)) };
  return { abs: true, n: Number(text) };
}

function r1c1PartToA1(part: string, row: number, col: number): string | null {
  const m = /^(?:[Rr](\[[+-]?\d+\]|\d+)?)?(?:([Cc])(\[[+-]?\d+\]|\d+)?)?$/.exec(part);
  if (!m) return null;
  const hasRow = /^[Rr]/.test(part);
  const hasCol = m[2] !== undefined;
  let out = '';
  if (hasCol) {
    const a = axis(m[3])!;
    const c = a.abs ? a.n : col + a.n;
    if (c < 1 || c > MAX_COLUMN) return REF_ERROR;
    out += (a.abs ? '$' : '') + columnLetters(c);
  }
  if (hasRow) {
    const a = axis(m[1])!;
    const r = a.abs ? a.n : row + a.n;
    if (r < 1 || r > MAX_ROW) return REF_ERROR;
    out += (a.abs ? '$' : '') + r;
  }
  return out;
}

/** R1C1 formula text (with its "=") to the A1 text Sheets stores for the cell at `row`, `col`. */
export function formulaR1C1ToA1(formula: string, row: number, col: number): string {
  return rewrite(formula, R1C1_REF, (ref) => {
    const { sheet, body } = splitSheet(ref, R1C1_REF);
    const parts = body.split(':').map((p) => r1c1PartToA1(p, row, col));
    if (parts.some((p) => p === null)) return null;
    // A reference that would leave the grid is an error as a whole, sheet name and all.
    if (parts.includes(REF_ERROR)) return REF_ERROR;
    return sheet + parts.join(':');
  });
}
