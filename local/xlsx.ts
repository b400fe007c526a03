// A fake spreadsheet to and from .xlsx with exceljs, so a workbook the add-on built can be opened by a person
// and a workbook a person made in Excel/LibreOffice can be fed to the add-on.
//
// Kept: values (text, numbers, booleans, dates), formulas with their cached results, number formats, notes,
// frozen rows/columns, data validation, column widths and row heights, hidden rows/columns/sheets, tab colours,
// fonts, backgrounds, alignment, wrap, borders, merges, conditional formatting, named ranges, the filter range.
// Charts: exceljs cannot write them, so saveXlsx adds them to the written package (xlsx-charts.ts); loading
// ignores them. Not kept: developer metadata and protections (no xlsx equivalent that exceljs writes
// synchronously); a round trip therefore drops them, and charts too.
// Dates: Sheets and Excel store wall-clock serials; the fake stores instants. Both directions convert through
// the spreadsheet time zone, so a date typed as 01.02.2024 in Excel is midnight 1 Feb in that zone.
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { FakeEnv } from './env';
import { addChartsToXlsx, hasExportableCharts } from './xlsx-charts';
import { columnLetters, parseA1 } from './spreadsheet/a1';
import { FakeConditionalFormatRule, FakeFilter } from './spreadsheet/conditional';
import type { BooleanCriteriaName, DataValidationCriteriaName } from './spreadsheet/enums';
import { STYLE_DEFAULTS, type Cell, type Style } from './spreadsheet/model';
import { FakeRange } from './spreadsheet/range';
import type { FakeSheet } from './spreadsheet/sheet';
import { FakeSpreadsheet, type SpreadsheetOptions } from './spreadsheet/spreadsheet';
import { FakeDataValidation, FakeDataValidationBuilder } from './spreadsheet/validation';
import { isDate, isDateFormat, serialToDate, toWall, utcAsWall, wallAsUtc, type CellValue } from './spreadsheet/values';

export { spreadsheetFromRows } from './spreadsheet/index';

/** Members exceljs has at runtime but leaves out of its typings. */
interface WorksheetExtras {
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined>; add(address: string, v: ExcelJS.DataValidation): void };
  conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
}

function extras(ws: ExcelJS.Worksheet): WorksheetExtras {
  return ws as unknown as WorksheetExtras;
}

const PX_PER_CHAR = 7;
const PT_PER_PX = 0.75;

function argb(color: string): string {
  return 'FF' + color.replace('#', '').toUpperCase();
}

function fromArgb(c: Partial<ExcelJS.Color> | undefined): string | undefined {
  const v = c?.argb;
  if (!v || !/^[0-9A-Fa-f]{6,8}$/.test(v)) return undefined;
  return '#' + v.slice(-6).toLowerCase();
}

