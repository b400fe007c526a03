// File readers: text encodings, CSV delimiters, .xlsx with merged cells, .docx tables, and bad files. The
// .xlsx and .docx files are built here with exceljs and docx into a temporary folder (no binaries committed).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { readRoadmapFile, isRoadmapInputError, type RoadmapSource, type TableSource } from '../../local/readers/index';
import { detectDelimiter } from '../../local/readers/csv';
import { normaliseRoadmapTraced, roadmapFromText } from '../../src/domain/roadmap-table';
import type { Roadmap } from '../../src/domain/types';
import { droppedText, sourceLines } from './roadmap-invariant';

const dir = mkdtempSync(join(tmpdir(), 'roadmap-readers-'));
const FIXTURES = new URL('../fixtures/roadmaps/', import.meta.url);

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function table(src: RoadmapSource): TableSource {
  if (typeof src === 'string') throw new Error('expected rows, got text');
  return src;
}

function roadmapOf(src: RoadmapSource): Roadmap {
  return typeof src === 'string' ? roadmapFromText(src) : normaliseRoadmapTraced(src).roadmap;
}

async function failure(path: string): Promise<string> {
  try {
    await readRoadmapFile(path);
  } catch (e) {
    if (isRoadmapInputError(e)) return e.message;
    throw e;
  }
  return 'no error';
}

/** cp1251 for the letters the tests use: Cyrillic А–я, Ё/ё, and ASCII. */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) return c;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    if (ch === 'Ё') return 0xa8;
    if (ch === 'ё') return 0xb8;
    if (ch === '«') return 0xab;
    if (ch === '»') return 0xbb;
    if (ch === '–') return 0x96;
    return 0x3f;
  }));
}

describe('text files', () => {
  const seed = readFileSync('test/fixtures/seeds/pogranichny_2022-2023.txt', 'utf8');

  it('returns .txt and .tsv as text', async () => {
    expect(await readRoadmapFile(file('seed.txt', seed))).toBe(seed);
    expect(await readRoadmapFile(file('seed.tsv', seed))).toBe(seed);
  });

  it('decodes cp1251 and UTF-16 with a byte order mark', async () => {
    const fromCp1251 = await readRoadmapFile(file('cp1251.txt', cp1251(seed)));
    expect(roadmapOf(fromCp1251).activities).toHaveLength(11);
    expect(String(fromCp1251)).toContain('Учебно-методический отдел МКУ «ЦОД МОО Пограничного МО»');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]);
    expect(await readRoadmapFile(file('utf16.txt', utf16))).toBe(seed);
  });
});

describe('CSV', () => {
  it('detects the delimiter', () => {
    expect(detectDelimiter('a;b;c\n1;"x, y";3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1,"x; y",3')).toBe(',');
  });

  it('reads a semicolon CSV with a title row and line breaks inside quoted cells', async () => {
    const src = table(await readRoadmapFile(new URL('semicolons.csv', FIXTURES).pathname));
    const traced = normaliseRoadmapTraced(src);
    const r = traced.roadmap;
    expect(r.title).toBe('План мероприятий по реализации целевой модели наставничества на 2023-2024 учебный год');
    expect(r.period).toEqual({ start: '2023-09-01', end: '2024-08-31' });
    expect(r.activities.map((a) => [a.number, a.source.line])).toEqual([['1', 3], ['2', 4], ['3', 6]]);
    expect(r.activities[0].responsible).toEqual(['Руководители ОО', 'МБУ «ИМЦ»']);
    expect(r.activities[1].title).toBe('Проведение семинара «Наставник: шаг за шагом»');
    expect(r.activities[1].responsible).toEqual(['МБУ «ИМЦ»', 'Управление образования']);
    expect(droppedText(sourceLines(src), traced)).toEqual([]);
  });

  it('reads a comma CSV', async () => {
    const csv = '№,Мероприятие,Срок,Ответственный\n1,"Семинар для наставников, молодых педагогов",март 2024 г.,"ИМЦ, УО"\n';
    const r = roadmapOf(await readRoadmapFile(file('comma.csv', csv)));
    expect(r.activities[0].title).toBe('Семинар для наставников, молодых педагогов');
    expect(r.activities[0].responsible).toEqual(['ИМЦ', 'УО']);
  });
});

