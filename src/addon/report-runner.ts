// Reports on schedule: one daily clock trigger finds the rows of «Расписание отчётов» that are due, builds
// each document with the generator registered for its kind, and records the outcome in the schedule and in
// «Журнал отчётов». The same path serves «Сформировать справку сейчас».
//
// Why it is safe to run again (APPS_SCRIPT.md §2, §3, §7):
// - Idempotent: a row becomes «сформирован» (with its link) right after its document is made, one row at a time,
//   so a second run the same day finds nothing due, and a run killed half-way keeps what it made.
// - Resumable without a cursor: the state lives in the schedule sheet. A run stops starting new reports after
//   the time budget (5 of the 6 minutes Apps Script allows); the rest stay «ожидает» and the next run — the
//   next day's trigger or the menu item — picks them up. A one-off continuation trigger is not an option: an
//   add-on may have one clock trigger per user per document, and that one is the daily trigger.
// - Exclusive: the document lock where there is one (menu, sidebar), the user lock in a clock trigger (where
//   the document lock is null); because those two do not exclude each other, the run also claims a «running»
//   mark in the document's properties under the lock, which expires after the longest possible execution.
// - Visible: every run and every report is a row of the log; failures are also kept in document properties
//   until someone looks at them (checkReportFailures / acknowledgeReportFailures), because a clock trigger
//   can show no UI and add-on triggers send no failure e-mails.
import { formatRuDate } from '../domain/iso-date';
import type { ReportDocument } from '../domain/report-doc';
import {
  completeSchedule, driveIdFromLink, dueRecords, isAnonymised, mergeSchedule, normaliseState, REPORT_SOURCE,
  REPORT_STATE, ROADMAP_SUMMARY_KIND, scheduleFromRoadmap, unreadableDates, YES, NO, type ScheduleRecord,
} from '../domain/report-schedule';
import { roadmapSummaryReport } from '../domain/roadmap-summary-report';
import type { TrackerRecord } from '../domain/tracker';
import type { IsoDate, Period } from '../domain/types';
import { renderReport } from '../docs/render-doc';
import { LOG_STATUS, markScheduleRow, readSchedule, ReportLog, writeSchedule, type ScheduleRead } from '../sheets/report-sheets';
import { readRoadmapSheet } from '../sheets/roadmap-sheet';
import { loadRoadmapMeta } from '../sheets/roadmap-meta';
import { REPORT_SHEETS, SHEETS } from '../sheets/schema';
import { refreshRoadmapData } from './calendar';
import { activeSpreadsheet, today, UserError } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Properties = GoogleAppsScript.Properties.Properties;

export const REPORT_TRIGGER_HANDLER = 'runScheduledReports';
/** Hour (script time zone) the daily trigger is asked for; Apps Script fires it within that hour. */
export const REPORT_TRIGGER_HOUR = 7;
export const LAUNCH = { scheduled: 'по расписанию', manual: 'вручную' } as const;
export type Launch = (typeof LAUNCH)[keyof typeof LAUNCH];

const SPREADSHEET_KEY = 'nastavnik.reports.spreadsheetId';
const TRIGGER_KEY_PREFIX = 'nastavnik.reports.trigger.';
const FAILURES_KEY = 'nastavnik.reports.failures';
const RUNNING_KEY = 'nastavnik.reports.running';
const DEFAULT_BUDGET_MS = 5 * 60 * 1000;
const LOCK_WAIT_MS = 10 * 1000;
/** Longer than any execution may last (6 min): a mark older than this was left by a run that was killed. */
const RUNNING_STALE_MS = 7 * 60 * 1000;
// Failures are kept small: a property value holds 9 KB, and Cyrillic takes two bytes a character.
const MAX_FAILURES = 10;
const MAX_FAILURE_MESSAGE = 200;

// ------------------------------------------------------------------------------------------- report kinds

export interface RoadmapData {
  /** False when the workbook has no «Дорожная карта» sheet yet. */
  exists: boolean;
  records: TrackerRecord[];
  period: Period | null;
  title: string;
}

/** What a report generator gets: the workbook, the date, the schedule row, and the roadmap on demand. */
export interface ReportContext {
  spreadsheet: Spreadsheet;
  /** Today: the date the figures are counted on. */
  asOf: IsoDate;
  /** The schedule row being produced (its date may be earlier than asOf when a run was missed). */
  entry: ScheduleRecord;
  /** Produce the report without personal names. */
  anonymise: boolean;
  /** The tracker's roadmap, read once per run and shared by every report of the run. */
  roadmap(): RoadmapData;
}

