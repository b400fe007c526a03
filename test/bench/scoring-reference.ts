// A frozen copy of src/domain/scoring.ts as it was before scoring was made fast (prepared people, no reasons for
// the matcher). It is the oracle of test/unit/scoring-equivalence.test.ts and the "before" of the scoring
// benchmark: do not optimise it. It shares ru-stem with the add-on, so a change to stem matching applies to both.
// How well a mentor suits a mentee: a score in 0..1 made of weighted components, each with a readable Russian
// reason, and hard constraints that forbid the pair outright. The coordinator sees the breakdown in the sidebar,
// and the matcher (matching.ts) takes the scores of the allowed pairs.
import type { IsoDate } from '../../src/domain/types';
import type { AssignInput } from '../../src/domain/matching';
import type { CandidateScore, PartnerOrganisations, RankContext, RankedMentor, ScoreContext, ScoreReason, ScoreWeights } from '../../src/domain/scoring';
import {
  consentProblem,
  normaliseFullName,
  occupiesCapacity,
  PAIR_STATUS_LABELS,
  type Mentee,
  type Mentor,
  type Pair,
} from '../../src/domain/people';
import { phraseStems, stemCoverage, stemsMatch, type Stem } from '../../src/domain/ru-stem';
import { formatUpTo, plural, roundTo, YEARS } from '../../src/domain/russian';

// The settings and result types are the add-on's own: the oracle must answer in exactly the same shapes.
export { DEFAULT_SCORING } from '../../src/domain/scoring';
export type { CandidateScore, PartnerOrganisations, RankContext, RankedMentor, ScoreContext, ScoreReason, ScoringSettings, ScoreWeights } from '../../src/domain/scoring';

type Component = keyof ScoreWeights;

interface Part {
  component: Component;
  /** 0..1 before weighting. */
  value: number;
  label: string;
}

export function scoreCandidate(mentee: Mentee, mentor: Mentor, ctx: ScoreContext): CandidateScore {
  const parts: Part[] = [
    subjectPart(mentee, mentor),
    organisationPart(mentee, mentor, ctx.partnerOrgs),
    deficitsPart(mentee, mentor, ctx.constraints.deficitMatchShare),
    experiencePart(mentee, mentor, ctx.constraints.idealExperienceGap),
    levelPart(mentor),
    formatPart(mentee, mentor),
    capacityPart(mentor, ctx.load),
  ];
  let weightSum = 0;
  for (const p of parts) weightSum += Math.max(0, ctx.weights[p.component]);
  const reasons: ScoreReason[] = [];
  let score = 0;
  for (const p of parts) {
    const w = Math.max(0, ctx.weights[p.component]);
    if (w === 0) continue;
    // Rounded per reason so the shown points add up exactly to the score (and stay exact in the matcher).
    const points = weightSum === 0 ? 0 : round4((w * p.value) / weightSum);
    reasons.push({ label: p.label, points });
    score += points;
  }
  const blocks = blocksFor(mentee, mentor, ctx);
  return { score: Math.min(1, round4(score)), allowed: blocks.length === 0, blocks, reasons };
}

export function rankMentors(mentee: Mentee, mentors: readonly Mentor[], ctx: RankContext): RankedMentor[] {
  const ranked: RankedMentor[] = [];
  for (const mentor of mentors) {
    const result = scoreCandidate(mentee, mentor, { ...ctx, load: loadOf(ctx.loads, mentor.id) });
    if (!result.allowed && !ctx.includeBlocked) continue;
    ranked.push({ mentor, result });
  }
  ranked.sort(
    (a, b) =>
      Number(b.result.allowed) - Number(a.result.allowed) ||
      b.result.score - a.result.score ||
      (a.mentor.id < b.mentor.id ? -1 : a.mentor.id > b.mentor.id ? 1 : 0),
  );
  return ranked.slice(0, ctx.limit ?? 5);
}

/**
 * The matcher's input for a pool: every allowed pair with a positive score, and each mentor's remaining places
 * (capacity minus current load) as its capacity.
 */
export function matchingInput(mentees: readonly Mentee[], mentors: readonly Mentor[], ctx: RankContext): AssignInput {
  const scores: [string, string, number][] = [];
  for (const mentee of mentees) {
    for (const mentor of mentors) {
      const r = scoreCandidate(mentee, mentor, { ...ctx, load: loadOf(ctx.loads, mentor.id) });
      if (r.allowed && r.score > 0) scores.push([mentee.id, mentor.id, r.score]);
    }
  }
  return {
    mentors: mentors.map((m) => ({ id: m.id, capacity: Math.max(0, Math.floor(m.capacity) - loadOf(ctx.loads, m.id)) })),
    mentees: mentees.map((m) => ({ id: m.id })),
    scores,
  };
}

