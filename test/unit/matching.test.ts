import { describe, it, expect } from 'vitest';
import {
  assignOptimal,
  assignGreedy,
  validateAssignInput,
  type AssignInput,
  type AssignResult,
  type MatchPriority,
} from '../../src/domain/matching';
import { randomInstance, seededRandom } from '../bench/matching-instances';

/** Lexicographic best over every assignment: each mentee picks none or one of its listed mentors. */
function bruteForce(input: AssignInput, priority: MatchPriority): { total: number; matched: number } {
  const mentorIndex = new Map(input.mentors.map((m, j) => [m.id, j]));
  const options = input.mentees.map((e) =>
    input.scores.filter((s) => s[0] === e.id).map((s) => ({ j: mentorIndex.get(s[1])!, score: s[2] })),
  );
  const left = input.mentors.map((m) => m.capacity);
  let best = { total: 0, matched: 0 };
  const better = (total: number, matched: number): boolean => {
    if (priority === 'coverage' && matched !== best.matched) return matched > best.matched;
    return total > best.total + 1e-9;
  };
  const walk = (i: number, total: number, matched: number): void => {
    if (i === options.length) {
      if (better(total, matched)) best = { total, matched };
      return;
    }
    walk(i + 1, total, matched);
    for (const o of options[i]) {
      if (left[o.j] === 0) continue;
      left[o.j]--;
      walk(i + 1, total + o.score, matched + 1);
      left[o.j]++;
    }
  };
  walk(0, 0, 0);
  return best;
}

/** Everything a valid answer must satisfy, whatever its quality. */
function expectFeasible(input: AssignInput, r: AssignResult, priority: MatchPriority): void {
  const score = new Map(input.scores.map(([e, m, s]) => [`${e}\u0000${m}`, s]));
  const cap = new Map(input.mentors.map((m) => [m.id, m.capacity]));
  const used = new Map<string, number>();
  const seen = new Set<string>();
  let total = 0;
  for (const [e, m] of r.pairs) {
    expect(seen.has(e), `mentee ${e} twice`).toBe(false);
    seen.add(e);
    const s = score.get(`${e}\u0000${m}`);
    expect(s, `pair ${e}–${m} not listed`).toBeDefined();
    if (priority === 'score') expect(s!).toBeGreaterThan(0);
    total += s!;
    used.set(m, (used.get(m) ?? 0) + 1);
  }
  for (const [m, u] of used) expect(u).toBeLessThanOrEqual(cap.get(m)!);
  expect(r.matched).toBe(r.pairs.length);
  expect(r.total).toBeCloseTo(total, 9);
  const ids = r.pairs.map((p) => p[0]);
  expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
}

function smallInstance(seed: number): AssignInput {
  const rnd = seededRandom(seed);
  const mentees = 1 + Math.floor(rnd() * 6);
  const mentors = 1 + Math.floor(rnd() * 4);
  const inst = randomInstance(seed * 7919 + 13, {
    mentees,
    mentors,
    capacity: [0, 3],
    candidates: [0, Math.min(mentors, 3)],
    negativeShare: 0.15,
    decimals: 2,
  });
  return inst;
}

describe('assignOptimal against brute force', () => {
  for (const priority of ['score', 'coverage'] as const) {
    it(`finds the optimum on 400 small random instances (${priority})`, () => {
      let beatGreedy = 0;
      for (let seed = 1; seed <= 400; seed++) {
        const input = smallInstance(seed);
        const r = assignOptimal(input, priority);
        expectFeasible(input, r, priority);
        const want = bruteForce(input, priority);
        if (priority === 'coverage') expect(r.matched, `seed ${seed}`).toBe(want.matched);
        expect(r.total, `seed ${seed}`).toBeCloseTo(want.total, 9);
        const g = assignGreedy(input, priority);
        expectFeasible(input, g, priority);
        if (priority === 'score') expect(r.total).toBeGreaterThanOrEqual(g.total - 1e-9);
        else expect(r.matched).toBeGreaterThanOrEqual(g.matched);
        if (r.total > g.total + 1e-9 || r.matched > g.matched) beatGreedy++;
      }
      // The instances are meant to be hard enough that greedy is sometimes wrong.
      expect(beatGreedy).toBeGreaterThan(5);
    });
  }

  it('finds the optimum with larger capacities (some above the demand) and many ties', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const input = randomInstance(seed, { mentees: 6, mentors: 3, capacity: [0, 8], candidates: [1, 3], decimals: 1 });
      for (const priority of ['score', 'coverage'] as const) {
        const r = assignOptimal(input, priority);
        expectFeasible(input, r, priority);
        const want = bruteForce(input, priority);
        expect(r.matched === want.matched || priority === 'score').toBe(true);
        expect(r.total, `seed ${seed} ${priority}`).toBeCloseTo(want.total, 9);
      }
    }
  });
});

