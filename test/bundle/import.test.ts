// The import menu end to end through the built bundle: preview, apply, re-import, errors and call budgets.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FakeSpreadsheet } from '../../local/spreadsheet';
import { freshAddon } from '../harness/addon';
import { seedText, SOURCE, syntheticRoadmap, workbookWithRoadmap } from '../harness/workbooks';

const NOW = new Date('2023-10-10T10:00:00+03:00');

type Preview = {
  roadmap: { title: string; period: { start: string; end: string } | null; activities: { number: string; title: string }[]; warnings: unknown[] };
  counts: Record<'added' | 'changed' | 'unchanged' | 'removed', number>;
  changes: { kind: string; title: string; fields: string[] }[];
};

function open(text: string, now = NOW) {
  const ss = workbookWithRoadmap(text, now);
  const addon = freshAddon({ spreadsheet: ss, now });
  const sel = addon.callFromClient('importSelectionInfo', []) as { range: string; rows: number };
  const req = { source: 'selection', range: sel.range, period: null };
  return { ss, addon, req, sel };
}

function sheetValues(ss: FakeSpreadsheet, name: string): unknown[][] {
  return ss.getSheetByName(name)!.getDataRange().getValues();
}

function column(values: unknown[][], label: string): unknown[] {
  const c = values[0].indexOf(label);
  expect(c, `column ${label}`).toBeGreaterThanOrEqual(0);
  return values.slice(1).map((r) => r[c]);
}

describe('import from the selected range', () => {
  it('previews without writing, then writes the tracker sheet with its formatting', () => {
    const { ss, addon, req, sel } = open(seedText('pogranichny'));
    expect(sel.range.startsWith(`'${SOURCE}'!A1:`)).toBe(true);
    const preview = addon.callFromClient('importPreview', [req]) as Preview;
    expect(ss.getSheetByName('Дорожная карта')).toBeNull();
    expect(preview.roadmap.activities.length).toBeGreaterThan(10);
    expect(preview.counts.added).toBe(preview.roadmap.activities.length);
    expect(preview.roadmap.period).toEqual({ start: '2022-09-01', end: '2023-08-31' });

    const result = addon.callFromClient('importApply', [req]) as { written: number; calendarRows: number };
    expect(result.written).toBe(preview.roadmap.activities.length);
    const sheet = ss.getSheetByName('Дорожная карта')!;
    const values = sheetValues(ss, 'Дорожная карта');
    expect(values).toHaveLength(result.written + 1);
    expect(column(values, '№')).toEqual(preview.roadmap.activities.map((a) => a.number));
    expect(column(values, 'Мероприятие')).toEqual(preview.roadmap.activities.map((a) => a.title));
    expect(new Set(column(values, 'Статус'))).toEqual(new Set(['запланировано', 'просрочено']));
    // «до 01.09.2022 г.» is long past on 10.10.2023: overdue; its end is a real date cell.
    const first = values[1];
    const endCell = first[values[0].indexOf('Окончание')];
    expect(Object.prototype.toString.call(endCell)).toBe('[object Date]');

    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getFilter()).not.toBeNull();
    expect(sheet.getConditionalFormatRules()).toHaveLength(4);
    const statusCol = values[0].indexOf('Статус') + 1;
    const rule = sheet.getRange(2, statusCol).getDataValidation();
    expect(rule?.getCriteriaValues()[0]).toEqual(['запланировано', 'в работе', 'выполнено', 'просрочено', 'отменено']);
    const protections = sheet.getProtections('RANGE' as never);
    expect(protections.length).toBe(7);
    expect(protections.every((p) => p.isWarningOnly())).toBe(true);
    // The calendar was built too.
    expect(result.calendarRows).toBeGreaterThanOrEqual(result.written);
    expect(sheetValues(ss, 'Календарь')[0]).toEqual(['Месяц', 'Начало', 'Окончание', '№', 'Мероприятие', 'Ответственные', 'Состояние', 'Код']);
  });

  it('keeps activity numbers as text, not dates', () => {
    const { ss, addon, req } = open(syntheticRoadmap(9));
    addon.callFromClient('importApply', [req]);
    expect(column(sheetValues(ss, 'Дорожная карта'), '№').slice(0, 3)).toEqual(['1.1', '1.2', '1.3']);
  });
});

