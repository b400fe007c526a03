// Connecting a coordinator's own list: suggested column mapping, rows read through a confirmed mapping, and the
// text records behind people, pairs and ids.
import { describe, expect, it } from 'vitest';
import { applyMapping, guessRole, suggestMapping } from '../../src/domain/people-mapping';
import {
  appendHistory,
  defaultProgramme,
  emptyRecord,
  formatHistoryEntry,
  MENTEE_FIELDS,
  MENTOR_FIELDS,
  menteeFromRecord,
  mentorFromRecord,
  nextIds,
  organisationLookup,
  PAIR_FIELDS,
  pairFromRecord,
  parseDateText,
  parseHistory,
  parseNumberText,
  parseRoleText,
  repeatedIds,
  splitList,
  manualStatusChange,
} from '../../src/domain/people-records';
import { DEFAULT_DICTIONARIES } from '../../src/domain/dictionaries';
import { programmeProblems } from '../../src/domain/people';
import { mappingFields } from '../../src/sheets/people-schema';

const TEACHERS = [
  ['Список педагогических работников МБОУ «СОШ № 2» на 01.09.2023', '', '', '', '', '', '', '', ''],
  ['', '', '', '', '', '', '', '', ''],
  ['№ п/п', 'Ф.И.О.', 'Дата рождения', 'Категория', 'Категория наставляемого', 'Пед. стаж', 'Согласие на обработку ПДн', 'Примечание', 'Место работы'],
  ['1', 'Иванова Анна Петровна', '12.03.1998', 'без категории', 'молодой специалист', '1', '01.09.2023', '', 'СОШ № 2'],
  ['2', 'Петров Иван Ильич', '1995-05-05', 'первая', '', '5 лет', 'да', 'совместитель', 'СОШ № 2'],
  ['3', 'Сидорова Мария', '31.02.1990', 'высшая', '', 'много', '', '', 'Гимназия'],
];

function col(s: ReturnType<typeof suggestMapping>, key: string) {
  return s.fields.find((f) => f.key === key)!;
}

describe('suggested mapping', () => {
  it('finds the header below a title, each column once, the surest match first', () => {
    const s = suggestMapping(TEACHERS, mappingFields('mentee'));
    expect(s.headerRow).toBe(2);
    expect(col(s, 'fullName')).toMatchObject({ column: 1, how: 'synonym', header: 'Ф.И.О.' });
    expect(col(s, 'birthDate')).toMatchObject({ column: 2, how: 'label', confidence: 1 });
    // «Категория наставляемого» is the mentee group; the bare «Категория» is the qualification category.
    expect(col(s, 'group').column).toBe(4);
    expect(col(s, 'category').column).toBe(3);
    expect(col(s, 'experience').column).toBe(5);
    expect(col(s, 'consent').column).toBe(6);
    expect(col(s, 'organisation').column).toBe(8);
    expect(col(s, 'deficits').column).toBeNull();
    const used = s.fields.map((f) => f.column).filter((c) => c !== null);
    expect(new Set(used).size).toBe(used.length);
    expect(s.unmapped.map((u) => u.header)).toEqual(['№ п/п', 'Примечание']);
    expect(s.confidence).toBeGreaterThan(0.9);
  });

  it('lowers the confidence when the cells do not look like the field', () => {
    const rows = [
      ['ФИО', 'Дата согласия'],
      ['Иванова А. П.', 'да'],
      ['Петров И. И.', 'есть'],
      ['Сидорова М. С.', 'да'],
    ];
    const s = suggestMapping(rows, mappingFields('mentor'));
    expect(col(s, 'consent').column).toBe(1);
    expect(col(s, 'consent').confidence).toBeLessThan(0.6);
    expect(col(s, 'fullName').confidence).toBe(1);
  });

  it('takes a name split over three columns', () => {
    const rows = [['Фамилия', 'Имя', 'Отчество', 'Стаж'], ['Орлова', 'Дарья', 'Игоревна', '2']];
    const s = suggestMapping(rows, mappingFields('mentee'));
    expect(col(s, 'fullName').column).toBeNull();
    expect([col(s, 'surname').column, col(s, 'firstName').column, col(s, 'patronymic').column]).toEqual([0, 1, 2]);
    const applied = applyMapping(rows, { headerRow: 0, columns: Object.fromEntries(s.fields.map((f) => [f.key, f.column])) }, MENTEE_FIELDS);
    expect(applied.records[0].record.fullName).toBe('Орлова Дарья Игоревна');
  });

  it('guesses the role from the columns only one role has', () => {
    const mentorRows = [['ФИО', 'Сильные стороны', 'Кол-во наставляемых']];
    const menteeRows = [['ФИО', 'Профессиональные дефициты', 'Запрос']];
    const both = [['ФИО', 'Предмет']];
    const g = (rows: string[][]) => guessRole(suggestMapping(rows, mappingFields('mentor')), suggestMapping(rows, mappingFields('mentee')));
    expect(g(mentorRows)).toBe('mentor');
    expect(g(menteeRows)).toBe('mentee');
    expect(g(both)).toBeNull();
  });
});

