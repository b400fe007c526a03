// What scoring needs to know about a person, worked out once per person instead of once per pair: normalised
// names, subjects and organisations as small integers, phrase stems as integer ids with their matches found in
// advance, consent problems on the scoring date, the mentor's load and the points that depend on the mentor
// alone. A pool of 3,000 × 2,000 has 6 million pairs but only 5,000 people, so the per-pair work in scoring.ts
// is reduced to comparing numbers. Prepared people belong to the context they were prepared with.
import type { IsoDate } from './types';
import { consentProblem, normaliseFullName, occupiesCapacity, type Mentee, type Mentor, type PairStatus } from './people';
import { phraseStems, stemsMatch, type Stem } from './ru-stem';
import type { RankContext, ScoreConstraints, ScoreWeights } from './scoring';

/** The scoring components in the order their reasons are shown and their points added up. */
export const COMPONENTS = ['subject', 'organisation', 'deficits', 'experience', 'level', 'format', 'capacity'] as const;

export type PrepareInput = Omit<RankContext, 'limit' | 'includeBlocked'>;

/**
 * Stems of one pool as integer ids. Two stems can only match when they share their first four letters, so each new
 * stem is compared once with the stems of its four-letter group and the matches are kept on both sides.
 */
export class StemIndex {
  private readonly ids = new Map<string, number>();
  private readonly groups = new Map<string, number[]>();
  private readonly stems: string[] = [];
  /** Per id, the other ids it matches (usually none); the arrays grow as the pool's vocabulary does. */
  readonly related: number[][] = [];

  id(stem: string): number {
    const known = this.ids.get(stem);
    if (known !== undefined) return known;
    const id = this.stems.length;
    this.ids.set(stem, id);
    this.stems.push(stem);
    this.related.push([]);
    if (stem.length >= 4) {
      const key = stem.slice(0, 4);
      const group = this.groups.get(key);
      if (!group) this.groups.set(key, [id]);
      else {
        for (const other of group) {
          if (stemsMatch(stem, this.stems[other])) {
            this.related[id].push(other);
            this.related[other].push(id);
          }
        }
        group.push(id);
      }
    }
    return id;
  }

  /** The same as stemsMatch on the two stems. */
  match(a: number, b: number): boolean {
    if (a === b) return true;
    const r = this.related[a];
    return r.length > 0 && r.includes(b);
  }
}

export interface PreparedContext {
  readonly weights: ScoreWeights;
  readonly constraints: ScoreConstraints;
  readonly asOf: IsoDate;
  readonly loads: PrepareInput['loads'];
  /** Weight of each component (COMPONENTS order), negatives as 0, and their sum. */
  readonly w: readonly number[];
  readonly weightSum: number;
  readonly stems: StemIndex;
  /** Interned texts (organisations, names, subjects): equal text, equal number. */
  readonly texts: Map<string, number>;
  /** Partner organisations by organisation number, read both ways. */
  readonly partners: Map<number, Set<number>>;
  /** Existing proposed or active pairs: mentor id → mentee id → status of the first such pair. */
  readonly existing: Map<string, Map<string, PairStatus>>;
}

export interface PreparedPhrase {
  text: string;
  stems: Int32Array;
  weights: Float64Array;
  /** Sum of the weights, added in stem order as stemCoverage adds them. */
  total: number;
}

export interface PreparedFormat {
  text: string;
  /** Id of the first content stem, or -1 when the format has none. */
  first: number;
}

interface PreparedPerson {
  readonly ctx: PreparedContext;
  readonly id: string;
  /** Normalised full name as a number; 0 for an empty name. */
  readonly name: number;
  /** Organisation id as written (trimmed), and as a number. */
  readonly org: string;
  readonly orgNo: number;
  /** Consent problem on the scoring date, or null. */
  readonly consent: string | null;
  /** Subject as written (trimmed), its normalised form as a number, and its stems. */
  readonly subject: string;
  readonly subjectNo: number;
  readonly subjectStems: Int32Array;
  readonly experience: number | null;
  readonly formats: readonly PreparedFormat[];
}

