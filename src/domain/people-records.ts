// People and pairs as the sheets hold them: one text per field, exactly as typed (dates as ISO when they are
// dates). The text record is what gets written back, so a cell that cannot be read stays as the person typed
// it; the domain objects are derived from it, with a problem for every cell that could not be read.
import { addDays, addMonths, formatRuDate, parseIsoDate } from './iso-date';
import { parseMenteeGroup, parseOrganisationKind, parseStatus, statusLabel } from './dictionaries';
import { normaliseFullName, PAIR_STATUS_LABELS, parsePairStatus } from './people';
import type { Mentee, Mentor, Organisation, OrganisationKind, Pair, PairHistoryEntry, PairStatus } from './people';
import type { IsoDate } from './types';

export type PeopleRole = 'organisation' | 'mentor' | 'mentee';

export const ORGANISATION_FIELDS = ['id', 'name', 'kind', 'municipality', 'curator', 'partners', 'remarks'] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

export const MENTOR_FIELDS = [
  'id', 'fullName', 'organisation', 'position', 'subject', 'experience', 'category', 'level', 'strengths', 'capacity',
  'formats', 'consent', 'load', 'duplicate', 'remarks', 'previousOrganisation', 'movedOn',
] as const;
export type MentorField = (typeof MENTOR_FIELDS)[number];

export const MENTEE_FIELDS = [
  'id', 'fullName', 'organisation', 'position', 'subject', 'birthDate', 'age', 'experience', 'category', 'group',
  'deficits', 'request', 'formats', 'included', 'consent', 'young', 'pairing', 'duplicate', 'remarks',
  'previousOrganisation', 'movedOn', 'deficitsClosed', 'left',
] as const;
export type MenteeField = (typeof MENTEE_FIELDS)[number];

/** Only for connecting an existing sheet: a name split over three columns, and a column saying who is who. */
export const AUXILIARY_FIELDS = ['surname', 'firstName', 'patronymic', 'role'] as const;
export type AuxiliaryField = (typeof AUXILIARY_FIELDS)[number];

export const PAIR_FIELDS = [
  'id', 'mentorId', 'mentorName', 'menteeIds', 'menteeNames', 'rolePair', 'format', 'start', 'end', 'orderNumber',
  'orderDate', 'status', 'reason', 'result', 'mentorSatisfaction', 'menteeSatisfaction', 'lastActivity', 'score', 'history',
  'organisation', 'satisfactionScale',
] as const;
export type PairField = (typeof PAIR_FIELDS)[number];

export type FieldType = 'text' | 'date' | 'number' | 'list';

/** Fields whose text is not free: everything else is text. */
export const FIELD_TYPES: Readonly<Record<string, FieldType>> = {
  consent: 'date',
  birthDate: 'date',
  included: 'date',
  start: 'date',
  end: 'date',
  orderDate: 'date',
  lastActivity: 'date',
  movedOn: 'date',
  deficitsClosed: 'date',
  left: 'date',
  experience: 'number',
  age: 'number',
  capacity: 'number',
  mentorSatisfaction: 'number',
  menteeSatisfaction: 'number',
  score: 'number',
  load: 'number',
  strengths: 'list',
  formats: 'list',
  deficits: 'list',
  partners: 'list',
};

/** Fields the add-on fills in itself (never typed by people). */
export const COMPUTED_FIELDS: Readonly<Record<PeopleRole, readonly string[]>> = {
  organisation: ['remarks'],
  mentor: ['load', 'duplicate', 'remarks'],
  mentee: ['young', 'pairing', 'duplicate', 'remarks'],
};

export type TextRecord<F extends string = string> = Record<F, string>;

export function emptyRecord<F extends string>(fields: readonly F[]): TextRecord<F> {
  const r = {} as TextRecord<F>;
  for (const f of fields) r[f] = '';
  return r;
}

/** A cell that could not be read; `message` says what it should have been («не дата»). */
export interface FieldProblem {
  field: string;
  text: string;
  message: string;
}