describe('assignOptimal on hand-built cases', () => {
  it('beats greedy where the best single pair blocks two good ones', () => {
    const input: AssignInput = {
      mentors: [{ id: 'A', capacity: 1 }, { id: 'B', capacity: 1 }],
      mentees: [{ id: 'x' }, { id: 'y' }],
      scores: [['x', 'A', 0.9], ['x', 'B', 0.8], ['y', 'A', 0.85], ['y', 'B', 0.1]],
    };
    const greedy = assignGreedy(input, 'score');
    expect(greedy.pairs).toEqual([['x', 'A'], ['y', 'B']]);
    expect(greedy.total).toBeCloseTo(1.0, 9);
    const best = assignOptimal(input, 'score');
    expect(best.pairs).toEqual([['x', 'B'], ['y', 'A']]);
    expect(best.total).toBeCloseTo(1.65, 9);
  });

  it('coverage matches more mentees than score when they disagree', () => {
    const input: AssignInput = {
      mentors: [{ id: 'A', capacity: 1 }, { id: 'B', capacity: 1 }],
      mentees: [{ id: 'x' }, { id: 'y' }],
      scores: [['x', 'A', 0.9], ['y', 'A', 0.5], ['x', 'B', 0.2]],
    };
    expect(assignOptimal(input, 'score')).toEqual({ pairs: [['x', 'A']], total: 0.9, matched: 1 });
    const cov = assignOptimal(input, 'coverage');
    expect(cov.pairs).toEqual([['x', 'B'], ['y', 'A']]);
    expect(cov.total).toBeCloseTo(0.7, 9);
    expect(assignGreedy(input, 'coverage').matched).toBe(1);
  });

  it('never takes a non-positive pair under score, but may under coverage', () => {
    const input: AssignInput = {
      mentors: [{ id: 'A', capacity: 2 }],
      mentees: [{ id: 'x' }, { id: 'y' }, { id: 'z' }],
      scores: [['x', 'A', 0], ['y', 'A', -0.3], ['z', 'A', 0.4]],
    };
    expect(assignOptimal(input, 'score')).toEqual({ pairs: [['z', 'A']], total: 0.4, matched: 1 });
    const cov = assignOptimal(input, 'coverage');
    expect(cov.matched).toBe(2);
    expect(cov.pairs).toEqual([['x', 'A'], ['z', 'A']]);
  });

  it('respects capacities, zero capacity and mentees without candidates', () => {
    const input: AssignInput = {
      mentors: [{ id: 'A', capacity: 2 }, { id: 'B', capacity: 0 }],
      mentees: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
      scores: [['a', 'A', 0.5], ['b', 'A', 0.6], ['c', 'A', 0.7], ['c', 'B', 1], ['a', 'B', 1]],
    };
    const r = assignOptimal(input, 'coverage');
    expect(r.pairs).toEqual([['b', 'A'], ['c', 'A']]);
    expect(r.total).toBeCloseTo(1.3, 9);
  });

  it('handles empty input and keeps six decimals exactly', () => {
    expect(assignOptimal({ mentors: [], mentees: [], scores: [] }, 'score')).toEqual({ pairs: [], total: 0, matched: 0 });
    const input: AssignInput = {
      mentors: [{ id: 'A', capacity: 1 }, { id: 'B', capacity: 1 }],
      mentees: [{ id: 'x' }, { id: 'y' }],
      // Only the sixth decimal decides between the two assignments.
      scores: [['x', 'A', 0.500001], ['x', 'B', 0.5], ['y', 'A', 0.5], ['y', 'B', 0.500002]],
    };
    expect(assignOptimal(input, 'score').pairs).toEqual([['x', 'A'], ['y', 'B']]);
  });

  it('works with large scores (coarser scale, still optimal)', () => {
    const input = randomInstance(5, { mentees: 6, mentors: 4, capacity: [1, 2], candidates: [1, 4] });
    const big: AssignInput = { ...input, scores: input.scores.map(([e, m, s]) => [e, m, s * 1e9]) };
    for (const priority of ['score', 'coverage'] as const) {
      const r = assignOptimal(big, priority);
      expectFeasible(big, r, priority);
      expect(r.total / 1e9).toBeCloseTo(bruteForce(big, priority).total / 1e9, 6);
    }
  });

  it('rejects unknown ids and repeated pairs instead of guessing', () => {
    const base: AssignInput = { mentors: [{ id: 'A', capacity: 1 }], mentees: [{ id: 'x' }], scores: [] };
    expect(() => assignOptimal({ ...base, scores: [['x', 'Z', 1]] }, 'score')).toThrow(/Z/);
    expect(() => assignOptimal({ ...base, scores: [['q', 'A', 1]] }, 'score')).toThrow(/q/);
    expect(() => assignOptimal({ ...base, scores: [['x', 'A', 1], ['x', 'A', 2]] }, 'score')).toThrow(/дважды/);
  });

  it('handles a mentor with a very large capacity wanted by everyone', () => {
    const input = randomInstance(11, { mentees: 800, mentors: 300, capacity: [1, 2], candidates: [5, 15] });
    input.mentors[0].capacity = 500;
    const listed = new Set(input.scores.filter(([, m]) => m === 'm1').map(([e]) => e));
    for (const e of input.mentees) if (!listed.has(e.id)) input.scores.push([e.id, 'm1', 0.2]);
    for (const priority of ['score', 'coverage'] as const) {
      const r = assignOptimal(input, priority);
      expectFeasible(input, r, priority);
      expect(r.pairs.filter(([, m]) => m === 'm1').length).toBeLessThanOrEqual(500);
      const g = assignGreedy(input, priority);
      if (priority === 'score') expect(r.total).toBeGreaterThanOrEqual(g.total - 1e-9);
      else expect(r.matched).toBeGreaterThanOrEqual(g.matched);
    }
  });

  it('solves a medium instance quickly and never loses to greedy', () => {
    const input = randomInstance(77, { mentees: 600, mentors: 400, capacity: [1, 3], candidates: [20, 60] });
    for (const priority of ['score', 'coverage'] as const) {
      const r = assignOptimal(input, priority);
      expectFeasible(input, r, priority);
      const g = assignGreedy(input, priority);
      if (priority === 'score') expect(r.total).toBeGreaterThanOrEqual(g.total - 1e-9);
      else expect(r.matched).toBeGreaterThanOrEqual(g.matched);
    }
  });
});

