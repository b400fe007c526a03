// Formulas a coordinator puts in columns of their own on the tracker survive the add-on's rewrites of the sheet
// (refresh, re-import), each still pointing at its own activity's row after new activities push rows down.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeSheet, FakeSpreadsheet } from '../../local/spreadsheet';
import { columnLetters } from '../../local/spreadsheet/a1';
import { freshAddon } from '../harness/addon';
import { SOURCE, syntheticRoadmap, workbookWithRoadmap } from '../harness/workbooks';
import { mentorRows, openWorkbook, organisationRows, peopleBundle, typeRows } from '../harness/people-bundle';

const NOW = new Date('2023-10-10T10:00:00+03:00');
const TRACKER = 'Дорожная карта';
const DAYS = 'Дней до срока';
const SINCE = 'Дней от старта программы';

function tracker(ss: FakeSpreadsheet): FakeSheet {
  return ss.getSheetByName(TRACKER)!;
}

function header(sheet: FakeSheet): string[] {
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
}

function col(sheet: FakeSheet, label: string): number {
  const c = header(sheet).indexOf(label);
  expect(c, label).toBeGreaterThanOrEqual(0);
  return c + 1;
}

/** Activity title → its sheet row. */
function rowsByTitle(sheet: FakeSheet): Map<string, number> {
  const titles = sheet.getRange(2, col(sheet, 'Мероприятие'), sheet.getLastRow() - 1, 1).getValues();
  return new Map(titles.map((r, i) => [String(r[0]), i + 2]));
}

/** Per activity: the A1 and R1C1 text of a column's cell (formula, or '' ) and its value. */
function cells(sheet: FakeSheet, label: string): Map<string, { a1: string; r1c1: string; value: unknown }> {
  const c = col(sheet, label);
  const out = new Map<string, { a1: string; r1c1: string; value: unknown }>();
  for (const [title, row] of rowsByTitle(sheet)) {
    const cell = sheet.getRange(row, c);
    out.set(title, { a1: cell.getFormula(), r1c1: cell.getFormulaR1C1(), value: cell.getValue() });
  }
  return out;
}

function setSource(ss: FakeSpreadsheet, text: string): void {
  const source = ss.getSheetByName(SOURCE)!;
  source.clear();
  const rows = text.split('\n').map((l) => l.split('\t'));
  const width = Math.max(...rows.map((r) => r.length));
  source.getRange(1, 1, rows.length, width).setValues(rows.map((r) => [...r, ...Array(width - r.length).fill('')].map((c) => `'${c}`)));
  ss.setActiveSheet(source);
  source.setActiveRange(source.getDataRange());
}

