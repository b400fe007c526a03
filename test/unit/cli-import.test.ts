// `import-roadmap FILE [--period START..END] [--json]`, called directly (no child process).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRoadmapCommand } from '../../local/commands/import-roadmap';

const SEED = 'test/fixtures/seeds/seversk_2021-2024.txt';
const dir = mkdtempSync(join(tmpdir(), 'cli-import-'));

async function run(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await importRoadmapCommand(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err };
}

describe('import-roadmap --json', () => {
  it('prints one JSON object in the documented shape', async () => {
    const { code, out, err } = await run([SEED, '--json']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['title', 'period', 'sections', 'activities', 'warnings']);
    expect(json.period).toEqual({ start: '2021-01-01', end: '2024-12-31' });
    expect(json.activities).toHaveLength(19);
    const a = json.activities[0];
    expect(Object.keys(a)).toEqual(['number', 'section', 'title', 'result', 'responsible', 'deadline', 'source']);
    expect(Object.keys(a.deadline)).toEqual(['text', 'kind', 'recurrence', 'windows']);
    expect(a).toMatchObject({ number: 'Р1.1', section: 'Р1', responsible: ['УО', 'РЦО'], source: { line: 283 } });
    expect(a.deadline).toEqual({ text: 'Июль 2021 г.', kind: 'dated', recurrence: null, windows: [{ start: '2021-07-01', end: '2021-07-31' }] });
    const sectionNumbers = new Set(json.sections.map((s: { number: string }) => s.number));
    expect(json.activities.every((x: { section: string }) => sectionNumbers.has(x.section))).toBe(true);
    expect(json.warnings.every((w: { line: number; message: string }) => Number.isInteger(w.line) && w.message.length > 0)).toBe(true);
  });

  it('applies --period to months written without a year', async () => {
    const path = join(dir, 'no-year.txt');
    writeFileSync(path, 'План мероприятий\n\n№\tМероприятие\tСрок\tОтветственный\n1\tСеминар\tноябрь\tИМЦ\n2\tКонференция\tапрель\tИМЦ\n');
    const { code, out } = await run([path, '--period', '2025-09-01..2026-08-31', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.period).toEqual({ start: '2025-09-01', end: '2026-08-31' });
    expect(json.activities.map((x: { deadline: { windows: unknown } }) => x.deadline.windows)).toEqual([
      [{ start: '2025-11-01', end: '2025-11-30' }],
      [{ start: '2026-04-01', end: '2026-04-30' }],
    ]);
    const same = await run([path, '--period=2025-09-01..2026-08-31', '--json']);
    expect(same.out).toBe(out);
  });
});

describe('import-roadmap as a table', () => {
  it('prints an aligned table with sections and warnings', async () => {
    const { code, out } = await run([SEED]);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^Дорожная карта реализации муниципальной программы/);
    expect(lines[1]).toBe('Период: 01.01.2021 – 31.12.2024');
    expect(lines[2]).toMatch(/^Мероприятий: 19, разделов: 7, предупреждений: \d+$/);
    const head = lines.findIndex((l) => l.startsWith('№'));
    expect(lines[head]).toMatch(/^№\s+срок\s+вид\s+окно\s+ответственные$/);
    expect(out).toContain('Раздел Р7. ЗАВЕРШАЮЩИЙ ЭТАП');
    const rows = lines.filter((l) => /^Р\d\.\d/.test(l));
    expect(rows).toHaveLength(19);
    const kindColumn = lines[head].indexOf('вид');
    for (const row of rows) expect(row.slice(kindColumn)).toMatch(/^(к сроку|постоянно|повторяется|по условию|не распознан)/);
    const r75 = rows.find((l) => l.startsWith('Р7.5'));
    expect(r75).toContain('01.08.2024–31.08.2024 (+1)');
    expect(r75).toMatch(/УО; РЦО; ОО; ДО$/);
    expect(out).toContain('Предупреждения:');
    expect(out).toMatch(/строка 311: Строка с повторным номером 5/);
  });
});

describe('import-roadmap on bad input', () => {
  const cases: Array<[string, () => string[]]> = [
    ['no file', () => []],
    ['an unknown option', () => [SEED, '--jsn']],
    ['two files', () => [SEED, SEED]],
    ['a period without a value', () => [SEED, '--period']],
    ['an impossible date', () => [SEED, '--period', '2023-02-30..2023-12-31']],
    ['a reversed period', () => [SEED, '--period', '2024-01-01..2023-01-01']],
    ['a period in another format', () => [SEED, '--period', '01.09.2023-31.08.2024']],
    ['a missing file', () => [join(dir, 'nope.txt')]],
    ['an empty file', () => { const p = join(dir, 'empty.txt'); writeFileSync(p, ''); return [p]; }],
    ['binary junk', () => { const p = join(dir, 'junk.tsv'); writeFileSync(p, Uint8Array.from({ length: 300 }, (_, i) => i % 9)); return [p]; }],
    ['text without a table', () => { const p = join(dir, 'letter.txt'); writeFileSync(p, 'Уважаемые коллеги!\nПросим направить сведения.\n'); return [p]; }],
    ['a corrupt workbook', () => { const p = join(dir, 'bad.xlsx'); writeFileSync(p, 'not a zip'); return [p]; }],
    ['an unknown extension', () => { const p = join(dir, 'roadmap.odt'); writeFileSync(p, 'x'); return [p]; }],
  ];
  for (const [name, args] of cases) {
    it(`exits 1 with one line for ${name}`, async () => {
      const { code, out, err } = await run(args());
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toHaveLength(1);
      expect(err[0]).not.toContain('\n');
      expect(err[0].length).toBeGreaterThan(10);
    });
  }
});
