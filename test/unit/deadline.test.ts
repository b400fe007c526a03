import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import corpusJson from '../fixtures/deadline-corpus.json';
import { occurrenceStatus, occurrences, parseDeadline } from '../../src/domain/deadline';
import type { Deadline, DeadlineKind, DeadlineWindow, Period, Recurrence } from '../../src/domain/types';
import {
  addDays,
  addMonths,
  compareIso,
  daysInMonth,
  diffDays,
  formatIsoDate,
  formatRuDate,
  fromEpochDay,
  isIsoDate,
  isLastDayOfMonth,
  lastDayOfMonth,
  maxIso,
  minIso,
  parseIsoDate,
  toEpochDay,
} from '../../src/domain/iso-date';

interface CorpusEntry {
  family: string;
  text: string;
  period: Period | null;
  kind: DeadlineKind;
  windows: DeadlineWindow[];
  recurrence?: Recurrence;
}

const corpus = corpusJson as CorpusEntry[];

const A22: Period = { start: '2022-09-01', end: '2023-08-31' };
const A23: Period = { start: '2023-09-01', end: '2024-08-31' };
const C21_24: Period = { start: '2021-01-01', end: '2024-12-31' };
const C22_24: Period = { start: '2022-01-01', end: '2024-12-31' };

const day = (d: string): DeadlineWindow => ({ start: d, end: d });
const span = (start: string, end: string): DeadlineWindow => ({ start, end });
function month(ym: string): DeadlineWindow {
  const [y, m] = ym.split('-').map(Number);
  return { start: `${ym}-01`, end: lastDayOfMonth(y, m) };
}

function windowsOf(text: string, period: Period | null = A23): DeadlineWindow[] {
  return parseDeadline(text, period).windows;
}

function expectWellFormed(d: Deadline): void {
  expect(['dated', 'continuous', 'recurring', 'conditional', 'unparsed']).toContain(d.kind);
  expect(d.recurrence === null).toBe(d.kind !== 'recurring');
  for (const w of d.windows) {
    expect(isIsoDate(w.start) && isIsoDate(w.end)).toBe(true);
    expect(w.start <= w.end).toBe(true);
  }
  for (let i = 1; i < d.windows.length; i++) {
    const [a, b] = [d.windows[i - 1], d.windows[i]];
    expect(a.start < b.start || (a.start === b.start && a.end < b.end)).toBe(true);
  }
  for (const w of d.warnings ?? []) expect(w).toMatch(/[А-Яа-яЁё]/);
}

// ---------------------------------------------------------------------------------------------------------------

describe('hand-labelled corpus', () => {
  it('has at least 220 entries, every seed family and every kind', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(220);
    const families = new Set(corpus.map((e) => e.family));
    for (const f of ['seed-pogranichny', 'seed-serpukhov', 'seed-seversk', 'month', 'month-no-year', 'list', 'day', 'range', 'bound', 'quarter-half', 'year', 'continuous', 'recurring', 'conditional', 'mixed']) {
      expect(families).toContain(f);
    }
    const kinds = new Set(corpus.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['conditional', 'continuous', 'dated', 'recurring', 'unparsed']);
  });

  it.each(corpus.map((e) => [`${e.text} | ${e.period ? `${e.period.start}..${e.period.end}` : 'без периода'}`, e] as const))(
    '%s',
    (_title, e) => {
      const d = parseDeadline(e.text, e.period);
      expect(d.text).toBe(e.text);
      expect(d.kind).toBe(e.kind);
      expect(d.windows).toEqual(e.windows);
      if (e.recurrence) expect(d.recurrence).toEqual(e.recurrence);
      expectWellFormed(d);
    },
  );
});

// ---------------------------------------------------------------------------------------------------------------

