import { describe, it, expect } from 'vitest';
import type { Mentee, Mentor } from '../../src/domain/people';
import {
  DEFAULT_SCORING,
  matchingInput,
  rankMentors,
  scoreCandidate,
  type ScoreContext,
  type ScoreWeights,
} from '../../src/domain/scoring';
import { phraseStems, stemCoverage, stemsMatch } from '../../src/domain/ru-stem';
import { formatUpTo, plural } from '../../src/domain/russian';
import { assignOptimal } from '../../src/domain/matching';

function mentor(over: Partial<Mentor> = {}): Mentor {
  return {
    id: 'm1',
    fullName: 'Петрова Ольга Ивановна',
    organisationId: 'oo1',
    position: 'учитель',
    subject: 'Математика',
    experienceYears: 20,
    category: 'высшая',
    level: 'ведущий наставник',
    strengths: ['Оценивание образовательных результатов', 'взаимодействие с родителями обучающихся'],
    capacity: 2,
    preferredFormats: ['традиционная (один на один)', 'виртуальное'],
    consentDate: '2023-08-20',
    ...over,
  };
}

function mentee(over: Partial<Mentee> = {}): Mentee {
  return {
    id: 'e1',
    fullName: 'Сидоров Иван Петрович',
    organisationId: 'oo1',
    position: 'учитель',
    subject: 'математика',
    age: 24,
    experienceYears: 1,
    category: 'без категории',
    deficits: ['оценивание', 'работа с родителями'],
    request: '',
    preferredFormats: ['традиционное'],
    includedDate: '2023-09-01',
    consentDate: '2023-08-25',
    ...over,
  };
}

const ctx = (over: Partial<ScoreContext> = {}): ScoreContext => ({
  weights: DEFAULT_SCORING.weights,
  constraints: DEFAULT_SCORING.constraints,
  load: 0,
  asOf: '2023-09-01',
  ...over,
});

/** Only one component weighted: the score is that component's value. */
function only(component: keyof ScoreWeights): ScoreWeights {
  const w = { subject: 0, organisation: 0, deficits: 0, experience: 0, level: 0, format: 0, capacity: 0 };
  return { ...w, [component]: 1 };
}

function part(e: Mentee, m: Mentor, component: keyof ScoreWeights, over: Partial<ScoreContext> = {}) {
  const r = scoreCandidate(e, m, ctx({ ...over, weights: only(component) }));
  expect(r.reasons).toHaveLength(1);
  return { score: r.score, label: r.reasons[0].label };
}

describe('scoreCandidate: the whole', () => {
  it('scores an ideal pair near 1, with points adding up to the score', () => {
    const r = scoreCandidate(mentee(), mentor(), ctx());
    expect(r.allowed).toBe(true);
    expect(r.blocks).toEqual([]);
    expect(r.score).toBeGreaterThan(0.9);
    expect(r.score).toBeLessThanOrEqual(1);
    const sum = r.reasons.reduce((s, x) => s + x.points, 0);
    expect(r.score).toBeCloseTo(sum, 9);
    expect(r.reasons.map((x) => x.label)).toContain('Тот же предмет: математика');
  });

  it('stays within 0..1 and ranks a worse mentor lower', () => {
    const weak = mentor({ id: 'm2', subject: 'физика', organisationId: 'oo9', strengths: ['робототехника'], experienceYears: 2, level: '', category: '', preferredFormats: ['сетевое'] });
    const a = scoreCandidate(mentee(), mentor(), ctx());
    const b = scoreCandidate(mentee(), weak, ctx());
    expect(b.score).toBeGreaterThanOrEqual(0);
    expect(b.score).toBeLessThan(a.score);
  });

  it('normalises weights: scaling all weights changes nothing', () => {
    const doubled = Object.fromEntries(Object.entries(DEFAULT_SCORING.weights).map(([k, v]) => [k, v * 2])) as unknown as ScoreWeights;
    const m = mentor({ subject: 'алгебра', organisationId: 'oo2' });
    expect(scoreCandidate(mentee(), m, ctx({ weights: doubled })).score).toBe(scoreCandidate(mentee(), m, ctx()).score);
  });
});

