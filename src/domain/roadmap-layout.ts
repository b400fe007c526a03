// Space-aligned layout text (`pdftotext -layout`, text copied out of a PDF) to rows of cells. Such text has no
// tabs: columns are aligned with runs of spaces and a long cell wraps onto the following lines within its
// column. The table is found by its header (the labels roadmap-header.ts reads, on one to three lines), the
// column boundaries by the gutters between the header labels (positions blank in nearly all table lines), and
// each line is cut at those boundaries. Rows are then left to the normaliser, line by line, as tab-separated
// rows are, except where blank lines visibly frame each row: then the lines of one row (a vertically centred
// number with the title above and below it) become one row. Pure string code.
import { endsOpen, flatText, hasText, joinContinuation, startsLowercase, startsUppercase } from './roadmap-text';
import { classifyHeaderCell, looksLikeDeadline, matchHeader, parseItemNumber, type HeaderMatch } from './roadmap-header';
import { signatureRow, type GridRow } from './roadmap-locate';

export interface LayoutGrid {
  rows: GridRow[];
  /** Source lines read into the row of another line (header lines, lines of one framed row), by that line. */
  joined: Map<number, number[]>;
}

interface Word {
  start: number;
  end: number;
  text: string;
}

/** Words separated by single spaces: one piece of one cell, as far as spacing tells. */
interface Chunk {
  start: number;
  end: number;
  words: Word[];
}

interface Column {
  start: number;
  end: number;
  text: string;
}

/** Where column c + 1 starts (`at`), and where the blank gutter before it starts. */
interface Boundary {
  at: number;
  gutter: number;
}

interface Header {
  /** Index of the header's first line. */
  at: number;
  lines: number;
  columns: Column[];
  match: HeaderMatch;
}

type LineKind = 'blank' | 'plain' | 'cells';

interface CutLine {
  kind: LineKind;
  cells: string[];
}

const MAX_HEADER_LINES = 3;
const HEADER_LABEL_MAX = 60;
/** A word crossing a gutter by this many characters is still read as a cell of its own column. */
const CROSSING_SLACK = 2;
/** Share of table lines that may put text into a gutter (a word a character too long, a stray line). */
const GUTTER_TOLERANCE = 0.08;

const PAGE_LINE = /^(стр(аница)?\.?\s*\d{1,3}(\s*(из|\/)\s*\d{1,3})?|(продолжение|окончание)(\s+(таблицы|приложения))?(\s*\d+)?\.?)$/i;
const PAGE_NUMBER = /^[-–—]?\s*\d{1,3}\s*[-–—]?$/;

/** The line with a form feed gone and odd spaces made plain, character positions kept. */
function tidyLine(line: string): string {
  return line.replace(/\f/g, '').replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\v]/g, ' ').replace(/\s+$/, '');
}

function wordsOf(line: string): Word[] {
  const out: Word[] = [];
  for (const m of line.matchAll(/\S+/g)) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] });
  return out;
}

function chunksOf(line: string): Chunk[] {
  const out: Chunk[] = [];
  for (const w of wordsOf(line)) {
    const last = out[out.length - 1];
    if (last && w.start - last.end <= 1) {
      last.words.push(w);
      last.end = w.end;
    } else out.push({ start: w.start, end: w.end, words: [w] });
  }
  return out;
}

function chunkText(c: Chunk): string {
  return c.words.map((w) => w.text).join(' ');
}

// ---- the header -------------------------------------------------------------------------------------------

/** A line that can be part of a header: short labels, no item number, no date of its own. */
function headerish(chunks: Chunk[]): boolean {
  if (!chunks.length) return false;
  const texts = chunks.map(chunkText);
  if (texts.some((t) => t.length > HEADER_LABEL_MAX || parseItemNumber(t) !== null)) return false;
  if (texts.some((t) => looksLikeDeadline(t) && classifyHeaderCell(t) === null)) return false;
  if (chunks.length >= 2) return true;
  const t = texts[0];
  // A lone lower-case piece ends a wrapped label («исполнения»); a longer phrase is a cell cut by a page break
  // under a repeated header.
  const labelEnd = startsLowercase(t) && t.split(' ').length <= 2 && t.length <= 25;
  return classifyHeaderCell(t) !== null || labelEnd || /^п\s*\/\s*п\.?$/i.test(t);
}

/** Chunks of stacked lines that overlap horizontally are one header cell. */
function clusterColumns(lines: Chunk[][]): Column[] {
  const all = lines.flatMap((chunks, row) => chunks.map((c) => ({ c, row })));
  all.sort((a, b) => a.c.start - b.c.start);
  const groups: Array<{ start: number; end: number; parts: Array<{ c: Chunk; row: number }> }> = [];
  for (const item of all) {
    const last = groups[groups.length - 1];
    if (last && item.c.start < last.end) {
      last.parts.push(item);
      last.end = Math.max(last.end, item.c.end);
    } else groups.push({ start: item.c.start, end: item.c.end, parts: [item] });
  }
  return groups.map((g) => ({
    start: g.start,
    end: g.end,
    text: [...g.parts]
      .sort((a, b) => a.row - b.row || a.c.start - b.c.start)
      .map((p) => chunkText(p.c))
      .join(' '),
  }));
}

