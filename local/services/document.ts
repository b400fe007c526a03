// The element tree of a Google Doc: Body, Paragraph, ListItem, Table, TableRow, TableCell, Text, PageBreak,
// HorizontalRule. Attributes are stored under Apps Script's attribute names (DocumentApp.Attribute) so
// getAttributes/setAttributes round-trip and the .docx export can read them back.
import { raw } from '../counter';
import { adopt, childAt, childIndexError, detach, elementArg, FakeChild, FakeElement, indexOfChild } from './doc-element';
import {
  charAttributesOf, CHAR_ATTRIBUTES, compilePattern, FakeRangeElement, FakeText, findInTexts, isCharAttribute,
  paragraphText, replaceInStore, toColor, TextStore, type Segment, type TextViewSource,
} from './doc-text';
import {
  GlyphType, HorizontalAlignment, isMember, ParagraphHeading, VerticalAlignment, type ElementTypeName,
  type GlyphTypeName, type HorizontalAlignmentName, type ParagraphHeadingName,
} from './enums';
import { gasError, signatureError } from './errors';

type AttrMap = Record<string, unknown>;

const PARAGRAPH_ATTRIBUTES = ['HEADING', 'HORIZONTAL_ALIGNMENT', 'INDENT_START', 'INDENT_END', 'INDENT_FIRST_LINE',
  'LINE_SPACING', 'SPACING_BEFORE', 'SPACING_AFTER', 'LEFT_TO_RIGHT'] as const;
const LIST_ATTRIBUTES = ['GLYPH_TYPE', 'NESTING_LEVEL', 'LIST_ID'] as const;
const TABLE_ATTRIBUTES = ['BORDER_COLOR', 'BORDER_WIDTH'] as const;
const CELL_ATTRIBUTES = ['BACKGROUND_COLOR', 'WIDTH', 'VERTICAL_ALIGNMENT', 'PADDING_TOP', 'PADDING_BOTTOM',
  'PADDING_LEFT', 'PADDING_RIGHT'] as const;
const BODY_ATTRIBUTES = ['MARGIN_TOP', 'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT', 'PAGE_WIDTH', 'PAGE_HEIGHT'] as const;

let listCounter = 0;
function newListId(): string { return `kix.list${++listCounter}`; }

function nonNegative(v: unknown, what: string): number {
  const n = Number(v);
  if (!(n >= 0) || !Number.isFinite(n)) throw gasError(`Invalid argument: ${what}`);
  return n;
}

function pickNumeric(into: AttrMap, attrs: AttrMap, keys: readonly string[]): void {
  for (const k of keys) if (k in attrs) into[k] = attrs[k] === null ? undefined : nonNegative(attrs[k], k);
}

// ---------------------------------------------------------------------------------------------- leaves

export class FakePageBreak extends FakeChild {
  readonly __className = 'PageBreak';
  _type(): ElementTypeName { return 'PAGE_BREAK'; }
  _clone(): FakePageBreak { return new FakePageBreak(); }
  copy(): FakePageBreak { return this._clone(); }
  getAttributes(): AttrMap { return {}; }
  setAttributes(_attrs: AttrMap): FakePageBreak { return this; }
}

export class FakeHorizontalRule extends FakeChild {
  readonly __className = 'HorizontalRule';
  _type(): ElementTypeName { return 'HORIZONTAL_RULE'; }
  _clone(): FakeHorizontalRule { return new FakeHorizontalRule(); }
  copy(): FakeHorizontalRule { return this._clone(); }
  getAttributes(): AttrMap { return {}; }
  setAttributes(_attrs: AttrMap): FakeHorizontalRule { return this; }
}

type Inline = FakeText | FakePageBreak | FakeHorizontalRule;

// ---------------------------------------------------------------------------------------------- paragraphs

export class FakeParagraph extends FakeChild {
  readonly __className: string = 'Paragraph';
  _items: Inline[] = [];
  /** Paragraph-level attributes (HEADING, HORIZONTAL_ALIGNMENT, spacing, indents). */
  _attrs: AttrMap = {};

  constructor(text?: string) {
    super();
    if (text !== undefined && text !== '') this._push(FakeText.create(paragraphText(text)));
  }

  _type(): ElementTypeName { return 'PARAGRAPH'; }
  override _kids(): FakeElement[] { return this._items; }
  _clone(): FakeParagraph { return this._copyInto(new FakeParagraph()); }

  protected _copyInto<P extends FakeParagraph>(p: P): P {
    p._attrs = { ...this._attrs };
    for (const it of this._items) p._push(it._clone() as Inline);
    return p;
  }

