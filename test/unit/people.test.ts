import { describe, it, expect } from 'vitest';
import {
  ageOn,
  changePairStatus,
  consentProblem,
  countsInResults,
  duplicateKey,
  findDuplicates,
  isYoungSpecialist,
  mentorLoads,
  normaliseFullName,
  pairStatusOn,
  parsePairStatus,
  programmeProblems,
  proposePair,
  youngSpecialistStatus,
  type Pair,
} from '../../src/domain/people';

describe('young specialists: under 35 AND 0–3 years of experience', () => {
  const asOf = '2024-03-01';
  it('classifies on both boundaries', () => {
    expect(isYoungSpecialist({ age: 34, experienceYears: 3 }, asOf)).toBe(true);
    expect(isYoungSpecialist({ age: 22, experienceYears: 0 }, asOf)).toBe(true);
    expect(isYoungSpecialist({ age: 35, experienceYears: 1 }, asOf)).toBe(false);
    expect(isYoungSpecialist({ age: 30, experienceYears: 3.5 }, asOf)).toBe(false);
    expect(isYoungSpecialist({ age: 30, experienceYears: -1 }, asOf)).toBe(false);
  });

  it('computes age from the birth date on the given day', () => {
    expect(ageOn('1989-03-02', '2024-03-01')).toBe(34);
    expect(ageOn('1989-03-01', '2024-03-01')).toBe(35);
    expect(ageOn('2000-02-29', '2023-02-28')).toBe(22);
    expect(ageOn('2000-02-29', '2023-03-01')).toBe(23);
    expect(ageOn('не дата', '2023-03-01')).toBeNull();
    expect(isYoungSpecialist({ age: null, birthDate: '1989-03-02', experienceYears: 2 }, asOf)).toBe(true);
    expect(isYoungSpecialist({ age: null, birthDate: '1989-03-01', experienceYears: 2 }, asOf)).toBe(false);
  });

  it('says unknown only when the missing datum could change the answer', () => {
    expect(youngSpecialistStatus({ age: null, experienceYears: 2 }, asOf)).toBe('unknown');
    expect(youngSpecialistStatus({ age: 28, experienceYears: null }, asOf)).toBe('unknown');
    expect(youngSpecialistStatus({ age: 40, experienceYears: null }, asOf)).toBe('no');
    expect(youngSpecialistStatus({ age: null, experienceYears: 10 }, asOf)).toBe('no');
  });
});

describe('consent', () => {
  it('requires a real date not later than the day in question', () => {
    expect(consentProblem({ id: 'e1', consentDate: '2023-09-01' }, 'mentee', '2023-09-01')).toBeNull();
    expect(consentProblem({ id: 'e1', consentDate: null }, 'mentee', '2023-09-01')).toBe(
      'Нет согласия наставляемого e1 на обработку персональных данных',
    );
    expect(consentProblem({ id: 'm1', consentDate: '2023-09-02' }, 'mentor', '2023-09-01')).toBe(
      'Согласие наставника m1 датировано 02.09.2023 — позже 01.09.2023',
    );
    expect(consentProblem({ id: 'm1', consentDate: '2023-13-01' }, 'mentor', '2023-09-01')).toMatch(/не распознана/);
  });
});

describe('duplicates: same normalised full name in the same organisation', () => {
  it('normalises case, ё, punctuation and spacing', () => {
    expect(normaliseFullName('  Семёнова   Анна-Мария  Петровна ')).toBe('семенова анна мария петровна');
    expect(duplicateKey({ fullName: ' ', organisationId: 'oo1' })).toBeNull();
  });

  it('groups duplicates within one organisation only', () => {
    const groups = findDuplicates([
      { id: 'p1', fullName: 'Иванова Анна Петровна', organisationId: 'oo1' },
      { id: 'p2', fullName: 'ИВАНОВА анна петровна', organisationId: 'oo2' },
      { id: 'p3', fullName: 'Иванова  Анна Петровна.', organisationId: 'OO1 ' },
      { id: 'p4', fullName: 'Петров Пётр', organisationId: 'oo1' },
      { id: 'p5', fullName: 'Петров Петр', organisationId: 'oo1' },
      { id: 'p6', fullName: 'Иванова А. П.', organisationId: 'oo1' },
      { id: 'p7', fullName: '', organisationId: 'oo1' },
      { id: 'p8', fullName: '', organisationId: 'oo1' },
    ]);
    expect(groups).toEqual([['p1', 'p3'], ['p4', 'p5']]);
  });
});