function headerAt(chunks: Chunk[][], at: number, lines = MAX_HEADER_LINES): Header | null {
  let best: Header | null = null;
  for (let k = 1; k <= lines && at + k <= chunks.length; k++) {
    if (!headerish(chunks[at + k - 1])) break;
    const columns = clusterColumns(chunks.slice(at, at + k));
    if (columns.length < 2) continue;
    const match = matchHeader([columns.map((c) => c.text)], 0);
    // The longest reading wins: a second line of labels («п/п», «исполнения») belongs to the header.
    if (match) best = { at, lines: k, columns, match };
  }
  return best;
}

// ---- column boundaries ------------------------------------------------------------------------------------

function blankAt(line: string, p: number): boolean {
  return p >= line.length || line[p] === ' ';
}

/**
 * The first position of column c + 1: inside the gap between the two header labels, the widest run of
 * positions that nearly every table line leaves blank; the column starts where that run ends.
 */
function boundaryBetween(left: Column, right: Column, body: string[]): Boundary {
  const lo = left.end;
  const hi = right.start;
  if (hi - lo <= 1) return { at: hi, gutter: lo };
  // A line running across the whole gap between the labels is not a table line (a note, a centred footer).
  const sample = body.filter((l) => !chunksOf(l).some((c) => c.start < lo && c.end > hi));
  const score: number[] = [];
  for (let p = lo; p < hi; p++) score.push(sample.filter((l) => blankAt(l, p)).length);
  const max = Math.max(...score);
  const floor = max - Math.floor(sample.length * GUTTER_TOLERANCE);
  let bestStart = -1;
  let bestLength = 0;
  let bestMin = -1;
  for (let i = 0; i < score.length; ) {
    if (score[i] < floor) {
      i++;
      continue;
    }
    let j = i;
    let min = score[i];
    while (j < score.length && score[j] >= floor) min = Math.min(min, score[j++]);
    const length = j - i;
    if (length > bestLength || (length === bestLength && min > bestMin)) {
      bestStart = i;
      bestLength = length;
      bestMin = min;
    }
    i = j;
  }
  // Cells are left-aligned: the right column's text starts where the gutter ends, while the left column's
  // lines end raggedly inside it. A word reaching into the gutter from the left stays left.
  return { at: lo + bestStart + bestLength, gutter: lo + bestStart };
}

function boundariesOf(header: Header, body: string[]): Boundary[] {
  const out: Boundary[] = [];
  for (let c = 0; c + 1 < header.columns.length; c++) out.push(boundaryBetween(header.columns[c], header.columns[c + 1], body));
  return out;
}

function columnAt(boundaries: number[], p: number): number {
  let c = 0;
  while (c < boundaries.length && p >= boundaries[c]) c++;
  return c;
}

/** The column holding most of the word. */
function columnOfWord(boundaries: number[], w: Word): number {
  let best = 0;
  let bestLength = -1;
  for (let c = 0; c <= boundaries.length; c++) {
    const from = c === 0 ? -Infinity : boundaries[c - 1];
    const to = c === boundaries.length ? Infinity : boundaries[c];
    const length = Math.min(w.end, to) - Math.max(w.start, from);
    if (length > bestLength) {
      best = c;
      bestLength = length;
    }
  }
  return best;
}

// ---- cutting lines ----------------------------------------------------------------------------------------

/**
 * One line cut into the header's columns. A run of single-spaced words is split only where its word gap
 * meets a boundary (cells one space apart); a run crossing a boundary mid-word is kept whole in the column
 * holding most of it, and a run across three columns is running text, not a table line.
 */
