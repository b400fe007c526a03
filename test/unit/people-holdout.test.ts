// Hold-out check of the suggested column mapping: six lists written the way schools and municipalities keep them
// (test/fixtures/people-holdout), with the mapping and a few records worked out by hand before the code saw them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPeopleCommand, type ImportPeopleOutput } from '../../local/commands/import-people';
import { applyMapping, suggestMapping } from '../../src/domain/people-mapping';
import { mappingFields } from '../../src/sheets/people-schema';

const DIR = join(__dirname, '..', 'fixtures', 'people-holdout');

interface Expected {
  file: string;
  role: 'mentor' | 'mentee';
  /** 1-based. */
  headerRow: number;
  /** Field → column letter; every field not listed must stay unmapped. */
  mapping: Record<string, string>;
  recordCount: number;
  otherRoleRows?: number;
  /** 1-based file row → fields of the domain record. */
  records: Record<number, Record<string, unknown>>;
  /** 1-based rows that must be reported as problems for the field. */
  problems?: { row: number; field: string }[];
}

const EXPECTED: Expected[] = [
  {
    file: '1-mentors-school-semicolon.csv',
    role: 'mentor',
    headerRow: 2,
    mapping: { fullName: 'B', organisation: 'C', position: 'D', subject: 'E', experience: 'F', category: 'G', consent: 'H' },
    recordCount: 3,
    records: {
      3: { fullName: 'Кузнецова Ольга Викторовна', organisationId: 'МБОУ «СОШ № 5»', position: 'учитель', subject: 'Математика', experienceYears: 23, category: 'высшая', consentDate: '2024-09-02' },
      4: { fullName: 'Смирнов Андрей Петрович', experienceYears: 15, consentDate: '2024-09-02' },
      5: { fullName: 'Белова Наталья Игоревна', position: 'заместитель директора по УВР', experienceYears: 31, consentDate: null },
    },
  },
  {
    file: '2-mentees-municipality-comma.csv',
    role: 'mentee',
    headerRow: 3,
    mapping: {
      surname: 'B', firstName: 'C', patronymic: 'D', organisation: 'E', position: 'F', subject: 'G', birthDate: 'H', age: 'I',
      experience: 'J', deficits: 'K', request: 'L',
    },
    recordCount: 3,
    records: {
      4: {
        fullName: 'Алексеева Дарья Сергеевна', organisationId: 'МАОУ "Гимназия № 1"', subject: 'Английский язык', birthDate: '2001-03-14', age: 23,
        experienceYears: 1, deficits: ['Методика урока', 'работа с родителями'], request: 'Помощь в подготовке к открытым урокам',
      },
      5: { fullName: 'Гусев Илья Андреевич', birthDate: '1999-11-05', experienceYears: 0, request: '' },
      6: { fullName: 'Федорова Ксения', position: 'педагог-психолог', birthDate: '2000-07-21', experienceYears: 0, deficits: ['Диагностика'] },
    },
  },
  {
    file: '3-mentors-dou-semicolon.csv',
    role: 'mentor',
    headerRow: 3,
    mapping: {
      fullName: 'B', organisation: 'C', position: 'D', subject: 'E', experience: 'G', category: 'H', strengths: 'I', capacity: 'J', consent: 'K',
    },
    recordCount: 3,
    records: {
      4: {
        fullName: 'Никитина Елена Павловна', subject: 'Познавательное развитие', experienceYears: 26, category: 'высшая',
        strengths: ['Проектная деятельность', 'ТРИЗ'], capacity: 2, consentDate: '2024-09-10',
      },
      6: { fullName: 'Зайцева Марина Олеговна', organisationId: 'МАДОУ ЦРР «Детский сад № 40»', experienceYears: 33, capacity: 3, consentDate: null },
    },
  },
  {
    file: '4-mentees-school-comma.csv',
    role: 'mentee',
    headerRow: 1,
    mapping: {
      fullName: 'B', organisation: 'C', position: 'D', subject: 'E', birthDate: 'F', age: 'G', experience: 'H', category: 'I', group: 'J',
      deficits: 'K', request: 'L', included: 'M', consent: 'N',
    },
    recordCount: 3,
    records: {
      2: {
        fullName: 'Романова Полина Андреевна', organisationId: 'МБОУ «Лицей № 9»', subject: 'Химия', birthDate: '2002-02-03', age: 22, experienceYears: 1,
        category: 'без категории', deficits: ['Целеполагание урока', 'оценивание'], request: 'Подготовка к ОГЭ', includedDate: '2024-09-01', consentDate: '2024-08-30',
      },
      4: { fullName: 'Ковалёва Анастасия Игоревна', position: 'учитель-логопед', age: 35, experienceYears: 0, includedDate: '2024-10-15', consentDate: '2024-10-14' },
    },
  },
  {
    file: '5-mixed-roles-semicolon.csv',
    role: 'mentor',
    headerRow: 1,
    mapping: { fullName: 'B', organisation: 'C', position: 'D', subject: 'E', experience: 'F', category: 'G', role: 'H', consent: 'J' },
    recordCount: 3,
    otherRoleRows: 2,
    records: {
      2: { fullName: 'Григорьева Татьяна Ивановна', subject: 'Биология', experienceYears: 27, category: 'высшая', consentDate: '2024-09-01' },
      4: { fullName: 'Морозова Ирина Владимировна', experienceYears: 22 },
      6: { fullName: 'Соколов Денис Викторович', experienceYears: 12, consentDate: null },
    },
  },
  {
    file: '6-mentees-full-consent-comma.csv',
    role: 'mentee',
    headerRow: 2,
    mapping: {
      fullName: 'B', organisation: 'C', position: 'D', subject: 'E', birthDate: 'F', experience: 'G', category: 'H', deficits: 'I', request: 'J', consent: 'K',
    },
    recordCount: 3,
    records: {
      3: { fullName: 'Волкова Алина Романовна', organisationId: 'СОШ № 21', birthDate: '2000-12-12', experienceYears: 2, deficits: ['Инклюзивное образование'], consentDate: '2024-09-05' },
      4: { fullName: 'Исаев Тимур Русланович', deficits: ['Классное руководство', 'работа с родителями'], request: '' },
      5: { fullName: 'Жукова Вера Николаевна', organisationId: 'Гимназия № 2', consentDate: null },
    },
    problems: [{ row: 5, field: 'consent' }],
  },
];