  _push(item: Inline): void { adopt(this, this._items.length, item); }
  _texts(): FakeText[] { return this._items.filter((i): i is FakeText => i instanceof FakeText); }

  /** Formatting that newly appended text takes: that of the last character, as when typing at the end. */
  private _trailingAttrs() {
    const texts = this._texts();
    for (let i = texts.length - 1; i >= 0; i--) {
      const s = texts[i]._store!;
      if (s.length) return s.a[s.length - 1];
    }
    return texts.length ? texts[texts.length - 1]._store!.tail : undefined;
  }

  _view(): TextViewSource {
    return {
      owner: this,
      segments: () => this._texts().map((t) => t._store!),
      lastStore: () => {
        const texts = this._texts();
        if (texts.length) return texts[texts.length - 1]._store!;
        const t = FakeText.create('');
        this._push(t);
        return t._store!;
      },
    };
  }

  editAsText(): FakeText { return new FakeText(null, this._view()); }

  getText(): string { return this._texts().map((t) => t._store!.s).join(''); }

  setText(text: string): void {
    const first = this._texts()[0];
    const attrs = first ? (first._store!.a[0] ?? first._store!.tail) : undefined;
    for (const it of this._items) it._parent = null;
    this._items = [];
    this._push(FakeText.create(paragraphText(text), attrs));
  }

  appendText(text: unknown): FakeText {
    const el = elementArg(text);
    if (el instanceof FakeText) { this._push(el); return el; }
    const t = FakeText.create(paragraphText(text), this._trailingAttrs());
    this._push(t);
    return t;
  }

  insertText(childIndex: number, text: unknown): FakeText {
    const el = elementArg(text);
    const t = el instanceof FakeText ? el : FakeText.create(paragraphText(text));
    adopt(this, childIndex, t);
    return t;
  }

  appendPageBreak(pageBreak?: unknown): FakePageBreak {
    const pb = (elementArg(pageBreak) as FakePageBreak | null) ?? new FakePageBreak();
    this._push(pb);
    return pb;
  }

  insertPageBreak(childIndex: number, pageBreak?: unknown): FakePageBreak {
    const pb = (elementArg(pageBreak) as FakePageBreak | null) ?? new FakePageBreak();
    adopt(this, childIndex, pb);
    return pb;
  }

  appendHorizontalRule(): FakeHorizontalRule {
    const hr = new FakeHorizontalRule();
    this._push(hr);
    return hr;
  }

  insertHorizontalRule(childIndex: number): FakeHorizontalRule {
    const hr = new FakeHorizontalRule();
    adopt(this, childIndex, hr);
    return hr;
  }

  clear(): this {
    for (const it of this._items) it._parent = null;
    this._items = [];
    return this;
  }

  getNumChildren(): number { return this._items.length; }
  getChild(i: number): FakeElement { return childAt(this._items, i); }
  getChildIndex(child: unknown): number { return indexOfChild(this._items, child); }
  removeChild(child: unknown): this { detach(this._items[indexOfChild(this._items, child)]); return this; }

  findText(pattern: string, from?: unknown): FakeRangeElement | null { return findInTexts(this._texts(), pattern, from); }
  replaceText(pattern: string, replacement: string): this {
    const re = compilePattern(pattern);
    for (const t of this._texts()) replaceInStore(t._store!, re, String(replacement));
    return this;
  }

  getHeading(): ParagraphHeadingName { return (this._attrs.HEADING as ParagraphHeadingName) ?? 'NORMAL'; }
  setHeading(heading: unknown): this {
    if (!isMember(ParagraphHeading, heading)) throw signatureError(`DocumentApp.${this.__className}.setHeading`, [heading]);
    this._attrs.HEADING = heading;
    return this;
  }

  getAlignment(): HorizontalAlignmentName | null {
    return (this._attrs.HORIZONTAL_ALIGNMENT as HorizontalAlignmentName | undefined) ?? null;
  }
  setAlignment(alignment: unknown): this {
    if (!isMember(HorizontalAlignment, alignment)) {
      throw signatureError(`DocumentApp.${this.__className}.setAlignment`, [alignment]);
    }
    this._attrs.HORIZONTAL_ALIGNMENT = alignment;
    return this;
  }

  private _num(key: string): number | null { return (this._attrs[key] as number | undefined) ?? null; }
  private _setNum(key: string, v: unknown): this { this._attrs[key] = nonNegative(v, key); return this; }

