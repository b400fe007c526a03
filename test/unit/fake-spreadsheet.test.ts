// The in-memory SpreadsheetApp: the behaviour of real Sheets the add-on relies on (and trips over).
import { describe, it, expect } from 'vitest';
import { counted } from '../../local/counter';
import { createEnv, type ExecutionContext } from '../../local/env';
import { createSpreadsheetApp, FakeSpreadsheet, spreadsheetFromRows } from '../../local/spreadsheet/index';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function runtime(context: ExecutionContext = 'editor', authMode: 'FULL' | 'NONE' = 'FULL') {
  const env = createEnv({ context, authMode });
  const ss = new FakeSpreadsheet(env, 'Наставник');
  const raw = createSpreadsheetApp(env, { active: ss, getUi: () => ({ kind: 'ui' }) });
  const app = counted(raw, 'SpreadsheetApp', env.counter) as unknown as App;
  return { env, ss, app };
}

function sheetOf(app: App): GoogleAppsScript.Spreadsheet.Sheet {
  return app.getActiveSpreadsheet().getActiveSheet();
}

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
}

describe('values and rectangles', () => {
  it('round-trips strings, numbers, booleans and Dates, with empty cells as ""', () => {
    const { app } = runtime();
    const sheet = sheetOf(app);
    const d = new Date('2024-03-05T10:30:00Z');
    sheet.getRange(2, 2, 2, 3).setValues([['текст', 42.5, true], [d, '', false]]);
    const got = sheet.getRange('A1:D3').getValues();
    expect(got[0]).toEqual(['', '', '', '']);
    expect(got[1]).toEqual(['', 'текст', 42.5, true]);
    expect(Object.prototype.toString.call(got[2][1])).toBe('[object Date]');
    expect((got[2][1] as Date).getTime()).toBe(d.getTime());
    expect(got[2].slice(2)).toEqual(['', false]);
    // A Date handed out is a copy: mutating it must not change the cell.
    (got[2][1] as Date).setFullYear(1990);
    expect((sheet.getRange('B3').getValue() as Date).getTime()).toBe(d.getTime());
  });

  it('rejects a rectangle of the wrong size with Apps Script messages', () => {
    const { app } = runtime();
    const r = sheetOf(app).getRange(1, 1, 2, 2);
    expect(message(() => r.setValues([[1, 2], [3, 4], [5, 6]]))).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 3 but the range has 2.');
    expect(message(() => r.setValues([[1, 2], [3, 4, 5]]))).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
    expect(message(() => r.setValues([]))).toContain('The data has 0 but the range has 2.');
    expect(r.getValues()).toEqual([['', ''], ['', '']]);
  });

  it('turns typed-looking strings into numbers and dates like a ru_RU spreadsheet, unless quoted or text-formatted', () => {
    const { app, ss } = runtime();
    const sheet = sheetOf(app);
    expect(ss.getSpreadsheetLocale()).toBe('ru_RU');
    sheet.getRange('A1:E1').setValues([['1.2', "'1.2", '007', '1,5', '2024-03-05']]);
    const [a, b, c, d, e] = sheet.getRange('A1:E1').getValues()[0];
    expect(Object.prototype.toString.call(a)).toBe('[object Date]');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('01.02.2024');
    expect(b).toBe('1.2');
    expect(c).toBe(7);
    expect(d).toBe(1.5);
    expect(sheet.getRange('E1').getDisplayValue()).toBe('05.03.2024');
    expect(Object.prototype.toString.call(e)).toBe('[object Date]');
    sheet.getRange('F1').setNumberFormat('@').setValue('1.2');
    expect(sheet.getRange('F1').getValue()).toBe('1.2');
  });

  it('stores formulas without evaluating them', () => {
    const { app } = runtime();
    const sheet = sheetOf(app);
    sheet.getRange('A1').setValue(2);
    sheet.getRange('B1').setValue('=A1*2');
    sheet.getRange('C1').setFormula('=SUM(A1:B1)');
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '=A1*2', '=SUM(A1:B1)']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[2, '', '']]);
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(A1:B1)');
    sheet.getRange('C1').setValue('готово');
    expect(sheet.getRange('C1').getFormula()).toBe('');
  });

  it('formats display values with the number format', () => {
    const { app } = runtime();
    const sheet = sheetOf(app);
    sheet.getRange('A1:C1').setValues([[1234.5, 0.25, new Date('2024-03-05T00:00:00+03:00')]]);
    sheet.getRange('A1:C1').setNumberFormats([['#,##0.00', '0%', 'yyyy-mm-dd']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['1\u00a0234,50', '25%', '2024-03-05']]);
    expect(sheet.getRange('A1:C1').getNumberFormats()[0][1]).toBe('0%');
  });
});

