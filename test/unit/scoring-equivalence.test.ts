// The prepared scoring (scoring.ts on scoring-prep.ts) against the original per-pair scoreCandidate, kept frozen in
// test/bench/scoring-reference.ts: on generated pools and under varied settings, every pair must get the same
// score, the same allowed flag, the same blocks and the same reasons, to the character and to the last bit.
import { describe, it, expect } from 'vitest';
import {
  allowedScores,
  DEFAULT_SCORING,
  isBlocked,
  matchingInput,
  pairScore,
  prepareContext,
  prepareMentee,
  prepareMentor,
  rankMentors,
  scoreCandidate,
  scorePrepared,
  type RankContext,
} from '../../src/domain/scoring';
import * as reference from '../bench/scoring-reference';
import { generatePool, type Pool } from '../bench/scoring-pool';

const ODD = generatePool(7, { mentees: 45, mentors: 35, organisations: 6, pairs: 40, odd: true });
const PLAIN = generatePool(11, { mentees: 30, mentors: 25, organisations: 4, pairs: 15 });

const w = DEFAULT_SCORING.weights;
const c = DEFAULT_SCORING.constraints;
const SETTINGS: [string, (pool: Pool) => RankContext][] = [
  ['defaults', (p) => ({ ...DEFAULT_SCORING, partnerOrgs: p.partners, asOf: p.asOf, pairs: p.pairs, loads: p.loads })],
  [
    'own organisation or partners only, loads as a record',
    (p) => ({
      weights: w,
      constraints: { ...c, sameOrganisationOnly: true },
      partnerOrgs: p.partners,
      asOf: p.asOf,
      pairs: p.pairs,
      loads: Object.fromEntries(p.loads),
    }),
  ],
  [
    'own organisation only, no consent needed',
    (p) => ({
      weights: w,
      constraints: { ...c, sameOrganisationOnly: true, allowPartnerOrganisations: false, requireConsent: false },
      partnerOrgs: p.partners,
      asOf: p.asOf,
      pairs: p.pairs,
      loads: p.loads,
    }),
  ],
  [
    'no partners, pairs or loads given',
    (p) => ({ ...DEFAULT_SCORING, asOf: p.asOf }),
  ],
  [
    'zero and negative weights, any share of a deficit counts, no ideal gap',
    (p) => ({
      weights: { ...w, organisation: 0, level: -2, capacity: 4 },
      constraints: { ...c, deficitMatchShare: 0, idealExperienceGap: 0 },
      partnerOrgs: p.partners,
      asOf: p.asOf,
      pairs: p.pairs,
      loads: p.loads,
    }),
  ],
  [
    'strict deficits, long ideal gap',
    (p) => ({
      weights: { ...w, deficits: 7 },
      constraints: { ...c, deficitMatchShare: 1, idealExperienceGap: 25 },
      partnerOrgs: p.partners,
      asOf: '2023-09-15',
      pairs: p.pairs,
      loads: p.loads,
    }),
  ],
  [
    'all weights zero',
    (p) => ({
      weights: { subject: 0, organisation: 0, deficits: 0, experience: 0, level: 0, format: 0, capacity: 0 },
      constraints: c,
      partnerOrgs: p.partners,
      asOf: p.asOf,
      pairs: p.pairs,
      loads: p.loads,
    }),
  ],
];

const loadIn = (ctx: RankContext, id: string): number => {
  const l = ctx.loads;
  const v = !l ? undefined : l instanceof Map ? l.get(id) : (l as Record<string, number>)[id];
  return typeof v === 'number' ? v : 0;
};

