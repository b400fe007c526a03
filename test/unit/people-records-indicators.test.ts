// The optional indicator fields of the people records: moves («Прежняя ОО», «Дата перехода»), closed deficits,
// leaving, and a pair's organisation and satisfaction scale — good values, empty cells and bad ones.
import { describe, expect, it } from 'vitest';
import {
  emptyRecord,
  MENTEE_FIELDS,
  menteeFromRecord,
  MENTOR_FIELDS,
  mentorFromRecord,
  moveHistory,
  organisationLookup,
  PAIR_FIELDS,
  pairFromRecord,
  parseSatisfactionScale,
  problemText,
  type PeopleContext,
} from '../../src/domain/people-records';
import { organisationOn } from '../../src/domain/indicator-context';

const ORGS = organisationLookup([
  { id: 'ОО-01', name: 'МБОУ «СОШ № 1»' },
  { id: 'ОО-02', name: 'МБОУ «СОШ № 2»' },
]);
const ctx: PeopleContext = { organisations: ORGS, defaultCapacity: 1 };
const STATUSES = ['предложено', 'действует', 'завершено', 'отменено'];

const mentee = (fields: Partial<Record<(typeof MENTEE_FIELDS)[number], string>>) =>
  menteeFromRecord({ ...emptyRecord(MENTEE_FIELDS), id: 'НЛ-1', fullName: 'Орлова Анна', organisation: 'ОО-02', ...fields }, ctx);
const pair = (fields: Partial<Record<(typeof PAIR_FIELDS)[number], string>>) =>
  pairFromRecord({ ...emptyRecord(PAIR_FIELDS), id: 'ПР-1', mentorId: 'НС-1', menteeIds: 'НЛ-1', status: 'действует', ...fields }, STATUSES, ORGS);

describe('mentee indicator fields', () => {
  it('reads a move (previous organisation by code or by name), closed deficits and leaving', () => {
    const byCode = mentee({ previousOrganisation: 'ОО-01', movedOn: '01.03.2024', deficitsClosed: '20.06.2024', left: '2024-08-31' });
    expect(byCode.problems).toEqual([]);
    expect(byCode.mentee.organisationHistory).toEqual([
      { organisationId: 'ОО-01', from: '1900-01-01' },
      { organisationId: 'ОО-02', from: '2024-03-01' },
    ]);
    expect(byCode.mentee.deficitsClosedDate).toBe('2024-06-20');
    expect(byCode.mentee.leftDate).toBe('2024-08-31');
    // Indicators place the person in the previous organisation before the move and in the current one from it.
    expect(organisationOn(byCode.mentee, '2024-02-29')).toBe('ОО-01');
    expect(organisationOn(byCode.mentee, '2024-03-01')).toBe('ОО-02');

    const byName = mentee({ previousOrganisation: 'МБОУ "СОШ №1"', movedOn: '1.3.24' });
    expect(byName.problems).toEqual([]);
    expect(byName.mentee.organisationHistory?.[0].organisationId).toBe('ОО-01');
    expect(byName.mentee.organisationHistory?.[1].from).toBe('2024-03-01');
  });

  it('leaves the fields out when the cells are empty', () => {
    const r = mentee({});
    expect(r.problems).toEqual([]);
    expect(r.mentee).not.toHaveProperty('organisationHistory');
    expect(r.mentee).not.toHaveProperty('deficitsClosedDate');
    expect(r.mentee).not.toHaveProperty('leftDate');
    // Whitespace is empty too.
    expect(mentee({ previousOrganisation: '  ', left: ' ' }).problems).toEqual([]);
  });

  it('reports bad values in Russian, keeps the typed text and does not guess', () => {
    const r = mentee({ deficitsClosed: 'в июне', left: 'давно' });
    expect(r.mentee.deficitsClosedDate).toBeUndefined();
    expect(r.mentee.leftDate).toBeUndefined();
    expect(r.problems).toEqual([
      { field: 'deficitsClosed', text: 'в июне', message: 'не дата' },
      { field: 'left', text: 'давно', message: 'не дата' },
    ]);
    expect(problemText(7, 'Дата увольнения', r.problems[1])).toBe('Строка 7, «Дата увольнения»: «давно» — не дата (оставлено как есть)');

    // An organisation not in the list: reported, its text kept as the id the history names.
    const unknown = mentee({ previousOrganisation: 'Гимназия № 9', movedOn: '01.03.2024' });
    expect(unknown.problems).toEqual([{ field: 'previousOrganisation', text: 'Гимназия № 9', message: 'такой организации нет в списке организаций' }]);
    expect(unknown.mentee.organisationHistory?.[0].organisationId).toBe('Гимназия № 9');

    // Half a move cannot place the person: reported, no history.
    const noDate = mentee({ previousOrganisation: 'ОО-01' });
    expect(noDate.mentee.organisationHistory).toBeUndefined();
    expect(noDate.problems.map((p) => [p.field, p.message])).toEqual([['previousOrganisation', 'не указана дата перехода: переход не учитывается в показателях']]);
    const noOrg = mentee({ movedOn: '01.03.2024' });
    expect(noOrg.mentee.organisationHistory).toBeUndefined();
    expect(noOrg.problems.map((p) => [p.field, p.text])).toEqual([['movedOn', '01.03.2024']]);
    const badDate = mentee({ previousOrganisation: 'ОО-01', movedOn: 'весной' });
    expect(badDate.mentee.organisationHistory).toBeUndefined();
    expect(badDate.problems).toEqual([{ field: 'movedOn', text: 'весной', message: 'не дата' }]);
    const same = mentee({ previousOrganisation: 'МБОУ «СОШ № 2»', movedOn: '01.03.2024' });
    expect(same.mentee.organisationHistory).toBeUndefined();
    expect(same.problems.map((p) => p.message)).toEqual(['совпадает с текущей ОО']);
  });

  it('takes the fields from records built before they existed (missing keys are empty)', () => {
    const rec = { ...emptyRecord(MENTEE_FIELDS), fullName: 'Орлова', organisation: 'ОО-01' } as Record<string, string>;
    for (const k of ['previousOrganisation', 'movedOn', 'deficitsClosed', 'left']) delete rec[k];
    const r = menteeFromRecord(rec as never, ctx);
    expect(r.problems).toEqual([]);
    expect(r.mentee.organisationHistory).toBeUndefined();
  });
});

