// .xlsx roadmaps: the first sheet that holds a roadmap table. A merged cell's value belongs to its top-left
// cell only; the cells it covers read as empty, exactly as a page-break continuation would.
import ExcelJS from 'exceljs';
import { RoadmapInputError } from '../../src/domain/roadmap-error';
import { hasText } from '../../src/domain/roadmap-text';
import { splitAroundTable } from './grid-split';
import type { TableSource } from './source';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

interface RichRun {
  text: string;
  font?: { bold?: boolean };
}

/** Text of a cell value; bold text is wrapped in <b> so the normaliser can see headings. */
function cellText(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Merge) return '';
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  const bold = cell.font?.bold === true;
  const wrap = (s: string): string => (bold && hasText(s) ? `<b>${s}</b>` : s);
  if (typeof v === 'string') return wrap(v);
  if (typeof v === 'number' || typeof v === 'boolean') return wrap(String(v));
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  }
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    const runs = o.richText as RichRun[];
    const text = runs.map((r) => r.text).join('');
    const allBold = runs.filter((r) => hasText(r.text)).every((r) => r.font?.bold === true || (r.font?.bold === undefined && bold));
    return allBold && hasText(text) ? `<b>${text}</b>` : text;
  }
  if ('result' in o) return o.result === undefined || o.result === null ? '' : wrap(String(o.result));
  if (typeof o.text === 'string') return wrap(o.text);
  if ('error' in o) return '';
  return '';
}

function sheetRows(sheet: ExcelJS.Worksheet): { rows: string[][]; lineOf: number[] } {
  const rows: string[][] = [];
  const lineOf: number[] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    while (cells.length && !hasText(cells[cells.length - 1])) cells.pop();
    rows.push(cells);
    lineOf.push(r);
  }
  return { rows, lineOf };
}

export async function readXlsx(bytes: Uint8Array): Promise<TableSource> {
  if (bytes.length === 0) throw new RoadmapInputError('файл пуст');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new RoadmapInputError('не удалось прочитать .xlsx: файл повреждён или это не книга Excel');
  }
  let anyText = false;
  for (const sheet of workbook.worksheets) {
    const { rows, lineOf } = sheetRows(sheet);
    if (rows.some((r) => r.some(hasText))) anyText = true;
    const split = splitAroundTable(rows, lineOf);
    if (split) return split;
  }
  throw new RoadmapInputError(
    anyText ? 'в книге нет листа с таблицей мероприятий (нужны колонки «Мероприятие» и «Срок»)' : 'книга Excel пуста',
  );
}