export type ReportGenerator = (ctx: ReportContext) => ReportDocument;

interface KindEntry {
  label: string;
  build: ReportGenerator;
}

const KINDS = new Map<string, KindEntry>();
let defaultKind: string = ROADMAP_SUMMARY_KIND;
let budgetMs = DEFAULT_BUDGET_MS;

function kindKey(kind: string): string {
  return kind.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/**
 * Make a kind of report available to the schedule («Вид отчёта»). `isDefault` makes it the kind of
 * «Сформировать справку сейчас» and of new roadmap rows. Registering is pure (a map entry), so modules may do
 * it while the bundle loads.
 */
export function registerReportKind(kind: string, build: ReportGenerator, opts: { isDefault?: boolean } = {}): void {
  const label = kind.replace(/\s+/g, ' ').trim();
  if (!label) throw new Error('registerReportKind: empty kind');
  KINDS.set(kindKey(label), { label, build });
  if (opts.isDefault) defaultKind = label;
}

export function reportKinds(): string[] {
  return [...KINDS.values()].map((k) => k.label);
}

export function defaultReportKind(): string {
  return defaultKind;
}

/** For tests and for a lead that wants a shorter or longer run (milliseconds of work before stopping). */
export function setReportTimeBudget(ms: number): void {
  budgetMs = Math.max(0, Number(ms) || 0);
}

registerReportKind(ROADMAP_SUMMARY_KIND, (ctx) => {
  const roadmap = ctx.roadmap();
  if (!roadmap.exists || roadmap.records.length === 0) {
    throw new UserError(`Лист «${SHEETS.roadmap}» пуст или отсутствует: сначала импортируйте дорожную карту.`);
  }
  return roadmapSummaryReport({ records: roadmap.records, period: roadmap.period, title: roadmap.title, asOf: ctx.asOf, anonymise: ctx.anonymise });
});

// ------------------------------------------------------------------------------------------- properties

function documentProperties(): Properties | null {
  try {
    return PropertiesService.getDocumentProperties();
  } catch {
    return null;
  }
}

/** Document properties; the user's where a trigger reaches no document store, so state is never lost. */
function reportStore(): Properties {
  return documentProperties() ?? PropertiesService.getUserProperties();
}

export interface ReportFailure {
  /** ISO date-time (UTC). */
  at: string;
  /** «05.12.2023 07:02» in the script's time zone, for messages. */
  when: string;
  launch: string;
  code: string;
  kind: string;
  message: string;
}

function parseFailures(raw: string | null): ReportFailure[] {
  if (!raw) return [];
  try {
    const list = JSON.parse(raw) as unknown;
    return Array.isArray(list) ? (list as ReportFailure[]) : [];
  } catch {
    return [];
  }
}

function localTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Remember a failure for the next person who opens the workbook; a later success of the same row clears it. */
function updateFailures(store: Properties, add: ReportFailure[], resolvedCodes: string[]): void {
  if (add.length === 0 && resolvedCodes.length === 0) return;
  const current = parseFailures(store.getProperty(FAILURES_KEY));
  const kept = current.filter((f) => !resolvedCodes.includes(f.code) || f.code === '');
  const next = [...kept, ...add.map((f) => ({ ...f, message: f.message.slice(0, MAX_FAILURE_MESSAGE) }))].slice(-MAX_FAILURES);
  if (next.length === current.length && next.every((f, i) => f === current[i])) return;
  if (next.length === 0) store.deleteProperty(FAILURES_KEY);
  else store.setProperty(FAILURES_KEY, JSON.stringify(next));
}

/**
 * Failures of scheduled or manual report runs since they were last acknowledged, oldest first. Safe in
 * AuthMode.LIMITED (reads document properties only); returns [] where properties are out of reach (NONE).
 * The lead shows them when the workbook opens with FULL/LIMITED auth or when a dialog opens.
 */
export function checkReportFailures(): ReportFailure[] {
  let store: Properties | null = null;
  try {
    store = reportStore();
  } catch {
    return [];
  }
  return parseFailures(store.getProperty(FAILURES_KEY));
}

/** The user has seen the failures: forget them. Returns how many there were. */
export function acknowledgeReportFailures(): number {
  const store = reportStore();
  const n = parseFailures(store.getProperty(FAILURES_KEY)).length;
  store.deleteProperty(FAILURES_KEY);
  return n;
}

// ------------------------------------------------------------------------------------------- the trigger

export interface ReportTriggerInfo {
  /** A new trigger was made now (false: one was already there). */
  created: boolean;
  hour: number;
  /** Extra triggers of the same handler found and removed (left over from older versions). */
  removedDuplicates: number;
}

function triggersOf(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === REPORT_TRIGGER_HANDLER);
}