describe('sheet geometry', () => {
  it('throws outside the grid and grows only through inserts and appendRow', () => {
    const { app } = runtime();
    const sheet = sheetOf(app);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(message(() => sheet.getRange(1001, 1))).toBe('The coordinates of the range are outside the dimensions of the sheet.');
    expect(message(() => sheet.getRange(1, 1, 1, 27))).toBe('The coordinates of the range are outside the dimensions of the sheet.');
    expect(message(() => sheet.getRange(0, 1))).toBe('The starting row of the range is too small.');
    expect(message(() => sheet.getRange(1, 1, 0, 1))).toBe('The number of rows in the range must be at least 1.');
    sheet.insertRowsAfter(1000, 5);
    sheet.insertColumnsAfter(26, 2);
    expect(sheet.getRange(1005, 28).getA1Notation()).toBe('AB1005');
    sheet.getRange(1005, 1).setValue('last');
    sheet.appendRow(['appended', 1]);
    expect(sheet.getMaxRows()).toBe(1006);
    expect(sheet.getLastRow()).toBe(1006);
    expect(sheet.getRange(1006, 1, 1, 2).getValues()).toEqual([['appended', 1]]);
  });

  it('shifts cells on insert/delete and reports the data range', () => {
    const { app } = runtime();
    const sheet = sheetOf(app);
    sheet.getRange('A1:B3').setValues([['h1', 'h2'], [1, 2], [3, 4]]);
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A4:B5').getValues()).toEqual([[1, 2], [3, 4]]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B5');
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A2:B3').getValues()).toEqual([[1, 2], [3, 4]]);
    sheet.deleteColumn(1);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['h2'], [2], [4]]);
    expect(sheet.getLastColumn()).toBe(1);
    expect(message(() => sheet.deleteRows(1, sheet.getMaxRows()))).toBe('Sorry, it is not possible to delete all non-frozen rows.');
    expect(message(() => sheet.deleteRows(990, 20))).toBe('Those rows are out of bounds.');
  });

  it('parses A1 notation with open ranges and sheet names', () => {
    const { app, ss } = runtime();
    const sheet = sheetOf(app);
    expect(sheet.getRange('B:C').getNumRows()).toBe(1000);
    expect(sheet.getRange('B:C').getA1Notation()).toBe('B:C');
    expect(sheet.getRange('2:3').getNumColumns()).toBe(26);
    expect(sheet.getRange('$B$2:$C$4').getA1Notation()).toBe('B2:C4');
    ss.insertSheet('Мой лист');
    expect(app.getActiveSpreadsheet().getRange("'Мой лист'!A1:B2").getSheet().getName()).toBe('Мой лист');
    expect(message(() => app.getActiveSpreadsheet().getRange('Нет!A1'))).toBe('Range not found');
    expect(message(() => sheet.getRange('1A'))).toBe('Range not found');
  });

  it('keeps frozen rows, hidden sheets and column widths', () => {
    const { app, ss } = runtime();
    const sheet = sheetOf(app);
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(message(() => sheet.setFrozenRows(1000))).toBe("You can't freeze all visible rows on the sheet.");
    expect(message(() => sheet.hideSheet())).toBe("You can't hide all the sheets in a document.");
    const other = ss.insertSheet('Служебный');
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    sheet.setColumnWidths(1, 3, 150);
    expect(sheet.getColumnWidth(2)).toBe(150);
    expect(sheet.getColumnWidth(4)).toBe(100);
    sheet.getRange('D1').setValue('очень длинный текст заголовка');
    sheet.autoResizeColumns(4, 1);
    expect(sheet.getColumnWidth(4)).toBeGreaterThan(150);
  });
});