describe('assignOptimal against the HiGHS LP optimum', () => {
  /** CPLEX LP text of the assignment LP; its constraint matrix is totally unimodular. */
  function lp(input: AssignInput, objective: 'score' | 'count', fixCount?: number): string {
    const vars = input.scores.map((_, k) => `x${k}`);
    const lines: string[] = ['Maximize', ' obj:'];
    input.scores.forEach(([, , s], k) => {
      const c = objective === 'count' ? 1 : s;
      lines.push(`  ${c >= 0 ? '+' : '-'} ${Math.abs(c)} ${vars[k]}`);
    });
    lines.push('Subject To');
    input.mentees.forEach((e, i) => {
      const terms = input.scores.flatMap(([id], k) => (id === e.id ? [vars[k]] : []));
      if (terms.length) lines.push(` e${i}: ${terms.join(' + ')} <= 1`);
    });
    input.mentors.forEach((m, j) => {
      const terms = input.scores.flatMap(([, id], k) => (id === m.id ? [vars[k]] : []));
      if (terms.length) lines.push(` m${j}: ${terms.join(' + ')} <= ${m.capacity}`);
    });
    if (fixCount !== undefined && vars.length) lines.push(` all: ${vars.join(' + ')} >= ${fixCount}`);
    lines.push('Bounds');
    for (const v of vars) lines.push(` 0 <= ${v} <= 1`);
    lines.push('End');
    return lines.join('\n');
  }

  it('agrees on 20 random 30×20 instances, both priorities', async () => {
    const highs = await (await import('highs')).default();
    for (let seed = 1; seed <= 20; seed++) {
      const input = randomInstance(1000 + seed, {
        mentees: 30,
        mentors: 20,
        capacity: [0, 3],
        candidates: [1, 8],
        negativeShare: 0.1,
      });
      const solve = (text: string): number => {
        const res = highs.solve(text, { output_flag: false });
        expect(res.Status).toBe('Optimal');
        return res.ObjectiveValue;
      };
      const score = assignOptimal(input, 'score');
      expectFeasible(input, score, 'score');
      expect(score.total, `seed ${seed}`).toBeCloseTo(solve(lp(input, 'score')), 6);

      // Coverage, independently of our bonus weights: the most pairs, then the best score among them.
      const most = Math.round(solve(lp(input, 'count')));
      const cov = assignOptimal(input, 'coverage');
      expectFeasible(input, cov, 'coverage');
      expect(cov.matched, `seed ${seed}`).toBe(most);
      expect(cov.total, `seed ${seed}`).toBeCloseTo(solve(lp(input, 'score', most)), 6);
    }
  });
});