describe('applying a confirmed mapping', () => {
  const mapping = { headerRow: 2, columns: { fullName: 1, birthDate: 2, category: 3, group: 4, experience: 5, consent: 6, organisation: 8 } };

  it('reads dates as ISO, keeps what cannot be read as typed and reports it', () => {
    const r = applyMapping(TEACHERS, mapping, MENTEE_FIELDS);
    expect(r.records.map((x) => x.row)).toEqual([3, 4, 5]);
    expect(r.records[0].record).toMatchObject({ fullName: 'Иванова Анна Петровна', birthDate: '1998-03-12', consent: '2023-09-01', experience: '1' });
    expect(r.records[0].problems).toEqual([]);
    // «да» in a consent column: kept, with a message that says what is missing.
    expect(r.records[1].record.consent).toBe('да');
    expect(r.records[1].problems).toEqual([{ field: 'consent', text: 'да', message: 'согласие отмечено без даты: укажите дату согласия' }]);
    // 31 February is not a date; «много» is not a number. Both stay as typed.
    expect(r.records[2].record.birthDate).toBe('31.02.1990');
    expect(r.records[2].problems.map((p) => [p.field, p.message])).toEqual([['birthDate', 'не дата'], ['experience', 'не число']]);
  });

  it('reports a row with text but no name, and ignores empty rows', () => {
    const rows = [...TEACHERS, ['', '', '', '', '', '', '', '', ''], ['4', '', '01.01.1990', 'первая', '', '', '', 'уволена', '']];
    const r = applyMapping(rows, mapping, MENTEE_FIELDS);
    expect(r.records).toHaveLength(3);
    expect(r.unreadable).toEqual([{ row: 7, text: '4 | 01.01.1990 | первая | уволена', reason: 'не указано ФИО (наименование)' }]);
  });

  it('takes only the rows of the role when the list has a role column', () => {
    const rows = [
      ['ФИО', 'Роль в наставничестве'],
      ['Иванова А. П.', 'наставник'],
      ['Петров И. И.', 'Наставляемый (молодой специалист)'],
      ['Сидорова М. С.', ''],
      ['Орлова Д. И.', 'наставник и наставляемый'],
    ];
    const mentors = applyMapping(rows, { headerRow: 0, columns: { fullName: 0, role: 1 } }, MENTOR_FIELDS, { role: 'mentor' });
    expect(mentors.records.map((r) => r.record.fullName)).toEqual(['Иванова А. П.', 'Орлова Д. И.']);
    expect(mentors.otherRole).toEqual([2, 3]);
    const mentees = applyMapping(rows, { headerRow: 0, columns: { fullName: 0, role: 1 } }, MENTEE_FIELDS, { role: 'mentee' });
    expect(mentees.records.map((r) => r.record.fullName)).toEqual(['Петров И. И.', 'Орлова Д. И.']);
  });
});

describe('cells', () => {
  it.each([
    ['2023-09-01', '2023-09-01'],
    ['01.09.2023', '2023-09-01'],
    ['1.9.2023 г.', '2023-09-01'],
    ['01/09/2023', '2023-09-01'],
    ['05.05.95', '1995-05-05'],
    ['01.09.23', '2023-09-01'],
    ['31.02.2023', null],
    ['да', null],
    ['сентябрь 2023', null],
  ])('date %s → %s', (text, iso) => expect(parseDateText(text)).toBe(iso));

  it.each([
    ['5', 5], ['5,5', 5.5], ['12 лет', 12], ['3 года', 3], ['90 %', 90], ['нет', 0], ['менее года', 0], ['много', null], ['', null],
  ])('number %s → %s', (text, n) => expect(parseNumberText(text)).toBe(n));

  it('splits lists on «;», commas and line breaks, not inside brackets', () => {
    expect(splitList('оценивание; работа с родителями,\nИКТ')).toEqual(['оценивание', 'работа с родителями', 'ИКТ']);
    expect(splitList('традиционное (один на один, очно); сетевое')).toEqual(['традиционное (один на один, очно)', 'сетевое']);
    expect(splitList('  ')).toEqual([]);
  });

  it('reads who is who from a role cell', () => {
    expect(parseRoleText('Наставник')).toBe('mentor');
    expect(parseRoleText('наставляемая')).toBe('mentee');
    expect(parseRoleText('молодой специалист')).toBe('mentee');
    expect(parseRoleText('учитель')).toBeNull();
  });
});