describe('spreadsheet', () => {
  it('inserts, finds and deletes sheets with Apps Script errors', () => {
    const { app, ss } = runtime();
    const spreadsheet = app.getActiveSpreadsheet();
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Лист1']);
    const a = spreadsheet.insertSheet('Наставники');
    expect(spreadsheet.getActiveSheet().getName()).toBe('Наставники');
    spreadsheet.insertSheet('Пары', 0);
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Пары', 'Лист1', 'Наставники']);
    expect(a.getIndex()).toBe(3);
    expect(message(() => spreadsheet.insertSheet('Наставники'))).toBe(
      'A sheet with the name "Наставники" already exists. Please enter another name.');
    expect(message(() => spreadsheet.getSheetByName('Пары')!.setName('наставники'))).toContain('already exists');
    expect(spreadsheet.getSheetByName('Нет')).toBeNull();
    spreadsheet.deleteSheet(a);
    expect(spreadsheet.getSheetByName('Наставники')).toBeNull();
    spreadsheet.deleteSheet(spreadsheet.getSheetByName('Пары')!);
    expect(message(() => spreadsheet.deleteSheet(spreadsheet.getSheets()[0]))).toBe("You can't remove all the sheets in a document.");
    expect(spreadsheet.getId()).toBe(ss._id);
    expect(spreadsheet.getUrl()).toContain(ss._id);
    expect(spreadsheet.getSpreadsheetTimeZone()).toBe('Europe/Moscow');
  });

  it('records toasts and keeps named ranges attached to moving rows', () => {
    const { app, ss } = runtime();
    const spreadsheet = app.getActiveSpreadsheet();
    spreadsheet.toast('Импорт завершён', 'Наставник', 5);
    expect(ss._toasts).toEqual([{ message: 'Импорт завершён', title: 'Наставник', timeoutSeconds: 5 }]);
    const sheet = spreadsheet.getActiveSheet();
    spreadsheet.setNamedRange('Статусы', sheet.getRange('A2:A5'));
    sheet.insertRowsBefore(1, 3);
    expect(spreadsheet.getRangeByName('Статусы')!.getA1Notation()).toBe('A5:A8');
    expect(spreadsheet.getNamedRanges().map((n) => n.getName())).toEqual(['Статусы']);
    expect(spreadsheet.getRangeByName('Нет')).toBeNull();
  });

  it('spreadsheetFromRows stores rows verbatim and is found by openById', () => {
    const env = createEnv();
    const ss = spreadsheetFromRows(env, 'Дорожная карта', { 'Карта': [['№', 'Мероприятие'], ['1.2', 'Семинар']], 'Люди': [['ФИО']] });
    const app = createSpreadsheetApp(env, { active: null, getUi: () => ({}) }) as unknown as App;
    const opened = app.openById(ss.getId());
    expect(opened.getSheets().map((s) => s.getName())).toEqual(['Карта', 'Люди']);
    expect(opened.getSheetByName('Карта')!.getDataRange().getValues()).toEqual([['№', 'Мероприятие'], ['1.2', 'Семинар']]);
    expect(app.getActiveSpreadsheet()).toBeNull();
    expect(message(() => app.openById('no-such-id'))).toBe('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
  });
});

describe('execution contexts', () => {
  it('a time trigger has no active spreadsheet and no UI, but can open by id', () => {
    const { app, ss } = runtime('trigger');
    expect(app.getActiveSpreadsheet()).toBeNull();
    expect(message(() => app.getUi())).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(app.openById(ss.getId()).getName()).toBe('Наставник');
  });

  it('a custom function reads but cannot write or open other files', () => {
    const { app, ss } = runtime('custom-function');
    const sheet = app.getActiveSpreadsheet().getActiveSheet();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(message(() => sheet.getRange('A1').setValue(1))).toBe('You do not have permission to call setValue');
    expect(message(() => app.openById(ss.getId()))).toBe(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets');
    expect(message(() => app.getUi())).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('AuthMode.NONE may build the menu but not open the document', () => {
    const { app } = runtime('editor', 'NONE');
    expect(app.getUi()).toEqual({ kind: 'ui' });
    expect(message(() => app.getActiveSpreadsheet())).toContain('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet');
  });
});

describe('data validation', () => {
  it('builds rules and rejects invalid writes only when setAllowInvalid(false)', () => {
    const { app } = runtime();
    const sheet = sheetOf(app);
    const rule = app.newDataValidation().requireValueInList(['Запланировано', 'Выполнено'], true)
      .setAllowInvalid(false).setHelpText('Выберите статус').build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['Запланировано', 'Выполнено'], true]);
    expect(rule.getHelpText()).toBe('Выберите статус');
    expect(rule.getAllowInvalid()).toBe(false);
    const range = sheet.getRange('C2:C4');
    range.setDataValidation(rule);
    range.setValues([['Выполнено'], [''], ['Запланировано']]);
    expect(message(() => range.setValues([['Выполнено'], ['Отменено'], ['']]))).toBe(
      'The data you entered in cell C3 violates the data validation rules set on this cell.');
    expect(range.getValues()).toEqual([['Выполнено'], [''], ['Запланировано']]);
    expect(sheet.getRange('C3').getDataValidation()!.getCriteriaType()).toBe('VALUE_IN_LIST');
    const lenient = rule.copy().setAllowInvalid(true).build();
    sheet.getRange('C3').setDataValidation(lenient);
    sheet.getRange('C3').setValue('Отменено');
    expect(sheet.getRange('C3').getValue()).toBe('Отменено');
    expect(sheet.getRange('C2:C5').getDataValidations().map((r) => (r[0] ? r[0].getAllowInvalid() : null))).toEqual([false, true, false, null]);
    range.clearDataValidations();
    expect(sheet.getRange('C2').getDataValidation()).toBeNull();
  });

  it('supports checkboxes and range lists', () => {
    const { app } = runtime();
    const sheet = sheetOf(app);
    sheet.getRange('A1:A2').insertCheckboxes();
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[false], [false]]);
    expect(sheet.getRange('A1:A2').isChecked()).toBe(false);
    sheet.getRange('A1').check();
    expect(sheet.getRange('A1:A2').isChecked()).toBeNull();
    expect(message(() => sheet.getRange('A2').setValue('да'))).toContain('violates the data validation rules');
    const fromRange = app.newDataValidation().requireValueInRange(sheet.getRange('Z1:Z3')).build();
    expect(fromRange.getCriteriaType()).toBe('VALUE_IN_RANGE');
    expect(fromRange.getAllowInvalid()).toBe(true);
  });
});