describe('re-import of a revised roadmap', () => {
  it('keeps statuses, dates, comments and added columns, and previews the changes', () => {
    const text = syntheticRoadmap(12);
    const { ss, addon, req } = open(text);
    addon.callFromClient('importApply', [req]);
    const sheet = ss.getSheetByName('Дорожная карта')!;
    let values = sheetValues(ss, 'Дорожная карта');
    const col = (label: string) => values[0].indexOf(label) + 1;
    // A curator marks activity 2 done with evidence, comments on 3, and the coordinator adds a column.
    sheet.getRange(3, col('Статус')).setValue('выполнено');
    sheet.getRange(3, col('Дата выполнения')).setValue(new Date(2023, 8, 20));
    sheet.getRange(3, col('Комментарий')).setValue('приказ № 12 от 20.09.2023');
    sheet.getRange(4, col('Комментарий')).setValue('перенесено');
    const extra = values[0].length + 1;
    sheet.getRange(1, extra).setValue('Моя заметка');
    sheet.getRange(4, extra).setValue('позвонить в УО');
    // Pasted over the validation rule (pasting replaces it): the add-on must keep the text as typed.
    sheet.getRange(5, col('Дата выполнения')).clearDataValidations().setValue('вчера');

    const revised = text
      .replace('Мероприятие номер 3 по развитию наставничества\tдекабрь 2023 г.', 'Мероприятие номер 3 по развитию наставничества\tянварь 2024 г.')
      .replace(/\n1\.1\.\t[^\n]*/, '')
      .concat('\n3.5.\tНовое мероприятие: конкурс наставников\tапрель 2024 г.\tУправление образования');
    const source = ss.getSheetByName(SOURCE)!;
    source.clear();
    const rows = revised.split('\n').map((l) => l.split('\t'));
    const width = Math.max(...rows.map((r) => r.length));
    source.getRange(1, 1, rows.length, width).setValues(rows.map((r) => [...r, ...Array(width - r.length).fill('')]).map((r) => r.map((c) => `'${c}`)));
    ss.setActiveSheet(source);
    source.setActiveRange(source.getDataRange());
    const req2 = { ...req, range: (addon.callFromClient('importSelectionInfo', []) as { range: string }).range };

    const preview = addon.callFromClient('importPreview', [req2]) as Preview & { problems: string[] };
    expect(preview.counts).toEqual({ added: 1, changed: 1, unchanged: 10, removed: 1 });
    expect(preview.changes.find((c) => c.kind === 'changed')?.fields).toContain('срок');
    expect(preview.problems.join(' ')).toContain('вчера');
    addon.callFromClient('importApply', [req2]);

    values = sheetValues(ss, 'Дорожная карта');
    const byTitle = new Map(values.slice(1).map((r) => [String(r[values[0].indexOf('Мероприятие')]), r]));
    const get = (title: string, label: string) => byTitle.get(title)![values[0].indexOf(label)];
    expect(get('Мероприятие номер 2 по развитию наставничества', 'Статус')).toBe('выполнено');
    expect(get('Мероприятие номер 2 по развитию наставничества', 'Комментарий')).toBe('приказ № 12 от 20.09.2023');
    expect(get('Мероприятие номер 3 по развитию наставничества', 'Комментарий')).toBe('перенесено');
    expect(get('Мероприятие номер 3 по развитию наставничества', 'Моя заметка')).toBe('позвонить в УО');
    expect(get('Мероприятие номер 3 по развитию наставничества', 'Срок (как в документе)')).toBe('январь 2024 г.');
    expect(get('Мероприятие номер 4 по развитию наставничества', 'Дата выполнения')).toBe('вчера');
    expect(get('Мероприятие номер 1 по развитию наставничества', 'Замечания импорта')).toBe('Нет в новой редакции дорожной карты');
    expect(get('Новое мероприятие: конкурс наставников', 'Статус')).toBe('запланировано');
    expect(values).toHaveLength(14);
  });
});

