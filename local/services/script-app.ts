// ScriptApp: installable triggers kept in a registry the runtime can fire, with the editor add-on rules
// (APPS_SCRIPT.md sections 1 and 3): one trigger of each event type per user per document, clock triggers no more
// often than hourly, 20 triggers per user per script; plus AuthMode/authorization info.
import { raw } from '../counter';
import type { FakeEnv } from '../env';
import { documentIdOf, type ServiceOptions } from './context';
import {
  AuthMode, AuthorizationStatus, EventType, InstallationSource, TriggerSource, Weekday, isMember,
  type EventTypeName, type TriggerSourceName,
} from './enums';
import { gasError, isDate, requireMode, SCOPES, signatureError } from './errors';
import { IdSource } from './ids';

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  /** One-off: the time it fires. */
  at?: Date;
  timeZone?: string;
}

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  /** The spreadsheet id for spreadsheet triggers, null for clock triggers. */
  sourceId: string | null;
  /** The document the add-on created it in (the one-per-document rule keys on it). */
  documentId: string | null;
  user: string;
  clock?: ClockSchedule;
  created: Date;
}

export class TriggerRegistry {
  readonly triggers: TriggerRecord[] = [];
  readonly ids = new IdSource('triggers');

  /** Handler names of the current triggers, for assertions. */
  handlers(): string[] { return this.triggers.map((t) => t.handler); }
  /** Clock triggers, the ones a runtime fires on a schedule. */
  clockTriggers(): TriggerRecord[] { return this.triggers.filter((t) => t.eventType === 'CLOCK'); }
}

const MAX_TRIGGERS_PER_USER = 20;
const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

export class FakeTrigger {
  readonly __className = 'Trigger';
  constructor(readonly _record: TriggerRecord) {}
  getUniqueId(): string { return this._record.id; }
  getHandlerFunction(): string { return this._record.handler; }
  getEventType(): EventTypeName { return this._record.eventType; }
  getTriggerSource(): TriggerSourceName { return this._record.source; }
  getTriggerSourceId(): string | null { return this._record.sourceId; }
}

class Creator {
  constructor(readonly env: FakeEnv, readonly registry: TriggerRegistry, readonly opts: ServiceOptions, readonly handler: string) {}

  create(init: Omit<TriggerRecord, 'id' | 'handler' | 'documentId' | 'user' | 'created'>): FakeTrigger {
    requireMode(this.env, 'ScriptApp.newTrigger', ['FULL'], SCOPES.scriptapp);
    const user = this.env.userEmail;
    const documentId = documentIdOf(this.opts);
    const mine = this.registry.triggers.filter((t) => t.user === user);
    if (mine.length >= MAX_TRIGGERS_PER_USER) {
      throw gasError('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    if (init.source === 'SPREADSHEETS' && documentId !== null && init.sourceId !== documentId) {
      // [M] add-on triggers only for the file the add-on is used in; the wording is ours.
      throw gasError('Add-on triggers can only be created for the document the add-on is used in.');
    }
    if (mine.some((t) => t.documentId === documentId && t.eventType === init.eventType)) {
      // Seen in the wild for clock triggers (ljay79/jira-tools#53); other types use the same wording.
      const kind = init.eventType === 'CLOCK' ? 'time-based' : init.eventType.toLowerCase().replace(/_/g, '-');
      throw gasError(`This add-on has created too many ${kind} triggers in this document for this Google user account.`);
    }
    const record: TriggerRecord = { ...init, id: this.registry.ids.numericId(), handler: this.handler, documentId, user, created: this.env.now() };
    this.registry.triggers.push(record);
    return new FakeTrigger(record);
  }
}

export class FakeClockTriggerBuilder {
  readonly __className = 'ClockTriggerBuilder';
  readonly _schedule: ClockSchedule = {};
  constructor(private readonly _creator: Creator) {}