describe('prepared scoring gives what the original scoreCandidate gave', () => {
  for (const [poolName, pool] of [['odd records', ODD], ['plain records', PLAIN]] as const) {
    for (const [name, settings] of SETTINGS) {
      it(`${poolName}, ${name}: every pair, one at a time and prepared`, () => {
        const ctx = settings(pool);
        const prepared = prepareContext(ctx);
        // Mentors first and each mentee just before its pairs, so the stem vocabulary grows while pairs are scored.
        const mentors = pool.mentors.map((m) => prepareMentor(m, prepared));
        const mentees = [];
        let pairs = 0;
        for (const mentee of pool.mentees) {
          const e = prepareMentee(mentee, prepared);
          mentees.push(e);
          for (const m of mentors) {
            const load = loadIn(ctx, m.mentor.id);
            const want = reference.scoreCandidate(mentee, m.mentor, { ...ctx, load });
            expect(scoreCandidate(mentee, m.mentor, { ...ctx, load })).toEqual(want);
            expect(scorePrepared(e, m)).toEqual(want);
            expect(pairScore(e, m)).toBe(want.score);
            expect(isBlocked(e, m)).toBe(!want.allowed);
            pairs++;
          }
        }
        expect(pairs).toBe(pool.mentees.length * pool.mentors.length);
        // Pairs of the first mentees again, now that later people have added stems and matches.
        for (const e of mentees.slice(0, 5)) {
          for (const m of mentors) {
            expect(scorePrepared(e, m)).toEqual(reference.scoreCandidate(e.mentee, m.mentor, { ...ctx, load: loadIn(ctx, m.mentor.id) }));
          }
        }
        expect(allowedScores(mentees, mentors)).toEqual(reference.matchingInput(pool.mentees, pool.mentors, ctx).scores);
      });
    }
  }

  it('walks every kind of reason and block on the odd pool', () => {
    const results: reference.CandidateScore[] = [];
    for (const [, settings] of SETTINGS.slice(0, 3)) {
      const ctx = settings(ODD);
      for (const e of ODD.mentees) for (const m of ODD.mentors) results.push(scoreCandidate(e, m, { ...ctx, load: loadIn(ctx, m.id) }));
    }
    const texts = results.flatMap((r) => [...r.reasons.map((x) => x.label), ...r.blocks]);
    for (const kind of [
      /^Тот же предмет: /, /^Близкий предмет: /, /^Другой предмет: /, /^Предмет не указан$/,
      /^Та же организация$/, /^Организация-партнёр: /, /^Другая организация: /, /^Организация наставника не указана$/,
      /^Закрывает дефицит \(1 из \d\): /, /^Закрывает дефициты \([2-9] из \d\): /,
      /^Сильные стороны наставника не закрывают дефициты$/, /^Дефициты наставляемого не указаны$/,
      /^Стаж наставника больше на \d/, /^Стаж наставника больше на \d+,5 года$/, /^Стаж наставника \(.*\) не больше стажа/,
      /^Стаж наставляемого не указан \(у наставника — /, /^Стаж наставника не указан$/,
      /^Наставник: уровень — .*, категория — /, /^Наставник: категория — /, /^Уровень и категория наставника не указаны$/,
      /^Подходящий формат: /, /^Форматы не совпадают: /, /^Наставляемому подходит любой формат$/,
      /^Наставник не указал предпочтительные форматы$/, /^Свободно мест: 0 из 0$/, /^Свободно мест: [1-9]/,
      /^Нет согласия наставника /, /^Нет согласия наставляемого /, /^Согласие .* датировано /, /^Дата согласия .* не распознана/,
      /^Наставник и наставляемый — одно и то же лицо$/, /^Пара уже существует \(статус «действует»\)$/,
      /^Пара уже существует \(статус «предложено»\)$/, /^Нет свободных мест у наставника: занято /,
      /^Наставник не из организации наставляемого и не из организации-партнёра$/, /^Наставник не из организации наставляемого$/,
    ]) {
      expect(texts.some((t) => kind.test(t)), String(kind)).toBe(true);
    }
  });

  it('matchingInput and rankMentors agree with the original, blocked mentors included', () => {
    for (const [, settings] of SETTINGS) {
      for (const pool of [ODD, PLAIN]) {
        const ctx = settings(pool);
        expect(matchingInput(pool.mentees, pool.mentors, ctx)).toEqual(reference.matchingInput(pool.mentees, pool.mentors, ctx));
        for (const mentee of pool.mentees.slice(0, 8)) {
          for (const extra of [{}, { includeBlocked: true, limit: 1000 }, { limit: 3 }]) {
            expect(rankMentors(mentee, pool.mentors, { ...ctx, ...extra })).toEqual(reference.rankMentors(mentee, pool.mentors, { ...ctx, ...extra }));
          }
        }
      }
    }
  });

  it('refuses people prepared under different settings', () => {
    const ctx = SETTINGS[0][1](PLAIN);
    const e = prepareMentee(PLAIN.mentees[0], prepareContext(ctx));
    const m = prepareMentor(PLAIN.mentors[0], prepareContext(ctx));
    expect(() => scorePrepared(e, m)).toThrow();
    expect(() => allowedScores([e], [m])).toThrow();
  });
});