describe('ППН: 3 to 12 months', () => {
  it('accepts the bounds and the anniversary form', () => {
    expect(programmeProblems({ start: '2023-09-01', end: '2023-11-30' })).toEqual([]);
    expect(programmeProblems({ start: '2023-09-01', end: '2024-08-31' })).toEqual([]);
    expect(programmeProblems({ start: '2023-09-01', end: '2024-09-01' })).toEqual([]);
    expect(programmeProblems({ start: '2024-01-31', end: '2024-04-30' })).toEqual([]);
  });

  it('rejects too short, too long, reversed, missing and malformed', () => {
    expect(programmeProblems({ start: '2023-09-01', end: '2023-11-29' })).toEqual(['ППН короче 3 месяцев (01.09.2023–29.11.2023)']);
    expect(programmeProblems({ start: '2023-09-01', end: '2024-09-02' })).toEqual(['ППН длиннее 12 месяцев (01.09.2023–02.09.2024)']);
    expect(programmeProblems({ start: '2023-09-01', end: '2023-08-01' })).toEqual(['ППН заканчивается раньше, чем начинается (01.09.2023–01.08.2023)']);
    expect(programmeProblems(null)).toEqual(['Не указаны даты начала и окончания ППН']);
    expect(programmeProblems({ start: '2023-09-01', end: '' })).toEqual(['Не указаны даты начала и окончания ППН']);
    expect(programmeProblems({ start: '01.09.2023', end: '2024-05-31' })).toEqual(['Дата начала ППН не распознана: «01.09.2023»']);
  });
});