describe('scoreCandidate: components', () => {
  it('subject: same, close, other, missing', () => {
    expect(part(mentee(), mentor(), 'subject')).toEqual({ score: 1, label: 'Тот же предмет: математика' });
    expect(part(mentee({ subject: 'учитель математики' }), mentor({ subject: 'математика и информатика' }), 'subject')).toEqual({
      score: 0.6,
      label: 'Близкий предмет: учитель математики — математика и информатика',
    });
    expect(part(mentee(), mentor({ subject: 'Химия' }), 'subject')).toEqual({ score: 0, label: 'Другой предмет: химия (у наставляемого — математика)' });
    expect(part(mentee({ subject: '' }), mentor(), 'subject')).toEqual({ score: 0, label: 'Предмет не указан' });
  });

  it('organisation: same, partner (either direction), other', () => {
    expect(part(mentee(), mentor(), 'organisation')).toEqual({ score: 1, label: 'Та же организация' });
    const partners = { oo2: ['oo1'] };
    expect(part(mentee(), mentor({ organisationId: 'oo2' }), 'organisation', { partnerOrgs: partners })).toEqual({
      score: 0.6,
      label: 'Организация-партнёр: oo2',
    });
    expect(part(mentee(), mentor({ organisationId: 'oo3' }), 'organisation', { partnerOrgs: partners })).toEqual({
      score: 0,
      label: 'Другая организация: oo3',
    });
  });

  it('deficits: Russian phrases matched by stems, generic words count little', () => {
    // «работа» is generic: «взаимодействие с родителями» covers 1 of 1.25 weighted words of «работа с родителями».
    const full = part(mentee(), mentor(), 'deficits');
    expect(full.score).toBe(0.9);
    expect(full.label).toBe('Закрывает дефициты (2 из 2): оценивание, работа с родителями');
    const half = part(mentee(), mentor({ strengths: ['Формирующее оценивание', 'работа с одарёнными детьми'] }), 'deficits');
    expect(half.score).toBe(0.5);
    expect(half.label).toBe('Закрывает дефицит (1 из 2): оценивание');
    expect(part(mentee(), mentor({ strengths: ['робототехника'] }), 'deficits')).toEqual({
      score: 0,
      label: 'Сильные стороны наставника не закрывают дефициты',
    });
    expect(part(mentee({ deficits: [] }), mentor(), 'deficits')).toEqual({ score: 0, label: 'Дефициты наставляемого не указаны' });
  });

  it('experience: a bigger gap is better up to the ideal gap, then flat', () => {
    const gap = (years: number) => part(mentee({ experienceYears: 1 }), mentor({ experienceYears: 1 + years }), 'experience');
    expect(gap(5)).toEqual({ score: 0.5, label: 'Стаж наставника больше на 5 лет' });
    expect(gap(2).score).toBe(0.2);
    expect(gap(2).label).toBe('Стаж наставника больше на 2 года');
    expect(gap(10).score).toBe(1);
    expect(gap(30).score).toBe(1);
    expect(gap(0)).toEqual({ score: 0, label: 'Стаж наставника (1 год) не больше стажа наставляемого (1 год)' });
    expect(part(mentee({ experienceYears: null }), mentor(), 'experience').label).toBe('Стаж наставляемого не указан (у наставника — 20 лет)');
    expect(part(mentee(), mentor({ experienceYears: null }), 'experience')).toEqual({ score: 0, label: 'Стаж наставника не указан' });
  });

  it('level: the better of mentor level and qualification category', () => {
    expect(part(mentee(), mentor(), 'level')).toEqual({ score: 1, label: 'Наставник: уровень — ведущий наставник, категория — высшая' });
    expect(part(mentee(), mentor({ level: 'старший наставник', category: 'первая' }), 'level').score).toBe(0.75);
    expect(part(mentee(), mentor({ level: '', category: 'первая' }), 'level').score).toBe(0.7);
    expect(part(mentee(), mentor({ level: '', category: '' }), 'level')).toEqual({ score: 0, label: 'Уровень и категория наставника не указаны' });
  });

  it('format: common preferred format, any, unknown, none', () => {
    expect(part(mentee(), mentor(), 'format')).toEqual({ score: 1, label: 'Подходящий формат: традиционное' });
    expect(part(mentee({ preferredFormats: [] }), mentor(), 'format')).toEqual({ score: 1, label: 'Наставляемому подходит любой формат' });
    expect(part(mentee(), mentor({ preferredFormats: [] }), 'format')).toEqual({ score: 0.5, label: 'Наставник не указал предпочтительные форматы' });
    expect(part(mentee({ preferredFormats: ['флэш'] }), mentor(), 'format')).toEqual({ score: 0, label: 'Форматы не совпадают: флэш' });
  });

  it('capacity: share of places still free', () => {
    expect(part(mentee(), mentor({ capacity: 3 }), 'capacity', { load: 1 })).toEqual({ score: 0.6667, label: 'Свободно мест: 2 из 3' });
    expect(part(mentee(), mentor({ capacity: 2 }), 'capacity')).toEqual({ score: 1, label: 'Свободно мест: 2 из 2' });
  });
});