function a1(row: number, col: number, numRows = 1, numCols = 1, sheetName?: string): string {
  const ref = `$${columnLetters(col)}$${row}` + (numRows > 1 || numCols > 1 ? `:$${columnLetters(col + numCols - 1)}$${row + numRows - 1}` : '');
  return sheetName ? `'${sheetName.replace(/'/g, "''")}'!${ref}` : ref;
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

// ---------------------------------------------------------------- save

const BORDER_STYLES: Record<string, ExcelJS.BorderStyle> = {
  DOTTED: 'dotted', DASHED: 'dashed', SOLID: 'thin', SOLID_MEDIUM: 'medium', SOLID_THICK: 'thick', DOUBLE: 'double',
};

function cellValueOut(v: CellValue, tz: string): ExcelJS.CellValue {
  return isDate(v) ? wallAsUtc(v, tz) : v;
}

function writeStyle(xc: ExcelJS.Cell, cell: Cell, tz: string): void {
  const s: Style = cell.style ?? {};
  if (s.numberFormat && s.numberFormat !== STYLE_DEFAULTS.numberFormat) xc.numFmt = s.numberFormat;
  else if (isDate(cell.v)) {
    const w = toWall(cell.v, tz);
    xc.numFmt = w.h || w.mi || w.s ? 'dd.mm.yyyy hh:mm:ss' : 'dd.mm.yyyy';
  }
  const font: Partial<ExcelJS.Font> = {};
  if (s.fontWeight === 'bold') font.bold = true;
  if (s.fontStyle === 'italic') font.italic = true;
  if (s.fontSize) font.size = s.fontSize;
  if (s.fontFamily) font.name = s.fontFamily;
  if (s.fontColor && s.fontColor !== STYLE_DEFAULTS.fontColor) font.color = { argb: argb(s.fontColor) };
  if (Object.keys(font).length) xc.font = font;
  if (s.background && s.background !== STYLE_DEFAULTS.background) {
    xc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.background) } };
  }
  const align: Partial<ExcelJS.Alignment> = {};
  if (s.horizontalAlignment && ['left', 'center', 'right'].includes(s.horizontalAlignment)) {
    align.horizontal = s.horizontalAlignment as 'left' | 'center' | 'right';
  }
  if (s.verticalAlignment) align.vertical = s.verticalAlignment === 'middle' ? 'middle' : s.verticalAlignment === 'top' ? 'top' : 'bottom';
  if (s.wrapStrategy === 'WRAP') align.wrapText = true;
  if (Object.keys(align).length) xc.alignment = align;
}

function validationOut(dv: FakeDataValidation, tz: string): ExcelJS.DataValidation | null {
  const s = dv._spec;
  const v = s.values;
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: s.allowInvalid ? 'warning' : 'stop',
    ...(s.helpText ? { showInputMessage: true, prompt: s.helpText } : {}),
  };
  const numberOps: Partial<Record<DataValidationCriteriaName, ExcelJS.DataValidationOperator>> = {
    NUMBER_BETWEEN: 'between', NUMBER_NOT_BETWEEN: 'notBetween', NUMBER_EQUAL_TO: 'equal', NUMBER_NOT_EQUAL_TO: 'notEqual',
    NUMBER_GREATER_THAN: 'greaterThan', NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual', NUMBER_LESS_THAN: 'lessThan',
    NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
  };
  const dateOps: Partial<Record<DataValidationCriteriaName, ExcelJS.DataValidationOperator>> = {
    DATE_BETWEEN: 'between', DATE_NOT_BETWEEN: 'notBetween', DATE_EQUAL_TO: 'equal', DATE_AFTER: 'greaterThan',
    DATE_ON_OR_AFTER: 'greaterThanOrEqual', DATE_BEFORE: 'lessThan', DATE_ON_OR_BEFORE: 'lessThanOrEqual',
  };
  const criteria = s.criteria as DataValidationCriteriaName;
  switch (criteria) {
    case 'VALUE_IN_LIST':
      return { ...base, type: 'list', formulae: [quote((v[0] as string[]).join(','))] };
    case 'VALUE_IN_RANGE': {
      const r = v[0] as FakeRange;
      return { ...base, type: 'list', formulae: [a1(r._row, r._col, r._numRows, r._numCols, r._sheet._name)] };
    }
    case 'CHECKBOX':
      // Excel has no checkbox cells: a TRUE/FALSE list keeps the intent and reads back as a checkbox.
      return v.length ? null : { ...base, type: 'list', formulae: ['"TRUE,FALSE"'] };
    case 'CUSTOM_FORMULA':
      return { ...base, type: 'custom', formulae: [String(v[0]).replace(/^=/, '')] };
    case 'DATE_IS_VALID_DATE':
      return { ...base, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))] };
    default:
      if (numberOps[criteria]) return { ...base, type: 'decimal', operator: numberOps[criteria], formulae: [...v] };
      if (dateOps[criteria]) return { ...base, type: 'date', operator: dateOps[criteria], formulae: v.map((d) => wallAsUtc(d as Date, tz)) };
      return null;
  }
}

