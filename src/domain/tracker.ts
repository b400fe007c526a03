// The roadmap tracker as records: what the «Дорожная карта» sheet holds, how a (re-)import merges into what
// people already entered, and how statuses follow deadlines. Pure: the sheets layer maps records to cells.
import { formatRuDate } from './iso-date';
import type { Deadline, DeadlineKind, IsoDate, Recurrence, Roadmap, RoadmapActivity } from './types';

export const ACTIVITY_STATUSES = ['запланировано', 'в работе', 'выполнено', 'просрочено', 'отменено'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Fields the importer owns: rewritten by every import. */
export interface ParsedFields {
  number: string;
  section: string;
  title: string;
  result: string;
  responsible: string;
  deadlineText: string;
  start: IsoDate | '';
  end: IsoDate | '';
  nextDue: IsoDate | '';
  kind: string;
  recurrence: string;
}

/** Fields people own: never overwritten by an import. */
export interface UserFields {
  status: string;
  doneDate: IsoDate | '';
  evidence: string;
  comment: string;
}

export interface TrackerRecord extends ParsedFields, UserFields {
  /** Stable code of the activity in this workbook («ДК-001»), kept across re-imports. */
  id: string;
  /** What the importer noticed: warnings, «нет в новой редакции». */
  importNote: string;
}

export const KIND_LABELS: Record<DeadlineKind, string> = {
  dated: 'к сроку',
  continuous: 'постоянно',
  recurring: 'повторяется',
  conditional: 'по условию',
  unparsed: 'не распознан',
};

export function recurrenceLabel(r: Recurrence | null): string {
  if (!r) return '';
  const base =
    r.frequency === 'yearly' ? 'ежегодно'
      : r.frequency === 'quarterly' ? 'ежеквартально'
        : r.frequency === 'monthly' ? 'ежемесячно'
          : `${r.times ?? ''} ${timesWord(r.times ?? 0)} в год`.trim();
  return r.until ? `${base} до ${formatRuDate(r.until)}` : base;
}

function timesWord(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  return mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? 'раза' : 'раз';
}


/** The span of the deadline and the end of its first occurrence not yet past on `asOf`. */
export function deadlineSpan(d: Deadline, asOf: IsoDate): Pick<ParsedFields, 'start' | 'end' | 'nextDue'> {
  if (d.windows.length === 0) return { start: '', end: '', nextDue: '' };
  const sorted = [...d.windows].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  const start = sorted[0].start;
  const end = sorted.reduce((m, w) => (w.end > m ? w.end : m), sorted[0].end);
  const open = sorted.find((w) => w.end >= asOf);
  return { start, end, nextDue: open ? open.end : end };
}

export function parsedFields(a: RoadmapActivity, sectionTitle: string, asOf: IsoDate): ParsedFields {
  return {
    number: a.number,
    section: sectionTitle,
    title: a.title,
    result: [a.result, a.document].filter((s) => s && s.trim()).join('\n'),
    responsible: a.responsible.join('; '),
    deadlineText: a.deadline.text,
    ...deadlineSpan(a.deadline, asOf),
    kind: KIND_LABELS[a.deadline.kind],
    recurrence: recurrenceLabel(a.deadline.recurrence),
  };
}

const EMPTY_USER: UserFields = { status: 'запланировано', doneDate: '', evidence: '', comment: '' };

export type ChangeKind = 'added' | 'changed' | 'unchanged' | 'removed';

export interface ImportChange {
  kind: ChangeKind;
  id: string;
  number: string;
  title: string;
  /** Russian names of the fields that changed (for `changed`). */
  fields: string[];
}

export const FIELD_LABELS: Record<keyof ParsedFields, string> = {
  number: '№',
  section: 'раздел',
  title: 'мероприятие',
  result: 'результат',
  responsible: 'ответственные',
  deadlineText: 'срок',
  start: 'начало',
  end: 'окончание',
  nextDue: 'ближайший срок',
  kind: 'вид срока',
  recurrence: 'повторяемость',
};

/** Lowercase, ё→е, no punctuation or extra spaces: two spellings of one activity compare equal. */
export function normaliseTitle(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/[^0-9a-zа-я]+/g, ' ').trim();
}

function normaliseNumber(s: string): string {
  return s.replace(/\s+/g, '').replace(/\.+$/, '');
}

/** Share of words of the shorter title found in the longer one: survives small edits of a revised roadmap. */
function titleSimilarity(a: string, b: string): number {
  const wa = new Set(normaliseTitle(a).split(' ').filter((w) => w.length > 2));
  const wb = new Set(normaliseTitle(b).split(' ').filter((w) => w.length > 2));
  if (wa.size === 0 || wb.size === 0) return normaliseTitle(a) === normaliseTitle(b) ? 1 : 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.min(wa.size, wb.size);
}

const REMOVED_NOTE = 'Нет в новой редакции дорожной карты';

export interface MergeResult {
  records: TrackerRecord[];
  changes: ImportChange[];
}

/**
 * Merge a freshly parsed roadmap into the tracker. An activity is the same when its title is the same
 * (whatever its number), or when its number is the same and the titles are alike. People's fields (status,
 * completion date, evidence, comment) are kept; activities missing from the new roadmap are kept and marked.
 */
