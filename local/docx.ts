// A Doc built by the fakes, saved as a .docx a person can open: Word's own heading styles, lists, tables with
// borders and shaded header cells, page breaks. Page and fonts follow a Russian official letter (справка): A4,
// margins 30/15/20/20 mm, Times New Roman 14 pt (12 pt in tables), unless the Doc sets its own.
import { writeFile } from 'node:fs/promises';
import {
  AlignmentType, BorderStyle, Document, ExternalHyperlink, HeadingLevel, HeightRule, LevelFormat, Packer, PageBreak,
  Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
  type ILevelsOptions, type IParagraphOptions, type IRunOptions,
} from 'docx';
import { raw } from './counter';
import { FakeText, type Attrs } from './services/doc-text';
import {
  FakeBody, FakeHorizontalRule, FakeListItem, FakePageBreak, FakeParagraph, FakeTable, FakeTableCell, type Block,
} from './services/document';
import type { FakeDocument } from './services/document-app';

const FONT = 'Times New Roman';
const BODY_SIZE_PT = 14;
const TABLE_SIZE_PT = 12;
const MM = 56.6929; // twips per millimetre
const A4 = { width: 11906, height: 16838 };
const MARGINS = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };

const twips = (pt: number): number => Math.round(pt * 20);
const hex = (color: string): string => color.replace('#', '').toUpperCase();

const HEADINGS: Record<string, IParagraphOptions['heading']> = {
  HEADING1: HeadingLevel.HEADING_1, HEADING2: HeadingLevel.HEADING_2, HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4, HEADING5: HeadingLevel.HEADING_5, HEADING6: HeadingLevel.HEADING_6,
  TITLE: HeadingLevel.TITLE,
};

const ALIGNMENTS: Record<string, IParagraphOptions['alignment']> = {
  LEFT: AlignmentType.LEFT, CENTER: AlignmentType.CENTER, RIGHT: AlignmentType.RIGHT, JUSTIFY: AlignmentType.JUSTIFIED,
};

const VERTICAL: Record<string, (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable]> = {
  TOP: VerticalAlignTable.TOP, CENTER: VerticalAlignTable.CENTER, BOTTOM: VerticalAlignTable.BOTTOM,
};

/** One Word numbering definition per Docs glyph type; each Docs list is its own instance so numbers restart. */
const GLYPHS: Record<string, { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (level: number) => string }> = {
  BULLET: { format: LevelFormat.BULLET, text: (l) => ['•', '◦', '▪'][l % 3] },
  HOLLOW_BULLET: { format: LevelFormat.BULLET, text: () => '◦' },
  SQUARE_BULLET: { format: LevelFormat.BULLET, text: () => '▪' },
  NUMBER: { format: LevelFormat.DECIMAL, text: (l) => `%${l + 1}.` },
  LATIN_UPPER: { format: LevelFormat.UPPER_LETTER, text: (l) => `%${l + 1}.` },
  LATIN_LOWER: { format: LevelFormat.LOWER_LETTER, text: (l) => `%${l + 1})` },
  ROMAN_UPPER: { format: LevelFormat.UPPER_ROMAN, text: (l) => `%${l + 1}.` },
  ROMAN_LOWER: { format: LevelFormat.LOWER_ROMAN, text: (l) => `%${l + 1}.` },
};

function numberingConfig() {
  return Object.entries(GLYPHS).map(([glyph, g]) => ({
    reference: `glyph-${glyph}`,
    levels: Array.from({ length: 9 }, (_, level): ILevelsOptions => ({
      level,
      format: g.format,
      text: g.text(level),
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 720 + level * 360, hanging: 360 } } },
    })),
  }));
}

interface Ctx {
  listInstances: Map<string, number>;
  inTable: boolean;
  contentWidth: number;
}

type RunChild = TextRun | ExternalHyperlink | PageBreak;