// ---------------------------------------------------------------------------------------------------------
// Cells

const RU_DATE = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})\s*(?:г\.?|года)?$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$/;

function validDate(y: number, m: number, d: number): IsoDate | null {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return parseIsoDate(iso) ? iso : null;
}

/** A typed date (ISO, «01.09.2023», «1.9.23», «01.09.2023 г.») as ISO; null when it is not one. */
export function parseDateText(text: string): IsoDate | null {
  const t = text.trim();
  const iso = ISO_DATE.exec(t);
  if (iso) return validDate(+iso[1], +iso[2], +iso[3]);
  const ru = RU_DATE.exec(t);
  if (ru) {
    let y = +ru[3];
    // Two-digit years in staff lists are this century's, except birth years like «85».
    if (ru[3].length === 2) y += y <= 69 ? 2000 : 1900;
    return validDate(y, +ru[2], +ru[1]);
  }
  return null;
}

/** Why a date cell cannot be read; a consent ticked without its date says so. */
export function dateMessage(field: string, text: string): string {
  if (field === 'consent' && /^(да|есть|имеется|получено|подписано|\+|v|✓|✔|true|истина)$/i.test(text.trim())) {
    return 'согласие отмечено без даты: укажите дату согласия';
  }
  return 'не дата';
}

/** A typed number: «5», «5,5», «5 лет», «90 %»; «нет», «без стажа», «менее года» are 0. Null when unreadable. */
export function parseNumberText(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\u00a0/g, ' ');
  const m = /^[+]?(\d+(?:[.,]\d+)?)(?:\s*(?:%|лет|года?|г\.?|л\.?|чел\.?|мес\S*|человек\S*|наставляем\S*|балл\S*)?)?(?:\s.*)?$/.exec(t);
  if (m) return Number(m[1].replace(',', '.'));
  if (/^(нет|без стажа|менее (одного )?года|меньше года|не имеет)$/.test(t)) return 0;
  return null;
}

/** A list typed in one cell: separated by «;», «,», line breaks or bullets. */
export function splitList(text: string): string[] {
  return text
    .split(/[;\n\r•·]+|,(?![^()]*\))/)
    .map((s) => s.replace(/^[\s\-–—*]+/, '').trim())
    .filter((s) => s !== '');
}

function readDate(rec: Record<string, string>, field: string, problems: FieldProblem[]): IsoDate | null {
  const text = (rec[field] ?? '').trim();
  if (text === '') return null;
  const iso = parseDateText(text);
  if (iso === null) problems.push({ field, text, message: dateMessage(field, text) });
  return iso;
}

function readNumber(rec: Record<string, string>, field: string, problems: FieldProblem[]): number | null {
  const text = (rec[field] ?? '').trim();
  if (text === '') return null;
  const n = parseNumberText(text);
  if (n === null) problems.push({ field, text, message: 'не число' });
  return n;
}

/** «Строка 5, «Дата согласия»: «да» — не дата (оставлено как есть)». */
export function problemText(row: number | null, label: string, p: FieldProblem): string {
  const where = row === null ? `«${label}»` : `Строка ${row}, «${label}»`;
  return `${where}: «${p.text}» — ${p.message} (оставлено как есть)`;
}

// ---------------------------------------------------------------------------------------------------------
// Organisations

export interface OrganisationLookup {
  /** The organisation id a cell names (by id or by name), or null. */
  resolve(text: string): string | null;
  name(id: string): string;
  size: number;
}

/** Quotes, «№» spacing, case and «ё» aside, the same name. */
export function normaliseOrganisationName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"„“”'`]/g, '')
    .replace(/№\s*/g, '№')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