describe('scoreCandidate: hard constraints', () => {
  const blocks = (e: Mentee, m: Mentor, over: Partial<ScoreContext> = {}) => {
    const r = scoreCandidate(e, m, ctx(over));
    expect(r.allowed).toBe(r.blocks.length === 0);
    return r.blocks;
  };

  it('consent: missing or later than asOf, for either side; can be switched off', () => {
    expect(blocks(mentee({ consentDate: null }), mentor())).toEqual(['Нет согласия наставляемого e1 на обработку персональных данных']);
    expect(blocks(mentee(), mentor({ consentDate: '2023-09-02' }))).toEqual(['Согласие наставника m1 датировано 02.09.2023 — позже 01.09.2023']);
    const off = { ...DEFAULT_SCORING.constraints, requireConsent: false };
    expect(blocks(mentee({ consentDate: null }), mentor(), { constraints: off })).toEqual([]);
  });

  it('not the same person (same id, or same name in the same organisation)', () => {
    expect(blocks(mentee({ id: 'x' }), mentor({ id: 'x' }))).toEqual(['Наставник и наставляемый — одно и то же лицо']);
    expect(blocks(mentee({ fullName: 'Петрова  Ольга Ивановна' }), mentor())).toEqual(['Наставник и наставляемый — одно и то же лицо']);
    expect(blocks(mentee({ fullName: 'Петрова Ольга Ивановна', organisationId: 'oo2' }), mentor())).toEqual([]);
  });

  it('not already paired (proposed or active); a finished pair does not block', () => {
    const pairs = [{ mentorId: 'm1', menteeIds: ['e1'], status: 'active' as const }];
    expect(blocks(mentee(), mentor(), { pairs, load: 1 })).toEqual(['Пара уже существует (статус «действует»)']);
    expect(blocks(mentee(), mentor(), { pairs: [{ ...pairs[0], status: 'proposed' }], load: 1 })).toEqual(['Пара уже существует (статус «предложено»)']);
    expect(blocks(mentee(), mentor(), { pairs: [{ ...pairs[0], status: 'completed' }] })).toEqual([]);
  });

  it('mentor must have a free place', () => {
    expect(blocks(mentee(), mentor({ capacity: 2 }), { load: 2 })).toEqual(['Нет свободных мест у наставника: занято 2 из 2']);
    expect(blocks(mentee(), mentor({ capacity: 0 }))).toEqual(['Нет свободных мест у наставника: занято 0 из 0']);
  });

  it('same organisation when switched on; partners allowed by a second switch', () => {
    const same = { ...DEFAULT_SCORING.constraints, sameOrganisationOnly: true };
    const m = mentor({ organisationId: 'oo2' });
    expect(blocks(mentee(), m)).toEqual([]);
    expect(blocks(mentee(), m, { constraints: same })).toEqual(['Наставник не из организации наставляемого и не из организации-партнёра']);
    expect(blocks(mentee(), m, { constraints: same, partnerOrgs: { oo1: ['oo2'] } })).toEqual([]);
    expect(blocks(mentee(), m, { constraints: { ...same, allowPartnerOrganisations: false }, partnerOrgs: { oo1: ['oo2'] } })).toEqual([
      'Наставник не из организации наставляемого',
    ]);
  });
});