function runs(text: FakeText, ctx: Ctx): RunChild[] {
  const out: RunChild[] = [];
  for (const r of text._store!.runs()) {
    const a: Attrs = r.attrs;
    const base: IRunOptions = {
      bold: a.BOLD === true ? true : undefined,
      italics: a.ITALIC === true ? true : undefined,
      underline: a.UNDERLINE === true ? {} : undefined,
      strike: a.STRIKETHROUGH === true ? true : undefined,
      size: typeof a.FONT_SIZE === 'number' ? a.FONT_SIZE * 2 : ctx.inTable ? TABLE_SIZE_PT * 2 : undefined,
      font: typeof a.FONT_FAMILY === 'string' ? a.FONT_FAMILY : undefined,
      color: typeof a.FOREGROUND_COLOR === 'string' ? hex(a.FOREGROUND_COLOR) : undefined,
      shading: typeof a.BACKGROUND_COLOR === 'string'
        ? { type: ShadingType.CLEAR, fill: hex(a.BACKGROUND_COLOR), color: 'auto' } : undefined,
      style: typeof a.LINK_URL === 'string' ? 'Hyperlink' : undefined,
    };
    // "\r" is a soft line break inside a Docs paragraph.
    const pieces = r.text.split('\r').map((t, i) => new TextRun({ ...base, text: t, break: i > 0 ? 1 : undefined }));
    if (typeof a.LINK_URL === 'string') out.push(new ExternalHyperlink({ link: a.LINK_URL, children: pieces }));
    else out.push(...pieces);
  }
  return out;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function paragraph(p: FakeParagraph, ctx: Ctx): Paragraph {
  const a = p._attrs;
  const children: RunChild[] = [];
  let rule = false;
  for (const item of p._items) {
    if (item instanceof FakeText) children.push(...runs(item, ctx));
    else if (item instanceof FakePageBreak) children.push(new PageBreak());
    else if (item instanceof FakeHorizontalRule) rule = true;
  }

  const start = num(a.INDENT_START);
  const first = num(a.INDENT_FIRST_LINE);
  const firstOffset = first !== undefined ? first - (start ?? 0) : undefined;
  const spacingAfter = num(a.SPACING_AFTER) ?? (ctx.inTable ? 0 : undefined);
  const heading = HEADINGS[String(a.HEADING)];

  let numbering: IParagraphOptions['numbering'];
  if (p instanceof FakeListItem) {
    const listId = p.getListId();
    if (!ctx.listInstances.has(listId)) ctx.listInstances.set(listId, ctx.listInstances.size + 1);
    numbering = { reference: `glyph-${p.getGlyphType()}`, level: p.getNestingLevel(), instance: ctx.listInstances.get(listId)! };
  }

  return new Paragraph({
    children,
    heading,
    style: a.HEADING === 'SUBTITLE' ? 'Subtitle' : undefined,
    alignment: ALIGNMENTS[String(a.HORIZONTAL_ALIGNMENT)],
    numbering,
    spacing: {
      before: num(a.SPACING_BEFORE) !== undefined ? twips(num(a.SPACING_BEFORE)!) : undefined,
      after: spacingAfter !== undefined ? twips(spacingAfter) : undefined,
      line: num(a.LINE_SPACING) !== undefined ? Math.round(num(a.LINE_SPACING)! * 240) : undefined,
    },
    indent: numbering ? undefined : {
      left: start !== undefined ? twips(start) : undefined,
      right: num(a.INDENT_END) !== undefined ? twips(num(a.INDENT_END)!) : undefined,
      firstLine: firstOffset !== undefined && firstOffset > 0 ? twips(firstOffset) : undefined,
      hanging: firstOffset !== undefined && firstOffset < 0 ? twips(-firstOffset) : undefined,
    },
    border: rule ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } } : undefined,
    keepNext: heading !== undefined ? true : undefined,
  });
}

function isStyledHeader(cells: readonly FakeTableCell[]): boolean {
  return cells.length > 0 && cells.every((c) => c.getBackgroundColor() !== null || c.editAsText().isBold() === true);
}