describe('validateAssignInput', () => {
  const ok = { mentors: [{ id: 'm1', capacity: 2 }], mentees: [{ id: 'e1' }], scores: [['e1', 'm1', 0.83]] };
  it('accepts well-formed input', () => {
    expect(validateAssignInput(ok)).toBeNull();
    expect(validateAssignInput({ mentors: [], mentees: [], scores: [] })).toBeNull();
  });
  const cases: [string, unknown, RegExp][] = [
    ['not an object', [1, 2], /Ожидается объект/],
    ['missing scores', { mentors: [], mentees: [] }, /"scores" должно быть массивом/],
    ['mentor without id', { ...ok, mentors: [{ capacity: 1 }] }, /mentors\[0\]/],
    ['negative capacity', { ...ok, mentors: [{ id: 'm1', capacity: -1 }] }, /отрицательная ёмкость -1/],
    ['fractional capacity', { ...ok, mentors: [{ id: 'm1', capacity: 1.5 }] }, /целым числом/],
    ['capacity as text', { ...ok, mentors: [{ id: 'm1', capacity: '2' }] }, /"capacity" должно быть числом/],
    ['duplicate mentor', { ...ok, mentors: [{ id: 'm1', capacity: 1 }, { id: 'm1', capacity: 1 }] }, /Повторяющийся id наставника: "m1"/],
    ['duplicate mentee', { ...ok, mentees: [{ id: 'e1' }, { id: 'e1' }] }, /Повторяющийся id наставляемого/],
    ['unknown mentee', { ...ok, scores: [['e9', 'm1', 1]] }, /неизвестный наставляемый "e9"/],
    ['unknown mentor', { ...ok, scores: [['e1', 'm9', 1]] }, /неизвестный наставник "m9"/],
    ['bad triple', { ...ok, scores: [['e1', 'm1']] }, /scores\[0\]: ожидается/],
    ['non-finite score', { ...ok, scores: [['e1', 'm1', null]] }, /конечным числом/],
    ['repeated pair', { ...ok, scores: [['e1', 'm1', 1], ['e1', 'm1', 2]] }, /указана дважды/],
  ];
  for (const [name, json, re] of cases) {
    it(`rejects ${name} with a one-line reason`, () => {
      const reason = validateAssignInput(json);
      expect(reason).toMatch(re);
      expect(reason).not.toMatch(/\n/);
    });
  }
});
