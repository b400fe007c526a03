import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countWord, formatDateLong, formatNumber, formatPercent, formatPeriod, formatShare, MONTHS_GENITIVE, MONTHS_NOMINATIVE,
  NBSP, plural, roundTo, type PluralForms,
} from '../../src/domain/russian';

const ORG: PluralForms = ['организация', 'организации', 'организаций'];
/** Tests read better with ordinary spaces; the functions' NBSP convention is checked separately. */
const sp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('plural', () => {
  it.each([
    [0, 'организаций'], [1, 'организация'], [2, 'организации'], [3, 'организации'], [4, 'организации'],
    [5, 'организаций'], [10, 'организаций'], [11, 'организаций'], [12, 'организаций'], [13, 'организаций'],
    [14, 'организаций'], [15, 'организаций'], [20, 'организаций'], [21, 'организация'], [22, 'организации'],
    [24, 'организации'], [25, 'организаций'], [101, 'организация'], [111, 'организаций'], [112, 'организаций'],
    [114, 'организаций'], [121, 'организация'], [1001, 'организация'], [1011, 'организаций'], [-1, 'организация'],
    [-3, 'организации'], [-11, 'организаций'],
  ])('%d → %s', (n, form) => {
    expect(plural(n, ORG)).toBe(form);
  });

  it('takes the «few» form for fractions', () => {
    expect(plural(2.5, ORG)).toBe('организации');
    expect(plural(0.5, ORG)).toBe('организации');
    expect(plural(1.5, ORG)).toBe('организации');
    expect(plural(11.2, ORG)).toBe('организации');
  });

  it('agrees with the last two digits for every integer (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        expect(plural(n, ORG)).toBe(plural(n % 100, ORG));
        expect(plural(n + 100, ORG)).toBe(plural(n, ORG));
      }),
    );
  });
});

describe('formatNumber', () => {
  it('writes a decimal comma and groups digits of long numbers with NBSP', () => {
    expect(formatNumber(12345.6)).toBe(`12${NBSP}345,6`);
    expect(sp(formatNumber(1234567))).toBe('1 234 567');
    expect(sp(formatNumber(100000))).toBe('100 000');
    expect(sp(formatNumber(10000))).toBe('10 000');
  });

  it('leaves numbers of up to four digits whole, as Russian publishing does', () => {
    expect(formatNumber(2024)).toBe('2024');
    expect(formatNumber(1000)).toBe('1000');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(0)).toBe('0');
  });

  it('keeps exactly the requested decimals, or at most two without trailing zeros', () => {
    expect(formatNumber(50, 1)).toBe('50,0');
    expect(formatNumber(2.5)).toBe('2,5');
    expect(formatNumber(2.5, 2)).toBe('2,50');
    expect(formatNumber(1 / 3)).toBe('0,33');
    expect(formatNumber(2.0)).toBe('2');
    expect(formatNumber(7.456, 0)).toBe('7');
  });

  it('rounds half away from zero without binary drift', () => {
    expect(formatNumber(1.005, 2)).toBe('1,01');
    expect(formatNumber(0.125, 2)).toBe('0,13');
    expect(formatNumber(2.675, 2)).toBe('2,68');
    expect(formatNumber(-2.5, 0)).toBe('−3');
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-0.0001, 2)).toBe(0);
    expect(Object.is(roundTo(-0.0001, 2), -0)).toBe(false);
  });

  it('writes negatives with a minus sign and never «−0»', () => {
    expect(sp(formatNumber(-12345.5, 1))).toBe('−12 345,5');
    expect(formatNumber(-0.001, 1)).toBe('0,0');
    expect(formatNumber(-0)).toBe('0');
  });

  it('shows a dash for what is not a number', () => {
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('—');
  });

  it('round-trips: parsing the text gives the rounded number back (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 3 }), (n, d) => {
        const text = formatNumber(n, d).replace(/\u00a0/g, '').replace('−', '-').replace(',', '.');
        expect(Number(text)).toBeCloseTo(roundTo(n, d), 6);
        expect(formatNumber(n, d).split(',')[1]?.length ?? 0).toBe(d);
      }),
    );
  });
});