function writeValidations(ws: ExcelJS.Worksheet, sheet: FakeSheet, tz: string): void {
  // Equal rules on consecutive rows of one column become one sqref, as Sheets itself stores them.
  for (let c = 1; c <= sheet._maxCols; c++) {
    let start = 0;
    let key = '';
    let rule: FakeDataValidation | undefined;
    const flush = (end: number) => {
      if (!rule) return;
      const model = validationOut(rule, tz);
      if (model) extras(ws).dataValidations.add(`${columnLetters(c)}${start}:${columnLetters(c)}${end}`, model);
    };
    for (let r = 1; r <= sheet._rows.length + 1; r++) {
      const dv = sheet._cell(r, c)?.dv;
      const k = dv ? dv._key() : '';
      if (k !== key) {
        flush(r - 1);
        key = k;
        rule = dv;
        start = r;
      }
    }
  }
}

function writeBorders(ws: ExcelJS.Worksheet, sheet: FakeSheet): void {
  for (const { anchor: a, args } of sheet._borders) {
    if (a.gone) continue;
    const [top, left, bottom, right, vertical, horizontal, color, style] = args as Array<boolean | null | string>;
    const edge: Partial<ExcelJS.Border> = { style: BORDER_STYLES[String(style ?? 'SOLID')] ?? 'thin',
      color: { argb: argb(typeof color === 'string' ? color : '#000000') } };
    for (let r = a.row; r < a.row + a.numRows; r++) {
      for (let c = a.col; c < a.col + a.numCols; c++) {
        const xc = ws.getCell(r, c);
        const b: Partial<ExcelJS.Borders> = { ...xc.border };
        const set = (side: 'top' | 'left' | 'bottom' | 'right', flag: unknown) => {
          if (flag === true) b[side] = edge;
          else if (flag === false) delete b[side];
        };
        set('top', r === a.row ? top : horizontal);
        set('bottom', r === a.row + a.numRows - 1 ? bottom : horizontal);
        set('left', c === a.col ? left : vertical);
        set('right', c === a.col + a.numCols - 1 ? right : vertical);
        xc.border = b;
      }
    }
  }
}

function conditionOut(rule: FakeConditionalFormatRule, topLeft: string, tz: string): Partial<ExcelJS.ConditionalFormattingRule> | null {
  const { type, values } = rule._spec.condition;
  const v = values;
  const dateExpr = (d: unknown) => {
    if (isDate(d)) {
      const w = toWall(d, tz);
      return `DATE(${w.y},${w.m},${w.d})`;
    }
    return String(d) === 'TODAY' ? 'TODAY()' : null;
  };
  // OOXML has all eight operators; exceljs's typings list only four but write any.
  const cellIs = (operator: string, formulae: unknown[]) =>
    ({ type: 'cellIs', operator: operator as ExcelJS.CellIsOperators, formulae: formulae.map((x) => (typeof x === 'string' ? quote(x) : x)) }) as ExcelJS.CellIsRuleType;
  const expr = (formula: string) => ({ type: 'expression', formulae: [formula] }) as ExcelJS.ExpressionRuleType;
  switch (type) {
    case 'CUSTOM_FORMULA': return expr(String(v[0]).replace(/^=/, ''));
    case 'CELL_EMPTY': return expr(`LEN(TRIM(${topLeft}))=0`);
    case 'CELL_NOT_EMPTY': return expr(`LEN(TRIM(${topLeft}))>0`);
    case 'TEXT_EQUAL_TO': return cellIs('equal', [String(v[0])]);
    case 'TEXT_CONTAINS': return expr(`NOT(ISERROR(SEARCH(${quote(String(v[0]))},${topLeft})))`);
    case 'TEXT_DOES_NOT_CONTAIN': return expr(`ISERROR(SEARCH(${quote(String(v[0]))},${topLeft}))`);
    case 'TEXT_STARTS_WITH': return expr(`LEFT(${topLeft},${String(v[0]).length})=${quote(String(v[0]))}`);
    case 'TEXT_ENDS_WITH': return expr(`RIGHT(${topLeft},${String(v[0]).length})=${quote(String(v[0]))}`);
    case 'NUMBER_EQUAL_TO': return cellIs('equal', v);
    case 'NUMBER_NOT_EQUAL_TO': return cellIs('notEqual', v);
    case 'NUMBER_GREATER_THAN': return cellIs('greaterThan', v);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return cellIs('greaterThanOrEqual', v);
    case 'NUMBER_LESS_THAN': return cellIs('lessThan', v);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return cellIs('lessThanOrEqual', v);
    case 'NUMBER_BETWEEN': return cellIs('between', v);
    case 'NUMBER_NOT_BETWEEN': return cellIs('notBetween', v);
    case 'DATE_BEFORE': case 'DATE_AFTER': case 'DATE_EQUAL_TO': {
      const d = dateExpr(v[0]);
      const op = type === 'DATE_BEFORE' ? '<' : type === 'DATE_AFTER' ? '>' : '=';
      return d ? expr(`AND(ISNUMBER(${topLeft}),INT(${topLeft})${op}${d})`) : null;
    }
    default: return null;
  }
}

