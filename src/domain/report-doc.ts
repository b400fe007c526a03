// The report as data: what a справка or a summary says, independent of where it ends up (a Google Doc made by
// src/docs/render-doc.ts, a .docx through the local fakes, plain text for golden files and the CLI preview).
// Builders produce it from domain objects; nothing here knows about Apps Script.

export type ReportAlign = 'left' | 'center' | 'right' | 'justify';

export interface HeadingBlock {
  type: 'heading';
  level: 1 | 2 | 3;
  text: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  bold?: boolean;
  italic?: boolean;
  align?: ReportAlign;
}

export interface ListBlock {
  type: 'list';
  items: string[];
  ordered: boolean;
}

export interface TableBlock {
  type: 'table';
  header: string[];
  rows: string[][];
  /** «Таблица 1 – …», written above the table. */
  caption?: string;
  /** Where a template wants this table: the paragraph «{{table:NAME}}». */
  name?: string;
}

export interface PageBreakBlock {
  type: 'pageBreak';
}

export type ReportBlock = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | PageBreakBlock;

export interface ReportDocument {
  title: string;
  subtitle?: string;
  blocks: ReportBlock[];
  /** Values for «{{key}}» in a template Doc (title and subtitle are always available as {{title}}, {{subtitle}}). */
  placeholders: Record<string, string>;
}

// ------------------------------------------------------------------------------------------- block helpers

export function heading(text: string, level: 1 | 2 | 3 = 1): HeadingBlock {
  return { type: 'heading', level, text };
}

export function paragraph(text: string, opts: { bold?: boolean; italic?: boolean; align?: ReportAlign } = {}): ParagraphBlock {
  const block: ParagraphBlock = { type: 'paragraph', text };
  if (opts.bold) block.bold = true;
  if (opts.italic) block.italic = true;
  if (opts.align) block.align = opts.align;
  return block;
}

export function list(items: readonly string[], ordered = false): ListBlock {
  return { type: 'list', items: [...items], ordered };
}

export function table(t: { header: readonly string[]; rows: readonly (readonly string[])[]; caption?: string; name?: string }): TableBlock {
  const block: TableBlock = { type: 'table', header: [...t.header], rows: t.rows.map((r) => [...r]) };
  if (t.caption) block.caption = t.caption;
  if (t.name) block.name = t.name;
  return block;
}

export function pageBreak(): PageBreakBlock {
  return { type: 'pageBreak' };
}

/**
 * A fluent way to write a report top to bottom. Tables with a caption are numbered in order
 * («Таблица 1 – …») when `numberTables` is on, as Russian reports (ГОСТ 7.32) number them.
 */
export class ReportBuilder {
  private readonly doc: ReportDocument;
  private tables = 0;

  constructor(title: string, private readonly opts: { numberTables?: boolean } = {}) {
    this.doc = { title, blocks: [], placeholders: {} };
  }

  subtitle(text: string): this {
    this.doc.subtitle = text;
    return this;
  }

  heading(text: string, level: 1 | 2 | 3 = 1): this {
    this.doc.blocks.push(heading(text, level));
    return this;
  }

  paragraph(text: string, opts: { bold?: boolean; italic?: boolean; align?: ReportAlign } = {}): this {
    this.doc.blocks.push(paragraph(text, opts));
    return this;
  }

  list(items: readonly string[], ordered = false): this {
    if (items.length > 0) this.doc.blocks.push(list(items, ordered));
    return this;
  }

  table(t: { header: readonly string[]; rows: readonly (readonly string[])[]; caption?: string; name?: string }): this {
    let caption = t.caption;
    if (caption && this.opts.numberTables) caption = `Таблица ${++this.tables} – ${caption}`;
    this.doc.blocks.push(table({ ...t, caption }));
    return this;
  }

  pageBreak(): this {
    this.doc.blocks.push(pageBreak());
    return this;
  }

  placeholder(key: string, value: string): this {
    this.doc.placeholders[key] = value;
    return this;
  }

  build(): ReportDocument {
    return { ...this.doc, blocks: [...this.doc.blocks], placeholders: { ...this.doc.placeholders } };
  }
}

// ------------------------------------------------------------------------------------------- normalising