describe('months', () => {
  it('reads a month with a year in any case, capitalisation and year spelling', () => {
    for (const text of ['Декабрь 2022', 'декабрь 2022 г.', 'в декабре 2022 года', 'ДЕКАБРЯ 2022г', 'Декабрь, 2022', 'декабрь\u00a02022 г', 'декабрем 2022 году']) {
      expect(windowsOf(text, A22)).toEqual([month('2022-12')]);
    }
  });

  it('resolves a yearless month through the academic year of the plan', () => {
    expect(windowsOf('октябрь')).toEqual([month('2023-10')]);
    expect(windowsOf('март')).toEqual([month('2024-03')]);
    expect(windowsOf('август')).toEqual([month('2024-08')]);
    expect(windowsOf('сентябрь')).toEqual([month('2023-09')]);
  });

  it('uses the academic year around `today` when the plan is unknown', () => {
    expect(parseDeadline('октябрь', null, { today: '2024-02-10' }).windows).toEqual([month('2023-10')]);
    expect(parseDeadline('март', null, { today: '2024-02-10' }).windows).toEqual([month('2024-03')]);
    expect(parseDeadline('март', null, { today: '2024-09-10' }).windows).toEqual([month('2025-03')]);
  });

  it('refuses to guess a year without a plan or today, and says so', () => {
    const d = parseDeadline('апрель', null);
    expect(d.kind).toBe('unparsed');
    expect(d.windows).toEqual([]);
    expect(d.warnings?.join(' ')).toContain('период плана неизвестен');
  });

  it('warns when a yearless month fits several years of a multi-year plan', () => {
    const d = parseDeadline('ноябрь', C21_24);
    expect(d.windows).toEqual([month('2021-11')]);
    expect(d.warnings?.[0]).toContain('принят 2021');
  });

  it('reads a list as chronological: a missing year comes from the next or previous item', () => {
    expect(windowsOf('май, сентябрь 2023', C22_24)).toEqual([month('2023-05'), month('2023-09')]);
    expect(windowsOf('ноябрь, февраль 2024', null)).toEqual([month('2023-11'), month('2024-02')]);
    expect(windowsOf('сентябрь 2022 г., декабрь, март', null)).toEqual([month('2022-09'), month('2022-12'), month('2023-03')]);
  });

  it('joins the pieces of a cell split by a page break', () => {
    expect(windowsOf('Декабрь 2022. сентябрь 2023. сентябрь 2024', C22_24)).toEqual([month('2022-12'), month('2023-09'), month('2024-09')]);
  });

  it('fixes Latin look-alike letters and one-letter typos in month names, with a warning for typos', () => {
    expect(windowsOf('мaрт 2024')).toEqual([month('2024-03')]);
    const d = parseDeadline('ноябръ 2023', A23);
    expect(d.windows).toEqual([month('2023-11')]);
    expect(d.warnings?.[0]).toBe('Возможная опечатка: «ноябръ» прочитано как «ноябрь»');
  });

  it('reads parts of months: decades, weeks, beginning, middle and end', () => {
    expect(windowsOf('вторая декада октября 2023')).toEqual([span('2023-10-11', '2023-10-20')]);
    expect(windowsOf('в конце февраля 2024')).toEqual([span('2024-02-21', '2024-02-29')]);
    expect(windowsOf('первая неделя сентября 2023')).toEqual([span('2023-09-01', '2023-09-07')]);
    expect(windowsOf('в начале декабря')).toEqual([span('2023-12-01', '2023-12-10')]);
  });
});

