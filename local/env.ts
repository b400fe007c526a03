// State shared by every fake service of one local Apps Script runtime (one per test).
import { CallCounter } from './counter';

export type AuthModeName = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

/** Where the code is running: decides what getUi(), getActiveSpreadsheet() and the document lock return. */
export type ExecutionContext = 'editor' | 'trigger' | 'custom-function';

export interface FakeEnv {
  counter: CallCounter;
  /** The clock every fake uses (Session, Utilities, triggers, "now" in logs). Tests move it. */
  now(): Date;
  setNow(d: Date): void;
  /** Script and spreadsheet time zone. */
  timeZone: string;
  authMode: AuthModeName;
  context: ExecutionContext;
  userEmail: string;
}

export function createEnv(opts: Partial<Pick<FakeEnv, 'timeZone' | 'authMode' | 'context' | 'userEmail'>> & { now?: Date } = {}): FakeEnv {
  let now = opts.now ?? new Date('2024-03-01T09:00:00+03:00');
  return {
    counter: new CallCounter(),
    now: () => new Date(now.getTime()),
    setNow: (d) => { now = new Date(d.getTime()); },
    timeZone: opts.timeZone ?? 'Europe/Moscow',
    authMode: opts.authMode ?? 'FULL',
    context: opts.context ?? 'editor',
    userEmail: opts.userEmail ?? 'coordinator@example.org',
  };
}