async function importFile(e: Expected): Promise<ImportPeopleOutput> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await importPeopleCommand([join(DIR, e.file), '--role', e.role, '--json'], (s) => out.push(s), (s) => err.push(s));
  expect(err).toEqual([]);
  expect(code).toBe(0);
  return JSON.parse(out.join('\n')) as ImportPeopleOutput;
}

/** Fields that were to be mapped or were mapped, and how many of them landed on the expected column. */
function score(e: Expected, o: ImportPeopleOutput): { right: number; total: number; wrong: string[] } {
  const got = new Map(o.mapping.map((m) => [m.field, m.column]));
  const fields = new Set([...Object.keys(e.mapping), ...o.mapping.filter((m) => m.column !== null).map((m) => m.field)]);
  const wrong = [...fields].filter((f) => (e.mapping[f] ?? null) !== (got.get(f) ?? null)).map((f) => `${f}: ${got.get(f) ?? '—'} ≠ ${e.mapping[f] ?? '—'}`);
  return { right: fields.size - wrong.length, total: fields.size, wrong };
}

describe('people lists held out', () => {
  for (const e of EXPECTED) {
    it(`${e.file}: mapping`, async () => {
      const o = await importFile(e);
      expect(o.headerRow).toBe(e.headerRow);
      const got = Object.fromEntries(o.mapping.filter((m) => m.column !== null).map((m) => [m.field, m.column]));
      expect(got).toEqual(e.mapping);
    });

    it(`${e.file}: records`, async () => {
      const o = await importFile(e);
      expect(o.records).toHaveLength(e.recordCount);
      expect(o.otherRoleRows).toBe(e.otherRoleRows ?? 0);
      // A total line is never taken for a person.
      for (const r of o.records) expect(String(r.fullName)).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/u);
      for (const [row, fields] of Object.entries(e.records)) {
        const rec = o.records.find((r) => r.row === Number(row));
        expect(rec, `row ${row}`).toBeDefined();
        expect(rec).toMatchObject(fields);
      }
      for (const p of e.problems ?? []) expect(o.problems.some((q) => q.row === p.row && q.field === p.field)).toBe(true);
    });
  }

  it('scores the whole hold-out set', async () => {
    let right = 0;
    let total = 0;
    const wrong: string[] = [];
    for (const e of EXPECTED) {
      const out: string[] = [];
      const code = await importPeopleCommand([join(DIR, e.file), '--role', e.role, '--json'], (t) => out.push(t), () => {});
      // A list the command refuses counts every expected field as missed.
      const s = code === 0 ? score(e, JSON.parse(out.join('\n')) as ImportPeopleOutput) : { right: 0, total: Object.keys(e.mapping).length, wrong: [`refused (${code})`] };
      right += s.right;
      total += s.total;
      wrong.push(...s.wrong.map((w) => `${e.file} ${w}`));
    }
    console.log(`people hold-out: ${right}/${total} fields mapped right${wrong.length ? `\n  ${wrong.join('\n  ')}` : ''}`);
    expect(wrong).toEqual([]);
  });
});