describe('day dates', () => {
  it('reads numeric dates with 4- or 2-digit years, slashes and ISO', () => {
    expect(windowsOf('01.09.2023')).toEqual([day('2023-09-01')]);
    expect(windowsOf('1.9.23')).toEqual([day('2023-09-01')]);
    expect(windowsOf('01/09/2023 г.')).toEqual([day('2023-09-01')]);
    expect(windowsOf('2023-09-01')).toEqual([day('2023-09-01')]);
  });

  it('reads dates in words, with and without a year', () => {
    expect(windowsOf('15 сентября 2023 г.')).toEqual([day('2023-09-15')]);
    expect(windowsOf('20 мая')).toEqual([day('2024-05-20')]);
  });

  it('rejects impossible dates with a warning', () => {
    const d = parseDeadline('30.02.2024', A23);
    expect(d.kind).toBe('unparsed');
    expect(d.warnings).toContain('Неверная дата «30.02.2024»');
    expect(parseDeadline('29 февраля 2023', null).kind).toBe('unparsed');
  });

  it('does not take section references for dates', () => {
    expect(parseDeadline('см. п. 3.1', A23).kind).toBe('unparsed');
    expect(parseDeadline('см. раздел 2.10', A23).kind).toBe('unparsed');
  });
});

describe('ranges', () => {
  it('spans months and years, with the year written once', () => {
    expect(windowsOf('июнь-июль 2023', A22)).toEqual([span('2023-06-01', '2023-07-31')]);
    expect(windowsOf('декабрь – январь 2024')).toEqual([span('2023-12-01', '2024-01-31')]);
    expect(windowsOf('сентябрь 2023 — май 2024')).toEqual([span('2023-09-01', '2024-05-31')]);
    expect(windowsOf('сентябрь-май')).toEqual([span('2023-09-01', '2024-05-31')]);
  });

  it('reads «с … по …», «от … до …» and day spans within a month', () => {
    expect(windowsOf('с 01.09.2022 г. по 31.10.2022 г.', A22)).toEqual([span('2022-09-01', '2022-10-31')]);
    expect(windowsOf('с 1 по 15 октября 2023')).toEqual([span('2023-10-01', '2023-10-15')]);
    expect(windowsOf('10–20 января 2024 г.')).toEqual([span('2024-01-10', '2024-01-20')]);
    expect(windowsOf('от 1 марта до 30 апреля 2024')).toEqual([span('2024-03-01', '2024-04-30')]);
  });

  it('swaps a reversed range and warns', () => {
    const d = parseDeadline('май 2024 – сентябрь 2023', A23);
    expect(d.windows).toEqual([span('2023-09-01', '2024-05-31')]);
    expect(d.warnings?.[0]).toContain('Начало срока позже окончания');
  });
});

describe('bounds', () => {
  it('«до X» runs from the plan start to X', () => {
    expect(windowsOf('до 15.10.2023')).toEqual([span('2023-09-01', '2023-10-15')]);
    expect(windowsOf('не позднее 10 сентября')).toEqual([span('2023-09-01', '2023-09-10')]);
    expect(windowsOf('до конца декабря 2023')).toEqual([span('2023-09-01', '2023-12-31')]);
  });

  it('«до X» is the day X itself without a plan, or when X is before the plan', () => {
    expect(windowsOf('до 15.10.2023', null)).toEqual([day('2023-10-15')]);
    expect(windowsOf('до 01.09.2022 г.', A22)).toEqual([day('2022-09-01')]);
    expect(windowsOf('до 15.05.2022', A23)).toEqual([day('2022-05-15')]);
  });

  it('«с X» runs from X to the plan end', () => {
    expect(windowsOf('с 01.02.2024')).toEqual([span('2024-02-01', '2024-08-31')]);
    expect(windowsOf('начиная с октября 2023 г.')).toEqual([span('2023-10-01', '2024-08-31')]);
    expect(windowsOf('с 01.02.2024', null)).toEqual([day('2024-02-01')]);
  });
});

