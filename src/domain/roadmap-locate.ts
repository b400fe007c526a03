// Where the roadmap table is inside a document. An order, a programme and the roadmap often come in one
// file, each with tables of their own; the roadmap is the table whose header means «activity» and «deadline»,
// or, without a header, the tabular block whose columns read as numbers, deadlines and activities.
import { cleanCellText, flatText, hasText, startsLowercase } from './roadmap-text';
import {
  inferColumns,
  looksLikeDeadline,
  looksLikeParty,
  matchHeader,
  onlyDates,
  parseItemNumber,
  refineUnnamedColumns,
  type ColumnRole,
  type HeaderMatch,
} from './roadmap-header';

/** One row of the document: a table row (cells) or a line of running text (one cell, `tabular: false`). */
export interface GridRow {
  cells: string[];
  /** 1-based line (or sheet row) of the source. */
  line: number;
  tabular: boolean;
}

export interface TableRegion {
  /** Index in the grid of the first header row, or of the first data row when there is no header. */
  start: number;
  /** Index in the grid just past the table. */
  end: number;
  header: HeaderMatch | null;
  roles: ColumnRole[];
  /** Lines of other activity tables in the document that were not imported. */
  otherTables: number[];
}

const PLAIN_LINE_MAX = 300;

function splitPipeRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
}

/** Text to rows: a line with tabs (or a Markdown `| a | b |` row) is a table row, any other line is text. */
export function textToGrid(text: string): GridRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return lines.map((line, i) => {
    if (line.includes('\t')) return { cells: line.split('\t'), line: i + 1, tabular: true };
    if (/^\s*\|.*\|\s*$/.test(line) && (line.match(/\|/g) ?? []).length >= 3) {
      return { cells: splitPipeRow(line), line: i + 1, tabular: true };
    }
    return { cells: [line], line: i + 1, tabular: false };
  });
}

export function rowHasText(row: GridRow): boolean {
  return row.cells.some(hasText);
}

function cleaned(cells: string[]): string[] {
  return cells.map((c) => cleanCellText(c));
}

function cellOf(cells: string[], roles: ColumnRole[], role: ColumnRole): string {
  const i = roles.indexOf(role);
  return i >= 0 ? flatText(cells[i] ?? '') : '';
}

/**
 * A table row that can only belong to a roadmap: about as wide as the table, with an item number, or an
 * activity with something that reads as a deadline or a party.
 */
export function roadmapRowLike(cells: string[], roles: ColumnRole[] | null): boolean {
  if (!roles) return cells.filter(hasText).length >= 2;
  // An item number with text beside it is a row of the table even when the extractor dropped the empty
  // cells at its end («2.1.<tab>Повышение квалификации» heading a group of sub-items).
  const numbered = roles.includes('number') && parseItemNumber(cellOf(cells, roles, 'number')) !== null;
  if (numbered && cells.filter(hasText).length >= 2) return true;
  if (cells.length < Math.min(roles.length, 3)) return false;
  if (numbered) return true;
  const title = cellOf(cells, roles, 'title');
  const deadline = cellOf(cells, roles, 'deadline');
  const responsible = cellOf(cells, roles, 'responsible');
  if (title !== '' && (looksLikeDeadline(deadline) || looksLikeParty(responsible))) return true;
  return (deadline !== '' && startsLowercase(deadline)) || (responsible !== '' && startsLowercase(responsible));
}

/**
 * A line of running text stays inside the table only when table rows resume right after it: a heading
 * («ОСНОВНОЙ ЭТАП») or a piece of a cell that lost its tabs. Anything else ends the table.
 */
function plainLineInsideTable(grid: GridRow[], index: number, roles: ColumnRole[] | null): boolean {
  if (flatText(cleanCellText(grid[index].cells.join(' '))).length > PLAIN_LINE_MAX) return false;
  let plainSeen = 0;
  for (let k = index + 1; k < grid.length; k++) {
    const row = grid[k];
    if (!rowHasText(row)) continue;
    if (row.tabular) {
      const cells = cleaned(row.cells);
      // The header repeated after a page break also says the table goes on.
      return roadmapRowLike(cells, roles) || (roles !== null && sameHeader(cells, roles));
    }
    if (++plainSeen > 2 || flatText(cleanCellText(row.cells.join(' '))).length > PLAIN_LINE_MAX) return false;
  }
  return false;
}

function sameHeader(cells: string[], roles: ColumnRole[]): boolean {
  const m = matchHeader([cells], 0);
  return m !== null && m.roles.every((r, i) => r === 'extra' || r === roles[i]);
}

// A signature under the table, aligned with tabs so that it reads as a row: a position on the left, the
// name with initials (or a line to sign on) on the right. «Заместитель директора по УВР<tab><tab>О.А. Кузнецова».
const INITIALS_NAME = /(\p{Lu}\.\s*\p{Lu}\.\s*\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)?|\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)?\s+\p{Lu}\.\s*\p{Lu}\.)\s*\/?\s*$/u;
const SIGN_LINE = /_{3,}|(^|[^\p{L}])(подпись|м\.\s*п\.)(?!\p{L})/iu;
const SIGNER = /^(директор|заместител|начальник|руководител|председател|глава|заведующ|исполнител|составил|ректор|проректор|министр|согласовано|утвержд|ознакомлен|секретар|специалист|методист|куратор|старш|ведущ|главн|и\.\s*о\.)/iu;

