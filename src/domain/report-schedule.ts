// The report schedule as records: which report is due on which date, where it goes, and whether it has been
// produced. Rows come from the roadmap (its monitoring and reporting activities, one row per occurrence) or
// from people. Pure: the sheets layer maps records to the «Расписание отчётов» sheet.
//
// The schedule sheet is the run's only state: a row stays «ожидает» until a run produces its document, so a
// run cut short by the time budget, a crash or a quota simply leaves rows for the next run — no cursor.
import { occurrences, parseDeadline } from './deadline';
import { formatRuDate, isIsoDate } from './iso-date';
import type { TrackerRecord } from './tracker';
import type { IsoDate, Period } from './types';

export const REPORT_STATE = {
  pending: 'ожидает',
  done: 'сформирован',
  failed: 'ошибка',
  cancelled: 'отменён',
} as const;
export const REPORT_STATES = Object.values(REPORT_STATE);

export const REPORT_SOURCE = { roadmap: 'дорожная карта', manual: 'вручную' } as const;
export const REPORT_SOURCES = Object.values(REPORT_SOURCE);

export const YES = 'да';
export const NO = 'нет';

/** The kind the roadmap's own reporting activities produce until a справка builder takes over. */
export const ROADMAP_SUMMARY_KIND = 'Сводка по дорожной карте';

