// The optional indicator columns of the people bases through the built bundle: «Создать базы…» lays them out at
// the end of each sheet (and appends them to a workbook set up before they existed, keeping its data), the
// records carry what is typed there, and the dashboard counts retention, closed deficits and satisfaction by it.
//
// The municipality on 05.12.2024 (all mentees are young specialists: born 1998, one year of experience):
//   Я-1 now in ОО-02, moved from ОО-01 (typed by code) on 01.03.2024; pair ПР-1 М-1→Я-1 active since 01.09.2023.
//   Я-2 in ОО-02, deficits closed 20.06.2024; ПР-2 М-2→Я-2 active 01.09.2023, completed 30.06.2024; «ОО пары»
//       «МБОУ «СОШ № 1»» (by name), satisfaction 5 (mentor) and 90 (mentee) on the «0–100» scale.
//   Я-3 in ОО-02, left teaching 15.05.2024; ПР-3 М-2→Я-3 active 01.09.2023, cancelled 15.05.2024.
//   Я-4 in ОО-01, deficits not closed; ПР-4 М-1→Я-4 active 01.10.2023, completed 31.05.2024.
//   Я-5 in ОО-01, no pair, «Дата увольнения» typed as «давно» (not a date).
// By hand, retention after 12 months (start → anniversary ≤ 05.12.2024): Я-1, Я-2, Я-4 stay, Я-3 left before its
// anniversary → 3 of 4; by organisation at the start: ОО-01 Я-1 (before the move), Я-4 → 2 of 2; ОО-02 Я-2, Я-3
// → 1 of 2. Closed deficits among mentees who completed: Я-2 yes, Я-4 no → 1 of 2 (ОО-02 1/1, ОО-01 0/1).
// Satisfaction (ПР-2 only, counted in ОО-01 by «ОО пары»): mentor 5 of 100 is below 80 → 0 of 1 (inferred as five
// points it would have been 1 of 1); mentee 90 → 1 of 1.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SetupResult } from '../../src/addon/people';
import { MENTEE_COLUMNS, MENTOR_COLUMNS, PAIR_COLUMNS } from '../../src/sheets/people-schema';
import { columnOf, openWorkbook, organisationRows, peopleBundle, sheetValues, typeRows, type Opened } from '../harness/people-bundle';

const NOW = new Date('2024-12-05T10:00:00+03:00');
let file: string;

beforeAll(async () => {
  file = await peopleBundle();
});

const NEW_MENTEE = ['Прежняя ОО', 'Дата перехода', 'Дефициты закрыты (дата)', 'Дата увольнения'];
const NEW_MENTOR = ['Прежняя ОО', 'Дата перехода'];
const NEW_PAIR = ['ОО пары', 'Шкала удовлетворённости'];

const young = (code: string, name: string, org: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  'Код': code,
  'ФИО': name,
  'ОО': org,
  'Дата рождения': '15.03.1998',
  'Педагогический стаж, лет': 1,
  'Дата включения в базу': '01.09.2023',
  'Дата согласия на обработку ПДн': '25.08.2023',
  ...extra,
});

const MENTEES = [
  young('Я-1', 'Орлова Анна Сергеевна', 'МБОУ «СОШ № 2»', { 'Прежняя ОО': 'ОО-01', 'Дата перехода': '01.03.2024' }),
  young('Я-2', 'Белова Мария Ивановна', 'ОО-02', { 'Дефициты закрыты (дата)': '20.06.2024' }),
  young('Я-3', 'Климова Ольга Петровна', 'ОО-02', { 'Дата увольнения': '15.05.2024' }),
  young('Я-4', 'Зайцева Дарья Андреевна', 'ОО-01'),
  young('Я-5', 'Лебедева Ирина Олеговна', 'ОО-01', { 'Дата увольнения': 'давно' }),
];

