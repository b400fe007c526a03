// Charts in saved workbooks: the DrawingML parts saveXlsx adds after exceljs writes, checked as a package
// (every relationship resolves, content types declared, sheet element order), read back by exceljs, and, when
// LibreOffice is installed, opened and converted to PDF by a real viewer.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createEnv } from '../../local/env';
import { createSpreadsheetApp, FakeSpreadsheet } from '../../local/spreadsheet/index';
import { saveXlsx } from '../../local/xlsx';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type ChartType = GoogleAppsScript.Charts.ChartType;

let dir = '';
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'nastavnik-xlsx-charts-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const ORGS = ['Школа № 1', 'Лицей «Вектор»', 'Гимназия 5', 'Колледж связи'];
const COVERAGE = [0.42, 0.8, 0.65, 0.3];
const TARGET = [0.5, 0.7, 0.7, 0.5];
const DATES = ['2024-09-01', '2024-12-01', '2025-03-01', '2025-06-01'];
const SHARE = [0.2, 0.35, 0.5, 0.62];

function build() {
  const env = createEnv();
  const ss = new FakeSpreadsheet(env, 'Показатели');
  const app = createSpreadsheetApp(env, { active: ss, getUi: () => ({}) }) as unknown as App;
  const sheet = app.getActiveSpreadsheet().getActiveSheet().setName('Показатели');
  sheet.getRange(1, 1, 1, 3).setValues([['Организация', 'Значение', 'Цель']]).setFontWeight('bold');
  sheet.getRange(2, 1, ORGS.length, 3).setValues(ORGS.map((o, i) => [o, COVERAGE[i], TARGET[i]]));
  sheet.getRange(2, 2, ORGS.length, 2).setNumberFormat('0.0%');
  sheet.getRange(8, 1, 1, 2).setValues([['Дата', 'Доля']]);
  sheet.getRange(9, 1, DATES.length, 2).setValues(DATES.map((d, i) => [new Date(`${d}T00:00:00+03:00`), SHARE[i]]));
  sheet.getRange(9, 1, DATES.length, 1).setNumberFormat('dd.mm.yyyy');
  sheet.getRange('A2').setNote('Данные за текущий год');
  sheet.setColumnWidth(1, 180);
  const bar = sheet.newChart().setChartType('BAR' as unknown as ChartType)
    .addRange(sheet.getRange(1, 1, ORGS.length + 1, 3)).setNumHeaders(1)
    .setPosition(1, 5, 10, 0)
    .setOption('title', 'Охват по организациям').setOption('legend.position', 'bottom')
    .setOption('hAxis.format', 'percent').setOption('width', 480).setOption('height', 300).build();
  sheet.insertChart(bar);
  const line = sheet.newChart().setChartType('LINE' as unknown as ChartType)
    .addRange(sheet.getRange(8, 1, DATES.length + 1, 2))
    .setPosition(17, 5, 0, 0)
    .setOption('title', 'Динамика').setOption('vAxis.format', 'percent').setOption('pointSize', 5).build();
  sheet.insertChart(line);
  ss.insertSheet('Пусто').getRange('A1').setValue('без диаграмм');
  return { ss };
}

function attrsOf(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

function rels(xml: string): Array<Record<string, string>> {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => attrsOf(m[0]));
}

