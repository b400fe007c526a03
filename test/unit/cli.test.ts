import { describe, expect, it } from 'vitest';
import { main } from '../../local/cli';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, (s) => out.push(s), (s) => err.push(s)).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('cli', () => {
  it('--help lists every command', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['demo', 'report', 'indicators', 'import-roadmap', 'import-people', 'assign-optimal']) expect(r.out).toContain(c);
  });

  it('a command answers --help with its usage', async () => {
    const r = await run(['import-roadmap', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('usage: npm run -s cli -- import-roadmap FILE');
  });

  it('an unknown command exits 1 with one line', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toHaveLength(1);
  });
});
