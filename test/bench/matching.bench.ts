// Benchmark: the exact matcher (ε-scaling auction) against the greedy baseline on a seeded pool of 3,000 mentees
// × 2,000 mentors with capacities 1–3 and ~100 candidates per mentee, for both priorities; plus a fully dense
// 1,000 × 1,000 pool. Then scoring and matching of generated people (scoring-pool.ts) at 1,000 × 1,000 and
// 3,000 × 2,000: the original per-pair scoreCandidate (scoring-reference.ts) against the prepared fast path.
// Run alone with `npx tsx test/bench/matching.bench.ts` (add `--dense` for the fully dense 3,000 × 2,000 pool:
// 6 million pairs, ~20 s in all; `--scoring` for the scoring block only; `--full-reference` to time the original
// scoring on every pair instead of on a sample of mentees); test/bench/run.ts calls runMatchingBench().
// Times are CPU milliseconds of this process (process.cpuUsage), including building the graph from the ids.
import { pathToFileURL } from 'node:url';
import { assignGreedy, assignOptimal, type AssignInput, type AssignResult, type MatchPriority } from '../../src/domain/matching';
import { DEFAULT_SCORING, matchingInput, type RankContext } from '../../src/domain/scoring';
import { randomInstance, type InstanceShape } from './matching-instances';
import { generatePool, type PoolShape } from './scoring-pool';
import * as reference from './scoring-reference';

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

export const SCORING_POOLS: [string, PoolShape][] = [
  ['1,000 × 1,000', { mentees: 1000, mentors: 1000, organisations: 60, pairs: 300 }],
  ['3,000 × 2,000', { mentees: 3000, mentors: 2000, organisations: 150, pairs: 800 }],
];

/** Mentees whose pairs time the original scoring by default: enough for a steady per-pair figure. */
const REFERENCE_SAMPLE = 200;

/**
 * Scoring of a whole pool as pairingAutomatch does it (every mentee × every mentor, across organisations, default
 * settings), before and after, then the exact matcher on the result. The original scoring is timed on the first
 * REFERENCE_SAMPLE mentees (all pairs with `fullReference`) and its total extrapolated per pair; on that sample
 * both must produce the same matcher input.
 */
export function runScoringBench(opts: { fullReference?: boolean } = {}): string {
  const lines = ['Scoring a pool for automatching: original scoreCandidate per pair vs prepared people; CPU ms', ''];
  const fmt = (ms: number): string => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
  for (const [title, shape] of SCORING_POOLS) {
    const pool = generatePool(20240915, shape);
    const ctx: RankContext = { ...DEFAULT_SCORING, partnerOrgs: pool.partners, asOf: pool.asOf, pairs: pool.pairs, loads: pool.loads };
    const pairs = shape.mentees * shape.mentors;
    // Untimed warm-up of both paths on a slice, so neither pays for JIT compilation alone.
    reference.matchingInput(pool.mentees.slice(0, 20), pool.mentors, ctx);
    matchingInput(pool.mentees.slice(0, 20), pool.mentors, ctx);

    const sample = opts.fullReference ? pool.mentees : pool.mentees.slice(0, REFERENCE_SAMPLE);
    const before = cpu(() => reference.matchingInput(sample, pool.mentors, ctx));
    const beforePerPair = before.ms / (sample.length * shape.mentors);
    const after = cpu(() => matchingInput(pool.mentees, pool.mentors, ctx));
    const afterPerPair = after.ms / pairs;
    const sampleAfter = matchingInput(sample, pool.mentors, ctx);
    const same = JSON.stringify(sampleAfter) === JSON.stringify(before.value);
    const match = cpu(() => assignOptimal(after.value, 'score'));

    lines.push(
      `${title}: ${pairs.toLocaleString('en')} pairs, ${after.value.scores.length.toLocaleString('en')} allowed with a positive score, ` +
        `${after.value.mentors.reduce((s, m) => s + m.capacity, 0)} free places`,
      `  before: ${(beforePerPair * 1000).toFixed(2)} µs per pair, ${opts.fullReference ? '' : '~'}${fmt(beforePerPair * pairs)} for the pool` +
        (opts.fullReference ? '' : ` (timed on ${sample.length} mentees × ${shape.mentors} mentors)`),
      `  after:  ${(afterPerPair * 1000).toFixed(3)} µs per pair, ${fmt(after.ms)} for the pool — ${(beforePerPair / afterPerPair).toFixed(1)}× faster; ` +
        `same matcher input on the timed sample: ${same ? 'yes' : 'NO'}`,
      `  matching (exact, by score): ${fmt(match.ms)}, ${match.value.matched} matched, total ${match.value.total.toFixed(4)}; ` +
        `scoring + matching ${fmt(after.ms + match.ms)} (was ~${fmt(beforePerPair * pairs + match.ms)})`,
      '',
    );
  }
  return lines.join('\n').trimEnd();
}

export async function runMatchingBench(opts: { dense?: boolean; scoringOnly?: boolean; fullReference?: boolean } = {}): Promise<string> {
  if (opts.scoringOnly) return runScoringBench(opts);
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
  sections.push(runScoringBench(opts));
  return sections.join('\n').trimEnd();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const has = (flag: string): boolean => process.argv.includes(flag);
  runMatchingBench({ dense: has('--dense'), scoringOnly: has('--scoring'), fullReference: has('--full-reference') }).then((s) => console.log(s));
}