function writeConditionalFormats(ws: ExcelJS.Worksheet, sheet: FakeSheet, tz: string): void {
  sheet._cfRules.forEach((rule, i) => {
    const ranges = rule._spec.ranges.filter((r) => r._sheet === sheet);
    if (!ranges.length) return;
    const first = ranges[0];
    const cond = conditionOut(rule, `${columnLetters(first._col)}${first._row}`, tz);
    if (!cond) return;
    const f = rule._spec.format;
    const style: Partial<ExcelJS.Style> = {};
    if (f.background) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(f.background) } };
    const font: Partial<ExcelJS.Font> = {};
    if (f.fontColor) font.color = { argb: argb(f.fontColor) };
    if (f.bold !== null) font.bold = f.bold;
    if (f.italic !== null) font.italic = f.italic;
    if (f.strikethrough !== null) font.strike = f.strikethrough;
    if (f.underline !== null) font.underline = f.underline;
    if (Object.keys(font).length) style.font = font;
    ws.addConditionalFormatting({
      ref: ranges.map((r) => r.getA1Notation()).join(' '),
      rules: [{ ...cond, priority: i + 1, style } as ExcelJS.ConditionalFormattingRule],
    });
  });
}

/**
 * A Google spreadsheet keeps the add-on's document properties (e.g. which of the coordinator's own sheets are
 * connected as the mentor list) outside its cells; an .xlsx has no such place, so the local runtime keeps them in
 * this very hidden sheet and gives them back on load. Not a sheet the add-on knows about.
 */
export const PROPERTIES_SHEET = '_nastavnik_document_properties';

