// Indicators against a hand-built municipality (test/fixtures/indicators/municipality.json): 4 organisations
// (schools S1, S2; kindergartens K1, K2), 12 mentors, 20 mentees, 16 pairs with histories, checklists, roadmap
// records and a staff list. Every expected figure below is counted by hand from the fixture; the comments show
// the counting. Main date A = 2024-03-01, earlier snapshot B = 2023-10-01.
//
// Pair statuses on A (from histories): active P01 P02 P03 P05 P07 P09 P15 P16; completed P04 (20.12.2023),
// P11 (30.06.2023), P14 (15.12.2023); cancelled P06 (never active), P08 (after being active); proposed P10, P12
// (active only from 05.03.2024); P13 does not exist yet (proposed 10.03.2024).
// Pair organisations: first mentee's organisation (on the end date for ended pairs): P01–P04 S1, P05–P08 S2,
// P09–P11 K1 (P11 ended 30.06.2023 when E13 was still in K1), P12 K1, P13–P15 K2, P16 X9 (not in the list).
// People who moved: mentee E13 K1 → K2 on 10.01.2024; mentor M12 K1 → K2 on 15.01.2024.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  computeIndicators,
  fractionFor,
  indicatorById,
  INDICATOR_IDS,
  INDICATORS,
  isSatisfied,
  organisationOn,
  parseIndicatorId,
  parseScope,
  prepareIndicators,
  activePairsByOrder,
  type Fraction,
  type IndicatorData,
  type IndicatorResult,
} from '../../src/domain/indicators';
import type { Mentee, Mentor, Organisation, Pair } from '../../src/domain/people';
import { allDynamics, dynamics, HISTORY_HEADERS, mergeSnapshot, scopeLabel, snapshot } from '../../src/domain/indicator-history';

const data = JSON.parse(readFileSync(new URL('../fixtures/indicators/municipality.json', import.meta.url), 'utf8')) as IndicatorData;
const A = '2024-03-01';
const B = '2023-10-01';

type NumDen = [number, number];
interface Expected {
  total: NumDen;
  school: NumDen;
  kindergarten: NumDen;
  S1: NumDen;
  S2: NumDen;
  K1: NumDen;
  K2: NumDen;
}

function expectedFraction(unit: 'share' | 'count' | 'ratio', [n, d]: NumDen): Fraction {
  return { numerator: n, denominator: d, value: unit === 'count' ? n : d === 0 ? null : n / d };
}

function check(result: IndicatorResult, e: Expected): void {
  const f = (nd: NumDen) => expectedFraction(result.unit, nd);
  expect(result.total).toEqual(f(e.total));
  expect(result.byKind).toEqual({ school: f(e.school), kindergarten: f(e.kindergarten) });
  expect(result.byOrganisation).toEqual({ S1: f(e.S1), S2: f(e.S2), K1: f(e.K1), K2: f(e.K2) });
}

const onA = new Map(computeIndicators(data, A).map((r) => [r.indicatorId, r]));
const onB = new Map(computeIndicators(data, B).map((r) => [r.indicatorId, r]));
const get = (m: Map<string, IndicatorResult>, id: string): IndicatorResult => {
  const r = m.get(id);
  if (!r) throw new Error(`no result for ${id}`);
  return r;
};

describe('catalogue', () => {
  it('has every indicator of DOMAIN.md once, with Russian texts and a unit', () => {
    expect(INDICATORS.map((i) => i.id)).toEqual([...INDICATOR_IDS]);
    expect(new Set(INDICATOR_IDS).size).toBe(15);
    for (const i of INDICATORS) {
      for (const text of [i.name, i.definition, i.numeratorLabel, i.denominatorLabel]) expect(text).toMatch(/[а-яё]/i);
      expect(i.definition.trim().endsWith('.')).toBe(true);
      expect(['share', 'count', 'ratio']).toContain(i.unit);
    }
  });

  it('finds an indicator by id or by its Russian name', () => {
    expect(parseIndicatorId('active-pairs')).toBe('active-pairs');
    expect(parseIndicatorId(' ACTIVE-PAIRS ')).toBe('active-pairs');
    expect(parseIndicatorId('доля ОО с назначенным куратором')).toBe('curator-appointed');
    expect(parseIndicatorId('Доля завершенных персонализированных программ наставничества')).toBe('programmes-completed');
    expect(parseIndicatorId('охват')).toBeNull();
    expect(indicatorById('nope')).toBeUndefined();
  });

  it('computes one indicator alone exactly as in the batch', () => {
    expect(indicatorById('young-specialists-in-mentoring').compute(data, A)).toEqual(get(onA, 'young-specialists-in-mentoring'));
  });

  it('refuses a date that is not ISO with a Russian message', () => {
    expect(() => computeIndicators(data, '01.03.2024')).toThrow(/ГГГГ-ММ-ДД/);
  });
});

