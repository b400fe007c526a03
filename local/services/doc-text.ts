// Rich text of the Document fakes. A TextStore is the characters of one Text element with per-character
// attributes; a FakeText is either such an element or a view (editAsText) over every Text of a paragraph, cell or
// body, with offsets counted across them as Apps Script does.
import { raw } from '../counter';
import { FakeChild, type FakeElement } from './doc-element';
import type { ElementTypeName } from './enums';
import { gasError } from './errors';

export type Attrs = Readonly<Record<string, unknown>>;
const EMPTY: Attrs = Object.freeze({});

/** Attributes that belong to characters (the rest belong to paragraphs, tables, cells or the body). */
export const CHAR_ATTRIBUTES = ['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'FONT_SIZE', 'FONT_FAMILY',
  'FOREGROUND_COLOR', 'BACKGROUND_COLOR', 'LINK_URL'] as const;
const CHAR_SET = new Set<string>(CHAR_ATTRIBUTES);
export function isCharAttribute(k: string): boolean { return CHAR_SET.has(k); }

/** Paragraphs cannot contain "\n": Apps Script turns it into a soft line break "\r". */
export function paragraphText(s: unknown): string {
  return String(s ?? '').replace(/\r\n|\n/g, '\r');
}

function merge(base: Attrs, patch: Attrs): Attrs {
  const o: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined) delete o[k];
    else o[k] = v;
  }
  return Object.freeze(o);
}

export function sameAttrs(a: Attrs, b: Attrs): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

export class TextStore {
  s = '';
  a: Attrs[] = [];
  /** Formatting of an empty text, taken by the first characters typed into it. */
  tail: Attrs = EMPTY;
  /** The Text element that owns this store (for findText results). */
  el: FakeText | null = null;

  get length(): number { return this.s.length; }

  /** Inserted text takes the formatting of the character before it, as typing does in Docs. */
  inheritAt(offset: number): Attrs {
    return this.a[offset - 1] ?? this.a[offset] ?? this.tail;
  }

  insert(offset: number, str: string, attrs: Attrs = this.inheritAt(offset)): void {
    if (!str) return;
    this.s = this.s.slice(0, offset) + str + this.s.slice(offset);
    this.a.splice(offset, 0, ...new Array<Attrs>(str.length).fill(attrs));
  }

  /** Remove [start, end). */
  remove(start: number, end: number): void {
    if (end <= start) return;
    if (start === 0 && end >= this.s.length && this.a.length) this.tail = this.a[0];
    this.s = this.s.slice(0, start) + this.s.slice(end);
    this.a.splice(start, end - start);
  }

  setText(str: string): void {
    const at = this.a[0] ?? this.tail;
    this.s = '';
    this.a = [];
    this.tail = at;
    this.insert(0, str, at);
  }

  /** Set attributes on [start, end); null values clear them. On an empty text they apply to what is typed next. */
  apply(start: number, end: number, patch: Attrs): void {
    if (this.s.length === 0) {
      this.tail = merge(this.tail, patch);
      return;
    }
    const memo = new Map<Attrs, Attrs>();
    for (let i = start; i < end; i++) {
      const cur = this.a[i];
      let next = memo.get(cur);
      if (!next) { next = merge(cur, patch); memo.set(cur, next); }
      this.a[i] = next;
    }
  }

  /** Consecutive characters with the same attributes. */
  runs(): { text: string; attrs: Attrs }[] {
    const out: { text: string; attrs: Attrs }[] = [];
    for (let i = 0; i < this.s.length; i++) {
      const last = out[out.length - 1];
      if (last && sameAttrs(last.attrs, this.a[i])) last.text += this.s[i];
      else out.push({ text: this.s[i], attrs: this.a[i] });
    }
    return out;
  }

  clone(): TextStore {
    const c = new TextStore();
    c.s = this.s;
    c.a = this.a.slice();
    c.tail = this.tail;
    return c;
  }
}

/** null separates the texts of two paragraphs in a view and counts as one "\n" character. */
export type Segment = TextStore | null;

export interface TextViewSource {
  owner: FakeElement;
  segments(): Segment[];
  /** The store new text goes into (the last one), created when there is none. */
  lastStore(): TextStore;
}

interface Placed { store: TextStore | null; start: number; end: number }

/** Search pattern as Apps Script takes it: a regular expression string (RE2 flavour; "(?i)" prefix honoured). */
export function compilePattern(pattern: unknown): RegExp {
  let src = String(pattern);
  let flags = 'g';
  const m = /^\(\?([ims]+)\)/.exec(src);
  if (m) { src = src.slice(m[0].length); flags += m[1]; }
  try {
    return new RegExp(src, flags);
  } catch {
    throw gasError('Invalid argument: searchPattern');
  }
}

