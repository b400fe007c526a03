// How well a mentor suits a mentee: a score in 0..1 made of weighted components, each with a readable Russian
// reason, and hard constraints that forbid the pair outright. The coordinator sees the breakdown in the sidebar,
// and the matcher (matching.ts) takes the scores of the allowed pairs.
//
// People are prepared once (scoring-prep.ts) and pairs are scored from the prepared forms. The matcher needs a
// number for millions of pairs, so it has its own path (isBlocked, pairScore: no texts, no allocation, cheap rules
// first); the sidebar gets the full breakdown (scorePrepared). Both compute each component's value with the same
// functions and add the points in the same order, so the numbers are the same to the last bit.
import type { IsoDate } from './types';
import type { AssignInput } from './matching';
import { PAIR_STATUS_LABELS, type Mentee, type Mentor, type Pair } from './people';
import { formatUpTo, plural, roundTo, YEARS } from './russian';
import {
  clean,
  componentPoints,
  loadOf,
  prepareContext,
  prepareMentee,
  prepareMentor,
  round4,
  type PreparedContext,
  type PreparedMentee,
  type PreparedMentor,
} from './scoring-prep';

export { prepareContext, prepareMentee, prepareMentor, type PreparedContext, type PreparedMentee, type PreparedMentor };

export interface ScoreWeights {
  /** Same subject or area. */
  subject: number;
  /** Same or partner organisation. */
  organisation: number;
  /** The mentee's deficits covered by the mentor's strengths. */
  deficits: number;
  /** Experience gap in the mentor's favour. */
  experience: number;
  /** Mentor level and qualification category. */
  level: number;
  /** A preferred format in common. */
  format: number;
  /** Share of the mentor's places still free. */
  capacity: number;
}

export interface ScoreConstraints {
  /** Both consents must be dated on or before asOf. */
  requireConsent: boolean;
  /** Only mentors of the mentee's own organisation… */
  sameOrganisationOnly: boolean;
  /** …or, with this on, of a partner organisation (сетевая форма). */
  allowPartnerOrganisations: boolean;
  /** The gap (years) from which more experience adds nothing; below it the component grows linearly. */
  idealExperienceGap: number;
  /** Deficit phrase counts as covered when this share of its words is found in one strength. */
  deficitMatchShare: number;
}

export interface ScoringSettings {
  weights: ScoreWeights;
  constraints: ScoreConstraints;
}

export const DEFAULT_SCORING: ScoringSettings = {
  weights: { subject: 3, organisation: 2, deficits: 3, experience: 1.5, level: 1, format: 1, capacity: 0.5 },
  constraints: {
    requireConsent: true,
    sameOrganisationOnly: false,
    allowPartnerOrganisations: true,
    idealExperienceGap: 10,
    deficitMatchShare: 0.5,
  },
};

/** Partner organisations by organisation id; the relation is read both ways. */
export type PartnerOrganisations = Readonly<Record<string, readonly string[]>>;

export interface ScoreContext {
  weights: ScoreWeights;
  constraints: ScoreConstraints;
  /** Mentees the mentor already has (proposed or active pairs). */
  load: number;
  partnerOrgs?: PartnerOrganisations;
  asOf: IsoDate;
  /** Existing pairs, to refuse one that already exists. */
  pairs?: readonly Pick<Pair, 'mentorId' | 'menteeIds' | 'status'>[];
}

export interface ScoreReason {
  label: string;
  /** Contribution to the score; the points of all reasons add up to it. */
  points: number;
}

export interface CandidateScore {
  score: number;
  allowed: boolean;
  blocks: string[];
  reasons: ScoreReason[];
}

export function scoreCandidate(mentee: Mentee, mentor: Mentor, ctx: ScoreContext): CandidateScore {
  const prepared = prepareContext(ctx);
  return scorePrepared(prepareMentee(mentee, prepared), prepareMentor(mentor, prepared, ctx.load));
}