async function buildXlsx(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet('Сведения');
  info.addRow(['Показатель', 'Значение']);
  info.addRow(['Доля молодых специалистов', '80%']);
  const ws = wb.addWorksheet('Дорожная карта');
  ws.getCell('A1').value = 'План мероприятий по наставничеству на 2023 – 2024 учебный год';
  ws.mergeCells('A1:E1');
  ws.getCell('A1').font = { bold: true };
  ws.addRow([]);
  ws.addRow(['№ п/п', 'Мероприятие', 'Срок', 'Ответственный', 'Результат']);
  ws.getCell('A4').value = '1. Организационный этап';
  ws.mergeCells('A4:E4');
  ws.getCell('A4').font = { bold: true };
  ws.addRow([1, 'Издание приказа о наставничестве', new Date(Date.UTC(2023, 8, 1)), 'Директор', 'Приказ']);
  ws.addRow([2, { richText: [{ text: 'Закрепление ' }, { text: 'наставнических пар', font: { italic: true } }] }, 'сентябрь 2023 г.', 'Куратор', { formula: 'E5&" о парах"', result: 'Приказ о парах' }]);
  ws.addRow([3, 'Составление индивидуальных планов', 'октябрь 2023 г.', null, 'Планы']);
  ws.mergeCells('D6:D7');
  ws.addRow([4, 'Итоговое совещание', 'май 2024 г.', '', 'Протокол']);
  ws.addRow(['', '', 'июнь 2024 г.', 'Заместитель директора', '']);
  ws.mergeCells('A8:A9');
  ws.mergeCells('B8:B9');
  ws.addRow([]);
  ws.addRow(['Директор школы  ____________  И.И. Петрова']);
  const path = join(dir, 'roadmap.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe('.xlsx', () => {
  it('reads the first sheet with a roadmap table; merged cells hold their value in the top-left cell only', async () => {
    const src = table(await readRoadmapFile(await buildXlsx()));
    expect(src.before[0]).toBe('<b>План мероприятий по наставничеству на 2023 – 2024 учебный год</b>');
    expect(src.rows[0]).toEqual(['№ п/п', 'Мероприятие', 'Срок', 'Ответственный', 'Результат']);
    expect(src.rows[1]).toEqual(['<b>1. Организационный этап</b>']);
    expect(src.lineOf.slice(0, 3)).toEqual([3, 4, 5]);
    const traced = normaliseRoadmapTraced(src);
    const r = traced.roadmap;
    expect(r.title).toBe('План мероприятий по наставничеству на 2023 – 2024 учебный год');
    expect(r.sections.map((s) => [s.number, s.title])).toEqual([['1', 'Организационный этап']]);
    expect(r.activities.map((a) => a.number)).toEqual(['1', '2', '3', '4']);
    expect(r.activities.map((a) => a.source.line)).toEqual([5, 6, 7, 8]);
    expect(droppedText(sourceLines(src), traced)).toEqual([]);
  });

  it('converts dates, rich text and formulas, and does not copy merged values down', async () => {
    const r = roadmapOf(await readRoadmapFile(await buildXlsx()));
    const [a1, a2, a3, a4] = r.activities;
    expect(a1.deadline.text).toBe('01.09.2023');
    expect(a1.deadline.windows).toEqual([{ start: '2023-09-01', end: '2023-09-01' }]);
    expect(a2.title).toBe('Закрепление наставнических пар');
    expect(a2.result).toBe('Приказ о парах');
    expect(a3.responsible).toEqual([]);
    expect(a4.deadline.text).toBe('май 2024 г.; июнь 2024 г.');
    expect(a4.responsible).toEqual(['Заместитель директора']);
  });

  it('refuses a workbook without a roadmap table, an empty one and a corrupt one', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Лист1').addRow(['Показатель', 'Значение']);
    const path = join(dir, 'no-table.xlsx');
    await wb.xlsx.writeFile(path);
    expect(await failure(path)).toMatch(/нет листа с таблицей мероприятий/);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Пусто');
    const emptyPath = join(dir, 'empty-book.xlsx');
    await empty.xlsx.writeFile(emptyPath);
    expect(await failure(emptyPath)).toMatch(/пуста/);
    expect(await failure(file('corrupt.xlsx', Uint8Array.from({ length: 500 }, (_, i) => (i * 37) % 256)))).toMatch(/не удалось прочитать \.xlsx/);
  });
});

function cell(text: string | string[], opts: { columnSpan?: number; rowSpan?: number; bold?: boolean } = {}): TableCell {
  const lines = Array.isArray(text) ? text : [text];
  return new TableCell({
    columnSpan: opts.columnSpan,
    rowSpan: opts.rowSpan,
    children: lines.map((t) => new Paragraph({ children: [new TextRun({ text: t, bold: opts.bold })] })),
  });
}