function cutLine(line: string, gutters: Boundary[], numberCol: number): CutLine {
  const boundaries = gutters.map((g) => g.at);
  const width = boundaries.length + 1;
  const chunks = chunksOf(line);
  if (!chunks.length) return { kind: 'blank', cells: [] };
  const text = chunks.map(chunkText).join(' ');
  if (PAGE_LINE.test(text)) return { kind: 'plain', cells: [line] };
  if (chunks.length === 1 && PAGE_NUMBER.test(text) && columnAt(boundaries, chunks[0].start) !== numberCol) {
    return { kind: 'plain', cells: [line] };
  }
  // A signature under the table («Директор …   И.П. Сидорова») is cut by its own spacing, not by the columns it
  // happens to cross, so that the normaliser tells it for what it is and closes the table there.
  const pieces = chunks.map(chunkText);
  if (signatureRow(pieces)) return { kind: 'cells', cells: pieces };
  const cells: string[][] = Array.from({ length: width }, () => []);
  for (const chunk of chunks) {
    if (columnAt(boundaries, chunk.end - 1) - columnAt(boundaries, chunk.start) >= 2) return { kind: 'plain', cells: [line] };
    const cols = chunk.words.map((w) => columnOfWord(boundaries, w));
    // Cells one space apart: the run starts well inside the left column and its word gap falls in the
    // gutter. A run starting in the gutter itself is one cell begun a little early («до 20.05.2024»).
    const clean = cols.every((c, i) => {
      if (i === 0 || c === cols[i - 1]) return true;
      const g = gutters[c - 1];
      if (!g || chunk.start >= g.gutter - CROSSING_SLACK) return false;
      return chunk.words[i].start >= g.gutter - CROSSING_SLACK && chunk.words[i - 1].end <= g.at + CROSSING_SLACK;
    });
    if (clean) {
      chunk.words.forEach((w, i) => cells[cols[i]].push(w.text));
    } else {
      const mid = columnOfWord(boundaries, { start: chunk.start, end: chunk.end, text: '' });
      cells[mid].push(chunkText(chunk));
    }
  }
  return { kind: 'cells', cells: cells.map((c) => c.join(' ')) };
}

/**
 * A number too long for its narrow column wraps like any text («3.1» over «0.»): a number without its closing
 * dot with a bare «0.» right under it is one number, and the piece moves up. (A table numbering «1», «2» has no
 * dots; one numbering «1.», «2.» has them on every number.) Returns the lines left without text by the move,
 * with the line they moved into.
 */
function rejoinWrappedNumbers(cut: CutLine[], numberCol: number): Map<number, number> {
  const emptied = new Map<number, number>();
  if (numberCol < 0) return emptied;
  const numbers = cut.map((c) => (c.kind === 'cells' ? (c.cells[numberCol] ?? '').trim() : ''));
  for (let i = 0; i + 1 < cut.length; i++) {
    const head = numbers[i];
    const tail = numbers[i + 1];
    if (!/\d$/.test(head) || parseItemNumber(head) === null || !/^\d{1,2}\.$/.test(tail)) continue;
    if (parseItemNumber(head + tail) === null) continue;
    cut[i].cells[numberCol] = head + tail;
    cut[i + 1].cells[numberCol] = '';
    numbers[i] = head + tail;
    numbers[i + 1] = '';
    if (!cut[i + 1].cells.some(hasText)) {
      // Still a table line: a row framed by blank lines goes on through it.
      cut[i + 1] = { kind: 'cells', cells: cut[i + 1].cells.map(() => '') };
      emptied.set(i + 1, i);
    }
  }
  return emptied;
}

/**
 * A word hyphenated at a line end («Педагог-» over «психолог») is put back together on the upper line, so
 * that every column, parties included, reads it as one word. Lines left empty are returned as above.
 */
function rejoinHyphenated(cut: CutLine[], emptied: Map<number, number>): void {
  for (let i = 0; i + 1 < cut.length; i++) {
    const upper = cut[i];
    const lower = cut[i + 1];
    if (upper.kind !== 'cells' || lower.kind !== 'cells') continue;
    upper.cells.forEach((cell, col) => {
      const below = lower.cells[col] ?? '';
      if (!/\p{L}-$/u.test(cell) || !/^\p{Ll}/u.test(below)) return;
      const [word, ...rest] = below.split(' ');
      upper.cells[col] = cell + word;
      lower.cells[col] = rest.join(' ');
    });
    if (!lower.cells.some(hasText)) {
      // Still a table line: a row framed by blank lines goes on through it.
      cut[i + 1] = { kind: 'cells', cells: cut[i + 1].cells.map(() => '') };
      emptied.set(i + 1, emptied.get(i) ?? i);
    }
  }
}

/** Pieces of one cell from stacked lines: a wrapped line goes on with a space, a new party on a new line. */
function joinPieces(pieces: string[], partyColumn: boolean): string {
  let out = '';
  for (const p of pieces) {
    if (!hasText(p)) continue;
    if (out !== '' && partyColumn && startsUppercase(p) && !endsOpen(out)) out = `${out}\n${p}`;
    else out = joinContinuation(out, p);
  }
  return out;
}

// ---- the document -----------------------------------------------------------------------------------------

function findHeaders(chunks: Chunk[][]): Header[] {
  const out: Header[] = [];
  for (let i = 0; i < chunks.length; i++) {
    // A header repeated after a page break takes as many lines as the first one did: the line below it may
    // be the rest of a cell the break cut, in lower case like the end of a label.
    const h = (out.length ? headerAt(chunks, i, out[0].lines) : null) ?? headerAt(chunks, i);
    if (!h) continue;
    out.push(h);
    i += h.lines - 1;
  }
  return out;
}

