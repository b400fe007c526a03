// Logger: records every message (with the fake time) so tests can read what the add-on logged.
import type { FakeEnv } from '../env';
import { formatString } from './utilities';

export interface LogEntry { time: Date; message: string }

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return String(v);
  if (Object.prototype.toString.call(v) === '[object Date]') return (v as Date).toString();
  if (typeof v === 'object') {
    try { return JSON.stringify(v); } catch { return String(v); }
  }
  return String(v);
}

export class FakeLogger {
  readonly __className = 'Logger';
  readonly _entries: LogEntry[] = [];
  constructor(private readonly _env: FakeEnv) {}

  /** log(data) or log(format, ...values) with formatString placeholders. */
  log(data: unknown, ...values: unknown[]): FakeLogger {
    const message = values.length && typeof data === 'string' ? formatString(data, values) : show(data);
    this._entries.push({ time: this._env.now(), message });
    return this;
  }
  getLog(): string { return this._entries.map((e) => e.message).join('\n'); }
  clear(): void { this._entries.length = 0; }
}

export function createLogger(env: FakeEnv): FakeLogger {
  return new FakeLogger(env);
}