export async function saveXlsx(ss: FakeSpreadsheet, file: string, documentProperties?: ReadonlyMap<string, string>): Promise<void> {
  const tz = ss._timeZone;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Наставник (local runtime)';
  for (const sheet of ss._sheets) {
    const ws = wb.addWorksheet(sheet._name, {
      state: sheet._hidden ? 'hidden' : 'visible',
      properties: sheet._tabColor ? { tabColor: { argb: argb(sheet._tabColor) } } : {},
      views: sheet._frozenRows || sheet._frozenCols
        ? [{ state: 'frozen', xSplit: sheet._frozenCols, ySplit: sheet._frozenRows }] : [],
    });
    sheet._rows.forEach((line, i) => line?.forEach((cell, j) => {
      if (!cell) return;
      const xc = ws.getCell(i + 1, j + 1);
      if (cell.f) {
        const result = cell.v === '' ? undefined : cellValueOut(cell.v, tz);
        xc.value = { formula: cell.f.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
      } else if (cell.v !== '') xc.value = cellValueOut(cell.v, tz);
      writeStyle(xc, cell, tz);
      if (cell.note) xc.note = cell.note;
    }));
    sheet._colInfo.forEach((info, i) => {
      if (!info) return;
      const col = ws.getColumn(i + 1);
      if (info.size !== undefined) col.width = Math.round(((info.size - 5) / PX_PER_CHAR) * 100) / 100;
      if (info.hidden) col.hidden = true;
    });
    sheet._rowInfo.forEach((info, i) => {
      if (!info) return;
      const row = ws.getRow(i + 1);
      if (info.size !== undefined) row.height = info.size * PT_PER_PX;
      if (info.hidden) row.hidden = true;
    });
    for (const m of sheet._liveMerges()) ws.mergeCells(m.row, m.col, m.row + m.numRows - 1, m.col + m.numCols - 1);
    writeValidations(ws, sheet, tz);
    writeBorders(ws, sheet);
    writeConditionalFormats(ws, sheet, tz);
    if (sheet._filter && !sheet._filter._anchor.gone) ws.autoFilter = sheet._filter.getRange().getA1Notation();
  }
  for (const n of ss._liveNamedRanges()) {
    const a = n._anchor;
    wb.definedNames.add(a1(a.row, a.col, a.numRows, a.numCols, n._sheet._name), n._name);
  }
  if (documentProperties && documentProperties.size > 0) {
    const ws = wb.addWorksheet(PROPERTIES_SHEET, { state: 'veryHidden' });
    for (const [k, v] of documentProperties) ws.addRow([k, v]);
  }
  const active = ss._activeSheet ? ss._sheets.indexOf(ss._activeSheet) : 0;
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: Math.max(0, active), visibility: 'visible' }];
  if (!hasExportableCharts(ss)) {
    await wb.xlsx.writeFile(file);
    return;
  }
  await writeFile(file, await addChartsToXlsx(await wb.xlsx.writeBuffer(), ss));
}

// ---------------------------------------------------------------- load

function plainText(v: unknown): string {
  if (v && typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  return v === null || v === undefined ? '' : String(v);
}

function valueIn(xc: ExcelJS.Cell, tz: string): { v: CellValue; f?: string } {
  const v = xc.value;
  const numFmt = xc.numFmt ?? '';
  const scalar = (x: unknown): CellValue => {
    if (x === null || x === undefined) return '';
    if (isDate(x)) return utcAsWall(x, tz);
    if (typeof x === 'number') return numFmt && isDateFormat(numFmt) ? serialToDate(x, tz) : x;
    if (typeof x === 'boolean' || typeof x === 'string') return x;
    if (typeof x === 'object' && 'error' in x) return String((x as ExcelJS.CellErrorValue).error);
    if (typeof x === 'object' && 'text' in x) return plainText((x as ExcelJS.CellHyperlinkValue).text);
    return plainText(x);
  };
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    // `result` is read from the model: exceljs's value getter drops falsy results such as 0 and FALSE.
    const model = xc.model as { result?: unknown };
    return { v: scalar(model.result), f: '=' + xc.formula };
  }
  return { v: scalar(v) };
}

function styleIn(xc: ExcelJS.Cell): Style | undefined {
  const s: Style = {};
  // Built-in formats 14 and 22 are Excel's locale "short date" (exceljs names them in US form): leave them to the
  // spreadsheet locale, as Sheets does on import.
  if (xc.numFmt && !['General', 'mm-dd-yy', 'm/d/yy h:mm'].includes(xc.numFmt)) s.numberFormat = xc.numFmt;
  if (xc.font?.bold) s.fontWeight = 'bold';
  if (xc.font?.italic) s.fontStyle = 'italic';
  const color = fromArgb(xc.font?.color);
  if (color && color !== STYLE_DEFAULTS.fontColor) s.fontColor = color;
  const fill = xc.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') {
    const bg = fromArgb(fill.fgColor);
    if (bg && bg !== STYLE_DEFAULTS.background) s.background = bg;
  }
  const al = xc.alignment;
  if (al?.horizontal && ['left', 'center', 'right'].includes(al.horizontal)) s.horizontalAlignment = al.horizontal;
  if (al?.vertical) s.verticalAlignment = al.vertical === 'middle' ? 'middle' : al.vertical === 'top' ? 'top' : 'bottom';
  if (al?.wrapText) s.wrapStrategy = 'WRAP';
  return Object.keys(s).length ? s : undefined;
}