describe('other sources and bad input', () => {
  it('imports pasted text', () => {
    const { ss, addon } = open('x');
    const res = addon.callFromClient('importApply', [{ source: 'text', text: syntheticRoadmap(7) }]) as { written: number };
    expect(res.written).toBe(7);
    expect(ss.getSheetByName('Дорожная карта')).not.toBeNull();
  });

  it('imports text copied from a PDF, where columns are aligned with spaces', () => {
    const { ss, addon } = open('x');
    // Real `pdftotext -layout` output of a roadmap table.
    const pdf = fs.readFileSync('test/fixtures/roadmaps-layout/lyceum-pdftotext.txt', 'utf8');
    const preview = addon.callFromClient('importPreview', [{ source: 'text', text: pdf }]) as Preview;
    expect(preview.roadmap.activities.length).toBeGreaterThan(2);
    const res = addon.callFromClient('importApply', [{ source: 'text', text: pdf }]) as { written: number };
    expect(res.written).toBe(preview.roadmap.activities.length);
    expect(ss.getSheetByName('Дорожная карта')!.getLastRow()).toBe(res.written + 1);
  });

  it('imports the table of a Google Doc through the Docs API', () => {
    const { addon } = open('x');
    const DocumentApp = addon.runtime.services.globals.DocumentApp;
    const doc = DocumentApp.create('Дорожная карта');
    const body = doc.getBody();
    body.appendParagraph('План мероприятий по внедрению наставничества на 2023-2024 учебный год');
    const rows = syntheticRoadmap(10).split('\n').slice(2).map((l) => l.split('\t')).map((r) => [...r, '', '', ''].slice(0, 4));
    body.appendTable(rows);
    const preview = addon.callFromClient('importPreview', [{ source: 'doc', docUrl: doc.getUrl() }]) as Preview;
    expect(preview.roadmap.activities).toHaveLength(10);
    expect(preview.roadmap.period).toEqual({ start: '2023-09-01', end: '2024-08-31' });
  });

  it.each([
    [{ source: 'text', text: '   ' }, /Вставьте текст дорожной карты/],
    [{ source: 'text', text: 'просто письмо без таблицы\nс двумя строками' }, /не найдено ни одного мероприятия|не найден/i],
    [{ source: 'doc', docUrl: 'не ссылка' }, /ссылку на Google Документ/],
    [{ source: 'doc', docUrl: 'https://docs.google.com/document/d/1234567890abcdefghij/edit' }, /Документ не открылся/],
    [{ source: 'selection' }, /Выделите/],
    [{ source: 'selection', range: "'Нет такого'!A1:B2" }, /не найден/],
  ])('%j gives a Russian message', (req, message) => {
    const { addon } = open('x');
    expect(() => addon.callFromClient('importPreview', [req])).toThrow(message);
  });

  it('refuses to import the tracker sheet into itself', () => {
    const { ss, addon, req } = open(syntheticRoadmap(5));
    addon.callFromClient('importApply', [req]);
    const tracker = ss.getSheetByName('Дорожная карта')!;
    ss.setActiveSheet(tracker);
    tracker.setActiveRange(tracker.getDataRange());
    const range = (addon.callFromClient('importSelectionInfo', []) as { range: string }).range;
    expect(() => addon.callFromClient('importPreview', [{ source: 'selection', range }])).toThrow(/это уже трекер/);
  });

  it('the menu opens the import dialog', () => {
    const { addon } = open('x');
    addon.run('showImportDialog');
    const dialogs = addon.runtime.services.ui._dialogs;
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0].title).toBe('Импорт дорожной карты');
    expect(dialogs[0].content).toContain('google.script.run');
  });
});

describe('call budgets', () => {
  type Calls = Record<string, number>;
  // Growing a sheet past its 1,000 rows is one call per sheet, made only when needed.
  const GROW = ['Sheet.insertRowsAfter', 'Sheet.insertColumnsAfter'];
  const withoutGrow = (c: Calls) => Object.fromEntries(Object.entries(c).filter(([k]) => !GROW.includes(k)));
  const grow = (c: Calls) => GROW.reduce((n, k) => n + (c[k] ?? 0), 0);

  function importCalls(n: number): Record<'preview' | 'apply' | 'reimport' | 'refresh', Calls> {
    const { addon, req } = open(syntheticRoadmap(n));
    const counter = addon.runtime.env.counter;
    const measure = (action: () => unknown) => {
      counter.reset();
      action();
      return counter.snapshot();
    };
    return {
      preview: measure(() => addon.callFromClient('importPreview', [req])),
      apply: measure(() => addon.callFromClient('importApply', [req])),
      reimport: measure(() => addon.callFromClient('importApply', [req])),
      refresh: measure(() => addon.run('refreshRoadmap')),
    };
  }

  it('importing 20 or 2,000 activities costs the same service calls', () => {
    const small = importCalls(20);
    const large = importCalls(2000);
    for (const op of ['preview', 'apply', 'reimport', 'refresh'] as const) {
      expect(withoutGrow(large[op]), op).toEqual(withoutGrow(small[op]));
      // At most one grow per sheet (tracker and calendar), only on the first write.
      expect(grow(large[op]), op).toBeLessThanOrEqual(op === 'apply' ? 2 : 0);
    }
    const total = (c: Calls) => Object.values(c).reduce((a, b) => a + b, 0);
    expect(total(small.preview)).toBeLessThan(20);
    expect(total(small.apply)).toBeLessThan(300);
    // No per-cell reads or writes anywhere.
    for (const op of Object.values(large)) {
      for (const k of ['Range.getValue', 'Range.setValue', 'Sheet.appendRow']) expect(op[k] ?? 0, k).toBe(0);
    }
  });
});

