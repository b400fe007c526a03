import { describe, it, expect } from 'vitest';
import {
  buildTargetTable,
  compareWithTarget,
  DEFAULT_TARGETS,
  formatTarget,
  indicatorsWithTargets,
  parseOrganisationKind,
  parseTarget,
  parseTargetScope,
  targetFor,
  TARGET_STATUS_LABELS,
  type Target,
} from '../../src/domain/targets';
import { indicatorById } from '../../src/domain/indicators';

const share = { unit: 'share' as const, better: 'higher' as const };
const pick = (t: Target | null) => t && { percent: t.percent, count: t.count, countByKind: t.countByKind, of: t.of, bound: t.bound };

describe('parseTarget: cells as coordinators type them', () => {
  it('reads percents with and without bounds', () => {
    expect(pick(parseTarget('80%'))).toEqual({ percent: 80, count: null, countByKind: {}, of: null, bound: null });
    expect(pick(parseTarget('не менее 70 %'))).toEqual({ percent: 70, count: null, countByKind: {}, of: null, bound: 'min' });
    expect(pick(parseTarget('Не более 10,5%'))).toMatchObject({ percent: 10.5, bound: 'max' });
    expect(pick(parseTarget('≥ 90 процентов'))).toMatchObject({ percent: 90, bound: 'min' });
  });

  it('reads counts split by kind, in both orders and with the seed punctuation', () => {
    expect(pick(parseTarget('16 (9 ДОУ + 7 МОУ)'))).toEqual({
      percent: null, count: 16, countByKind: { kindergarten: 9, school: 7 }, of: null, bound: null,
    });
    expect(pick(parseTarget('40% (16: 9 – ДОУ, 7 - МОУ)'))).toEqual({
      percent: 40, count: 16, countByKind: { kindergarten: 9, school: 7 }, of: null, bound: null,
    });
    expect(pick(parseTarget('в 80% образовательных организаций(32: 18 – ДОУ, 14 - МОУ)'))).toMatchObject({
      percent: 80, count: 32, countByKind: { kindergarten: 18, school: 14 },
    });
    // Without a stated total the split adds up.
    expect(pick(parseTarget('ДОУ – 9, школы – 7'))).toMatchObject({ count: 16, countByKind: { kindergarten: 9, school: 7 } });
    expect(pick(parseTarget('3 колледжа + 2 УДО'))).toMatchObject({ count: 5, countByKind: { college: 3, additional: 2 } });
  });

  it('reads a bare number by the indicator unit', () => {
    expect(pick(parseTarget('100'))).toMatchObject({ percent: 100, count: null });
    expect(pick(parseTarget('100', 'count'))).toMatchObject({ percent: null, count: 100 });
    expect(pick(parseTarget('0,8'))).toMatchObject({ percent: 80 });
    expect(pick(parseTarget('≥ 2', 'ratio'))).toMatchObject({ count: 2, bound: 'min' });
  });

  it('reads number cells, a percent-formatted share as a fraction', () => {
    expect(pick(parseTarget(0.8))).toMatchObject({ percent: 80 });
    expect(pick(parseTarget(1))).toMatchObject({ percent: 100 });
    expect(pick(parseTarget(85))).toMatchObject({ percent: 85 });
    expect(pick(parseTarget(12, 'count'))).toMatchObject({ count: 12, percent: null });
    expect(parseTarget(Number.NaN)).toBeNull();
  });

  it('reads «из N» and derives the percent', () => {
    expect(pick(parseTarget('16 из 40'))).toMatchObject({ count: 16, of: 40, percent: 40 });
  });

  it('ignores ages, dates and years in explanatory text', () => {
    expect(pick(parseTarget('70% от числа педагогических работников в возрасте до 35 лет'))).toEqual({
      percent: 70, count: null, countByKind: {}, of: null, bound: null,
    });
    expect(pick(parseTarget('Не менее 80% молодых специалистов (31 декабря 2023)'))).toMatchObject({ percent: 80, count: null, bound: 'min' });
    expect(pick(parseTarget('100 % к 31.12.2024'))).toMatchObject({ percent: 100, count: null });
    expect(pick(parseTarget('80 к 2024 году'))).toMatchObject({ percent: 80 });
  });

  it('gives null when there is no number', () => {
    expect(parseTarget('нет')).toBeNull();
    expect(parseTarget('')).toBeNull();
    expect(parseTarget(null)).toBeNull();
    expect(parseTarget(undefined)).toBeNull();
  });

  it('keeps the text and formats the target back', () => {
    expect(parseTarget(' 80% ')?.text).toBe('80%');
    expect(formatTarget(parseTarget('40% (16: 9 – ДОУ, 7 - МОУ)')!)).toBe('40 % — 16 (9 ДОУ + 7 школ)');
    expect(formatTarget(parseTarget('не менее 70,5 %')!)).toBe('≥ 70,5 %');
    expect(formatTarget(parseTarget('16 из 40')!)).toBe('40 % — 16 из 40');
  });
});