function noteIn(xc: ExcelJS.Cell): string | undefined {
  const n = xc.note as unknown;
  if (!n) return undefined;
  if (typeof n === 'string') return n;
  const texts = (n as { texts?: Array<{ text: string }> }).texts;
  return texts ? texts.map((t) => t.text).join('') : undefined;
}

/** Excel list formulae: `"a,b,c"` is a literal list, anything else a reference. */
function validationIn(model: ExcelJS.DataValidation, ss: FakeSpreadsheet, home: FakeSheet, tz: string): FakeDataValidation | null {
  const b = new FakeDataValidationBuilder();
  const f = model.formulae ?? [];
  const op = model.operator ?? 'between';
  if (model.type === 'list') {
    const text = String(f[0] ?? '');
    if (/^".*"$/s.test(text)) {
      const items = text.slice(1, -1).replace(/""/g, '"').split(',').map((x) => x.trim());
      if (items.length === 2 && items[0].toUpperCase() === 'TRUE' && items[1].toUpperCase() === 'FALSE') b.requireCheckbox();
      else b.requireValueInList(items);
    } else {
      const ref = parseA1(text);
      const sheet = ref?.sheetName !== undefined ? ss._findSheet(ref.sheetName) : home;
      if (!ref || !sheet || ref.row === undefined || ref.col === undefined) return null;
      const endRow = Math.min(ref.endRow ?? sheet._maxRows, sheet._maxRows);
      const endCol = Math.min(ref.endCol ?? sheet._maxCols, sheet._maxCols);
      b.requireValueInRange(new FakeRange(sheet, ref.row, ref.col, endRow - ref.row + 1, endCol - ref.col + 1));
    }
  } else if (model.type === 'decimal' || model.type === 'whole') {
    const map: Record<string, DataValidationCriteriaName> = { between: 'NUMBER_BETWEEN', notBetween: 'NUMBER_NOT_BETWEEN',
      equal: 'NUMBER_EQUAL_TO', notEqual: 'NUMBER_NOT_EQUAL_TO', greaterThan: 'NUMBER_GREATER_THAN',
      greaterThanOrEqual: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', lessThan: 'NUMBER_LESS_THAN', lessThanOrEqual: 'NUMBER_LESS_THAN_OR_EQUAL_TO' };
    b.withCriteria(map[op] ?? 'NUMBER_BETWEEN', f.map(Number));
  } else if (model.type === 'date') {
    const map: Record<string, DataValidationCriteriaName> = { between: 'DATE_BETWEEN', notBetween: 'DATE_NOT_BETWEEN',
      equal: 'DATE_EQUAL_TO', greaterThan: 'DATE_AFTER', greaterThanOrEqual: 'DATE_ON_OR_AFTER', lessThan: 'DATE_BEFORE',
      lessThanOrEqual: 'DATE_ON_OR_BEFORE' };
    b.withCriteria(map[op] ?? 'DATE_BETWEEN', f.map((d) => (isDate(d) ? utcAsWall(d, tz) : d)));
  } else if (model.type === 'custom') {
    b.requireFormulaSatisfied('=' + String(f[0] ?? ''));
  } else return null;
  b.setAllowInvalid(model.showErrorMessage === false || (!!model.errorStyle && model.errorStyle !== 'stop'));
  if (model.prompt) b.setHelpText(model.prompt);
  return b.build();
}

function conditionIn(rule: ExcelJS.ConditionalFormattingRule): { type: BooleanCriteriaName; values: unknown[] } | null {
  const unquote = (x: unknown) => (typeof x === 'string' && /^".*"$/s.test(x) ? x.slice(1, -1).replace(/""/g, '"') : x);
  const num = (x: unknown) => (typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x) ? Number(x) : x);
  if (rule.type === 'expression') {
    const formula = String(rule.formulae?.[0] ?? '');
    const blank = /^LEN\(TRIM\(\$?[A-Z]+\$?\d+\)\)([=>])0$/.exec(formula);
    if (blank) return { type: blank[1] === '=' ? 'CELL_EMPTY' : 'CELL_NOT_EMPTY', values: [] };
    return { type: 'CUSTOM_FORMULA', values: ['=' + formula] };
  }
  if (rule.type === 'cellIs') {
    const values = (rule.formulae ?? []).map(unquote).map(num);
    const text = typeof values[0] === 'string';
    const map: Record<string, BooleanCriteriaName> = { equal: text ? 'TEXT_EQUAL_TO' : 'NUMBER_EQUAL_TO',
      notEqual: 'NUMBER_NOT_EQUAL_TO', greaterThan: 'NUMBER_GREATER_THAN', greaterThanOrEqual: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      lessThan: 'NUMBER_LESS_THAN', lessThanOrEqual: 'NUMBER_LESS_THAN_OR_EQUAL_TO', between: 'NUMBER_BETWEEN', notBetween: 'NUMBER_NOT_BETWEEN' };
    const type = map[rule.operator ?? 'equal'];
    return type ? { type, values } : null;
  }
  if (rule.type === 'containsText' && rule.operator === 'containsText') return { type: 'TEXT_CONTAINS', values: [rule.text ?? ''] };
  return null;
}

