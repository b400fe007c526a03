// `indicators WORKBOOK.xlsx --json`: the municipality of test/harness/indicator-workbook.ts (figures counted by hand
// in test/bundle/indicators.test.ts) saved as .xlsx by the local runtime, read back and counted outside the add-on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEnv } from '../../local/env';
import { spreadsheetFromRows } from '../../local/spreadsheet';
import { saveXlsx } from '../../local/xlsx';
import { indicatorsCommand, type IndicatorsJson } from '../../local/commands/indicators';
import { DEFAULT_TARGETS } from '../../src/domain/targets';
import { targetRowsGrid } from '../../src/sheets/indicator-sheets';
import { TARGET_COLUMNS } from '../../src/sheets/indicator-schema';
import { checklistRows, municipalityWorkbook } from '../harness/indicator-workbook';

const NOW = new Date('2023-12-05T10:00:00+03:00');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-cli-indicators-'));
const tracker = path.join(dir, 'tracker.xlsx');

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await indicatorsCommand(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  const targets = [TARGET_COLUMNS.map((c) => c.label), ...targetRowsGrid(DEFAULT_TARGETS), ['Доля ОО с назначенным куратором', 2023, 'Итого', '', 75]];
  const ss = municipalityWorkbook(NOW, { 'Чек-лист внедрения': checklistRows(), 'Цели': targets });
  await saveXlsx(ss, tracker);
});

describe('indicators command', () => {
  it('prints every indicator by organisation, kind and in total with its target', async () => {
    const r = await run([tracker, '--as-of', '2023-12-05', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as IndicatorsJson;
    expect(json).toMatchObject({ asOf: '2023-12-05', targetYear: 2023, targets: 'sheet' });
    expect(json.organisations.map((o) => [o.id, o.kind])).toEqual([['ОО-01', 'school'], ['ОО-02', 'school'], ['ОО-03', 'kindergarten']]);
    expect(json.indicators).toHaveLength(15);
    const ind = (id: string) => json.indicators.find((i) => i.id === id)!;

    const young = ind('young-specialists-in-mentoring');
    expect([young.total.numerator, young.total.denominator]).toEqual([4, 7]);
    expect(young.total.value).toBeCloseTo(4 / 7, 10);
    expect(young.total.target).toMatchObject({ text: '≥ 80 %', percent: 80, value: 0.8, measure: 'percent', year: 2023, derived: false, status: 'behind' });
    expect(young.total.target!.gap).toBeCloseTo(80 - 400 / 7, 4);
    expect(young.byKind.school).toMatchObject({ numerator: 2, denominator: 5, value: 0.4 });
    expect(young.byKind.kindergarten.target).toMatchObject({ status: 'met', derived: true });
    // НЛ-9 moved from ОО-01 to ОО-02 on 01.11.2023 (dates survive the .xlsx round trip).
    expect(young.byOrganisation['ОО-02']).toMatchObject({ numerator: 1, denominator: 3 });

    expect(ind('active-pairs').total).toMatchObject({ numerator: 3, denominator: 4, value: 3, target: null });
    expect(ind('programmes-completed').byOrganisation['ОО-01']).toMatchObject({ numerator: 0, denominator: 1 });
    expect(ind('mentee-satisfaction').total).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    expect(ind('model-implemented').total).toMatchObject({ numerator: 2, denominator: 3 });
    expect(ind('model-implemented').total.target).toMatchObject({ percent: 80, count: 32, status: 'behind' });
    expect(ind('curator-appointed').total.target).toMatchObject({ percent: 75, status: 'close' });
    expect(ind('teachers-as-mentors').total.value).toBeNull();
    expect(ind('teachers-as-mentors').warnings).toContain('Нет списка педагогических работников: показатель не рассчитан');
    // ОО-01 states 2 pairs by order in the checklist; the pairs sheet has 1.
    expect(ind('model-implemented').warnings.join(' ')).toMatch(/ОО ОО-01: пар\/групп по приказам в чек-листе — 2/);
  });

  it('counts on another date, and prints a readable summary without --json', async () => {
    const r = await run([tracker, '--as-of', '2023-10-01']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Показатели на 2023-10-01');
    // On 01.10.2023 the group ПР-5 had not started: 2 of 7.
    expect(r.out).toMatch(/Доля молодых специалистов, вовлечённых в наставничество: 28,6\s%\s\(2 из 7\); цель ≥ 80\s% — отстаёт/);
    expect(r.out).toMatch(/Число действующих наставнических пар и групп по приказам: 2 \(из 3\)/);
  });

  it('uses the seed programmes’ targets when the workbook has no «Цели»', async () => {
    const file = path.join(dir, 'no-targets.xlsx');
    await saveXlsx(municipalityWorkbook(NOW), file);
    const json = JSON.parse((await run([file, '--as-of', '2024-03-01', '--json'])).out) as IndicatorsJson;
    expect(json.targets).toBe('defaults');
    expect(json.indicators.find((i) => i.id === 'young-specialists-in-mentoring')!.total.target).toMatchObject({ percent: 100, year: 2024 });
    expect(json.warnings.join(' ')).toMatch(/Листа «Цели» нет/);
  });

  it.each([
    [[], /^usage: indicators WORKBOOK\.xlsx/],
    [['missing.xlsx'], /^no such file: missing\.xlsx$/],
    [['--as-of', '05.12.2023', 'x.xlsx'], /--as-of must be a date YYYY-MM-DD, got «05\.12\.2023»/],
    [['--as-of', '2023-02-30', 'x.xlsx'], /YYYY-MM-DD/],
    [['x.xlsx', '--frobnicate'], /unknown option: --frobnicate/],
  ])('%j exits 1 with one line', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
  });

  it('refuses a file that is not a tracker workbook', async () => {
    const text = path.join(dir, 'roadmap.txt');
    fs.writeFileSync(text, 'план');
    expect((await run([text])).err).toMatch(/^not an \.xlsx workbook/);
    const broken = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(broken, 'not a zip');
    const b = await run([broken]);
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/^cannot read .*broken\.xlsx as \.xlsx: /);
    expect(b.err.split('\n')).toHaveLength(1);
    const empty = path.join(dir, 'empty.xlsx');
    await saveXlsx(spreadsheetFromRows(createEnv({ now: NOW }), 'Пусто', { 'Лист1': [['что-то']] }), empty);
    const e = await run([empty, '--json']);
    expect(e.code).toBe(1);
    expect(e.err).toMatch(/^no mentoring data in .*empty\.xlsx/);
  });
});