const MENTORS = [
  { 'Код': 'М-1', 'ФИО': 'Наставник Первый', 'ОО': 'ОО-01', 'Макс. число наставляемых': 3, 'Дата согласия на обработку ПДн': '20.08.2023' },
  { 'Код': 'М-2', 'ФИО': 'Наставник Второй', 'ОО': 'ОО-02', 'Макс. число наставляемых': 3, 'Дата согласия на обработку ПДн': '20.08.2023' },
];

const PAIRS = [
  { 'Код пары': 'ПР-1', 'Код наставника': 'М-1', 'Коды наставляемых': 'Я-1', 'Статус': 'действует', 'История': '01.09.2023: действует' },
  {
    'Код пары': 'ПР-2', 'Код наставника': 'М-2', 'Коды наставляемых': 'Я-2', 'Статус': 'завершено',
    'История': '01.09.2023: действует\n30.06.2024: действует → завершено',
    'Удовлетворённость наставника': 5, 'Удовлетворённость наставляемого': 90, 'ОО пары': 'МБОУ «СОШ № 1»', 'Шкала удовлетворённости': '0–100',
  },
  { 'Код пары': 'ПР-3', 'Код наставника': 'М-2', 'Коды наставляемых': 'Я-3', 'Статус': 'отменено', 'История': '01.09.2023: действует\n15.05.2024: действует → отменено — уволилась' },
  { 'Код пары': 'ПР-4', 'Код наставника': 'М-1', 'Коды наставляемых': 'Я-4', 'Статус': 'завершено', 'История': '01.10.2023: действует\n31.05.2024: действует → завершено' },
];

/** The dashboard's [numerator, denominator] by «indicator|scope», read by the code columns. */
function figures(o: Opened): Map<string, [unknown, unknown]> {
  const values = sheetValues(o.ss, 'Показатели');
  const headerRow = values.findIndex((r) => r.includes('Код показателя'));
  const header = values[headerRow];
  const c = (label: string) => header.indexOf(label);
  const out = new Map<string, [unknown, unknown]>();
  for (const r of values.slice(headerRow + 1)) {
    if (r[c('Код показателя')]) out.set(`${r[c('Код показателя')]}|${r[c('Код среза')]}`, [r[c('Числитель')], r[c('Знаменатель')]]);
  }
  return out;
}

function fig(map: Map<string, [unknown, unknown]>, key: string): [unknown, unknown] {
  const f = map.get(key);
  if (!f) throw new Error(`no dashboard row ${key}`);
  return f;
}

function typeMunicipality(o: Opened): void {
  typeRows(o.ss, 'Организации', organisationRows(3));
  typeRows(o.ss, 'Наставники', MENTORS);
  typeRows(o.ss, 'Наставляемые', MENTEES);
  typeRows(o.ss, 'Пары', PAIRS);
}

function expectHandCounts(o: Opened): void {
  o.addon.run('refreshDashboard');
  const f = figures(o);
  expect(fig(f, 'young-specialists-retained|total')).toEqual([3, 4]);
  expect(fig(f, 'young-specialists-retained|org:ОО-01')).toEqual([2, 2]);
  expect(fig(f, 'young-specialists-retained|org:ОО-02')).toEqual([1, 2]);
  expect(fig(f, 'deficits-closed|total')).toEqual([1, 2]);
  expect(fig(f, 'deficits-closed|org:ОО-02')).toEqual([1, 1]);
  expect(fig(f, 'deficits-closed|org:ОО-01')).toEqual([0, 1]);
  expect(fig(f, 'mentor-satisfaction|org:ОО-01')).toEqual([0, 1]);
  expect(fig(f, 'mentee-satisfaction|org:ОО-01')).toEqual([1, 1]);
  expect(fig(f, 'mentee-satisfaction|total')).toEqual([1, 1]);
}

