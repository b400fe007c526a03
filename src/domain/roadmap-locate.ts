// Where the roadmap table is inside a document. An order, a programme and the roadmap often come in one
// file, each with tables of their own; the roadmap is the table whose header means «activity» and «deadline»,
// or, without a header, the tabular block whose columns read as numbers, deadlines and activities.
import { cleanCellText, flatText, hasText, startsLowercase } from './roadmap-text';
import {
  inferColumns,
  looksLikeDeadline,
  looksLikeParty,
  matchHeader,
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
function roadmapRowLike(cells: string[], roles: ColumnRole[] | null): boolean {
  if (!roles) return cells.filter(hasText).length >= 2;
  if (cells.length < Math.min(roles.length, 3)) return false;
  if (roles.includes('number') && parseItemNumber(cellOf(cells, roles, 'number')) !== null) return true;
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
  return end;
}

function dataRows(grid: GridRow[], from: number, to: number, roles: ColumnRole[] | null): number {
  let n = 0;
  for (let j = from; j < to; j++) if (grid[j].tabular && roadmapRowLike(cleaned(grid[j].cells), roles)) n++;
  return n;
}

function locateByHeader(grid: GridRow[]): TableRegion | null {
  const cells = grid.map((r) => (r.tabular ? cleaned(r.cells) : []));
  const candidates: Array<{ start: number; end: number; header: HeaderMatch; rows: number }> = [];
  for (let i = 0; i < grid.length; i++) {
    if (!grid[i].tabular) continue;
    if (candidates.some((c) => i >= c.start && i < c.end)) continue;
    const header = matchHeader(cells, i);
    if (!header) continue;
    const end = extendTable(grid, i + header.rows, header.roles);
    candidates.push({ start: i, end, header, rows: dataRows(grid, i + header.rows, end, header.roles) });
  }
  if (!candidates.length) return null;
  const best = candidates.reduce((a, b) => (b.rows > a.rows ? b : a));
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
