// CSV exports of roadmaps: «;» from Russian Excel, «,» from everything else; cells may hold line breaks.
import { parse } from 'csv-parse/sync';
import { RoadmapInputError } from '../../src/domain/roadmap-error';
import type { TableSource } from './source';

/** The delimiter that splits most of the first lines into more than one cell, outside quotes. */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').slice(0, 50);
  let best = ',';
  let bestScore = -1;
  for (const d of [';', ',', '\t']) {
    let score = 0;
    for (const line of lines) {
      let quoted = false;
      let count = 0;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === d && !quoted) count++;
      }
      if (count >= 1) score += 1 + Math.min(count, 10) / 10;
    }
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export function readCsvText(text: string): TableSource {
  const delimiter = detectDelimiter(text);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    throw new RoadmapInputError(`не удалось разобрать CSV: ${(e as Error).message.split('\n')[0]}`);
  }
  const rows: string[][] = [];
  const lineOf: number[] = [];
  let nextLine = 1;
  for (const { record, info } of records) {
    rows.push(record.map((c) => c ?? ''));
    lineOf.push(nextLine);
    // `info.lines` is the line the record ended on; a quoted cell with line breaks spans several.
    nextLine = Math.max(nextLine, info.lines) + 1;
  }
  return { rows, before: [], after: [], lineOf };
}