function rangeFromRef(sheet: FakeSheet, ref: string): FakeRange | null {
  const p = parseA1(ref);
  if (!p || p.row === undefined || p.col === undefined) return null;
  const endRow = Math.min(p.endRow ?? sheet._maxRows, sheet._maxRows);
  const endCol = Math.min(p.endCol ?? sheet._maxCols, sheet._maxCols);
  if (endRow < p.row || endCol < p.col) return null;
  return new FakeRange(sheet, p.row, p.col, endRow - p.row + 1, endCol - p.col + 1);
}

function readConditionalFormats(ws: ExcelJS.Worksheet, sheet: FakeSheet): void {
  for (const cf of extras(ws).conditionalFormattings ?? []) {
    const ranges = cf.ref.split(/\s+/).map((r) => rangeFromRef(sheet, r)).filter((r): r is FakeRange => !!r);
    for (const rule of cf.rules) {
      const condition = conditionIn(rule);
      if (!condition || !ranges.length) continue;
      const style = rule.style ?? {};
      const fill = style.fill as ExcelJS.FillPattern | undefined;
      const font = style.font;
      sheet._cfRules.push(new FakeConditionalFormatRule({
        condition,
        format: {
          background: fromArgb(fill?.bgColor) ?? fromArgb(fill?.fgColor) ?? null,
          fontColor: fromArgb(font?.color) ?? null,
          bold: font?.bold ?? null,
          italic: font?.italic ?? null,
          strikethrough: font?.strike ?? null,
          underline: font?.underline === undefined ? null : !!font.underline,
        },
        ranges,
      }));
    }
  }
}