/** The full result for a prepared pair: score, hard-rule blocks and a reason per weighted component. */
export function scorePrepared(e: PreparedMentee, m: PreparedMentor): CandidateScore {
  const ctx = contextOf(e, m);
  const reasons: ScoreReason[] = [];
  let score = 0;
  for (let i = 0; i < PARTS.length; i++) {
    if (ctx.w[i] === 0) continue;
    const part = PARTS[i](e, m, ctx);
    // Rounded per reason so the shown points add up exactly to the score (and stay exact in the matcher).
    const points = componentPoints(ctx, i, part.value);
    reasons.push({ label: part.label, points });
    score += points;
  }
  const blocks = blocksFor(e, m, ctx);
  return { score: Math.min(1, round4(score)), allowed: blocks.length === 0, blocks, reasons };
}

/** The score of a prepared pair, whether or not a rule forbids it; the same number as scorePrepared's. */
export function pairScore(e: PreparedMentee, m: PreparedMentor): number {
  const ctx = contextOf(e, m);
  const w = ctx.w;
  let score = 0;
  if (w[0] !== 0) score += componentPoints(ctx, 0, SUBJECT_VALUES[subjectKind(e, m, ctx)]);
  if (w[1] !== 0) score += componentPoints(ctx, 1, ORGANISATION_VALUES[organisationKind(e, m)]);
  if (w[2] !== 0) score += componentPoints(ctx, 2, e.deficits.length === 0 ? 0 : coveredSum(e, m, ctx, null) / e.deficits.length);
  if (w[3] !== 0) score += componentPoints(ctx, 3, experienceValue(e, m, ctx));
  if (w[4] !== 0) score += m.levelPoints;
  if (w[5] !== 0) score += componentPoints(ctx, 5, formatValue(e, m, ctx));
  if (w[6] !== 0) score += m.capacityPoints;
  return Math.min(1, round4(score));
}

/** Whether any hard rule forbids the pair (scorePrepared's blocks are non-empty), cheapest rules first. */
export function isBlocked(e: PreparedMentee, m: PreparedMentor): boolean {
  const c = contextOf(e, m).constraints;
  if (m.closed || (c.requireConsent && e.consent !== null)) return true;
  if (c.sameOrganisationOnly && outsideOrganisation(e, m, c)) return true;
  if (m.pairsWith !== undefined && m.pairsWith.has(e.id)) return true;
  return samePerson(e, m);
}

/**
 * The matcher's pairs among prepared people: [mentee id, mentor id, score] for every allowed pair with a positive
 * score, mentees in the given order and, for each, mentors in the given order.
 */
export function allowedScores(mentees: readonly PreparedMentee[], mentors: readonly PreparedMentor[]): [string, string, number][] {
  const out: [string, string, number][] = [];
  if (mentees.length === 0 || mentors.length === 0) return out;
  const ctx = mentees[0].ctx;
  if (mentees.some((e) => e.ctx !== ctx) || mentors.some((m) => m.ctx !== ctx)) throw new Error(MIXED_CONTEXTS);
  // Rules that forbid a person to everyone are checked once per person, not once per pair.
  const open = mentors.filter((m) => !m.closed);
  const consent = ctx.constraints.requireConsent;
  for (const e of mentees) {
    if (consent && e.consent !== null) continue;
    for (const m of open) {
      if (isBlocked(e, m)) continue;
      const score = pairScore(e, m);
      if (score > 0) out.push([e.id, m.id, score]);
    }
  }
  return out;
}

export interface RankedMentor {
  mentor: Mentor;
  result: CandidateScore;
}

export interface RankContext extends Omit<ScoreContext, 'load'> {
  /** Current mentees per mentor id; missing ids count as 0. */
  loads?: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
  /** How many to return (default 5). */
  limit?: number;
  /** Also list forbidden mentors (after the allowed ones), to show why they are out. */
  includeBlocked?: boolean;
}

