// The general rules added after the hold-out check (see deadline-holdout.test.ts), each with the case it must
// leave alone: the one-month tolerance around the plan, words typed on the English layout, abbreviations, numeric
// dates with stray spaces, dots or quotes, nouns shared by a list («1 и 2 квартал», «10 и 25 октября»), a year
// written apart from its month, bounds on the end of a period and conditions with an adjective.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseDeadline } from '../../src/domain/deadline';
import { addMonths, formatIsoDate, fromEpochDay, toEpochDay } from '../../src/domain/iso-date';
import type { DeadlineWindow, Period } from '../../src/domain/types';

const A23: Period = { start: '2023-09-01', end: '2024-08-31' };
const C23: Period = { start: '2023-01-01', end: '2023-12-31' };

const day = (iso: string): DeadlineWindow => ({ start: iso, end: iso });
const span = (start: string, end: string): DeadlineWindow => ({ start, end });
const month = (ym: string): DeadlineWindow => {
  const [y, m] = ym.split('-').map(Number);
  return { start: formatIsoDate(y, m, 1), end: formatIsoDate(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate()) };
};

function outOfPlan(text: string, period: Period): boolean {
  return (parseDeadline(text, period).warnings ?? []).some((w) => w.includes('вне периода плана'));
}

function ru(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

describe('one month of tolerance around the plan', () => {
  it('does not warn within a month before the start or after the end', () => {
    expect(outOfPlan('август 2023', A23)).toBe(false);
    expect(outOfPlan('01.08.2023', A23)).toBe(false);
    expect(outOfPlan('30.09.2024', A23)).toBe(false);
    expect(outOfPlan('сентябрь 2024 г.', A23)).toBe(false);
    expect(outOfPlan('с 25 августа по 5 сентября 2023 г.', A23)).toBe(false);
  });

  it('still warns further out, with the same message', () => {
    expect(outOfPlan('31.07.2023', A23)).toBe(true);
    expect(outOfPlan('01.10.2024', A23)).toBe(true);
    expect(outOfPlan('июль 2023', A23)).toBe(true);
    // Partly beyond the month of tolerance: the part further out may be a typo.
    expect(outOfPlan('15.07.2023-15.08.2023', A23)).toBe(true);
    expect(parseDeadline('июль 2023', A23).warnings).toEqual(['Срок июль 2023 вне периода плана 01.09.2023–31.08.2024: проверьте год']);
  });

  it('counts the month from the plan’s own days, not from whole months', () => {
    const plan: Period = { start: '2023-01-10', end: '2023-06-15' };
    expect(outOfPlan('10.12.2022', plan)).toBe(false);
    expect(outOfPlan('09.12.2022', plan)).toBe(true);
    expect(outOfPlan('15.07.2023', plan)).toBe(false);
    expect(outOfPlan('16.07.2023', plan)).toBe(true);
  });

  it('warns for a single date exactly when it lies more than a month outside', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200, max: 600 }), (offset) => {
        const iso = fromEpochDay(toEpochDay(A23.start) + offset);
        const far = iso < addMonths(A23.start, -1) || iso > addMonths(A23.end, 1);
        expect(outOfPlan(ru(iso), A23)).toBe(far);
      }),
      { numRuns: 200 },
    );
  });
});

describe('words typed on the English layout', () => {
  it('re-reads a known word, with a warning', () => {
    const d = parseDeadline('vfq 2024', A23);
    expect(d.windows).toEqual([month('2024-05')]);
    expect(d.warnings).toEqual(['Набрано в английской раскладке: «vfq» прочитано как «май»']);
    expect(parseDeadline('ctynz,hm 2023 u/', A23).windows).toEqual([month('2023-09')]);
  });

  it('leaves Latin words that spell nothing known, and short words on their own', () => {
    const d = parseDeadline('Zoom-встреча, октябрь 2023', A23);
    expect(d.windows).toEqual([month('2023-10')]);
    expect(d.warnings).toBeUndefined();
    expect(parseDeadline('IV квартал 2023', A23).windows).toEqual([span('2023-10-01', '2023-12-31')]);
    expect(parseDeadline('u', A23).kind).toBe('unparsed');
  });
});

describe('abbreviations', () => {
  it('reads «в теч.», «ежекв.», «ежемес.», «мес.», «пол.»', () => {
    expect(parseDeadline('в теч. года', A23)).toMatchObject({ kind: 'continuous', windows: [A23] });
    expect(parseDeadline('ежекв.', C23).recurrence).toEqual({ frequency: 'quarterly' });
    expect(parseDeadline('ежемес., до 5 числа', A23).recurrence).toEqual({ frequency: 'monthly' });
    expect(parseDeadline('в течение 1 мес. после приказа', A23).kind).toBe('conditional');
    expect(parseDeadline('1 пол. 2024 г.', A23).windows).toEqual([span('2024-01-01', '2024-06-30')]);
  });

  it('does not cut longer words that start the same way', () => {
    expect(parseDeadline('в течение года', A23).kind).toBe('continuous');
    expect(parseDeadline('ежеквартально', C23).windows).toHaveLength(4);
  });
});