/**
 * Turn on scheduled reports for this workbook: ONE daily clock trigger per user and document (deduped by
 * handler name), the workbook id stored for the trigger (it has no active spreadsheet), the schedule and the
 * log sheets made if missing. Running it twice changes nothing.
 */
export function installReportTrigger(): ReportTriggerInfo {
  const ss = activeSpreadsheet();
  const id = ss.getId();
  documentProperties()?.setProperty(SPREADSHEET_KEY, id);
  const userProps = PropertiesService.getUserProperties();
  const existing = triggersOf(ss);
  for (const extra of existing.slice(1)) {
    ScriptApp.deleteTrigger(extra);
    userProps.deleteProperty(TRIGGER_KEY_PREFIX + extra.getUniqueId());
  }
  let trigger = existing[0];
  const created = !trigger;
  if (!trigger) {
    try {
      trigger = ScriptApp.newTrigger(REPORT_TRIGGER_HANDLER).timeBased().everyDays(1).atHour(REPORT_TRIGGER_HOUR).create();
    } catch (e) {
      const message = String((e as Error).message ?? e);
      if (/too many/i.test(message)) {
        throw new UserError('В этой таблице уже есть ежедневный запуск другого действия дополнения, а Google разрешает дополнению только один. Отключите его и повторите.');
      }
      throw e;
    }
  }
  // Keyed by the trigger: the fallback when a trigger cannot read the document's properties.
  userProps.setProperty(TRIGGER_KEY_PREFIX + trigger.getUniqueId(), id);
  withRunLock(LAUNCH.manual, () => ensureReportSheets(ss, today()));
  if (created) {
    ReportLog.open(ss).add({
      time: new Date(), launch: LAUNCH.manual, code: '', status: LOG_STATUS.info, link: '',
      message: `Включено формирование отчётов по расписанию: ежедневно около ${REPORT_TRIGGER_HOUR}:00.`,
    });
  }
  return { created, hour: REPORT_TRIGGER_HOUR, removedDuplicates: Math.max(0, existing.length - 1) };
}

/** Turn scheduled reports off for the current user in this workbook. Returns how many triggers were removed. */
export function removeReportTrigger(): number {
  const ss = activeSpreadsheet();
  const userProps = PropertiesService.getUserProperties();
  const triggers = triggersOf(ss);
  for (const t of triggers) {
    ScriptApp.deleteTrigger(t);
    userProps.deleteProperty(TRIGGER_KEY_PREFIX + t.getUniqueId());
  }
  // The spreadsheet id stays in the document's properties: other users' triggers may still need it.
  if (triggers.length > 0) {
    ReportLog.open(ss).add({
      time: new Date(), launch: LAUNCH.manual, code: '', status: LOG_STATUS.info, link: '',
      message: 'Формирование отчётов по расписанию отключено.',
    });
  }
  return triggers.length;
}

function authorizationRequired(): boolean {
  try {
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
  } catch {
    return false;
  }
}

/** The workbook a clock trigger works on: it has no active spreadsheet, so the id stored at installation. */
function triggerSpreadsheet(e?: { triggerUid?: string }): Spreadsheet {
  let active: Spreadsheet | null = null;
  try {
    active = SpreadsheetApp.getActiveSpreadsheet();
  } catch {
    active = null;
  }
  if (active) return active;
  let id = documentProperties()?.getProperty(SPREADSHEET_KEY) ?? null;
  if (!id && e?.triggerUid) id = PropertiesService.getUserProperties().getProperty(TRIGGER_KEY_PREFIX + e.triggerUid);
  if (!id) {
    throw new Error('Наставник: не найдена таблица для формирования отчётов. Включите формирование по расписанию в таблице заново.');
  }
  return SpreadsheetApp.openById(id);
}

export interface ProducedReport {
  code: string;
  kind: string;
  name: string;
  url: string;
}

