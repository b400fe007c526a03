// PropertiesService with the documented limits (9 KB per value, 500 KB per store) and the AuthMode rule:
// in AuthMode.NONE (onOpen of an add-on not yet used in this file) properties are out of reach.
import type { FakeEnv } from '../env';
import { documentIdOf, type ServiceOptions } from './context';
import { gasError, requireMode } from './errors';

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;
const QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Every store of one script: script-wide, per user, per document. Shared so tests can switch users. */
export class PropertyStores {
  readonly script = new Map<string, string>();
  readonly user = new Map<string, Map<string, string>>();
  readonly document = new Map<string, Map<string, string>>();

  userStore(email: string): Map<string, string> { return getOrCreate(this.user, email); }
  documentStore(id: string): Map<string, string> { return getOrCreate(this.document, id); }
}

function getOrCreate<K, V>(m: Map<K, Map<string, V>>, k: K): Map<string, V> {
  let v = m.get(k);
  if (!v) { v = new Map(); m.set(k, v); }
  return v;
}

export class FakeProperties {
  readonly __className = 'Properties';
  constructor(private readonly _env: FakeEnv, readonly _store: Map<string, string>) {}

  private _check(method: string): void {
    requireMode(this._env, `Properties.${method}`, ['LIMITED', 'CUSTOM_FUNCTION', 'FULL']);
  }

  private _size(m: Map<string, string>): number {
    let n = 0;
    for (const [k, v] of m) n += bytes(k) + bytes(v);
    return n;
  }

  /** Validate the store as it would be after writing `entries`, then write them. */
  private _write(entries: [string, string][], clearFirst: boolean): void {
    for (const [, v] of entries) if (bytes(v) > PROPERTY_VALUE_LIMIT) throw gasError('Argument too large: value');
    const next = new Map(clearFirst ? [] : this._store);
    for (const [k, v] of entries) next.set(k, v);
    if (this._size(next) > PROPERTY_STORE_LIMIT) throw gasError(QUOTA);
    if (clearFirst) this._store.clear();
    for (const [k, v] of entries) this._store.set(k, v);
  }

  getProperty(key: string): string | null {
    this._check('getProperty');
    return this._store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): FakeProperties {
    this._check('setProperty');
    if (key === null || key === undefined || key === '') throw gasError('Invalid argument: key');
    this._write([[String(key), String(value)]], false);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): FakeProperties {
    this._check('setProperties');
    if (!properties || typeof properties !== 'object') throw gasError('Invalid argument: properties');
    this._write(Object.entries(properties).map(([k, v]) => [k, String(v)]), Boolean(deleteAllOthers));
    return this;
  }

  getProperties(): Record<string, string> {
    this._check('getProperties');
    return Object.fromEntries(this._store);
  }

  getKeys(): string[] {
    this._check('getKeys');
    return [...this._store.keys()];
  }

  deleteProperty(key: string): FakeProperties {
    this._check('deleteProperty');
    this._store.delete(String(key));
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this._check('deleteAllProperties');
    this._store.clear();
    return this;
  }
}

export class FakePropertiesService {
  readonly __className = 'PropertiesService';
  constructor(private readonly _env: FakeEnv, readonly _stores: PropertyStores, private readonly _opts: ServiceOptions) {}

  private _check(method: string): void {
    requireMode(this._env, `PropertiesService.${method}`, ['LIMITED', 'CUSTOM_FUNCTION', 'FULL']);
  }

  getScriptProperties(): FakeProperties {
    this._check('getScriptProperties');
    return new FakeProperties(this._env, this._stores.script);
  }

  getUserProperties(): FakeProperties {
    this._check('getUserProperties');
    return new FakeProperties(this._env, this._stores.userStore(this._env.userEmail));
  }

  /** Null outside a document, as in a standalone script. */
  getDocumentProperties(): FakeProperties | null {
    this._check('getDocumentProperties');
    const id = documentIdOf(this._opts);
    return id === null ? null : new FakeProperties(this._env, this._stores.documentStore(id));
  }
}

export function createPropertiesService(env: FakeEnv, opts: ServiceOptions = {}, stores = new PropertyStores()): FakePropertiesService {
  return new FakePropertiesService(env, stores, opts);
}