describe('share of young specialists in mentoring (on A)', () => {
  // Young specialists (under 35, experience 0–3) in the mentee base on A, plus staff not in the base:
  // S1: E01 E02 E03 (all active: P01 P02 P03) + T09 (staff only, 23 y., 0 y.) → 3 / 4. E04 is 40, E05 has 6 years.
  // S2: E06 (P05), E08 (born 10.05.1996 → 27 on A; P07), E09 (no age, category «молодой специалист»; P07) active;
  //     E07 (P06 cancelled) not → 3 / 4. E10 is 45.
  // K1: E11 (P09) active; E12 (P10 only proposed) not → 1 / 2. E14 is 38.
  // K2: E13 (moved here 10.01.2024; P11 completed) and E17 (P14 completed) → 0 / 2. E15 joins only 01.04.2024,
  //     E16 left 05.01.2024, E18 is 35, E19 has 4 years.
  // X9 (not in the list): E20 active (P16) → 1 / 1, in the total only.
  // Total 3+3+1+0+1 = 8 of 4+4+2+2+1 = 13. Schools 6/8, kindergartens 1/4.
  it('counts by hand', () => {
    check(get(onA, 'young-specialists-in-mentoring'), {
      total: [8, 13], school: [6, 8], kindergarten: [1, 4], S1: [3, 4], S2: [3, 4], K1: [1, 2], K2: [0, 2],
    });
  });

  it('says who was classified by category and which organisation is unknown', () => {
    const w = get(onA, 'young-specialists-in-mentoring').warnings.join('\n');
    expect(w).toMatch(/1 чел\. без возраста или стажа учтены как молодые специалисты/);
    expect(w).toMatch(/X9/);
  });

  // On B: S1 E01 E02 E03 active + T09 → 3/4; S2 only E06 (P05 active from 01.10.2023, the same day) → 1/4;
  // K1: E11 active, E12 not, E13 still in K1 (moves 10.01.2024) with P11 completed → 1/3;
  // K2: E16 (still employed) and E17 in P14 active until 15.12.2023 → 2/2; X9: E20 → 1/1.
  // Total 3+1+1+2+1 = 8 of 4+4+3+2+1 = 14. Schools 4/8, kindergartens 3/5.
  it('counts on an earlier date with the people where they were then', () => {
    check(get(onB, 'young-specialists-in-mentoring'), {
      total: [8, 14], school: [4, 8], kindergarten: [3, 5], S1: [3, 4], S2: [1, 4], K1: [1, 3], K2: [2, 2],
    });
  });
});

describe('teachers under 35 involved (on A)', () => {
  // Staff under 35 (age on A), involved = mentor or mentee of a pair active on A:
  // S1: M04 33 (mentor of P05, P16 ✓), E01 ✓, E02 ✓, E03 ✓, E05 29 ✗ (P04 completed), T01 30 ✗, T09 23 ✗ → 4/7.
  // S2: E06 ✓, E07 ✗, E08 27 ✓, T03 26 ✗ → 2/4; E09 and T04 have no age → left out with a warning.
  // K1: M09 29 ✗ (P11 completed), E11 ✓, E12 ✗ (proposed), T05 32 ✗ → 1/4.
  // K2: E13 31 ✗, E17 34 ✗, E19 30 ✗, T07 27 ✗ → 0/4; E18 is 35.
  // Total 7/19; schools 6/11; kindergartens 1/8.
  it('counts by hand', () => {
    const r = get(onA, 'teachers-under-35-involved');
    check(r, { total: [7, 19], school: [6, 11], kindergarten: [1, 8], S1: [4, 7], S2: [2, 4], K1: [1, 4], K2: [0, 4] });
    expect(r.warnings.join('\n')).toMatch(/Не учтены педагоги без возраста: 2/);
  });

  it('is not computed without a staff list (null, not 0, not NaN)', () => {
    const { teachers: _omit, ...noStaff } = data;
    const r = indicatorById('teachers-under-35-involved').compute(noStaff, A);
    expect(r.total).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(r.byOrganisation.S1.value).toBeNull();
    expect(r.warnings[0]).toMatch(/Нет списка педагогических работников/);
  });
});

describe('share of teachers who are mentors (on A)', () => {
  // Mentors of pairs active on A among all staff: S1 M01 M02 M04 of 12; S2 M06 of 10 (M05, M07: cancelled pairs);
  // K1 M08 of 8 (M09 completed, M10 only proposed); K2 M12 of 8 (M11: P13 not yet, P14 completed).
  // Total 6/38; schools 4/22; kindergartens 2/16.
  it('counts by hand', () => {
    check(get(onA, 'teachers-as-mentors'), {
      total: [6, 38], school: [4, 22], kindergarten: [2, 16], S1: [3, 12], S2: [1, 10], K1: [1, 8], K2: [1, 8],
    });
  });
});