describe('rankMentors and matchingInput', () => {
  const mentors = [
    mentor({ id: 'm1' }),
    mentor({ id: 'm2', subject: 'физика', strengths: [] }),
    mentor({ id: 'm3', capacity: 1 }),
    mentor({ id: 'm4', consentDate: null }),
  ];

  it('returns the best allowed mentors with breakdowns, blocked ones only on request', () => {
    const loads = new Map([['m3', 1]]);
    const top = rankMentors(mentee(), mentors, { ...ctx(), loads, limit: 3 });
    expect(top.map((r) => r.mentor.id)).toEqual(['m1', 'm2']);
    expect(top[0].result.score).toBeGreaterThan(top[1].result.score);
    expect(top[0].result.reasons.length).toBeGreaterThan(3);
    const all = rankMentors(mentee(), mentors, { ...ctx(), loads: { m3: 1 }, includeBlocked: true, limit: 10 });
    // Blocked ones come last, still by score: m3 has no free place left, which also lowers its score.
    expect(all.map((r) => [r.mentor.id, r.result.allowed])).toEqual([['m1', true], ['m2', true], ['m4', false], ['m3', false]]);
    expect(all[3].result.blocks).toEqual(['Нет свободных мест у наставника: занято 1 из 1']);
  });

  it('builds a matcher input from allowed pairs and remaining places', () => {
    const input = matchingInput([mentee(), mentee({ id: 'e2', subject: 'физика' })], mentors, { ...ctx(), loads: { m1: 1 } });
    expect(input.mentors).toEqual([
      { id: 'm1', capacity: 1 },
      { id: 'm2', capacity: 2 },
      { id: 'm3', capacity: 1 },
      { id: 'm4', capacity: 2 },
    ]);
    expect(input.scores.some(([, m]) => m === 'm4')).toBe(false);
    const r = assignOptimal(input, 'score');
    expect(r.matched).toBe(2);
    // No competition here, so the optimum gives each mentee its top-ranked mentor: the free maths mentor m3 for
    // e1 (m1 has one place left of two), the physics mentor m2 for e2.
    const topFor = (e: Mentee) => rankMentors(e, mentors, { ...ctx(), loads: { m1: 1 }, limit: 1 })[0].mentor.id;
    expect(r.pairs).toEqual([['e1', topFor(mentee())], ['e2', topFor(mentee({ id: 'e2', subject: 'физика' }))]]);
    expect(r.pairs).toEqual([['e1', 'm3'], ['e2', 'm2']]);
  });
});

describe('Russian text helpers', () => {
  it('stems match across endings but not across different words', () => {
    expect(stemsMatch(phraseStems('оценивание')[0].stem, phraseStems('оценки')[0].stem)).toBe(true);
    expect(stemsMatch(phraseStems('родителями')[0].stem, phraseStems('родителей')[0].stem)).toBe(true);
    expect(stemsMatch(phraseStems('программа')[0].stem, phraseStems('прогноз')[0].stem)).toBe(false);
    expect(stemsMatch(phraseStems('дисциплина')[0].stem, phraseStems('дистанционное')[0].stem)).toBe(false);
    expect(phraseStems('работа с родителями').map((s) => s.stem)).toEqual(['работ', 'родител']);
    expect(stemCoverage(phraseStems('работа с родителями'), phraseStems('работа с одарёнными'))).toBeCloseTo(0.2, 9);
  });

  it('plural forms and decimal comma', () => {
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111, 2.5].map((n) => plural(n, ['год', 'года', 'лет']))).toEqual([
      'год', 'года', 'лет', 'лет', 'лет', 'год', 'года', 'лет', 'лет', 'года',
    ]);
    expect(formatUpTo(0.8333333, 2)).toBe('0,83');
    expect(formatUpTo(-0.0001, 2)).toBe('0');
  });
});
