// xlsx export/import of the fake spreadsheet: a round trip, the file as Excel sees it (read with exceljs
// directly), and a workbook written the way Excel writes it (shared strings, serial dates, shared formulas).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createEnv } from '../../local/env';
import { createSpreadsheetApp, FakeSpreadsheet } from '../../local/spreadsheet/index';
import { loadXlsx, saveXlsx, spreadsheetFromRows } from '../../local/xlsx';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

let dir = '';
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'nastavnik-xlsx-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const MSK = (iso: string) => new Date(`${iso}T00:00:00+03:00`);

function buildRoadmap() {
  const env = createEnv();
  const ss = new FakeSpreadsheet(env, 'Дорожная карта');
  const app = createSpreadsheetApp(env, { active: ss, getUi: () => ({}) }) as unknown as App;
  const sheet = app.getActiveSpreadsheet().getActiveSheet().setName('Мероприятия');
  sheet.getRange('A1:E1').setValues([['№', 'Мероприятие', 'Срок', 'Статус', 'Часы']]).setFontWeight('bold').setBackground('#d9ead3');
  sheet.getRange('A2:E4').setValues([
    ["'1.1", 'Семинар наставников', MSK('2024-03-05'), 'Запланировано', 2],
    ["'1.2", 'Отчёт', MSK('2024-12-31'), 'Выполнено', 0],
    ["'2.1", 'Итоговая встреча', MSK('2025-05-20'), '', 1.5],
  ]);
  sheet.getRange('F2').setFormula('=SUM(E2:E4)');
  sheet.getRange('D2:D4').setDataValidation(app.newDataValidation().requireValueInList(['Запланировано', 'Выполнено'])
    .setAllowInvalid(false).setHelpText('Статус мероприятия').build());
  sheet.getRange('B2').setNote('Проводит методист');
  sheet.getRange('C2:C4').setNumberFormat('dd.mm.yyyy');
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(2, 320);
  sheet.getRange('A6:C6').merge();
  sheet.setConditionalFormatRules([
    app.newConditionalFormatRule().whenFormulaSatisfied('=$D2="Выполнено"').setBackground('#b7e1cd')
      .setRanges([sheet.getRange('A2:E4')]).build(),
    app.newConditionalFormatRule().whenNumberLessThan(1).setFontColor('#cc0000').setRanges([sheet.getRange('E2:E4')]).build(),
  ]);
  const helper = ss.insertSheet('Справочники');
  helper.getRange('A1:A2').setValues([['Запланировано'], ['Выполнено']]);
  helper.hideSheet();
  ss.setNamedRange('Статусы', helper.getRange('A1:A2'));
  ss.setActiveSheet(ss.getSheetByName('Мероприятия')!);
  return { env, ss };
}