export interface PreparedMentee extends PreparedPerson {
  readonly mentee: Mentee;
  /** Stems of the subject that are content words (a generic word alone does not make subjects close). */
  readonly subjectContent: Int32Array;
  readonly partnerOrgs: Set<number> | undefined;
  readonly deficits: readonly PreparedPhrase[];
}

export interface PreparedMentor extends PreparedPerson {
  readonly mentor: Mentor;
  readonly load: number;
  /** Places, as floor(capacity) ≥ 0, and the places still free. */
  readonly cap: number;
  readonly free: number;
  /** Strengths with at least one word (after stop words), as stem ids. */
  readonly strengths: readonly Int32Array[];
  /** 0..1 from level and category. */
  readonly levelValue: number;
  /** Points of the components that depend on the mentor alone. */
  readonly levelPoints: number;
  readonly capacityPoints: number;
  readonly pairsWith: Map<string, PairStatus> | undefined;
  /** A rule forbids this mentor to every mentee (no free place, or no consent when consent is required). */
  readonly closed: boolean;
}

export function prepareContext(input: PrepareInput): PreparedContext {
  const w = COMPONENTS.map((c) => Math.max(0, input.weights[c]));
  let weightSum = 0;
  for (const x of w) weightSum += x;
  const texts = new Map<string, number>([['', 0]]);
  const partners = new Map<number, Set<number>>();
  const link = (a: number, b: number): void => {
    const set = partners.get(a);
    if (set) set.add(b);
    else partners.set(a, new Set([b]));
  };
  for (const [org, list] of Object.entries(input.partnerOrgs ?? {})) {
    const a = textNo(texts, org);
    for (const other of list) {
      const b = textNo(texts, other);
      link(a, b);
      link(b, a);
    }
  }
  const existing = new Map<string, Map<string, PairStatus>>();
  for (const p of input.pairs ?? []) {
    if (!occupiesCapacity(p.status)) continue;
    let byMentee = existing.get(p.mentorId);
    if (!byMentee) existing.set(p.mentorId, (byMentee = new Map()));
    for (const id of p.menteeIds) if (!byMentee.has(id)) byMentee.set(id, p.status);
  }
  return {
    weights: input.weights,
    constraints: input.constraints,
    asOf: input.asOf,
    loads: input.loads,
    w,
    weightSum,
    stems: new StemIndex(),
    texts,
    partners,
    existing,
  };
}

export function prepareMentee(mentee: Mentee, ctx: PreparedContext): PreparedMentee {
  const base = preparePerson(mentee, 'mentee', ctx);
  const content = phraseStems(base.subject).filter((s) => s.weight === 1);
  // Spelled out rather than spread: objects built by spreading get a hidden class each, and the per-pair code
  // then reads their fields several times slower.
  return {
    ctx,
    id: base.id,
    name: base.name,
    org: base.org,
    orgNo: base.orgNo,
    consent: base.consent,
    subject: base.subject,
    subjectNo: base.subjectNo,
    subjectStems: base.subjectStems,
    experience: base.experience,
    formats: base.formats,
    mentee,
    subjectContent: Int32Array.from(content, (s) => ctx.stems.id(s.stem)),
    partnerOrgs: base.org === '' ? undefined : ctx.partners.get(base.orgNo),
    deficits: mentee.deficits
      .map(clean)
      .filter(Boolean)
      .map((text) => preparePhrase(text, ctx)),
  };
}