describe('quarters, half-years, years', () => {
  it('reads quarters in Roman, Arabic and words', () => {
    for (const text of ['IV квартал 2023 г.', '4 квартал 2023', '4-й кв. 2023', 'четвертый квартал 2023 года', 'в IV квартале 2023']) {
      expect(windowsOf(text)).toEqual([span('2023-10-01', '2023-12-31')]);
    }
    expect(windowsOf('II-III квартал 2024', C22_24)).toEqual([span('2024-04-01', '2024-09-30')]);
  });

  it('reads calendar and academic half-years', () => {
    expect(windowsOf('I полугодие 2024 года')).toEqual([span('2024-01-01', '2024-06-30')]);
    expect(windowsOf('второе полугодие 2022/2023 учебного года', A22)).toEqual([span('2023-01-01', '2023-05-31')]);
    expect(windowsOf('в первом полугодии')).toEqual([span('2023-09-01', '2023-12-31')]);
    expect(windowsOf('II полугодие', C22_24)).toEqual([span('2022-07-01', '2022-12-31')]);
  });

  it('reads school quarters («четверть»)', () => {
    expect(windowsOf('III четверть')).toEqual([span('2024-01-01', '2024-03-31')]);
    expect(windowsOf('1 четверть 2023/2024 уч. года')).toEqual([span('2023-09-01', '2023-10-31')]);
  });

  it('reads academic years and whole years', () => {
    expect(windowsOf('2023-2024 учебный год')).toEqual([span('2023-09-01', '2024-08-31')]);
    expect(windowsOf('2023/24 уч. г.')).toEqual([span('2023-09-01', '2024-08-31')]);
    expect(windowsOf('2023 год', C22_24)).toEqual([span('2023-01-01', '2023-12-31')]);
    expect(windowsOf('2022-2024 гг.', C22_24)).toEqual([span('2022-01-01', '2024-12-31')]);
  });
});

describe('continuous', () => {
  it('without dates covers the plan period, or nothing when it is unknown', () => {
    for (const text of ['В течение периода реализации', 'в течение учебного года', 'Постоянно', 'регулярно', 'В течение года', 'весь период']) {
      const d = parseDeadline(text, A23);
      expect(d.kind).toBe('continuous');
      expect(d.windows).toEqual([A23]);
    }
    expect(parseDeadline('постоянно', null).windows).toEqual([]);
  });

  it('«в течение X» covers X', () => {
    const d = parseDeadline('в течение 2023 года', C22_24);
    expect(d.kind).toBe('continuous');
    expect(d.windows).toEqual([span('2023-01-01', '2023-12-31')]);
  });

  it('«X, далее регулярно» runs from X to the plan end', () => {
    expect(windowsOf('Сентябрь 2021 г., далее - регулярное обновление', C21_24)).toEqual([span('2021-09-01', '2024-12-31')]);
  });

  it('a duration after an event is a condition, not a continuous activity', () => {
    expect(parseDeadline('в течение 10 дней после издания приказа', A23).kind).toBe('conditional');
  });
});