  getSpacingAfter(): number | null { return this._num('SPACING_AFTER'); }
  setSpacingAfter(pt: number): this { return this._setNum('SPACING_AFTER', pt); }
  getSpacingBefore(): number | null { return this._num('SPACING_BEFORE'); }
  setSpacingBefore(pt: number): this { return this._setNum('SPACING_BEFORE', pt); }
  getIndentStart(): number | null { return this._num('INDENT_START'); }
  setIndentStart(pt: number): this { return this._setNum('INDENT_START', pt); }
  getIndentEnd(): number | null { return this._num('INDENT_END'); }
  setIndentEnd(pt: number): this { return this._setNum('INDENT_END', pt); }
  getIndentFirstLine(): number | null { return this._num('INDENT_FIRST_LINE'); }
  setIndentFirstLine(pt: number): this { return this._setNum('INDENT_FIRST_LINE', pt); }
  getLineSpacing(): number | null { return this._num('LINE_SPACING'); }
  setLineSpacing(multiplier: number): this { return this._setNum('LINE_SPACING', multiplier); }
  isLeftToRight(): boolean { return this._attrs.LEFT_TO_RIGHT !== false; }
  setLeftToRight(ltr: boolean): this { this._attrs.LEFT_TO_RIGHT = Boolean(ltr); return this; }

  getLinkUrl(): string | null { return this.editAsText().getLinkUrl(); }
  setLinkUrl(url: string | null): this { this.editAsText().setLinkUrl(url); return this; }

  setAttributes(attrs: AttrMap): this {
    if (!attrs || typeof attrs !== 'object') throw signatureError(`DocumentApp.${this.__className}.setAttributes`, [attrs]);
    this._setBlockAttributes(attrs);
    const chars = charAttributesOf(attrs);
    if (Object.keys(chars).length) this.editAsText().setAttributes(chars);
    return this;
  }

  protected _setBlockAttributes(attrs: AttrMap): void {
    if ('HEADING' in attrs && attrs.HEADING !== null) this.setHeading(attrs.HEADING);
    if ('HORIZONTAL_ALIGNMENT' in attrs && attrs.HORIZONTAL_ALIGNMENT !== null) this.setAlignment(attrs.HORIZONTAL_ALIGNMENT);
    pickNumeric(this._attrs, attrs, ['INDENT_START', 'INDENT_END', 'INDENT_FIRST_LINE', 'LINE_SPACING', 'SPACING_BEFORE',
      'SPACING_AFTER']);
    if ('LEFT_TO_RIGHT' in attrs && attrs.LEFT_TO_RIGHT !== null) this._attrs.LEFT_TO_RIGHT = Boolean(attrs.LEFT_TO_RIGHT);
  }

  getAttributes(): AttrMap {
    const o: AttrMap = this.editAsText().getAttributes();
    for (const k of PARAGRAPH_ATTRIBUTES) o[k] = this._attrs[k] ?? null;
    o.HEADING = this.getHeading();
    return o;
  }

  copy(): FakeParagraph { return this._clone(); }
}

export class FakeListItem extends FakeParagraph {
  override readonly __className: string = 'ListItem';

  constructor(text?: string) {
    super(text);
    this._attrs.GLYPH_TYPE = 'BULLET';
    this._attrs.NESTING_LEVEL = 0;
  }

  override _type(): ElementTypeName { return 'LIST_ITEM'; }
  override _clone(): FakeListItem { return this._copyInto(new FakeListItem()); }
  override copy(): FakeListItem { return this._clone(); }

  getGlyphType(): GlyphTypeName { return this._attrs.GLYPH_TYPE as GlyphTypeName; }
  setGlyphType(glyphType: unknown): this {
    if (!isMember(GlyphType, glyphType)) throw signatureError('DocumentApp.ListItem.setGlyphType', [glyphType]);
    this._attrs.GLYPH_TYPE = glyphType;
    return this;
  }

  getNestingLevel(): number { return this._attrs.NESTING_LEVEL as number; }
  setNestingLevel(level: number): this {
    const n = Math.trunc(Number(level));
    if (!(n >= 0 && n <= 8)) throw gasError('Invalid argument: nestingLevel');
    this._attrs.NESTING_LEVEL = n;
    return this;
  }

  getListId(): string {
    if (!this._attrs.LIST_ID) this._attrs.LIST_ID = newListId();
    return this._attrs.LIST_ID as string;
  }
  setListId(listItem: unknown): this {
    const other = elementArg(listItem);
    if (!(other instanceof FakeListItem)) throw signatureError('DocumentApp.ListItem.setListId', [listItem]);
    this._attrs.LIST_ID = other.getListId();
    return this;
  }

  protected override _setBlockAttributes(attrs: AttrMap): void {
    super._setBlockAttributes(attrs);
    if ('GLYPH_TYPE' in attrs && attrs.GLYPH_TYPE !== null) this.setGlyphType(attrs.GLYPH_TYPE);
    if ('NESTING_LEVEL' in attrs && attrs.NESTING_LEVEL !== null) this.setNestingLevel(attrs.NESTING_LEVEL as number);
  }