/** `load` defaults to the mentor's load in the context's `loads`. */
export function prepareMentor(mentor: Mentor, ctx: PreparedContext, load = loadOf(ctx.loads, mentor.id)): PreparedMentor {
  const base = preparePerson(mentor, 'mentor', ctx);
  const cap = Math.max(0, Math.floor(mentor.capacity));
  const free = Math.max(0, cap - load);
  const levelValue = Math.max(ruleValue(clean(mentor.level), LEVEL_RULES), ruleValue(clean(mentor.category), CATEGORY_RULES));
  const strengths = mentor.strengths
    .map((s) => phraseStems(s))
    .filter((s) => s.length > 0)
    .map((s) => Int32Array.from(s, (x) => ctx.stems.id(x.stem)));
  return {
    ctx,
    id: base.id,
    name: base.name,
    org: base.org,
    orgNo: base.orgNo,
    consent: base.consent,
    subject: base.subject,
    subjectNo: base.subjectNo,
    subjectStems: base.subjectStems,
    experience: base.experience,
    formats: base.formats,
    mentor,
    load,
    cap,
    free,
    strengths,
    levelValue,
    levelPoints: componentPoints(ctx, 4, levelValue),
    capacityPoints: componentPoints(ctx, 6, cap === 0 ? 0 : free / cap),
    pairsWith: ctx.existing.get(mentor.id),
    closed: (ctx.constraints.requireConsent && base.consent !== null) || load >= cap,
  };
}

/** Points of one component (index in COMPONENTS), rounded so the shown points add up exactly to the score. */
export function componentPoints(ctx: PreparedContext, index: number, value: number): number {
  return ctx.weightSum === 0 ? 0 : round4((ctx.w[index] * value) / ctx.weightSum);
}

export function round4(x: number): number {
  const r = Math.round(x * 1e4) / 1e4;
  return Object.is(r, -0) ? 0 : r;
}

export function clean(s: string | null | undefined): string {
  return (s ?? '').trim();
}

export function loadOf(loads: PrepareInput['loads'], id: string): number {
  if (!loads) return 0;
  const v = isMap(loads) ? loads.get(id) : loads[id];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

// ---------------------------------------------------------------------------------------------------------

function isMap(v: unknown): v is ReadonlyMap<string, number> {
  return Object.prototype.toString.call(v) === '[object Map]';
}

function textNo(texts: Map<string, number>, text: string): number {
  const known = texts.get(text);
  if (known !== undefined) return known;
  const no = texts.size;
  texts.set(text, no);
  return no;
}

function knownNumber(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function preparePerson(p: Mentee | Mentor, role: 'mentee' | 'mentor', ctx: PreparedContext): PreparedPerson {
  const org = clean(p.organisationId);
  const subject = clean(p.subject);
  return {
    ctx,
    id: p.id,
    name: textNo(ctx.texts, normaliseFullName(p.fullName)),
    org,
    orgNo: textNo(ctx.texts, org),
    consent: consentProblem(p, role, ctx.asOf),
    subject,
    // Subjects compare as names do: case, «ё», punctuation and spacing aside.
    subjectNo: textNo(ctx.texts, normaliseFullName(subject)),
    subjectStems: Int32Array.from(phraseStems(subject), (s) => ctx.stems.id(s.stem)),
    experience: knownNumber(p.experienceYears) ? p.experienceYears : null,
    formats: p.preferredFormats
      .map(clean)
      .filter(Boolean)
      .map((text) => {
        const stems = phraseStems(text);
        return { text, first: stems.length > 0 ? ctx.stems.id(stems[0].stem) : -1 };
      }),
  };
}

function preparePhrase(text: string, ctx: PreparedContext): PreparedPhrase {
  const stems: Stem[] = phraseStems(text);
  let total = 0;
  for (const s of stems) total += s.weight;
  return {
    text,
    stems: Int32Array.from(stems, (s) => ctx.stems.id(s.stem)),
    weights: Float64Array.from(stems, (s) => s.weight),
    total,
  };
}

const LEVEL_RULES: [RegExp, number][] = [
  [/ведущ|высш|эксперт/, 1],
  [/старш/, 0.75],
  [/наставник/, 0.5],
];

const CATEGORY_RULES: [RegExp, number][] = [
  [/высш/, 1],
  [/перв/, 0.7],
  [/соответств/, 0.3],
];

function ruleValue(text: string, rules: [RegExp, number][]): number {
  const t = text.toLowerCase().replace(/ё/g, 'е');
  for (const [re, v] of rules) if (re.test(t)) return v;
  return 0;
}