describe('kinds and scopes in Russian', () => {
  it('recognises abbreviations, labels and keys', () => {
    expect(parseOrganisationKind('ДОУ')).toBe('kindergarten');
    expect(parseOrganisationKind('МБДОУ')).toBe('kindergarten');
    expect(parseOrganisationKind('детские сады')).toBe('kindergarten');
    expect(parseOrganisationKind('МОУ')).toBe('school');
    expect(parseOrganisationKind('СОШ')).toBe('school');
    expect(parseOrganisationKind('Школы')).toBe('school');
    expect(parseOrganisationKind('колледж')).toBe('college');
    expect(parseOrganisationKind('УДО')).toBe('additional');
    expect(parseOrganisationKind('организация дополнительного образования')).toBe('additional');
    expect(parseOrganisationKind('college')).toBe('college');
    expect(parseOrganisationKind('вуз')).toBeNull();
  });

  it('reads a scope cell', () => {
    const orgs = [{ id: 'S1', name: 'МБОУ СОШ № 1' }];
    expect(parseTargetScope('')).toBe('total');
    expect(parseTargetScope('Итого')).toBe('total');
    expect(parseTargetScope('ДОУ')).toBe('kind:kindergarten');
    expect(parseTargetScope('kind:school')).toBe('kind:school');
    expect(parseTargetScope('org:S1')).toBe('org:S1');
    expect(parseTargetScope('S1', orgs)).toBe('org:S1');
    expect(parseTargetScope('мбоу сош № 1', orgs)).toBe('org:S1');
    expect(parseTargetScope('неизвестно', orgs)).toBeNull();
  });
});

describe('the default table from the seeds', () => {
  it('holds the Seversk 40/60/80/100 % with counts by kind and the Serpukhov targets', () => {
    const years = [2021, 2022, 2023, 2024].map((y) => targetFor('model-implemented', y)!.target);
    expect(years.map((t) => t.percent)).toEqual([40, 60, 80, 100]);
    expect(years.map((t) => t.count)).toEqual([16, 24, 32, 40]);
    expect(years.map((t) => t.countByKind)).toEqual([
      { kindergarten: 9, school: 7 },
      { kindergarten: 13, school: 11 },
      { kindergarten: 18, school: 14 },
      { kindergarten: 22, school: 18 },
    ]);
    expect(targetFor('young-specialists-in-mentoring', 2023)!.target).toMatchObject({ percent: 80, bound: 'min' });
    expect(targetFor('young-specialists-in-mentoring', 2024)!.target.percent).toBe(100);
    expect(targetFor('teachers-under-35-involved', 2023)!.target).toMatchObject({ percent: 70, count: null });
    expect(targetFor('mentee-satisfaction', 2024)!.target.percent).toBe(90);
    expect(indicatorsWithTargets()).toEqual([
      'young-specialists-in-mentoring', 'teachers-under-35-involved', 'model-implemented', 'mentor-satisfaction', 'mentee-satisfaction',
    ]);
    expect(DEFAULT_TARGETS).toHaveLength(9);
  });
});