export function organisationLookup(orgs: readonly Pick<Organisation, 'id' | 'name'>[]): OrganisationLookup {
  const byId = new Map<string, string>();
  const byName = new Map<string, string>();
  const names = new Map<string, string>();
  for (const o of orgs) {
    if (!o.id) continue;
    byId.set(o.id.trim().toLowerCase(), o.id);
    names.set(o.id, o.name);
    const n = normaliseOrganisationName(o.name);
    if (n && !byName.has(n)) byName.set(n, o.id);
  }
  return {
    resolve(text) {
      const t = text.trim();
      if (t === '') return null;
      return byId.get(t.toLowerCase()) ?? byName.get(normaliseOrganisationName(t)) ?? null;
    },
    name: (id) => names.get(id) ?? id,
    size: byId.size,
  };
}

export interface OrganisationRead {
  organisation: Organisation;
  /** Partner organisations as typed (ids or names), resolved by the caller against the whole list. */
  partners: string[];
  problems: FieldProblem[];
}

export function organisationFromRecord(rec: TextRecord<OrganisationField>, kinds: readonly string[]): OrganisationRead {
  const problems: FieldProblem[] = [];
  const kindText = rec.kind.trim();
  let kind: OrganisationKind | null = kindText ? parseOrganisationKind(kindText, kinds) : null;
  if (kindText && kind === null) problems.push({ field: 'kind', text: kindText, message: 'тип организации не распознан' });
  // Without a type, the name usually says it («МБДОУ „Детский сад № 5“»).
  if (kind === null) kind = parseOrganisationKind(rec.name) ?? 'other';
  return {
    organisation: {
      id: rec.id.trim(),
      name: rec.name.trim(),
      kind,
      municipality: rec.municipality.trim(),
      curator: rec.curator.trim(),
    },
    partners: splitList(rec.partners),
    problems,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Mentors and mentees

export interface PeopleContext {
  organisations: OrganisationLookup;
  /** Places of a mentor whose capacity cell is empty. */
  defaultCapacity: number;
  menteeCategories?: readonly string[];
}

function resolveOrganisation(text: string, orgs: OrganisationLookup, problems: FieldProblem[], field = 'organisation'): string {
  const t = (text ?? '').trim();
  if (t === '') return '';
  const id = orgs.resolve(t);
  if (id !== null) return id;
  if (orgs.size > 0) problems.push({ field, text: t, message: 'такой организации нет в списке организаций' });
  return t;
}

/** Where a person worked since which date (Mentor/Mentee `organisationHistory`). */
export type OrganisationHistory = { organisationId: string; from: IsoDate }[];

/**
 * The organisation history of a person who moved: the previous organisation until the move, the current one
 * from the move date. Undefined when either is missing or the previous organisation is the current one.
 */
export function moveHistory(previousId: string, movedOn: IsoDate | null, currentId: string): OrganisationHistory | undefined {
  const previous = previousId.trim();
  if (previous === '' || movedOn === null || previous === currentId) return undefined;
  // The earliest possible date stands for «before the move, as far back as the records go».
  return [{ organisationId: previous, from: '1900-01-01' }, { organisationId: currentId, from: movedOn }];
}

/**
 * «Прежняя ОО» and «Дата перехода» of a record as an organisation history. Half a move (an organisation without
 * its date, or a date without the organisation) is reported: indicators cannot place the person by it.
 */
function readMove(rec: Record<string, string>, orgs: OrganisationLookup, currentId: string, problems: FieldProblem[]): OrganisationHistory | undefined {
  const previousText = (rec.previousOrganisation ?? '').trim();
  const movedText = (rec.movedOn ?? '').trim();
  const previous = resolveOrganisation(previousText, orgs, problems, 'previousOrganisation');
  const movedOn = readDate(rec, 'movedOn', problems);
  if (previousText !== '' && movedText === '') {
    problems.push({ field: 'previousOrganisation', text: previousText, message: 'не указана дата перехода: переход не учитывается в показателях' });
  } else if (previousText === '' && movedOn !== null) {
    problems.push({ field: 'movedOn', text: movedText, message: 'не указана прежняя ОО: переход не учитывается в показателях' });
  } else if (previousText !== '' && currentId !== '' && previous === currentId) {
    problems.push({ field: 'previousOrganisation', text: previousText, message: 'совпадает с текущей ОО' });
  }
  return moveHistory(previous, movedOn, currentId);
}

export interface MentorRead {
  mentor: Mentor;
  problems: FieldProblem[];
}

export function mentorFromRecord(rec: TextRecord<MentorField>, ctx: PeopleContext): MentorRead {
  const problems: FieldProblem[] = [];
  const experience = readNumber(rec, 'experience', problems);
  let capacity = readNumber(rec, 'capacity', problems);
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 0)) {
    problems.push({ field: 'capacity', text: rec.capacity, message: 'число мест должно быть целым и не меньше 0' });
    capacity = null;
  }
  const mentor: Mentor = {
    id: rec.id.trim(),
    fullName: rec.fullName.trim(),
    organisationId: resolveOrganisation(rec.organisation, ctx.organisations, problems),
    position: rec.position.trim(),
    subject: rec.subject.trim(),
    experienceYears: experience,
    category: rec.category.trim(),
    level: rec.level.trim(),
    strengths: splitList(rec.strengths),
    capacity: capacity ?? ctx.defaultCapacity,
    preferredFormats: splitList(rec.formats),
    consentDate: readDate(rec, 'consent', problems),
  };
  const history = readMove(rec, ctx.organisations, mentor.organisationId, problems);
  if (history) mentor.organisationHistory = history;
  return { mentor, problems };
}

