// Seeded random assignment instances shared by the matching tests and the benchmark, so a failure can be
// reproduced from its seed alone.
import type { AssignInput } from '../../src/domain/matching';
import { seededRandom } from '../../local/sample/prng';

export { seededRandom };

export interface InstanceShape {
  mentees: number;
  mentors: number;
  /** Inclusive capacity range. */
  capacity: [number, number];
  /** Candidates per mentee, inclusive range; `mentors` or more makes the instance fully dense. */
  candidates: [number, number];
  /** Fraction of scores drawn negative (to exercise "only pairs that increase the total"). */
  negativeShare?: number;
  /** Decimals the scores are rounded to, as a scoring sheet would show them. */
  decimals?: number;
}

/**
 * Scores mimic the scoring module: a mentor's general appeal (some mentors are wanted by many, which is where
 * greedy goes wrong) plus a pair-specific fit.
 */
export function randomInstance(seed: number, shape: InstanceShape): AssignInput {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const factor = 10 ** (shape.decimals ?? 4);
  const mentors = Array.from({ length: shape.mentors }, (_, j) => ({ id: `m${j + 1}`, capacity: int(shape.capacity[0], shape.capacity[1]) }));
  const mentees = Array.from({ length: shape.mentees }, (_, i) => ({ id: `e${i + 1}` }));
  const appeal = mentors.map(() => rnd());
  const scores: [string, string, number][] = [];
  const pool = mentors.map((_, j) => j);
  for (let i = 0; i < shape.mentees; i++) {
    const want = Math.min(shape.mentors, int(shape.candidates[0], shape.candidates[1]));
    // Partial Fisher–Yates: the first `want` entries of the pool are a uniform sample without repeats.
    for (let t = 0; t < want; t++) {
      const r = t + Math.floor(rnd() * (shape.mentors - t));
      const tmp = pool[t];
      pool[t] = pool[r];
      pool[r] = tmp;
      const j = pool[t];
      let s = 0.55 * appeal[j] + 0.45 * rnd();
      if (shape.negativeShare && rnd() < shape.negativeShare) s = -s;
      scores.push([mentees[i].id, mentors[j].id, Math.round(s * factor) / factor]);
    }
  }
  return { mentors, mentees, scores };
}