function resolve(owner: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = owner.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

async function saved(): Promise<{ file: string; zip: JSZip }> {
  const { ss } = build();
  const file = join(dir, `charts-${Math.random().toString(36).slice(2)}.xlsx`);
  await saveXlsx(ss, file);
  return { file, zip: await JSZip.loadAsync(readFileSync(file)) };
}

describe('charts in saved xlsx', () => {
  it('adds chart and drawing parts whose relationships and content types are all consistent', async () => {
    const { zip } = await saved();
    const text = async (p: string) => {
      const f = zip.file(p);
      expect(f, p).not.toBeNull();
      return f!.async('string');
    };
    const types = await text('[Content_Types].xml');
    const files = Object.keys(zip.files).filter((p) => !zip.files[p].dir);

    // Every relationship of every part resolves to a part in the package, and every r:id a part uses is declared.
    for (const relsPath of files.filter((p) => p.endsWith('.rels'))) {
      const owner = relsPath.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
      const declared = rels(await text(relsPath));
      expect(new Set(declared.map((r) => r.Id)).size, relsPath).toBe(declared.length);
      for (const r of declared) {
        if (r.TargetMode === 'External') continue;
        expect(files, `${relsPath} → ${r.Target}`).toContain(resolve(owner, r.Target));
      }
      if (owner && zip.file(owner)) {
        const used = [...(await text(owner)).matchAll(/\br:id="([^"]+)"/g)].map((m) => m[1]);
        for (const id of used) expect(declared.map((r) => r.Id), `${owner} uses ${id}`).toContain(id);
      }
    }

    // The sheet with charts: its drawing next to the notes' legacyDrawing, in schema order.
    const book = await text('xl/workbook.xml');
    const bookRels = rels(await text('xl/_rels/workbook.xml.rels'));
    const sheetTag = [...book.matchAll(/<sheet\b[^>]*>/g)].map((m) => attrsOf(m[0])).find((a) => a.name === 'Показатели')!;
    const sheetPart = resolve('xl/workbook.xml', bookRels.find((r) => r.Id === sheetTag['r:id'])!.Target);
    const sheetXml = await text(sheetPart);
    const drawingAt = sheetXml.indexOf('<drawing ');
    expect(drawingAt).toBeGreaterThan(sheetXml.indexOf('<pageSetup'));
    expect(drawingAt).toBeLessThan(sheetXml.indexOf('<legacyDrawing '));
    expect(sheetXml.match(/<drawing /g)).toHaveLength(1);
    const sheetRels = rels(await text(sheetPart.replace(/([^/]+)$/, '_rels/$1.rels')));
    expect(sheetRels.map((r) => r.Type.split('/').pop()).sort()).toEqual(['comments', 'drawing', 'vmlDrawing']);

    const drawingPart = resolve(sheetPart, sheetRels.find((r) => r.Type.endsWith('/drawing'))!.Target);
    expect(types).toContain(`PartName="/${drawingPart}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"`);
    const drawing = await text(drawingPart);
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    const charts = rels(await text(drawingPart.replace(/([^/]+)$/, '_rels/$1.rels'))).map((r) => resolve(drawingPart, r.Target));
    expect(charts).toHaveLength(2);
    for (const c of charts) expect(types).toContain(`PartName="/${c}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);

    // The bar chart anchors at E1 (column 4 from 0) with the 10 px offset; the line chart at row 17.
    const froms = [...drawing.matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>(\d+)<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)]
      .map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
    expect(froms).toEqual([[4, 10 * 9525, 0], [4, 0, 16]]);

    const [bar, line] = await Promise.all(charts.map((c) => text(c)));
    expect(bar).toContain('<c:barDir val="bar"/>');
    expect(bar).toContain('<a:t>Охват по организациям</a:t>');
    expect(bar.match(/<c:ser>/g)).toHaveLength(2);
    expect(bar).toContain(`<c:f>'Показатели'!$A$2:$A$${ORGS.length + 1}</c:f>`);
    expect(bar).toContain(`<c:f>'Показатели'!$C$2:$C$${ORGS.length + 1}</c:f>`);
    expect(bar).toContain('<c:v>Цель</c:v>');
    for (const o of ORGS) expect(bar).toContain(`<c:v>${o.replace(/&/g, '&amp;')}</c:v>`);
    for (const v of COVERAGE) expect(bar).toContain(`<c:v>${v}</c:v>`);
    expect(bar).toContain('<c:formatCode>0.0%</c:formatCode>');
    expect(bar).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
    expect(bar).toContain('<c:legendPos val="b"/>');

    expect(line).toContain('<c:lineChart>');
    // Headers guessed (numHeaders left at -1): «Доля» names the series, dates are numeric categories.
    expect(line).toContain('<c:v>Доля</c:v>');
    expect(line).toMatch(/<c:cat><c:numRef><c:f>'Показатели'!\$A\$9:\$A\$12<\/c:f><c:numCache><c:formatCode>dd\.mm\.yyyy<\/c:formatCode>/);
    const serial = (Date.UTC(2024, 8, 1) - Date.UTC(1899, 11, 30)) / 86400000;
    expect(line).toContain(`<c:v>${serial}</c:v>`);
    expect(line).toContain('<c:size val="5"/>');
  });

  it('reads back with exceljs with values and notes intact', async () => {
    const { file } = await saved();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Показатели')!;
    ORGS.forEach((o, i) => {
      expect(ws.getCell(i + 2, 1).value).toBe(o);
      expect(ws.getCell(i + 2, 2).value).toBe(COVERAGE[i]);
    });
    expect(ws.getCell('B9').value).toBe(SHARE[0]);
    expect(JSON.stringify(ws.getCell('A2').note)).toContain('Данные за текущий год');
    expect(wb.getWorksheet('Пусто')!.getCell('A1').value).toBe('без диаграмм');
  });

  it('leaves workbooks without charts as exceljs writes them', async () => {
    const env = createEnv();
    const ss = new FakeSpreadsheet(env, 'Без диаграмм');
    ss.getActiveSheet().getRange('A1').setValue(1);
    const file = join(dir, 'plain.xlsx');
    await saveXlsx(ss, file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(Object.keys(zip.files).some((p) => p.startsWith('xl/charts/'))).toBe(false);
  });

  // soffice without Calc (only the writer packages) cannot open .xlsx at all: that is a missing tool, not a bug.
  const calc = existsSync('/usr/bin/soffice') && existsSync('/usr/lib/libreoffice/program/libsclo.so');
  it.skipIf(!calc)('opens in LibreOffice and converts to PDF', async () => {
    const { file } = await saved();
    const out = mkdtempSync(join(dir, 'pdf-'));
    // A private profile: a profile shared with another soffice run makes the conversion fail silently.
    execFileSync('/usr/bin/soffice', [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'pdf',
      '--outdir', out, file], { stdio: 'pipe', timeout: 60000 });
    const pdf = join(out, file.replace(/^.*\//, '').replace(/\.xlsx$/, '.pdf'));
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    // The chart titles are in no cell: finding them in the PDF's text means LibreOffice drew the charts.
    if (existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('/usr/bin/pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('Охват по организациям');
      expect(text).toContain('Динамика');
    }
  }, 90000);
});