describe('saveXlsx / loadXlsx', () => {
  it('round-trips values, formulas, formats, validation, notes, merges and sheet settings', async () => {
    const { env, ss } = buildRoadmap();
    const file = join(dir, 'roadmap.xlsx');
    await saveXlsx(ss, file);
    const back = await loadXlsx(env, file);

    expect(back.getName()).toBe('roadmap');
    expect(back.getSheets().map((s) => s.getName())).toEqual(['Мероприятия', 'Справочники']);
    expect(back.getActiveSheet().getName()).toBe('Мероприятия');
    const sheet = back.getSheetByName('Мероприятия')!;
    const values = sheet.getRange('A1:E4').getValues();
    expect(values[0]).toEqual(['№', 'Мероприятие', 'Срок', 'Статус', 'Часы']);
    expect(values[1][0]).toBe('1.1');
    expect((values[1][2] as Date).getTime()).toBe(MSK('2024-03-05').getTime());
    expect((values[2][2] as Date).getTime()).toBe(MSK('2024-12-31').getTime());
    expect(values[2][4]).toBe(0);
    expect(values[3][3]).toBe('');
    expect(values[3][4]).toBe(1.5);
    expect(sheet.getRange('C2').getDisplayValue()).toBe('05.03.2024');
    expect(sheet.getRange('F2').getFormula()).toBe('=SUM(E2:E4)');

    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(2)).toBe(320);
    expect(sheet.getRange('A1:B1').getFontWeights()).toEqual([['bold', 'bold']]);
    expect(sheet.getRange('A1').getBackground()).toBe('#d9ead3');
    expect(sheet.getRange('A2').getFontWeight()).toBe('normal');
    expect(sheet.getRange('B2').getNote()).toBe('Проводит методист');
    expect(sheet.getRange('A6').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A6:C6']);

    const dv = sheet.getRange('D3').getDataValidation()!;
    expect(dv.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(dv.getCriteriaValues()[0]).toEqual(['Запланировано', 'Выполнено']);
    expect(dv.getAllowInvalid()).toBe(false);
    expect(dv.getHelpText()).toBe('Статус мероприятия');
    expect(sheet.getRange('D5').getDataValidation()).toBeNull();

    const rules = sheet.getConditionalFormatRules();
    expect(rules.map((r) => r.getBooleanCondition()!.getCriteriaType())).toEqual(['CUSTOM_FORMULA', 'NUMBER_LESS_THAN']);
    expect(rules[0].getBooleanCondition()!.getCriteriaValues()).toEqual(['=$D2="Выполнено"']);
    expect(rules[0].getBooleanCondition()!.getBackground()).toBe('#b7e1cd');
    expect(rules[1].getBooleanCondition()!.getFontColor()).toBe('#cc0000');
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('A2:E4');

    expect(back.getSheetByName('Справочники')!.isSheetHidden()).toBe(true);
    expect(back.getRangeByName('Статусы')!.getA1Notation()).toBe('A1:A2');
    expect(back.getRangeByName('Статусы')!.getSheet().getName()).toBe('Справочники');
  });

  it('writes a file Excel reads: values, frozen header, validation list and notes', async () => {
    const { ss } = buildRoadmap();
    const file = join(dir, 'for-excel.xlsx');
    await saveXlsx(ss, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Мероприятия')!;
    expect(ws.getCell('B2').value).toBe('Семинар наставников');
    expect(ws.getCell('A2').value).toBe('1.1');
    expect(ws.getCell('E4').value).toBe(1.5);
    // Excel dates are wall-clock: midnight in Moscow is midnight in the file, not 21:00 the day before.
    expect(ws.getCell('C2').value).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(ws.getCell('F2').formula).toBe('SUM(E2:E4)');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('D3').dataValidation).toMatchObject({ type: 'list', formulae: ['"Запланировано,Выполнено"'], errorStyle: 'stop' });
    expect(ws.getCell('B2').note).toBe('Проводит методист');
    expect(wb.getWorksheet('Справочники')!.state).toBe('hidden');
  });

  it('spreadsheetFromRows keeps rows verbatim through a save', async () => {
    const env = createEnv();
    const ss = spreadsheetFromRows(env, 'fixture', { Данные: [['a', 1, true], ['1.2', '', null]] });
    const file = join(dir, 'fixture.xlsx');
    await saveXlsx(ss, file);
    const back = await loadXlsx(env, file);
    expect(back.getSheets()[0].getDataRange().getValues()).toEqual([['a', 1, true], ['1.2', '', '']]);
  });
});

// ---- a workbook as Excel writes it, built by hand so the reader is not only tested against exceljs's writer ----

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

async function excelLikeWorkbook(file: string): Promise<void> {
  const strings = ['Мероприятие', 'Срок', 'Часы', 'Семинар', 'Встреча', 'Итого', 'Формулы'];
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="План" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>
<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>`);
  zip.file('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
</styleSheet>`);
  zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`);
  // 45356 is 2024-03-05 and 45657 is 2024-12-31 as Excel serials; C5 shares B5's formula (C2*2 slid to D2*2).
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${NS}" xmlns:r="${REL}">
<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>
<sheetData>
<row r="1"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" s="2" t="s"><v>1</v></c><c r="C1" s="2" t="s"><v>2</v></c></row>
<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>45356</v></c><c r="C2"><v>2</v></c></row>
<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" s="1"><v>45657</v></c><c r="C3"><v>0</v></c></row>
<row r="4"><c r="A4" t="s"><v>5</v></c><c r="B4" t="b"><v>1</v></c><c r="C4"><f>SUM(C2:C3)</f><v>2</v></c></row>
<row r="5"><c r="A5" t="s"><v>6</v></c><c r="B5"><f t="shared" ref="B5:C5" si="0">C2*2</f><v>4</v></c><c r="C5"><f t="shared" si="0"/><v>0</v></c><c r="D5" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
</sheetData>
<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="A2:A3"><formula1>"Семинар,Встреча"</formula1></dataValidation></dataValidations>
</worksheet>`);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('loadXlsx on a workbook made in Excel', () => {
  it('reads shared strings, serial dates, booleans, errors and formulas with their cached results', async () => {
    const file = join(dir, 'excel-made.xlsx');
    await excelLikeWorkbook(file);
    const env = createEnv();
    const ss = await loadXlsx(env, file);
    const sheet = ss.getSheetByName('План')!;
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getLastColumn()).toBe(4);
    const v = sheet.getRange('A1:D5').getValues();
    expect(v[0]).toEqual(['Мероприятие', 'Срок', 'Часы', '']);
    expect((v[1][1] as Date).getTime()).toBe(MSK('2024-03-05').getTime());
    expect((v[2][1] as Date).getTime()).toBe(MSK('2024-12-31').getTime());
    expect(v[2][2]).toBe(0);
    expect(v[3].slice(1, 3)).toEqual([true, 2]);
    expect(v[4].slice(1)).toEqual([4, 0, '#DIV/0!']);
    expect(sheet.getRange('A1:D5').getFormulas()[3][2]).toBe('=SUM(C2:C3)');
    expect(sheet.getRange('B5:C5').getFormulas()).toEqual([['=C2*2', '=D2*2']]);
    expect(sheet.getRange('B2').getDisplayValue()).toBe('05.03.2024');
    expect(sheet.getRange('A1').getFontWeight()).toBe('bold');
    expect(sheet.getRange('A3').getDataValidation()!.getCriteriaValues()[0]).toEqual(['Семинар', 'Встреча']);
    expect(sheet.getRange('A4').getDataValidation()).toBeNull();
  });
});

describe('document properties in the saved workbook', () => {
  it('survive save and load, and a runtime over the loaded workbook sees them', async () => {
    const { createEnv } = await import('../../local/env');
    const { spreadsheetFromRows } = await import('../../local/spreadsheet');
    const { saveXlsx, loadXlsx, PROPERTIES_SHEET } = await import('../../local/xlsx');
    const { createRuntime, documentPropertiesOf } = await import('../../local/runtime');
    const os = await import('node:os');
    const path = await import('node:path');
    const fs = await import('node:fs');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-props-')), 'book.xlsx');
    const ss = spreadsheetFromRows(createEnv(), 'Книга', { 'Лист1': [['a']] });
    await saveXlsx(ss, file, new Map([['nastavnik.sources', '{"mentor":"Педагоги"}']]));
    const loaded = await loadXlsx(createEnv(), file);
    expect(loaded._sheets.map((s) => s._name)).toEqual(['Лист1']);
    expect(loaded.getSheetByName(PROPERTIES_SHEET)).toBeNull();
    const runtime = createRuntime({ spreadsheet: loaded });
    expect(documentPropertiesOf(runtime).get('nastavnik.sources')).toBe('{"mentor":"Педагоги"}');
  });
});