export interface MenteeRead {
  mentee: Mentee;
  problems: FieldProblem[];
}

export function menteeFromRecord(rec: TextRecord<MenteeField>, ctx: PeopleContext): MenteeRead {
  const problems: FieldProblem[] = [];
  const age = readNumber(rec, 'age', problems);
  const groupText = rec.group.trim();
  const group = groupText ? parseMenteeGroup(groupText, ctx.menteeCategories) : null;
  if (groupText && group === null) problems.push({ field: 'group', text: groupText, message: 'категория не распознана' });
  const mentee: Mentee = {
    id: rec.id.trim(),
    fullName: rec.fullName.trim(),
    organisationId: resolveOrganisation(rec.organisation, ctx.organisations, problems),
    position: rec.position.trim(),
    subject: rec.subject.trim(),
    age: age === null ? null : Math.floor(age),
    birthDate: readDate(rec, 'birthDate', problems),
    experienceYears: readNumber(rec, 'experience', problems),
    category: rec.category.trim(),
    deficits: splitList(rec.deficits),
    request: rec.request.trim(),
    preferredFormats: splitList(rec.formats),
    includedDate: readDate(rec, 'included', problems),
    consentDate: readDate(rec, 'consent', problems),
  };
  if (group) mentee.group = group;
  const history = readMove(rec, ctx.organisations, mentee.organisationId, problems);
  if (history) mentee.organisationHistory = history;
  const closed = readDate(rec, 'deficitsClosed', problems);
  if (closed) mentee.deficitsClosedDate = closed;
  const left = readDate(rec, 'left', problems);
  if (left) mentee.leftDate = left;
  return { mentee, problems };
}

/** The name of a record: the full-name cell, or surname + name + patronymic when those were separate. */
export function joinFullName(parts: readonly string[]): string {
  return parts.map((p) => p.trim()).filter(Boolean).join(' ');
}