  private _int(v: unknown, method: string, ok: (n: number) => boolean): number {
    const n = Number(v);
    if (!Number.isInteger(n) || !ok(n)) throw gasError(`Invalid argument: ${method}`);
    return n;
  }

  everyMinutes(n: number): this { this._schedule.everyMinutes = this._int(n, 'minutes', (x) => EVERY_MINUTES.includes(x)); return this; }
  everyHours(n: number): this { this._schedule.everyHours = this._int(n, 'hours', (x) => EVERY_HOURS.includes(x)); return this; }
  everyDays(n: number): this { this._schedule.everyDays = this._int(n, 'days', (x) => x >= 1); return this; }
  everyWeeks(n: number): this { this._schedule.everyWeeks = this._int(n, 'weeks', (x) => x >= 1); return this; }
  atHour(hour: number): this { this._schedule.atHour = this._int(hour, 'hour', (x) => x >= 0 && x <= 23); return this; }
  nearMinute(minute: number): this { this._schedule.nearMinute = this._int(minute, 'minute', (x) => x >= 0 && x <= 59); return this; }
  onMonthDay(day: number): this { this._schedule.onMonthDay = this._int(day, 'day', (x) => x >= 1 && x <= 31); return this; }
  onWeekDay(day: unknown): this {
    if (!isMember(Weekday, day)) throw signatureError('ScriptApp.ClockTriggerBuilder.onWeekDay', [day]);
    this._schedule.onWeekDay = day;
    return this;
  }
  inTimezone(timezone: string): this { this._schedule.timeZone = String(timezone); return this; }
  after(durationMilliseconds: number): this {
    const ms = this._int(durationMilliseconds, 'durationMilliseconds', (x) => x >= 0);
    this._schedule.at = new Date(this._creator.env.now().getTime() + ms);
    return this;
  }
  at(date: unknown): this {
    if (!isDate(date)) throw signatureError('ScriptApp.ClockTriggerBuilder.at', [date]);
    this._schedule.at = new Date(date.getTime());
    return this;
  }
  atDate(year: number, month: number, day: number): this {
    // Midnight in the script time zone is close enough for a schedule the runtime fires by day.
    this._schedule.at = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    return this;
  }

  create(): FakeTrigger {
    const s = this._schedule;
    const recurring = [s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks].filter((v) => v !== undefined).length;
    if (recurring === 0 && !s.at) throw gasError('Missing recurrence: call everyDays(), everyHours(), everyWeeks(), at() or after() before create().');
    if (s.everyMinutes !== undefined) {
      // The add-on limit, as Apps Script words it (ttsukagoshi/mail-merge-for-gmail#165).
      throw gasError('The recurrence interval for an Add-on trigger must be at least one hour.');
    }
    if ((s.atHour !== undefined || s.nearMinute !== undefined) && s.everyDays === undefined && s.everyWeeks === undefined) {
      throw gasError('atHour() and nearMinute() need everyDays() or everyWeeks().');
    }
    return this._creator.create({ eventType: 'CLOCK', source: 'CLOCK', sourceId: null, clock: { ...s } });
  }
}

export class FakeSpreadsheetTriggerBuilder {
  readonly __className = 'SpreadsheetTriggerBuilder';
  private _event: EventTypeName | null = null;
  constructor(private readonly _creator: Creator, private readonly _sourceId: string) {}

  onOpen(): this { this._event = 'ON_OPEN'; return this; }
  onEdit(): this { this._event = 'ON_EDIT'; return this; }
  onChange(): this { this._event = 'ON_CHANGE'; return this; }
  onFormSubmit(): this { this._event = 'ON_FORM_SUBMIT'; return this; }

  create(): FakeTrigger {
    if (!this._event) throw gasError('Missing event type: call onOpen(), onEdit(), onChange() or onFormSubmit() before create().');
    return this._creator.create({ eventType: this._event, source: 'SPREADSHEETS', sourceId: this._sourceId });
  }
}

export class FakeTriggerBuilder {
  readonly __className = 'TriggerBuilder';
  constructor(private readonly _creator: Creator) {}