describe('protections, filters, merges, formatting rules, charts', () => {
  it('records protections', () => {
    const { app } = runtime();
    const sheet = sheetOf(app);
    const p = sheet.protect().setDescription('Служебный лист').setWarningOnly(true);
    expect(sheet.protect().getDescription()).toBe('Служебный лист');
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(p.isWarningOnly()).toBe(true);
    const rp = sheet.getRange('A1:C1').protect().setDescription('Заголовок');
    rp.addEditors(['mentor@example.org']);
    expect(rp.getEditors().map((u) => u.getEmail())).toEqual(['coordinator@example.org', 'mentor@example.org']);
    expect(sheet.getProtections(app.ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('A1:C1');
    expect(app.getActiveSpreadsheet().getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    rp.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
    expect(message(() => rp.setUnprotectedRanges([]))).toContain('sheet protection');
  });

  it('creates one filter per sheet and sorts below its header', () => {
    const { app } = runtime();
    const sheet = sheetOf(app);
    sheet.getRange('A1:B4').setValues([['Имя', 'Часы'], ['Вера', 3], ['Анна', 5], ['Борис', 1]]);
    const filter = sheet.getRange('A1:B4').createFilter();
    expect(message(() => sheet.getRange('A1:B4').createFilter())).toBe("You can't create a filter in a sheet that already has a filter.");
    filter.sort(2, false);
    expect(sheet.getRange('A1:B4').getValues()).toEqual([['Имя', 'Часы'], ['Анна', 5], ['Вера', 3], ['Борис', 1]]);
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().setHiddenValues(['Вера']).build());
    expect(filter.getColumnFilterCriteria(1)!.getHiddenValues()).toEqual(['Вера']);
    expect(sheet.getFilter()!.getRange().getA1Notation()).toBe('A1:B4');
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
  });

  it('merges and refuses partial merges', () => {
    const { app } = runtime();
    const sheet = sheetOf(app);
    sheet.getRange('A1:B1').setValues([['Раздел', 'лишнее']]);
    sheet.getRange('A1:C1').merge();
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['Раздел', '']]);
    expect(sheet.getRange('B1').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:C1']);
    expect(message(() => sheet.getRange('B1:D1').merge())).toBe('You must select all cells in a merged range to merge or unmerge them.');
    sheet.getRange('A1:C1').breakApart();
    expect(sheet.getRange('A1').isPartOfMerge()).toBe(false);
  });

  it('keeps formats and conditional format rules', () => {
    const { app } = runtime();
    const sheet = sheetOf(app);
    sheet.getRange('A1:C1').setFontWeight('bold').setBackground('#D9EAD3').setWrap(true).setHorizontalAlignment('center');
    expect(sheet.getRange('A1:B1').getFontWeights()).toEqual([['bold', 'bold']]);
    expect(sheet.getRange('A1').getBackground()).toBe('#d9ead3');
    expect(sheet.getRange('A2').getBackground()).toBe('#ffffff');
    expect(sheet.getRange('A1').getWrapStrategy()).toBe(app.WrapStrategy.WRAP);
    const rule = app.newConditionalFormatRule().whenFormulaSatisfied('=$D2="Просрочено"').setBackground('#F4CCCC')
      .setRanges([sheet.getRange('A2:F100')]).build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
    const got = sheet.getConditionalFormatRules();
    expect(got).toHaveLength(1);
    expect(got[0].getBooleanCondition()!.getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
    expect(got[0].getBooleanCondition()!.getCriteriaValues()).toEqual(['=$D2="Просрочено"']);
    expect(got[0].getBooleanCondition()!.getBackground()).toBe('#f4cccc');
    expect(got[0].getRanges()[0].getA1Notation()).toBe('A2:F100');
  });

  it('stores chart specs', () => {
    const { app } = runtime();
    const sheet = sheetOf(app);
    const chart = sheet.newChart().setChartType('BAR' as unknown as GoogleAppsScript.Charts.ChartType)
      .addRange(sheet.getRange('A1:B5')).setPosition(2, 4, 0, 0).setOption('title', 'Выполнение').build();
    sheet.insertChart(chart);
    const [stored] = sheet.getCharts();
    expect(stored.getRanges()[0].getA1Notation()).toBe('A1:B5');
    expect(stored.getOptions().get('title')).toBe('Выполнение');
    expect(stored.getContainerInfo().getAnchorColumn()).toBe(4);
    sheet.removeChart(stored);
    expect(sheet.getCharts()).toHaveLength(0);
  });
});

describe('developer metadata', () => {
  it('tags whole rows, finds them, follows inserted rows and dies with deleted ones', () => {
    const { app } = runtime();
    const spreadsheet = app.getActiveSpreadsheet();
    const sheet = spreadsheet.getActiveSheet();
    spreadsheet.addDeveloperMetadata('schema', '3');
    sheet.addDeveloperMetadata('role', 'roadmap');
    sheet.getRange('5:5').addDeveloperMetadata('activity', 'a-17');
    sheet.getRange('6:6').addDeveloperMetadata('activity', 'a-18');
    expect(message(() => sheet.getRange('A5:B5').addDeveloperMetadata('x'))).toContain(
      'Adding developer metadata to arbitrary ranges is not currently supported.');
    expect(spreadsheet.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([['schema', '3']]);
    expect(sheet.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['roadmap']);

    sheet.insertRowsBefore(2, 2);
    const found = spreadsheet.createDeveloperMetadataFinder().withKey('activity').withValue('a-17').find();
    expect(found).toHaveLength(1);
    expect(found[0].getLocation().getLocationType()).toBe(app.DeveloperMetadataLocationType.ROW);
    expect(found[0].getLocation().getRow()!.getRow()).toBe(7);
    expect(sheet.getRange('8:8').getDeveloperMetadata().map((m) => m.getValue())).toEqual(['a-18']);
    expect(sheet.createDeveloperMetadataFinder().withKey('activity').find()).toHaveLength(2);
    expect(sheet.getRange('1:7').createDeveloperMetadataFinder().find().map((m) => m.getValue())).toEqual(['a-17']);

    sheet.deleteRow(7);
    expect(spreadsheet.createDeveloperMetadataFinder().withKey('activity').find().map((m) => m.getValue())).toEqual(['a-18']);
    spreadsheet.createDeveloperMetadataFinder().withKey('schema').find()[0].remove();
    expect(spreadsheet.getDeveloperMetadata()).toHaveLength(0);
  });
});

describe('counting and unsupported methods', () => {
  it('counts calls made through returned objects', () => {
    const { app, env } = runtime();
    const sheet = sheetOf(app);
    env.counter.reset();
    sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3, 4]]);
    sheet.getRange('A1:B2').getValues();
    expect(env.counter.count('Sheet.getRange')).toBe(2);
    expect(env.counter.count('Range.setValues')).toBe(1);
    expect(env.counter.count('Range.getValues')).toBe(1);
    expect(env.counter.count('Range.*')).toBe(2);
    app.getActiveSpreadsheet().getSheets()[0].getLastRow();
    expect(env.counter.count('Sheet.getLastRow')).toBe(1);
    expect(env.counter.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
  });

  it('throws for what the fake does not model', () => {
    const { app } = runtime();
    const range = sheetOf(app).getRange('A1') as unknown as Record<string, () => unknown>;
    expect(message(() => range.xyz())).toBe('not supported by the local runtime: Range.xyz');
    expect(message(() => range.applyRowBanding())).toBe('not supported by the local runtime: Range.applyRowBanding');
    expect(message(() => (app as unknown as Record<string, () => unknown>).newRichTextValue())).toBe('not supported by the local runtime: SpreadsheetApp.newRichTextValue');
  });
});
