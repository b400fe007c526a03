// The «Подбор пар» sidebar: server functions, one round trip per user action, each reading the bases once and
// writing the «Пары» sheet in one block, so the service calls never grow with the number of people.
//
// RPC contract (google.script.run; plain objects; dates are ISO `YYYY-MM-DD` strings; ids are the keys, names
// are only for display). Every call that changes something returns the refreshed PairingState, so the sidebar
// never needs a second call. A rule that blocks an action is thrown as a UserError whose message is Russian:
// a first line («Пару нельзя закрепить:») then one line per broken rule, each starting with «— ».
//
//   pairingState(filters?: PairingFilters)                 → PairingState
//       unmatched mentees (with their consent problems), filter options, counts, proposals awaiting approval,
//       dictionaries and defaults for the assignment form.
//   pairingCandidates(menteeId: string)                    → PairingCandidates
//       the best mentors for a mentee with score, reasons and blocks.
//   pairingAssign(req: AssignRequest)                      → AssignResult
//       validates every rule (same person, consent, capacity, already paired, ППН 3–12 months, form and format
//       from the dictionaries, order number and date when publishing) and writes a pair as «предложено»
//       (publish: false) or «действует» (publish: true).
//   pairingAutomatch(req: AutomatchRequest)                → AutomatchResult
//       the exact optimum over all unmatched mentees (or the filtered ones) with the mentors' free places,
//       written as «предложено»; active pairs are never touched; replaceProposals cancels earlier proposals.
//   pairingApprove(req: ApproveRequest)                    → ApproveResult
//       publishes proposals: «действует», order number and date, a history entry. All or none.
//   pairingReject(pairIds: string[], reason: string, filters?: PairingFilters) → RejectResult
//       «отменено» with the reason (pairs are never deleted). All or none.
//   showPairingSidebar()                                   opens dist/Pairing.html titled «Подбор пар».
import { assignGreedy, assignOptimal, type AssignInput, type MatchPriority } from '../domain/matching';
import {
  changePairStatus,
  hasLeft,
  consentProblem,
  occupiesCapacity,
  PAIR_STATUS_LABELS,
  programmeProblems,
  proposePair,
  youngSpecialistStatus,
  type Mentee,
  type Mentor,
  type Pair,
  type PairHistoryEntry,
  type PairStatus,
} from '../domain/people';
import { allowedScores, matchingInput, prepareContext, prepareMentee, prepareMentor, scoreCandidate, scorePrepared, type ScoreReason } from '../domain/scoring';
import { matchEntry, menteeGroupLabel, normaliseEntry, statusLabel } from '../domain/dictionaries';
import { appendHistory, defaultProgramme, emptyRecord, PAIR_FIELDS, pairRecordFields, parseDateText, type PairField, type TextRecord } from '../domain/people-records';
import { diffDays, formatRuDate, parseIsoDate } from '../domain/iso-date';
import { formatUpTo } from '../domain/russian';
import type { IsoDate } from '../domain/types';
import { savePairs } from '../sheets/people-sheets';
import { PEOPLE_SHEETS } from '../sheets/people-schema';
import { activeSpreadsheet, today, UserError, withDocumentLock } from './context';
import { idAllocator, loadPeopleData, pairedMentees, withIds, type Entry, type PairEntry, type PeopleData } from './people-data';

export interface PairingFilters {
  /** Organisation id. */
  organisationId?: string;
  subject?: string;
  /** Mentee category label, as in `filterOptions.categories`. */
  category?: string;
  /** Part of a name or id. */
  query?: string;
}

export interface MenteeView {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  position: string;
  subject: string;
  /** Mentee category label («молодой специалист», …); '' when unknown. */
  category: string;
  young: 'yes' | 'no' | 'unknown';
  age: number | null;
  experienceYears: number | null;
  deficits: string[];
  request: string;
  preferredFormats: string[];
  includedDate: IsoDate | null;
  /** Days since inclusion (or the last cancelled pair); null when not known. */
  waitingDays: number | null;
  /** Why the mentee cannot be paired yet (consent), or null. */
  consentProblem: string | null;
}

export interface MentorView {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  position: string;
  subject: string;
  experienceYears: number | null;
  category: string;
  level: string;
  strengths: string[];
  capacity: number;
  /** Mentees in proposed and active pairs. */
  load: number;
  free: number;
}

export interface CandidateView {
  mentor: MentorView;
  /** 0..1. */
  score: number;
  /** No rule blocks the pair (the mentee's own blocks included). */
  allowed: boolean;
  /** Score components; their points add up to the score. */
  reasons: ScoreReason[];
  /** Rules that block this mentor for this mentee (the mentee's own blocks are in `menteeBlocks`). */
  blocks: string[];
}

export interface PairView {
  id: string;
  status: PairStatus;
  /** The label the workbook's dictionary uses. */
  statusLabel: string;
  mentorId: string;
  mentorName: string;
  menteeIds: string[];
  menteeNames: string[];
  rolePair: string;
  format: string;
  programmeStart: IsoDate | null;
  programmeEnd: IsoDate | null;
  orderNumber: string;
  orderDate: IsoDate | null;
  score: number | null;
  /** The history, one line per change. */
  history: string[];
}