/**
 * Replacement strings follow java.util.regex.Matcher: "$n" is a group, "\x" escapes x, any other "$" is an
 * error. [I] Apps Script runs replaceText on the Java side; escape "$" and "\" in values that come from users.
 */
export function expandReplacement(repl: string, m: RegExpExecArray): string {
  const groups = m.length - 1;
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '\\') {
      i++;
      if (i >= repl.length) throw gasError('character to be escaped is missing');
      out += repl[i];
    } else if (c === '$') {
      i++;
      if (i >= repl.length || !/[0-9]/.test(repl[i])) throw gasError('Illegal group reference');
      let num = Number(repl[i]);
      while (i + 1 < repl.length && /[0-9]/.test(repl[i + 1]) && num * 10 + Number(repl[i + 1]) <= groups) {
        i++;
        num = num * 10 + Number(repl[i]);
      }
      if (num > groups) throw gasError(`No group ${num}`);
      out += m[num] ?? '';
    } else {
      out += c;
    }
  }
  return out;
}

/** Replace every match inside one store; replaced text keeps the formatting of the match's first character. */
export function replaceInStore(store: TextStore, re: RegExp, replacement: string): void {
  const matches: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(store.s); m; m = re.exec(store.s)) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    matches.push(m);
  }
  for (let k = matches.length - 1; k >= 0; k--) {
    const m = matches[k];
    const text = paragraphText(expandReplacement(replacement, m));
    const attrs = store.a[m.index];
    store.remove(m.index, m.index + m[0].length);
    store.insert(m.index, text, attrs);
  }
}

export class FakeRangeElement {
  readonly __className = 'RangeElement';
  constructor(readonly _element: FakeText, readonly _start: number, readonly _endInclusive: number) {}
  getElement(): FakeText { return this._element; }
  getStartOffset(): number { return this._start; }
  getEndOffsetInclusive(): number { return this._endInclusive; }
  isPartial(): boolean { return this._start > 0 || this._endInclusive < this._element._store!.length - 1; }
}

/** findText over Text elements in document order, continuing after `from` when given. */
export function findInTexts(texts: readonly FakeText[], pattern: unknown, from?: unknown): FakeRangeElement | null {
  const re = compilePattern(pattern);
  let startIdx = 0;
  let startOffset = 0;
  if (from && typeof from === 'object') {
    const f = raw(from as object);
    if (f instanceof FakeRangeElement) {
      const i = texts.indexOf(f._element);
      if (i >= 0) { startIdx = i; startOffset = f._endInclusive + 1; }
    }
  }
  for (let i = startIdx; i < texts.length; i++) {
    const store = texts[i]._store!;
    re.lastIndex = i === startIdx ? startOffset : 0;
    for (let m = re.exec(store.s); m; m = re.exec(store.s)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      return new FakeRangeElement(texts[i], m.index, m.index + m[0].length - 1);
    }
  }
  return null;
}

type AttrValue = unknown;

export class FakeText extends FakeChild {
  readonly __className = 'Text';
  readonly _store: TextStore | null;
  readonly _view: TextViewSource | null;

  constructor(store: TextStore | null, view: TextViewSource | null = null) {
    super();
    this._store = store;
    this._view = view;
    if (store) store.el = this;
  }

  static create(text: string, attrs: Attrs = EMPTY): FakeText {
    const s = new TextStore();
    s.tail = attrs;
    s.insert(0, paragraphText(text), attrs);
    return new FakeText(s);
  }

  _type(): ElementTypeName { return 'TEXT'; }
  _clone(): FakeText {
    if (this._store) return new FakeText(this._store.clone());
    const s = new TextStore();
    let off = 0;
    for (const seg of this._view!.segments()) {
      if (seg) { for (const r of seg.runs()) { s.insert(off, r.text, r.attrs); off += r.text.length; } }
      else { s.insert(off, '\r', s.inheritAt(off)); off++; }
    }
    return new FakeText(s);
  }

  override getParent(): FakeElement | null { return this._view ? this._view.owner : this._parent; }

  _segments(): Segment[] { return this._view ? this._view.segments() : [this._store!]; }

  _layout(): Placed[] {
    const out: Placed[] = [];
    let pos = 0;
    for (const seg of this._segments()) {
      const len = seg ? seg.length : 1;
      out.push({ store: seg, start: pos, end: pos + len });
      pos += len;
    }
    return out;
  }