describe('active pairs and groups by order', () => {
  // On A active: S1 P01 P02 P03 (all by order) → 3 of 3; S2 P05 (no order) and P07 (order 40) → 1 of 2;
  // K1 P09 → 1 of 1 (P10, P12 only proposed on A); K2 P15 → 1 of 1; X9 P16 → 1 of 1 (total only).
  // Total 7 of 8 (value = the count, 7); schools 4 of 5; kindergartens 2 of 2.
  it('counts on A by hand', () => {
    const r = get(onA, 'active-pairs');
    check(r, { total: [7, 8], school: [4, 5], kindergarten: [2, 2], S1: [3, 3], S2: [1, 2], K1: [1, 1], K2: [1, 1] });
    expect(r.total.value).toBe(7);
    expect(r.warnings.join('\n')).toMatch(/Действующие пары не закреплены приказом и не вошли в числитель: 1/);
  });

  // On B also P04 (completed only 20.12.2023) and P14 (until 15.12.2023); P07 does not exist yet; P05 became active
  // that very day. S1 P01–P04 → 4/4; S2 P05 → 0/1; K1 P09 → 1/1; K2 P14 P15 → 2/2; X9 P16 → 1/1. Total 8/9.
  it('counts on B by hand: pairs ended later still count, pairs that start later do not', () => {
    check(get(onB, 'active-pairs'), { total: [8, 9], school: [4, 5], kindergarten: [3, 3], S1: [4, 4], S2: [0, 1], K1: [1, 1], K2: [2, 2] });
  });
});

describe('mentees per mentor', () => {
  // On A, by the mentor's organisation: S1 M01 (P01, P02: 2), M02 (group P03: 2), M04 (P05 + P16: 2) → 6 / 3;
  // S2 M06 (group P07: 2) → 2 / 1; K1 M08 (P09: 1) → 1 / 1; K2 M12 (moved to K2 on 15.01.2024; P15: 1) → 1 / 1.
  // Total 10 / 6; schools 8 / 4; kindergartens 2 / 2.
  it('counts on A by hand', () => {
    check(get(onA, 'mentees-per-mentor'), {
      total: [10, 6], school: [8, 4], kindergarten: [2, 2], S1: [6, 3], S2: [2, 1], K1: [1, 1], K2: [1, 1],
    });
  });

  // On B M12 is still in K1: K1 = M08 (1) + M12 (1) → 2/2; K2 = M11 (group P14: 2) → 2/1;
  // S1 = M01 2 + M02 2 + M03 1 (P04) + M04 1 (P05) + 1 (P16) → 7/4; S2 nobody → 0/0 (null). Total 11/7.
  it('counts a mentor who moved where they were on the date', () => {
    check(get(onB, 'mentees-per-mentor'), {
      total: [11, 7], school: [7, 4], kindergarten: [4, 3], S1: [7, 4], S2: [0, 0], K1: [2, 2], K2: [2, 1],
    });
    expect(get(onB, 'mentees-per-mentor').byOrganisation.S2.value).toBeNull();
  });
});

describe('mentors over capacity (on A)', () => {
  // Load = mentees in pairs active or proposed on A. S1: M01 2/2 ok, M02 2/1 over (group), M04 2/3 ok → 1 of 3;
  // S2: M06 2/2 → 0 of 1; K1: M08 active P09 + proposed P10 = 2/1 over, M10 proposed 1/1 ok → 1 of 2;
  // K2: M12 1/1 → 0 of 1. Total 2 of 7; schools 1 of 4; kindergartens 1 of 3.
  it('counts by hand, a proposed pair holding a place', () => {
    check(get(onA, 'mentors-over-capacity'), {
      total: [2, 7], school: [1, 4], kindergarten: [1, 3], S1: [1, 3], S2: [0, 1], K1: [1, 2], K2: [0, 1],
    });
  });
});

