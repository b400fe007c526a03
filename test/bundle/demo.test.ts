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
  });
});