export interface ReportRunResult {
  launch: string;
  /** Another run was in progress: nothing was done. */
  skipped: boolean;
  produced: ProducedReport[];
  failed: { code: string; kind: string; message: string }[];
  /** Due rows left for the next run because the time budget ran out. */
  remaining: number;
  /** One Russian sentence for a toast or the log. */
  message: string;
}

/** The clock trigger's entry point (also callable from the script editor). */
export function runScheduledReports(e?: { triggerUid?: string }): ReportRunResult | null {
  if (authorizationRequired()) {
    // Nothing else may be called: the first call needing the new scopes would stop the execution.
    try {
      const store = reportStore();
      const now = new Date();
      updateFailures(store, [{
        at: now.toISOString(), when: localTime(now), launch: LAUNCH.scheduled, code: '', kind: '',
        message: 'Дополнению нужно повторное разрешение доступа: откройте меню «Наставник» в таблице и подтвердите доступ.',
      }], []);
    } catch {
      // Properties out of reach too: the execution log is all there is.
    }
    console.warn('Наставник: отчёты по расписанию пропущены — требуется повторная авторизация.');
    return null;
  }
  return runReports(triggerSpreadsheet(e), LAUNCH.scheduled);
}

/**
 * Menu «Сформировать справку сейчас»: adds a row for today of `kind` (the default kind when omitted) and
 * produces it together with anything else due, exactly as the scheduled run does, marked «вручную».
 */
export function generateReportNow(kind?: string, anonymised = true): ReportRunResult {
  const ss = activeSpreadsheet();
  const asOf = today();
  const label = kind && kind.trim() ? kind.trim() : defaultKind;
  const found = KINDS.get(kindKey(label));
  if (!found) throw new UserError(`Вид отчёта «${label}» не поддерживается. Доступны: ${reportKinds().join('; ')}.`);
  const extra: ScheduleRecord = {
    code: '', kind: found.label, date: asOf, recipients: '', template: '', folder: '', anonymised: anonymised ? YES : NO,
    source: REPORT_SOURCE.manual, state: REPORT_STATE.pending, link: '', generated: '', basis: 'Сформировать справку сейчас',
  };
  const result = runReports(ss, LAUNCH.manual, extra);
  ss.toast(result.message, 'Наставник', 10);
  return result;
}

export interface ScheduleRebuildResult {
  added: number;
  removed: number;
  kept: number;
  total: number;
}

/** Menu «Обновить расписание отчётов»: rows from the roadmap's reporting activities, people's rows kept. */
export function rebuildReportSchedule(): ScheduleRebuildResult {
  const ss = activeSpreadsheet();
  const result = withRunLock(LAUNCH.manual, () => {
    const roadmap = roadmapData(ss);
    if (!roadmap.exists) throw new UserError(`Листа «${SHEETS.roadmap}» нет. Сначала выполните «Наставник → Импорт дорожной карты…».`);
    const r = rebuildSchedule(ss, roadmap, today());
    ReportLog.open(ss);
    return r;
  });
  if (!result) throw new UserError('Сейчас формируются отчёты. Повторите через несколько минут.');
  ss.toast(`Расписание отчётов: добавлено ${result.added}, удалено ${result.removed}, всего строк ${result.total}.`, 'Наставник', 10);
  return result;
}

// ------------------------------------------------------------------------------------------- the run

function roadmapData(ss: Spreadsheet): RoadmapData {
  const read = readRoadmapSheet(ss);
  let meta: ReturnType<typeof loadRoadmapMeta> = null;
  try {
    meta = loadRoadmapMeta();
  } catch {
    meta = null; // document properties out of reach in this context: the records still tell the period
  }
  return { exists: read.table !== null, records: read.records, period: meta?.period ?? spanOf(read.records), title: meta?.title ?? '' };
}

function spanOf(records: readonly TrackerRecord[]): Period | null {
  const starts = records.map((r) => r.start).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const ends = records.map((r) => r.end).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return starts.length && ends.length ? { start: starts[0], end: ends[ends.length - 1] } : null;
}

function rebuildSchedule(ss: Spreadsheet, roadmap: RoadmapData, asOf: IsoDate): ScheduleRebuildResult {
  const derived = scheduleFromRoadmap(roadmap.records, roadmap.period, { asOf, kind: defaultKind });
  const current = readSchedule(ss);
  const merged = mergeSchedule(current.records, derived, asOf);
  const { records } = completeSchedule(merged.records);
  writeSchedule(ss, records, current, { origins: merged.origins, kinds: reportKinds() });
  return { added: merged.added, removed: merged.removed, kept: merged.kept, total: records.length };
}