describe('records to people', () => {
  const orgs = organisationLookup([{ id: 'ОО-01', name: 'МБОУ «СОШ № 1»' }, { id: 'ОО-02', name: 'МБДОУ «Детский сад № 2»' }]);
  const ctx = { organisations: orgs, defaultCapacity: 2, menteeCategories: DEFAULT_DICTIONARIES.menteeCategories };

  it('resolves organisations by id or by name, quotes and «№» spacing aside', () => {
    const rec = { ...emptyRecord(MENTOR_FIELDS), id: 'НС-0001', fullName: 'Иванова Анна', organisation: 'МБОУ "СОШ №1"', capacity: '', strengths: 'ИКТ; оценивание' };
    const { mentor, problems } = mentorFromRecord(rec, ctx);
    expect(mentor.organisationId).toBe('ОО-01');
    expect(mentor.capacity).toBe(2);
    expect(mentor.strengths).toEqual(['ИКТ', 'оценивание']);
    expect(problems).toEqual([]);
    expect(mentorFromRecord({ ...rec, organisation: 'оо-02' }, ctx).mentor.organisationId).toBe('ОО-02');
  });

  it('keeps an unknown organisation as typed and says so; refuses a fractional capacity', () => {
    const rec = { ...emptyRecord(MENTOR_FIELDS), fullName: 'Петров', organisation: 'Лицей № 9', capacity: '1,5' };
    const { mentor, problems } = mentorFromRecord(rec, ctx);
    expect(mentor.organisationId).toBe('Лицей № 9');
    expect(mentor.capacity).toBe(2);
    expect(problems.map((p) => p.field)).toEqual(['capacity', 'organisation']);
  });

  it('reads a mentee group from any spelling', () => {
    const rec = { ...emptyRecord(MENTEE_FIELDS), fullName: 'Орлова', group: 'Молодые специалисты', birthDate: '2000-01-01', age: '' };
    const { mentee } = menteeFromRecord(rec, ctx);
    expect(mentee.group).toBe('young-specialist');
    expect(mentee.birthDate).toBe('2000-01-01');
    expect(mentee.age).toBeNull();
    expect(menteeFromRecord({ ...rec, group: 'переведена из другой школы' }, ctx).mentee.group).toBe('moved');
  });
});

describe('ids', () => {
  it('numbers after the highest id in use and after the last one given', () => {
    expect(nextIds('НС-', 2, ['НС-0003', 'НС-0010', 'НЛ-0099', 'П-001'], 0)).toEqual({ ids: ['НС-0011', 'НС-0012'], last: 12 });
    // The row of НС-0012 was deleted: its id is not given again.
    expect(nextIds('НС-', 1, ['НС-0003', 'НС-0010'], 12).ids).toEqual(['НС-0013']);
    expect(nextIds('НС-', 0, [], 5)).toEqual({ ids: [], last: 5 });
  });

  it('finds ids typed twice', () => {
    expect([...repeatedIds(['a', 'b', ' a', '', '']).entries()]).toEqual([['a', [0, 2]]]);
  });
});

describe('pairs as text', () => {
  const statuses = DEFAULT_DICTIONARIES.statuses;

  it('writes and reads the history back, keeping lines it cannot read', () => {
    const entries = [
      { date: '2023-12-05', from: null, to: 'proposed' as const, note: 'автоподбор' },
      { date: '2023-12-06', from: 'proposed' as const, to: 'active' as const, note: 'приказ № 5 от 06.12.2023' },
    ];
    expect(formatHistoryEntry(entries[1])).toBe('06.12.2023: предложено → действует — приказ № 5 от 06.12.2023');
    const text = appendHistory('позвонить наставнику', entries);
    const parsed = parseHistory(text);
    expect(parsed.entries).toEqual(entries);
    expect(parsed.bad).toEqual(['позвонить наставнику']);
    expect(text.split('\n')[0]).toBe('позвонить наставнику');
  });

  it('reads a pair, falling back to the history for a status it cannot read', () => {
    const rec = {
      ...emptyRecord(PAIR_FIELDS),
      id: 'ПР-0001', mentorId: 'НС-0001', menteeIds: 'НЛ-0001, НЛ-0002', status: 'в работе',
      start: '2023-09-01', end: '2024-05-31', orderNumber: '15', orderDate: '01.09.2023',
      history: '01.09.2023: предложено\n01.09.2023: предложено → действует — приказ № 15',
    };
    const r = pairFromRecord(rec, statuses);
    expect(r.pair.status).toBe('active');
    expect(r.pair.menteeIds).toEqual(['НЛ-0001', 'НЛ-0002']);
    expect(r.pair.order).toEqual({ number: '15', date: '2023-09-01' });
    expect(r.problems.map((p) => p.field)).toEqual(['status']);
    // A status changed by hand on the sheet becomes a history entry.
    const done = pairFromRecord({ ...rec, status: 'завершено' }, statuses);
    expect(manualStatusChange(done, '2024-06-01')).toEqual({ date: '2024-06-01', from: 'active', to: 'completed', note: 'изменено на листе' });
    expect(manualStatusChange(r, '2024-06-01')).toBeNull();
    const typed = pairFromRecord({ ...rec, history: '', status: 'действует' }, statuses);
    expect(manualStatusChange(typed, '2024-06-01')).toEqual({ date: '2024-06-01', from: null, to: 'active', note: 'внесено на листе' });
  });

  it('gives a default programme of a lawful length', () => {
    for (const months of [1, 3, 9, 12, 20]) {
      const p = defaultProgramme('2024-01-31', months);
      expect(programmeProblems(p)).toEqual([]);
    }
    expect(defaultProgramme('2023-09-01', 9)).toEqual({ start: '2023-09-01', end: '2024-05-31' });
  });
});