  override getAttributes(): AttrMap {
    const o = super.getAttributes();
    for (const k of LIST_ATTRIBUTES) o[k] = k === 'LIST_ID' ? this.getListId() : this._attrs[k];
    return o;
  }
}

// ---------------------------------------------------------------------------------------------- containers

export type Block = FakeParagraph | FakeTable;

/** Body and TableCell: a vertical list of paragraphs, list items and tables. */
export abstract class FakeContainer extends FakeElement {
  _blocks: Block[] = [];
  _attrs: AttrMap = {};

  override _kids(): FakeElement[] { return this._blocks; }

  _insertBlock(index: number, block: Block): void {
    adopt(this, index, block);
    if (block instanceof FakeListItem && !block._attrs.LIST_ID) {
      const prev = this._blocks[this._blocks.indexOf(block) - 1];
      block._attrs.LIST_ID = prev instanceof FakeListItem ? prev.getListId() : newListId();
    }
  }

  private _paragraphArg(method: string, x: unknown, make: (t: string) => FakeParagraph, kind: typeof FakeParagraph): FakeParagraph {
    const el = elementArg(x);
    if (el) {
      if (!(el instanceof kind)) throw signatureError(`DocumentApp.${this.__className}.${method}`, [x]);
      return el;
    }
    if (x === undefined || x === null || typeof x === 'object') throw signatureError(`DocumentApp.${this.__className}.${method}`, [x]);
    return make(String(x));
  }

  appendParagraph(textOrParagraph: unknown): FakeParagraph {
    return this.insertParagraph(this._blocks.length, textOrParagraph);
  }
  insertParagraph(childIndex: number, textOrParagraph: unknown): FakeParagraph {
    const p = this._paragraphArg('insertParagraph', textOrParagraph, (t) => new FakeParagraph(t), FakeParagraph);
    this._insertBlock(childIndex, p);
    return p;
  }

  appendListItem(textOrItem: unknown): FakeListItem {
    return this.insertListItem(this._blocks.length, textOrItem);
  }
  insertListItem(childIndex: number, textOrItem: unknown): FakeListItem {
    const li = this._paragraphArg('insertListItem', textOrItem, (t) => new FakeListItem(t), FakeListItem) as FakeListItem;
    this._insertBlock(childIndex, li);
    return li;
  }

  appendTable(cellsOrTable?: unknown): FakeTable {
    return this.insertTable(this._blocks.length, cellsOrTable);
  }
  insertTable(childIndex: number, cellsOrTable?: unknown): FakeTable {
    const el = elementArg(cellsOrTable);
    let table: FakeTable;
    if (el) {
      if (!(el instanceof FakeTable)) throw signatureError(`DocumentApp.${this.__className}.insertTable`, [cellsOrTable]);
      table = el;
    } else if (cellsOrTable === undefined || cellsOrTable === null) {
      table = new FakeTable();
    } else {
      table = FakeTable.fromCells(cellsOrTable, `DocumentApp.${this.__className}.appendTable`);
    }
    this._insertBlock(childIndex, table);
    return table;
  }

  appendHorizontalRule(): FakeHorizontalRule {
    return this.insertHorizontalRule(this._blocks.length);
  }
  insertHorizontalRule(childIndex: number): FakeHorizontalRule {
    const p = new FakeParagraph();
    this._insertBlock(childIndex, p);
    return p.appendHorizontalRule();
  }

  getNumChildren(): number { return this._blocks.length; }
  getChild(i: number): FakeElement { return childAt(this._blocks, i); }
  getChildIndex(child: unknown): number { return indexOfChild(this._blocks, child); }
  removeChild(child: unknown): this {
    detach(this._blocks[indexOfChild(this._blocks, child)]);
    return this;
  }

  clear(): this {
    for (const b of this._blocks) b._parent = null;
    this._blocks = [];
    this._insertBlock(0, new FakeParagraph());
    return this;
  }

  setText(text: string): this {
    this.clear();
    (this._blocks[0] as FakeParagraph).setText(text);
    return this;
  }

  /** Every paragraph (list items included) at any depth, in document order. */
  getParagraphs(): FakeParagraph[] {
    const out: FakeParagraph[] = [];
    walkBlocks(this, (b) => { if (b instanceof FakeParagraph) out.push(b); });
    return out;
  }
  getListItems(): FakeListItem[] { return this.getParagraphs().filter((p): p is FakeListItem => p instanceof FakeListItem); }
  getTables(): FakeTable[] {
    const out: FakeTable[] = [];
    walkBlocks(this, (b) => { if (b instanceof FakeTable) out.push(b); });
    return out;
  }