describe('organisations that implemented the model; curators', () => {
  // S1: all ten items. S2: no rule on rewarding mentors. K1: the programme is dated 20.03.2024, after A.
  // K2: all ten (the website item lacks a link: a warning, still present). → 2 of 4; schools 1/2; kindergartens 1/2.
  it('counts the checklist by hand on A', () => {
    const r = get(onA, 'model-implemented');
    check(r, { total: [2, 4], school: [1, 2], kindergarten: [1, 2], S1: [1, 1], S2: [0, 1], K1: [0, 1], K2: [1, 1] });
    // K1 states 2 pairs by order, the pairs data has 1 active by order on A (P09); S1 states 3 = P01 P02 P03.
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toMatch(/ОО K1: пар\/групп по приказам в чек-листе — 2, а действующих по приказам в базе пар на 01\.03\.2024 — 1/);
    expect(r.warnings[1]).toMatch(/ОО K2: «Раздел «Наставничество» на сайте ОО» отмечен без ссылки/);
  });

  it('counts K1 once its programme is dated', () => {
    expect(indicatorById('model-implemented').compute(data, '2024-03-20').byOrganisation.K1.numerator).toBe(1);
  });

  // Curators: S1 ✓, S2 '' ✗, K1 ✓, K2 ✓ → 3/4; schools 1/2; kindergartens 2/2.
  it('counts curators by hand', () => {
    check(get(onA, 'curator-appointed'), { total: [3, 4], school: [1, 2], kindergarten: [2, 2], S1: [1, 1], S2: [0, 1], K1: [1, 1], K2: [1, 1] });
  });

  it('compares the stated number of pairs with the pairs data', () => {
    const byOrder = activePairsByOrder(prepareIndicators(data, A));
    expect(Object.fromEntries(byOrder)).toEqual({ S1: 3, S2: 1, K1: 1, K2: 1, X9: 1 });
  });
});

describe('completed programmes and closed deficits (on A)', () => {
  // Ended pairs: P04 completed (S1), P08 cancelled after being active (S2), P11 completed (K1: E13 was in K1 when
  // it ended), P14 completed (K2). P06 was cancelled before it started: no programme, not counted.
  // S1 1/1, S2 0/1, K1 1/1, K2 1/1 → 3/4; schools 1/2; kindergartens 2/2.
  it('counts completed vs cancelled by hand', () => {
    check(get(onA, 'programmes-completed'), { total: [3, 4], school: [1, 2], kindergarten: [2, 2], S1: [1, 1], S2: [0, 1], K1: [1, 1], K2: [1, 1] });
  });

  // Mentees of completed pairs: E05 (S1, not closed), E13 (K1 on 30.06.2023, closed 20.06.2023), E16 (K2, closed
  // 10.12.2023), E17 (K2, closed only 20.03.2024 — after A). S1 0/1, S2 0/0, K1 1/1, K2 1/2 → 2/4.
  it('counts closed deficits by hand, each mentee of a group separately', () => {
    check(get(onA, 'deficits-closed'), { total: [2, 4], school: [0, 1], kindergarten: [2, 3], S1: [0, 1], S2: [0, 0], K1: [1, 1], K2: [1, 2] });
  });
});

describe('satisfaction (on A)', () => {
  // Pairs started by A with a score. Threshold 4 on 1–5, 80 on 0–100.
  // Mentors: S1 P01 5 ✓, P03 3 ✗, P04 90/100 ✓ → 2/3; S2 P07 4.5 ✓, P08 2 ✗ → 1/2; K1 P09 100 (inferred 0–100) ✓,
  // P11 5 ✓ → 2/2; K2 P14 4 ✓, P15 80/100 ✓ (boundary) → 2/2; X9 P16 4 ✓ → total only. P06 (never active, 1) and
  // P13 (not yet started, 5) are left out. Total 8/10; schools 3/5; kindergartens 4/4.
  it('counts mentors by hand', () => {
    check(get(onA, 'mentor-satisfaction'), { total: [8, 10], school: [3, 5], kindergarten: [4, 4], S1: [2, 3], S2: [1, 2], K1: [2, 2], K2: [2, 2] });
  });

  // Mentees: S1 P01 4 ✓, P03 4 ✓, P04 70/100 ✗ → 2/3; S2 P07 3 ✗, P08 2 ✗ → 0/2; K1 P09 85 ✓, P11 5 ✓ → 2/2;
  // K2 P14 5 ✓, P15 79/100 ✗ → 1/2. Total 5/9; schools 2/5; kindergartens 3/4.
  it('counts mentees by hand', () => {
    check(get(onA, 'mentee-satisfaction'), { total: [5, 9], school: [2, 5], kindergarten: [3, 4], S1: [2, 3], S2: [0, 2], K1: [2, 2], K2: [1, 2] });
  });

  it('reads both scales and refuses scores outside them', () => {
    const o = { satisfiedOnFivePoint: 4, satisfiedOnPercent: 80 };
    expect(isSatisfied(4, undefined, o)).toBe(true);
    expect(isSatisfied(3.9, undefined, o)).toBe(false);
    expect(isSatisfied(80, undefined, o)).toBe(true);
    expect(isSatisfied(79.5, undefined, o)).toBe(false);
    expect(isSatisfied(5, '0-100', o)).toBe(false);
    expect(isSatisfied(7, '1-5', o)).toBeNull();
    expect(isSatisfied(120, undefined, o)).toBeNull();
    expect(isSatisfied(-1, undefined, o)).toBeNull();
    expect(isSatisfied(Number.NaN, undefined, o)).toBeNull();
  });

  it('takes thresholds from the options', () => {
    // With 5 of 5 required: P01 5 ✓, P03 ✗, P04 90 ✓, P07 4.5 ✗, P08 ✗, P09 ✓, P11 ✓, P14 4 ✗, P15 ✓, P16 ✗ → 5/10.
    const r = indicatorById('mentor-satisfaction').compute(data, A, { satisfiedOnFivePoint: 5 });
    expect(r.total).toEqual({ numerator: 5, denominator: 10, value: 0.5 });
  });
});