export interface PairingState {
  asOf: IsoDate;
  filters: PairingFilters;
  /** Unmatched mentees passing the filters: longest waiting first. */
  mentees: MenteeView[];
  filterOptions: { organisations: { id: string; name: string }[]; subjects: string[]; categories: string[] };
  counts: {
    mentees: number;
    unmatched: number;
    shown: number;
    /** Unmatched mentees whose consent does not allow pairing. */
    withoutConsent: number;
    mentors: number;
    mentorsWithPlaces: number;
    freePlaces: number;
    proposed: number;
    active: number;
  };
  /** Pairs «предложено», awaiting approval. */
  proposals: PairView[];
  options: {
    rolePairs: string[];
    formats: string[];
    defaults: { rolePair: string; format: string; programmeStart: IsoDate; programmeEnd: IsoDate };
    candidateCount: number;
  };
  /** Things the coordinator should know (records without ids, unreadable settings…). */
  notices: string[];
}

export interface PairingCandidates {
  mentee: MenteeView;
  /** Mentors no pair rule blocks, best first (at most the «Кандидатов в боковой панели» setting). */
  candidates: CandidateView[];
  /** The best-scoring mentors a rule blocks, with the reasons (at most as many). */
  blocked: CandidateView[];
  /** Rules that block the mentee with anyone (consent). */
  menteeBlocks: string[];
}

export interface AssignRequest {
  mentorId: string;
  /** One mentee for a pair, several for a group. */
  menteeIds: string[];
  rolePair?: string;
  format?: string;
  programmeStart: IsoDate;
  programmeEnd: IsoDate;
  /** true: the pair starts at once («действует»), the order number and date are required. */
  publish?: boolean;
  orderNumber?: string;
  orderDate?: IsoDate;
  /** Cancel the mentees' earlier «предложено» pairs instead of refusing. */
  replaceProposals?: boolean;
  /** Filters of the returned state. */
  filters?: PairingFilters;
}

export interface AssignResult {
  pair: PairView;
  warnings: string[];
  /** Ids of proposals cancelled to make room (replaceProposals). */
  cancelled: string[];
  state: PairingState;
}

export interface AutomatchRequest {
  /** 'score': the highest total score; 'coverage': as many mentees matched as possible, then the score. */
  priority: MatchPriority;
  /** Cancel the earlier «предложено» pairs (of the filtered mentees) and match them again. */
  replaceProposals?: boolean;
  /** Match only the mentees passing these filters. */
  filters?: PairingFilters;
}

export interface AutomatchResult {
  priority: MatchPriority;
  proposed: PairView[];
  /** Pool mentees given a mentor now. */
  matched: number;
  /** Pool mentees left without one (no allowed mentor with a free place). */
  unmatched: number;
  pool: { mentees: number; mentors: number; places: number; candidatePairs: number };
  total: number;
  average: number;
  /** What picking the best pair first would have given, for comparison. */
  greedy: { total: number; matched: number };
  cancelled: string[];
  state: PairingState;
}

export interface ApproveRequest {
  pairIds: string[];
  orderNumber: string;
  orderDate: IsoDate;
  filters?: PairingFilters;
}

export interface ApproveResult {
  approved: PairView[];
  warnings: string[];
  state: PairingState;
}

export interface RejectResult {
  rejected: PairView[];
  state: PairingState;
}

// ---------------------------------------------------------------------------------------------------------
// Views

interface Pools {
  mentors: Entry<Mentor>[];
  mentees: Entry<Mentee>[];
  mentorById: Map<string, Mentor>;
  menteeById: Map<string, Mentee>;
  loads: Map<string, number>;
  names: Map<string, string>;
  /** The date a mentee's last pair was cancelled (they wait again from then). */
  freedOn: Map<string, IsoDate>;
  /** Mentee id → the pairs that hold a place for them (proposed or active). */
  holding: Map<string, PairEntry[]>;
}

function pools(data: PeopleData): Pools {
  const mentors = withIds(data.mentors);
  const mentees = withIds(data.mentees);
  const loads = new Map<string, number>();
  const freedOn = new Map<string, IsoDate>();
  const holding = new Map<string, PairEntry[]>();
  for (const p of data.pairs) {
    const pair = p.read.pair;
    if (occupiesCapacity(pair.status)) {
      loads.set(pair.mentorId, (loads.get(pair.mentorId) ?? 0) + pair.menteeIds.length);
      for (const id of pair.menteeIds) holding.set(id, [...(holding.get(id) ?? []), p]);
    }
    if (pair.status === 'cancelled') {
      const last = pair.history[pair.history.length - 1];
      for (const id of pair.menteeIds) if (last && (freedOn.get(id) ?? '') < last.date) freedOn.set(id, last.date);
    }
  }
  const names = new Map<string, string>();
  for (const e of [...mentors, ...mentees]) if (!names.has(e.item.id)) names.set(e.item.id, e.item.fullName);
  return {
    mentors,
    mentees,
    mentorById: new Map(mentors.map((e) => [e.item.id, e.item])),
    menteeById: new Map(mentees.map((e) => [e.item.id, e.item])),
    loads,
    names,
    freedOn,
    holding,
  };
}

