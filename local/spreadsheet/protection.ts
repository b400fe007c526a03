// Protection records what the add-on asked for; the fake does not enforce it (the script runs as an editor).
import { raw } from '../counter';
import type { Anchor } from './model';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';

export class FakeUser {
  readonly __className = 'User';
  constructor(readonly _email: string) {}
  getEmail() { return this._email; }
}

function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  const u = raw(user as object) as { getEmail?: () => string };
  if (u && typeof u.getEmail === 'function') return u.getEmail();
  return String(user);
}

export class FakeProtection {
  readonly __className = 'Protection';
  _description = '';
  _warningOnly = false;
  _domainEdit = true;
  _editors: Set<string>;
  _unprotected: FakeRange[] = [];

  /** A sheet protection has no anchor: it always covers the whole, possibly grown, sheet. */
  constructor(readonly _sheet: FakeSheet, readonly _type: 'SHEET' | 'RANGE', public _anchor: Anchor | null, editor: string) {
    this._editors = new Set([editor]);
  }

  private _write(method: string): void { this._sheet._guardWrite(method); }

  getProtectionType() { return this._type; }
  getRange() { return this._anchor ? this._sheet._rangeOf(this._anchor) : this._sheet._wholeRange(); }
  setRange(range: FakeRange) {
    this._write('setRange');
    if (this._type === 'SHEET') throw new Error('Cannot set the range of a sheet protection.');
    const r = raw(range);
    if (this._anchor) this._sheet._anchors.delete(this._anchor);
    this._anchor = this._sheet._anchor(r._row, r._col, r._numRows, r._numCols, 'cells');
    return this;
  }
  getDescription() { return this._description; }
  setDescription(description: string) { this._write('setDescription'); this._description = String(description); return this; }
  isWarningOnly() { return this._warningOnly; }
  setWarningOnly(warningOnly: boolean) {
    this._write('setWarningOnly');
    this._warningOnly = !!warningOnly;
    return this;
  }
  canEdit() { return true; }
  canDomainEdit() { return this._domainEdit; }
  setDomainEdit(editable: boolean) { this._write('setDomainEdit'); this._domainEdit = !!editable; return this; }
  getEditors() { return [...this._editors].map((e) => new FakeUser(e)); }
  addEditor(user: unknown) { this._write('addEditor'); this._editors.add(emailOf(user)); return this; }
  addEditors(emails: string[]) { this._write('addEditors'); for (const e of emails) this._editors.add(emailOf(e)); return this; }
  removeEditor(user: unknown) { this._write('removeEditor'); this._editors.delete(emailOf(user)); return this; }
  removeEditors(users: unknown[]) { this._write('removeEditors'); for (const u of users) this._editors.delete(emailOf(u)); return this; }
  getUnprotectedRanges() { return [...this._unprotected]; }
  setUnprotectedRanges(ranges: FakeRange[]) {
    this._write('setUnprotectedRanges');
    if (this._type !== 'SHEET') throw new Error('Unprotected ranges can only be set on a sheet protection.');
    this._unprotected = ranges.map((r) => raw(r));
    return this;
  }
  remove() {
    this._write('remove');
    this._sheet._protections = this._sheet._protections.filter((p) => p !== this);
    if (this._anchor) this._sheet._anchors.delete(this._anchor);
  }
}
