// The pure parts of the indicator sheets: checklist cells as curators fill them, «Цели» rows, finding a header
// in a range, reading satisfaction from percent-formatted cells, and SPARKLINE formulas that survive any locale.
import { describe, expect, it } from 'vitest';
import { indicatorById } from '../../src/domain/indicators';
import { proposePair } from '../../src/domain/people';
import { sparklineFormula } from '../../src/sheets/dashboard-layout';
import { checklistEntry, findHeader, normaliseSatisfaction } from '../../src/sheets/indicator-ranges';
import { splitText, targetFromCells } from '../../src/sheets/indicator-sheets';
import { MENTEE_RANGE_COLUMNS } from '../../src/sheets/indicator-ranges';

const doc = { kind: 'document' as const };
const num = { kind: 'number' as const };

describe('checklistEntry', () => {
  it('reads a document mark: links, HYPERLINK formulas, yes-words, descriptions and dates', () => {
    expect(checklistEntry(doc, 'https://school1.ru/nastavnik')).toEqual({ present: true, evidence: 'https://school1.ru/nastavnik' });
    expect(checklistEntry(doc, 'есть, см. https://school1.ru/pol.pdf от 01.09.2023')).toEqual({
      present: true, evidence: 'https://school1.ru/pol.pdf', date: '2023-09-01',
    });
    expect(checklistEntry(doc, 'Положение', '=HYPERLINK("https://disk.example/p","Положение")')).toEqual({ present: true, evidence: 'https://disk.example/p' });
    expect(checklistEntry(doc, 'да')).toEqual({ present: true, evidence: '' });
    expect(checklistEntry(doc, true)).toEqual({ present: true, evidence: '' });
    expect(checklistEntry(doc, 'Приказ № 4 от 01.09.2023')).toEqual({ present: true, evidence: '', date: '2023-09-01' });
    expect(checklistEntry(doc, new Date(2023, 8, 15))).toEqual({ present: true, evidence: '', date: '2023-09-15' });
    for (const no of ['нет', 'Нет', '-', 'в работе', 'не размещено', 'планируется', false]) expect(checklistEntry(doc, no)?.present, String(no)).toBe(false);
    expect(checklistEntry(doc, '')).toBeUndefined();
    expect(checklistEntry(doc, null)).toBeUndefined();
  });

  it('reads the number of pairs by orders', () => {
    expect(checklistEntry(num, 3)).toEqual({ present: true, evidence: '', count: 3 });
    expect(checklistEntry(num, '2 пары')).toEqual({ present: true, evidence: '', count: 2 });
    expect(checklistEntry(num, 0)).toEqual({ present: false, evidence: '', count: 0 });
    expect(checklistEntry(num, 'нет')).toEqual({ present: false, evidence: '', count: 0 });
    expect(checklistEntry(num, 'много')).toEqual({ present: false, evidence: '', count: null });
    expect(checklistEntry(num, '')).toBeUndefined();
  });
});

describe('targetFromCells', () => {
  const share = indicatorById('model-implemented').unit;
  it('takes percent cells as typed or percent-formatted, with counts split by kind', () => {
    expect(targetFromCells({ percent: 0.4, count: 16, split: '9 ДОУ, 7 МОУ' }, share)).toMatchObject({
      percent: 40, count: 16, countByKind: { kindergarten: 9, school: 7 }, bound: null,
    });
    expect(targetFromCells({ percent: 80, bound: 'не менее' }, share)).toMatchObject({ percent: 80, count: null, bound: 'min' });
    expect(targetFromCells({ percent: '75 %' }, share)).toMatchObject({ percent: 75 });
    expect(targetFromCells({ split: '9 – ДОУ, 7 - школ' }, share)).toMatchObject({ count: 16, percent: null });
    // A count of a known whole is also a percent.
    expect(targetFromCells({ count: 16, of: 40 }, share)).toMatchObject({ count: 16, of: 40, percent: 40 });
    expect(targetFromCells({ bound: 'не более', count: 3 }, 'count')).toMatchObject({ count: 3, bound: 'max' });
  });

  it('falls back to the wording pasted from the programme, and to nothing', () => {
    expect(targetFromCells({ text: 'не менее 70 % от числа педагогов до 35 лет' }, share)).toMatchObject({ percent: 70, bound: 'min' });
    expect(targetFromCells({ text: 'по плану', percent: '' }, share)).toBeNull();
    expect(targetFromCells({}, share)).toBeNull();
  });

  it('writes splits the way it reads them', () => {
    const t = targetFromCells({ split: splitText({ kindergarten: 22, school: 18, college: 1 }) }, share)!;
    expect(t.countByKind).toEqual({ kindergarten: 22, school: 18, college: 1 });
  });
});

describe('findHeader', () => {
  it('skips a title row and blank rows, and never takes a data row for the header', () => {
    const grid = [
      ['Выгрузка на 01.12.2023', '', ''],
      ['', '', ''],
      ['Код', 'ФИО', 'Стаж'],
      ['НЛ-1', 'Иванова', 2],
      ['', '', ''],
      ['НЛ-2', 'Петрова', 1],
    ];
    const t = findHeader(grid, MENTEE_RANGE_COLUMNS)!;
    expect(t.headerRow).toBe(2);
    expect(t.index.get('experience')).toBe(2);
    expect(t.rows.map((r) => r.row)).toEqual([3, 5]);
    expect(findHeader([[1, 2], [3, 4]], MENTEE_RANGE_COLUMNS)).toBeNull();
  });
});

describe('normaliseSatisfaction', () => {
  const pair = (mentor: number | null, mentee: number | null) => ({ ...proposePair({ id: 'P', mentorId: 'M', menteeIds: ['E'] }, '2023-09-01'), mentorSatisfaction: mentor, menteeSatisfaction: mentee });
  it('reads percent-formatted fractions as percent and leaves scores alone', () => {
    expect(normaliseSatisfaction(pair(0.9, 0.75))).toMatchObject({ mentorSatisfaction: 90, menteeSatisfaction: 75, satisfactionScale: '0-100' });
    expect(normaliseSatisfaction(pair(0.9, 1))).toMatchObject({ mentorSatisfaction: 90, menteeSatisfaction: 100 });
    expect(normaliseSatisfaction(pair(4, 5)).satisfactionScale).toBeUndefined();
    expect(normaliseSatisfaction(pair(0.5, 4))).toMatchObject({ mentorSatisfaction: 0.5, menteeSatisfaction: 4 });
  });
});

describe('sparklineFormula', () => {
  it('writes integers as a column literal, without points it cannot know', () => {
    const share = indicatorById('young-specialists-in-mentoring');
    expect(sparklineFormula([0.25, null, 0.5714285], share)).toBe('=SPARKLINE({250;571})');
    expect(sparklineFormula([1.25, 1.5], indicatorById('mentees-per-mentor'))).toBe('=SPARKLINE({125;150})');
    expect(sparklineFormula([3, 5, 8], indicatorById('active-pairs'))).toBe('=SPARKLINE({3;5;8})');
    expect(sparklineFormula([0.5], share)).toBe('');
    expect(sparklineFormula([null, 0.5], share)).toBe('');
  });
});
