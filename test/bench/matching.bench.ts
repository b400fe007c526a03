// Benchmark: the exact matcher (ε-scaling auction) against the greedy baseline on a seeded pool of 3,000 mentees
// × 2,000 mentors with capacities 1–3 and ~100 candidates per mentee, for both priorities; plus a fully dense
// 1,000 × 1,000 pool. Run alone with `npx tsx test/bench/matching.bench.ts` (add `--dense` for the fully dense
// 3,000 × 2,000 pool: 6 million pairs, ~20 s in all); test/bench/run.ts calls runMatchingBench().
// Times are CPU milliseconds of this process (process.cpuUsage), including building the graph from the ids.
import { pathToFileURL } from 'node:url';
import { assignGreedy, assignOptimal, type AssignInput, type AssignResult, type MatchPriority } from '../../src/domain/matching';
import { randomInstance, type InstanceShape } from './matching-instances';

interface Row {
  priority: MatchPriority;
  ours: AssignResult;
  oursMs: number;
  greedy: AssignResult;
  greedyMs: number;
}

function cpu<T>(f: () => T): { ms: number; value: T } {
  const t = process.cpuUsage();
  const value = f();
  const d = process.cpuUsage(t);
  return { ms: (d.user + d.system) / 1000, value };
}

function measure(input: AssignInput): Row[] {
  // One untimed run so the first timed one does not pay for JIT warm-up alone.
  assignOptimal(input, 'score');
  return (['score', 'coverage'] as const).map((priority) => {
    const ours = cpu(() => assignOptimal(input, priority));
    const greedy = cpu(() => assignGreedy(input, priority));
    return { priority, ours: ours.value, oursMs: ours.ms, greedy: greedy.value, greedyMs: greedy.ms };
  });
}

function table(title: string, input: AssignInput, rows: Row[]): string {
  const pad = (s: string, w: number): string => s.padStart(w);
  const head = ['priority', 'ours ms', 'ours total', 'ours matched', 'greedy ms', 'greedy total', 'greedy matched', 'gain'];
  const widths = [9, 9, 12, 13, 10, 13, 15, 9];
  const lines = [
    `${title}: ${input.mentees.length} mentees × ${input.mentors.length} mentors, ` +
      `${input.mentors.reduce((s, m) => s + m.capacity, 0)} places, ${input.scores.length} candidate pairs`,
    head.map((h, k) => pad(h, widths[k])).join(' '),
  ];
  for (const r of rows) {
    const gain = r.greedy.total === 0 ? 0 : ((r.ours.total - r.greedy.total) / Math.abs(r.greedy.total)) * 100;
    lines.push(
      [
        r.priority,
        r.oursMs.toFixed(0),
        r.ours.total.toFixed(4),
        String(r.ours.matched),
        r.greedyMs.toFixed(0),
        r.greedy.total.toFixed(4),
        String(r.greedy.matched),
        `${gain >= 0 ? '+' : ''}${gain.toFixed(2)}%`,
      ]
        .map((c, k) => pad(c, widths[k]))
        .join(' '),
    );
  }
  return lines.join('\n');
}

export const SPARSE: InstanceShape = { mentees: 3000, mentors: 2000, capacity: [1, 3], candidates: [80, 120] };
export const WIDE: InstanceShape = { mentees: 3000, mentors: 2000, capacity: [1, 3], candidates: [50, 200] };
export const SCARCE: InstanceShape = { mentees: 3000, mentors: 1000, capacity: [1, 3], candidates: [80, 120] };
export const NARROW: InstanceShape = { mentees: 3000, mentors: 1500, capacity: [1, 2], candidates: [2, 6], negativeShare: 0.05 };
export const DENSE_SMALL: InstanceShape = { mentees: 1000, mentors: 1000, capacity: [1, 3], candidates: [1000, 1000] };
export const DENSE: InstanceShape = { mentees: 3000, mentors: 2000, capacity: [1, 3], candidates: [2000, 2000] };

export async function runMatchingBench(opts: { dense?: boolean } = {}): Promise<string> {
  const sections = ['Matching: exact optimum (ε-scaling auction) vs greedy (highest score first); CPU ms', ''];
  const cases: [string, InstanceShape][] = [
    ['sparse, ~100 candidates', SPARSE],
    ['sparse, 50–200 candidates', WIDE],
    ['scarce places, ~100 candidates', SCARCE],
    ['few candidates (2–6, some negative)', NARROW],
    ['fully dense', DENSE_SMALL],
  ];
  if (opts.dense) cases.push(['fully dense', DENSE]);
  for (const [title, shape] of cases) {
    const input = randomInstance(20240901, shape);
    sections.push(table(title, input, measure(input)), '');
  }
  return sections.join('\n').trimEnd();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMatchingBench({ dense: process.argv.includes('--dense') }).then((s) => console.log(s));
}