// ---------------------------------------------------------------------------------------------------------

function loadOf(loads: RankContext['loads'], id: string): number {
  if (!loads) return 0;
  const v = isMap(loads) ? loads.get(id) : loads[id];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function isMap(v: unknown): v is ReadonlyMap<string, number> {
  return Object.prototype.toString.call(v) === '[object Map]';
}

function round4(x: number): number {
  const r = Math.round(x * 1e4) / 1e4;
  return Object.is(r, -0) ? 0 : r;
}

function clean(s: string | null | undefined): string {
  return (s ?? '').trim();
}

function subjectPart(mentee: Mentee, mentor: Mentor): Part {
  const a = clean(mentee.subject);
  const b = clean(mentor.subject);
  if (!a || !b) return { component: 'subject', value: 0, label: 'Предмет не указан' };
  if (sameText(a, b)) return { component: 'subject', value: 1, label: `Тот же предмет: ${lower(a)}` };
  const sa = phraseStems(a);
  const sb = phraseStems(b);
  if (sa.some((x) => sb.some((y) => stemsMatch(x.stem, y.stem) && x.weight === 1))) {
    return { component: 'subject', value: 0.6, label: `Близкий предмет: ${lower(a)} — ${lower(b)}` };
  }
  return { component: 'subject', value: 0, label: `Другой предмет: ${lower(b)} (у наставляемого — ${lower(a)})` };
}

function arePartners(a: string, b: string, partners: PartnerOrganisations | undefined): boolean {
  if (!partners) return false;
  return (partners[a] ?? []).includes(b) || (partners[b] ?? []).includes(a);
}

function organisationPart(mentee: Mentee, mentor: Mentor, partners: PartnerOrganisations | undefined): Part {
  const a = clean(mentee.organisationId);
  const b = clean(mentor.organisationId);
  if (a && a === b) return { component: 'organisation', value: 1, label: 'Та же организация' };
  if (a && b && arePartners(a, b, partners)) return { component: 'organisation', value: 0.6, label: `Организация-партнёр: ${b}` };
  return { component: 'organisation', value: 0, label: b ? `Другая организация: ${b}` : 'Организация наставника не указана' };
}

function deficitsPart(mentee: Mentee, mentor: Mentor, share: number): Part {
  const deficits = mentee.deficits.map(clean).filter(Boolean);
  if (deficits.length === 0) return { component: 'deficits', value: 0, label: 'Дефициты наставляемого не указаны' };
  const strengths: Stem[][] = mentor.strengths.map((s) => phraseStems(s)).filter((s) => s.length > 0);
  const covered: string[] = [];
  let sum = 0;
  for (const d of deficits) {
    const need = phraseStems(d);
    let best = 0;
    for (const have of strengths) best = Math.max(best, stemCoverage(need, have));
    if (best >= share) {
      covered.push(lower(d));
      sum += best;
    }
  }
  if (covered.length === 0) return { component: 'deficits', value: 0, label: 'Сильные стороны наставника не закрывают дефициты' };
  return {
    component: 'deficits',
    value: sum / deficits.length,
    label: `Закрывает ${covered.length === 1 ? 'дефицит' : 'дефициты'} (${covered.length} из ${deficits.length}): ${covered.join(', ')}`,
  };
}

function knownNumber(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function experiencePart(mentee: Mentee, mentor: Mentor, ideal: number): Part {
  const a = mentee.experienceYears;
  const b = mentor.experienceYears;
  if (!knownNumber(b)) return { component: 'experience', value: 0, label: 'Стаж наставника не указан' };
  if (!knownNumber(a)) {
    return { component: 'experience', value: 0, label: `Стаж наставляемого не указан (у наставника — ${years(b)})` };
  }
  const gap = b - a;
  if (gap <= 0) {
    return {
      component: 'experience',
      value: 0,
      label: `Стаж наставника (${years(b)}) не больше стажа наставляемого (${years(a)})`,
    };
  }
  // Saturates: past the ideal gap a longer career is not a better match.
  const value = ideal > 0 ? Math.min(1, gap / ideal) : 1;
  return { component: 'experience', value, label: `Стаж наставника больше на ${years(gap)}` };
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

function levelPart(mentor: Mentor): Part {
  const level = clean(mentor.level);
  const category = clean(mentor.category);
  const value = Math.max(ruleValue(level, LEVEL_RULES), ruleValue(category, CATEGORY_RULES));
  const shown = [level && `уровень — ${lower(level)}`, category && `категория — ${lower(category)}`].filter(Boolean).join(', ');
  return { component: 'level', value, label: shown ? `Наставник: ${shown}` : 'Уровень и категория наставника не указаны' };
}

function formatStems(formats: readonly string[]): { text: string; stems: Stem[] }[] {
  return formats.map(clean).filter(Boolean).map((text) => ({ text, stems: phraseStems(text) }));
}

function formatPart(mentee: Mentee, mentor: Mentor): Part {
  const want = formatStems(mentee.preferredFormats);
  const offer = formatStems(mentor.preferredFormats);
  if (want.length === 0) return { component: 'format', value: 1, label: 'Наставляемому подходит любой формат' };
  if (offer.length === 0) return { component: 'format', value: 0.5, label: 'Наставник не указал предпочтительные форматы' };
  // A format matches when its first content word does («традиционное (один на один)» ~ «традиционная»).
  const common = want.filter((w) => w.stems.length > 0 && offer.some((o) => o.stems.length > 0 && stemsMatch(w.stems[0].stem, o.stems[0].stem)));
  if (common.length === 0) {
    return { component: 'format', value: 0, label: `Форматы не совпадают: ${want.map((w) => lower(w.text)).join(', ')}` };
  }
  return { component: 'format', value: 1, label: `Подходящий формат: ${common.map((w) => lower(w.text)).join(', ')}` };
}

function capacityPart(mentor: Mentor, load: number): Part {
  const cap = Math.max(0, Math.floor(mentor.capacity));
  const free = Math.max(0, cap - load);
  return {
    component: 'capacity',
    value: cap === 0 ? 0 : free / cap,
    label: `Свободно мест: ${formatUpTo(free, 0)} из ${formatUpTo(cap, 0)}`,
  };
}

function blocksFor(mentee: Mentee, mentor: Mentor, ctx: ScoreContext): string[] {
  const blocks: string[] = [];
  const c = ctx.constraints;
  if (c.requireConsent) {
    const a = consentProblem(mentor, 'mentor', ctx.asOf);
    const b = consentProblem(mentee, 'mentee', ctx.asOf);
    if (a) blocks.push(a);
    if (b) blocks.push(b);
  }
  const sameName = normaliseFullName(mentee.fullName) !== '' && normaliseFullName(mentee.fullName) === normaliseFullName(mentor.fullName);
  if (mentee.id === mentor.id || (sameName && clean(mentee.organisationId) === clean(mentor.organisationId))) {
    blocks.push('Наставник и наставляемый — одно и то же лицо');
  }
  const existing = (ctx.pairs ?? []).find(
    (p) => p.mentorId === mentor.id && p.menteeIds.includes(mentee.id) && occupiesCapacity(p.status),
  );
  if (existing) blocks.push(`Пара уже существует (статус «${PAIR_STATUS_LABELS[existing.status]}»)`);
  const cap = Math.max(0, Math.floor(mentor.capacity));
  if (ctx.load >= cap) blocks.push(`Нет свободных мест у наставника: занято ${formatUpTo(ctx.load, 0)} из ${formatUpTo(cap, 0)}`);
  if (c.sameOrganisationOnly) {
    const a = clean(mentee.organisationId);
    const b = clean(mentor.organisationId);
    const partner = c.allowPartnerOrganisations && a !== '' && b !== '' && arePartners(a, b, ctx.partnerOrgs);
    if (a !== b && !partner) {
      blocks.push(
        c.allowPartnerOrganisations
          ? 'Наставник не из организации наставляемого и не из организации-партнёра'
          : 'Наставник не из организации наставляемого',
      );
    }
  }
  return blocks;
}

/** Case, «ё», punctuation and spacing aside, the same words. */
function sameText(a: string, b: string): boolean {
  return normaliseFullName(a) === normaliseFullName(b);
}

function lower(s: string): string {
  // Keep abbreviations («ФГОС», «ИКТ») as written; lower only a capitalised ordinary word at the start.
  return /^\p{Lu}\p{Ll}/u.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** «19 лет», «2,5 года»: a number of years as the reasons print it. */
function years(n: number): string {
  return `${formatUpTo(n, 1)} ${plural(roundTo(n, 1), YEARS)}`;
}