describe('retention of young specialists (on A, 12 months)', () => {
  // Young specialists whose first active day + 12 months ≤ A: E13 (01.10.2022, K1 then) stays → 1/1 in K1;
  // E16 (15.01.2023, K2) left 05.01.2024, before 15.01.2024 ✗; E17 (15.01.2023, K2) stays → K2 1/2.
  // E05 and E10 started early enough but are not young specialists. Total 2/3; schools null.
  it('counts by hand', () => {
    check(get(onA, 'young-specialists-retained'), { total: [2, 3], school: [0, 0], kindergarten: [2, 3], S1: [0, 0], S2: [0, 0], K1: [1, 1], K2: [1, 2] });
  });

  it('honours a shorter period', () => {
    // 6 months: E13, E17 stay, and now E16 too (left 05.01.2024, after her 6 months on 15.07.2023); add E01, E02
    // (01.09.2023 + 6 = 01.03.2024 = A, S1) and E11 (K1), all stay. E03 (15.09.2023) reaches 6 months only on
    // 15.03.2024, E06 on 01.04.2024. Total 6 of 6; S1 2/2; K2 2/2.
    const r = indicatorById('young-specialists-retained').compute(data, A, { retentionMonths: 6 });
    expect(r.total).toEqual({ numerator: 6, denominator: 6, value: 1 });
    expect(r.byOrganisation.S1).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(r.byOrganisation.K2).toEqual({ numerator: 2, denominator: 2, value: 1 });
  });
});

describe('roadmap execution', () => {
  // On A: S1 ДК-001 done on time, ДК-002 done late, ДК-003 overdue → on time 1/3, overdue 1/3;
  // S2 ДК-004 overdue (29.02.2024), ДК-005 not due → 0/1 and 1/1; K1 ДК-006 done on time (date only) → 1/1, 0/1;
  // ДК-009 removed from the roadmap is ignored; K2 ДК-007 cancelled → 0/0; ДК-008 (municipal, no organisation)
  // done → total only. Total on time 3/6, overdue 2/6.
  it('counts on time by hand', () => {
    const r = get(onA, 'roadmap-on-time');
    check(r, { total: [3, 6], school: [1, 4], kindergarten: [1, 1], S1: [1, 3], S2: [0, 1], K1: [1, 1], K2: [0, 0] });
    expect(r.warnings).toEqual([]);
  });

  it('counts overdue by hand', () => {
    check(get(onA, 'roadmap-overdue'), { total: [2, 6], school: [2, 4], kindergarten: [0, 1], S1: [1, 3], S2: [1, 1], K1: [0, 1], K2: [0, 0] });
  });

  // On B (01.10.2023) ДК-001 and ДК-002 were not done yet (done 20.12 and 15.11) and not due: only ДК-006 and
  // ДК-008 are judged, both on time → 2/2.
  it('does not see on an earlier date what was done later', () => {
    const r = get(onB, 'roadmap-on-time');
    expect(r.total).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(r.byOrganisation.S1.value).toBeNull();
  });

  it('is not computed without roadmap records', () => {
    const { roadmap: _omit, ...noRoadmap } = data;
    const r = indicatorById('roadmap-overdue').compute(noRoadmap, A);
    expect(r.total.value).toBeNull();
    expect(r.warnings[0]).toMatch(/Нет мероприятий дорожной карты/);
  });
});

