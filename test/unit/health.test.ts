// «Состояние наставничества»: programmes ending or past their end, mentors over capacity, mentees waiting,
// pairs without activity — with the thresholds from the settings.
import { describe, expect, it } from 'vitest';
import { healthReport, lastSignOfLife, type HealthPair } from '../../src/domain/health';
import type { PairStatus } from '../../src/domain/people';

const ASOF = '2024-03-01';

function pair(id: string, status: PairStatus, over: Partial<HealthPair> = {}): HealthPair {
  return {
    id,
    mentorId: 'НС-1',
    menteeIds: ['НЛ-1'],
    status,
    programme: { start: '2023-09-01', end: '2024-05-31' },
    order: { number: '1', date: '2023-09-01' },
    history: [
      { date: '2023-09-01', from: null, to: 'proposed', note: '' },
      ...(status === 'proposed' ? [] : [{ date: '2023-09-01', from: 'proposed' as const, to: status, note: '' }]),
    ],
    lastActivity: '2024-02-20',
    ...over,
  };
}

const kinds = (r: ReturnType<typeof healthReport>) => r.items.map((i) => [i.kind, i.id]);

describe('programmes', () => {
  it('reports an active pair whose ППН ended, with the days since', () => {
    const r = healthReport({ pairs: [pair('П1', 'active', { programme: { start: '2023-03-01', end: '2024-02-20' } })], mentors: [], mentees: [], asOf: ASOF });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ kind: 'programme-overdue', id: 'П1', date: '2024-02-20', days: 10, people: ['НС-1', 'НЛ-1'] });
    expect(r.items[0].message).toContain('20.02.2024 (10 дней назад)');
  });

  it('reports a programme ending within the window, inclusive, and not one day later', () => {
    const at = (end: string) => healthReport({ pairs: [pair('П', 'active', { programme: { start: '2023-09-01', end } })], mentors: [], mentees: [], asOf: ASOF });
    expect(kinds(at('2024-03-31'))).toEqual([['programme-ending', 'П']]);
    expect(at('2024-03-31').items[0].days).toBe(30);
    expect(kinds(at('2024-04-01'))).toEqual([]);
    expect(at('2024-03-01').items[0].message).toContain('сегодня');
    expect(kinds(healthReport({ pairs: [pair('П', 'active', { programme: { start: '2023-09-01', end: '2024-04-10' } })], mentors: [], mentees: [], asOf: ASOF, settings: { programmeEndingDays: 45 } }))).toEqual([['programme-ending', 'П']]);
  });

  it('ignores pairs that are not running: proposed, completed, cancelled', () => {
    const pairs = (['proposed', 'completed', 'cancelled'] as const).map((s, i) => pair(`П${i}`, s, { programme: { start: '2023-03-01', end: '2024-01-01' }, lastActivity: null }));
    const r = healthReport({ pairs, mentors: [], mentees: [{ id: 'НЛ-1', includedDate: '2023-01-01' }], asOf: ASOF });
    expect(r.items.filter((i) => i.kind !== 'mentee-waiting')).toEqual([]);
  });
});

describe('mentors over capacity', () => {
  it('counts proposed and active pairs, and every mentee of a group', () => {
    const pairs = [
      pair('П1', 'active', { mentorId: 'НС-1', menteeIds: ['НЛ-1', 'НЛ-2'] }),
      pair('П2', 'proposed', { mentorId: 'НС-1', menteeIds: ['НЛ-3'] }),
      pair('П3', 'completed', { mentorId: 'НС-2', menteeIds: ['НЛ-4', 'НЛ-5'] }),
      pair('П4', 'active', { mentorId: 'НС-2', menteeIds: ['НЛ-6'] }),
    ];
    const r = healthReport({ pairs, mentors: [{ id: 'НС-1', capacity: 2 }, { id: 'НС-2', capacity: 1 }], mentees: [], asOf: ASOF });
    expect(kinds(r)).toEqual([['mentor-over-capacity', 'НС-1']]);
    expect(r.items[0].message).toBe('Наставляемых 3 при 2 местах: перераспределите или увеличьте число мест');
  });
});