describe('countWord', () => {
  it('joins the number and the agreeing word with NBSP', () => {
    expect(countWord(5, ORG)).toBe(`5${NBSP}организаций`);
    expect(sp(countWord(1, ORG))).toBe('1 организация');
    expect(sp(countWord(3, ORG))).toBe('3 организации');
    expect(sp(countWord(11, ORG))).toBe('11 организаций');
    expect(sp(countWord(21, ORG))).toBe('21 организация');
    expect(sp(countWord(2.5, ORG))).toBe('2,5 организации');
    expect(sp(countWord(12345, ORG))).toBe('12 345 организаций');
  });

  it('agrees with the number as printed, not as stored', () => {
    expect(sp(countWord(1.0001, ORG))).toBe('1 организация');
    expect(sp(countWord(2.999, ORG, 0))).toBe('3 организации');
  });
});

describe('formatPercent', () => {
  it('turns a share into percent with one decimal and NBSP before the sign', () => {
    expect(formatPercent(0.455)).toBe(`45,5${NBSP}%`);
    expect(sp(formatPercent(0.5))).toBe('50,0 %');
    expect(sp(formatPercent(1))).toBe('100,0 %');
    expect(sp(formatPercent(0))).toBe('0,0 %');
    expect(sp(formatPercent(2 / 3, 0))).toBe('67 %');
    expect(sp(formatPercent(0.12345, 2))).toBe('12,35 %');
  });

  it('is a dash without a share, and formatShare guards a zero whole', () => {
    expect(formatPercent(NaN)).toBe('—');
    expect(formatShare(3, 0)).toBe('—');
    expect(sp(formatShare(3, 4))).toBe('75,0 %');
  });
});

describe('dates', () => {
  it('writes a long date with the month in the genitive', () => {
    expect(sp(formatDateLong('2023-12-05'))).toBe('5 декабря 2023 г.');
    expect(sp(formatDateLong('2024-03-01'))).toBe('1 марта 2024 г.');
    expect(formatDateLong('2024-05-31')).toBe(`31${NBSP}мая 2024${NBSP}г.`);
    expect(() => formatDateLong('2024-02-30')).toThrow();
  });

  it('has twelve nominative and genitive month names', () => {
    expect(MONTHS_NOMINATIVE).toHaveLength(12);
    expect(MONTHS_GENITIVE).toHaveLength(12);
    expect(MONTHS_NOMINATIVE[4]).toBe('май');
    expect(MONTHS_GENITIVE[4]).toBe('мая');
  });
});

describe('formatPeriod', () => {
  it.each([
    ['2023-12-05', '2023-12-05', '5 декабря 2023 г.'],
    ['2023-01-01', '2023-12-31', '2023 г.'],
    ['2022-01-01', '2024-12-31', '2022–2024 гг.'],
    ['2023-09-01', '2024-08-31', '2023/2024 учебный год'],
    ['2023-12-01', '2023-12-31', 'декабрь 2023 г.'],
    ['2024-02-01', '2024-02-29', 'февраль 2024 г.'],
    ['2023-09-01', '2023-12-31', 'сентябрь – декабрь 2023 г.'],
    ['2023-09-01', '2024-05-31', 'сентябрь 2023 г. – май 2024 г.'],
    ['2022-09-01', '2024-08-31', 'сентябрь 2022 г. – август 2024 г.'],
    ['2023-09-05', '2023-12-20', 'с 5 сентября по 20 декабря 2023 г.'],
    ['2023-09-05', '2024-05-20', 'с 5 сентября 2023 г. по 20 мая 2024 г.'],
    ['2023-12-01', '2023-12-30', 'с 1 декабря по 30 декабря 2023 г.'],
  ])('%s..%s → %s', (start, end, text) => {
    expect(sp(formatPeriod(start, end))).toBe(text);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => formatPeriod('2024-01-02', '2024-01-01')).toThrow();
  });
});