  getText(): string { return this._blocks.map(blockText).join('\n'); }

  _allTexts(): FakeText[] { return this.getParagraphs().flatMap((p) => p._texts()); }

  findText(pattern: string, from?: unknown): FakeRangeElement | null { return findInTexts(this._allTexts(), pattern, from); }
  replaceText(pattern: string, replacement: string): this {
    const re = compilePattern(pattern);
    for (const t of this._allTexts()) replaceInStore(t._store!, re, String(replacement));
    return this;
  }

  editAsText(): FakeText {
    return new FakeText(null, {
      owner: this,
      segments: () => {
        const segs: Segment[] = [];
        this.getParagraphs().forEach((p, i) => {
          if (i > 0) segs.push(null);
          for (const t of p._texts()) segs.push(t._store!);
        });
        return segs;
      },
      lastStore: () => {
        const ps = this.getParagraphs();
        const last = ps[ps.length - 1] ?? this.appendParagraph('');
        return last._view().lastStore();
      },
    });
  }

  /** Character attributes go to every paragraph; the rest are the container's own. */
  protected _setCharAttributes(attrs: AttrMap): void {
    const chars = charAttributesOf(attrs);
    if (Object.keys(chars).length) this.editAsText().setAttributes(chars);
  }
}

function walkBlocks(c: FakeContainer, visit: (b: Block) => void): void {
  for (const b of c._blocks) {
    visit(b);
    if (b instanceof FakeTable) for (const r of b._rows) for (const cell of r._cells) walkBlocks(cell, visit);
  }
}

function blockText(b: Block): string { return b.getText(); }

export class FakeBody extends FakeContainer {
  readonly __className = 'Body';

  constructor() {
    super();
    // A Google Doc always has at least one paragraph.
    this._insertBlock(0, new FakeParagraph());
  }

  _type(): ElementTypeName { return 'BODY_SECTION'; }
  _clone(): FakeBody {
    const b = new FakeBody();
    b._blocks[0]._parent = null;
    b._blocks = [];
    b._attrs = { ...this._attrs };
    for (const blk of this._blocks) b._insertBlock(b._blocks.length, blk._clone() as Block);
    return b;
  }

  /** Docs refuses to remove the paragraph that ends a document section. */
  _beforeRemove(child: FakeElement): void {
    if (child instanceof FakeParagraph && this._blocks[this._blocks.length - 1] === child) {
      throw gasError("Can't remove the last paragraph in a document section.");
    }
  }

  appendPageBreak(pageBreak?: unknown): FakePageBreak {
    return this.insertPageBreak(this._blocks.length, pageBreak);
  }
  insertPageBreak(childIndex: number, pageBreak?: unknown): FakePageBreak {
    const p = new FakeParagraph();
    this._insertBlock(childIndex, p);
    return p.appendPageBreak(pageBreak);
  }

  private _margin(key: string): number { return (this._attrs[key] as number | undefined) ?? 72; }
  getMarginTop(): number { return this._margin('MARGIN_TOP'); }
  getMarginBottom(): number { return this._margin('MARGIN_BOTTOM'); }
  getMarginLeft(): number { return this._margin('MARGIN_LEFT'); }
  getMarginRight(): number { return this._margin('MARGIN_RIGHT'); }
  setMarginTop(pt: number): this { this._attrs.MARGIN_TOP = nonNegative(pt, 'marginTop'); return this; }
  setMarginBottom(pt: number): this { this._attrs.MARGIN_BOTTOM = nonNegative(pt, 'marginBottom'); return this; }
  setMarginLeft(pt: number): this { this._attrs.MARGIN_LEFT = nonNegative(pt, 'marginLeft'); return this; }
  setMarginRight(pt: number): this { this._attrs.MARGIN_RIGHT = nonNegative(pt, 'marginRight'); return this; }
  // Letter size is the Docs default for a new document; A4 in points is 595.28 x 841.89.
  getPageWidth(): number { return (this._attrs.PAGE_WIDTH as number | undefined) ?? 612; }
  getPageHeight(): number { return (this._attrs.PAGE_HEIGHT as number | undefined) ?? 792; }
  setPageWidth(pt: number): this { this._attrs.PAGE_WIDTH = nonNegative(pt, 'pageWidth'); return this; }
  setPageHeight(pt: number): this { this._attrs.PAGE_HEIGHT = nonNegative(pt, 'pageHeight'); return this; }