describe('pair status: предложено → действует → завершено / отменено, with history', () => {
  const mentor = { id: 'm1', consentDate: '2023-08-20' };
  const mentee = { id: 'e1', consentDate: '2023-08-25' };
  const proposed = (): Pair =>
    proposePair(
      {
        id: 'p1',
        mentorId: 'm1',
        menteeIds: ['e1'],
        programme: { start: '2023-09-01', end: '2024-05-31' },
        order: { number: '12-о', date: '2023-09-01' },
      },
      '2023-08-28',
    );

  it('parses Russian labels and keys', () => {
    expect(parsePairStatus(' Действует ')).toBe('active');
    expect(parsePairStatus('завершено')).toBe('completed');
    expect(parsePairStatus('cancelled')).toBe('cancelled');
    expect(parsePairStatus('в работе')).toBeNull();
  });

  it('activates with both consents, then completes; the history keeps every step', () => {
    const p0 = proposed();
    const r1 = changePairStatus(p0, { to: 'active', date: '2023-09-01', mentor, mentees: [mentee] });
    expect(r1.ok).toBe(true);
    if (!r1.ok) return;
    expect(r1.warnings).toEqual([]);
    expect(p0.status).toBe('proposed');
    const r2 = changePairStatus(r1.pair, { to: 'completed', date: '2024-05-31', note: 'ППН выполнена' });
    expect(r2.ok).toBe(true);
    if (!r2.ok) return;
    expect(r2.pair.history).toEqual([
      { date: '2023-08-28', from: null, to: 'proposed', note: '' },
      { date: '2023-09-01', from: 'proposed', to: 'active', note: '' },
      { date: '2024-05-31', from: 'active', to: 'completed', note: 'ППН выполнена' },
    ]);
    expect(countsInResults(r2.pair)).toBe(true);
    expect(pairStatusOn(r2.pair, '2023-08-27')).toBeNull();
    expect(pairStatusOn(r2.pair, '2023-12-01')).toBe('active');
    expect(pairStatusOn(r2.pair, '2024-06-01')).toBe('completed');
  });

  it('refuses activation without consent, or with consent dated later', () => {
    const p = proposed();
    expect(changePairStatus(p, { to: 'active', date: '2023-09-01' })).toEqual({
      ok: false,
      error: 'Чтобы пара начала действовать, нужны данные о согласиях наставника и наставляемых',
    });
    const late = changePairStatus(p, { to: 'active', date: '2023-09-01', mentor, mentees: [{ id: 'e1', consentDate: '2023-09-05' }] });
    expect(late).toEqual({ ok: false, error: 'Согласие наставляемого e1 датировано 05.09.2023 — позже 01.09.2023' });
    const none = changePairStatus(p, { to: 'active', date: '2023-09-01', mentor: { id: 'm1', consentDate: null }, mentees: [mentee] });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error).toMatch(/Нет согласия наставника m1/);
    const wrong = changePairStatus(p, { to: 'active', date: '2023-09-01', mentor, mentees: [{ id: 'e2', consentDate: '2023-08-01' }] });
    expect(wrong).toEqual({ ok: false, error: 'Нет данных участников пары p1: e1' });
  });

  it('warns about a missing order and an unlawful programme, but activates', () => {
    const p = proposePair({ id: 'p2', mentorId: 'm1', menteeIds: ['e1'], programme: { start: '2023-09-01', end: '2023-10-15' } }, '2023-08-28');
    const r = changePairStatus(p, { to: 'active', date: '2023-09-01', mentor, mentees: [mentee] });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.warnings).toEqual([
        'Пара не закреплена приказом: укажите номер и дату приказа',
        'ППН короче 3 месяцев (01.09.2023–15.10.2023)',
      ]);
    }
  });

  it('cancelled differs from completed: needs a reason, does not count, and is final', () => {
    const p = proposed();
    expect(changePairStatus(p, { to: 'cancelled', date: '2023-09-10' })).toEqual({ ok: false, error: 'Укажите причину отмены пары' });
    const r = changePairStatus(p, { to: 'cancelled', date: '2023-09-10', note: 'наставляемый уволился' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(countsInResults(r.pair)).toBe(false);
    expect(r.pair.history).toHaveLength(2);
    const again = changePairStatus(r.pair, { to: 'active', date: '2023-09-11', mentor, mentees: [mentee] });
    expect(again).toEqual({
      ok: false,
      error: 'Пара p1 в статусе «отменено»: история не меняется, для новой работы создайте новую пару',
    });
  });

  it('refuses impossible and backdated transitions', () => {
    const p = proposed();
    expect(changePairStatus(p, { to: 'completed', date: '2024-01-01' })).toEqual({
      ok: false,
      error: 'Нельзя перевести пару p1 из «предложено» в «завершено»',
    });
    expect(changePairStatus(p, { to: 'proposed', date: '2024-01-01' })).toEqual({ ok: false, error: 'Пара p1 уже в статусе «предложено»' });
    expect(changePairStatus(p, { to: 'cancelled', date: '2023-08-01', note: 'x' })).toEqual({
      ok: false,
      error: 'Дата 01.08.2023 раньше последнего изменения пары (28.08.2023)',
    });
  });

  it('warns when completing before the programme ends', () => {
    const r1 = changePairStatus(proposed(), { to: 'active', date: '2023-09-01', mentor, mentees: [mentee] });
    if (!r1.ok) throw new Error(r1.error);
    const r2 = changePairStatus(r1.pair, { to: 'completed', date: '2024-03-01' });
    expect(r2.ok && r2.warnings).toEqual(['ППН рассчитана до 31.05.2024, а пара завершена 01.03.2024']);
  });

  it('counts mentor load from proposed and active pairs only', () => {
    const loads = mentorLoads([
      { mentorId: 'm1', menteeIds: ['e1'], status: 'active' },
      { mentorId: 'm1', menteeIds: ['e2', 'e3'], status: 'proposed' },
      { mentorId: 'm1', menteeIds: ['e4'], status: 'completed' },
      { mentorId: 'm2', menteeIds: ['e5'], status: 'cancelled' },
    ]);
    expect(loads.get('m1')).toBe(3);
    expect(loads.get('m2')).toBeUndefined();
  });
});