/** Which role a «Роль» cell gives; 'both' for «наставник и наставляемый», null when it says neither. */
export function parseRoleText(text: string): 'mentor' | 'mentee' | 'both' | null {
  const t = normaliseFullName(text);
  if (t === '') return null;
  const mentee = /наставляем|подопечн|молод\S* специалист|стажер|ученик/.test(t);
  const mentor = /(^|\s)наставник|тьютор|куратор пары/.test(t);
  if (mentee && mentor) return 'both';
  if (mentee) return 'mentee';
  if (mentor) return 'mentor';
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Ids

export const ID_PREFIXES: Readonly<Record<PeopleRole | 'pair', string>> = {
  organisation: 'ОО-',
  mentor: 'НС-',
  mentee: 'НЛ-',
  pair: 'ПР-',
};

/** The largest number used after the prefix among existing ids (0 when none). */
export function highestIdNumber(ids: readonly string[], prefix: string): number {
  let max = 0;
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max;
}

/**
 * Fresh ids for `count` new records: numbered after both the highest id in use and the last number ever
 * given (kept by the caller), so an id is never given twice even after its row was deleted.
 */
export function nextIds(prefix: string, count: number, existing: readonly string[], lastGiven: number): { ids: string[]; last: number } {
  let n = Math.max(lastGiven, highestIdNumber(existing, prefix));
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(`${prefix}${String(++n).padStart(4, '0')}`);
  return { ids, last: n };
}

/** Ids typed on more than one row: each id with the 1-based positions of its rows. */
export function repeatedIds(ids: readonly string[]): Map<string, number[]> {
  const at = new Map<string, number[]>();
  ids.forEach((raw, i) => {
    const id = raw.trim();
    if (!id) return;
    const list = at.get(id);
    if (list) list.push(i);
    else at.set(id, [i]);
  });
  for (const [id, list] of at) if (list.length < 2) at.delete(id);
  return at;
}

// ---------------------------------------------------------------------------------------------------------
// Pairs

export interface PairRead {
  pair: Pair;
  /** The last recorded meeting or activity; null when none is recorded. */
  lastActivity: IsoDate | null;
  reason: string;
  score: number | null;
  problems: FieldProblem[];
}

const HISTORY_LINE = /^(\d{2}\.\d{2}\.\d{4}):\s*(?:([\p{L}]+)\s*→\s*)?([\p{L}]+)(?:\s*—\s*(.*))?$/u;

/** One line per change: «05.12.2023: предложено — автоподбор», «06.12.2023: предложено → действует — приказ № 5». */
export function formatHistoryEntry(e: PairHistoryEntry): string {
  const change = e.from ? `${PAIR_STATUS_LABELS[e.from]} → ${PAIR_STATUS_LABELS[e.to]}` : PAIR_STATUS_LABELS[e.to];
  return `${formatRuDate(e.date)}: ${change}${e.note ? ` — ${e.note.replace(/\s*\n\s*/g, ' ')}` : ''}`;
}

/** The history text with new entries appended; what was there stays as it was. */
export function appendHistory(text: string, entries: readonly PairHistoryEntry[]): string {
  const lines = entries.map(formatHistoryEntry);
  const old = text.replace(/\s+$/, '');
  return [old, ...lines].filter((l) => l !== '').join('\n');
}

/** Entries of a history text; lines that are not entries are returned apart (they stay in the text). */
export function parseHistory(text: string): { entries: PairHistoryEntry[]; bad: string[] } {
  const entries: PairHistoryEntry[] = [];
  const bad: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const m = HISTORY_LINE.exec(line);
    const date = m ? parseDateText(m[1]) : null;
    const to = m ? parsePairStatus(m[3]) : null;
    const from = m && m[2] ? parsePairStatus(m[2]) : null;
    if (!m || !date || !to || (m[2] && !from)) {
      bad.push(line);
      continue;
    }
    entries.push({ date, from, to, note: (m[4] ?? '').trim() });
  }
  return { entries, bad };
}

export function splitIds(text: string): string[] {
  return text.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean);
}

/** «1–5», «1-5», «5 баллов» → '1-5'; «0–100», «100», «%», «проценты» → '0-100'; null when it is neither. */
export function parseSatisfactionScale(text: string): '1-5' | '0-100' | null {
  const t = text.trim().toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0]+/g, '').replace(/[–—−]/g, '-');
  if (/^(1-5|0-5|5|из5|до5|5балл\S*|пятибалльн\S*)$/.test(t)) return '1-5';
  if (/^(0-100%?|1-100%?|100%?|%|из100|до100|процент\S*|впроцентах)$/.test(t)) return '0-100';
  return null;
}