/** The best mentors for a mentee, allowed first, then by score, then by id, each with its breakdown. */
export function rankMentors(mentee: Mentee, mentors: readonly Mentor[], ctx: RankContext): RankedMentor[] {
  const prepared = prepareContext(ctx);
  const e = prepareMentee(mentee, prepared);
  const ranked: { m: PreparedMentor; allowed: boolean; score: number }[] = [];
  for (const mentor of mentors) {
    const m = prepareMentor(mentor, prepared);
    const allowed = !isBlocked(e, m);
    if (!allowed && !ctx.includeBlocked) continue;
    ranked.push({ m, allowed, score: pairScore(e, m) });
  }
  ranked.sort(
    (a, b) =>
      Number(b.allowed) - Number(a.allowed) ||
      b.score - a.score ||
      (a.m.mentor.id < b.m.mentor.id ? -1 : a.m.mentor.id > b.m.mentor.id ? 1 : 0),
  );
  // Only the mentors shown get their reasons written out.
  return ranked.slice(0, ctx.limit ?? 5).map((r) => ({ mentor: r.m.mentor, result: scorePrepared(e, r.m) }));
}

/**
 * The matcher's input for a pool: every allowed pair with a positive score, and each mentor's remaining places
 * (capacity minus current load) as its capacity.
 */