export interface ScheduleRecord {
  /** Stable id of the row: «ДК/31.05.2024» for the roadmap's reports due that day, «Р-001» for a row people added. */
  code: string;
  kind: string;
  /** ISO date; text people typed that is not a date is kept as typed. */
  date: string;
  recipients: string;
  /** Link or id of a template Doc; empty for a plain document. */
  template: string;
  /** Link or id of the Drive folder for the document; empty for the template's folder or My Drive. */
  folder: string;
  /** «да» / «нет»: produce the report without personal names. */
  anonymised: string;
  source: string;
  state: string;
  /** URL of the produced document. */
  link: string;
  /** ISO date the document was produced. */
  generated: string;
  /** The roadmap activity the row comes from («п. 3.2. Мониторинг …»). */
  basis: string;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/**
 * The canonical state for what people typed: empty means pending; the usual spellings of each state are
 * accepted («Ожидание», «готов», «ошибка: …», «не нужен»). Unknown text comes back as typed (and is never due).
 */
export function normaliseState(s: string): string {
  const n = norm(s);
  if (n === '' || n.startsWith('ожида')) return REPORT_STATE.pending;
  if (n.startsWith('сформ') || n.startsWith('готов') || n === 'выполнено') return REPORT_STATE.done;
  if (n.startsWith('ошиб')) return REPORT_STATE.failed;
  if (n.startsWith('отмен') || n.startsWith('не нуж') || n.startsWith('не форм')) return REPORT_STATE.cancelled;
  return s.trim();
}

/** «да» unless people wrote no: reports leave the workbook, and 152-ФЗ makes anonymous the safe default. */
export function isAnonymised(s: string): boolean {
  const n = norm(s);
  return !/^(нет|no|false|0|-|не )/.test(n);
}

export function isRoadmapSource(s: string): boolean {
  return norm(s).startsWith('дорожн');
}

// ------------------------------------------------------------------------------------------- from the roadmap

const TITLE_RE = /мониторинг|справк|отчет|анализ|аналитическ/;
// In the result column only documents count: «анализ анкет» there is work, «аналитическая справка» a report.
const RESULT_RE = /справк|отчет/;
const REMOVED_PREFIX = 'нет в новой редакции';

/** An activity whose title speaks of monitoring, analysis or a report, or whose result is a справка/отчёт. */
export function isReportActivity(r: Pick<TrackerRecord, 'title' | 'result'>): boolean {
  return TITLE_RE.test(norm(r.title)) || RESULT_RE.test(norm(r.result));
}

/** The code of the roadmap row for a date: one document per date, however many activities fall due on it. */
export function derivedCode(date: IsoDate): string {
  return `ДК/${formatRuDate(date)}`;
}

function basisOf(r: TrackerRecord): string {
  const num = r.number.trim().replace(/\.+$/, '');
  const title = r.title.replace(/\s+/g, ' ').trim();
  const head = num ? `п. ${num}. ${title}` : title;
  return r.deadlineText.trim() ? `${head} (срок: ${r.deadlineText.replace(/\s+/g, ' ').trim()})` : head;
}

export interface ScheduleFromRoadmapOptions {
  /** Occurrences ending before this date are history, not schedule: importing a plan mid-way must not
   * produce a pile of overdue reports on the next run. */
  asOf: IsoDate;
  kind?: string;
}

/**
 * One row per date on which a reporting activity falls due, at the end of each occurrence («Ежегодно, май
 * 2023, май 2024» → 31.05.2023 and 31.05.2024). Activities due the same day share the row (its basis lists
 * them): one report covers them. Cancelled activities and ones gone from the roadmap are left out. The code
 * is the date, so rebuilding finds the same rows again whatever else changed in the roadmap.
 */
export function scheduleFromRoadmap(records: readonly TrackerRecord[], period: Period | null, opts: ScheduleFromRoadmapOptions): ScheduleRecord[] {
  const byDate = new Map<IsoDate, string[]>();
  for (const r of records) {
    if (norm(r.status) === 'отменено' || norm(r.importNote).startsWith(REMOVED_PREFIX)) continue;
    if (!isReportActivity(r)) continue;
    const deadline = parseDeadline(r.deadlineText, period, { today: opts.asOf });
    for (const w of occurrences(deadline, period)) {
      if (w.end < opts.asOf) continue;
      const bases = byDate.get(w.end) ?? [];
      const basis = basisOf(r);
      if (!bases.includes(basis)) bases.push(basis);
      byDate.set(w.end, bases);
    }
  }
  return [...byDate.keys()].sort().map((date) => ({
    code: derivedCode(date),
    kind: opts.kind ?? ROADMAP_SUMMARY_KIND,
    date,
    recipients: '',
    template: '',
    folder: '',
    anonymised: YES,
    source: REPORT_SOURCE.roadmap,
    state: REPORT_STATE.pending,
    link: '',
    generated: '',
    basis: byDate.get(date)!.join('; '),
  }));
}

export interface ScheduleMerge {
  records: ScheduleRecord[];
  /** For each record, the index of the existing row it continues (its extra cells move with it), or null. */
  origins: (number | null)[];
  added: number;
  removed: number;
  kept: number;
}

/**
 * Rebuild the schedule from freshly derived rows without losing anything people did: rows they added are
 * kept as they are; a derived row that already exists keeps its kind, recipients, template, folder,
 * anonymity, state, link and date produced (only its basis follows the roadmap); a roadmap row the roadmap
 * no longer gives is dropped only while it is still pending and in the future — produced, failed, cancelled
 * and already-due rows are history and stay.
 */
export function mergeSchedule(existing: readonly ScheduleRecord[], derived: readonly ScheduleRecord[], asOf: IsoDate): ScheduleMerge {
  const byCode = new Map(derived.map((d) => [d.code, d]));
  const seen = new Set<string>();
  const rows: { record: ScheduleRecord; origin: number | null }[] = [];
  let removed = 0;
  let kept = 0;
  existing.forEach((row, i) => {
    if (!isRoadmapSource(row.source)) {
      rows.push({ record: row, origin: i });
      kept++;
      return;
    }
    const d = byCode.get(row.code);
    if (d && !seen.has(row.code)) {
      seen.add(row.code);
      rows.push({ record: { ...row, date: d.date, basis: d.basis, source: d.source }, origin: i });
      kept++;
      return;
    }
    const pendingFuture = normaliseState(row.state) === REPORT_STATE.pending && isIsoDate(row.date) && row.date > asOf;
    if (pendingFuture) {
      removed++;
      return;
    }
    rows.push({ record: row, origin: i });
    kept++;
  });
  let added = 0;
  for (const d of derived) {
    if (seen.has(d.code)) continue;
    rows.push({ record: d, origin: null });
    added++;
  }
  const sorted = sortSchedule(rows);
  return { records: sorted.map((r) => r.record), origins: sorted.map((r) => r.origin), added, removed, kept };
}

/** By date (rows without a readable date last, in their order), then by code. Stable. */
function sortSchedule<T extends { record: ScheduleRecord }>(rows: T[]): T[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const da = isIsoDate(a.r.record.date) ? a.r.record.date : '\uffff';
      const db = isIsoDate(b.r.record.date) ? b.r.record.date : '\uffff';
      if (da !== db) return da < db ? -1 : 1;
      if (da === '\uffff') return a.i - b.i;
      return a.r.record.code.localeCompare(b.r.record.code) || a.i - b.i;
    })
    .map((x) => x.r);
}

