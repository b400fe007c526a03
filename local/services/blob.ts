// Utilities.newBlob and the Blob it returns. Apps Script bytes are signed Java bytes (-128..127).
import { raw } from '../counter';

export function toSignedBytes(u: Uint8Array): number[] {
  return Array.from(u, (b) => (b > 127 ? b - 256 : b));
}

export function fromBytes(bytes: ArrayLike<number>): Uint8Array {
  return Uint8Array.from(Array.from(bytes, (b) => b & 0xff));
}

export function utf8(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'utf8'));
}

export class FakeBlob {
  readonly __className = 'Blob';
  constructor(public _bytes: Uint8Array, public _contentType: string | null, public _name: string | null) {}

  getBytes(): number[] { return toSignedBytes(this._bytes); }
  setBytes(data: number[]): FakeBlob { this._bytes = fromBytes(data); return this; }
  getDataAsString(charset?: string): string {
    const enc = charset && /ascii/i.test(charset) ? 'latin1' : 'utf8';
    return Buffer.from(this._bytes).toString(enc);
  }
  setDataFromString(s: string, _charset?: string): FakeBlob { this._bytes = utf8(String(s)); return this; }
  getContentType(): string | null { return this._contentType; }
  setContentType(t: string | null): FakeBlob { this._contentType = t; return this; }
  getName(): string | null { return this._name; }
  setName(name: string): FakeBlob { this._name = String(name); return this; }
  copyBlob(): FakeBlob { return new FakeBlob(this._bytes.slice(), this._contentType, this._name); }
  getBlob(): FakeBlob { return this; }
  isGoogleType(): boolean { return false; }
}

export function newBlob(data: string | number[] | Uint8Array, contentType?: string | null, name?: string | null): FakeBlob {
  const bytes = typeof data === 'string' ? utf8(data) : data instanceof Uint8Array ? data.slice() : fromBytes(data);
  return new FakeBlob(bytes, contentType ?? null, name ?? null);
}

/** A blob argument that may be a counted proxy of a FakeBlob or anything with getBlob(). */
export function asBlob(x: unknown): FakeBlob | null {
  if (!x || typeof x !== 'object') return null;
  const r = raw(x as object);
  if (r instanceof FakeBlob) return r;
  const g = (r as { getBlob?: () => unknown }).getBlob;
  if (typeof g === 'function') {
    const b = raw(g.call(r) as object);
    if (b instanceof FakeBlob) return b;
  }
  return null;
}