/**
 * A pair from its text record. `organisations` resolves «ОО пары» by code or name (without it, the text is kept
 * as the organisation id).
 */
export function pairFromRecord(rec: TextRecord<PairField>, statuses: readonly string[], organisations?: OrganisationLookup): PairRead {
  const problems: FieldProblem[] = [];
  const { entries, bad } = parseHistory(rec.history);
  if (bad.length) problems.push({ field: 'history', text: bad[0], message: 'запись истории не распознана' });
  const statusText = rec.status.trim();
  let status: PairStatus | null = statusText ? parseStatus(statusText, statuses) : null;
  if (statusText && status === null) problems.push({ field: 'status', text: statusText, message: 'статус не распознан' });
  // A status that cannot be read falls back to the last one the history knows.
  if (status === null) status = entries.length ? entries[entries.length - 1].to : 'proposed';
  const start = readDate(rec, 'start', problems);
  const end = readDate(rec, 'end', problems);
  const orderDate = readDate(rec, 'orderDate', problems);
  const orderNumber = rec.orderNumber.trim();
  const pair: Pair = {
    id: rec.id.trim(),
    mentorId: rec.mentorId.trim(),
    menteeIds: splitIds(rec.menteeIds),
    rolePair: rec.rolePair.trim(),
    format: rec.format.trim(),
    programme: start && end ? { start, end } : null,
    order: orderNumber || orderDate ? { number: orderNumber, date: orderDate ?? '' } : null,
    status,
    result: rec.result.trim(),
    mentorSatisfaction: readNumber(rec, 'mentorSatisfaction', problems),
    menteeSatisfaction: readNumber(rec, 'menteeSatisfaction', problems),
    history: entries,
  };
  const orgText = (rec.organisation ?? '').trim();
  if (orgText) pair.organisationId = organisations ? resolveOrganisation(orgText, organisations, problems) : orgText;
  const scaleText = (rec.satisfactionScale ?? '').trim();
  if (scaleText) {
    const scale = parseSatisfactionScale(scaleText);
    if (scale) pair.satisfactionScale = scale;
    else problems.push({ field: 'satisfactionScale', text: scaleText, message: 'шкала не распознана: укажите «1–5» или «0–100»' });
  }
  return {
    pair,
    lastActivity: readDate(rec, 'lastActivity', problems),
    reason: rec.reason.trim(),
    score: readNumber(rec, 'score', problems),
    problems,
  };
}

/**
 * The status the sheet shows against the one its history ends with: a change made by hand on the sheet (or a
 * pair typed in by hand, with no history yet) becomes a history entry dated `asOf`.
 */
export function manualStatusChange(read: PairRead, asOf: IsoDate): PairHistoryEntry | null {
  const h = read.pair.history;
  const last = h.length ? h[h.length - 1] : null;
  if (last && last.to === read.pair.status) return null;
  if (!last) return { date: asOf, from: null, to: read.pair.status, note: 'внесено на листе' };
  return { date: last.date > asOf ? last.date : asOf, from: last.to, to: read.pair.status, note: 'изменено на листе' };
}

/** The fields of a pair the add-on writes, as text; the caller keeps the other fields as they were. */
export function pairRecordFields(pair: Pair, statuses: readonly string[]): Partial<TextRecord<PairField>> {
  return {
    id: pair.id,
    mentorId: pair.mentorId,
    menteeIds: pair.menteeIds.join(', '),
    rolePair: pair.rolePair,
    format: pair.format,
    start: pair.programme?.start ?? '',
    end: pair.programme?.end ?? '',
    orderNumber: pair.order?.number ?? '',
    orderDate: pair.order?.date ?? '',
    status: statusLabel(pair.status, statuses),
  };
}

/** Default programme dates: from `start`, `months` long (3–12), ending the day before the same date `months` later. */
export function defaultProgramme(start: IsoDate, months: number): { start: IsoDate; end: IsoDate } {
  const m = Math.min(12, Math.max(3, Math.round(months)));
  return { start, end: addDays(addMonths(start, m), -1) };
}