describe('mentor indicator fields', () => {
  it('reads a move and reports a bad date', () => {
    const base = { ...emptyRecord(MENTOR_FIELDS), id: 'НС-1', fullName: 'Иванова', organisation: 'ОО-01' };
    const moved = mentorFromRecord({ ...base, previousOrganisation: 'ОО-02', movedOn: '01.09.2023' }, ctx);
    expect(moved.problems).toEqual([]);
    expect(moved.mentor.organisationHistory).toEqual([
      { organisationId: 'ОО-02', from: '1900-01-01' },
      { organisationId: 'ОО-01', from: '2023-09-01' },
    ]);
    expect(mentorFromRecord(base, ctx).mentor).not.toHaveProperty('organisationHistory');
    const bad = mentorFromRecord({ ...base, previousOrganisation: 'ОО-02', movedOn: '31.02.2023' }, ctx);
    expect(bad.mentor.organisationHistory).toBeUndefined();
    expect(bad.problems).toEqual([{ field: 'movedOn', text: '31.02.2023', message: 'не дата' }]);
  });

  it('moveHistory needs both parts and a different organisation', () => {
    expect(moveHistory('ОО-01', '2024-01-01', 'ОО-02')).toHaveLength(2);
    expect(moveHistory('', '2024-01-01', 'ОО-02')).toBeUndefined();
    expect(moveHistory('ОО-01', null, 'ОО-02')).toBeUndefined();
    expect(moveHistory('ОО-02', '2024-01-01', 'ОО-02')).toBeUndefined();
  });
});

describe('pair indicator fields', () => {
  it('reads the organisation by code or by name and the satisfaction scale', () => {
    const byCode = pair({ organisation: 'оо-01', satisfactionScale: '1–5' });
    expect(byCode.problems).toEqual([]);
    expect(byCode.pair.organisationId).toBe('ОО-01');
    expect(byCode.pair.satisfactionScale).toBe('1-5');
    const byName = pair({ organisation: 'МБОУ «СОШ № 2»', satisfactionScale: '0-100 %' });
    expect(byName.pair.organisationId).toBe('ОО-02');
    expect(byName.pair.satisfactionScale).toBe('0-100');
  });

  it('leaves them out when empty', () => {
    const r = pair({});
    expect(r.problems).toEqual([]);
    expect(r.pair).not.toHaveProperty('organisationId');
    expect(r.pair).not.toHaveProperty('satisfactionScale');
  });

  it('reports an unknown organisation and an unreadable scale, keeping what was typed', () => {
    const r = pair({ organisation: 'Лицей № 7', satisfactionScale: 'десятибалльная' });
    expect(r.pair.organisationId).toBe('Лицей № 7');
    expect(r.pair.satisfactionScale).toBeUndefined();
    expect(r.problems).toEqual([
      { field: 'organisation', text: 'Лицей № 7', message: 'такой организации нет в списке организаций' },
      { field: 'satisfactionScale', text: 'десятибалльная', message: 'шкала не распознана: укажите «1–5» или «0–100»' },
    ]);
    // Without a lookup (a caller that has no organisation list) the text is the id, without a problem.
    const plain = pairFromRecord({ ...emptyRecord(PAIR_FIELDS), mentorId: 'НС-1', organisation: 'ОО-09' }, STATUSES);
    expect(plain.pair.organisationId).toBe('ОО-09');
    expect(plain.problems).toEqual([]);
  });

  it('parseSatisfactionScale reads the usual spellings', () => {
    for (const t of ['1–5', '1-5', '1 — 5', '5', '5 баллов', 'пятибалльная']) expect(parseSatisfactionScale(t)).toBe('1-5');
    for (const t of ['0–100', '0-100%', '100', '%', 'проценты', 'в процентах']) expect(parseSatisfactionScale(t)).toBe('0-100');
    for (const t of ['', '1–10', 'да', '50']) expect(parseSatisfactionScale(t)).toBeNull();
  });
});