/**
 * The table as one rectangle of strings, header first: every row as wide as the widest row or header
 * (missing cells empty). Docs' appendTable takes String[][] only and rejects ragged input.
 */
export function tableCells(t: Pick<TableBlock, 'header' | 'rows'>): string[][] {
  const width = Math.max(t.header.length, ...t.rows.map((r) => r.length), 1);
  const pad = (r: readonly string[]) => Array.from({ length: width }, (_, i) => cellString(r[i]));
  return [pad(t.header), ...t.rows.map(pad)];
}

function cellString(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v);
}

/**
 * Column widths in points sharing `total` by what the columns hold. Each column first gets room for its
 * longest word (`charWidth` points a character plus cell padding), so no word is broken; what is left goes
 * by average text length (capped), so «№» stays narrow and an activity title gets the room. When even the
 * longest words do not fit, widths are scaled down in proportion.
 */
const HEADER_WIDTH_FACTOR = 1.25;

export function columnWidths(cells: readonly (readonly string[])[], total: number, charWidth = 6.5): number[] {
  const columns = cells[0]?.length ?? 0;
  if (columns === 0) return [];
  const need: number[] = [];
  const weight: number[] = [];
  for (let c = 0; c < columns; c++) {
    let longestWord = 1;
    let sum = 0;
    cells.forEach((row, r) => {
      const text = (row[c] ?? '').trim();
      sum += text.length;
      // The header row is bold: its letters are about a quarter wider, and a header word broken in two
      // («Наставник|и») is what a reader notices first.
      const factor = r === 0 ? HEADER_WIDTH_FACTOR : 1;
      for (const word of text.split(/\s+/)) longestWord = Math.max(longestWord, word.length * factor);
    });
    need.push(longestWord * charWidth + 14);
    weight.push(Math.max(1, Math.min(sum / cells.length, 45)));
  }
  const needed = need.reduce((a, b) => a + b, 0);
  const round = (x: number) => Math.round(x * 10) / 10;
  if (needed >= total) return need.map((n) => round((n * total) / needed));
  const spare = total - needed;
  const all = weight.reduce((a, b) => a + b, 0);
  return need.map((n, c) => round(n + (spare * weight[c]) / all));
}

/** Every placeholder the document fills: its own, plus title and subtitle unless it sets them itself. */
export function allPlaceholders(doc: ReportDocument): Record<string, string> {
  return { title: doc.title, subtitle: doc.subtitle ?? '', ...doc.placeholders };
}

// ------------------------------------------------------------------------------------------- plain text

/** Display width of a string in a monospace terminal (combining marks take none). */
function width(s: string): number {
  return [...s.replace(/[\u0300-\u036f]/g, '')].length;
}

function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function tableText(t: TableBlock): string[] {
  const cells = tableCells(t).map((r) => r.map(oneLine));
  const widths = cells[0].map((_, c) => Math.max(...cells.map((r) => width(r[c]))));
  const line = (r: string[]) => r.map((c, i) => padEnd(c, widths[i])).join(' | ').trimEnd();
  const out: string[] = [];
  if (t.caption) out.push(t.caption);
  out.push(line(cells[0]));
  out.push(widths.map((w) => '-'.repeat(Math.max(w, 1))).join('-+-'));
  for (const r of cells.slice(1)) out.push(line(r));
  return out;
}

/**
 * The report as plain text, one block per paragraph separated by blank lines: Markdown-like headings
 * («# », «## »), «- » and «1. » lists, tables with aligned columns, «---» for a page break. Stable, so it
 * serves as a golden file; alignment and emphasis are not shown.
 */
export function reportToText(doc: ReportDocument): string {
  const parts: string[] = [`# ${oneLine(doc.title)}`];
  if (doc.subtitle) parts.push(doc.subtitle.trim());
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'heading':
        parts.push(`${'#'.repeat(b.level + 1)} ${oneLine(b.text)}`);
        break;
      case 'paragraph':
        if (b.text.trim()) parts.push(b.text.trim());
        break;
      case 'list':
        parts.push(b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${oneLine(item)}`).join('\n'));
        break;
      case 'table':
        parts.push(tableText(b).join('\n'));
        break;
      case 'pageBreak':
        parts.push('---');
        break;
    }
  }
  return parts.join('\n\n') + '\n';
}