describe('optional indicator columns of the people bases', () => {
  it('are created at the end of each sheet, carried by the records and counted by the dashboard', () => {
    const o = openWorkbook(file, { 'Лист1': [['']] }, NOW);
    o.call<SetupResult>('setupPeopleBases');
    expect(sheetValues(o.ss, 'Наставляемые')[0].slice(-4)).toEqual(NEW_MENTEE);
    expect(sheetValues(o.ss, 'Наставники')[0].slice(-2)).toEqual(NEW_MENTOR);
    expect(sheetValues(o.ss, 'Пары')[0].slice(-2)).toEqual(NEW_PAIR);
    const mentees = o.ss.getSheetByName('Наставляемые')!;
    const header = sheetValues(o.ss, 'Наставляемые')[0];
    const col = (label: string) => header.indexOf(label) + 1;
    expect(mentees.getRange(2, col('Дата увольнения')).getDataValidation()?.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    expect(mentees.getRange(2, col('Дата увольнения')).getNumberFormat()).toBe('dd.mm.yyyy');
    expect(mentees.getRange(2, col('Прежняя ОО')).getDataValidation()?.getCriteriaType()).toBe('VALUE_IN_RANGE');

    typeMunicipality(o);
    expectHandCounts(o);

    // «Проверить базы» reports the unreadable date in Russian and leaves it as typed.
    o.call('checkPeopleBases');
    const v = sheetValues(o.ss, 'Наставляемые');
    const remarks = columnOf(v, 'Замечания проверки');
    const row = (columnOf(v, 'Код') as string[]).indexOf('Я-5');
    expect(remarks[row]).toContain('«Дата увольнения»: «давно» — не дата');
    expect(columnOf(v, 'Дата увольнения')[row]).toBe('давно');
    expect(remarks[(columnOf(v, 'Код') as string[]).indexOf('Я-1')]).toBe('');
  });

  it('are appended to a workbook set up before they existed, keeping its layout and data', () => {
    // The sheets as the previous version laid them out: the same columns without the new ones.
    const old = <T extends { label: string }>(defs: readonly T[], drop: readonly string[]) => defs.filter((d) => !drop.includes(d.label)).map((d) => d.label);
    const menteeHeader = old(MENTEE_COLUMNS, NEW_MENTEE);
    const mentorHeader = old(MENTOR_COLUMNS, NEW_MENTOR);
    const pairHeader = old(PAIR_COLUMNS, NEW_PAIR);
    const rowOf = (header: readonly string[], r: Record<string, unknown>) => header.map((h) => (h in r ? r[h] : ''));
    const o = openWorkbook(file, {
      'Организации': [['Код ОО', 'Наименование ОО', 'Тип'], ...organisationRows(3).map((r) => [r['Код ОО'], r['Наименование ОО'], r['Тип']])],
      'Наставники': [[...mentorHeader, 'Моя заметка'], ...MENTORS.map((m, i) => [...rowOf(mentorHeader, m), `заметка ${i}`])],
      'Наставляемые': [menteeHeader, ...MENTEES.map((m) => rowOf(menteeHeader, m))],
      'Пары': [pairHeader, ...PAIRS.map((p) => rowOf(pairHeader, p))],
    }, NOW);
    o.call<SetupResult>('setupPeopleBases');

    const mentees = sheetValues(o.ss, 'Наставляемые');
    expect(mentees[0]).toEqual([...menteeHeader, ...NEW_MENTEE]);
    expect(columnOf(mentees, 'ФИО')).toEqual(MENTEES.map((m) => m['ФИО']));
    expect(columnOf(mentees, 'Дата увольнения').every((c) => c === '')).toBe(true);
    const mentors = sheetValues(o.ss, 'Наставники');
    // The coordinator's own column stays where it was; the new ones come after it.
    expect(mentors[0]).toEqual([...mentorHeader, 'Моя заметка', ...NEW_MENTOR]);
    expect(columnOf(mentors, 'Моя заметка')).toEqual(['заметка 0', 'заметка 1']);
    const pairs = sheetValues(o.ss, 'Пары');
    expect(pairs[0]).toEqual([...pairHeader, ...NEW_PAIR]);
    expect(columnOf(pairs, 'Коды наставляемых')).toEqual(['Я-1', 'Я-2', 'Я-3', 'Я-4']);

    // Typed into the new columns afterwards, the values count as in a workbook set up with them.
    const set = (sheet: string, code: string, codeLabel: string, values: Record<string, unknown>) => {
      const s = o.ss.getSheetByName(sheet)!;
      const v = s.getDataRange().getValues();
      const r = v.findIndex((row) => row[v[0].indexOf(codeLabel)] === code);
      for (const [label, value] of Object.entries(values)) s.getRange(r + 1, v[0].indexOf(label) + 1).setValue(value);
    };
    for (const m of MENTEES) {
      const extra = Object.fromEntries(Object.entries(m).filter(([k]) => NEW_MENTEE.includes(k)));
      if (Object.keys(extra).length) set('Наставляемые', String(m['Код']), 'Код', extra);
    }
    set('Пары', 'ПР-2', 'Код пары', { 'ОО пары': 'МБОУ «СОШ № 1»', 'Шкала удовлетворённости': '0–100' });
    expectHandCounts(o);

    // Set up once more: nothing moves, nothing is lost.
    o.call<SetupResult>('setupPeopleBases');
    const again = sheetValues(o.ss, 'Наставляемые');
    expect(again[0]).toEqual([...menteeHeader, ...NEW_MENTEE]);
    expect(columnOf(again, 'Прежняя ОО')[0]).toBe('ОО-01');
    expect(columnOf(again, 'Дата увольнения')[4]).toBe('давно');
    expect(columnOf(sheetValues(o.ss, 'Пары'), 'Шкала удовлетворённости')[1]).toBe('0–100');
    expectHandCounts(o);
  });

  it('are found by their usual headers on a list connected in place before they existed', () => {
    // The coordinator's list has «Уволена» (a synonym of «Дата увольнения»); the mapping, confirmed before the
    // column was the add-on's, does not name it.
    const list = [
      ['Таб. №', 'ФИО', 'ОО', 'Дата рождения', 'Стаж', 'Согласие', 'Уволена'],
      ['Я-1', 'Орлова Анна Сергеевна', 'ОО-01', '15.03.1998', 1, '25.08.2023', '15.05.2024'],
      ['Я-2', 'Белова Мария Ивановна', 'ОО-01', '15.03.1998', 1, '25.08.2023', 'давно'],
    ];
    const o = openWorkbook(file, { 'Педагоги': list }, NOW);
    o.call<SetupResult>('setupPeopleBases');
    typeRows(o.ss, 'Организации', organisationRows(2));
    typeRows(o.ss, 'Наставники', [MENTORS[0]]);
    const columns = { id: 0, fullName: 1, organisation: 2, birthDate: 3, experience: 4, consent: 5 };
    o.call('peopleMappingApply', { sheetName: 'Педагоги', role: 'mentee', mapping: { headerRow: 1, columns }, mode: 'in-place' });
    typeRows(o.ss, 'Пары', [
      { 'Код пары': 'ПР-1', 'Код наставника': 'М-1', 'Коды наставляемых': 'Я-1', 'Статус': 'действует', 'История': '01.09.2023: действует' },
      { 'Код пары': 'ПР-2', 'Код наставника': 'М-1', 'Коды наставляемых': 'Я-2', 'Статус': 'действует', 'История': '01.09.2023: действует' },
    ]);
    o.addon.run('refreshDashboard');
    // Я-1 left before the anniversary; Я-2's date cannot be read, so she is not counted as gone.
    expect(fig(figures(o), 'young-specialists-retained|total')).toEqual([1, 2]);
    o.call('checkPeopleBases');
    const v = sheetValues(o.ss, 'Педагоги');
    expect(columnOf(v, 'Замечания проверки')[1]).toContain('«Дата увольнения»: «давно» — не дата');
    // Their column is read where it is, not duplicated under the add-on's label.
    expect(v[0].filter((h) => h === 'Дата увольнения')).toHaveLength(0);
    expect(columnOf(v, 'Уволена')[1]).toBe('давно');
  });
});