export function matchingInput(mentees: readonly Mentee[], mentors: readonly Mentor[], ctx: RankContext): AssignInput {
  const prepared = prepareContext(ctx);
  const scores = allowedScores(
    mentees.map((e) => prepareMentee(e, prepared)),
    mentors.map((m) => prepareMentor(m, prepared)),
  );
  return {
    mentors: mentors.map((m) => ({ id: m.id, capacity: Math.max(0, Math.floor(m.capacity) - loadOf(ctx.loads, m.id)) })),
    mentees: mentees.map((m) => ({ id: m.id })),
    scores,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Components: a value in 0..1 for the number, and the same value with its reason for the breakdown.

interface Part {
  /** 0..1 before weighting. */
  value: number;
  label: string;
}

const MIXED_CONTEXTS = 'Люди подготовлены к оценке с разными настройками';

function contextOf(e: PreparedMentee, m: PreparedMentor): PreparedContext {
  if (e.ctx !== m.ctx) throw new Error(MIXED_CONTEXTS);
  return e.ctx;
}

// Kinds of subject and organisation match, as indexes into their values.
const SUBJECT_MISSING = 0;
const SUBJECT_SAME = 1;
const SUBJECT_CLOSE = 2;
const SUBJECT_VALUES = [0, 1, 0.6, 0];

function subjectKind(e: PreparedMentee, m: PreparedMentor, ctx: PreparedContext): number {
  if (e.subject === '' || m.subject === '') return SUBJECT_MISSING;
  if (e.subjectNo === m.subjectNo) return SUBJECT_SAME;
  const stems = ctx.stems;
  for (const x of e.subjectContent) for (const y of m.subjectStems) if (stems.match(x, y)) return SUBJECT_CLOSE;
  return 3;
}

function subjectPart(e: PreparedMentee, m: PreparedMentor, ctx: PreparedContext): Part {
  const a = e.subject;
  const b = m.subject;
  const kind = subjectKind(e, m, ctx);
  const value = SUBJECT_VALUES[kind];
  if (kind === SUBJECT_MISSING) return { value, label: 'Предмет не указан' };
  if (kind === SUBJECT_SAME) return { value, label: `Тот же предмет: ${lower(a)}` };
  if (kind === SUBJECT_CLOSE) return { value, label: `Близкий предмет: ${lower(a)} — ${lower(b)}` };
  return { value, label: `Другой предмет: ${lower(b)} (у наставляемого — ${lower(a)})` };
}

const ORGANISATION_SAME = 0;
const ORGANISATION_PARTNER = 1;
const ORGANISATION_VALUES = [1, 0.6, 0];

function arePartners(e: PreparedMentee, m: PreparedMentor): boolean {
  return e.partnerOrgs !== undefined && m.org !== '' && e.partnerOrgs.has(m.orgNo);
}

function organisationKind(e: PreparedMentee, m: PreparedMentor): number {
  if (e.org !== '' && e.orgNo === m.orgNo) return ORGANISATION_SAME;
  if (arePartners(e, m)) return ORGANISATION_PARTNER;
  return 2;
}

function organisationPart(e: PreparedMentee, m: PreparedMentor): Part {
  const kind = organisationKind(e, m);
  const value = ORGANISATION_VALUES[kind];
  if (kind === ORGANISATION_SAME) return { value, label: 'Та же организация' };
  if (kind === ORGANISATION_PARTNER) return { value, label: `Организация-партнёр: ${m.org}` };
  return { value, label: m.org ? `Другая организация: ${m.org}` : 'Организация наставника не указана' };
}

/**
 * Sum of the best coverage of each deficit covered by at least the configured share, over the mentor's strengths
 * (stemCoverage on stem ids); `covered`, when given, receives the indexes of the covered deficits.
 */
function coveredSum(e: PreparedMentee, m: PreparedMentor, ctx: PreparedContext, covered: number[] | null): number {
  const share = ctx.constraints.deficitMatchShare;
  const related = ctx.stems.related;
  const strengths = m.strengths;
  let sum = 0;
  for (let i = 0; i < e.deficits.length; i++) {
    const d = e.deficits[i];
    let best = 0;
    for (let h = 0; h < strengths.length; h++) {
      const have = strengths[h];
      let found = 0;
      for (let k = 0; k < d.stems.length; k++) {
        const x = d.stems[k];
        const rel = related[x];
        for (let j = 0; j < have.length; j++) {
          const y = have[j];
          if (y === x || (rel.length !== 0 && rel.includes(y))) {
            found += d.weights[k];
            break;
          }
        }
      }
      best = Math.max(best, d.total === 0 ? 0 : found / d.total);
    }
    if (best >= share) {
      sum += best;
      if (covered) covered.push(i);
    }
  }
  return sum;
}

function deficitsPart(e: PreparedMentee, m: PreparedMentor, ctx: PreparedContext): Part {
  const deficits = e.deficits;
  if (deficits.length === 0) return { value: 0, label: 'Дефициты наставляемого не указаны' };
  const covered: number[] = [];
  const sum = coveredSum(e, m, ctx, covered);
  if (covered.length === 0) return { value: 0, label: 'Сильные стороны наставника не закрывают дефициты' };
  return {
    value: sum / deficits.length,
    label:
      `Закрывает ${covered.length === 1 ? 'дефицит' : 'дефициты'} (${covered.length} из ${deficits.length}): ` +
      covered.map((i) => lower(deficits[i].text)).join(', '),
  };
}

function experienceValue(e: PreparedMentee, m: PreparedMentor, ctx: PreparedContext): number {
  const a = e.experience;
  const b = m.experience;
  if (b === null || a === null) return 0;
  const gap = b - a;
  if (gap <= 0) return 0;
  // Saturates: past the ideal gap a longer career is not a better match.
  const ideal = ctx.constraints.idealExperienceGap;
  return ideal > 0 ? Math.min(1, gap / ideal) : 1;
}

function experiencePart(e: PreparedMentee, m: PreparedMentor, ctx: PreparedContext): Part {
  const a = e.experience;
  const b = m.experience;
  const value = experienceValue(e, m, ctx);
  if (b === null) return { value, label: 'Стаж наставника не указан' };
  if (a === null) return { value, label: `Стаж наставляемого не указан (у наставника — ${years(b)})` };
  const gap = b - a;
  if (gap <= 0) {
    return { value, label: `Стаж наставника (${years(b)}) не больше стажа наставляемого (${years(a)})` };
  }
  return { value, label: `Стаж наставника больше на ${years(gap)}` };
}

function levelPart(_e: PreparedMentee, m: PreparedMentor): Part {
  const level = clean(m.mentor.level);
  const category = clean(m.mentor.category);
  const shown = [level && `уровень — ${lower(level)}`, category && `категория — ${lower(category)}`].filter(Boolean).join(', ');
  return { value: m.levelValue, label: shown ? `Наставник: ${shown}` : 'Уровень и категория наставника не указаны' };
}

function formatValue(e: PreparedMentee, m: PreparedMentor, ctx: PreparedContext): number {
  if (e.formats.length === 0) return 1;
  if (m.formats.length === 0) return 0.5;
  for (const w of e.formats) if (formatOffered(w.first, m, ctx)) return 1;
  return 0;
}

/** A format matches when its first content word does («традиционное (один на один)» ~ «традиционная»). */
function formatOffered(first: number, m: PreparedMentor, ctx: PreparedContext): boolean {
  if (first < 0) return false;
  for (const o of m.formats) if (o.first >= 0 && ctx.stems.match(first, o.first)) return true;
  return false;
}

function formatPart(e: PreparedMentee, m: PreparedMentor, ctx: PreparedContext): Part {
  const value = formatValue(e, m, ctx);
  const want = e.formats;
  if (want.length === 0) return { value, label: 'Наставляемому подходит любой формат' };
  if (m.formats.length === 0) return { value, label: 'Наставник не указал предпочтительные форматы' };
  const common = want.filter((w) => formatOffered(w.first, m, ctx));
  if (common.length === 0) return { value, label: `Форматы не совпадают: ${want.map((w) => lower(w.text)).join(', ')}` };
  return { value, label: `Подходящий формат: ${common.map((w) => lower(w.text)).join(', ')}` };
}

function capacityPart(_e: PreparedMentee, m: PreparedMentor): Part {
  return {
    value: m.cap === 0 ? 0 : m.free / m.cap,
    label: `Свободно мест: ${formatUpTo(m.free, 0)} из ${formatUpTo(m.cap, 0)}`,
  };
}

/** In COMPONENTS order. */
const PARTS: ((e: PreparedMentee, m: PreparedMentor, ctx: PreparedContext) => Part)[] = [
  subjectPart,
  organisationPart,
  deficitsPart,
  experiencePart,
  levelPart,
  formatPart,
  capacityPart,
];

// ---------------------------------------------------------------------------------------------------------
// Hard rules

function samePerson(e: PreparedMentee, m: PreparedMentor): boolean {
  return e.id === m.id || (e.name !== 0 && e.name === m.name && e.orgNo === m.orgNo);
}

function outsideOrganisation(e: PreparedMentee, m: PreparedMentor, c: ScoreConstraints): boolean {
  if (e.orgNo === m.orgNo) return false;
  return !(c.allowPartnerOrganisations && e.org !== '' && arePartners(e, m));
}

function blocksFor(e: PreparedMentee, m: PreparedMentor, ctx: PreparedContext): string[] {
  const blocks: string[] = [];
  const c = ctx.constraints;
  if (c.requireConsent) {
    if (m.consent) blocks.push(m.consent);
    if (e.consent) blocks.push(e.consent);
  }
  if (samePerson(e, m)) blocks.push('Наставник и наставляемый — одно и то же лицо');
  const existing = m.pairsWith?.get(e.id);
  if (existing !== undefined) blocks.push(`Пара уже существует (статус «${PAIR_STATUS_LABELS[existing]}»)`);
  if (m.load >= m.cap) blocks.push(`Нет свободных мест у наставника: занято ${formatUpTo(m.load, 0)} из ${formatUpTo(m.cap, 0)}`);
  if (c.sameOrganisationOnly && outsideOrganisation(e, m, c)) {
    blocks.push(
      c.allowPartnerOrganisations
        ? 'Наставник не из организации наставляемого и не из организации-партнёра'
        : 'Наставник не из организации наставляемого',
    );
  }
  return blocks;
}

function lower(s: string): string {
  // Keep abbreviations («ФГОС», «ИКТ») as written; lower only a capitalised ordinary word at the start.
  return /^\p{Lu}\p{Ll}/u.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** «19 лет», «2,5 года»: a number of years as the reasons print it. */
function years(n: number): string {
  return `${formatUpTo(n, 1)} ${plural(roundTo(n, 1), YEARS)}`;
}
