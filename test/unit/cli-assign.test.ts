// `assign-optimal FILE.json [--priority score|coverage] [--json]`, called directly (no child process).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignOptimalCommand } from '../../local/commands/assign-optimal';
import { assignOptimal } from '../../src/domain/matching';
import { randomInstance } from '../bench/matching-instances';

const dir = mkdtempSync(join(tmpdir(), 'cli-assign-'));
let fileNo = 0;

function file(content: unknown): string {
  const path = join(dir, `pool-${++fileNo}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await assignOptimalCommand(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err };
}

describe('assign-optimal --json', () => {
  it('prints exactly the documented object', async () => {
    const path = file({ mentors: [{ id: 'm1', capacity: 2 }], mentees: [{ id: 'e1' }], scores: [['e1', 'm1', 0.83]] });
    const { code, out, err } = await run([path, '--json']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toBe('{"pairs":[["e1","m1"]],"total":0.83,"matched":1}');
  });

  it('sorts pairs by mentee id, rounds the total to 6 decimals and follows --priority', async () => {
    const pool = {
      mentors: [{ id: 'A', capacity: 1 }, { id: 'B', capacity: 1 }],
      mentees: [{ id: 'y' }, { id: 'x' }],
      scores: [['x', 'A', 0.1], ['y', 'A', 0.2], ['x', 'B', 0.0000001]],
    };
    const path = file(pool);
    const score = await run([path, '--json', '--priority', 'score']);
    expect(score.out).toBe('{"pairs":[["x","B"],["y","A"]],"total":0.2,"matched":2}');
    const def = await run([path, '--json']);
    expect(def.out).toBe(score.out);
    // Under coverage x takes B (a negligible score) so that both are matched — here the same pairs.
    const cov = await run([path, '--json', '--priority=coverage']);
    expect(JSON.parse(cov.out)).toEqual({ pairs: [['x', 'B'], ['y', 'A']], total: 0.2, matched: 2 });
  });

  it('coverage and score differ when they should', async () => {
    const path = file({
      mentors: [{ id: 'A', capacity: 1 }, { id: 'B', capacity: 1 }],
      mentees: [{ id: 'x' }, { id: 'y' }],
      scores: [['x', 'A', 0.9], ['y', 'A', 0.5], ['x', 'B', 0.2]],
    });
    expect((await run([path, '--json'])).out).toBe('{"pairs":[["x","A"]],"total":0.9,"matched":1}');
    expect((await run([path, '--json', '--priority', 'coverage'])).out).toBe('{"pairs":[["x","B"],["y","A"]],"total":0.7,"matched":2}');
  });

  it('agrees with the library on a random pool', async () => {
    const pool = randomInstance(3, { mentees: 80, mentors: 40, capacity: [0, 3], candidates: [1, 10] });
    const { code, out } = await run([file(pool), '--json']);
    expect(code).toBe(0);
    const got = JSON.parse(out);
    const want = assignOptimal(pool, 'score');
    expect(got.pairs).toEqual(want.pairs);
    expect(got.matched).toBe(want.matched);
    expect(got.total).toBeCloseTo(want.total, 6);
    expect(String(got.total).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
  });
});

describe('assign-optimal without --json', () => {
  it('prints a readable Russian summary with the greedy comparison', async () => {
    const path = file({
      mentors: [{ id: 'A', capacity: 1 }, { id: 'B', capacity: 1 }],
      mentees: [{ id: 'x' }, { id: 'y' }],
      scores: [['x', 'A', 0.9], ['x', 'B', 0.8], ['y', 'A', 0.85], ['y', 'B', 0.1]],
    });
    const { code, out } = await run([path]);
    expect(code).toBe(0);
    expect(out).toMatch(/Распределено: 2 из 2 наставляемых, суммарная оценка 1,65/);
    expect(out).toMatch(/Жадный выбор: +2 из 2, суммарная оценка 1 /);
    expect(out).toMatch(/^x\tB$/m);
    expect(out).toMatch(/^y\tA$/m);
  });
});

describe('assign-optimal refuses bad input with one line', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['missing file', () => [join(dir, 'nope.json'), '--json'], /файл не найден/],
    ['bad JSON', () => [file('{"mentors": ['), '--json'], /не JSON/],
    ['unknown id', () => [file({ mentors: [{ id: 'm1', capacity: 1 }], mentees: [{ id: 'e1' }], scores: [['e1', 'm2', 1]] }), '--json'], /неизвестный наставник "m2"/],
    ['negative capacity', () => [file({ mentors: [{ id: 'm1', capacity: -2 }], mentees: [], scores: [] })], /отрицательная ёмкость/],
    ['duplicate ids', () => [file({ mentors: [], mentees: [{ id: 'e1' }, { id: 'e1' }], scores: [] })], /Повторяющийся id наставляемого/],
    ['bad priority', () => [file({ mentors: [], mentees: [], scores: [] }), '--priority', 'fast'], /score или coverage/],
    ['no file', () => ['--json'], /не указан файл/],
  ];
  for (const [name, args, re] of cases) {
    it(name, async () => {
      const { code, out, err } = await run(args());
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toHaveLength(1);
      expect(err[0].split('\n')[0]).toMatch(re);
    });
  }
});