describe('mentees waiting', () => {
  it('reports a mentee without a pair for longer than the threshold, from inclusion', () => {
    const mentees = [
      { id: 'НЛ-1', includedDate: '2024-01-30' }, // 31 days
      { id: 'НЛ-2', includedDate: '2024-01-31' }, // 30 days: not longer
      { id: 'НЛ-3', includedDate: null },
      { id: 'НЛ-4', includedDate: '2024-04-01' }, // in the future
    ];
    const r = healthReport({ pairs: [], mentors: [], mentees, asOf: ASOF });
    expect(kinds(r)).toEqual([['mentee-waiting', 'НЛ-1']]);
    expect(r.items[0]).toMatchObject({ date: '2024-01-30', days: 31, message: 'Ждёт наставника 31 день (с 30.01.2024)' });
    expect(kinds(healthReport({ pairs: [], mentors: [], mentees, asOf: ASOF, settings: { menteeWaitingDays: 10 } }))).toEqual([['mentee-waiting', 'НЛ-1'], ['mentee-waiting', 'НЛ-2']]);
  });

  it('a mentee who left teaching no longer waits', () => {
    const mentees = [
      { id: 'НЛ-1', includedDate: '2024-01-01', leftDate: '2024-02-15' },
      { id: 'НЛ-2', includedDate: '2024-01-01', leftDate: '2024-12-31' }, // leaves later: still waiting now
    ];
    expect(kinds(healthReport({ pairs: [], mentors: [], mentees, asOf: ASOF }))).toEqual([['mentee-waiting', 'НЛ-2']]);
  });

  it('a proposed, active or completed pair ends the wait; a cancelled one starts it again', () => {
    const mentees = ['НЛ-1', 'НЛ-2', 'НЛ-3', 'НЛ-4'].map((id) => ({ id, includedDate: '2023-01-01' }));
    const cancelled = pair('П4', 'cancelled', { menteeIds: ['НЛ-4'], history: [{ date: '2023-09-01', from: null, to: 'proposed', note: '' }, { date: '2024-02-15', from: 'proposed', to: 'cancelled', note: 'отказ' }] });
    const pairs = [pair('П1', 'proposed', { menteeIds: ['НЛ-1'] }), pair('П2', 'active', { menteeIds: ['НЛ-2'] }), pair('П3', 'completed', { menteeIds: ['НЛ-3'] }), cancelled];
    const r = healthReport({ pairs, mentors: [], mentees, asOf: ASOF, settings: { menteeWaitingDays: 10 } });
    const waiting = r.items.filter((i) => i.kind === 'mentee-waiting');
    expect(waiting).toEqual([expect.objectContaining({ id: 'НЛ-4', date: '2024-02-15', days: 15 })]);
  });
});

describe('pairs without activity', () => {
  it('uses the last recorded activity, else the activation, order or programme start', () => {
    const quiet = pair('П1', 'active', { lastActivity: '2024-01-01' }); // 60 days
    const fresh = pair('П2', 'active', { lastActivity: '2024-02-20' });
    const never = pair('П3', 'active', { lastActivity: null, order: { number: '2', date: '2023-12-01' } });
    const r = healthReport({ pairs: [quiet, fresh, never], mentors: [], mentees: [], asOf: ASOF });
    expect(kinds(r)).toEqual([['pair-inactive', 'П3'], ['pair-inactive', 'П1']]);
    expect(r.items[0]).toMatchObject({ date: '2023-12-01', days: 91 });
    expect(lastSignOfLife(never)).toBe('2023-12-01');
    expect(kinds(healthReport({ pairs: [quiet], mentors: [], mentees: [], asOf: ASOF, settings: { pairInactiveDays: 60 } }))).toEqual([]);
    expect(kinds(healthReport({ pairs: [quiet], mentors: [], mentees: [], asOf: ASOF, settings: { pairInactiveDays: 59 } }))).toEqual([['pair-inactive', 'П1']]);
  });
});

describe('the report', () => {
  it('puts what is already wrong first and counts each kind', () => {
    const pairs = [
      pair('П1', 'active', { programme: { start: '2023-09-01', end: '2024-03-10' }, lastActivity: '2023-12-01' }),
      pair('П2', 'active', { mentorId: 'НС-2', programme: { start: '2023-03-01', end: '2024-02-01' } }),
      pair('П3', 'active', { mentorId: 'НС-2', menteeIds: ['НЛ-3'] }),
    ];
    const r = healthReport({ pairs, mentors: [{ id: 'НС-2', capacity: 1 }], mentees: [{ id: 'НЛ-9', includedDate: '2023-10-01' }], asOf: ASOF });
    expect(r.items.map((i) => i.kind)).toEqual(['programme-overdue', 'mentor-over-capacity', 'programme-ending', 'mentee-waiting', 'pair-inactive']);
    expect(r.counts).toEqual({ 'programme-overdue': 1, 'mentor-over-capacity': 1, 'programme-ending': 1, 'mentee-waiting': 1, 'pair-inactive': 1 });
  });
});