export async function loadXlsx(env: FakeEnv, file: string, opts: Omit<SpreadsheetOptions, 'blank'> = {}): Promise<FakeSpreadsheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const name = file.replace(/^.*[\\/]/, '').replace(/\.xlsx$/i, '');
  const ss = new FakeSpreadsheet(env, name, { ...opts, blank: true });
  const tz = ss._timeZone;
  const pending: Array<() => void> = [];
  for (const ws of wb.worksheets) {
    if (ws.name === PROPERTIES_SHEET) {
      ws.eachRow((row) => ss._documentProperties.set(String(row.getCell(1).value ?? ''), String(row.getCell(2).value ?? '')));
      continue;
    }
    let lastRow = 0;
    let lastCol = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (_c, c) => {
      lastRow = Math.max(lastRow, r);
      lastCol = Math.max(lastCol, c);
    }));
    const sheet = ss._addSheet(ws.name, ss._sheets.length, undefined,
      { rows: Math.max(1000, ws.rowCount, lastRow), columns: Math.max(26, ws.columnCount, lastCol) });
    sheet._hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    sheet._tabColor = fromArgb(ws.properties?.tabColor) ?? null;
    const frozen = ws.views?.find((v) => v.state === 'frozen') as ExcelJS.WorksheetViewFrozen | undefined;
    if (frozen) {
      sheet._frozenRows = frozen.ySplit ?? 0;
      sheet._frozenCols = frozen.xSplit ?? 0;
    }
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height) (sheet._rowInfo[r - 1] ??= {}).size = Math.round(row.height / PT_PER_PX);
      if (row.hidden) (sheet._rowInfo[r - 1] ??= {}).hidden = true;
      row.eachCell({ includeEmpty: false }, (xc, c) => {
        if (xc.isMerged && xc.master !== xc) return;
        const { v, f } = valueIn(xc, tz);
        const style = styleIn(xc);
        const note = noteIn(xc);
        if (v === '' && !f && !style && !note) return;
        const cell = sheet._cellForWrite(r, c);
        cell.v = v;
        if (f) cell.f = f;
        if (style) cell.style = style;
        if (note) cell.note = note;
      });
    });
    for (let c = 1; c <= ws.columnCount; c++) {
      const col = ws.getColumn(c);
      if (col.width) (sheet._colInfo[c - 1] ??= {}).size = Math.round(col.width * PX_PER_CHAR + 5);
      if (col.hidden) (sheet._colInfo[c - 1] ??= {}).hidden = true;
    }
    for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
      const r = rangeFromRef(sheet, ref);
      if (r) sheet._merges.push(sheet._anchor(r._row, r._col, r._numRows, r._numCols, 'cells'));
    }
    readConditionalFormats(ws, sheet);
    const af = ws.autoFilter;
    const afRange = typeof af === 'string' ? rangeFromRef(sheet, af) : null;
    if (afRange) sheet._filter = new FakeFilter(sheet, sheet._anchor(afRange._row, afRange._col, afRange._numRows, afRange._numCols, 'cells'));
    // Validation may point at sheets that come later in the workbook: resolve once all sheets exist.
    const validations = extras(ws).dataValidations.model;
    pending.push(() => {
      const built = new Map<ExcelJS.DataValidation, FakeDataValidation | null>();
      for (const [address, model] of Object.entries(validations)) {
        if (!model) continue;
        const p = parseA1(address);
        if (!p || p.row === undefined || p.col === undefined || p.row > sheet._maxRows || p.col > sheet._maxCols) continue;
        if (!built.has(model)) built.set(model, validationIn(model, ss, sheet, tz));
        const dv = built.get(model);
        if (dv) sheet._cellForWrite(p.row, p.col).dv = dv;
      }
    });
  }
  pending.forEach((f) => f());
  for (const dn of (wb.definedNames.model ?? []) as Array<{ name: string; ranges: string[] }>) {
    if (dn.name.startsWith('_xlnm') || dn.ranges.length !== 1) continue;
    const p = parseA1(dn.ranges[0]);
    const sheet = p?.sheetName !== undefined ? ss._findSheet(p.sheetName) : undefined;
    const r = sheet ? rangeFromRef(sheet, dn.ranges[0].slice(dn.ranges[0].lastIndexOf('!') + 1)) : null;
    if (r) ss.setNamedRange(dn.name, r);
  }
  if (!ss._sheets.length) ss._addSheet('Лист1', 0);
  const activeTab = wb.views?.[0]?.activeTab ?? 0;
  ss._activeSheet = ss._sheets[Math.min(activeTab, ss._sheets.length - 1)] ?? ss._sheets[0];
  return ss;
}