// ------------------------------------------------------------------------------------------- rows people add

const MANUAL_PREFIX = 'Р-';

/**
 * Give every row a unique code: rows people added without one get «Р-001», «Р-002», …; a second row with a
 * code already used (a copied row) gets a new manual code and becomes a manual row. Also fills the defaults
 * people leave empty (source «вручную», state «ожидает», anonymised «да») and canonical spellings of the state.
 */
export function completeSchedule(records: readonly ScheduleRecord[]): { records: ScheduleRecord[]; changed: boolean } {
  let next = 1;
  for (const r of records) {
    const m = /^Р-(\d+)$/i.exec(r.code.trim());
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  const used = new Set<string>();
  let changed = false;
  const out = records.map((r) => {
    const rec = { ...r };
    const code = rec.code.trim();
    if (!code || used.has(code)) {
      rec.code = `${MANUAL_PREFIX}${String(next++).padStart(3, '0')}`;
      if (code) rec.source = REPORT_SOURCE.manual;
    }
    used.add(rec.code);
    if (!rec.source.trim()) rec.source = REPORT_SOURCE.manual;
    else if (isRoadmapSource(rec.source)) rec.source = REPORT_SOURCE.roadmap;
    else if (norm(rec.source).startsWith('вручн')) rec.source = REPORT_SOURCE.manual;
    rec.state = normaliseState(rec.state);
    rec.anonymised = isAnonymised(rec.anonymised) ? YES : NO;
    if ((Object.keys(rec) as (keyof ScheduleRecord)[]).some((k) => rec[k] !== r[k])) changed = true;
    return rec;
  });
  return { records: out, changed };
}

// ------------------------------------------------------------------------------------------- due rows

/** Rows to produce on `asOf`: a readable date not after it, pending or failed before. Earliest first. */
export function dueRecords(records: readonly ScheduleRecord[], asOf: IsoDate): number[] {
  const due: number[] = [];
  records.forEach((r, i) => {
    const st = normaliseState(r.state);
    if ((st === REPORT_STATE.pending || st === REPORT_STATE.failed) && isIsoDate(r.date) && r.date <= asOf) due.push(i);
  });
  return due.sort((a, b) => (records[a].date < records[b].date ? -1 : records[a].date > records[b].date ? 1 : a - b));
}

/** Pending rows whose date people typed so that it cannot be read: reported, never silently skipped. */
export function unreadableDates(records: readonly ScheduleRecord[]): number[] {
  const out: number[] = [];
  records.forEach((r, i) => {
    const st = normaliseState(r.state);
    if ((st === REPORT_STATE.pending || st === REPORT_STATE.failed) && r.date.trim() !== '' && !isIsoDate(r.date)) out.push(i);
  });
  return out;
}

// ------------------------------------------------------------------------------------------- Drive links

/**
 * The Drive id in a link people paste (a Doc, a file, a folder, `open?id=`), or the text itself when it is an
 * id. '' for empty text, null for text that is neither.
 */
export function driveIdFromLink(input: string): string | null {
  const s = input.trim();
  if (!s) return '';
  const m =
    /\/d\/([A-Za-z0-9_-]{10,})/.exec(s) ??
    /\/folders\/([A-Za-z0-9_-]{10,})/.exec(s) ??
    /[?&]id=([A-Za-z0-9_-]{10,})/.exec(s);
  if (m) return m[1];
  return /^[A-Za-z0-9_-]{10,}$/.test(s) ? s : null;
}