/** A row that is a signature line, not a row of the roadmap. */
export function signatureRow(cells: string[]): boolean {
  const filled = cells.map((c) => flatText(c)).filter(hasText);
  if (filled.length === 0 || filled.length > 3) return false;
  if (filled.some((c) => parseItemNumber(c) !== null || looksLikeDeadline(c.replace(INITIALS_NAME, '')))) return false;
  const last = filled[filled.length - 1];
  const named = INITIALS_NAME.test(last) || SIGN_LINE.test(filled.join(' '));
  if (!named) return false;
  // A lone name may be a responsible cell cut by a page break; a signature names the position too.
  const position = filled.length > 1 ? filled[0] : last.replace(INITIALS_NAME, '').replace(/[_/\s]+$/, '');
  return SIGNER.test(position.trim());
}

/** Index just past the table that continues from `from`. */
function extendTable(grid: GridRow[], from: number, roles: ColumnRole[] | null): number {
  let end = from;
  for (let j = from; j < grid.length; j++) {
    const row = grid[j];
    if (!rowHasText(row)) continue;
    if (row.tabular || plainLineInsideTable(grid, j, roles)) {
      end = j + 1;
      continue;
    }
    break;
  }
  // Signature rows close the table: what follows them is not part of it either.
  for (let j = from; j < end; j++) {
    if (grid[j].tabular && signatureRow(cleaned(grid[j].cells)) && !laterRoadmapRow(grid, j + 1, end, roles)) return j;
  }
  return end;
}

function laterRoadmapRow(grid: GridRow[], from: number, to: number, roles: ColumnRole[] | null): boolean {
  for (let k = from; k < to; k++) {
    if (grid[k].tabular && roles !== null && roadmapRowLike(cleaned(grid[k].cells), roles) && !signatureRow(cleaned(grid[k].cells))) return true;
  }
  return false;
}

function dataRows(grid: GridRow[], from: number, to: number, roles: ColumnRole[] | null): number {
  let n = 0;
  for (let j = from; j < to; j++) if (grid[j].tabular && roadmapRowLike(cleaned(grid[j].cells), roles)) n++;
  return n;
}

/** Rows below a header without a deadline column include headings that are only dates («Сентябрь»). */
function datedByHeadings(grid: GridRow[], from: number): boolean {
  const end = extendTable(grid, from, null);
  for (let j = from; j < end; j++) {
    const filled = grid[j].cells.map((c) => flatText(cleanCellText(c))).filter(hasText);
    if (filled.length === 1 && onlyDates(filled[0])) return true;
  }
  return false;
}

function locateByHeader(grid: GridRow[]): TableRegion | null {
  const cells = grid.map((r) => (r.tabular ? cleaned(r.cells) : []));
  const candidates: Array<{ start: number; end: number; header: HeaderMatch; rows: number }> = [];
  for (let i = 0; i < grid.length; i++) {
    if (!grid[i].tabular) continue;
    if (candidates.some((c) => i >= c.start && i < c.end)) continue;
    const header = matchHeader(cells, i);
    if (!header) continue;
    if (!header.roles.includes('deadline') && !datedByHeadings(grid, i + header.rows)) continue;
    const end = extendTable(grid, i + header.rows, header.roles);
    candidates.push({ start: i, end, header, rows: dataRows(grid, i + header.rows, end, header.roles) });
  }
  if (!candidates.length) return null;
  // A table with a deadline column is the roadmap before any table without one, however long.
  const dated = candidates.filter((c) => c.header.roles.includes('deadline') && c.rows > 0);
  const best = (dated.length ? dated : candidates).reduce((a, b) => (b.rows > a.rows ? b : a));
  const body = grid.slice(best.start + best.header.rows, best.end).filter((r) => r.tabular).map((r) => cleaned(r.cells));
  const roles = refineUnnamedColumns(best.header, body);
  return {
    start: best.start,
    end: best.end,
    header: { ...best.header, roles },
    roles,
    otherTables: candidates.filter((c) => c !== best && c.rows > 0).map((c) => grid[c.start].line),
  };
}

function locateByContent(grid: GridRow[]): TableRegion | null {
  let best: TableRegion | null = null;
  let bestRows = 0;
  for (let i = 0; i < grid.length; i++) {
    const row = grid[i];
    if (!row.tabular || row.cells.filter(hasText).length < 2) continue;
    const end = extendTable(grid, i, null);
    const rows = grid.slice(i, end).filter((r) => r.tabular).map((r) => cleaned(r.cells));
    const roles = inferColumns(rows);
    const n = roles ? dataRows(grid, i, end, roles) : 0;
    if (roles && n >= 2 && n > bestRows) {
      best = { start: i, end, header: null, roles, otherTables: [] };
      bestRows = n;
    }
    i = end - 1;
  }
  return best;
}

/** The roadmap table of a document, or null when none reads as one. */
export function locateRoadmapTable(grid: GridRow[]): TableRegion | null {
  return locateByHeader(grid) ?? locateByContent(grid);
}