describe('numeric dates with stray spaces, dots and quotes', () => {
  it('joins a date spaced after its dots, or missing its second dot', () => {
    expect(parseDeadline('01. 12. 2023', A23).windows).toEqual([day('2023-12-01')]);
    expect(parseDeadline('01.12. 2023', A23).windows).toEqual([day('2023-12-01')]);
    const glued = parseDeadline('01.092023', A23);
    expect(glued.windows).toEqual([day('2023-09-01')]);
    expect(glued.warnings?.[0]).toContain('Возможная опечатка');
    expect(parseDeadline('до 01.10 2023', A23).windows).toEqual([span('2023-09-01', '2023-10-01')]);
  });

  it('keeps a numbered item apart from the month after it', () => {
    expect(parseDeadline('1. 12.2023', A23).windows).toEqual([month('2023-12')]);
  });

  it('reads a quoted day', () => {
    expect(parseDeadline('«30» сентября 2023 г.', A23).windows).toEqual([day('2023-09-30')]);
    expect(parseDeadline('до "1" октября 2023 г.', A23).windows).toEqual([span('2023-09-01', '2023-10-01')]);
  });
});

describe('a noun shared by a list', () => {
  it('gives lone days the month of the day that ends the list', () => {
    expect(parseDeadline('10 и 25 октября 2023 г.', A23).windows).toEqual([day('2023-10-10'), day('2023-10-25')]);
    expect(parseDeadline('5, 15 и 25 мая', A23).windows).toEqual([day('2024-05-05'), day('2024-05-15'), day('2024-05-25')]);
  });

  it('keeps counts and day-of-month numbers out of it', () => {
    expect(parseDeadline('1 раз в квартал', C23).windows).toHaveLength(4);
    expect(parseDeadline('до 25 числа', A23).recurrence).toEqual({ frequency: 'monthly' });
  });

  it('unfolds «1 и 2 квартал», «I, II полугодие» and «в начале и в конце учебного года»', () => {
    expect(parseDeadline('1, 2 и 3 квартал 2024', C23).windows).toEqual([
      span('2024-01-01', '2024-03-31'), span('2024-04-01', '2024-06-30'), span('2024-07-01', '2024-09-30'),
    ]);
    expect(parseDeadline('I и II полугодие', C23).windows).toEqual([span('2023-01-01', '2023-06-30'), span('2023-07-01', '2023-12-31')]);
    expect(parseDeadline('II-III квартал 2024', C23).windows).toEqual([span('2024-04-01', '2024-09-30')]);
    expect(parseDeadline('2 раза в год (в начале и в конце учебного года)', A23).windows).toEqual([month('2023-09'), month('2024-05')]);
  });
});

describe('a year written apart from its month', () => {
  it('reads «месяце», a dash, a comma or parentheses between them', () => {
    expect(parseDeadline('в октябре месяце 2023 г.', A23).windows).toEqual([month('2023-10')]);
    expect(parseDeadline('март-2024', A23).windows).toEqual([month('2024-03')]);
    expect(parseDeadline('сентябрь (2023 г.)', A23).windows).toEqual([month('2023-09')]);
    expect(parseDeadline('октябрь, 2023 год', A23).windows).toEqual([month('2023-10')]);
  });

  it('still reads a range of months and a list ending in a later month', () => {
    expect(parseDeadline('январь-2024 - март-2024', A23).windows).toEqual([span('2024-01-01', '2024-03-31')]);
    expect(parseDeadline('ноябрь, февраль 2024', A23).windows).toEqual([month('2023-11'), month('2024-02')]);
  });

  it('reads the academic year written words first', () => {
    expect(parseDeadline('уч. год 2023-2024', A23).windows).toEqual([A23]);
    expect(parseDeadline('учебный год 2023/24', A23).windows).toEqual([A23]);
  });
});

describe('bounds and conditions', () => {
  it('«до конца X» bounds by the end of any period', () => {
    expect(parseDeadline('до конца I полугодия 2024 г.', A23).windows).toEqual([span('2023-09-01', '2024-06-30')]);
    expect(parseDeadline('до окончания 2023/2024 учебного года', A23).windows).toEqual([A23]);
    expect(parseDeadline('до конца декабря 2023', A23).windows).toEqual([span('2023-09-01', '2023-12-31')]);
  });

  it('reads a condition with an adjective or a verbal noun after «при»', () => {
    for (const text of ['по утверждённому графику', 'по индивидуальному плану', 'при поступлении запроса', 'при выявлении дефицитов']) {
      expect(parseDeadline(text, A23).kind).toBe('conditional');
    }
    expect(parseDeadline('когда-нибудь', A23).kind).toBe('unparsed');
  });
});
