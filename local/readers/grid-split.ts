// Splits a whole sheet or document into the text before the roadmap table, the table, and the text after,
// using the same table finder as the normaliser so both agree on where the table is.
import { locateRoadmapTable, type GridRow } from '../../src/domain/roadmap-locate';
import { hasText } from '../../src/domain/roadmap-text';
import type { TableSource } from './source';

export function toGridRows(rows: string[][], lineOf: number[]): GridRow[] {
  return rows.map((cells, i) => ({ cells, line: lineOf[i], tabular: cells.filter(hasText).length >= 2 }));
}

/** Null when no roadmap table reads in these rows. */
export function splitAroundTable(rows: string[][], lineOf: number[]): TableSource | null {
  const grid = toGridRows(rows, lineOf);
  const region = locateRoadmapTable(grid);
  if (!region) return null;
  const text = (cells: string[]): string => cells.filter(hasText).join(' ');
  // `before[i]` is read as line i + 1, so the split is only kept when the rows above start at line 1 and
  // have no gaps; otherwise everything stays in `rows`, which the normaliser reads the same way.
  const contiguous = lineOf.slice(0, region.start).every((l, i) => l === i + 1);
  if (!contiguous) return { rows, before: [], after: [], lineOf };
  return {
    before: rows.slice(0, region.start).map(text),
    rows: rows.slice(region.start),
    lineOf: lineOf.slice(region.start),
    after: [],
  };
}
