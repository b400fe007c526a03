// Property: the column order of a roadmap table carries no meaning. Shuffling the columns of every row of the
// table (header included) must give the same activities and sections.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roadmapFromTextTraced } from '../../src/domain/roadmap-table';
import type { Roadmap } from '../../src/domain/types';

const FILES = [
  'test/fixtures/seeds/pogranichny_2022-2023.txt',
  'test/fixtures/seeds/serpukhov_2023-2024.txt',
  'test/fixtures/seeds/seversk_2021-2024.txt',
  ...[
    'shuffled-columns.txt', 'result-first.txt', 'two-row-header.txt', 'page-breaks.txt', 'roman-sections.txt',
    'stages-restart.txt', 'missing-numbers.txt', 'markup-noise.txt', 'typos-dates.txt', 'group-column.txt',
    'page-furniture.txt', 'federal-template.txt', 'numbered-headings.txt',
  ].map((f) => new URL(`../fixtures/roadmaps/${f}`, import.meta.url).pathname),
];

/** Lines from the table's header to its last row (as traced), each tab row padded to the table width. */
function tableRange(text: string): { lines: string[]; first: number; last: number; width: number } {
  const { trace } = roadmapFromTextTraced(text);
  const inTable = trace.filter((t) => t.use !== 'title' && t.use !== 'context').map((t) => t.line);
  const first = Math.min(...inTable);
  const last = Math.max(...inTable);
  const lines = text.split('\n');
  let width = 0;
  for (let i = first - 1; i < last; i++) if (lines[i].includes('\t')) width = Math.max(width, lines[i].split('\t').length);
  return { lines, first, last, width };
}

function shuffled(text: string, order: number[]): string {
  const { lines, first, last, width } = tableRange(text);
  return lines
    .map((line, i) => {
      if (i < first - 1 || i >= last || !line.includes('\t')) return line;
      const cells = line.split('\t');
      while (cells.length < width) cells.push('');
      return order.map((k) => cells[k]).join('\t');
    })
    .join('\n');
}

function essence(r: Roadmap) {
  return {
    title: r.title,
    period: r.period,
    sections: r.sections.map((s) => ({ number: s.number, title: s.title, deadline: s.deadline?.text ?? null, responsible: s.responsible })),
    activities: r.activities.map((a) => ({
      number: a.number,
      section: a.section,
      title: a.title,
      result: a.result,
      document: a.document,
      responsible: a.responsible,
      deadline: a.deadline.text,
      line: a.source.line,
    })),
  };
}

describe('column order', () => {
  for (const file of FILES) {
    it(`does not change ${file.split('/').pop()}`, () => {
      const text = readFileSync(file, 'utf8');
      const expected = essence(roadmapFromTextTraced(text).roadmap);
      const { width } = tableRange(text);
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer(), { minLength: width, maxLength: width }), (keys) => {
          const order = keys.map((k, i) => [k, i]).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
          expect(essence(roadmapFromTextTraced(shuffled(text, order)).roadmap)).toEqual(expected);
        }),
        { numRuns: 25 },
      );
    });
  }
});