function categoryOf(data: PeopleData, m: Mentee, young: 'yes' | 'no' | 'unknown'): string {
  const group = m.group ?? (young === 'yes' ? 'young-specialist' : null);
  return group ? menteeGroupLabel(group, data.dictionaries.menteeCategories) : '';
}

/** Since when a mentee waits: inclusion, or the cancellation of their last pair if later. */
function waitingSince(p: Pools, m: Mentee): IsoDate | null {
  const included = m.includedDate && parseIsoDate(m.includedDate) ? m.includedDate : null;
  const freed = p.freedOn.get(m.id) ?? null;
  return included && freed ? (freed > included ? freed : included) : included ?? freed;
}

function menteeView(data: PeopleData, p: Pools, m: Mentee): MenteeView {
  const young = youngSpecialistStatus(m, data.asOf);
  const since = waitingSince(p, m);
  return {
    id: m.id,
    name: m.fullName,
    organisationId: m.organisationId,
    organisationName: data.orgLookup.name(m.organisationId),
    position: m.position,
    subject: m.subject,
    category: categoryOf(data, m, young),
    young,
    age: m.age ?? null,
    experienceYears: m.experienceYears,
    deficits: m.deficits,
    request: m.request,
    preferredFormats: m.preferredFormats,
    includedDate: m.includedDate,
    waitingDays: since && since <= data.asOf ? diffDays(since, data.asOf) : null,
    consentProblem: consentProblem(m, 'mentee', data.asOf),
  };
}

function mentorView(data: PeopleData, p: Pools, m: Mentor): MentorView {
  const load = p.loads.get(m.id) ?? 0;
  return {
    id: m.id,
    name: m.fullName,
    organisationId: m.organisationId,
    organisationName: data.orgLookup.name(m.organisationId),
    position: m.position,
    subject: m.subject,
    experienceYears: m.experienceYears,
    category: m.category,
    level: m.level,
    strengths: m.strengths,
    capacity: m.capacity,
    load,
    free: Math.max(0, Math.floor(m.capacity) - load),
  };
}

function pairView(data: PeopleData, names: Map<string, string>, e: PairEntry): PairView {
  const pair = e.read.pair;
  return {
    id: pair.id,
    status: pair.status,
    statusLabel: statusLabel(pair.status, data.dictionaries.statuses),
    mentorId: pair.mentorId,
    mentorName: names.get(pair.mentorId) ?? '',
    menteeIds: pair.menteeIds,
    menteeNames: pair.menteeIds.map((id) => names.get(id) ?? ''),
    rolePair: pair.rolePair,
    format: pair.format,
    programmeStart: pair.programme?.start ?? null,
    programmeEnd: pair.programme?.end ?? null,
    orderNumber: pair.order?.number ?? '',
    orderDate: pair.order?.date || null,
    score: e.read.score,
    history: e.record.history.split(/\r?\n/).filter((l) => l.trim() !== ''),
  };
}

function cleanFilters(f: PairingFilters | undefined | null): PairingFilters {
  const out: PairingFilters = {};
  if (!f || typeof f !== 'object') return out;
  for (const k of ['organisationId', 'subject', 'category', 'query'] as const) {
    const v = f[k];
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  }
  return out;
}

function passes(v: MenteeView, f: PairingFilters): boolean {
  if (f.organisationId && v.organisationId !== f.organisationId) return false;
  if (f.subject && normaliseEntry(v.subject) !== normaliseEntry(f.subject)) return false;
  if (f.category && normaliseEntry(v.category) !== normaliseEntry(f.category)) return false;
  if (f.query) {
    const q = f.query.toLowerCase().replace(/ё/g, 'е');
    if (!`${v.id} ${v.name}`.toLowerCase().replace(/ё/g, 'е').includes(q)) return false;
  }
  return true;
}

function unmatchedViews(data: PeopleData, p: Pools): MenteeView[] {
  const paired = pairedMentees(data.pairs.map((e) => e.read.pair));
  return p.mentees.filter((e) => !paired.has(e.item.id) && !hasLeft(e.item, data.asOf)).map((e) => menteeView(data, p, e.item));
}

