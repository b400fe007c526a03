// Custom functions through the built bundle, as a cell calls them: scalars and 2-D ranges, header rows,
// blanks and bad values, in AuthMode.CUSTOM_FUNCTION.
import { describe, expect, it } from 'vitest';
import { freshAddon } from '../harness/addon';

const NOW = new Date('2023-10-10T10:00:00+03:00');
const d = (iso: string) => {
  const [y, m, day] = iso.split('-').map(Number);
  return new Date(y, m - 1, day);
};
const iso = (v: unknown) => (v instanceof Date ? `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}` : v);

describe('ROADMAP_DEADLINE', () => {
  it('returns kind, start, end and recurrence for one text', () => {
    const addon = freshAddon({ now: NOW });
    const out = addon.custom<unknown[][]>('ROADMAP_DEADLINE', 'Декабрь 2022');
    expect(out.map((r) => r.map(iso))).toEqual([['к сроку', '2022-12-01', '2022-12-31', '']]);
  });

  it('returns one row per input row of a range, with blanks and a header row', () => {
    const addon = freshAddon({ now: NOW });
    const range = [['Сроки реализации'], ['октябрь'], [''], ['ежегодно, май'], ['По согласованию']];
    const out = addon.custom<unknown[][]>('ROADMAP_DEADLINE', range, d('2023-09-01'), '31.08.2024');
    expect(out).toHaveLength(5);
    expect(out[0][0]).toBe('не распознан');
    expect(out[1].map(iso)).toEqual(['к сроку', '2023-10-01', '2023-10-31', '']);
    expect(out[2]).toEqual(['', '', '', '']);
    expect(out[3][0]).toBe('повторяется');
    expect(out[3][3]).toBe('ежегодно');
    expect(out[4]).toEqual(['по условию', '', '', '']);
    // Sheets needs a rectangle.
    expect(new Set(out.map((r) => r.length))).toEqual(new Set([4]));
  });

  it('gives a readable Russian error for a bad period', () => {
    const addon = freshAddon({ now: NOW });
    expect(() => addon.custom('ROADMAP_DEADLINE', 'май', '31.02.2023', '01.09.2023')).toThrow(/начало периода «31\.02\.2023» — не дата/);
    expect(() => addon.custom('ROADMAP_DEADLINE', 'май', '01.09.2023', '')).toThrow(/и начало, и окончание/);
    expect(() => addon.custom('ROADMAP_DEADLINE', 'май', '01.09.2024', '01.09.2023')).toThrow(/позже окончания/);
  });

  it('touches no service', () => {
    const addon = freshAddon({ now: NOW });
    addon.runtime.env.counter.reset();
    addon.custom('ROADMAP_DEADLINE', [['сентябрь 2023 г.'], ['IV квартал 2023 г.']], '01.09.2023', '31.08.2024');
    expect(addon.runtime.env.counter.total).toBe(0);
  });
});

describe('ROADMAP_OCCURRENCES', () => {
  it('spills every occurrence of a recurring deadline', () => {
    const addon = freshAddon({ now: NOW });
    const out = addon.custom<unknown[][]>('ROADMAP_OCCURRENCES', 'Ежегодно, май', '01.09.2022', '31.08.2024');
    expect(out.map((r) => r.map(iso))).toEqual([['2023-05-01', '2023-05-31'], ['2024-05-01', '2024-05-31']]);
  });
});

describe('ROADMAP_STATUS', () => {
  it('states each row of a range on a date', () => {
    const addon = freshAddon({ now: NOW });
    const ends = [[d('2023-09-30')], [d('2023-10-20')], [d('2023-12-31')], [''], [d('2023-09-30')], ['31.13.2023']];
    const starts = [[d('2023-09-01')], [d('2023-10-01')], [d('2023-12-01')], [''], [''], ['']];
    const done = [[false], [''], [''], [''], ['выполнено'], ['']];
    expect(addon.custom('ROADMAP_STATUS', ends, starts, done, '10.10.2023')).toEqual([
      ['просрочено'], ['срок скоро'], ['запланировано'], ['без срока'], ['выполнено'], ['ошибка: «31.13.2023» — не дата'],
    ]);
  });

  it('uses today when no date is given and refuses ranges of different heights', () => {
    const addon = freshAddon({ now: NOW });
    expect(addon.custom('ROADMAP_STATUS', d('2023-10-05'))).toEqual([['просрочено']]);
    expect(() => addon.custom('ROADMAP_STATUS', [[d('2023-10-05')], [d('2023-10-06')]], [[''], [''], ['']])).toThrow(/разной высоты/);
  });

  it('answers a 10,000-row range row by row (its speed is in npm run bench)', () => {
    const addon = freshAddon({ now: NOW });
    const ends = Array.from({ length: 10000 }, (_, i) => [d(`2023-${String((i % 12) + 1).padStart(2, '0')}-15`)]);
    const out = addon.custom<string[][]>('ROADMAP_STATUS', ends, '', '', '10.10.2023');
    expect(out).toHaveLength(10000);
    expect(out.slice(0, 12).map((r) => r[0])).toEqual([
      'просрочено', 'просрочено', 'просрочено', 'просрочено', 'просрочено', 'просрочено', 'просрочено', 'просрочено', 'просрочено',
      'срок скоро', 'запланировано', 'запланировано',
    ]);
  });
});