/**
 * Blank lines frame the rows when most blocks of table lines between them carry exactly one item number;
 * then each such block is one row, whatever line of it the number sits on.
 */
function framedRows(blocks: number[][], cut: CutLine[], numberCol: number): boolean {
  if (numberCol < 0) return false;
  const counts = blocks.map((b) => b.filter((i) => parseItemNumber(cut[i].cells[numberCol] ?? '') !== null).length).filter((n) => n > 0);
  const single = counts.filter((n) => n === 1).length;
  return single >= 2 && single >= 0.7 * counts.length && blocks.some((b) => b.length > 1);
}

function emitSegment(
  lines: string[],
  header: Header,
  from: number,
  to: number,
  rows: GridRow[],
  joined: Map<number, number[]>,
): void {
  const headerLines = Array.from({ length: header.lines }, (_, k) => header.at + k + 1);
  rows.push({ cells: header.columns.map((c) => c.text), line: header.at + 1, tabular: true });
  if (headerLines.length > 1) joined.set(header.at + 1, headerLines.slice(1));
  const body = lines.slice(from, to);
  const boundaries = boundariesOf(header, body.filter((l) => l.trim() !== ''));
  const numberCol = header.match.roles.indexOf('number');
  const partyCols = new Set(header.match.roles.map((r, i) => (r === 'responsible' ? i : -1)).filter((i) => i >= 0));
  const cut = body.map((l) => cutLine(l, boundaries, numberCol));
  const rejoined = rejoinWrappedNumbers(cut, numberCol);
  rejoinHyphenated(cut, rejoined);
  const blocks: number[][] = [];
  cut.forEach((c, i) => {
    if (c.kind !== 'cells') return;
    const last = blocks[blocks.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else blocks.push([i]);
  });
  const framed = framedRows(blocks, cut, numberCol);
  const blockOf = new Map<number, number[]>();
  if (framed) {
    for (const b of blocks) {
      const numbered = b.filter((i) => parseItemNumber(cut[i].cells[numberCol] ?? '') !== null).length;
      // A signature under the table stays line by line, for the normaliser to recognise.
      if (b.length > 1 && numbered <= 1 && !b.some((i) => signatureRow(cut[i].cells))) for (const i of b) blockOf.set(i, b);
    }
  }
  cut.forEach((c, i) => {
    const line = from + i + 1;
    const into = rejoined.get(i);
    if (into !== undefined) joined.set(from + into + 1, [...(joined.get(from + into + 1) ?? []), line]);
    const block = blockOf.get(i);
    if (block) {
      if (block[0] !== i) return;
      const cells = header.columns.map((_, col) => joinPieces(block.map((k) => cut[k].cells[col] ?? ''), partyCols.has(col)));
      rows.push({ cells, line, tabular: true });
      joined.set(line, block.slice(1).map((k) => from + k + 1));
      return;
    }
    if (c.kind === 'cells') rows.push({ cells: c.cells, line, tabular: true });
    else rows.push({ cells: [c.kind === 'blank' ? '' : c.cells[0]], line, tabular: false });
  });
}

/**
 * Rows of a layout text, or null when no line reads as a table header. Lines above the first header are
 * running text; each header's columns hold until the next header (a page's repeated header re-measures them).
 */
export function layoutToGrid(text: string): LayoutGrid | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map(tidyLine);
  const chunks = lines.map(chunksOf);
  const headers = findHeaders(chunks);
  if (!headers.length) return null;
  const rows: GridRow[] = [];
  const joined = new Map<number, number[]>();
  for (let i = 0; i < headers[0].at; i++) rows.push({ cells: [lines[i]], line: i + 1, tabular: false });
  headers.forEach((h, k) => {
    const end = k + 1 < headers.length ? headers[k + 1].at : lines.length;
    emitSegment(lines, h, h.at + h.lines, end, rows, joined);
  });
  return { rows, joined };
}

/** Trace entries of a row's line copied to the other source lines read into that row. */
export function traceJoinedLines<T extends { trace: Array<{ line: number }> }>(traced: T, joined: Map<number, number[]>): T {
  const trace = traced.trace;
  // Lines joined to a line that is itself joined to a row (a hyphen's rest moved into a framed row's line).
  for (let i = 0; i < trace.length; i++) for (const line of joined.get(trace[i].line) ?? []) trace.push({ ...trace[i], line });
  trace.sort((a, b) => a.line - b.line);
  return traced;
}

/** Text of a layout row as one line, for messages and tests. */
export function layoutRowText(row: GridRow): string {
  return row.cells.map((c) => flatText(c)).filter(hasText).join(' | ');
}
