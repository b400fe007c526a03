import { describe, expect, it } from 'vitest';
import { executionSummary, mergeRoadmap, recurrenceLabel, statusOn, type TrackerRecord } from '../../src/domain/tracker';
import type { Deadline, Roadmap, RoadmapActivity } from '../../src/domain/types';

function deadline(text: string, windows: [string, string][] = [], kind: Deadline['kind'] = 'dated'): Deadline {
  return { text, kind, recurrence: null, windows: windows.map(([start, end]) => ({ start, end })) };
}

function activity(number: string, title: string, d: Deadline = deadline('Декабрь 2023', [['2023-12-01', '2023-12-31']]), line = 1): RoadmapActivity {
  return { number, section: '1', title, result: '', responsible: ['УО', 'МБУ «МЦ»'], deadline: d, source: { line } };
}

function roadmap(activities: RoadmapActivity[]): Roadmap {
  return { title: 'План', period: null, sections: [{ number: '1', title: 'Организация', deadline: null, responsible: [] }], activities, warnings: [] };
}

describe('mergeRoadmap', () => {
  it('adds every activity of a first import with stable codes and planned status', () => {
    const { records, changes } = mergeRoadmap([], roadmap([activity('1.1', 'Приказ'), activity('1.2', 'Положение')]), '2023-10-01');
    expect(records.map((r) => [r.id, r.number, r.status, r.section, r.responsible])).toEqual([
      ['ДК-001', '1.1', 'запланировано', 'Организация', 'УО; МБУ «МЦ»'],
      ['ДК-002', '1.2', 'запланировано', 'Организация', 'УО; МБУ «МЦ»'],
    ]);
    expect(records[0]).toMatchObject({ start: '2023-12-01', end: '2023-12-31', nextDue: '2023-12-31', kind: 'к сроку' });
    expect(changes.map((c) => c.kind)).toEqual(['added', 'added']);
  });

  it('keeps what people entered on re-import, reports changed fields and keeps removed activities', () => {
    const first = mergeRoadmap([], roadmap([activity('1.1', 'Приказ о внедрении'), activity('1.2', 'Положение'), activity('1.3', 'Семинар')]), '2023-10-01').records;
    first[0] = { ...first[0], status: 'выполнено', doneDate: '2023-11-20', comment: 'приказ № 5', evidence: 'https://x' };
    first[2] = { ...first[2], status: 'в работе' };
    const revised = roadmap([
      activity('1.1', 'Приказ о внедрении', deadline('Январь 2024', [['2024-01-01', '2024-01-31']])),
      activity('1.2', 'Новое мероприятие'),
      activity('2.5', 'Положение'),
    ]);
    const { records, changes } = mergeRoadmap(first, revised, '2023-10-01');
    const byTitle = new Map(records.map((r) => [r.title, r]));
    expect(byTitle.get('Приказ о внедрении')).toMatchObject({ id: 'ДК-001', status: 'выполнено', doneDate: '2023-11-20', comment: 'приказ № 5', evidence: 'https://x', end: '2024-01-31' });
    // Renumbered but same title: same record.
    expect(byTitle.get('Положение')).toMatchObject({ id: 'ДК-002', number: '2.5' });
    expect(byTitle.get('Новое мероприятие')).toMatchObject({ id: 'ДК-004', status: 'запланировано' });
    expect(byTitle.get('Семинар')).toMatchObject({ id: 'ДК-003', status: 'в работе', importNote: 'Нет в новой редакции дорожной карты' });
    const kinds = Object.fromEntries(changes.map((c) => [c.title, c]));
    expect(kinds['Приказ о внедрении'].kind).toBe('changed');
    expect(kinds['Приказ о внедрении'].fields).toEqual(['срок', 'начало', 'окончание']);
    expect(kinds['Положение'].fields).toEqual(['№']);
    expect(kinds['Семинар'].kind).toBe('removed');
  });

  it('matches a lightly edited title under the same number', () => {
    const first = mergeRoadmap([], roadmap([activity('3', 'Проведение семинара для кураторов ОО')]), '2023-10-01').records;
    first[0].status = 'выполнено';
    const { records, changes } = mergeRoadmap(first, roadmap([activity('3', 'Проведение семинара для кураторов и наставников ОО')]), '2023-10-01');
    expect(records).toHaveLength(1);
    expect(records[0].status).toBe('выполнено');
    expect(changes[0].kind).toBe('changed');
  });

  it('next due date is the first occurrence not yet past', () => {
    const d = deadline('сентябрь 2022, декабрь 2022, март 2023', [['2022-09-01', '2022-09-30'], ['2022-12-01', '2022-12-31'], ['2023-03-01', '2023-03-31']]);
    const { records } = mergeRoadmap([], roadmap([activity('5', 'Семинары', d)]), '2022-10-15');
    expect(records[0]).toMatchObject({ start: '2022-09-01', end: '2023-03-31', nextDue: '2022-12-31' });
  });

  it('copies import warnings of the activity line into the note', () => {
    const r = roadmap([activity('1', 'А', deadline('в 2052', [], 'unparsed'), 7)]);
    r.warnings.push({ line: 7, message: 'Срок не распознан' });
    expect(mergeRoadmap([], r, '2023-01-01').records[0].importNote).toBe('Срок не распознан');
  });
});

describe('statusOn', () => {
  const rec = (status: string, end: string, doneDate = ''): Pick<TrackerRecord, 'status' | 'end' | 'doneDate'> => ({ status, end, doneDate });
  it.each([
    ['запланировано', '2023-01-31', '', '2023-02-01', 'просрочено'],
    ['в работе', '2023-01-31', '', '2023-01-31', 'в работе'],
    ['', '2023-05-31', '', '2023-02-01', 'запланировано'],
    ['просрочено', '2023-05-31', '', '2023-02-01', 'запланировано'],
    ['выполнено', '2023-01-31', '', '2024-01-01', 'выполнено'],
    ['отменено', '2023-01-31', '', '2024-01-01', 'отменено'],
    ['запланировано', '2023-01-31', '2023-01-20', '2024-01-01', 'выполнено'],
    ['запланировано', '', '', '2024-01-01', 'запланировано'],
  ])('%s, end %s, done %s on %s → %s', (status, end, done, asOf, expected) => {
    expect(statusOn(rec(status, end, done), asOf)).toBe(expected);
  });
});

describe('executionSummary', () => {
  it('counts done on time, overdue and open, ignoring activities removed from the roadmap', () => {
    const base = mergeRoadmap([], roadmap([activity('1', 'А'), activity('2', 'Б'), activity('3', 'В'), activity('4', 'Г')]), '2023-01-01').records;
    base[0] = { ...base[0], status: 'выполнено', doneDate: '2023-12-10' };
    base[1] = { ...base[1], status: 'выполнено', doneDate: '2024-01-10' };
    base[3] = { ...base[3], importNote: 'Нет в новой редакции дорожной карты' };
    expect(executionSummary(base, '2024-02-01')).toEqual({ total: 3, done: 2, doneOnTime: 1, overdue: 1, cancelled: 0, open: 0 });
  });
});

describe('recurrenceLabel', () => {
  it('reads as Russian', () => {
    expect(recurrenceLabel({ frequency: 'yearly', until: '2024-02-01' })).toBe('ежегодно до 01.02.2024');
    expect(recurrenceLabel({ frequency: 'times-per-year', times: 2 })).toBe('2 раза в год');
    expect(recurrenceLabel({ frequency: 'times-per-year', times: 5 })).toBe('5 раз в год');
    expect(recurrenceLabel(null)).toBe('');
  });
});