describe('targetFor', () => {
  it('carries a target forward and has none before the first year', () => {
    const later = targetFor('model-implemented', 2026)!;
    expect([later.year, later.target.percent, later.derived]).toEqual([2024, 100, false]);
    expect(targetFor('model-implemented', 2020)).toBeNull();
    expect(targetFor('roadmap-overdue', 2024)).toBeNull();
  });

  it('derives a kind from the total: its percent and its share of the split', () => {
    const doy = targetFor('model-implemented', 2021, 'kind:kindergarten')!;
    expect(doy).toMatchObject({ year: 2021, scope: 'total', derived: true });
    expect([doy.target.percent, doy.target.count]).toEqual([40, 9]);
    const college = targetFor('model-implemented', 2021, 'kind:college')!;
    expect([college.target.percent, college.target.count]).toEqual([40, null]);
  });

  it('gives an organisation the percent, never the municipal count', () => {
    const t = targetFor('model-implemented', 2022, 'org:S1')!;
    expect([t.target.percent, t.target.count, t.derived]).toEqual([60, null, true]);
  });

  it('prefers a scope’s own row, then its kind, then the total; a newer year beats an older own row', () => {
    const { table, warnings } = buildTargetTable([
      { indicator: 'Доля ОО с назначенным куратором', year: '2024 г.', scope: 'ДОУ', value: '90%' },
      { indicator: 'curator-appointed', year: 2024, scope: 'Итого', value: '80%' },
      { indicator: 'curator-appointed', year: 2023, scope: 'школы', value: '50%' },
      { indicator: 'curator-appointed', year: 2025, scope: '', value: '100%' },
    ]);
    expect(warnings).toEqual([]);
    expect(targetFor('curator-appointed', 2024, 'kind:kindergarten', table)).toMatchObject({ derived: false, year: 2024, target: { percent: 90 } });
    expect(targetFor('curator-appointed', 2024, 'kind:school', table)).toMatchObject({ derived: true, year: 2024, target: { percent: 80 } });
    expect(targetFor('curator-appointed', 2023, 'kind:school', table)).toMatchObject({ derived: false, target: { percent: 50 } });
    expect(targetFor('curator-appointed', 2024, 'org:K1', table, 'kindergarten')).toMatchObject({ scope: 'kind:kindergarten', target: { percent: 90 } });
    expect(targetFor('curator-appointed', 2024, 'org:K1', table)).toMatchObject({ scope: 'total', target: { percent: 80 } });
    expect(targetFor('curator-appointed', 2025, 'kind:kindergarten', table)).toMatchObject({ year: 2025, target: { percent: 100 } });
  });
});

describe('buildTargetTable', () => {
  it('explains rows it cannot use and lets a later row override', () => {
    const { table, warnings } = buildTargetTable(
      [
        { indicator: 'охват', year: 2024, value: '80%' },
        { indicator: 'active-pairs', year: 'когда-нибудь', value: '10' },
        { indicator: 'active-pairs', year: 2024, scope: 'Гимназия', value: '10' },
        { indicator: 'active-pairs', year: 2024, value: 'много' },
        { indicator: '', year: '', scope: '', value: '' },
        { indicator: 'active-pairs', year: 2024, scope: 'org:S1', value: '10' },
        { indicator: 'active-pairs', year: 2024, scope: 'МБОУ СОШ № 1', value: 12 },
      ],
      [{ id: 'S1', name: 'МБОУ СОШ № 1' }],
    );
    expect(warnings).toEqual([
      'Строка 1: показатель «охват» не найден',
      'Строка 2: год «когда-нибудь» не распознан',
      'Строка 3: «Гимназия» — нет такой организации или вида ОО',
      'Строка 4: в значении цели «много» нет числа',
    ]);
    expect(table).toHaveLength(1);
    expect(table[0]).toMatchObject({ indicatorId: 'active-pairs', year: 2024, scope: 'org:S1', target: { count: 12 } });
  });
});