export function mergeRoadmap(existing: TrackerRecord[], roadmap: Roadmap, asOf: IsoDate): MergeResult {
  const sectionTitles = new Map(roadmap.sections.map((s) => [s.number, s.title]));
  const warningsByLine = new Map<number, string[]>();
  for (const w of roadmap.warnings) warningsByLine.set(w.line, [...(warningsByLine.get(w.line) ?? []), w.message]);

  const unmatched = new Set(existing.map((_, i) => i));
  const byTitle = new Map<string, number[]>();
  const byNumber = new Map<string, number[]>();
  existing.forEach((r, i) => {
    push(byTitle, normaliseTitle(r.title), i);
    push(byNumber, normaliseNumber(r.number), i);
  });
  const take = (candidates: number[] | undefined, ok: (i: number) => boolean): number | undefined => {
    const i = candidates?.find((c) => unmatched.has(c) && ok(c));
    if (i !== undefined) unmatched.delete(i);
    return i;
  };

  let nextId = nextIdNumber(existing);
  const records: TrackerRecord[] = [];
  const changes: ImportChange[] = [];
  for (const a of roadmap.activities) {
    const fields = parsedFields(a, sectionTitles.get(a.section) ?? '', asOf);
    const note = warningsByLine.get(a.source.line)?.join(' ') ?? '';
    const matched =
      take(byTitle.get(normaliseTitle(a.title)), (i) => normaliseNumber(existing[i].number) === normaliseNumber(a.number)) ??
      take(byTitle.get(normaliseTitle(a.title)), () => true) ??
      take(byNumber.get(normaliseNumber(a.number)), (i) => titleSimilarity(existing[i].title, a.title) >= 0.6);
    if (matched === undefined) {
      const id = formatId(nextId++);
      records.push({ id, ...fields, ...EMPTY_USER, importNote: note });
      changes.push({ kind: 'added', id, number: a.number, title: a.title, fields: [] });
      continue;
    }
    const old = existing[matched];
    const changed = (Object.keys(FIELD_LABELS) as (keyof ParsedFields)[])
      .filter((k) => k !== 'nextDue' && String(old[k]) !== String(fields[k]))
      .map((k) => FIELD_LABELS[k]);
    const user: UserFields = { status: old.status, doneDate: old.doneDate, evidence: old.evidence, comment: old.comment };
    records.push({ id: old.id || formatId(nextId++), ...fields, ...user, importNote: note });
    changes.push({ kind: changed.length ? 'changed' : 'unchanged', id: old.id, number: a.number, title: a.title, fields: changed });
  }
  for (const i of [...unmatched].sort((x, y) => x - y)) {
    const old = existing[i];
    records.push({ ...old, importNote: REMOVED_NOTE });
    changes.push({ kind: 'removed', id: old.id, number: old.number, title: old.title, fields: [] });
  }
  return { records, changes };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const ID_PREFIX = 'ДК-';

function formatId(n: number): string {
  return `${ID_PREFIX}${String(n).padStart(3, '0')}`;
}

function nextIdNumber(records: TrackerRecord[]): number {
  let max = 0;
  for (const r of records) {
    const m = /^ДК-(\d+)$/.exec(r.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/**
 * The status a record should show on `asOf`: an open activity whose last deadline has passed becomes
 * «просрочено», and an overdue one whose deadline was moved back into the future becomes «запланировано».
 * «выполнено» and «отменено» are people's decisions and never change; unknown text is left as typed.
 */
export function statusOn(r: Pick<TrackerRecord, 'status' | 'end' | 'doneDate'>, asOf: IsoDate): string {
  const s = r.status.trim().toLowerCase();
  if (s === 'выполнено' || s === 'отменено') return s;
  // A completion date marks the activity done; text that is not a date (kept as typed) does not.
  if (/^\d{4}-\d{2}-\d{2}$/.test(r.doneDate)) return 'выполнено';
  const open = s === '' || s === 'запланировано' || s === 'в работе';
  if (open && r.end && r.end < asOf) return 'просрочено';
  if (s === 'просрочено' && r.end && r.end >= asOf) return 'запланировано';
  return s === '' ? 'запланировано' : r.status;
}

/** Every record with the status it should show on `asOf`, and how many changed. */
export function withStatuses(records: readonly TrackerRecord[], asOf: IsoDate): { records: TrackerRecord[]; changed: number } {
  let changed = 0;
  const out = records.map((r) => {
    const status = statusOn(r, asOf);
    if (status === r.status) return r;
    changed++;
    return { ...r, status };
  });
  return { records: out, changed };
}

export interface ExecutionSummary {
  total: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  cancelled: number;
  open: number;
}

/** Roadmap execution on `asOf`, also an indicator: done, done on time, overdue. */
export function executionSummary(records: TrackerRecord[], asOf: IsoDate): ExecutionSummary {
  const sum: ExecutionSummary = { total: 0, done: 0, doneOnTime: 0, overdue: 0, cancelled: 0, open: 0 };
  for (const r of records) {
    if (r.importNote === REMOVED_NOTE) continue;
    sum.total++;
    const st = statusOn(r, asOf);
    if (st === 'выполнено') {
      sum.done++;
      if (!r.end || !r.doneDate || r.doneDate <= r.end) sum.doneOnTime++;
    } else if (st === 'отменено') sum.cancelled++;
    else if (st === 'просрочено') sum.overdue++;
    else sum.open++;
  }
  return sum;
}
