// The mentor and mentee bases through the built bundle: setting them up, «Проверить базы» (ids, duplicates,
// young specialists, consent, the health sheet), connecting an existing list in place or by import, and the
// service-call budgets at ~20 and ~2,000 people.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult, MappingApplyResult, MappingSuggestionView, SetupResult } from '../../src/addon/people';
import type { PairingState } from '../../src/addon/pairing';
import {
  columnOf,
  grow,
  measure,
  menteeRows,
  mentorRows,
  openWorkbook,
  organisationRows,
  peopleBundle,
  setCell,
  sheetValues,
  total,
  typeRows,
  withoutGrow,
  type Opened,
} from '../harness/people-bundle';

const NOW = new Date('2023-12-05T10:00:00+03:00');
let file: string;

beforeAll(async () => {
  file = await peopleBundle();
});

function open(sheets: Record<string, unknown[][]> = {}, now = NOW): Opened {
  return openWorkbook(file, sheets, now);
}

function withBases(orgs = 3): Opened {
  const o = open({ 'Лист1': [['']] });
  o.call('setupPeopleBases');
  typeRows(o.ss, 'Организации', organisationRows(orgs));
  return o;
}

describe('«Создать базы наставников и наставляемых»', () => {
  it('creates the sheets with their columns, formats, validations, dictionaries and settings', () => {
    const o = open({ 'Лист1': [['']] });
    const r = o.call<SetupResult>('setupPeopleBases');
    expect(r.created).toEqual(['Справочники', 'Настройки подбора', 'Организации', 'Наставники', 'Наставляемые', 'Пары']);
    expect(o.ss._toasts.at(-1)?.message).toContain('Созданы листы');
    const mentors = o.ss.getSheetByName('Наставники')!;
    const header = sheetValues(o.ss, 'Наставники')[0];
    expect(header.slice(0, 3)).toEqual(['Код', 'ФИО', 'ОО']);
    expect(header).toContain('Замечания проверки');
    expect(mentors.getFrozenRows()).toBe(1);
    const col = (label: string) => header.indexOf(label) + 1;
    // Ids stay text («1.2» must not become a date); consent is a date column validated as a date.
    expect(mentors.getRange(500, col('Код')).getNumberFormat()).toBe('@');
    expect(mentors.getRange(2, col('Дата согласия на обработку ПДн')).getDataValidation()?.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    // Dropdowns read the dictionary sheet, so editing a list there updates them at once.
    const subject = mentors.getRange(900, col('Предмет (направление)')).getDataValidation()!;
    expect(subject.getCriteriaType()).toBe('VALUE_IN_RANGE');
    const range = subject.getCriteriaValues()[0] as { getSheet(): { getName(): string }; getA1Notation(): string };
    expect(range.getSheet().getName()).toBe('Справочники');
    const orgRule = mentors.getRange(2, col('ОО')).getDataValidation()!;
    expect((orgRule.getCriteriaValues()[0] as { getSheet(): { getName(): string } }).getSheet().getName()).toBe('Организации');
    expect(orgRule.getAllowInvalid()).toBe(true);
    const dict = sheetValues(o.ss, 'Справочники');
    expect(dict[0][0]).toBe('Формы наставничества (ролевые модели)');
    expect(columnOf(dict, 'Статусы пар').filter(Boolean)).toEqual(['предложено', 'действует', 'завершено', 'отменено']);
    const settings = sheetValues(o.ss, 'Настройки подбора');
    expect(settings[0]).toEqual(['Параметр', 'Значение', 'Пояснение']);
    expect(settings.find((r) => r[0] === 'Вес: тот же предмет')?.[1]).toBe('3');
    const pairs = o.ss.getSheetByName('Пары')!;
    const ph = sheetValues(o.ss, 'Пары')[0];
    expect(ph.slice(0, 5)).toEqual(['Код пары', 'Код наставника', 'Наставник', 'Коды наставляемых', 'Наставляемые']);
    expect(pairs.getRange(2, ph.indexOf('Статус') + 1).getDataValidation()?.getCriteriaType()).toBe('VALUE_IN_RANGE');
    expect(pairs.getConditionalFormatRules()).toHaveLength(3);
  });

  it('run again, keeps what people typed, their own columns and their dictionary edits', () => {
    const o = withBases();
    typeRows(o.ss, 'Наставники', mentorRows(3, 3));
    const sheet = o.ss.getSheetByName('Наставники')!;
    sheet.getRange(1, sheet.getLastColumn() + 1).setValue('Моя заметка');
    sheet.getRange(3, sheet.getLastColumn()).setValue('позвонить');
    setCell(o.ss, 'Справочники', 2, 'Форматы', 'очно');
    setCell(o.ss, 'Настройки подбора', 2, 'Значение', '7');
    const r = o.call<SetupResult>('setupPeopleBases');
    expect(r.created).toEqual([]);
    expect(r.refreshed).toContain('Наставники');
    const v = sheetValues(o.ss, 'Наставники');
    expect(columnOf(v, 'ФИО').slice(0, 3)).toEqual(mentorRows(3, 3).map((m) => m['ФИО']));
    expect(columnOf(v, 'Моя заметка')[1]).toBe('позвонить');
    expect(columnOf(sheetValues(o.ss, 'Справочники'), 'Форматы')[0]).toBe('очно');
    expect(sheetValues(o.ss, 'Настройки подбора')[1][1]).toBe('7');
  });
});

describe('«Проверить базы»', () => {
  function filled(): Opened {
    const o = withBases(3);
    typeRows(o.ss, 'Наставники', mentorRows(8, 3));
    typeRows(o.ss, 'Наставляемые', menteeRows(12, 3));
    // The same person typed twice, the second time in capitals and without a code.
    const again = menteeRows(1, 3, 1)[0];
    typeRows(o.ss, 'Наставляемые', [{ ...again, 'Код': '', 'ФИО': String(again['ФИО']).toUpperCase() }]);
    return o;
  }

  it('assigns stable ids, flags duplicates without merging, computes young specialists and consent problems', () => {
    const o = filled();
    const r = o.call<CheckResult>('checkPeopleBases');
    expect(r.mentors).toBe(8);
    expect(r.mentees).toBe(13);
    expect(r.idsAssigned).toMatchObject({ mentor: 1, mentee: 2, organisation: 0 });
    const mentees = sheetValues(o.ss, 'Наставляемые');
    const ids = columnOf(mentees, 'Код') as string[];
    expect(ids.filter((id) => id.startsWith('НЛ-'))).toEqual(['НЛ-0001', 'НЛ-0002']);
    expect(ids[5]).toBe('НЛ-0001');
    expect(new Set(ids).size).toBe(13);
    expect(columnOf(sheetValues(o.ss, 'Наставники'), 'Код')[3]).toBe('НС-0001');
    // Both rows of the duplicate stay; each points at the other.
    expect(r.duplicates.mentee).toEqual([['Я-2', 'НЛ-0002']]);
    const dup = columnOf(mentees, 'Возможный дубль');
    expect(dup[1]).toBe('возможно, тот же человек: НЛ-0002');
    expect(dup[12]).toBe('возможно, тот же человек: Я-2');
    expect(dup.filter(Boolean)).toHaveLength(2);
    const young = columnOf(mentees, 'Молодой специалист');
    expect(young[0]).toBe('нет'); // born 1980, 12 years of experience
    expect(young[1]).toBe('да');
    expect(young[6]).toBe('нет данных'); // birth date typed as words: kept, reported
    expect(columnOf(mentees, 'Дата рождения')[6]).toBe('весной 98-го');
    const remarks = columnOf(mentees, 'Замечания проверки') as string[];
    expect(remarks[6]).toBe('«Дата рождения»: «весной 98-го» — не дата (оставлено как есть)');
    expect(remarks[2]).toContain('Нет согласия наставляемого Я-3 на обработку персональных данных');
    expect(r.youngSpecialists).toBe(young.filter((y) => y === 'да').length);
    expect(r.consentProblems).toBe(1 + 2); // one mentor (every 9th), two mentees (every 8th)
    expect(columnOf(mentees, 'Пара').every((p) => p === 'ожидает подбора')).toBe(true);
    expect(r.problems.some((p) => p.includes('весной 98-го'))).toBe(true);
    expect(o.ss._toasts.at(-1)?.message).toMatch(/Присвоено кодов: 3/);
  });

  it('never gives an id twice, even after a row is deleted', () => {
    const o = filled();
    o.call('checkPeopleBases');
    const sheet = o.ss.getSheetByName('Наставляемые')!;
    const last = sheet.getLastRow();
    expect(sheet.getRange(last, 1).getValue()).toBe('НЛ-0002');
    sheet.deleteRow(last);
    typeRows(o.ss, 'Наставляемые', [{ 'ФИО': 'Новикова Ирина Сергеевна', 'ОО': 'МБОУ «СОШ № 1»' }]);
    o.call('checkPeopleBases');
    expect(columnOf(sheetValues(o.ss, 'Наставляемые'), 'Код').at(-1)).toBe('НЛ-0003');
  });

  it('writes «Состояние наставничества»: overdue and ending programmes, overload, waiting, silence, unread cells', () => {
    const o = filled();
    o.call('checkPeopleBases');
    typeRows(o.ss, 'Пары', [
      { 'Код пары': 'ПР-0101', 'Код наставника': 'М-1', 'Коды наставляемых': 'Я-1', 'Начало ППН': '01.12.2022', 'Окончание ППН': '30.11.2023', 'Статус': 'действует', 'Последняя активность': '01.11.2023' },
      { 'Код пары': 'ПР-0102', 'Код наставника': 'М-1', 'Коды наставляемых': 'Я-2', 'Начало ППН': '01.09.2023', 'Окончание ППН': '20.12.2023', 'Статус': 'действует', 'Последняя активность': '01.12.2023' },
      { 'Код пары': 'ПР-0103', 'Код наставника': 'М-3', 'Коды наставляемых': 'Я-3', 'Начало ППН': '01.09.2023', 'Окончание ППН': '31.05.2024', 'Статус': 'действует', 'Дата приказа': '01.09.2023' },
      { 'Код пары': 'ПР-0104', 'Код наставника': 'М-5', 'Коды наставляемых': 'Я-4', 'Статус': 'завершено', 'Удовлетворённость наставника': 'отлично' },
      { 'Код пары': 'ПР-0105', 'Код наставника': 'М-99', 'Коды наставляемых': 'Я-4, Я-404', 'Статус': 'отменено' },
    ]);
    // A month later nobody was paired: people included on 01.10.2023 have waited too long.
    o.addon.runtime.env.setNow(new Date('2023-12-20T10:00:00+03:00'));
    const r = o.call<CheckResult>('checkPeopleBases');
    // ПР-0101: last activity 49 days ago; ПР-0103: nothing since its order 110 days ago.
    expect(r.health).toMatchObject({ 'programme-overdue': 1, 'programme-ending': 1, 'mentor-over-capacity': 1, 'pair-inactive': 2 });
    expect(r.health['mentee-waiting']).toBeGreaterThan(5);
    const health = sheetValues(o.ss, 'Состояние наставничества');
    expect(health[0]).toEqual(['Что', 'Код', 'Кто', 'ОО', 'Подробности', 'Дата', 'Дней']);
    const kinds = columnOf(health, 'Что');
    expect(kinds[0]).toBe('ППН закончилась');
    expect(kinds).toContain('Наставник перегружен');
    expect(kinds).toContain('Данные не прочитаны');
    const row = health.find((h) => h[0] === 'ППН закончилась')!;
    expect(row[1]).toBe('ПР-0101');
    expect(String(row[2])).toContain('М-1');
    expect(row[4]).toBe('ППН закончилась 30.11.2023 (20 дней назад), а пара всё ещё действует: завершите или продлите её');
    expect(health.some((h) => String(h[4]).includes('«отлично» — не число'))).toBe(true);
    expect(health.find((h) => h[1] === 'ПР-0105')?.slice(0, 5)).toEqual(['Неизвестный код в паре', 'ПР-0105', 'Пары', '', 'Строка 6: нет наставника М-99 в базе, нет наставляемого Я-404 в базе']);
    // Names appear next to ids in the pairs sheet; the status typed by hand is recorded in the history.
    const pairs = sheetValues(o.ss, 'Пары');
    expect(columnOf(pairs, 'Наставник')[0]).toBe(mentorRows(1, 3)[0]['ФИО']);
    expect(columnOf(pairs, 'История')[3]).toBe('20.12.2023: завершено — внесено на листе');
    expect(columnOf(pairs, 'Удовлетворённость наставника')[3]).toBe('отлично');
  });

  it('refuses politely when there are no bases yet', () => {
    const o = open({ 'Лист1': [['']] });
    expect(() => o.call('checkPeopleBases')).toThrow(/Баз наставников и наставляемых пока нет/);
    o.addon.run('menuCheckPeopleBases');
    expect(o.addon.runtime.services.ui._alerts?.at?.(-1) ?? null).not.toBeUndefined();
  });
});

// A coordinator's own list: a title row, their own headers, a role column and notes.
const OWN_LIST = [
  ['Педагогические работники (на 01.09.2023)', '', '', '', '', '', '', ''],
  ['Таб. №', 'Фамилия, имя, отчество', 'Место работы', 'Стаж', 'Дата рождения', 'Роль', 'Согласие', 'Примечание'],
  ['1.2', 'Орлова Дарья Игоревна', 'МБОУ «СОШ № 1»', 25, '1975-04-02', 'наставник', '01.09.2023', 'руководитель МО'],
  ['1.3', 'Зайцева Алина Олеговна', 'МБОУ «СОШ № 1»', 1, '2000-02-11', 'наставляемый', '02.09.2023', ''],
  ['1.4', 'Борисова Юлия Андреевна', 'МБОУ «СОШ № 2»', 0, '2001-06-30', 'наставляемый', 'да', ''],
  ['', 'Егорова Ольга Ильинична', 'МБОУ «СОШ № 2»', 2, 'не помню', 'наставляемый', '', ''],
  ['', '', '', '', '', '', '', 'итого: 4'],
];

describe('«Подключить существующий лист…»', () => {
  function withList(): Opened {
    const o = open({ 'Педагоги школы': OWN_LIST });
    o.call('setupPeopleBases');
    typeRows(o.ss, 'Организации', organisationRows(2));
    return o;
  }

  function confirm(s: MappingSuggestionView): Record<string, number | null> {
    return Object.fromEntries(s.fields.map((f) => [f.key, f.column]));
  }

  it('suggests the mapping from the headers, with sample rows', () => {
    const o = withList();
    const sheets = o.call<{ sheets: { name: string; own: boolean }[] }>('peopleMappingSheets');
    expect(sheets.sheets.find((s) => s.name === 'Педагоги школы')?.own).toBe(false);
    expect(sheets.sheets.find((s) => s.name === 'Наставники')?.own).toBe(true);
    const s = o.call<MappingSuggestionView>('peopleMappingSuggest', 'Педагоги школы', 'mentee');
    expect(s.headerRow).toBe(2);
    const f = (k: string) => s.fields.find((x) => x.key === k)!;
    expect([f('id').column, f('fullName').column, f('organisation').column, f('experience').column, f('birthDate').column, f('role').column, f('consent').column])
      .toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(s.columns[7]).toMatchObject({ letter: 'H', header: 'Примечание', field: null });
    expect(s.sampleRows[0].slice(0, 2)).toEqual(['1.2', 'Орлова Дарья Игоревна']);
    expect(s.dataRows).toBe(5);
    expect(() => o.call('peopleMappingSuggest', 'Наставники', 'mentor')).toThrow(/лист самого дополнения/);
    expect(() => o.call('peopleMappingSuggest', 'Нет такого', 'mentor')).toThrow(/Листа «Нет такого» нет/);
  });

  it('in place: the add-on reads the list where it is, and writes only its own columns there', () => {
    const o = withList();
    const s = o.call<MappingSuggestionView>('peopleMappingSuggest', 'Педагоги школы', 'mentee');
    const r = o.call<MappingApplyResult>('peopleMappingApply', { sheetName: 'Педагоги школы', role: 'mentee', mapping: { headerRow: s.headerRow, columns: confirm(s) }, mode: 'in-place' });
    expect(r).toMatchObject({ mode: 'in-place', read: 3, otherRole: 1 });
    expect(r.problems).toEqual(['Строка 5, «Дата согласия на обработку ПДн»: «да» — согласие отмечено без даты: укажите дату согласия (оставлено как есть)', 'Строка 6, «Дата рождения»: «не помню» — не дата (оставлено как есть)']);
    expect(r.unreadable).toEqual([{ row: 7, text: 'итого: 4', reason: 'нет данных в выбранных столбцах' }]);
    const mapping = o.call<MappingSuggestionView>('peopleMappingSuggest', 'Педагоги школы', 'mentor');
    o.call('peopleMappingApply', { sheetName: 'Педагоги школы', role: 'mentor', mapping: { headerRow: mapping.headerRow, columns: confirm(mapping) }, mode: 'in-place' });
    const check = o.call<CheckResult>('checkPeopleBases');
    expect(check).toMatchObject({ mentors: 1, mentees: 3, idsAssigned: { mentee: 1, mentor: 0 } });
    const v = sheetValues(o.ss, 'Педагоги школы');
    // Their columns and notes are untouched; the new id went into their id column; the add-on's columns follow.
    expect(v[0][0]).toBe('Педагогические работники (на 01.09.2023)');
    expect(v[1].slice(0, 8)).toEqual(OWN_LIST[1]);
    expect(columnOf(v, 'Таб. №', 1).slice(0, 4)).toEqual(['1.2', '1.3', '1.4', 'НЛ-0001']);
    expect(columnOf(v, 'Примечание', 1)[0]).toBe('руководитель МО');
    expect(columnOf(v, 'Согласие', 1)[2]).toBe('да');
    expect(v[1].slice(8)).toEqual(expect.arrayContaining(['Молодой специалист', 'Пара', 'Замечания проверки', 'Наставляемых сейчас', 'Дата включения в базу']));
    expect(v[1].filter((h) => h === 'Замечания проверки')).toHaveLength(1);
    expect(columnOf(v, 'Молодой специалист', 1).slice(0, 4)).toEqual(['', 'да', 'да', 'нет данных']);
    expect(columnOf(v, 'Наставляемых сейчас', 1)[0]).toBe(0);
    expect(o.ss.getSheetByName('Педагоги школы')!.getRange(6, 1).getNumberFormat()).toBe('@');
    // The sidebar now sees the mentees of that list.
    const state = o.call<PairingState>('pairingState', {});
    expect(state.mentees.map((m) => m.id).sort()).toEqual(['1.3', '1.4', 'НЛ-0001']);
    expect(state.counts.mentors).toBe(1);
  });

  it('by import: the rows are added to «Наставляемые»; importing again adds nothing twice', () => {
    const o = withList();
    typeRows(o.ss, 'Наставляемые', [{ 'ФИО': 'Зайцева Алина Олеговна', 'ОО': 'МБОУ «СОШ № 1»', 'Код': 'Я-77' }]);
    const s = o.call<MappingSuggestionView>('peopleMappingSuggest', 'Педагоги школы', 'mentee');
    const req = { sheetName: 'Педагоги школы', role: 'mentee', mapping: { headerRow: s.headerRow, columns: confirm(s) }, mode: 'import' };
    const r = o.call<MappingApplyResult>('peopleMappingApply', req);
    expect(r).toMatchObject({ mode: 'import', read: 3, imported: 2, otherRole: 1 });
    expect(r.skipped).toEqual([{ row: 4, reason: 'Зайцева Алина Олеговна уже есть в базе' }]);
    const v = sheetValues(o.ss, 'Наставляемые');
    expect(columnOf(v, 'ФИО')).toEqual(['Зайцева Алина Олеговна', 'Борисова Юлия Андреевна', 'Егорова Ольга Ильинична']);
    expect(columnOf(v, 'Код')).toEqual(['Я-77', '1.4', 'НЛ-0001']);
    // What could not be read arrives as typed.
    expect(columnOf(v, 'Дата согласия на обработку ПДн')[1]).toBe('да');
    expect(columnOf(v, 'Дата рождения')[2]).toBe('не помню');
    const again = o.call<MappingApplyResult>('peopleMappingApply', req);
    expect(again.imported).toBe(0);
    expect(again.skipped).toHaveLength(3);
  });

  it.each([
    [{ mapping: { headerRow: 2, columns: { id: 0 } } }, /Выберите столбец с ФИО/],
    [{ mapping: { headerRow: 2, columns: { fullName: 1, subject: 1 } } }, /Столбец B выбран дважды/],
    [{ mapping: { headerRow: 2, columns: { fullName: 40 } } }, /вне таблицы/],
    [{ mapping: { headerRow: 99, columns: { fullName: 1 } } }, /Строка заголовка 99 вне листа/],
    [{ role: 'boss' }, /организации, наставники или наставляемые/],
    [{ mode: 'move' }, /на месте или перенести/],
    [{ sheetName: 'Пары' }, /лист самого дополнения/],
  ])('refuses %j with a Russian message', (change, message) => {
    const o = withList();
    const req = { sheetName: 'Педагоги школы', role: 'mentee', mapping: { headerRow: 2, columns: { fullName: 1 } }, mode: 'in-place', ...change };
    expect(() => o.call('peopleMappingApply', req)).toThrow(message);
  });

  it('the menu opens the mapping dialog', () => {
    const o = withList();
    o.addon.run('showPeopleMappingDialog');
    expect(o.addon.runtime.services.ui._dialogs.at(-1)?.title).toBe('Подключить существующий лист');
  });
});

describe('call budgets', () => {
  type Ops = Record<string, Record<string, number>>;

  function budget(mentors: number, mentees: number): Ops {
    const o = open({ 'Список': [['ФИО', 'ОО', 'Стаж', 'Дата согласия'], ...Array.from({ length: mentees }, (_, i) => [`Список ${i}`, 'МБОУ «СОШ № 1»', String(i % 5), '01.09.2023'])] });
    const ops: Ops = {};
    ops.setup = measure(o, () => o.call('setupPeopleBases'));
    typeRows(o.ss, 'Организации', organisationRows(10));
    typeRows(o.ss, 'Наставники', mentorRows(mentors, 10));
    typeRows(o.ss, 'Наставляемые', menteeRows(mentees, 10));
    ops.check = measure(o, () => o.call('checkPeopleBases'));
    ops.recheck = measure(o, () => o.call('checkPeopleBases'));
    ops.resetup = measure(o, () => o.call('setupPeopleBases'));
    let s: MappingSuggestionView | null = null;
    ops.suggest = measure(o, () => { s = o.call<MappingSuggestionView>('peopleMappingSuggest', 'Список', 'mentee'); });
    const columns = Object.fromEntries(s!.fields.map((f) => [f.key, f.column]));
    ops.import = measure(o, () => o.call('peopleMappingApply', { sheetName: 'Список', role: 'mentee', mapping: { headerRow: 1, columns }, mode: 'import' }));
    ops.inPlace = measure(o, () => o.call('peopleMappingApply', { sheetName: 'Список', role: 'mentee', mapping: { headerRow: 1, columns }, mode: 'in-place' }));
    ops.checkInPlace = measure(o, () => o.call('checkPeopleBases'));
    return ops;
  }

  it('20 or 2,000 people cost the same service calls', () => {
    const small = budget(8, 12);
    const large = budget(800, 1200);
    for (const op of Object.keys(small)) {
      expect(withoutGrow(large[op]), op).toEqual(withoutGrow(small[op]));
      expect(grow(large[op]), op).toBeLessThanOrEqual(4);
      for (const k of ['Range.getValue', 'Range.setValue', 'Sheet.appendRow']) expect(large[op][k] ?? 0, `${op} ${k}`).toBe(0);
    }
    expect(total(small.check)).toBeLessThan(400);
    expect(total(small.suggest)).toBeLessThan(10);
  });
});