  setAttributes(attrs: AttrMap): this {
    if (!attrs || typeof attrs !== 'object') throw signatureError('DocumentApp.Body.setAttributes', [attrs]);
    pickNumeric(this._attrs, attrs, BODY_ATTRIBUTES);
    this._setCharAttributes(attrs);
    return this;
  }

  getAttributes(): AttrMap {
    const o: AttrMap = this.editAsText().getAttributes();
    for (const k of BODY_ATTRIBUTES) o[k] = this._attrs[k] ?? null;
    return o;
  }
}

// ---------------------------------------------------------------------------------------------- tables

export class FakeTableCell extends FakeContainer {
  readonly __className = 'TableCell';

  constructor(text?: string) {
    super();
    this._insertBlock(0, new FakeParagraph(text));
  }

  _type(): ElementTypeName { return 'TABLE_CELL'; }
  _clone(): FakeTableCell {
    const c = new FakeTableCell();
    c._blocks[0]._parent = null;
    c._blocks = [];
    c._attrs = { ...this._attrs };
    for (const blk of this._blocks) c._insertBlock(c._blocks.length, blk._clone() as Block);
    return c;
  }

  removeFromParent(): this { if (this._parent) detach(this); return this; }
  copy(): FakeTableCell { return this._clone(); }

  getParentRow(): FakeTableRow | null { return this._parent as FakeTableRow | null; }
  getParentTable(): FakeTable | null { return (this._parent?._parent as FakeTable | undefined) ?? null; }
  getRowSpan(): number { return 1; }
  getColSpan(): number { return 1; }

  getBackgroundColor(): string | null { return (this._attrs.BACKGROUND_COLOR as string | undefined) ?? null; }
  setBackgroundColor(color: string | null): this { this._attrs.BACKGROUND_COLOR = toColor(color) ?? undefined; return this; }
  getWidth(): number | null { return (this._attrs.WIDTH as number | undefined) ?? null; }
  setWidth(width: number): this { this._attrs.WIDTH = nonNegative(width, 'width'); return this; }
  getVerticalAlignment(): string | null { return (this._attrs.VERTICAL_ALIGNMENT as string | undefined) ?? null; }
  setVerticalAlignment(alignment: unknown): this {
    if (!isMember(VerticalAlignment, alignment)) throw signatureError('DocumentApp.TableCell.setVerticalAlignment', [alignment]);
    this._attrs.VERTICAL_ALIGNMENT = alignment;
    return this;
  }
  getPaddingTop(): number | null { return (this._attrs.PADDING_TOP as number | undefined) ?? null; }
  getPaddingBottom(): number | null { return (this._attrs.PADDING_BOTTOM as number | undefined) ?? null; }
  getPaddingLeft(): number | null { return (this._attrs.PADDING_LEFT as number | undefined) ?? null; }
  getPaddingRight(): number | null { return (this._attrs.PADDING_RIGHT as number | undefined) ?? null; }
  setPaddingTop(pt: number): this { this._attrs.PADDING_TOP = nonNegative(pt, 'paddingTop'); return this; }
  setPaddingBottom(pt: number): this { this._attrs.PADDING_BOTTOM = nonNegative(pt, 'paddingBottom'); return this; }
  setPaddingLeft(pt: number): this { this._attrs.PADDING_LEFT = nonNegative(pt, 'paddingLeft'); return this; }
  setPaddingRight(pt: number): this { this._attrs.PADDING_RIGHT = nonNegative(pt, 'paddingRight'); return this; }

  /** BACKGROUND_COLOR on a cell is the cell's shading; other character attributes go to its text. */
  setAttributes(attrs: AttrMap): this {
    if (!attrs || typeof attrs !== 'object') throw signatureError('DocumentApp.TableCell.setAttributes', [attrs]);
    if ('BACKGROUND_COLOR' in attrs) this.setBackgroundColor(attrs.BACKGROUND_COLOR as string | null);
    if ('VERTICAL_ALIGNMENT' in attrs && attrs.VERTICAL_ALIGNMENT !== null) this.setVerticalAlignment(attrs.VERTICAL_ALIGNMENT);
    pickNumeric(this._attrs, attrs, ['WIDTH', 'PADDING_TOP', 'PADDING_BOTTOM', 'PADDING_LEFT', 'PADDING_RIGHT']);
    const { BACKGROUND_COLOR: _bg, ...rest } = attrs;
    this._setCharAttributes(rest);
    if ('HORIZONTAL_ALIGNMENT' in attrs && attrs.HORIZONTAL_ALIGNMENT !== null) {
      for (const p of this.getParagraphs()) p.setAlignment(attrs.HORIZONTAL_ALIGNMENT);
    }
    return this;
  }