function buildState(data: PeopleData, filters: PairingFilters): PairingState {
  const p = pools(data);
  const unmatched = unmatchedViews(data, p);
  const shown = unmatched
    .filter((v) => passes(v, filters))
    .sort((a, b) => (b.waitingDays ?? -1) - (a.waitingDays ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const orgs = new Map<string, string>();
  const subjects = new Map<string, string>();
  const categories = new Set<string>();
  for (const v of unmatched) {
    if (v.organisationId) orgs.set(v.organisationId, v.organisationName);
    if (v.subject && !subjects.has(normaliseEntry(v.subject))) subjects.set(normaliseEntry(v.subject), v.subject);
    if (v.category) categories.add(v.category);
  }
  const categoryOrder = data.dictionaries.menteeCategories;
  const mentorsWithPlaces = p.mentors.filter((e) => (p.loads.get(e.item.id) ?? 0) < Math.floor(e.item.capacity));
  const statusCount = (s: PairStatus) => data.pairs.filter((e) => e.read.pair.status === s).length;
  const programme = defaultProgramme(data.asOf, data.settings.programmeMonths);
  const notices = [...data.problems];
  const noId = (list: Entry<{ id: string }>[]) => list.filter((e) => !e.item.id).length;
  if (noId(data.mentees) || noId(data.mentors)) {
    notices.push(`Без кода (не участвуют в подборе): наставляемых ${noId(data.mentees)}, наставников ${noId(data.mentors)}. Выполните «Проверить базы».`);
  }
  if (!data.pairsTable.sheet) notices.push(`Листа «${PEOPLE_SHEETS.pairs}» нет: выполните «Создать базы наставников и наставляемых».`);
  return {
    asOf: data.asOf,
    filters,
    mentees: shown,
    filterOptions: {
      organisations: [...orgs].map(([id, name]) => ({ id, name })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      subjects: [...subjects.values()].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)),
      categories: [...categories].sort((a, b) => rank(categoryOrder, a) - rank(categoryOrder, b) || (a < b ? -1 : 1)),
    },
    counts: {
      mentees: p.mentees.length,
      unmatched: unmatched.length,
      shown: shown.length,
      withoutConsent: unmatched.filter((v) => v.consentProblem !== null).length,
      mentors: p.mentors.length,
      mentorsWithPlaces: mentorsWithPlaces.length,
      freePlaces: mentorsWithPlaces.reduce((s, e) => s + Math.floor(e.item.capacity) - (p.loads.get(e.item.id) ?? 0), 0),
      proposed: statusCount('proposed'),
      active: statusCount('active'),
    },
    proposals: data.pairs.filter((e) => e.read.pair.status === 'proposed').map((e) => pairView(data, p.names, e)),
    options: {
      rolePairs: data.dictionaries.rolePairs,
      formats: data.dictionaries.formats,
      defaults: { rolePair: data.settings.defaultRolePair, format: data.settings.defaultFormat, programmeStart: programme.start, programmeEnd: programme.end },
      candidateCount: data.settings.candidateCount,
    },
    notices,
  };
}

function rank(order: readonly string[], v: string): number {
  const i = order.findIndex((o) => normaliseEntry(o) === normaliseEntry(v));
  return i < 0 ? order.length : i;
}

function load(asOf = today()): PeopleData {
  return loadPeopleData(activeSpreadsheet(), asOf);
}

// ---------------------------------------------------------------------------------------------------------
// Reading

export function pairingState(filters?: PairingFilters): PairingState {
  return buildState(load(), cleanFilters(filters));
}

function scoreContext(data: PeopleData, p: Pools) {
  return {
    weights: data.settings.scoring.weights,
    constraints: data.settings.scoring.constraints,
    partnerOrgs: data.partners,
    asOf: data.asOf,
    pairs: data.pairs.map((e) => e.read.pair),
    loads: p.loads,
  };
}

export function pairingCandidates(menteeId: string): PairingCandidates {
  const data = load();
  const p = pools(data);
  const mentee = p.menteeById.get(String(menteeId ?? ''));
  if (!mentee) throw new UserError(`Наставляемый ${menteeId} не найден в базе: обновите список.`);
  const ctx = scoreContext(data, p);
  const own = consentProblem(mentee, 'mentee', data.asOf);
  const menteeBlocks = own && ctx.constraints.requireConsent ? [own] : [];
  const prepared = prepareContext(ctx);
  const pm = prepareMentee(mentee, prepared);
  const all = p.mentors.map((e) => {
    const r = scorePrepared(pm, prepareMentor(e.item, prepared, p.loads.get(e.item.id) ?? 0));
    return { mentor: mentorView(data, p, e.item), score: r.score, allowed: r.allowed, reasons: r.reasons, blocks: r.blocks.filter((b) => !menteeBlocks.includes(b)) };
  });
  const byScore = (a: CandidateView, b: CandidateView) => b.score - a.score || (a.mentor.id < b.mentor.id ? -1 : a.mentor.id > b.mentor.id ? 1 : 0);
  const n = data.settings.candidateCount;
  return {
    mentee: menteeView(data, p, mentee),
    candidates: all.filter((c) => c.blocks.length === 0).sort(byScore).slice(0, n),
    blocked: all.filter((c) => c.blocks.length > 0).sort(byScore).slice(0, n),
    menteeBlocks,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Writing

/** Pair changes of one action, written together at the end. */
class PairChanges {
  readonly changed = new Map<number, TextRecord<PairField>>();
  readonly added: TextRecord<PairField>[] = [];

  constructor(private readonly data: PeopleData, private readonly names: Map<string, string>) {}

  /** Apply a status change to an existing pair entry, keeping every other field as it was. */
  update(e: PairEntry, pair: Pair, newHistory: PairHistoryEntry[], extra: Partial<TextRecord<PairField>> = {}): void {
    e.read.pair = pair;
    e.record = { ...e.record, ...pairRecordFields(pair, this.data.dictionaries.statuses), ...extra, history: appendHistory(e.record.history, newHistory) };
    this.changed.set(e.row, e.record);
  }

  add(pair: Pair, score: number | null, extra: Partial<TextRecord<PairField>> = {}): PairEntry {
    const record: TextRecord<PairField> = {
      ...emptyRecord(PAIR_FIELDS),
      ...pairRecordFields(pair, this.data.dictionaries.statuses),
      mentorName: this.names.get(pair.mentorId) ?? '',
      menteeNames: pair.menteeIds.map((id) => this.names.get(id) ?? '').join(', '),
      score: score === null ? '' : String(score),
      history: appendHistory('', pair.history),
      ...extra,
    };
    this.added.push(record);
    const entry: PairEntry = { row: -1, record, read: { pair, lastActivity: null, reason: record.reason, score, problems: [] } };
    this.data.pairs.push(entry);
    return entry;
  }

  save(): void {
    if (this.changed.size === 0 && this.added.length === 0) return;
    savePairs(this.data.cache, this.data.pairsTable, this.changed, this.added);
  }
}

function requirePairsSheet(data: PeopleData): void {
  if (!data.pairsTable.sheet) {
    throw new UserError(`Листа «${PEOPLE_SHEETS.pairs}» нет: сначала выполните «Наставник → Создать базы наставников и наставляемых».`);
  }
}

function refuse(title: string, problems: readonly string[]): never {
  throw new UserError(`${title}\n${problems.map((p) => `— ${p}`).join('\n')}`);
}

function who(p: Pools, id: string): string {
  const name = p.names.get(id);
  return name ? `${id} (${name})` : id;
}

function checkOrder(number: string | undefined, date: string | undefined, problems: string[]): { number: string; date: IsoDate } | null {
  const n = (number ?? '').trim();
  const d = (date ?? '').trim();
  if (!n) problems.push('Укажите номер приказа, которым закрепляется пара');
  const iso = d ? parseDateText(d) : null;
  if (!d) problems.push('Укажите дату приказа');
  else if (!iso) problems.push(`Дата приказа не распознана: «${d}»`);
  return n && iso ? { number: n, date: iso } : null;
}

function checkDictionary(value: string | undefined, entries: readonly string[], what: string, title: string, required: boolean, problems: string[]): string {
  const v = (value ?? '').trim();
  if (!v) {
    if (required) problems.push(`Укажите ${what}`);
    return '';
  }
  const found = matchEntry(v, entries);
  if (!found) problems.push(`${what[0].toUpperCase()}${what.slice(1)} «${v}» нет в справочнике «${title}»: выберите из списка или добавьте на лист «${PEOPLE_SHEETS.dictionaries}»`);
  return found ?? v;
}

function cancelProposals(data: PeopleData, changes: PairChanges, entries: readonly PairEntry[], reason: string): string[] {
  const ids: string[] = [];
  for (const e of entries) {
    const r = changePairStatus(e.read.pair, { to: 'cancelled', date: data.asOf, note: reason });
    if (!r.ok) continue;
    changes.update(e, r.pair, [r.pair.history[r.pair.history.length - 1]], { reason });
    ids.push(e.read.pair.id);
  }
  return ids;
}

export function pairingAssign(req: AssignRequest): AssignResult {
  if (!req || typeof req !== 'object') throw new UserError('Не заданы наставник и наставляемый.');
  return withDocumentLock(() => {
    const data = load();
    requirePairsSheet(data);
    const p = pools(data);
    const publish = req.publish === true;
    const title = publish ? 'Пару нельзя закрепить:' : 'Пару нельзя предложить:';
    const problems: string[] = [];
    const menteeIds = [...new Set((Array.isArray(req.menteeIds) ? req.menteeIds : []).map((x) => String(x).trim()).filter(Boolean))];
    const mentor = p.mentorById.get(String(req.mentorId ?? '').trim());
    if (!req.mentorId) problems.push('Выберите наставника');
    else if (!mentor) problems.push(`Наставник ${req.mentorId} не найден в базе: обновите список`);
    if (menteeIds.length === 0) problems.push('Выберите наставляемого');
    const mentees: Mentee[] = [];
    for (const id of menteeIds) {
      const m = p.menteeById.get(id);
      if (m) mentees.push(m);
      else problems.push(`Наставляемый ${id} не найден в базе: обновите список`);
    }
    if (problems.length) refuse(title, problems);

    const ctx = scoreContext(data, p);
    // Consent: always to publish (the order needs written consent), for a proposal as the settings say.
    if (publish || ctx.constraints.requireConsent) {
      const c = consentProblem(mentor!, 'mentor', data.asOf);
      if (c) problems.push(c);
      for (const m of mentees) {
        const cm = consentProblem(m, 'mentee', data.asOf);
        if (cm) problems.push(cm);
      }
    }
    // Pair rules as the matcher sees them, except consent (above) and capacity (below, for the whole group).
    const scores: number[] = [];
    for (const m of mentees) {
      const r = scoreCandidate(m, mentor!, { ...ctx, constraints: { ...ctx.constraints, requireConsent: false }, load: p.loads.get(mentor!.id) ?? 0 });
      scores.push(r.score);
      for (const b of r.blocks) {
        if (b.startsWith('Нет свободных мест')) continue;
        const text = b.startsWith('Пара уже существует') ? `${b}: ${who(p, mentor!.id)} и ${who(p, m.id)}` : b.startsWith('Наставник и наставляемый — одно') ? `${b}: ${mentor!.id} и ${m.id}` : b;
        if (!problems.includes(text)) problems.push(text);
      }
    }
    // Already paired with anyone: an active pair always blocks; a proposal blocks unless it is to be replaced.
    const toReplace: PairEntry[] = [];
    for (const m of mentees) {
      for (const e of p.holding.get(m.id) ?? []) {
        const pair = e.read.pair;
        if (pair.mentorId === mentor!.id && problems.some((x) => x.startsWith('Пара уже существует'))) continue;
        if (pair.status === 'active') {
          problems.push(`Наставляемый ${who(p, m.id)} уже в паре ${pair.id} («${PAIR_STATUS_LABELS.active}») с наставником ${pair.mentorId}`);
        } else if (req.replaceProposals === true && pair.menteeIds.length === 1) {
          toReplace.push(e);
        } else {
          problems.push(`Наставляемому ${who(p, m.id)} уже предложена пара ${pair.id} с наставником ${pair.mentorId}: отклоните её или замените предложение`);
        }
      }
    }
    const freed = toReplace.filter((e) => e.read.pair.mentorId === mentor!.id).reduce((s, e) => s + e.read.pair.menteeIds.length, 0);
    const used = (p.loads.get(mentor!.id) ?? 0) - freed;
    const cap = Math.max(0, Math.floor(mentor!.capacity));
    if (used + mentees.length > cap) {
      problems.push(
        used >= cap
          ? `У наставника ${who(p, mentor!.id)} нет свободных мест: занято ${used} из ${cap}`
          : `У наставника ${who(p, mentor!.id)} свободно мест: ${cap - used} из ${cap}, а выбрано наставляемых: ${mentees.length}`,
      );
    }
    const start = parseDateText(String(req.programmeStart ?? ''));
    const end = parseDateText(String(req.programmeEnd ?? ''));
    const programme = start && end ? { start, end } : null;
    if (!req.programmeStart) problems.push('Укажите дату начала ППН');
    else if (!start) problems.push(`Дата начала ППН не распознана: «${req.programmeStart}»`);
    if (!req.programmeEnd) problems.push('Укажите дату окончания ППН');
    else if (!end) problems.push(`Дата окончания ППН не распознана: «${req.programmeEnd}»`);
    if (programme) problems.push(...programmeProblems(programme));
    const rolePair = checkDictionary(req.rolePair, data.dictionaries.rolePairs, 'форму наставничества', 'Формы наставничества', publish, problems);
    const format = checkDictionary(req.format, data.dictionaries.formats, 'формат', 'Форматы', publish, problems);
    const order = publish ? checkOrder(req.orderNumber, req.orderDate, problems) : null;
    if (problems.length) refuse(title, problems);

    const changes = new PairChanges(data, p.names);
    const cancelled = cancelProposals(data, changes, toReplace, 'заменено выбором координатора');
    const ids = idAllocator(data);
    const [pairId] = ids.next('pair', 1);
    let pair = proposePair({ id: pairId, mentorId: mentor!.id, menteeIds, rolePair, format, programme, order }, data.asOf, 'выбор координатора');
    const warnings: string[] = [];
    if (publish) {
      const r = changePairStatus(pair, { to: 'active', date: data.asOf, note: `приказ № ${order!.number} от ${formatRuDate(order!.date)}`, mentor: mentor!, mentees });
      if (!r.ok) refuse(title, [r.error]);
      pair = r.pair;
      warnings.push(...r.warnings);
    }
    const score = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 1e4) / 1e4;
    const entry = changes.add(pair, score);
    changes.save();
    ids.save();
    return { pair: pairView(data, p.names, entry), warnings, cancelled, state: buildState(data, cleanFilters(req.filters)) };
  });
}

export function pairingAutomatch(req: AutomatchRequest): AutomatchResult {
  const priority: MatchPriority = req?.priority === 'coverage' ? 'coverage' : 'score';
  return withDocumentLock(() => {
    const data = load();
    requirePairsSheet(data);
    const filters = cleanFilters(req?.filters);
    let p = pools(data);
    const inScope = new Set(p.mentees.filter((e) => passes(menteeView(data, p, e.item), filters)).map((e) => e.item.id));
    const changes = new PairChanges(data, p.names);
    let cancelled: string[] = [];
    if (req?.replaceProposals === true) {
      const old = data.pairs.filter((e) => e.read.pair.status === 'proposed' && e.read.pair.menteeIds.every((id) => inScope.has(id)));
      cancelled = cancelProposals(data, changes, old, 'заменено новым автоподбором');
      p = pools(data);
    }
    const paired = pairedMentees(data.pairs.map((e) => e.read.pair));
    const menteePool = p.mentees.filter((e) => inScope.has(e.item.id) && !paired.has(e.item.id) && !hasLeft(e.item, data.asOf)).map((e) => e.item);
    const mentorPool = p.mentors.filter((e) => (p.loads.get(e.item.id) ?? 0) < Math.floor(e.item.capacity)).map((e) => e.item);
    const input = automatchInput(data, p, menteePool, mentorPool);
    const best = assignOptimal(input, priority);
    const greedy = assignGreedy(input, priority);
    const scoreOf = new Map(input.scores.map(([e, m, s]) => [`${e}\u0000${m}`, s]));
    const ids = idAllocator(data);
    const fresh = ids.next('pair', best.pairs.length);
    const programme = defaultProgramme(data.asOf, data.settings.programmeMonths);
    const rolePair = matchEntry(data.settings.defaultRolePair, data.dictionaries.rolePairs) ?? data.settings.defaultRolePair;
    const format = matchEntry(data.settings.defaultFormat, data.dictionaries.formats) ?? data.settings.defaultFormat;
    const how = priority === 'score' ? 'наибольшая сумма оценок' : 'сначала охват';
    const proposed: PairEntry[] = best.pairs.map(([menteeId, mentorId], i) => {
      const score = scoreOf.get(`${menteeId}\u0000${mentorId}`) ?? 0;
      const pair = proposePair({ id: fresh[i], mentorId, menteeIds: [menteeId], rolePair, format, programme }, data.asOf, `автоподбор (${how}), оценка ${formatUpTo(score, 2)}`);
      return changes.add(pair, score);
    });
    changes.save();
    ids.save();
    const places = input.mentors.reduce((s, m) => s + m.capacity, 0);
    return {
      priority,
      proposed: proposed.map((e) => pairView(data, p.names, e)),
      matched: best.matched,
      unmatched: menteePool.length - best.matched,
      pool: { mentees: menteePool.length, mentors: mentorPool.length, places, candidatePairs: input.scores.length },
      total: Math.round(best.total * 1e4) / 1e4,
      average: best.matched ? Math.round((best.total / best.matched) * 1e4) / 1e4 : 0,
      greedy: { total: Math.round(greedy.total * 1e4) / 1e4, matched: greedy.matched },
      cancelled,
      state: buildState(data, filters),
    };
  });
}

/**
 * The matcher's pool: every allowed pair with its score. People a hard rule excludes outright (no consent,
 * mentors of other organisations when only one's own are allowed) are left out before scoring, which is what
 * keeps a large municipality's pool fast; the result is the same as scoring every pair.
 */
function automatchInput(data: PeopleData, p: Pools, mentees: Mentee[], mentors: Mentor[]): AssignInput {
  const ctx = scoreContext(data, p);
  const c = ctx.constraints;
  const okMentors = c.requireConsent ? mentors.filter((m) => consentProblem(m, 'mentor', data.asOf) === null) : mentors;
  const okMentees = c.requireConsent ? mentees.filter((m) => consentProblem(m, 'mentee', data.asOf) === null) : mentees;
  const capacities = matchingInput([], mentors, ctx).mentors;
  // Everyone is prepared for scoring once; the pairs are then scored from the prepared forms.
  const prepared = prepareContext(ctx);
  const preparedMentor = new Map(okMentors.map((m) => [m, prepareMentor(m, prepared)]));
  let scores: AssignInput['scores'];
  if (c.sameOrganisationOnly) {
    const byOrg = new Map<string, Mentor[]>();
    for (const m of okMentors) byOrg.set(m.organisationId, [...(byOrg.get(m.organisationId) ?? []), m]);
    scores = [];
    for (const mentee of okMentees) {
      const orgs = new Set([mentee.organisationId]);
      if (c.allowPartnerOrganisations) {
        for (const o of data.partners[mentee.organisationId] ?? []) orgs.add(o);
        for (const [o, list] of Object.entries(data.partners)) if (list.includes(mentee.organisationId)) orgs.add(o);
      }
      const candidates = [...orgs].flatMap((o) => byOrg.get(o) ?? []);
      if (candidates.length) {
        for (const s of allowedScores([prepareMentee(mentee, prepared)], candidates.map((m) => preparedMentor.get(m)!))) scores.push(s);
      }
    }
  } else scores = allowedScores(okMentees.map((m) => prepareMentee(m, prepared)), okMentors.map((m) => preparedMentor.get(m)!));
  return { mentors: capacities, mentees: mentees.map((m) => ({ id: m.id })), scores };
}

function findPairs(data: PeopleData, pairIds: unknown, problems: string[]): PairEntry[] {
  const ids = [...new Set((Array.isArray(pairIds) ? pairIds : []).map((x) => String(x).trim()).filter(Boolean))];
  if (ids.length === 0) problems.push('Выберите хотя бы одну пару');
  const out: PairEntry[] = [];
  for (const id of ids) {
    const e = data.pairs.find((x) => x.read.pair.id === id);
    if (e) out.push(e);
    else problems.push(`Пара ${id} не найдена на листе «${PEOPLE_SHEETS.pairs}»: обновите список`);
  }
  return out;
}

export function pairingApprove(req: ApproveRequest): ApproveResult {
  return withDocumentLock(() => {
    const data = load();
    requirePairsSheet(data);
    const p = pools(data);
    const problems: string[] = [];
    const entries = findPairs(data, req?.pairIds, problems);
    const order = checkOrder(req?.orderNumber, req?.orderDate, problems);
    if (problems.length) refuse('Пары нельзя утвердить:', problems);
    const results: { e: PairEntry; pair: Pair; warnings: string[] }[] = [];
    const approving = new Set(entries.map((e) => e.read.pair.id));
    for (const e of entries) {
      const pair = e.read.pair;
      const own: string[] = [];
      if (pair.status !== 'proposed') {
        own.push(`статус «${statusLabel(pair.status, data.dictionaries.statuses)}» — утвердить можно только предложенную пару`);
      }
      const mentor = p.mentorById.get(pair.mentorId);
      if (!mentor) own.push(`наставник ${pair.mentorId} не найден в базе`);
      const mentees = pair.menteeIds.map((id) => p.menteeById.get(id));
      pair.menteeIds.forEach((id, i) => { if (!mentees[i]) own.push(`наставляемый ${id} не найден в базе`); });
      for (const id of pair.menteeIds) {
        const other = (p.holding.get(id) ?? []).find((x) => x !== e && x.read.pair.status === 'active' && !approving.has(x.read.pair.id));
        if (other) own.push(`наставляемый ${who(p, id)} уже в действующей паре ${other.read.pair.id}`);
      }
      if (!pair.rolePair) own.push('не указана форма наставничества');
      if (!pair.format) own.push('не указан формат');
      own.push(...programmeProblems(pair.programme));
      if (own.length === 0) {
        // Consent of every participant on the day of approval is checked by the status change itself.
        const r = changePairStatus({ ...pair, order: order! }, {
          to: 'active',
          date: data.asOf,
          note: `приказ № ${order!.number} от ${formatRuDate(order!.date)}`,
          mentor: mentor!,
          mentees: mentees as Mentee[],
        });
        if (r.ok) results.push({ e, pair: r.pair, warnings: r.warnings });
        else own.push(r.error);
      }
      for (const o of own) problems.push(`${pair.id}: ${o}`);
    }
    if (problems.length) refuse('Пары нельзя утвердить (ни одна не утверждена):', problems);
    const changes = new PairChanges(data, p.names);
    for (const r of results) changes.update(r.e, r.pair, [r.pair.history[r.pair.history.length - 1]]);
    changes.save();
    return {
      approved: results.map((r) => pairView(data, p.names, r.e)),
      warnings: results.flatMap((r) => r.warnings.map((w) => `${r.pair.id}: ${w}`)),
      state: buildState(data, cleanFilters(req?.filters)),
    };
  });
}

export function pairingReject(pairIds: string[], reason: string, filters?: PairingFilters): RejectResult {
  return withDocumentLock(() => {
    const data = load();
    requirePairsSheet(data);
    const p = pools(data);
    const problems: string[] = [];
    const entries = findPairs(data, pairIds, problems);
    const note = String(reason ?? '').trim();
    if (!note) problems.push('Укажите причину отмены');
    if (problems.length) refuse('Пары нельзя отменить:', problems);
    const results: { e: PairEntry; pair: Pair }[] = [];
    for (const e of entries) {
      const r = changePairStatus(e.read.pair, { to: 'cancelled', date: data.asOf, note });
      if (r.ok) results.push({ e, pair: r.pair });
      else problems.push(`${e.read.pair.id}: ${r.error}`);
    }
    if (problems.length) refuse('Пары нельзя отменить (ни одна не отменена):', problems);
    const changes = new PairChanges(data, p.names);
    for (const r of results) changes.update(r.e, r.pair, [r.pair.history[r.pair.history.length - 1]], { reason: note });
    changes.save();
    return { rejected: results.map((r) => pairView(data, p.names, r.e)), state: buildState(data, cleanFilters(filters)) };
  });
}

/** Menu: «Подбор пар» — the sidebar (dist/Pairing.html). */
export function showPairingSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Pairing').setTitle('Подбор пар');
  SpreadsheetApp.getUi().showSidebar(html);
}
