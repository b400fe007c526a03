// LockService. The registry models who holds each lock: this execution, or another one a test pretends is
// running (`_holdBy`). Waiting advances the fake clock instead of sleeping, and succeeds if the other holder
// lets go within the timeout.
import type { FakeEnv } from '../env';
import { documentIdOf, type ServiceOptions } from './context';
import { gasError, requireMode } from './errors';

export type LockScope = 'script' | 'user' | 'document';
const SELF = 'this execution';

interface Hold { owner: string; releaseAt: number | null }

export class LockRegistry {
  readonly holds = new Map<string, Hold>();

  constructor(private readonly env: FakeEnv, private readonly opts: ServiceOptions = {}) {}

  /** The registry key of a lock scope for the current user and document. */
  _key(scope: LockScope): string {
    if (scope === 'user') return `user:${this.env.userEmail}`;
    if (scope === 'document') return `document:${documentIdOf(this.opts)}`;
    return 'script';
  }

  /** Test hook: another execution takes the lock, optionally letting it go after `releaseAfterMs` of fake time. */
  _holdBy(scope: LockScope, owner = 'another execution', releaseAfterMs?: number): void {
    this.holds.set(this._key(scope), {
      owner,
      releaseAt: releaseAfterMs === undefined ? null : this.env.now().getTime() + releaseAfterMs,
    });
  }

  /** Test hook: whoever holds the lock lets go. */
  _release(scope: LockScope): void { this.holds.delete(this._key(scope)); }

  /** Apps Script releases an execution's locks when it ends. */
  _endExecution(): void {
    for (const [k, h] of this.holds) if (h.owner === SELF) this.holds.delete(k);
  }

  _holder(key: string): string | null {
    const h = this.holds.get(key);
    if (!h) return null;
    if (h.releaseAt !== null && h.releaseAt <= this.env.now().getTime()) {
      this.holds.delete(key);
      return null;
    }
    return h.owner;
  }

  /** Try to take the lock within `timeoutMs` of fake time. */
  _acquire(key: string, timeoutMs: number): boolean {
    const holder = this._holder(key);
    if (holder === null || holder === SELF) {
      this.holds.set(key, { owner: SELF, releaseAt: null });
      return true;
    }
    const h = this.holds.get(key)!;
    const now = this.env.now().getTime();
    if (h.releaseAt !== null && h.releaseAt <= now + timeoutMs) {
      this.env.setNow(new Date(h.releaseAt));
      this.holds.set(key, { owner: SELF, releaseAt: null });
      return true;
    }
    this.env.setNow(new Date(now + timeoutMs));
    return false;
  }

  _isMine(key: string): boolean { return this._holder(key) === SELF; }
  _releaseMine(key: string): void { if (this._isMine(key)) this.holds.delete(key); }
}

function timeoutArg(ms: unknown): number {
  const n = Number(ms);
  if (!(n >= 0) || !Number.isFinite(n)) throw gasError('Invalid argument: timeoutInMillis');
  return n;
}

export class FakeLock {
  readonly __className = 'Lock';
  constructor(private readonly _env: FakeEnv, readonly _registry: LockRegistry, readonly _key: string) {}

  private _check(method: string): void {
    requireMode(this._env, `Lock.${method}`, ['LIMITED', 'CUSTOM_FUNCTION', 'FULL']);
  }

  tryLock(timeoutInMillis: number): boolean {
    this._check('tryLock');
    return this._registry._acquire(this._key, timeoutArg(timeoutInMillis));
  }

  waitLock(timeoutInMillis: number): void {
    this._check('waitLock');
    if (!this._registry._acquire(this._key, timeoutArg(timeoutInMillis))) {
      throw gasError('Lock timeout: another process was holding the lock for too long.');
    }
  }

  hasLock(): boolean { return this._registry._isMine(this._key); }
  releaseLock(): void { this._registry._releaseMine(this._key); }
}

export class FakeLockService {
  readonly __className = 'LockService';
  constructor(private readonly _env: FakeEnv, readonly _registry: LockRegistry, private readonly _opts: ServiceOptions) {}

  private _check(method: string): void {
    requireMode(this._env, `LockService.${method}`, ['LIMITED', 'CUSTOM_FUNCTION', 'FULL']);
  }

  getScriptLock(): FakeLock {
    this._check('getScriptLock');
    return new FakeLock(this._env, this._registry, this._registry._key('script'));
  }
  getUserLock(): FakeLock {
    this._check('getUserLock');
    return new FakeLock(this._env, this._registry, this._registry._key('user'));
  }
  /** Null where there is no containing document; reported for clock triggers of add-ons (APPS_SCRIPT.md section 7). */
  getDocumentLock(): FakeLock | null {
    this._check('getDocumentLock');
    if (this._env.context === 'trigger' || documentIdOf(this._opts) === null) return null;
    return new FakeLock(this._env, this._registry, this._registry._key('document'));
  }
}

export function createLockService(env: FakeEnv, opts: ServiceOptions = {}, registry = new LockRegistry(env, opts)): FakeLockService {
  return new FakeLockService(env, registry, opts);
}