describe('recurring', () => {
  it('«ежегодно» without a month gives one window per academic or calendar year of the plan', () => {
    const academic = parseDeadline('Ежегодно', { start: '2022-09-01', end: '2024-08-31' });
    expect(academic.recurrence).toEqual({ frequency: 'yearly' });
    expect(academic.windows).toEqual([span('2022-09-01', '2023-08-31'), span('2023-09-01', '2024-08-31')]);
    expect(windowsOf('ежегодно', C22_24)).toEqual([span('2022-01-01', '2022-12-31'), span('2023-01-01', '2023-12-31'), span('2024-01-01', '2024-12-31')]);
  });

  it('repeats a named month every year of the plan', () => {
    expect(windowsOf('Ежегодно (май)', { start: '2022-09-01', end: '2024-08-31' })).toEqual([month('2023-05'), month('2024-05')]);
  });

  it('«X, далее – ежегодно до <date>» repeats X until that date', () => {
    const d = parseDeadline('Август-сентябрь 2021 г., далее – ежегодно до 1 февраля 2024 года', C21_24);
    expect(d.recurrence).toEqual({ frequency: 'yearly', until: '2024-02-01' });
    expect(d.windows).toEqual([span('2021-08-01', '2021-09-30'), span('2022-08-01', '2022-09-30'), span('2023-08-01', '2023-09-30')]);
    expect(d.warnings).toBeUndefined();
  });

  it('N times a year: 12/N months after a single anchor, yearly once N anchors are named', () => {
    expect(windowsOf('Сентябрь 2023, далее не реже двух раз в год', A23)).toEqual([month('2023-09'), month('2024-03')]);
    expect(windowsOf('два раза в год (декабрь, май)')).toEqual([month('2023-12'), month('2024-05')]);
    expect(parseDeadline('не реже двух раз в год', A23).recurrence).toEqual({ frequency: 'times-per-year', times: 2 });
  });

  it('every two years', () => {
    const d = parseDeadline('Март 2022 г., Далее - не реже одного раза в два года', C21_24);
    expect(d.recurrence).toEqual({ frequency: 'yearly', interval: 2 });
    expect(d.windows).toEqual([month('2022-03'), month('2024-03')]);
  });

  it('quarterly and monthly follow the calendar', () => {
    expect(windowsOf('ежеквартально', { start: '2023-01-01', end: '2023-12-31' })).toEqual([
      span('2023-01-01', '2023-03-31'), span('2023-04-01', '2023-06-30'), span('2023-07-01', '2023-09-30'), span('2023-10-01', '2023-12-31'),
    ]);
    const monthly = parseDeadline('По графику ежемесячно', A23);
    expect(monthly.recurrence).toEqual({ frequency: 'monthly' });
    expect(monthly.windows).toHaveLength(12);
    expect(parseDeadline('до 25 числа', A23).recurrence).toEqual({ frequency: 'monthly' });
  });

  it('a span longer than one cycle limits the recurrence', () => {
    const d = parseDeadline('ежемесячно, сентябрь 2023 – май 2024', A23);
    expect(d.recurrence).toEqual({ frequency: 'monthly', until: '2024-05-31' });
    expect(d.windows).toHaveLength(9);
  });

  it('a day at the end of a month stays at the end of each month, and re-expanding is stable', () => {
    const d = parseDeadline('31.01.2024, далее ежемесячно', A23);
    expect(d.windows.slice(0, 4)).toEqual([day('2024-01-31'), day('2024-02-29'), day('2024-03-31'), day('2024-04-30')]);
    expect(occurrences(d, A23)).toEqual(d.windows);
    const later = occurrences(d, { start: '2030-01-01', end: '2030-03-31' });
    expect(later.slice(0, d.windows.length)).toEqual(d.windows);
    expect(later.slice(d.windows.length)).toEqual([day('2030-01-31'), day('2030-02-28'), day('2030-03-31')]);
  });

  it('keeps the named occurrences when the plan is unknown', () => {
    const d = parseDeadline('Ежегодно, май 2023, май 2024', null);
    expect(d.kind).toBe('recurring');
    expect(d.windows).toEqual([month('2023-05'), month('2024-05')]);
  });
});

describe('conditional and unparsed', () => {
  it('recognises conditions', () => {
    for (const text of ['По согласованию', 'При наличии положительной практики', 'По отдельному плану', 'по завершении программы', 'по мере необходимости', 'по запросу']) {
      const d = parseDeadline(text, A23);
      expect(d.kind).toBe('conditional');
      expect(d.windows).toEqual([]);
      expect(d.warnings).toBeUndefined();
    }
  });

  it('a date beats a condition; a recurrence beats a date', () => {
    expect(parseDeadline('Сентябрь 2023 г. (по согласованию)', A23).kind).toBe('dated');
    expect(parseDeadline('Ежегодно (май) по согласованию', A23).kind).toBe('recurring');
  });

  it('accepts a Date a sheet produced from a date-looking cell', () => {
    const d = parseDeadline(new Date(2023, 8, 1) as unknown as string, A23);
    expect(d.text).toBe('01.09.2023');
    expect(d.windows).toEqual([day('2023-09-01')]);
  });

  it('keeps the text and warns about what it cannot read', () => {
    const d = parseDeadline('когда-нибудь', A23);
    expect(d).toEqual({ text: 'когда-нибудь', kind: 'unparsed', recurrence: null, windows: [], warnings: ['Срок не распознан: «когда-нибудь»'] });
    expect(parseDeadline('', A23).warnings).toEqual(['Срок не указан']);
  });
});

