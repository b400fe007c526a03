import { describe, expect, it } from 'vitest';
import { buildCalendar, compareNumbers, monthLabel } from '../../src/domain/calendar';
import type { TrackerRecord } from '../../src/domain/tracker';

const PERIOD = { start: '2022-09-01', end: '2024-08-31' };

function rec(id: string, number: string, deadlineText: string, extra: Partial<TrackerRecord> = {}): TrackerRecord {
  return {
    id, number, section: '', title: `Мероприятие ${number}`, result: '', responsible: 'УО', deadlineText,
    start: '', end: '', nextDue: '', kind: '', recurrence: '', status: 'запланировано', doneDate: '', evidence: '', comment: '',
    importNote: '', ...extra,
  };
}

describe('buildCalendar', () => {
  it('expands a recurring activity into one row per occurrence over the plan period', () => {
    const { rows } = buildCalendar([rec('ДК-001', '1', 'Ежегодно, май')], PERIOD, '2023-01-15');
    expect(rows.map((r) => [r.month, r.start, r.end, r.state])).toEqual([
      ['май 2023', '2023-05-01', '2023-05-31', 'запланировано'],
      ['май 2024', '2024-05-01', '2024-05-31', 'запланировано'],
    ]);
  });

  it('orders by deadline, states each occurrence on the date and counts this month and overdue', () => {
    const records = [
      rec('ДК-002', '2', 'декабрь 2022 г.'),
      rec('ДК-001', '1', 'сентябрь 2022 г., январь 2023 г., март 2023 г.'),
      rec('ДК-003', '3', 'По согласованию'),
      rec('ДК-004', '4', 'январь 2023 г.', { status: 'выполнено', doneDate: '2023-01-10' }),
      rec('ДК-005', '5', 'октябрь 2022 г.', { status: 'отменено' }),
    ];
    const { rows, dueThisMonth, overdue } = buildCalendar(records, PERIOD, '2023-01-20');
    expect(rows.map((r) => `${r.number}:${r.end}:${r.state}`)).toEqual([
      '1:2022-09-30:просрочено',
      '5:2022-10-31:отменено',
      '2:2022-12-31:просрочено',
      '1:2023-01-31:срок скоро',
      '4:2023-01-31:выполнено',
      '1:2023-03-31:запланировано',
      '3::по условию',
    ]);
    expect(overdue).toBe(2);
    expect(dueThisMonth).toBe(1);
  });

  it('a recurring activity done once stays open for its later occurrences', () => {
    const { rows } = buildCalendar([rec('ДК-001', '1', 'Ежегодно, май', { status: 'выполнено', doneDate: '2023-05-20' })], PERIOD, '2023-06-01');
    expect(rows.map((r) => r.state)).toEqual(['выполнено', 'запланировано']);
  });
});

describe('helpers', () => {
  it('labels months in Russian', () => {
    expect(monthLabel('2023-09-30')).toBe('сентябрь 2023');
    expect(monthLabel('2024-01-01')).toBe('январь 2024');
  });
  it('compares activity numbers part by part', () => {
    expect(['1.10', '1.9', '2', '1.2.1', '10', 'А'].sort(compareNumbers)).toEqual(['1.2.1', '1.9', '1.10', '2', '10', 'А']);
  });
});