async function buildDocx(): Promise<string> {
  const row = (cells: TableCell[]): TableRow => new TableRow({ children: cells });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('УТВЕРЖДЕНО приказом от 01.09.2023 № 45'),
          new Paragraph('Показатели программы'),
          new Table({ rows: [row([cell('Показатель'), cell('Значение')]), row([cell('Доля наставников'), cell('30%')])] }),
          new Paragraph({ children: [new TextRun({ text: 'Дорожная карта', bold: true })] }),
          new Paragraph({ children: [new TextRun({ text: 'реализации программы наставничества на 2023-2024 уч. год', bold: true })] }),
          new Table({
            rows: [
              row([cell('№'), cell('Мероприятие'), cell('Срок'), cell('Ответственные'), cell('Результат')]),
              row([cell('I. Подготовительный этап', { columnSpan: 5, bold: true })]),
              row([cell('1'), cell('Создание рабочей группы'), cell('сентябрь 2023 г.'), cell(['Директор', 'Заместитель директора по УВР']), cell('Приказ')]),
              row([cell('2', { rowSpan: 2 }), cell('Проведение семинаров для наставников', { rowSpan: 2 }), cell('ноябрь 2023 г.'), cell('Методист'), cell('Материалы')]),
              row([cell('март 2024 г.'), cell('Куратор'), cell('Отчёт')]),
              row([cell('II. Заключительный этап', { columnSpan: 5, bold: true })]),
              row([cell('1'), cell('Итоговая конференция'), cell('май 2024 г.'), cell('МБУ «ИМЦ»'), cell('Резолюция')]),
            ],
          }),
          new Paragraph('Исполнитель: Сидорова А.В.'),
        ],
      },
    ],
  });
  return file('roadmap.docx', await Packer.toBuffer(doc));
}

describe('.docx', () => {
  it('reads the roadmap table among other tables, with spans, merges and multi-paragraph cells', async () => {
    const src = table(await readRoadmapFile(await buildDocx()));
    const traced = normaliseRoadmapTraced(src);
    const r = traced.roadmap;
    expect(r.title).toBe('Дорожная карта реализации программы наставничества на 2023-2024 уч. год');
    expect(r.period).toEqual({ start: '2023-09-01', end: '2024-08-31' });
    expect(r.sections.map((s) => [s.number, s.title])).toEqual([['I', 'Подготовительный этап'], ['II', 'Заключительный этап']]);
    expect(r.activities.map((a) => a.number)).toEqual(['I.1', 'I.2', 'II.1']);
    expect(r.activities[0].responsible).toEqual(['Директор', 'Заместитель директора по УВР']);
    expect(r.activities[1].deadline.text).toBe('ноябрь 2023 г.; март 2024 г.');
    expect(r.activities[1].responsible).toEqual(['Методист', 'Куратор']);
    expect(r.activities[1].result).toBe('Материалы Отчёт');
    expect(r.warnings.some((w) => /Сидорова|Доля/.test(w.message))).toBe(false);
    expect(droppedText(sourceLines(src), traced)).toEqual([]);
  });

  it('refuses a corrupt or table-less document', async () => {
    expect(await failure(file('corrupt.docx', 'PK\u0003\u0004 broken'))).toMatch(/не удалось прочитать \.docx/);
    const plain = new Document({ sections: [{ children: [new Paragraph('Только текст без таблицы')] }] });
    expect(await failure(file('plain.docx', await Packer.toBuffer(plain)))).toMatch(/нет таблицы мероприятий/);
  });
});

describe('bad files', () => {
  it('gives a one-line reason for each', async () => {
    const reasons = [
      await failure(file('empty.txt', '')),
      await failure(file('spaces.txt', '   \n\n  ')),
      await failure(file('junk.txt', Uint8Array.from({ length: 400 }, (_, i) => (i * 73) % 32))),
      await failure(file('pdf.txt', '%PDF-1.7 ...')),
      await failure(file('zip.csv', 'PK\u0003\u0004....')),
      await failure(file('empty.xlsx', '')),
      await failure(file('empty.docx', '')),
      await failure(file('roadmap.pdf', '%PDF-1.7')),
      await failure(join(dir, 'missing.txt')),
    ];
    expect(reasons[0]).toMatch(/пуст/);
    expect(reasons[1]).toMatch(/пуст/);
    expect(reasons[2]).toMatch(/не похож на текст/);
    expect(reasons[3]).toMatch(/PDF с другим расширением/);
    expect(reasons[4]).toMatch(/архив/);
    expect(reasons[5]).toMatch(/пуст/);
    expect(reasons[6]).toMatch(/пуст/);
    expect(reasons[7]).toMatch(/не удалось прочитать PDF/);
    expect(reasons[8]).toMatch(/файл не найден/);
    for (const r of reasons) expect(r).not.toContain('\n');
  });
});
