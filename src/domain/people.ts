// People of the mentoring model and their pure rules: who is a young specialist, whether consent allows
// processing, which records are duplicates, whether a personalised programme (ППН) has a lawful length, and how
// a pair's status may change. Pairs are never deleted: every change appends to the pair's history.
import type { IsoDate } from './types';
import { addDays, addMonths, formatRuDate, parseIsoDate } from './iso-date';

export type OrganisationKind = 'school' | 'kindergarten' | 'additional' | 'college' | 'other';

export const ORGANISATION_KIND_LABELS: Readonly<Record<OrganisationKind, string>> = {
  school: 'общеобразовательная организация',
  kindergarten: 'дошкольная образовательная организация',
  additional: 'организация дополнительного образования',
  college: 'профессиональная образовательная организация',
  other: 'иная организация',
};

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  municipality: string;
  /** Curator (куратор) of the model in the organisation; '' when not appointed. */
  curator: string;
}

export interface Mentor {
  id: string;
  fullName: string;
  organisationId: string;
  position: string;
  /** Subject or area («математика», «начальные классы», «воспитатель»). */
  subject: string;
  /** Teaching experience, years; null when unknown. */
  experienceYears: number | null;
  /** Qualification category («высшая», «первая», «соответствие занимаемой должности», «без категории»). */
  category: string;
  /** Mentor level as the local Положение names it («наставник», «старший наставник», «ведущий наставник»). */
  level: string;
  /** Strengths and competencies, one phrase each («оценивание», «работа с родителями»). */
  strengths: string[];
  /** Most mentees at once (usually 1–3). */
  capacity: number;
  /** Preferred forms/formats («традиционное», «виртуальное»…). */
  preferredFormats: string[];
  /** Date of the written consent to personal-data processing; null when absent. */
  consentDate: IsoDate | null;
  /**
   * Optional (indicators): where the mentor worked since which date, for people who moved between organisations.
   * Indicators count a person in the organisation of the latest entry not after the date; `organisationId` is
   * used when this is absent or every entry is later.
   */
  organisationHistory?: { organisationId: string; from: IsoDate }[];
}

/** Mentee categories named by the model; the primary target group is the young specialist. */
export type MenteeGroup = 'young-specialist' | 'new-position' | 'moved' | 'difficulties' | 'other';

export const MENTEE_GROUP_LABELS: Readonly<Record<MenteeGroup, string>> = {
  'young-specialist': 'молодой специалист',
  'new-position': 'назначен на новую должность',
  moved: 'перешёл из другой организации',
  difficulties: 'испытывает профессиональные затруднения',
  other: 'иное',
};

export interface Mentee {
  id: string;
  fullName: string;
  organisationId: string;
  position: string;
  subject: string;
  /** Age in full years; null when only the birth date (or nothing) is known. */
  age: number | null;
  birthDate?: IsoDate | null;
  experienceYears: number | null;
  /** Qualification category. */
  category: string;
  group?: MenteeGroup;
  /** Professional deficits from diagnostics, one phrase each. */
  deficits: string[];
  /** The mentee's own request (запрос). */
  request: string;
  preferredFormats: string[];
  includedDate: IsoDate | null;
  consentDate: IsoDate | null;
  /** Optional (indicators): organisations since which date, for people who moved (see Mentor.organisationHistory). */
  organisationHistory?: { organisationId: string; from: IsoDate }[];
  /** Optional (indicators): date the final diagnostics found the mentee's deficits closed; null/absent = not closed. */
  deficitsClosedDate?: IsoDate | null;
  /**
   * Optional (indicators, retention of young specialists): date the person left teaching in the municipality
   * (уволился). A move to another organisation is recorded in `organisationHistory`, not here.
   */
  leftDate?: IsoDate | null;
}

export type PairStatus = 'proposed' | 'active' | 'completed' | 'cancelled';

export const PAIR_STATUS_LABELS: Readonly<Record<PairStatus, string>> = {
  proposed: 'предложено',
  active: 'действует',
  completed: 'завершено',
  cancelled: 'отменено',
};