  timeBased(): FakeClockTriggerBuilder { return new FakeClockTriggerBuilder(this._creator); }

  forSpreadsheet(sheetOrKey: unknown): FakeSpreadsheetTriggerBuilder {
    return new FakeSpreadsheetTriggerBuilder(this._creator, idOf(sheetOrKey, 'ScriptApp.TriggerBuilder.forSpreadsheet'));
  }
}

/** A spreadsheet (fake of another module, maybe a counted proxy) or its id. */
function idOf(x: unknown, method: string): string {
  if (typeof x === 'string') return x;
  if (x && typeof x === 'object') {
    const r = raw(x as object) as { getId?: () => unknown };
    if (typeof r.getId === 'function') return String(r.getId());
  }
  throw signatureError(method, [x]);
}

export class FakeAuthorizationInfo {
  readonly __className = 'AuthorizationInfo';
  constructor(private readonly _required: boolean, private readonly _scriptId: string) {}
  getAuthorizationStatus(): string { return this._required ? 'REQUIRED' : 'NOT_REQUIRED'; }
  getAuthorizationUrl(): string | null {
    return this._required ? `https://script.google.com/macros/d/${this._scriptId}/authorize` : null;
  }
}

export class FakeScriptApp {
  readonly __className = 'ScriptApp';
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly InstallationSource = InstallationSource;
  readonly WeekDay = Weekday;
  /** Test hook: pretend an update added scopes the user has not granted yet. */
  _authorizationRequired = false;

  constructor(private readonly _env: FakeEnv, readonly _registry: TriggerRegistry, private readonly _opts: ServiceOptions) {}

  private _scriptId(): string { return this._opts.scriptId ?? 'local-script-id'; }

  newTrigger(functionName: string): FakeTriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '') throw signatureError('ScriptApp.newTrigger', [functionName]);
    return new FakeTriggerBuilder(new Creator(this._env, this._registry, this._opts, functionName));
  }

  /** The current user's triggers of this add-on, in every document. */
  getProjectTriggers(): FakeTrigger[] {
    requireMode(this._env, 'ScriptApp.getProjectTriggers', ['FULL'], SCOPES.scriptapp);
    return this._registry.triggers.filter((t) => t.user === this._env.userEmail).map((t) => new FakeTrigger(t));
  }

  /** The current user's triggers of this add-on in one spreadsheet. */
  getUserTriggers(spreadsheet: unknown): FakeTrigger[] {
    requireMode(this._env, 'ScriptApp.getUserTriggers', ['FULL'], SCOPES.scriptapp);
    const id = idOf(spreadsheet, 'ScriptApp.getUserTriggers');
    return this._registry.triggers
      .filter((t) => t.user === this._env.userEmail && (t.documentId === id || t.sourceId === id))
      .map((t) => new FakeTrigger(t));
  }

  deleteTrigger(trigger: unknown): void {
    const r = trigger && typeof trigger === 'object' ? raw(trigger as object) : null;
    if (!(r instanceof FakeTrigger)) throw signatureError('ScriptApp.deleteTrigger', [trigger]);
    const i = this._registry.triggers.findIndex((t) => t.id === r._record.id);
    if (i >= 0) this._registry.triggers.splice(i, 1);
  }

  getAuthorizationInfo(authMode: unknown): FakeAuthorizationInfo {
    if (!isMember(AuthMode, authMode)) throw signatureError('ScriptApp.getAuthorizationInfo', [authMode]);
    return new FakeAuthorizationInfo(this._authorizationRequired, this._scriptId());
  }

  getScriptId(): string { return this._scriptId(); }
  getOAuthToken(): string { return 'ya29.local-runtime-token'; }
  getInstallationSource(): string { return 'NONE'; }
}

export function createScriptApp(env: FakeEnv, opts: ServiceOptions = {}, registry = new TriggerRegistry()): FakeScriptApp {
  return new FakeScriptApp(env, registry, opts);
}