  _length(): number {
    let n = 0;
    for (const seg of this._segments()) n += seg ? seg.length : 1;
    return n;
  }

  getText(): string {
    return this._segments().map((s) => (s ? s.s : '\n')).join('');
  }

  setText(text: string): FakeText {
    const str = paragraphText(text);
    if (this._store) { this._store.setText(str); return this; }
    const stores = this._segments().filter((s): s is TextStore => !!s);
    const first = stores[0] ?? this._view!.lastStore();
    first.setText(str);
    for (const s of stores.slice(1)) s.setText('');
    return this;
  }

  appendText(text: string): FakeText {
    const store = this._store ?? this._view!.lastStore();
    store.insert(store.length, paragraphText(text));
    return this;
  }

  insertText(offset: number, text: string): FakeText {
    const len = this._length();
    const o = Math.trunc(Number(offset));
    if (!(o >= 0 && o <= len)) throw gasError(`Invalid argument: offset`);
    const str = paragraphText(text);
    for (const p of this._layout()) {
      if (p.store && o >= p.start && o <= p.end) { p.store.insert(o - p.start, str); return this; }
    }
    this._view!.lastStore().insert(0, str);
    return this;
  }

  deleteText(startOffset: number, endOffsetInclusive: number): FakeText {
    const [start, end] = this._range(startOffset, endOffsetInclusive);
    for (const p of this._layout().reverse()) {
      if (!p.store) continue;
      const s = Math.max(start, p.start);
      const e = Math.min(end, p.end);
      if (e > s) p.store.remove(s - p.start, e - p.start);
    }
    return this;
  }

  /** [start, end) from Apps Script's inclusive offsets, validated. */
  private _range(startOffset: number, endOffsetInclusive: number): [number, number] {
    const len = this._length();
    const s = Math.trunc(Number(startOffset));
    const e = Math.trunc(Number(endOffsetInclusive));
    if (!(s >= 0 && e >= s && e < len)) throw gasError('Invalid argument: offset');
    return [s, e + 1];
  }

  _apply(start: number, end: number, patch: Attrs): void {
    const layout = this._layout();
    if (start === 0 && end >= this._length()) {
      // Whole text: empty stores keep the attributes for what is typed into them later.
      if (!layout.some((p) => p.store)) this._view?.lastStore();
      for (const p of this._layout()) p.store?.apply(0, p.store.length, patch);
      return;
    }
    for (const p of layout) {
      if (!p.store) continue;
      const s = Math.max(start, p.start);
      const e = Math.min(end, p.end);
      if (e > s) p.store.apply(s - p.start, e - p.start, patch);
    }
  }

  /** The setter overloads (value) and (start, endInclusive, value). */
  private _set(key: string, args: unknown[], coerce: (v: unknown) => AttrValue): FakeText {
    if (args.length >= 3) {
      const [s, e] = this._range(args[0] as number, args[1] as number);
      this._apply(s, e, { [key]: coerce(args[2]) });
    } else {
      this._apply(0, Infinity, { [key]: coerce(args[0]) });
    }
    return this;
  }

  /** Value at an offset, or for the whole text: null when characters differ. */
  _get(key: string, offset?: number | null): unknown {
    if (offset !== undefined && offset !== null) {
      for (const p of this._layout()) {
        if (p.store && offset >= p.start && offset < p.end) return p.store.a[offset - p.start][key] ?? null;
      }
      return null;
    }
    let seen = false;
    let value: unknown = null;
    for (const seg of this._segments()) {
      if (!seg) continue;
      const list = seg.length ? seg.a : [seg.tail];
      for (const a of list) {
        const v = a[key] ?? null;
        if (!seen) { value = v; seen = true; } else if (v !== value) return null;
      }
    }
    return value;
  }

  private _flag(key: string, offset?: number | null): boolean | null {
    const v = this._get(key, offset);
    if (v === null && offset === undefined) {
      // Mixed values read as null; all-unset reads as false.
      const all = this._segments().every((seg) => !seg || (seg.length ? seg.a : [seg.tail]).every((a) => !a[key]));
      return all ? false : null;
    }
    return v === null ? false : Boolean(v);
  }

