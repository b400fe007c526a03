// Benchmark: our Russian deadline parser against chrono-node's Russian parser (chrono.ru) on the hand-labelled
// corpus. Run alone with `npx tsx test/bench/deadline.bench.ts`; test/bench/run.ts calls runDeadlineBench().
//
// Three sets, reported apart: the corpus the parser's author labelled (and tuned the parser on), the hold-out set
// labelled blind by someone else (deadline-holdout.json; the parser was fixed after its first run), and the fresh
// hold-out written blind at the same time but run only after those fixes (deadline-holdout-fresh.json). The corpus
// says how well the parser fits what its author saw; the hold-out sets are the honest estimate for unseen roadmaps.
//
// Fairness: chrono gets the plan start as its reference date; each chrono result becomes a day window when the day
// is known, a month window when only the month is known (else chrono's implied day), and a result with an end
// becomes one window from its start to its end. chrono has no notion of recurring, continuous or conditional
// deadlines, so its kind is `dated` when it found a date and `unparsed` otherwise; the «dated only» row compares
// both parsers on the phrases chrono is designed for.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as chrono from 'chrono-node';
import type { ParsedComponents } from 'chrono-node';
import { parseDeadline } from '../../src/domain/deadline';
import { formatIsoDate, lastDayOfMonth } from '../../src/domain/iso-date';
import type { DeadlineKind, DeadlineWindow, Period } from '../../src/domain/types';

interface CorpusEntry {
  family: string;
  text: string;
  period: Period | null;
  kind: DeadlineKind;
  windows: DeadlineWindow[];
}

interface Outcome {
  kind: DeadlineKind;
  windows: DeadlineWindow[];
}

interface Score {
  exact: number;
  exactWithKind: number;
  exactDated: number;
  rightKind: number;
  microsPerPhrase: number;
  exactByFamily: Map<string, number>;
}

const FALLBACK_REFERENCE = '2023-09-01';
const REPEATS = 20;

function loadSet(file: string): CorpusEntry[] {
  return JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')) as CorpusEntry[];
}

function sortUnique(windows: readonly DeadlineWindow[]): DeadlineWindow[] {
  const seen = new Map<string, DeadlineWindow>();
  for (const w of windows) seen.set(`${w.start}|${w.end}`, { start: w.start, end: w.end });
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, w]) => w);
}

function sameWindows(a: readonly DeadlineWindow[], b: readonly DeadlineWindow[]): boolean {
  const [x, y] = [sortUnique(a), sortUnique(b)];
  return x.length === y.length && x.every((w, i) => w.start === y[i].start && w.end === y[i].end);
}

function componentWindow(c: ParsedComponents): DeadlineWindow | null {
  const year = c.get('year');
  const month = c.get('month');
  const day = c.get('day');
  if (year === null || month === null || month < 1 || month > 12) return null;
  if (!c.isCertain('day') && c.isCertain('month')) return { start: formatIsoDate(year, month, 1), end: lastDayOfMonth(year, month) };
  if (day === null) return null;
  try {
    const iso = formatIsoDate(year, month, day);
    return { start: iso, end: iso };
  } catch {
    return null;
  }
}

function referenceDate(period: Period | null): Date {
  const [y, m, d] = (period?.start ?? FALLBACK_REFERENCE).split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}

function parseWithChrono(text: string, period: Period | null): Outcome {
  const windows: DeadlineWindow[] = [];
  for (const result of chrono.ru.parse(text, referenceDate(period))) {
    const start = componentWindow(result.start);
    if (!start) continue;
    const end = result.end ? componentWindow(result.end) : null;
    windows.push(end && end.end > start.end ? { start: start.start, end: end.end } : start);
  }
  return { kind: windows.length > 0 ? 'dated' : 'unparsed', windows: sortUnique(windows) };
}

function parseWithOurs(text: string, period: Period | null): Outcome {
  const d = parseDeadline(text, period);
  return { kind: d.kind, windows: d.windows };
}

function timePerPhrase(corpus: readonly CorpusEntry[], parse: (text: string, period: Period | null) => Outcome): number {
  for (const e of corpus) parse(e.text, e.period);
  const started = performance.now();
  for (let r = 0; r < REPEATS; r++) for (const e of corpus) parse(e.text, e.period);
  return ((performance.now() - started) * 1000) / (REPEATS * corpus.length);
}

function score(corpus: readonly CorpusEntry[], parse: (text: string, period: Period | null) => Outcome): Score {
  const result: Score = { exact: 0, exactWithKind: 0, exactDated: 0, rightKind: 0, microsPerPhrase: 0, exactByFamily: new Map() };
  for (const e of corpus) {
    const got = parse(e.text, e.period);
    const exact = sameWindows(got.windows, e.windows) && (e.kind !== 'dated' || got.kind === 'dated');
    if (exact && got.kind === e.kind) result.exactWithKind++;
    if (exact) {
      result.exact++;
      if (e.kind === 'dated') result.exactDated++;
      result.exactByFamily.set(e.family, (result.exactByFamily.get(e.family) ?? 0) + 1);
    }
    if (got.kind === e.kind) result.rightKind++;
  }
  result.microsPerPhrase = timePerPhrase(corpus, parse);
  return result;
}

function ratio(hits: number, total: number): string {
  return `${hits}/${total} ${((100 * hits) / Math.max(1, total)).toFixed(1)}%`;
}

function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  return rows.map((r) => r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('   ')).join('\n');
}

function report(title: string, corpus: readonly CorpusEntry[]): string {
  const dated = corpus.filter((e) => e.kind === 'dated').length;
  const ours = score(corpus, parseWithOurs);
  const theirs = score(corpus, parseWithChrono);
  const summary = table([
    ['metric', 'ours', 'chrono.ru'],
    ['exact windows, all phrases', ratio(ours.exact, corpus.length), ratio(theirs.exact, corpus.length)],
    ['exact windows and kind', ratio(ours.exactWithKind, corpus.length), ratio(theirs.exactWithKind, corpus.length)],
    ['exact windows, dated only', ratio(ours.exactDated, dated), ratio(theirs.exactDated, dated)],
    ['right kind', ratio(ours.rightKind, corpus.length), ratio(theirs.rightKind, corpus.length)],
    ['time per phrase', `${ours.microsPerPhrase.toFixed(1)} µs`, `${theirs.microsPerPhrase.toFixed(1)} µs`],
  ]);
  const families = [...new Set(corpus.map((e) => e.family))];
  const byFamily = table([
    ['exact windows by family', 'ours', 'chrono.ru'],
    ...families.map((f) => {
      const n = corpus.filter((e) => e.family === f).length;
      return [`${f} (${n})`, ratio(ours.exactByFamily.get(f) ?? 0, n), ratio(theirs.exactByFamily.get(f) ?? 0, n)];
    }),
  ]);
  return [`${title}: ${corpus.length} phrases`, '', summary, '', byFamily].join('\n');
}

export async function runDeadlineBench(): Promise<string> {
  return [
    `Deadline parser vs chrono-node (ru), ${REPEATS} timed passes per set`,
    '',
    report('Author-labelled corpus (deadline-corpus.json; the parser was tuned on it)', loadSet('deadline-corpus.json')),
    '',
    report('Hold-out, labelled blind (deadline-holdout.json; first run before fixes: 255/271 exact windows and kind)', loadSet('deadline-holdout.json')),
    '',
    report('Fresh hold-out, labelled blind, first run after the fixes (deadline-holdout-fresh.json; 99/102 then)', loadSet('deadline-holdout-fresh.json')),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runDeadlineBench().then((report) => console.log(report));
}