describe('breakdowns', () => {
  it('reads any scope of a result', () => {
    const r = get(onA, 'active-pairs');
    expect(fractionFor(r, 'total')).toBe(r.total);
    expect(fractionFor(r, 'kind:school')?.numerator).toBe(4);
    expect(fractionFor(r, 'org:K2')?.numerator).toBe(1);
    expect(fractionFor(r, 'kind:college')).toBeNull();
    expect(fractionFor(r, 'org:X9')).toBeNull();
    expect(parseScope('kind:kindergarten')).toBe('kind:kindergarten');
    expect(parseScope('kind:школа')).toBeNull();
    expect(parseScope('org:')).toBeNull();
  });

  it('adds organisations up to kinds and kinds plus unknown organisations up to the total', () => {
    for (const r of onA.values()) {
      if (r.unit === 'ratio') continue;
      const orgSum = Object.values(r.byOrganisation).reduce((s, f) => s + f.denominator, 0);
      const kindSum = Object.values(r.byKind).reduce((s, f) => s + (f?.denominator ?? 0), 0);
      expect(kindSum).toBe(orgSum);
      expect(r.total.denominator).toBeGreaterThanOrEqual(kindSum);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Edge cases on small data

const org = (id: string, kind: Organisation['kind'] = 'school'): Organisation => ({ id, name: id, kind, municipality: '', curator: '' });
const mentor = (id: string, organisationId: string, capacity = 1, extra: Partial<Mentor> = {}): Mentor => ({
  id, fullName: id, organisationId, position: '', subject: '', experienceYears: 10, category: '', level: '', strengths: [],
  capacity, preferredFormats: [], consentDate: '2023-01-01', ...extra,
});
const mentee = (id: string, organisationId: string, extra: Partial<Mentee> = {}): Mentee => ({
  id, fullName: id, organisationId, position: '', subject: '', age: 25, experienceYears: 1, category: '', deficits: [],
  request: '', preferredFormats: [], includedDate: '2023-01-01', consentDate: '2023-01-01', ...extra,
});
const pair = (id: string, mentorId: string, menteeIds: string[], history: [string, Pair['status']][], extra: Partial<Pair> = {}): Pair => ({
  id, mentorId, menteeIds, rolePair: '', format: '', programme: null, order: { number: '1', date: '2023-01-01' },
  status: history.length ? history[history.length - 1][1] : 'active', result: '', mentorSatisfaction: null, menteeSatisfaction: null,
  history: history.map(([date, to], i) => ({ date, from: i ? history[i - 1][1] : null, to, note: '' })),
  ...extra,
});
const empty: IndicatorData = { organisations: [], mentors: [], mentees: [], pairs: [], checklist: [] };

describe('edge cases', () => {
  it('gives null, never NaN, when there is no one to count', () => {
    const d: IndicatorData = { ...empty, organisations: [org('S'), org('D', 'kindergarten')], teachers: [], roadmap: [] };
    for (const r of computeIndicators(d, '2024-01-01')) {
      const all = [r.total, ...Object.values(r.byKind), ...Object.values(r.byOrganisation)] as Fraction[];
      for (const f of all) {
        expect(Number.isNaN(f.value)).toBe(false);
        if (r.unit === 'count') expect(f.value).toBe(0);
        else if (f.denominator === 0) expect(f.value).toBeNull();
      }
    }
    const ys = indicatorById('young-specialists-in-mentoring').compute(d, '2024-01-01');
    expect(ys.total).toEqual({ numerator: 0, denominator: 0, value: null });
    // Organisations exist, so the per-organisation indicators have a denominator.
    expect(indicatorById('curator-appointed').compute(d, '2024-01-01').total).toEqual({ numerator: 0, denominator: 2, value: 0 });
  });

  it('computes on completely empty data', () => {
    const rs = computeIndicators(empty, '2024-01-01');
    expect(rs).toHaveLength(15);
    for (const r of rs) {
      expect(r.byKind).toEqual({});
      expect(r.byOrganisation).toEqual({});
    }
  });

  it('counts a person who moved where the history puts them, else by the current record', () => {
    const moved = mentee('E', 'B', { organisationHistory: [{ organisationId: 'A', from: '2022-09-01' }, { organisationId: 'B', from: '2024-01-10' }] });
    expect(organisationOn(moved, '2023-12-31')).toBe('A');
    expect(organisationOn(moved, '2024-01-10')).toBe('B');
    expect(organisationOn(moved, '2021-01-01')).toBe('B'); // before any entry: the current record
    expect(organisationOn(mentee('F', 'C'), '2023-01-01')).toBe('C');
    const d: IndicatorData = {
      ...empty,
      organisations: [org('A'), org('B', 'kindergarten')],
      mentors: [mentor('M', 'A')],
      mentees: [moved],
      pairs: [pair('P', 'M', ['E'], [['2023-09-01', 'active']])],
    };
    const before = indicatorById('young-specialists-in-mentoring').compute(d, '2023-12-01');
    const after = indicatorById('young-specialists-in-mentoring').compute(d, '2024-02-01');
    expect([before.byOrganisation.A.numerator, before.byOrganisation.B.denominator]).toEqual([1, 0]);
    expect([after.byOrganisation.A.denominator, after.byOrganisation.B.numerator]).toEqual([0, 1]);
    // The pair follows its first mentee too.
    expect(indicatorById('active-pairs').compute(d, '2024-02-01').byOrganisation.B.numerator).toBe(1);
  });

  it('puts a pair in its own organisation when the pair says so', () => {
    const d: IndicatorData = {
      ...empty,
      organisations: [org('A'), org('B')],
      mentors: [mentor('M', 'A')],
      mentees: [mentee('E', 'B')],
      pairs: [pair('P', 'M', ['E'], [['2023-09-01', 'active']], { organisationId: 'A' })],
    };
    const r = indicatorById('active-pairs').compute(d, '2024-01-01');
    expect([r.byOrganisation.A.numerator, r.byOrganisation.B.numerator]).toEqual([1, 0]);
  });

  it('ignores pairs ended before the date and pairs starting after it', () => {
    const d: IndicatorData = {
      ...empty,
      organisations: [org('A')],
      mentors: [mentor('M', 'A', 3)],
      mentees: [mentee('E1', 'A'), mentee('E2', 'A'), mentee('E3', 'A')],
      pairs: [
        pair('ended', 'M', ['E1'], [['2023-01-01', 'active'], ['2023-06-01', 'completed']]),
        pair('later', 'M', ['E2'], [['2024-02-01', 'proposed'], ['2024-03-01', 'active']]),
        pair('now', 'M', ['E3'], [['2023-09-01', 'active']]),
      ],
    };
    const ys = indicatorById('young-specialists-in-mentoring').compute(d, '2024-01-01');
    expect(ys.total).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    // Ended on the date itself: the status is the one at the end of that day.
    expect(indicatorById('active-pairs').compute(d, '2023-06-01').total.denominator).toBe(0);
    expect(indicatorById('active-pairs').compute(d, '2023-05-31').total.denominator).toBe(1);
    expect(indicatorById('active-pairs').compute(d, '2024-03-01').total.denominator).toBe(2);
  });

  it('uses the current status of a pair without history, from its order date, and says so', () => {
    const d: IndicatorData = {
      ...empty,
      organisations: [org('A')],
      mentors: [mentor('M', 'A')],
      mentees: [mentee('E', 'A')],
      pairs: [{ ...pair('P', 'M', ['E'], [], { order: { number: '5', date: '2023-09-01' } }), status: 'active' }],
    };
    expect(indicatorById('active-pairs').compute(d, '2023-08-31').total.denominator).toBe(0);
    const r = indicatorById('active-pairs').compute(d, '2023-09-01');
    expect(r.total.numerator).toBe(1);
    expect(r.warnings.join('\n')).toMatch(/Пар без истории статусов: 1/);
  });

  it('does not count a pair as fixed by an order issued after the date', () => {
    const d: IndicatorData = {
      ...empty,
      organisations: [org('A')],
      mentors: [mentor('M', 'A')],
      mentees: [mentee('E', 'A')],
      pairs: [pair('P', 'M', ['E'], [['2023-09-01', 'active']], { order: { number: '7', date: '2023-10-15' } })],
    };
    expect(indicatorById('active-pairs').compute(d, '2023-10-01').total).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(indicatorById('active-pairs').compute(d, '2023-10-15').total).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });

  it('counts every mentee of a group and the mentor once', () => {
    const d: IndicatorData = {
      ...empty,
      organisations: [org('A')],
      mentors: [mentor('M', 'A', 2)],
      mentees: ['E1', 'E2', 'E3'].map((id) => mentee(id, 'A')),
      pairs: [pair('G', 'M', ['E1', 'E2', 'E3'], [['2023-09-01', 'active']])],
    };
    const rs = new Map(computeIndicators(d, '2024-01-01').map((r) => [r.indicatorId, r]));
    expect(rs.get('young-specialists-in-mentoring')!.total.numerator).toBe(3);
    expect(rs.get('active-pairs')!.total.numerator).toBe(1);
    expect(rs.get('mentees-per-mentor')!.total).toEqual({ numerator: 3, denominator: 1, value: 3 });
    expect(rs.get('mentors-over-capacity')!.total).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });

  it('keeps records of unknown organisations in the total only', () => {
    const d: IndicatorData = {
      ...empty,
      organisations: [org('A')],
      mentors: [mentor('M', 'A')],
      mentees: [mentee('E1', 'A'), mentee('E2', 'Z'), mentee('E3', '')],
      pairs: [],
    };
    const r = indicatorById('young-specialists-in-mentoring').compute(d, '2024-01-01');
    expect(r.total.denominator).toBe(3);
    expect(r.byKind.school?.denominator).toBe(1);
    expect(Object.keys(r.byOrganisation)).toEqual(['A']);
    expect(r.warnings.join('\n')).toMatch(/Z, без организации/);
  });

  it('does not let an organisation id reach the prototype', () => {
    const d: IndicatorData = { ...empty, organisations: [org('__proto__'), org('constructor')] };
    const r = indicatorById('curator-appointed').compute(d, '2024-01-01');
    expect(Object.keys(r.byOrganisation)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(r.byOrganisation)).toBe(Object.prototype);
    expect(fractionFor(r, 'org:constructor')).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });
});

// ---------------------------------------------------------------------------------------------------------
// History

describe('history snapshots and dynamics', () => {
  const rowsB = snapshot(data, B);
  const rowsA = snapshot(data, A);
  const history = mergeSnapshot(mergeSnapshot([], rowsA), rowsB);

  it('flattens every indicator into total, kinds and organisations', () => {
    // 15 indicators × (total + 2 kinds + 4 organisations) = 105 rows.
    expect(rowsA).toHaveLength(105);
    expect(rowsA.slice(0, 7)).toEqual([
      { date: A, indicatorId: 'young-specialists-in-mentoring', scope: 'total', numerator: 8, denominator: 13, value: 8 / 13 },
      { date: A, indicatorId: 'young-specialists-in-mentoring', scope: 'kind:school', numerator: 6, denominator: 8, value: 0.75 },
      { date: A, indicatorId: 'young-specialists-in-mentoring', scope: 'kind:kindergarten', numerator: 1, denominator: 4, value: 0.25 },
      { date: A, indicatorId: 'young-specialists-in-mentoring', scope: 'org:S1', numerator: 3, denominator: 4, value: 0.75 },
      { date: A, indicatorId: 'young-specialists-in-mentoring', scope: 'org:S2', numerator: 3, denominator: 4, value: 0.75 },
      { date: A, indicatorId: 'young-specialists-in-mentoring', scope: 'org:K1', numerator: 1, denominator: 2, value: 0.5 },
      { date: A, indicatorId: 'young-specialists-in-mentoring', scope: 'org:K2', numerator: 0, denominator: 2, value: 0 },
    ]);
    expect(HISTORY_HEADERS).toHaveLength(Object.keys(rowsA[0]).length);
  });

  it('keeps one snapshot per date, oldest first', () => {
    expect(history).toHaveLength(210);
    expect(history[0].date).toBe(B);
    expect(history[209].date).toBe(A);
    const again = mergeSnapshot(history, snapshot(data, A, undefined, ['active-pairs']));
    // Recomputing A with one indicator replaces the whole of A's snapshot.
    expect(again.filter((r) => r.date === A)).toHaveLength(7);
    expect(again.filter((r) => r.date === B)).toHaveLength(105);
  });

  it('gives a series and the change since the previous snapshot', () => {
    // Active pairs by order: 8 on B, 7 on A.
    const total = dynamics(history, 'active-pairs', 'total');
    expect(total.points.map((p) => p.date)).toEqual([B, A]);
    expect(total.values).toEqual([8, 7]);
    expect(total.change).toBe(-1);
    expect(total.previous?.denominator).toBe(9);
    // K2's young specialists: 2 of 2 on B, 0 of 2 on A.
    const k2 = dynamics(history, 'young-specialists-in-mentoring', 'org:K2');
    expect(k2.values).toEqual([1, 0]);
    expect(k2.change).toBe(-1);
    // Mentees per mentor in S2: nobody on B (null), 2 on A: no change can be stated.
    const s2 = dynamics(history, 'mentees-per-mentor', 'org:S2');
    expect(s2.values).toEqual([null, 2]);
    expect(s2.change).toBeNull();
    const none = dynamics(history, 'active-pairs', 'org:nowhere');
    expect([none.points, none.latest, none.change]).toEqual([[], null, null]);
  });

  it('builds every series at once the same as one by one', () => {
    const all = allDynamics(history);
    expect(all.size).toBe(105);
    expect(all.get('active-pairs|total')).toEqual(dynamics(history, 'active-pairs', 'total'));
    expect(all.get('roadmap-overdue|kind:school')).toEqual(dynamics(history, 'roadmap-overdue', 'kind:school'));
  });

  it('labels scopes in Russian', () => {
    expect(scopeLabel('total')).toBe('Итого');
    expect(scopeLabel('kind:kindergarten')).toBe('дошкольная образовательная организация');
    expect(scopeLabel('org:S2', data.organisations)).toBe('МБОУ СОШ № 2');
    expect(scopeLabel('org:X9', data.organisations)).toBe('X9');
  });
});