/** The schedule sheet (built from the roadmap when there is one) and the log, made when missing. */
function ensureReportSheets(ss: Spreadsheet, asOf: IsoDate): void {
  if (!ss.getSheetByName(REPORT_SHEETS.schedule)) {
    const roadmap = roadmapData(ss);
    if (roadmap.exists) rebuildSchedule(ss, roadmap, asOf);
    else writeSchedule(ss, [], null, { kinds: reportKinds() });
  }
  if (!ss.getSheetByName(REPORT_SHEETS.log)) ReportLog.open(ss);
}

interface RunningMark {
  since: number;
  launch: string;
}

/**
 * Run `work` holding the lock and the «running» mark; null when another run holds either. The mark is what
 * keeps a menu run (document lock) and a trigger run (user lock) apart.
 */
function withRunLock<T>(launch: string, work: () => T): T | null {
  const lock = LockService.getDocumentLock() ?? LockService.getUserLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return null;
  try {
    const store = reportStore();
    const mark = parseRunning(store.getProperty(RUNNING_KEY));
    if (mark && Date.now() - mark.since < RUNNING_STALE_MS) return null;
    store.setProperty(RUNNING_KEY, JSON.stringify({ since: Date.now(), launch } satisfies RunningMark));
    try {
      const result = work();
      SpreadsheetApp.flush();
      return result;
    } finally {
      store.deleteProperty(RUNNING_KEY);
    }
  } finally {
    lock.releaseLock();
  }
}

function parseRunning(raw: string | null): RunningMark | null {
  if (!raw) return null;
  try {
    const m = JSON.parse(raw) as RunningMark;
    return typeof m.since === 'number' ? m : null;
  } catch {
    return null;
  }
}

function errorMessage(e: unknown): string {
  const err = e as { name?: string; message?: string };
  const text = String(err?.message ?? e);
  // UserError is ours and already speaks to the user; anything else is shown with its original text.
  return err?.name === 'UserError' ? text : `Непредвиденная ошибка: ${text}`;
}

/**
 * The daily run also moves the roadmap's statuses and calendar to today, so «просрочено» appears without anyone
 * pressing «Обновить статусы и календарь». A failure here is logged and never stops the reports.
 */
function refreshStatusesDaily(ss: Spreadsheet, log: ReportLog): void {
  if (!ss.getSheetByName(SHEETS.roadmap)) return;
  try {
    const r = refreshRoadmapData(ss);
    log.add({
      time: new Date(), launch: LAUNCH.scheduled, code: '', status: LOG_STATUS.info, link: '',
      message: `Статусы дорожной карты обновлены: мероприятий ${r.activities}, изменено статусов ${r.changedStatuses}, просрочено ${r.overdue}, в этом месяце ${r.dueThisMonth}.`,
    });
  } catch (e) {
    log.add({ time: new Date(), launch: LAUNCH.scheduled, code: '', status: LOG_STATUS.failure, link: '', message: `Статусы дорожной карты не обновлены: ${(e as Error).message}` });
  }
}

function runReports(ss: Spreadsheet, launch: Launch, extra?: ScheduleRecord): ReportRunResult {
  const started = Date.now();
  const result = withRunLock(launch, () => produceDue(ss, launch, started, extra));
  if (result) return result;
  const message = 'Пропущено: формирование отчётов уже выполняется. Повторите через несколько минут.';
  ReportLog.open(ss).add({ time: new Date(), launch, code: '', status: LOG_STATUS.skipped, message, link: '' });
  return { launch, skipped: true, produced: [], failed: [], remaining: 0, message };
}