describe('compareWithTarget', () => {
  const eighty = parseTarget('не менее 80%')!;

  it('compares a share in percentage points: met, close within 10, behind', () => {
    expect(compareWithTarget({ numerator: 80, denominator: 100, value: 0.8 }, eighty, share)).toMatchObject({ status: 'met', gap: 0 });
    expect(compareWithTarget({ numerator: 9, denominator: 10, value: 0.9 }, eighty, share)).toMatchObject({ status: 'met', gap: -10 });
    expect(compareWithTarget({ numerator: 72, denominator: 100, value: 0.72 }, eighty, share)).toMatchObject({ status: 'close', gap: 8, measure: 'percent' });
    expect(compareWithTarget({ numerator: 70, denominator: 100, value: 0.7 }, eighty, share)).toMatchObject({ status: 'close', gap: 10 });
    const c = compareWithTarget({ numerator: 8, denominator: 13, value: 8 / 13 }, eighty, share)!;
    expect(c.status).toBe('behind');
    expect(c.gap).toBeCloseTo(80 - 800 / 13, 6);
    expect(compareWithTarget({ numerator: 72, denominator: 100, value: 0.72 }, eighty, share, { closeWithin: 5 })!.status).toBe('behind');
  });

  it('says no data rather than behind when there is nothing to count', () => {
    expect(compareWithTarget({ numerator: 0, denominator: 0, value: null }, eighty, share)).toMatchObject({ status: 'no-data', gap: null, actual: null });
  });

  it('compares a count target with the numerator, close within 10 % of the target', () => {
    const sixteen = parseTarget('16 (9 ДОУ + 7 МОУ)')!;
    expect(compareWithTarget({ numerator: 2, denominator: 4, value: 0.5 }, sixteen, share)).toMatchObject({ status: 'behind', gap: 14, measure: 'count' });
    expect(compareWithTarget({ numerator: 15, denominator: 40, value: 15 / 40 }, sixteen, share)!.status).toBe('close');
    expect(compareWithTarget({ numerator: 16, denominator: 40, value: 0.4 }, sixteen, share)!.status).toBe('met');
    const pairs = indicatorById('active-pairs');
    const ten = parseTarget('10', 'count')!;
    expect(compareWithTarget({ numerator: 7, denominator: 8, value: 7 }, ten, pairs)).toMatchObject({ status: 'behind', gap: 3 });
    expect(compareWithTarget({ numerator: 9, denominator: 9, value: 9 }, ten, pairs)).toMatchObject({ status: 'close', gap: 1 });
  });

  it('compares a ratio by its value', () => {
    const ratio = indicatorById('mentees-per-mentor');
    const c = compareWithTarget({ numerator: 10, denominator: 6, value: 10 / 6 }, parseTarget('≥ 2', 'ratio')!, ratio)!;
    expect(c.status).toBe('behind');
    expect(c.gap).toBeCloseTo(1 / 3, 6);
  });

  it('treats targets of lower-is-better indicators as maximums', () => {
    const overdue = indicatorById('roadmap-overdue');
    expect(compareWithTarget({ numerator: 2, denominator: 6, value: 1 / 3 }, parseTarget('15%')!, overdue)).toMatchObject({ status: 'behind', bound: 'max' });
    expect(compareWithTarget({ numerator: 1, denominator: 10, value: 0.1 }, parseTarget('15%')!, overdue)).toMatchObject({ status: 'met', gap: -5 });
    expect(compareWithTarget({ numerator: 2, denominator: 10, value: 0.2 }, parseTarget('не более 15%')!, overdue)!.status).toBe('close');
    expect(TARGET_STATUS_LABELS.close).toBe('близко к цели');
  });
});
