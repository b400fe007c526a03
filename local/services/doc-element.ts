// The base of every Document element fake: parent links, siblings, type casts. Containers keep their children in
// one array (`_kids()`), so sibling and index queries work the same for paragraphs, rows and cells.
import { raw } from '../counter';
import type { ElementTypeName } from './enums';
import { gasError } from './errors';

export abstract class FakeElement {
  abstract readonly __className: string;
  _parent: FakeElement | null = null;

  abstract _type(): ElementTypeName;
  /** A detached deep copy. */
  abstract _clone(): FakeElement;
  /** The live children array of a container, null for leaves. */
  _kids(): FakeElement[] | null { return null; }

  getType(): ElementTypeName { return this._type(); }
  getParent(): FakeElement | null { return this._parent; }

  getNextSibling(): FakeElement | null {
    const sibs = this._parent?._kids();
    if (!sibs) return null;
    return sibs[sibs.indexOf(this) + 1] ?? null;
  }

  getPreviousSibling(): FakeElement | null {
    const sibs = this._parent?._kids();
    if (!sibs) return null;
    const i = sibs.indexOf(this);
    return i > 0 ? sibs[i - 1] : null;
  }

  asParagraph(): FakeElement { return this._as('PARAGRAPH', 'Paragraph'); }
  asListItem(): FakeElement { return this._as('LIST_ITEM', 'ListItem'); }
  asTable(): FakeElement { return this._as('TABLE', 'Table'); }
  asTableRow(): FakeElement { return this._as('TABLE_ROW', 'TableRow'); }
  asTableCell(): FakeElement { return this._as('TABLE_CELL', 'TableCell'); }
  asText(): FakeElement { return this._as('TEXT', 'Text'); }
  asBody(): FakeElement { return this._as('BODY_SECTION', 'Body'); }
  asPageBreak(): FakeElement { return this._as('PAGE_BREAK', 'PageBreak'); }
  asHorizontalRule(): FakeElement { return this._as('HORIZONTAL_RULE', 'HorizontalRule'); }

  private _as(type: ElementTypeName, name: string): FakeElement {
    if (this._type() !== type) throw gasError(`Cannot cast ${this.__className} to ${name}.`);
    return this;
  }

  /** The Body this element belongs to, if any (for list ids and the last-paragraph rule). */
  _root(): FakeElement {
    let e: FakeElement = this;
    while (e._parent) e = e._parent;
    return e;
  }
}

/** Elements that live inside a container and can be removed from it. */
export abstract class FakeChild extends FakeElement {
  removeFromParent(): FakeElement {
    if (this._parent) detach(this);
    return this;
  }
}

export function detach(el: FakeElement): void {
  const parent = el._parent;
  if (!parent) return;
  const kids = parent._kids();
  if (!kids) return;
  (parent as FakeElement & { _beforeRemove?: (c: FakeElement) => void })._beforeRemove?.(el);
  const i = kids.indexOf(el);
  if (i >= 0) kids.splice(i, 1);
  el._parent = null;
}

export function childIndexError(index: number, count: number, inclusive: boolean): Error {
  return inclusive
    ? gasError(`Child index (${index}) must be less than or equal to the number of child elements (${count}).`)
    : gasError(`Child index (${index}) must be less than the number of child elements (${count}).`);
}

/** `getChild(i)` of any container. */
export function childAt(kids: readonly FakeElement[], index: number): FakeElement {
  const i = Math.trunc(Number(index));
  if (!(i >= 0 && i < kids.length)) throw childIndexError(index, kids.length, false);
  return kids[i];
}

export function indexOfChild(kids: readonly FakeElement[], child: unknown): number {
  const c = child && typeof child === 'object' ? raw(child as object) : child;
  const i = kids.indexOf(c as FakeElement);
  if (i < 0) throw gasError('Element does not contain the specified child element.');
  return i;
}

/** Put a new or detached element into a container. Apps Script refuses elements that still have a parent. */
export function adopt(parent: FakeElement, index: number, child: FakeElement): void {
  const kids = parent._kids()!;
  const i = Math.trunc(Number(index));
  if (!(i >= 0 && i <= kids.length)) throw childIndexError(index, kids.length, true);
  if (child._parent) throw gasError('Element must be detached.');
  kids.splice(i, 0, child);
  child._parent = parent;
}

/** Unwrap an element argument that may be a counted proxy; null when it is not an element. */
export function elementArg(x: unknown): FakeElement | null {
  if (!x || typeof x !== 'object') return null;
  const r = raw(x as object);
  return r instanceof FakeElement ? r : null;
}