describe('warnings', () => {
  it('a date outside the plan period is kept as written, with a Russian warning', () => {
    const d = parseDeadline('12.05.2022', A23);
    expect(d.windows).toEqual([day('2022-05-12')]);
    expect(d.warnings).toEqual(['Дата 12.05.2022 вне периода плана 01.09.2023–31.08.2024: проверьте год']);
    expect(parseDeadline('Сентябрь-октябрь 2022', A23).warnings).toEqual([
      'Срок сентябрь 2022 – октябрь 2022 вне периода плана 01.09.2023–31.08.2024: проверьте год',
    ]);
  });

  it('clean cells carry no warnings', () => {
    for (const e of corpus.filter((c) => c.family.startsWith('seed-pogranichny'))) {
      expect(parseDeadline(e.text, e.period).warnings).toBeUndefined();
    }
  });

  it('an invalid plan period is ignored with a warning', () => {
    const d = parseDeadline('октябрь 2023', { start: '2024-08-31', end: '2023-09-01' });
    expect(d.windows).toEqual([month('2023-10')]);
    expect(d.warnings).toContain('Период плана задан неверно и не учитывается');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('occurrences', () => {
  it('dated: its windows', () => {
    const d = parseDeadline('март 2024, сентябрь 2023', A23);
    expect(occurrences(d, A23)).toEqual([month('2023-09'), month('2024-03')]);
  });

  it('continuous: its own window, else the period', () => {
    expect(occurrences(parseDeadline('в течение 2023 года', null), C22_24)).toEqual([span('2023-01-01', '2023-12-31')]);
    expect(occurrences(parseDeadline('постоянно', null), A23)).toEqual([A23]);
    expect(occurrences(parseDeadline('постоянно', null), null)).toEqual([]);
  });

  it('recurring: expands over a period given later', () => {
    const d = parseDeadline('ежегодно', null);
    expect(d.windows).toEqual([]);
    expect(occurrences(d, { start: '2022-09-01', end: '2024-08-31' })).toEqual([span('2022-09-01', '2023-08-31'), span('2023-09-01', '2024-08-31')]);
    const may = parseDeadline('Ежегодно, май 2023', null);
    expect(occurrences(may, { start: '2022-09-01', end: '2025-08-31' })).toEqual([month('2023-05'), month('2024-05'), month('2025-05')]);
  });

  it('recurring: respects `until` and the period', () => {
    const d = parseDeadline('Август-сентябрь 2021 г., далее – ежегодно до 1 февраля 2024 года', C21_24);
    expect(occurrences(d, { start: '2021-01-01', end: '2030-12-31' })).toEqual(d.windows);
  });

  it('recurring: expanding again over the same plan changes nothing', () => {
    for (const e of corpus.filter((c) => c.kind === 'recurring' && c.period)) {
      const d = parseDeadline(e.text, e.period);
      expect(occurrences(d, e.period)).toEqual(d.windows);
    }
  });

  it('conditional and unparsed have none', () => {
    expect(occurrences(parseDeadline('по согласованию', A23), A23)).toEqual([]);
    expect(occurrences(parseDeadline('???', A23), A23)).toEqual([]);
  });
});

describe('occurrenceStatus', () => {
  const w = span('2024-03-01', '2024-03-31');
  it('done wins over everything', () => {
    expect(occurrenceStatus(w, '2025-01-01', true)).toBe('done');
    expect(occurrenceStatus(null, '2025-01-01', true)).toBe('done');
  });
  it('no window → no-date', () => expect(occurrenceStatus(null, '2024-03-10', false)).toBe('no-date'));
  it('after the end → overdue', () => {
    expect(occurrenceStatus(w, '2024-04-01', false)).toBe('overdue');
    expect(occurrenceStatus(w, '2024-03-31', false)).not.toBe('overdue');
  });
  it('inside the window → in-progress, due-soon in its last days', () => {
    expect(occurrenceStatus(w, '2024-03-01', false)).toBe('in-progress');
    expect(occurrenceStatus(w, '2024-03-16', false)).toBe('in-progress');
    expect(occurrenceStatus(w, '2024-03-17', false)).toBe('due-soon');
    expect(occurrenceStatus(w, '2024-03-31', false)).toBe('due-soon');
  });
  it('before the window → planned, due-soon shortly before the start', () => {
    expect(occurrenceStatus(w, '2024-02-15', false)).toBe('planned');
    expect(occurrenceStatus(w, '2024-02-16', false)).toBe('due-soon');
    expect(occurrenceStatus(w, '2024-02-29', false)).toBe('due-soon');
  });
  it('honours a custom due-soon horizon', () => {
    expect(occurrenceStatus(w, '2024-02-20', false, 5)).toBe('planned');
    expect(occurrenceStatus(w, '2024-02-25', false, 5)).toBe('due-soon');
    expect(occurrenceStatus(day('2024-03-01'), '2024-03-01', false, 0)).toBe('due-soon');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('iso-date helpers', () => {
  it('parse, format and validate', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2023-2-1')).toBeNull();
    expect(formatIsoDate(2023, 9, 1)).toBe('2023-09-01');
    expect(() => formatIsoDate(2023, 13, 1)).toThrow();
    expect(formatRuDate('2023-09-01')).toBe('01.09.2023');
  });

  it('month lengths and month arithmetic', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(lastDayOfMonth(2023, 4)).toBe('2023-04-30');
    expect(isLastDayOfMonth('2024-02-29')).toBe(true);
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-15', -15)).toBe('2022-12-15');
  });

  it('day arithmetic round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 40000 }), fc.integer({ min: -800, max: 800 }), (epoch, delta) => {
        const d = fromEpochDay(epoch);
        expect(toEpochDay(d)).toBe(epoch);
        expect(diffDays(d, addDays(d, delta))).toBe(delta);
        expect(compareIso(d, addDays(d, delta))).toBe(Math.sign(-delta) || 0);
        expect(minIso(d, addDays(d, delta)) <= maxIso(d, addDays(d, delta))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------

/** Every case of every month, written out here independently of the parser's lexicon. */
const MONTH_CASES: readonly string[][] = [
  ['январь', 'января', 'январе', 'январю', 'январём'],
  ['февраль', 'февраля', 'феврале', 'февралю', 'февралём'],
  ['март', 'марта', 'марте', 'марту', 'мартом'],
  ['апрель', 'апреля', 'апреле', 'апрелю', 'апрелем'],
  ['май', 'мая', 'мае', 'маю', 'маем'],
  ['июнь', 'июня', 'июне', 'июню', 'июнем'],
  ['июль', 'июля', 'июле', 'июлю', 'июлем'],
  ['август', 'августа', 'августе', 'августу', 'августом'],
  ['сентябрь', 'сентября', 'сентябре', 'сентябрю', 'сентябрём'],
  ['октябрь', 'октября', 'октябре', 'октябрю', 'октябрём'],
  ['ноябрь', 'ноября', 'ноябре', 'ноябрю', 'ноябрём'],
  ['декабрь', 'декабря', 'декабре', 'декабрю', 'декабрём'],
];

const capitalise = (s: string, how: number): string =>
  how === 0 ? s : how === 1 ? s[0].toUpperCase() + s.slice(1) : s.toUpperCase();

const arbPeriod: fc.Arbitrary<Period | null> = fc.option(
  fc.tuple(fc.integer({ min: 2015, max: 2030 }), fc.boolean(), fc.integer({ min: 1, max: 4 })).map(([y, academic, years]) =>
    academic ? { start: `${y}-09-01`, end: `${y + years}-08-31` } : { start: `${y}-01-01`, end: `${y + years - 1}-12-31` },
  ),
);

const TOKENS = [
  ...MONTH_CASES.flat(), 'янв.', 'сент.', '2022', '2023', '2024', '2023/2024', '2023-2024', '2022-2024', 'г.', 'гг.', 'года', 'г',
  '01.09.2023', '31.12.2024', '1.9.23', '15', '1', '31', '-', '–', ',', '.', ';', '(', ')', 'с', 'по', 'до', 'не позднее', 'к', 'от',
  'в', 'в течение', 'весь', 'учебного года', 'учебный год', 'уч.', 'квартал', 'кв.', 'i', 'ii', 'iv', 'полугодие', 'четверть',
  'декада', 'неделя', 'первая', 'конец', 'начало', 'ежегодно', 'ежемесячно', 'ежеквартально', 'раз в год', 'не реже двух раз в год',
  'раз в два года', 'далее', 'постоянно', 'регулярно', 'по согласованию', 'по запросу', 'числа', 'весна', 'зимние каникулы', 'периода',
];

const arbDeadlineSoup = fc.array(fc.constantFrom(...TOKENS), { minLength: 0, maxLength: 9 }).map((parts) => parts.join(' '));

describe('properties', () => {
  it('never throws on arbitrary strings, and its output is always well formed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), arbDeadlineSoup), arbPeriod, (text, period) => {
        const d = parseDeadline(text, period);
        expect(d.text).toBe(text);
        expectWellFormed(d);
        for (const w of occurrences(d, period)) expect(w.start <= w.end).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('deadline-like soups give sorted, valid windows and stable occurrences', () => {
    fc.assert(
      fc.property(arbDeadlineSoup, arbPeriod, (text, period) => {
        const d = parseDeadline(text, period);
        expectWellFormed(d);
        const occ = occurrences(d, period);
        for (let i = 1; i < occ.length; i++) expect(occ[i - 1].start <= occ[i].start).toBe(true);
        expect(occurrences({ ...d, windows: occ }, period)).toEqual(occ);
      }),
      { numRuns: 400 },
    );
  });

  it('month + year round-trips for all 12 months in every grammatical case', () => {
    MONTH_CASES.forEach((forms, index) => {
      const m = index + 1;
      for (const form of forms) {
        fc.assert(
          fc.property(
            fc.integer({ min: 2000, max: 2099 }),
            fc.integer({ min: 0, max: 2 }),
            fc.constantFrom('', ' г.', ' г', 'г.', ' года', ' году', ' год'),
            fc.constantFrom('', 'в ', '  '),
            (year, caps, suffix, prefix) => {
              const d = parseDeadline(`${prefix}${capitalise(form, caps)} ${year}${suffix}`, null);
              expect(d.kind).toBe('dated');
              expect(d.windows).toEqual([{ start: formatIsoDate(year, m, 1), end: lastDayOfMonth(year, m) }]);
            },
          ),
          { numRuns: 15 },
        );
      }
    });
  });

  it('a yearless month lands in the academic year of the plan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 4 }), (y, index, c) => {
        const d = parseDeadline(MONTH_CASES[index][c], { start: `${y}-09-01`, end: `${y + 1}-08-31` });
        const year = index + 1 >= 9 ? y : y + 1;
        expect(d.windows).toEqual([{ start: formatIsoDate(year, index + 1, 1), end: lastDayOfMonth(year, index + 1) }]);
      }),
      { numRuns: 150 },
    );
  });

  it('a numeric date round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay('2000-01-01'), max: toEpochDay('2099-12-31') }), fc.boolean(), (epoch, short) => {
        const iso = fromEpochDay(epoch);
        const [y, m, dd] = iso.split('-');
        const text = short ? `${Number(dd)}.${Number(m)}.${y.slice(2)}` : `${dd}.${m}.${y} г.`;
        expect(parseDeadline(text, null).windows).toEqual([{ start: iso, end: iso }]);
      }),
      { numRuns: 200 },
    );
  });
});