function table(t: FakeTable, ctx: Ctx): Table | null {
  const rows = t._rows.filter((r) => r._cells.length > 0);
  if (!rows.length) return null;
  const cols = Math.max(...rows.map((r) => r._cells.length));
  const fixed = Array.from({ length: cols }, (_, i) => (t._columnWidths[i] !== undefined ? twips(t._columnWidths[i]!) : undefined));
  const used = fixed.reduce<number>((s, w) => s + (w ?? 0), 0);
  const free = fixed.filter((w) => w === undefined).length;
  const share = free ? Math.max(567, Math.floor((ctx.contentWidth - used) / free)) : 0;
  const widths = fixed.map((w) => w ?? share);

  const bw = num(t._attrs.BORDER_WIDTH);
  const border = bw === 0
    ? { style: BorderStyle.NONE, size: 0, color: 'auto' }
    : { style: BorderStyle.SINGLE, size: Math.max(2, Math.round((bw ?? 0.5) * 8)), color: hex(String(t._attrs.BORDER_COLOR ?? '#000000')) };

  const inner: Ctx = { ...ctx, inTable: true };
  return new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: { top: 40, bottom: 40, left: 85, right: 85 },
    rows: rows.map((r, ri) => new TableRow({
      tableHeader: ri === 0 && rows.length > 1 && isStyledHeader(r._cells) ? true : undefined,
      cantSplit: true,
      height: num(r._attrs.MINIMUM_HEIGHT) !== undefined
        ? { value: twips(num(r._attrs.MINIMUM_HEIGHT)!), rule: HeightRule.ATLEAST } : undefined,
      children: r._cells.map((c, ci) => {
        const ca = c._attrs;
        const width = num(ca.WIDTH) !== undefined ? twips(num(ca.WIDTH)!) : widths[ci];
        return new TableCell({
          children: cellChildren(c, { ...inner, contentWidth: width }),
          width: { size: width, type: WidthType.DXA },
          shading: typeof ca.BACKGROUND_COLOR === 'string'
            ? { type: ShadingType.CLEAR, fill: hex(ca.BACKGROUND_COLOR), color: 'auto' } : undefined,
          verticalAlign: VERTICAL[String(ca.VERTICAL_ALIGNMENT)],
          margins: [ca.PADDING_TOP, ca.PADDING_BOTTOM, ca.PADDING_LEFT, ca.PADDING_RIGHT].some((v) => v !== undefined) ? {
            top: num(ca.PADDING_TOP) !== undefined ? twips(num(ca.PADDING_TOP)!) : undefined,
            bottom: num(ca.PADDING_BOTTOM) !== undefined ? twips(num(ca.PADDING_BOTTOM)!) : undefined,
            left: num(ca.PADDING_LEFT) !== undefined ? twips(num(ca.PADDING_LEFT)!) : undefined,
            right: num(ca.PADDING_RIGHT) !== undefined ? twips(num(ca.PADDING_RIGHT)!) : undefined,
          } : undefined,
        });
      }),
    })),
  });
}

function blocks(list: readonly Block[], ctx: Ctx): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of list) {
    if (b instanceof FakeParagraph) out.push(paragraph(b, ctx));
    else {
      const t = table(b, ctx);
      if (t) out.push(t);
    }
  }
  return out;
}

/** Word wants every cell to end with a paragraph. */
function cellChildren(c: FakeTableCell, ctx: Ctx): (Paragraph | Table)[] {
  const out = blocks(c._blocks, ctx);
  if (!out.length || !(out[out.length - 1] instanceof Paragraph)) out.push(new Paragraph({}));
  return out;
}

/** The docx Document for a Doc (a raw FakeDocument or its counted proxy). */
export function buildDocx(doc: FakeDocument): Document {
  const d = raw(doc);
  const body: FakeBody = d._body();
  const ba = body._attrs;
  const page = {
    width: num(ba.PAGE_WIDTH) !== undefined ? twips(num(ba.PAGE_WIDTH)!) : A4.width,
    height: num(ba.PAGE_HEIGHT) !== undefined ? twips(num(ba.PAGE_HEIGHT)!) : A4.height,
  };
  const margin = {
    top: num(ba.MARGIN_TOP) !== undefined ? twips(num(ba.MARGIN_TOP)!) : MARGINS.top,
    bottom: num(ba.MARGIN_BOTTOM) !== undefined ? twips(num(ba.MARGIN_BOTTOM)!) : MARGINS.bottom,
    left: num(ba.MARGIN_LEFT) !== undefined ? twips(num(ba.MARGIN_LEFT)!) : MARGINS.left,
    right: num(ba.MARGIN_RIGHT) !== undefined ? twips(num(ba.MARGIN_RIGHT)!) : MARGINS.right,
  };
  const ctx: Ctx = { listInstances: new Map(), inTable: false, contentWidth: page.width - margin.left - margin.right };
  const children = blocks(body._blocks, ctx);
  if (!children.length || !(children[children.length - 1] instanceof Paragraph)) children.push(new Paragraph({}));

  const heading = (sizePt: number, extra: { italics?: boolean } = {}) => ({
    run: { font: FONT, size: sizePt * 2, bold: true, color: '000000', ...extra },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
  });

  return new Document({
    title: d.getName(),
    creator: 'Наставник',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE_PT * 2, language: { value: 'ru-RU' } },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        title: {
          run: { font: FONT, size: 36, bold: true, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
        },
        heading1: heading(16),
        heading2: heading(14),
        heading3: heading(14, { italics: true }),
        heading4: heading(14),
        heading5: heading(14),
        heading6: heading(14),
      },
      paragraphStyles: [{
        id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true,
        run: { font: FONT, size: BODY_SIZE_PT * 2, italics: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
      }],
    },
    numbering: { config: numberingConfig() },
    sections: [{ properties: { page: { size: page, margin } }, children }],
  });
}

export async function docxBuffer(doc: FakeDocument): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(doc));
}

export async function saveDocx(doc: FakeDocument, file: string): Promise<void> {
  await writeFile(file, await docxBuffer(doc));
}
