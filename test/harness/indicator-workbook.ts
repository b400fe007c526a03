// Workbooks for the indicator tests: the people sheets as the add-on lays them out (headers from the people
// schema), with a small municipality whose figures are counted by hand in the tests, and a generated one of any
// size for call budgets. Dates are Date cells or typed text, as people leave them.
import { createEnv } from '../../local/env';
import { spreadsheetFromRows, type FakeSpreadsheet } from '../../local/spreadsheet';
import { CHECKLIST_COLUMNS } from '../../src/sheets/indicator-schema';
import { MENTEE_COLUMNS, MENTOR_COLUMNS, ORGANISATION_COLUMNS, PAIR_COLUMNS, PEOPLE_SHEETS } from '../../src/sheets/people-schema';

export const d = (iso: string): Date => {
  const [y, m, day] = iso.split('-').map(Number);
  return new Date(y, m - 1, day);
};

type Row = Record<string, unknown>;

/** Header of the add-on's own columns (computed ones left out: a curator's sheet before «Проверить базы»). */
function sheetRows(defs: readonly { key: string; label: string; computed?: boolean }[], rows: readonly Row[], extra: readonly string[] = []): unknown[][] {
  // Columns given as extras by their labels are the add-on's own now too: written once, where the extras go.
  const own = defs.filter((c) => (!c.computed || c.key === 'history') && !extra.includes(c.label));
  return [[...own.map((c) => c.label), ...extra], ...rows.map((r) => [...own.map((c) => r[c.key] ?? ''), ...extra.map((h) => r[h] ?? '')])];
}

export const ORGS: Row[] = [
  { id: 'ОО-01', name: 'МБОУ «СОШ № 1»', kind: 'школа', municipality: 'Город', curator: 'Иванова И. И.' },
  { id: 'ОО-02', name: 'МБОУ «СОШ № 2»', kind: 'школа', municipality: 'Город', curator: '' },
  { id: 'ОО-03', name: 'МБДОУ «Детский сад № 5»', kind: 'детский сад (ДОУ)', municipality: 'Город', curator: 'Петрова П. П.' },
];

const mentor = (id: string, organisation: string, capacity: number): Row => ({
  id, fullName: `Наставник ${id}`, organisation, position: 'учитель', experience: 15, category: 'высшая', capacity, consent: d('2023-08-20'),
});

export const MENTORS: Row[] = [mentor('НС-1', 'ОО-01', 2), mentor('НС-2', 'ОО-01', 1), mentor('НС-3', 'ОО-02', 1), mentor('НС-4', 'ОО-03', 2)];

const mentee = (id: string, organisation: string, fields: Row): Row => ({
  id, fullName: `Наставляемый ${id}`, organisation, position: 'учитель', included: '01.09.2023', consent: d('2023-08-25'), ...fields,
});

/** Extra columns only indicators read. */
export const MENTEE_EXTRA = ['Прежняя ОО', 'Дата перехода', 'Дефициты закрыты (дата)', 'Дата увольнения'];

export const MENTEES: Row[] = [
  mentee('НЛ-1', 'ОО-01', { birthDate: d('1998-05-10'), experience: 1 }),
  mentee('НЛ-2', 'ОО-01', { birthDate: '01.01.1999', experience: '0' }),
  mentee('НЛ-3', 'ОО-01', { age: 40, experience: 10 }),
  mentee('НЛ-4', 'ОО-02', { birthDate: d('2000-03-03'), experience: '2 года' }),
  mentee('НЛ-5', 'ОО-02', { birthDate: d('1997-07-07'), experience: 3, included: d('2022-09-01'), 'Дефициты закрыты (дата)': d('2023-06-30') }),
  mentee('НЛ-6', 'ОО-03', { birthDate: d('1995-02-02'), experience: 1 }),
  mentee('НЛ-7', 'ОО-03', { age: 30, group: 'молодой специалист' }),
  mentee('НЛ-8', 'ОО-03', { birthDate: d('2001-01-01'), experience: 0, included: d('2024-01-15') }),
  mentee('НЛ-9', 'МБОУ «СОШ № 2»', { birthDate: d('1996-06-06'), experience: 2, 'Прежняя ОО': 'ОО-01', 'Дата перехода': d('2023-11-01') }),
];

const pair = (id: string, mentorId: string, menteeIds: string, fields: Row): Row => ({
  id, mentorId, menteeIds, rolePair: 'учитель – учитель', format: 'традиционное (один на один)', ...fields,
});

