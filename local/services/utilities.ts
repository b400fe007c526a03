// Utilities: formatDate/parseDate with Java's SimpleDateFormat patterns, printf-like formatString, digests,
// base64, blobs, and sleep that moves the fake clock instead of waiting.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { FakeEnv } from '../env';
import { fromBytes, newBlob, toSignedBytes, utf8, type FakeBlob } from './blob';
import { Charset, DigestAlgorithm, MacAlgorithm, isMember } from './enums';
import { formatJavaDate, parseJavaDate } from './format-date';
import { gasError, isDate, signatureError } from './errors';

const DIGESTS: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const HMACS: Record<string, string> = {
  HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512',
};

function bytesOf(value: unknown, charset: unknown, method: string): Uint8Array {
  if (typeof value === 'string') {
    return charset === 'US_ASCII' ? new Uint8Array(Buffer.from(value, 'latin1')) : utf8(value);
  }
  if (Array.isArray(value)) return fromBytes(value as number[]);
  throw signatureError(method, [value]);
}

/**
 * printf-like formatting (java.lang.String.format subset): %s %d %i %f %e %x %o %c %b %%, with flags "-", "0",
 * "+", " " and width/precision.
 */
export function formatString(template: string, args: readonly unknown[]): string {
  let argi = 0;
  return String(template).replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifeExXocb%n])/g, (whole, flags: string, width, prec, conv: string) => {
    if (conv === '%') return '%';
    if (conv === 'n') return '\n';
    if (argi >= args.length) throw gasError(`Format specifier '${whole}' has no argument`);
    const arg = args[argi++];
    let s: string;
    const num = Number(arg);
    switch (conv) {
      case 's': s = prec !== undefined ? String(arg).slice(0, Number(prec)) : String(arg); break;
      case 'b': s = String(arg !== null && arg !== undefined && arg !== false); break;
      case 'c': s = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0); break;
      case 'd': case 'i': s = String(Math.trunc(num)); break;
      case 'f': s = num.toFixed(prec !== undefined ? Number(prec) : 6); break;
      case 'e': case 'E': s = num.toExponential(prec !== undefined ? Number(prec) : 6); if (conv === 'E') s = s.toUpperCase(); break;
      case 'x': case 'X': s = Math.trunc(num).toString(16); if (conv === 'X') s = s.toUpperCase(); break;
      default: s = Math.trunc(num).toString(8); break;
    }
    if ('dfieExXo'.includes(conv) && Number.isFinite(num)) {
      if (flags.includes('+') && num >= 0) s = '+' + s;
      else if (flags.includes(' ') && num >= 0) s = ' ' + s;
    }
    const w = width !== undefined ? Number(width) : 0;
    if (s.length < w) {
      if (flags.includes('-')) s = s.padEnd(w);
      else if (flags.includes('0') && 'dfieExXo'.includes(conv)) {
        const sign = /^[+\- ]/.test(s) ? s[0] : '';
        s = sign + s.slice(sign.length).padStart(w - sign.length, '0');
      } else s = s.padStart(w);
    }
    return s;
  });
}

export class FakeUtilities {
  readonly __className = 'Utilities';
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;

  constructor(private readonly _env: FakeEnv) {}

  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.formatDate', [date, timeZone, format]);
    }
    if (Number.isNaN(date.getTime())) throw gasError('Invalid argument: date');
    return formatJavaDate(date, timeZone, format);
  }

  parseDate(date: unknown, timeZone: unknown, format: unknown): Date {
    if (typeof date !== 'string' || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.parseDate', [date, timeZone, format]);
    }
    return parseJavaDate(date, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string { return formatString(template, args); }

  getUuid(): string { return randomUUID(); }

  /** No real wait: the fake clock moves, so timeouts and cache expiry follow. */
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!(ms >= 0)) throw gasError('Invalid argument: milliseconds');
    this._env.setNow(new Date(this._env.now().getTime() + ms));
  }

  newBlob(data: unknown, contentType?: string, name?: string): FakeBlob {
    if (typeof data !== 'string' && !Array.isArray(data)) throw signatureError('Utilities.newBlob', [data]);
    return newBlob(data as string | number[], contentType, name);
  }

  base64Encode(data: unknown, charset?: unknown): string {
    return Buffer.from(bytesOf(data, charset, 'Utilities.base64Encode')).toString('base64');
  }
  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    // Java's URL-safe encoder keeps the padding, unlike Node's base64url.
    return this.base64Encode(data, charset).replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string, _charset?: unknown): number[] {
    if (typeof encoded !== 'string') throw signatureError('Utilities.base64Decode', [encoded]);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded.replace(/\s/g, ''))) throw gasError('Could not decode string.');
    return toSignedBytes(new Uint8Array(Buffer.from(encoded, 'base64')));
  }
  base64DecodeWebSafe(encoded: string, charset?: unknown): number[] {
    if (typeof encoded !== 'string') throw signatureError('Utilities.base64DecodeWebSafe', [encoded]);
    return this.base64Decode(encoded.replace(/-/g, '+').replace(/_/g, '/'), charset);
  }

  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
    if (!isMember(DigestAlgorithm, algorithm)) throw signatureError('Utilities.computeDigest', [algorithm, value]);
    const alg = DIGESTS[algorithm];
    if (!alg) throw gasError(`not supported by the local runtime: Utilities.computeDigest(${algorithm})`);
    return toSignedBytes(new Uint8Array(createHash(alg).update(bytesOf(value, charset, 'Utilities.computeDigest')).digest()));
  }

  computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): number[] {
    if (!isMember(MacAlgorithm, algorithm)) throw signatureError('Utilities.computeHmacSignature', [algorithm, value, key]);
    const mac = createHmac(HMACS[algorithm], bytesOf(key, charset, 'Utilities.computeHmacSignature'));
    return toSignedBytes(new Uint8Array(mac.update(bytesOf(value, charset, 'Utilities.computeHmacSignature')).digest()));
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    return this.computeHmacSignature('HMAC_SHA_256', value, key, charset);
  }

  jsonParse(jsonString: string): unknown { return JSON.parse(jsonString); }
  jsonStringify(obj: unknown): string { return JSON.stringify(obj); }

}

export function createUtilities(env: FakeEnv): FakeUtilities {
  return new FakeUtilities(env);
}
