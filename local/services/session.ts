// Session. Outside AuthMode.FULL the user's e-mail is not available ("user data: locale only" in the add-on
// AuthMode table), so it reads as an empty string, as Apps Script returns it.
import { createHash } from 'node:crypto';
import type { FakeEnv } from '../env';
import type { ServiceOptions } from './context';

export class FakeUser {
  readonly __className = 'User';
  constructor(private readonly _email: string) {}
  getEmail(): string { return this._email; }
}

export class FakeSession {
  readonly __className = 'Session';
  constructor(private readonly _env: FakeEnv, private readonly _opts: ServiceOptions) {}

  private _email(): string { return this._env.authMode === 'FULL' ? this._env.userEmail : ''; }

  getActiveUser(): FakeUser { return new FakeUser(this._email()); }
  getEffectiveUser(): FakeUser { return new FakeUser(this._email()); }
  getScriptTimeZone(): string { return this._env.timeZone; }
  getActiveUserLocale(): string { return this._opts.locale ?? 'ru'; }
  /** Stable per user and script, and not the e-mail itself. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`${this._opts.scriptId ?? 'local-script-id'}:${this._env.userEmail}`).digest('base64').slice(0, 43);
  }
}

export function createSession(env: FakeEnv, opts: ServiceOptions = {}): FakeSession {
  return new FakeSession(env, opts);
}