export const PAIRS: Row[] = [
  pair('ПР-1', 'НС-1', 'НЛ-1', { orderNumber: '12', orderDate: d('2023-09-01'), status: 'действует', history: '25.08.2023: предложено\n01.09.2023: предложено → действует — приказ № 12' }),
  pair('ПР-2', 'НС-2', 'НЛ-3', { status: 'действует', history: '01.09.2023: предложено\n05.09.2023: предложено → действует' }),
  pair('ПР-3', 'НС-3', 'НЛ-4', { orderNumber: '7', orderDate: d('2023-09-10'), status: 'действует', history: '10.09.2023: действует' }),
  pair('ПР-4', 'НС-3', 'НЛ-5', {
    orderNumber: '3', orderDate: d('2022-09-01'), status: 'завершено', history: '01.09.2022: действует\n30.06.2023: действует → завершено',
    mentorSatisfaction: 5, menteeSatisfaction: 4,
  }),
  pair('ПР-5', 'НС-4', 'НЛ-6, НЛ-7', {
    format: 'групповое', orderNumber: '5', orderDate: d('2023-10-02'), status: 'действует', history: '02.10.2023: действует',
    mentorSatisfaction: 0.9, menteeSatisfaction: 0.7,
  }),
  pair('ПР-6', 'НС-1', 'НЛ-9', { orderNumber: '15', orderDate: d('2023-02-01'), status: 'отменено', history: '01.02.2023: действует\n01.10.2023: действует → отменено — перевод' }),
  pair('ПР-7', 'НС-3', 'НЛ-2', { status: 'предложено', history: '01.12.2023: предложено' }),
];

export function peopleSheets(orgs = ORGS, mentors = MENTORS, mentees = MENTEES, pairs = PAIRS): Record<string, unknown[][]> {
  return {
    [PEOPLE_SHEETS.organisations]: sheetRows(ORGANISATION_COLUMNS, orgs),
    [PEOPLE_SHEETS.mentors]: sheetRows(MENTOR_COLUMNS, mentors),
    [PEOPLE_SHEETS.mentees]: sheetRows(MENTEE_COLUMNS, mentees, MENTEE_EXTRA),
    [PEOPLE_SHEETS.pairs]: sheetRows(PAIR_COLUMNS, pairs),
  };
}

/** Checklist marks as curators fill them: ОО-01 all with links, ОО-03 all (some «да», one HYPERLINK-less text), ОО-02 not. */
export function checklistRows(): unknown[][] {
  const items = CHECKLIST_COLUMNS.slice(2, 12);
  const link = (org: string, i: number) => `https://${org.toLowerCase()}.example.ru/nastavnichestvo/${i}`;
  const full = (org: string, name: string, count: number) => [org, name, ...items.map((c, i) => (c.key === 'pair-count' ? count : link('s1', i))), ''];
  return [
    CHECKLIST_COLUMNS.map((c) => c.label),
    full('ОО-01', 'МБОУ «СОШ № 1»', 2),
    ['ОО-02', 'МБОУ «СОШ № 2»', link('s2', 0), 'нет', 'в работе', '', link('s2', 4), '', '', '', '', 1, ''],
    ['ОО-03', 'МБДОУ «Детский сад № 5»', 'да', link('k5', 1), 'да', 'Приказ № 4 от 01.09.2023', link('k5', 4), link('k5', 5), 'есть', link('k5', 7), link('k5', 8), 1, ''],
  ];
}

export function municipalityWorkbook(now: Date, extra: Record<string, unknown[][]> = {}): FakeSpreadsheet {
  return spreadsheetFromRows(createEnv({ now }), 'Трекер наставничества', { ...peopleSheets(), ...extra });
}

/**
 * A generated municipality of about `people` people (a third mentees, a sixth mentors, 40 people per
 * organisation), with pairs in every status: for call budgets that must not depend on size.
 */
export function generatedWorkbook(people: number, now: Date): FakeSpreadsheet {
  const orgCount = Math.max(2, Math.round(people / 40));
  const orgs: Row[] = Array.from({ length: orgCount }, (_, i) => ({
    id: `ОО-${i + 1}`, name: `Организация № ${i + 1}`, kind: i % 3 === 2 ? 'детский сад (ДОУ)' : 'школа', curator: i % 2 ? '' : `Куратор ${i + 1}`,
  }));
  const mentors: Row[] = [];
  const mentees: Row[] = [];
  for (let i = 0; i < people; i++) {
    const organisation = `ОО-${(i % orgCount) + 1}`;
    if (i % 6 === 0) mentors.push(mentor(`НС-${i}`, organisation, 1 + (i % 3)));
    else if (i % 3 === 1) mentees.push(mentee(`НЛ-${i}`, organisation, { birthDate: d(`${1970 + (i % 35)}-03-15`), experience: i % 7 }));
  }
  const statuses = ['действует', 'завершено', 'отменено', 'предложено'];
  const pairs: Row[] = mentees.slice(0, Math.floor(mentees.length * 0.8)).map((m, i) => {
    const status = statuses[i % 4];
    const history = status === 'предложено' ? '01.09.2023: предложено' : status === 'действует' ? '01.09.2023: действует'
      : `01.09.2022: действует\n30.06.2023: действует → ${status}${status === 'отменено' ? ' — перевод' : ''}`;
    return pair(`ПР-${i + 1}`, String(mentors[i % mentors.length].id), String(m.id), {
      orderNumber: String(i + 1), orderDate: d('2023-09-01'), status, history, mentorSatisfaction: 1 + (i % 5), menteeSatisfaction: 1 + ((i + 2) % 5),
    });
  });
  return spreadsheetFromRows(createEnv({ now }), 'Трекер', peopleSheets(orgs, mentors, mentees, pairs));
}
