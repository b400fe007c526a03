// CacheService with the documented limits: 250-character keys, 100 KB values, expiry 600 s by default and at most
// 21,600 s, at most 1,000 items (oldest evicted). Expiry follows env.now(), so tests move the clock.
import type { FakeEnv } from '../env';
import { documentIdOf, type ServiceOptions } from './context';
import { gasError, requireMode } from './errors';

export const CACHE_KEY_LIMIT = 250;
export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21600;
export const CACHE_MAX_ITEMS = 1000;

interface Entry { value: string; expires: number }

export class CacheStores {
  readonly script = new Map<string, Entry>();
  readonly user = new Map<string, Map<string, Entry>>();
  readonly document = new Map<string, Map<string, Entry>>();
}

function getOrCreate(m: Map<string, Map<string, Entry>>, k: string): Map<string, Entry> {
  let v = m.get(k);
  if (!v) { v = new Map(); m.set(k, v); }
  return v;
}

export class FakeCache {
  readonly __className = 'Cache';
  constructor(private readonly _env: FakeEnv, readonly _entries: Map<string, Entry>) {}

  private _check(method: string): void {
    requireMode(this._env, `Cache.${method}`, ['LIMITED', 'CUSTOM_FUNCTION', 'FULL']);
  }

  private _key(key: unknown): string {
    const k = String(key);
    if (k.length > CACHE_KEY_LIMIT) throw gasError('Argument too large: key');
    return k;
  }

  private _live(key: string): Entry | undefined {
    const e = this._entries.get(key);
    if (e && e.expires <= this._env.now().getTime()) {
      this._entries.delete(key);
      return undefined;
    }
    return e;
  }

  private _put(key: string, value: unknown, seconds?: number): void {
    const v = String(value);
    if (Buffer.byteLength(v, 'utf8') > CACHE_VALUE_LIMIT) throw gasError('Argument too large: value');
    const s = seconds === undefined || seconds === null ? CACHE_DEFAULT_SECONDS : Number(seconds);
    if (!(s >= 1)) throw gasError('Invalid argument: expirationInSeconds');
    // The documented maximum: longer requests keep the value for six hours at most.
    const ttl = Math.min(s, CACHE_MAX_SECONDS);
    this._entries.delete(key);
    this._entries.set(key, { value: v, expires: this._env.now().getTime() + ttl * 1000 });
    while (this._entries.size > CACHE_MAX_ITEMS) this._entries.delete(this._entries.keys().next().value as string);
  }

  get(key: string): string | null {
    this._check('get');
    return this._live(this._key(key))?.value ?? null;
  }

  getAll(keys: string[]): Record<string, string> {
    this._check('getAll');
    if (!Array.isArray(keys)) throw gasError('Invalid argument: keys');
    const out: Record<string, string> = {};
    for (const k of keys) {
      const e = this._live(this._key(k));
      if (e) out[String(k)] = e.value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this._check('put');
    this._put(this._key(key), value, expirationInSeconds);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    this._check('putAll');
    if (!values || typeof values !== 'object') throw gasError('Invalid argument: values');
    const entries = Object.entries(values).map(([k, v]) => [this._key(k), v] as const);
    for (const [, v] of entries) if (Buffer.byteLength(String(v), 'utf8') > CACHE_VALUE_LIMIT) throw gasError('Argument too large: value');
    for (const [k, v] of entries) this._put(k, v, expirationInSeconds);
  }

  remove(key: string): void {
    this._check('remove');
    this._entries.delete(this._key(key));
  }

  removeAll(keys: string[]): void {
    this._check('removeAll');
    if (!Array.isArray(keys)) throw gasError('Invalid argument: keys');
    for (const k of keys) this._entries.delete(this._key(k));
  }
}

export class FakeCacheService {
  readonly __className = 'CacheService';
  constructor(private readonly _env: FakeEnv, readonly _stores: CacheStores, private readonly _opts: ServiceOptions) {}

  private _check(method: string): void {
    requireMode(this._env, `CacheService.${method}`, ['LIMITED', 'CUSTOM_FUNCTION', 'FULL']);
  }

  getScriptCache(): FakeCache {
    this._check('getScriptCache');
    return new FakeCache(this._env, this._stores.script);
  }
  getUserCache(): FakeCache {
    this._check('getUserCache');
    return new FakeCache(this._env, getOrCreate(this._stores.user, this._env.userEmail));
  }
  /** Null outside a document. */
  getDocumentCache(): FakeCache | null {
    this._check('getDocumentCache');
    const id = documentIdOf(this._opts);
    return id === null ? null : new FakeCache(this._env, getOrCreate(this._stores.document, id));
  }
}

export function createCacheService(env: FakeEnv, opts: ServiceOptions = {}, stores = new CacheStores()): FakeCacheService {
  return new FakeCacheService(env, stores, opts);
}