describe('statuses follow the clock', () => {
  it('refresh marks an activity overdue once its deadline passes', () => {
    const { ss, addon, req } = open(syntheticRoadmap(3), new Date('2023-09-05T10:00:00+03:00'));
    addon.callFromClient('importApply', [req]);
    const status = () => column(sheetValues(ss, 'Дорожная карта'), 'Статус');
    expect(status()).toEqual(['запланировано', 'запланировано', 'запланировано']);
    addon.runtime.env.setNow(new Date('2023-11-02T10:00:00+03:00'));
    const r = addon.run<{ overdue: number }>('refreshRoadmap');
    expect(status()).toEqual(['просрочено', 'просрочено', 'запланировано']);
    expect(r.overdue).toBe(2);
    expect(addon.runtime.spreadsheet._toasts.at(-1)?.message).toContain('просрочено: 2');
  });
});

describe('coordinators may change the tracker layout', () => {
  it('finds columns after a column is inserted and a header renamed (developer metadata)', () => {
    const { ss, addon, req } = open(syntheticRoadmap(3), new Date('2023-09-05T10:00:00+03:00'));
    addon.callFromClient('importApply', [req]);
    const sheet = ss.getSheetByName('Дорожная карта')!;
    sheet.insertColumnBefore(2);
    sheet.getRange(1, 2, 4, 1).setValues([['Куратор'], ['Иванова'], ['Петрова'], ['Сидорова']]);
    const before = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.getRange(1, before.indexOf('Статус') + 1).setValue('Отметка');
    addon.runtime.env.setNow(new Date('2023-11-02T10:00:00+03:00'));
    addon.run('refreshRoadmap');
    const values = sheetValues(ss, 'Дорожная карта');
    expect(values[0].indexOf('Статус')).toBe(-1);
    expect(column(values, 'Отметка')).toEqual(['просрочено', 'просрочено', 'запланировано']);
    expect(column(values, 'Куратор')).toEqual(['Иванова', 'Петрова', 'Сидорова']);
    expect(column(values, 'Мероприятие')).toEqual([1, 2, 3].map((i) => `Мероприятие номер ${i} по развитию наставничества`));
  });

  it('finds columns by header text in any order when there is no metadata (e.g. a tracker saved and reopened)', () => {
    const { ss, addon, req } = open(syntheticRoadmap(3), new Date('2023-09-05T10:00:00+03:00'));
    addon.callFromClient('importApply', [req]);
    const sheet = ss.getSheetByName('Дорожная карта')!;
    for (const md of sheet.createDeveloperMetadataFinder().find()) md.remove();
    const values = sheetValues(ss, 'Дорожная карта');
    const order = [...values[0].keys()].reverse();
    // Moving columns in Sheets moves their rules too; rewriting the block here must not trip the old ones.
    sheet.getDataRange().clearDataValidations();
    sheet.getRange(1, 1, values.length, values[0].length).setValues(values.map((r) => order.map((c) => r[c])));
    addon.runtime.env.setNow(new Date('2023-11-02T10:00:00+03:00'));
    addon.run('refreshRoadmap');
    const after = sheetValues(ss, 'Дорожная карта');
    expect(after[0]).toEqual(order.map((c) => values[0][c]));
    expect(column(after, 'Статус')).toEqual(['просрочено', 'просрочено', 'запланировано']);
  });
});