  setBold(...args: unknown[]): FakeText { return this._set('BOLD', args, toBool); }
  setItalic(...args: unknown[]): FakeText { return this._set('ITALIC', args, toBool); }
  setUnderline(...args: unknown[]): FakeText { return this._set('UNDERLINE', args, toBool); }
  setStrikethrough(...args: unknown[]): FakeText { return this._set('STRIKETHROUGH', args, toBool); }
  setFontSize(...args: unknown[]): FakeText { return this._set('FONT_SIZE', args, toFontSize); }
  setFontFamily(...args: unknown[]): FakeText { return this._set('FONT_FAMILY', args, toNullableString); }
  setForegroundColor(...args: unknown[]): FakeText { return this._set('FOREGROUND_COLOR', args, toColor); }
  setBackgroundColor(...args: unknown[]): FakeText { return this._set('BACKGROUND_COLOR', args, toColor); }
  setLinkUrl(...args: unknown[]): FakeText { return this._set('LINK_URL', args, toNullableString); }

  isBold(offset?: number | null): boolean | null { return this._flag('BOLD', offset); }
  isItalic(offset?: number | null): boolean | null { return this._flag('ITALIC', offset); }
  isUnderline(offset?: number | null): boolean | null { return this._flag('UNDERLINE', offset); }
  isStrikethrough(offset?: number | null): boolean | null { return this._flag('STRIKETHROUGH', offset); }
  getFontSize(offset?: number | null): number | null { return this._get('FONT_SIZE', offset) as number | null; }
  getFontFamily(offset?: number | null): string | null { return this._get('FONT_FAMILY', offset) as string | null; }
  getForegroundColor(offset?: number | null): string | null { return this._get('FOREGROUND_COLOR', offset) as string | null; }
  getBackgroundColor(offset?: number | null): string | null { return this._get('BACKGROUND_COLOR', offset) as string | null; }
  getLinkUrl(offset?: number | null): string | null { return this._get('LINK_URL', offset) as string | null; }

  setAttributes(...args: unknown[]): FakeText {
    const attrs = (args.length >= 3 ? args[2] : args[0]) as Record<string, unknown>;
    const patch = charAttributesOf(attrs);
    if (args.length >= 3) {
      const [s, e] = this._range(args[0] as number, args[1] as number);
      this._apply(s, e, patch);
    } else {
      this._apply(0, Infinity, patch);
    }
    return this;
  }

  getAttributes(offset?: number | null): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const k of CHAR_ATTRIBUTES) o[k] = this._get(k, offset);
    return o;
  }

  /** Offsets where formatting changes, starting with 0. */
  getTextAttributeIndices(): number[] {
    const out: number[] = [];
    let prev: Attrs | null = null;
    let pos = 0;
    for (const seg of this._segments()) {
      if (!seg) { pos++; continue; }
      for (let i = 0; i < seg.length; i++, pos++) {
        if (prev === null || !sameAttrs(prev, seg.a[i])) out.push(pos);
        prev = seg.a[i];
      }
    }
    return out.length ? out : [0];
  }

  editAsText(): FakeText { return this; }

  findText(pattern: string, from?: unknown): FakeRangeElement | null {
    const texts = this._segments().filter((s): s is TextStore => !!s).map((s) => s.el ?? new FakeText(s));
    return findInTexts(texts, pattern, from);
  }

  replaceText(pattern: string, replacement: string): FakeText {
    const re = compilePattern(pattern);
    for (const seg of this._segments()) if (seg) replaceInStore(seg, re, String(replacement));
    return this;
  }

  copy(): FakeText { return this._clone(); }
}

/** The character attributes of an attribute object passed to setAttributes, validated like the setters. */
export function charAttributesOf(attrs: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (!attrs || typeof attrs !== 'object') return patch;
  for (const [k, v] of Object.entries(attrs)) {
    if (!isCharAttribute(k)) continue;
    if (k === 'FONT_SIZE') patch[k] = toFontSize(v);
    else if (k === 'FOREGROUND_COLOR' || k === 'BACKGROUND_COLOR') patch[k] = toColor(v);
    else if (k === 'FONT_FAMILY' || k === 'LINK_URL') patch[k] = toNullableString(v);
    else patch[k] = v === null ? null : Boolean(v);
  }
  return patch;
}

function toBool(v: unknown): boolean | null { return v === null ? null : Boolean(v); }
function toNullableString(v: unknown): string | null { return v === null || v === undefined ? null : String(v); }

function toFontSize(v: unknown): number | null {
  if (v === null) return null;
  const n = Number(v);
  if (!(n > 0)) throw gasError('Invalid argument: size');
  return n;
}

/** Docs takes colours in CSS hex notation ("#rrggbb"); null clears. */
export function toColor(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v);
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toLowerCase();
  if (/^#[0-9a-f]{3}$/i.test(s)) return ('#' + s.slice(1).split('').map((c) => c + c).join('')).toLowerCase();
  throw gasError(`Invalid argument: color`);
}
