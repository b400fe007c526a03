// The demo is the main job: it must keep producing a tracker workbook that a spreadsheet program opens.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../local/commands/demo';

describe('demo', () => {
  it('writes out/tracker.xlsx with the tracker sheets, readable by exceljs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-demo-'));
    const { files, log } = await runDemo(dir);
    expect(files).toEqual([path.join(dir, 'tracker.xlsx'), path.join(dir, 'report.docx')]);
    expect(fs.statSync(path.join(dir, 'report.docx')).size).toBeGreaterThan(5000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'tracker.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Дорожная карта', 'Календарь', 'Педагоги', 'Список ОО']));
    const roadmap = wb.getWorksheet('Дорожная карта')!;
    expect(roadmap.getRow(1).getCell(1).value).toBe('№');
    expect(roadmap.rowCount).toBe(19);
    expect(roadmap.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(wb.getWorksheet('Педагоги')!.rowCount).toBe(151);
    expect(log.join('\n')).toContain('мероприятий 18');

    // Last year's pairs give the results indicators something to count: the dashboard has a figure for each,
    // and the figures agree with what the «Пары» sheet holds.
    expect(log.join('\n')).toMatch(/итоги против целей — .*нет данных 0\b/);
    const pairs = wb.getWorksheet('Пары')!;
    const pairHeader = (pairs.getRow(1).values as unknown[]).map(String);
    const pairRows = Array.from({ length: pairs.rowCount - 1 }, (_, i) => pairs.getRow(i + 2).values as unknown[]);
    const cell = (row: unknown[], label: string) => row[pairHeader.indexOf(label)];
    const completed = pairRows.filter((r) => cell(r, 'Статус') === 'завершено').length;
    const cancelled = pairRows.filter((r) => cell(r, 'Статус') === 'отменено').length;
    const scored = (label: string) => pairRows.filter((r) => typeof cell(r, label) === 'number').length;
    expect(completed).toBeGreaterThan(cancelled);
    expect(cancelled).toBeGreaterThan(0);

    const dashboard = wb.getWorksheet('Показатели')!;
    const header = (dashboard.getRow(4).values as unknown[]).map(String);
    const totals = new Map<string, { numerator: number; denominator: number; value: unknown; status: unknown }>();
    for (let r = 5; r <= dashboard.rowCount; r++) {
      const row = dashboard.getRow(r).values as unknown[];
      const at = (label: string) => row[header.indexOf(label)];
      if (at('Код среза') !== 'total') continue;
      totals.set(String(at('Код показателя')), { numerator: Number(at('Числитель')), denominator: Number(at('Знаменатель')), value: at('Значение'), status: at('Статус') });
    }
    for (const id of ['programmes-completed', 'deficits-closed', 'mentor-satisfaction', 'mentee-satisfaction', 'young-specialists-retained']) {
      const t = totals.get(id);
      expect(t, id).toBeDefined();
      expect(t!.denominator, id).toBeGreaterThan(0);
      expect(t!.value, id).toBeCloseTo(t!.numerator / t!.denominator, 6);
      expect(t!.status, id).not.toBe('нет данных');
    }
    expect(totals.get('programmes-completed')).toMatchObject({ numerator: completed, denominator: completed + cancelled });
    expect(totals.get('mentor-satisfaction')!.denominator).toBe(scored('Удовлетворённость наставника'));
    expect(totals.get('mentee-satisfaction')!.denominator).toBe(scored('Удовлетворённость наставляемого'));
    // Mostly satisfied, not all: the survey has some 3s.
    for (const id of ['mentor-satisfaction', 'mentee-satisfaction']) {
      expect(totals.get(id)!.value as number, id).toBeGreaterThan(0.5);
    }
    // Someone left before a year of mentoring was over.
    expect(totals.get('young-specialists-retained')!.value as number).toBeLessThan(1);
  });
});