describe('formulas in columns the coordinator added', () => {
  it('survive a refresh and follow their activity through a re-import that inserts rows', () => {
    const text = syntheticRoadmap(9);
    const ss = workbookWithRoadmap(text, NOW);
    const addon = freshAddon({ spreadsheet: ss, now: NOW });
    const range = (addon.callFromClient('importSelectionInfo', []) as { range: string }).range;
    addon.callFromClient('importApply', [{ source: 'selection', range, period: null }]);

    const sheet = tracker(ss);
    const n = sheet.getLastRow() - 1;
    expect(n).toBe(9);
    const width = sheet.getLastColumn();
    const end = columnLetters(col(sheet, 'Окончание'));
    const start = columnLetters(col(sheet, 'Начало'));
    expect([start, end]).toEqual(['G', 'H']);
    const days = width + 1;
    const since = width + 2;
    sheet.getRange(1, days, 1, 2).setValues([[DAYS, SINCE]]);
    // «Дней до срока»: the same-row formula filled down, except row 4 left empty on purpose.
    for (let r = 2; r <= n + 1; r++) if (r !== 4) sheet.getRange(r, days).setFormula(`=${end}${r}-TODAY()`);
    // «Дней от старта программы»: an absolute reference to the first activity, and one value typed over a formula.
    for (let r = 2; r <= n + 1; r++) sheet.getRange(r, since).setFormula(`=ЕСЛИ(${start}${r}="";"";${start}${r}-$${start}$2)`);
    sheet.getRange(7, since).setValue(42);

    const titles = rowsByTitle(sheet);
    const before = { days: cells(sheet, DAYS), since: cells(sheet, SINCE) };
    expect(before.days.get('Мероприятие номер 1 по развитию наставничества')).toMatchObject({ a1: '=H2-TODAY()', r1c1: `=R[0]C[${8 - days}]-TODAY()` });

    // Refresh: rows stay where they are, formulas stay exactly as typed.
    addon.run('refreshRoadmap');
    expect(cells(tracker(ss), DAYS)).toEqual(before.days);
    expect(cells(tracker(ss), SINCE)).toEqual(before.since);
    expect(tracker(ss).getRange(4, days).getFormula()).toBe('');

    // A revised roadmap with a new activity after 1.3: every later activity moves down a row.
    const revised = text.replace(/(\n1\.3\.\t[^\n]*)/, '$1\n1.4.\tНовое мероприятие: семинар наставников\tноябрь 2023 г.\tМетодический центр');
    expect(revised).not.toBe(text);
    setSource(ss, revised);
    const range2 = (addon.callFromClient('importSelectionInfo', []) as { range: string }).range;
    addon.callFromClient('importApply', [{ source: 'selection', range: range2, period: null }]);

    const after = tracker(ss);
    expect(header(after).slice(-2)).toEqual([DAYS, SINCE]);
    const moved = rowsByTitle(after);
    expect(moved.size).toBe(10);
    const newTitle = 'Новое мероприятие: семинар наставников';
    expect(moved.get(newTitle)).toBe(5);
    let shifted = 0;
    const afterDays = cells(after, DAYS);
    const afterSince = cells(after, SINCE);
    for (const [title, oldRow] of titles) {
      const row = moved.get(title)!;
      if (row !== oldRow) shifted++;
      // The R1C1 text is the same: each formula still points at its own row…
      expect(afterDays.get(title)!.r1c1, title).toBe(before.days.get(title)!.r1c1);
      expect(afterSince.get(title)!.r1c1, title).toBe(before.since.get(title)!.r1c1);
      // …so its A1 text follows the row, while the absolute reference stays on $G$2.
      expect(afterDays.get(title)!.a1, title).toBe(oldRow === 4 ? '' : `=${end}${row}-TODAY()`);
      expect(afterSince.get(title)!.a1, title).toBe(oldRow === 7 ? '' : `=ЕСЛИ(${start}${row}="";"";${start}${row}-$${start}$2)`);
    }
    expect(shifted).toBe(6);
    // The typed value moved with its activity and is still a value.
    const typed = [...titles].find(([, r]) => r === 7)![0];
    expect(afterSince.get(typed)).toEqual({ a1: '', r1c1: '', value: 42 });
    // The new activity has no formulas of its own.
    expect(afterDays.get(newTitle)).toEqual({ a1: '', r1c1: '', value: '' });
    expect(afterSince.get(newTitle)).toEqual({ a1: '', r1c1: '', value: '' });
  });

  it('costs a bounded number of writes: one per formula column, three for a column mixing formulas and values', () => {
    const measure = (n: number) => {
      const ss = workbookWithRoadmap(syntheticRoadmap(n), NOW);
      const addon = freshAddon({ spreadsheet: ss, now: NOW });
      const range = (addon.callFromClient('importSelectionInfo', []) as { range: string }).range;
      addon.callFromClient('importApply', [{ source: 'selection', range, period: null }]);
      const sheet = tracker(ss);
      const w = sheet.getLastColumn();
      const rows = sheet.getLastRow() - 1;
      sheet.getRange(1, w + 1, 1, 2).setValues([[DAYS, SINCE]]);
      sheet.getRange(2, w + 1, rows, 1).setFormulaR1C1(`=R[0]C[${8 - (w + 1)}]-TODAY()`);
      sheet.getRange(2, w + 2, rows, 1).setFormulaR1C1(`=R[0]C[${7 - (w + 2)}]-R2C7`);
      // Every other row typed over: the mixed column's cost must not follow the number of such rows.
      for (let r = 3; r <= rows + 1; r += 2) sheet.getRange(r, w + 2).setValue(r);
      const counter = addon.runtime.env.counter;
      counter.reset();
      addon.run('refreshRoadmap');
      const calls = counter.snapshot();
      const f = tracker(ss).getRange(2, w + 1, rows, 2).getFormulas();
      const v = tracker(ss).getRange(2, w + 2, rows, 1).getValues();
      return { calls, f, v, rows };
    };
    const small = measure(12);
    const large = measure(120);
    expect(large.calls).toEqual(small.calls);
    expect(small.calls['Range.getFormulasR1C1']).toBe(1);
    expect(small.calls['Range.setFormulasR1C1']).toBe(2);
    expect(small.calls['Range.getFormulas'] ?? 0).toBe(1);
    for (const { f, v, rows } of [small, large]) {
      for (let i = 0; i < rows; i++) {
        expect(f[i][0]).toBe(`=H${i + 2}-TODAY()`);
        if (i % 2 === 1) expect(v[i][0]).toBe(i + 2);
        else expect(f[i][1]).toBe(`=G${i + 2}-$G$2`);
      }
    }
  });
});

describe('formulas in a column people added to «Наставники»', () => {
  let file: string;
  beforeAll(async () => {
    file = await peopleBundle();
  });

  it('survive setting the bases up again', () => {
    const o = openWorkbook(file, { 'Лист1': [['']] }, NOW);
    o.call('setupPeopleBases');
    typeRows(o.ss, 'Организации', organisationRows(2));
    typeRows(o.ss, 'Наставники', mentorRows(4, 2));
    const sheet = o.ss.getSheetByName('Наставники')!;
    const c = sheet.getLastColumn() + 1;
    const fio = columnLetters(header(sheet).indexOf('ФИО') + 1);
    sheet.getRange(1, c).setValue('Длина ФИО');
    for (let r = 2; r <= 5; r++) sheet.getRange(r, c).setFormula(`=ДЛСТР(${fio}${r})`);
    sheet.getRange(4, c).setValue('вручную');
    const before = sheet.getRange(2, c, 4, 1).getFormulas();
    expect(before.map((x) => x[0])).toEqual([`=ДЛСТР(${fio}2)`, `=ДЛСТР(${fio}3)`, '', `=ДЛСТР(${fio}5)`]);

    o.call('setupPeopleBases');
    const after = o.ss.getSheetByName('Наставники')!;
    const c2 = header(after).indexOf('Длина ФИО') + 1;
    expect(c2).toBe(c);
    expect(after.getRange(2, c2, 4, 1).getFormulas()).toEqual(before);
    expect(after.getRange(4, c2).getValue()).toBe('вручную');
  });
});