  getAttributes(): AttrMap {
    const o: AttrMap = this.editAsText().getAttributes();
    for (const k of CELL_ATTRIBUTES) o[k] = this._attrs[k] ?? null;
    return o;
  }
}

export class FakeTableRow extends FakeChild {
  readonly __className = 'TableRow';
  _cells: FakeTableCell[] = [];
  _attrs: AttrMap = {};

  _type(): ElementTypeName { return 'TABLE_ROW'; }
  override _kids(): FakeElement[] { return this._cells; }
  _clone(): FakeTableRow {
    const r = new FakeTableRow();
    r._attrs = { ...this._attrs };
    for (const c of this._cells) adopt(r, r._cells.length, c._clone());
    return r;
  }
  copy(): FakeTableRow { return this._clone(); }

  private _cellArg(x: unknown): FakeTableCell {
    const el = elementArg(x);
    if (el) {
      if (!(el instanceof FakeTableCell)) throw signatureError('DocumentApp.TableRow.appendTableCell', [x]);
      return el;
    }
    return new FakeTableCell(x === undefined || x === null ? '' : String(x));
  }

  appendTableCell(textOrCell?: unknown): FakeTableCell {
    const c = this._cellArg(textOrCell);
    adopt(this, this._cells.length, c);
    return c;
  }
  insertTableCell(childIndex: number, textOrCell?: unknown): FakeTableCell {
    const c = this._cellArg(textOrCell);
    adopt(this, childIndex, c);
    return c;
  }
  removeCell(cellIndex: number): FakeTableCell {
    const c = childAt(this._cells, cellIndex) as FakeTableCell;
    detach(c);
    return c;
  }
  getCell(cellIndex: number): FakeTableCell { return childAt(this._cells, cellIndex) as FakeTableCell; }
  getNumCells(): number { return this._cells.length; }
  getNumChildren(): number { return this._cells.length; }
  getChild(i: number): FakeElement { return childAt(this._cells, i); }
  getChildIndex(child: unknown): number { return indexOfChild(this._cells, child); }
  removeChild(child: unknown): this { detach(this._cells[indexOfChild(this._cells, child)]); return this; }
  getParentTable(): FakeTable | null { return this._parent as FakeTable | null; }

  getMinimumHeight(): number | null { return (this._attrs.MINIMUM_HEIGHT as number | undefined) ?? null; }
  setMinimumHeight(pt: number): this { this._attrs.MINIMUM_HEIGHT = nonNegative(pt, 'minHeight'); return this; }

  getText(): string { return this._cells.map((c) => c.getText()).join('\t'); }
  _allTexts(): FakeText[] { return this._cells.flatMap((c) => c._allTexts()); }
  findText(pattern: string, from?: unknown): FakeRangeElement | null { return findInTexts(this._allTexts(), pattern, from); }
  replaceText(pattern: string, replacement: string): this {
    for (const c of this._cells) c.replaceText(pattern, replacement);
    return this;
  }
  editAsText(): FakeText { return cellsView(this, () => this._cells); }

  setAttributes(attrs: AttrMap): this {
    if (!attrs || typeof attrs !== 'object') throw signatureError('DocumentApp.TableRow.setAttributes', [attrs]);
    pickNumeric(this._attrs, attrs, ['MINIMUM_HEIGHT']);
    for (const c of this._cells) c.setAttributes(withoutKeys(attrs, ['MINIMUM_HEIGHT']));
    return this;
  }
  getAttributes(): AttrMap {
    const o = this.editAsText().getAttributes();
    o.MINIMUM_HEIGHT = this._attrs.MINIMUM_HEIGHT ?? null;
    return o;
  }
}

function withoutKeys(attrs: AttrMap, keys: string[]): AttrMap {
  const o: AttrMap = {};
  for (const [k, v] of Object.entries(attrs)) if (!keys.includes(k)) o[k] = v;
  return o;
}

function cellsView(owner: FakeElement, cells: () => FakeTableCell[]): FakeText {
  return new FakeText(null, {
    owner,
    segments: () => {
      const segs: Segment[] = [];
      cells().forEach((c, i) => {
        if (i > 0) segs.push(null);
        segs.push(...(c.editAsText()._segments()));
      });
      return segs;
    },
    lastStore: () => {
      const cs = cells();
      if (!cs.length) throw gasError('Invalid argument: table has no cells');
      return cs[cs.length - 1].editAsText()._view!.lastStore();
    },
  });
}

export class FakeTable extends FakeChild {
  readonly __className = 'Table';
  _rows: FakeTableRow[] = [];
  _attrs: AttrMap = {};
  /** Column widths in points by column index; unset columns share the rest of the page. */
  _columnWidths: (number | undefined)[] = [];