/** Where a status may go. Completed and cancelled are final: a new pair is created instead. */
export const PAIR_TRANSITIONS: Readonly<Record<PairStatus, readonly PairStatus[]>> = {
  proposed: ['active', 'cancelled'],
  active: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export interface PairHistoryEntry {
  date: IsoDate;
  /** null for the entry that created the pair. */
  from: PairStatus | null;
  to: PairStatus;
  /** Reason or comment (required for a cancellation). */
  note: string;
}

export interface Programme {
  start: IsoDate;
  end: IsoDate;
  /** Deficits the programme addresses. */
  deficits?: string[];
}

export interface Pair {
  id: string;
  mentorId: string;
  /** One mentee for a pair, several for a group. */
  menteeIds: string[];
  /** Role pair («учитель–учитель», «руководитель–учитель», …), as the local dictionary spells it. */
  rolePair: string;
  /** Format («традиционное», «в группе», «виртуальное», …). */
  format: string;
  /** Personalised mentoring programme (ППН). */
  programme: Programme | null;
  /** The head's order that fixes the pair. */
  order: { number: string; date: IsoDate } | null;
  status: PairStatus;
  result: string;
  /** Satisfaction, as the survey scale gives it (e.g. 1–5 or 0–100 %); null when not asked yet. */
  mentorSatisfaction: number | null;
  menteeSatisfaction: number | null;
  history: PairHistoryEntry[];
  /**
   * Optional (indicators): the organisation whose order fixed the pair. When absent, a pair belongs to the
   * organisation of its first mentee (else its mentor) on the date it is counted.
   */
  organisationId?: string;
  /** Optional (indicators): the survey scale of both satisfaction scores; when absent it is inferred (≤ 5 → 1–5). */
  satisfactionScale?: '1-5' | '0-100';
}

/** Left teaching on or before `asOf`: no longer waits for a mentor and is not offered one. */
export function hasLeft(mentee: Pick<Mentee, 'leftDate'>, asOf: IsoDate): boolean {
  return !!mentee.leftDate && /^\d{4}-\d{2}-\d{2}$/.test(mentee.leftDate) && mentee.leftDate <= asOf;
}

// ---------------------------------------------------------------------------------------------------------
// Young specialists

/** Full years between a birth date and a date, by calendar (a birthday on 29 Feb counts from 1 Mar). */
export function ageOn(birthDate: IsoDate, asOf: IsoDate): number | null {
  const b = parseIsoDate(birthDate);
  const d = parseIsoDate(asOf);
  if (!b || !d) return null;
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age--;
  return age;
}

/** Age from the record: the stated age, else computed from the birth date. */
export function menteeAge(mentee: Pick<Mentee, 'age' | 'birthDate'>, asOf: IsoDate): number | null {
  if (typeof mentee.age === 'number' && Number.isFinite(mentee.age)) return mentee.age;
  return mentee.birthDate ? ageOn(mentee.birthDate, asOf) : null;
}

export const YOUNG_SPECIALIST_MAX_AGE_EXCLUSIVE = 35;
export const YOUNG_SPECIALIST_MAX_EXPERIENCE = 3;

/**
 * The primary target group: under 35 AND 0–3 years of teaching experience. 'unknown' when the data needed
 * is missing, so indicators can say how many records could not be classified instead of guessing.
 */
export function youngSpecialistStatus(
  mentee: Pick<Mentee, 'age' | 'birthDate' | 'experienceYears'>,
  asOf: IsoDate,
): 'yes' | 'no' | 'unknown' {
  const age = menteeAge(mentee, asOf);
  const exp = mentee.experienceYears;
  const expKnown = typeof exp === 'number' && Number.isFinite(exp);
  // One failed condition is enough to say no, even when the other is unknown.
  if (age !== null && age >= YOUNG_SPECIALIST_MAX_AGE_EXCLUSIVE) return 'no';
  if (expKnown && (exp < 0 || exp > YOUNG_SPECIALIST_MAX_EXPERIENCE)) return 'no';
  if (age === null || !expKnown) return 'unknown';
  return 'yes';
}

export function isYoungSpecialist(mentee: Pick<Mentee, 'age' | 'birthDate' | 'experienceYears'>, asOf: IsoDate): boolean {
  return youngSpecialistStatus(mentee, asOf) === 'yes';
}

// ---------------------------------------------------------------------------------------------------------
// Consent

export type Role = 'mentor' | 'mentee';

const ROLE_GENITIVE: Readonly<Record<Role, string>> = { mentor: 'наставника', mentee: 'наставляемого' };

/**
 * Why the person's consent does not allow processing on `asOf`, or null when it does: the date must be present,
 * a real date, and not later than `asOf`.
 */
export function consentProblem(person: { id: string; consentDate: IsoDate | null }, role: Role, asOf: IsoDate): string | null {
  const who = `${ROLE_GENITIVE[role]} ${person.id}`;
  const date = person.consentDate;
  if (date === null || date === '') return `Нет согласия ${who} на обработку персональных данных`;
  if (!parseIsoDate(date)) return `Дата согласия ${who} не распознана: «${date}»`;
  if (date > asOf) return `Согласие ${who} датировано ${formatRuDate(date)} — позже ${formatRuDate(asOf)}`;
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Duplicates

/** Case, «ё», punctuation and spacing do not make a different person: «Иванова  Анна-Мария» = «иванова анна мария». */
export function normaliseFullName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The same normalised full name in the same organisation. */
export function duplicateKey(person: { fullName: string; organisationId: string }): string | null {
  const name = normaliseFullName(person.fullName);
  if (name === '') return null;
  return `${name}\u0000${person.organisationId.trim().toLowerCase()}`;
}

/** Groups (≥ 2 ids, in input order) of records that describe the same person. */
export function findDuplicates(people: readonly { id: string; fullName: string; organisationId: string }[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const p of people) {
    const key = duplicateKey(p);
    if (key === null) continue;
    const g = groups.get(key);
    if (g) g.push(p.id);
    else groups.set(key, [p.id]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

// ---------------------------------------------------------------------------------------------------------
// Personalised programme (ППН)

export const PROGRAMME_MIN_MONTHS = 3;
export const PROGRAMME_MAX_MONTHS = 12;

/**
 * Problems with a programme's dates, in Russian; empty when it is fine. Dates are inclusive: 01.09.2023–30.11.2023
 * is 3 months and 01.09.2023–31.08.2024 is 12. A programme that ends on the anniversary of its start
 * (01.09.2023–01.09.2024) is accepted too, since documents commonly write it so.
 */
export function programmeProblems(programme: Pick<Programme, 'start' | 'end'> | null): string[] {
  if (!programme || !programme.start || !programme.end) return ['Не указаны даты начала и окончания ППН'];
  const problems: string[] = [];
  if (!parseIsoDate(programme.start)) problems.push(`Дата начала ППН не распознана: «${programme.start}»`);
  if (!parseIsoDate(programme.end)) problems.push(`Дата окончания ППН не распознана: «${programme.end}»`);
  if (problems.length) return problems;
  const { start, end } = programme;
  const span = `${formatRuDate(start)}–${formatRuDate(end)}`;
  if (end < start) return [`ППН заканчивается раньше, чем начинается (${span})`];
  if (end < addDays(addMonths(start, PROGRAMME_MIN_MONTHS), -1)) {
    problems.push(`ППН короче ${PROGRAMME_MIN_MONTHS} месяцев (${span})`);
  }
  if (end > addMonths(start, PROGRAMME_MAX_MONTHS)) problems.push(`ППН длиннее ${PROGRAMME_MAX_MONTHS} месяцев (${span})`);
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Pairs and their status

/** Accepts the Russian labels (any case, «ё» or «е») and the English keys. */
export function parsePairStatus(text: string): PairStatus | null {
  const t = text.trim().toLowerCase().replace(/ё/g, 'е');
  for (const [key, label] of Object.entries(PAIR_STATUS_LABELS) as [PairStatus, string][]) {
    if (t === key || t === label) return key;
  }
  return null;
}

export interface NewPair {
  id: string;
  mentorId: string;
  menteeIds: string[];
  rolePair?: string;
  format?: string;
  programme?: Programme | null;
  order?: { number: string; date: IsoDate } | null;
}

/** A new pair starts as «предложено» with its creation in the history. */
export function proposePair(p: NewPair, date: IsoDate, note = ''): Pair {
  return {
    id: p.id,
    mentorId: p.mentorId,
    menteeIds: [...p.menteeIds],
    rolePair: p.rolePair ?? '',
    format: p.format ?? '',
    programme: p.programme ?? null,
    order: p.order ?? null,
    status: 'proposed',
    result: '',
    mentorSatisfaction: null,
    menteeSatisfaction: null,
    history: [{ date, from: null, to: 'proposed', note }],
  };
}

export interface StatusChange {
  to: PairStatus;
  date: IsoDate;
  /** Reason or comment; required to cancel. */
  note?: string;
  /** Needed to activate: consent of every participant is checked on `date`. */
  mentor?: Pick<Mentor, 'id' | 'consentDate'>;
  mentees?: Pick<Mentee, 'id' | 'consentDate'>[];
}

export type StatusChangeResult = { ok: true; pair: Pair; warnings: string[] } | { ok: false; error: string };

/**
 * Applies a status change, returning a new Pair with the change appended to its history (the input is not
 * modified). Refusals and warnings are in Russian.
 */
export function changePairStatus(pair: Pair, change: StatusChange): StatusChangeResult {
  const { to, date } = change;
  const note = (change.note ?? '').trim();
  const from = pair.status;
  const label = (s: PairStatus): string => `«${PAIR_STATUS_LABELS[s]}»`;
  if (!parseIsoDate(date)) return { ok: false, error: `Дата смены статуса не распознана: «${date}»` };
  if (to === from) return { ok: false, error: `Пара ${pair.id} уже в статусе ${label(to)}` };
  if (!PAIR_TRANSITIONS[from].includes(to)) {
    if (from === 'completed' || from === 'cancelled') {
      return {
        ok: false,
        error: `Пара ${pair.id} в статусе ${label(from)}: история не меняется, для новой работы создайте новую пару`,
      };
    }
    return { ok: false, error: `Нельзя перевести пару ${pair.id} из ${label(from)} в ${label(to)}` };
  }
  const last = pair.history[pair.history.length - 1];
  if (last && date < last.date) {
    return { ok: false, error: `Дата ${formatRuDate(date)} раньше последнего изменения пары (${formatRuDate(last.date)})` };
  }
  const warnings: string[] = [];
  if (to === 'cancelled' && note === '') return { ok: false, error: 'Укажите причину отмены пары' };
  if (to === 'active') {
    if (!change.mentor || !change.mentees) {
      return { ok: false, error: 'Чтобы пара начала действовать, нужны данные о согласиях наставника и наставляемых' };
    }
    const missing = pair.menteeIds.filter((id) => !change.mentees!.some((m) => m.id === id));
    if (change.mentor.id !== pair.mentorId || missing.length) {
      return { ok: false, error: `Нет данных участников пары ${pair.id}: ${[...(change.mentor.id !== pair.mentorId ? [pair.mentorId] : []), ...missing].join(', ')}` };
    }
    const problems = [
      consentProblem(change.mentor, 'mentor', date),
      ...pair.menteeIds.map((id) => consentProblem(change.mentees!.find((m) => m.id === id)!, 'mentee', date)),
    ].filter((p): p is string => p !== null);
    if (problems.length) return { ok: false, error: problems.join('; ') };
    if (!pair.order) warnings.push('Пара не закреплена приказом: укажите номер и дату приказа');
    warnings.push(...programmeProblems(pair.programme));
  }
  if (to === 'completed' && pair.programme?.end && parseIsoDate(pair.programme.end) && date < pair.programme.end) {
    warnings.push(`ППН рассчитана до ${formatRuDate(pair.programme.end)}, а пара завершена ${formatRuDate(date)}`);
  }
  return {
    ok: true,
    pair: { ...pair, status: to, history: [...pair.history, { date, from, to, note }] },
    warnings,
  };
}

/** The status a pair had at the end of `date`, from its history; null before it existed. */
export function pairStatusOn(pair: Pick<Pair, 'history'>, date: IsoDate): PairStatus | null {
  let status: PairStatus | null = null;
  for (const h of pair.history) {
    if (h.date > date) break;
    status = h.to;
  }
  return status;
}

/** Completed pairs count in results; cancelled ones never do. */
export function countsInResults(pair: Pick<Pair, 'status'>): boolean {
  return pair.status === 'completed';
}

/** Statuses that hold a mentor's place: a proposed pair already reserves it. */
export function occupiesCapacity(status: PairStatus): boolean {
  return status === 'proposed' || status === 'active';
}

/** Current mentees per mentor, counting proposed and active pairs. */
export function mentorLoads(pairs: readonly Pick<Pair, 'mentorId' | 'menteeIds' | 'status'>[]): Map<string, number> {
  const loads = new Map<string, number>();
  for (const p of pairs) {
    if (!occupiesCapacity(p.status)) continue;
    loads.set(p.mentorId, (loads.get(p.mentorId) ?? 0) + p.menteeIds.length);
  }
  return loads;
}