function produceDue(ss: Spreadsheet, launch: Launch, started: number, extra?: ScheduleRecord): ReportRunResult {
  const asOf = today();
  ensureReportSheets(ss, asOf);
  const log = ReportLog.open(ss);
  if (launch === LAUNCH.scheduled) refreshStatusesDaily(ss, log);
  let read: ScheduleRead = readSchedule(ss);
  const completed = completeSchedule(extra ? [...read.records, extra] : read.records);
  const records = completed.records;
  let index = read.table?.index;
  let sheet = read.table?.sheet;
  if (completed.changed || !read.table) {
    const written = writeSchedule(ss, records, read, { kinds: reportKinds() });
    index = written.index;
    sheet = written.sheet;
    read = { ...read, records };
  }
  if (!index || !sheet) throw new Error('schedule sheet not written');

  const store = reportStore();
  const failures: ReportFailure[] = [];
  const resolved: string[] = [];
  const failed: ReportRunResult['failed'] = [];
  const produced: ProducedReport[] = [];
  const fail = (entry: ScheduleRecord, message: string) => {
    const now = new Date();
    try {
      markScheduleRow(sheet!, index!, entry.code, { state: REPORT_STATE.failed });
    } catch (e) {
      // The row could not be marked (e.g. a protected or deleted sheet): the log and the notice still say it.
      console.error(e);
    }
    log.add({ time: now, launch, code: entry.code, status: LOG_STATUS.failure, message, link: '' });
    failures.push({ at: now.toISOString(), when: localTime(now), launch, code: entry.code, kind: entry.kind, message });
    failed.push({ code: entry.code, kind: entry.kind, message });
  };

  // A date nobody can read would silently never be due: say so once (the row turns «ошибка»).
  for (const i of unreadableDates(records)) {
    const entry = records[i];
    if (normaliseState(entry.state) === REPORT_STATE.failed) continue;
    fail(entry, `Дата «${entry.date}» не распознана: укажите дату в виде ДД.ММ.ГГГГ.`);
  }

  let roadmapCache: RoadmapData | null = null;
  const due = dueRecords(records, asOf);
  let remaining = 0;
  for (let k = 0; k < due.length; k++) {
    // At least one report per run, so even a tiny budget makes progress.
    if (k > 0 && Date.now() - started >= budgetMs) {
      remaining = due.length - k;
      break;
    }
    const entry = records[due[k]];
    try {
      const kind = KINDS.get(kindKey(entry.kind || defaultKind));
      if (!kind) throw new UserError(`Вид отчёта «${entry.kind}» не поддерживается. Доступны: ${reportKinds().join('; ')}.`);
      const templateId = driveIdFromLink(entry.template);
      if (templateId === null) throw new UserError(`Ссылка на шаблон «${entry.template}» не распознана: вставьте ссылку на Google Документ или его id.`);
      const folderId = driveIdFromLink(entry.folder);
      if (folderId === null) throw new UserError(`Ссылка на папку «${entry.folder}» не распознана: вставьте ссылку на папку Google Диска или её id.`);
      const doc = kind.build({
        spreadsheet: ss,
        asOf,
        entry,
        anonymise: isAnonymised(entry.anonymised),
        roadmap: () => (roadmapCache ??= roadmapData(ss)),
      });
      const name = `${kind.label} — ${formatRuDate(entry.date)}`;
      const rendered = renderReport(doc, { name, templateId: templateId || undefined, folderId: folderId || undefined });
      markScheduleRow(sheet, index, entry.code, { state: REPORT_STATE.done, link: rendered.url, generated: asOf });
      const note = rendered.unfilled.length ? ` В шаблоне остались незаполненные поля: ${rendered.unfilled.join(', ')}.` : '';
      log.add({ time: new Date(), launch, code: entry.code, status: LOG_STATUS.success, message: `Сформирован документ «${name}».${note}`, link: rendered.url });
      resolved.push(entry.code);
      produced.push({ code: entry.code, kind: kind.label, name, url: rendered.url });
    } catch (e) {
      if (!(e as { name?: string })?.name || (e as { name?: string }).name !== 'UserError') console.error(e);
      fail(entry, errorMessage(e));
    }
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  const parts = [`сформировано ${produced.length}`, `ошибок ${failed.length}`];
  if (remaining) parts.push(`осталось ${remaining}`);
  let message = due.length === 0 && failed.length === 0
    ? 'Отчётов к формированию нет.'
    : `Отчёты: ${parts.join(', ')}.`;
  if (remaining) message += ' Остальные будут сформированы при следующем запуске (или командой «Сформировать справку сейчас»).';
  log.add({
    time: new Date(), launch, code: '', link: '',
    status: remaining ? LOG_STATUS.continued : failed.length ? LOG_STATUS.failure : LOG_STATUS.success,
    message: `${message} Длительность: ${seconds} с.`,
  });
  log.trim();
  updateFailures(store, failures, resolved);
  return { launch, skipped: false, produced, failed, remaining, message };
}