  static fromCells(cells: unknown, method: string): FakeTable {
    if (!Array.isArray(cells) || !cells.every((row) => Array.isArray(row) && row.every((c) => typeof c === 'string'))) {
      // Docs takes String[][] only: numbers and dates must be formatted by the caller.
      throw signatureError(method, [cells]);
    }
    const t = new FakeTable();
    for (const row of cells as string[][]) {
      const r = t.appendTableRow();
      for (const c of row) r.appendTableCell(c);
    }
    return t;
  }

  _type(): ElementTypeName { return 'TABLE'; }
  override _kids(): FakeElement[] { return this._rows; }
  _clone(): FakeTable {
    const t = new FakeTable();
    t._attrs = { ...this._attrs };
    t._columnWidths = this._columnWidths.slice();
    for (const r of this._rows) adopt(t, t._rows.length, r._clone());
    return t;
  }
  copy(): FakeTable { return this._clone(); }

  appendTableRow(tableRow?: unknown): FakeTableRow {
    return this.insertTableRow(this._rows.length, tableRow);
  }
  insertTableRow(childIndex: number, tableRow?: unknown): FakeTableRow {
    const el = elementArg(tableRow);
    if (el && !(el instanceof FakeTableRow)) throw signatureError('DocumentApp.Table.insertTableRow', [tableRow]);
    const r = (el as FakeTableRow | null) ?? new FakeTableRow();
    adopt(this, childIndex, r);
    return r;
  }
  removeRow(rowIndex: number): FakeTableRow {
    const r = childAt(this._rows, rowIndex) as FakeTableRow;
    detach(r);
    return r;
  }
  getRow(rowIndex: number): FakeTableRow { return childAt(this._rows, rowIndex) as FakeTableRow; }
  getNumRows(): number { return this._rows.length; }
  getCell(rowIndex: number, cellIndex: number): FakeTableCell { return this.getRow(rowIndex).getCell(cellIndex); }
  getNumChildren(): number { return this._rows.length; }
  getChild(i: number): FakeElement { return childAt(this._rows, i); }
  getChildIndex(child: unknown): number { return indexOfChild(this._rows, child); }
  removeChild(child: unknown): this { detach(this._rows[indexOfChild(this._rows, child)]); return this; }

  getBorderWidth(): number | null { return (this._attrs.BORDER_WIDTH as number | undefined) ?? null; }
  setBorderWidth(width: number): this { this._attrs.BORDER_WIDTH = nonNegative(width, 'width'); return this; }
  getBorderColor(): string | null { return (this._attrs.BORDER_COLOR as string | undefined) ?? null; }
  setBorderColor(color: string): this { this._attrs.BORDER_COLOR = toColor(color) ?? undefined; return this; }

  getColumnWidth(columnIndex: number): number | null { return this._columnWidths[columnIndex] ?? null; }
  setColumnWidth(columnIndex: number, width: number): this {
    const i = Math.trunc(Number(columnIndex));
    const cols = Math.max(0, ...this._rows.map((r) => r._cells.length));
    if (!(i >= 0 && i < cols)) throw childIndexError(columnIndex, cols, false);
    this._columnWidths[i] = nonNegative(width, 'width');
    return this;
  }

  getText(): string { return this._rows.map((r) => r.getText()).join('\n'); }
  _allTexts(): FakeText[] { return this._rows.flatMap((r) => r._allTexts()); }
  findText(pattern: string, from?: unknown): FakeRangeElement | null { return findInTexts(this._allTexts(), pattern, from); }
  replaceText(pattern: string, replacement: string): this {
    for (const r of this._rows) r.replaceText(pattern, replacement);
    return this;
  }
  editAsText(): FakeText { return cellsView(this, () => this._rows.flatMap((r) => r._cells)); }

  setAttributes(attrs: AttrMap): this {
    if (!attrs || typeof attrs !== 'object') throw signatureError('DocumentApp.Table.setAttributes', [attrs]);
    if ('BORDER_WIDTH' in attrs && attrs.BORDER_WIDTH !== null) this.setBorderWidth(attrs.BORDER_WIDTH as number);
    if ('BORDER_COLOR' in attrs && attrs.BORDER_COLOR !== null) this.setBorderColor(attrs.BORDER_COLOR as string);
    const chars = charAttributesOf(attrs);
    if (Object.keys(chars).length) this.editAsText().setAttributes(chars);
    return this;
  }
  getAttributes(): AttrMap {
    const o = this.editAsText().getAttributes();
    for (const k of TABLE_ATTRIBUTES) o[k] = this._attrs[k] ?? null;
    return o;
  }
}