describe('general header and row rules behind the hold-out', () => {
  const field = (rows: string[][], role: 'mentor' | 'mentee', key: string) =>
    suggestMapping(rows, mappingFields(role)).fields.find((f) => f.key === key)!;

  it('reads letters abbreviated one by one and words cut short', () => {
    expect(field([['Ф. И. О.', 'Стаж'], ['Иванова Анна Петровна', '3']], 'mentor', 'fullName').column).toBe(0);
    expect(field([['ФИО', 'Пед.стаж, лет'], ['Иванова Анна Петровна', '3']], 'mentor', 'experience')).toMatchObject({ column: 1, how: 'synonym' });
    expect(field([['ФИО', 'Квалиф. категория'], ['Иванова Анна Петровна', 'первая']], 'mentor', 'category')).toMatchObject({ column: 1, how: 'synonym' });
    // A fragment alone is not a word of the synonym.
    expect(field([['ФИО', 'Пед. ст.'], ['Иванова Анна Петровна', '3']], 'mentor', 'experience').column).toBeNull();
  });

  it('finds an abbreviation in capitals and a synonym in other word forms', () => {
    expect(field([['ФИО', 'Полное наименование ОУ'], ['Иванова Анна Петровна', 'СОШ № 1']], 'mentee', 'organisation').column).toBe(1);
    // In lower case «оу» may be part of anything: not taken.
    expect(field([['ФИО', 'примечание оу'], ['Иванова Анна Петровна', 'x']], 'mentee', 'organisation').column).toBeNull();
    expect(field([['ФИО', 'Наличие подписанного согласия на обработку персональных данных'], ['Иванова Анна Петровна', '01.09.2024']], 'mentee', 'consent').column).toBe(1);
    // «Курсы повышения квалификации» is not the qualification category.
    expect(field([['ФИО', 'Курсы повышения квалификации'], ['Иванова Анна Петровна', '2023']], 'mentor', 'category').column).toBeNull();
  });

  it('reports total lines and names without letters instead of taking them for people', () => {
    const rows = [
      ['№', 'ФИО', 'Стаж'],
      ['1', 'Иванова Анна Петровна', '3'],
      ['', 'Итого по ОО: 1', ''],
      ['Всего', '1', ''],
      ['', '—', '5'],
    ];
    const s = suggestMapping(rows, mappingFields('mentor'));
    const applied = applyMapping(rows, { headerRow: s.headerRow, columns: Object.fromEntries(s.fields.map((f) => [f.key, f.column])) }, ['fullName', 'experience']);
    expect(applied.records.map((r) => r.record.fullName)).toEqual(['Иванова Анна Петровна']);
    expect(applied.unreadable.map((u) => [u.row, u.reason])).toEqual([
      [2, 'строка итогов'],
      [3, 'строка итогов'],
      [4, 'в ФИО (наименовании) нет букв'],
    ]);
  });
});
