// Scheduled reports end to end through a bundle built from test/fixtures/bundles/report-entry.ts (the report
// functions are not wired into src/main.ts yet), loaded in gas-local over the counting fakes: the daily
// trigger, runs on due dates, idempotence, failures, the time budget, concurrency, the trigger context, and
// the Doc renderer (structure, template filling, errors, call budget).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error build.mjs is plain JavaScript without type declarations
import { buildServer } from '../../build.mjs';
import { saveDocx } from '../../local/docx';
import { createRuntime, loadAddon, type Addon, type LocalRuntime } from '../../local/runtime';
import { FakeDocument } from '../../local/services/document-app';
import { FakeListItem, FakeParagraph, FakeTable, type FakeBody } from '../../local/services/document';
import { MIME, type DriveItem } from '../../local/services/drive';
import { callsOf } from '../harness/addon';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const gasLocal = require('gas-local') as { require(dir: string, globals: object, opts?: { filter(f: string): boolean }): Record<string, unknown> };

type RunResult = {
  skipped: boolean;
  produced: { code: string; kind: string; name: string; url: string }[];
  failed: { code: string; kind: string; message: string }[];
  remaining: number;
  message: string;
};

let bundle = '';

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-reports-'));
  bundle = path.join(dir, 'Code.js');
  await buildServer({ entry: 'test/fixtures/bundles/report-entry.ts', functionsFile: 'src/addon/functions.ts', outFile: bundle });
}, 60_000);

const ROADMAP = [
  'План мероприятий (дорожная карта) по реализации целевой модели наставничества на 2023-2024 учебный год',
  '',
  '№ п/п\tНаименование мероприятия\tСроки реализации\tОтветственный исполнитель',
  '1.\tОрганизационный этап\t\t',
  '1.1.\tИздание приказа о внедрении целевой модели наставничества\tсентябрь 2023 г.\tУправление образования',
  '1.2.\tМониторинг реализации программ наставничества\tдекабрь 2023 г., май 2024 г.\tМБУ «Методический центр»',
  '1.3.\tФормирование базы наставников и наставляемых\tоктябрь 2023 г.\tОО',
  '2.\tОсновной этап\t\t',
  '2.1.\tАнализ результатов программы наставничества\tянварь 2024 г.\tМБУ «Методический центр»',
  '2.2.\tКонкурс «Наставник года»\tмарт 2024 г.\tУправление образования',
].join('\n');

const SCHEDULE = 'Расписание отчётов';
const LOG = 'Журнал отчётов';

/** A workbook with the roadmap imported through the add-on on `now`. */
function workbook(now: string): { addon: Addon; runtime: LocalRuntime } {
  const runtime = createRuntime({ now: new Date(now) });
  const ss = runtime.spreadsheet;
  const rows = ROADMAP.split('\n').map((l) => l.split('\t'));
  const source = ss._addSheet('Исходная ДК', ss._sheets.length, undefined, { rows: 100, columns: 10 });
  source._put(1, 1, rows);
  ss.setActiveSheet(source);
  source.setActiveRange(source.getDataRange());
  const addon = loadAddon(runtime, bundle);
  const sel = addon.callFromClient('importSelectionInfo', []) as { range: string };
  addon.callFromClient('importApply', [{ source: 'selection', range: sel.range, period: null }]);
  runtime.services.locks._endExecution();
  return { addon, runtime };
}

function setNow(runtime: LocalRuntime, iso: string): void {
  runtime.env.setNow(new Date(iso));
}

/** Fire the daily trigger as Apps Script does: no active spreadsheet, no document lock. */
function fire(addon: Addon): RunResult {
  const { env, services } = addon.runtime;
  const saved = env.context;
  env.context = 'trigger';
  try {
    const uid = services.triggers.clockTriggers()[0]?.id;
    return addon.run<RunResult>('runScheduledReports', { authMode: 'FULL', triggerUid: uid });
  } finally {
    env.context = saved;
    services.locks._endExecution();
  }
}

function table(runtime: LocalRuntime, name: string): Record<string, unknown>[] {
  const values = runtime.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
  const header = values[0].map(String);
  return values.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

function docs(runtime: LocalRuntime): DriveItem[] {
  return [...runtime.services.drive.items.values()].filter((i) => i.mimeType === MIME.GOOGLE_DOCS && !i.trashed);
}

/** Put rows into the schedule as a person would type them (stored verbatim, past the validation rules). */
function addScheduleRows(runtime: LocalRuntime, rows: Record<string, unknown>[]): void {
  const sheet = runtime.spreadsheet.getSheetByName(SCHEDULE)!;
  const values = sheet.getDataRange().getValues();
  const header = values[0].map(String);
  const last = values.length;
  sheet._put(last + 1, 1, rows.map((r) => header.map((h) => r[h] ?? '')));
}

const day = (y: number, m: number, d: number) => new Date(y, m - 1, d);

function bodyOf(item: DriveItem): FakeBody {
  return item.body!;
}

describe('the bundle', () => {
  it('touches no service while it loads (report kinds register without one)', () => {
    const touched: string[] = [];
    const globals: Record<string, unknown> = { console };
    for (const name of ['SpreadsheetApp', 'DocumentApp', 'DriveApp', 'PropertiesService', 'LockService', 'ScriptApp', 'MimeType', 'Utilities', 'Session']) {
      Object.defineProperty(globals, name, { get() { touched.push(name); throw new Error(`${name} touched at load`); } });
    }
    const context = gasLocal.require(path.dirname(bundle), globals, { filter: (f) => path.basename(f) === path.basename(bundle) });
    expect(touched).toEqual([]);
    expect(typeof context.runScheduledReports).toBe('function');
    expect((context.reportKinds as () => string[])()).toEqual(['Сводка по дорожной карте']);
  });
});

describe('the daily trigger', () => {
  it('is installed once however often it is turned on, and builds the schedule from the roadmap', () => {
    const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
    const first = addon.run<{ created: boolean; hour: number }>('installReportTrigger');
    const second = addon.run<{ created: boolean }>('installReportTrigger');
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    const clocks = runtime.services.triggers.clockTriggers();
    expect(clocks).toHaveLength(1);
    expect(clocks[0].handler).toBe('runScheduledReports');
    expect(clocks[0].clock).toMatchObject({ everyDays: 1, atHour: 7 });
    // The trigger has no active spreadsheet: the id is kept in the document's properties.
    const props = runtime.services.properties.documentStore(runtime.spreadsheet.getId());
    expect(props.get('nastavnik.reports.spreadsheetId')).toBe(runtime.spreadsheet.getId());

    const schedule = table(runtime, SCHEDULE);
    expect(schedule.map((r) => r['Код'])).toEqual(['ДК/31.12.2023', 'ДК/31.01.2024', 'ДК/31.05.2024']);
    expect(schedule.every((r) => r['Состояние'] === 'ожидает' && r['Источник'] === 'дорожная карта')).toBe(true);
    expect(String(schedule[1]['Основание'])).toContain('Анализ результатов программы наставничества');
    expect(table(runtime, LOG).map((r) => r['Статус'])).toEqual(['сведения']);

    expect(addon.run('removeReportTrigger')).toBe(1);
    expect(runtime.services.triggers.clockTriggers()).toHaveLength(0);
    expect(addon.run<{ created: boolean }>('installReportTrigger').created).toBe(true);
    expect(runtime.services.triggers.clockTriggers()).toHaveLength(1);
  });

  it('explains in Russian when another daily trigger of the add-on already exists', () => {
    const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
    // Another feature's clock trigger in the same document: Apps Script allows one per user per document.
    (runtime.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).newTrigger('somethingElse').timeBased().everyDays(1).create();
    expect(() => addon.run('installReportTrigger')).toThrow(/уже есть ежедневный запуск/);
  });
});

describe('a scheduled run', () => {
  it('on a due date makes the Doc, marks the row and logs it; a second run the same day makes nothing', async () => {
    const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
    addon.run('installReportTrigger');
    setNow(runtime, '2023-12-30T07:05:00+03:00');
    const early = fire(addon);
    expect(early.produced).toHaveLength(0);
    expect(docs(runtime)).toHaveLength(0);

    setNow(runtime, '2023-12-31T07:05:00+03:00');
    const run = fire(addon);
    expect(run.produced.map((p) => p.code)).toEqual(['ДК/31.12.2023']);
    expect(run.failed).toEqual([]);
    const made = docs(runtime);
    expect(made).toHaveLength(1);
    expect(made[0].name).toBe('Сводка по дорожной карте — 31.12.2023');

    // Structure: title, headings, tables with a bold shaded header row, a bulleted list of conclusions.
    const body = bodyOf(made[0]);
    const paragraphs = body.getParagraphs();
    expect(paragraphs[0].getText()).toBe('Сводка о ходе реализации дорожной карты');
    expect(paragraphs[0].getHeading()).toBe('TITLE');
    expect(paragraphs[1].getHeading()).toBe('SUBTITLE');
    const headings = paragraphs.filter((p) => p.getHeading() === 'HEADING1').map((p) => p.getText());
    expect(headings).toEqual(['1. Общие сведения', '2. Исполнение мероприятий', '3. Просроченные мероприятия', '4. Мероприятия на ближайший месяц', '5. Выводы']);
    const tables = body.getTables();
    expect(tables.length).toBeGreaterThanOrEqual(2);
    const header = tables[0].getRow(0);
    expect(header.getCell(0).getText()).toBe('Показатель');
    for (let c = 0; c < header.getNumCells(); c++) {
      expect(header.getCell(c).getBackgroundColor()).toBe('#d9e7f5');
      expect(header.getCell(c).editAsText().isBold()).toBe(true);
    }
    expect(tables[0].getRow(1).getCell(0).editAsText().isBold()).not.toBe(true);
    // Overdue on 31.12.2023: the order (September) and the database (October).
    const overdue = tables.find((t) => t.getRow(0).getCell(1).getText() === 'Мероприятие' && t.getRow(0).getNumCells() === 5)!;
    expect(overdue.getNumRows()).toBe(3);
    const items = body.getListItems();
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((li) => li.getGlyphType() === 'BULLET')).toBe(true);
    // Anonymised by default: no «Ответственные» column anywhere.
    expect(body.getText()).not.toContain('Ответственные');

    const row = table(runtime, SCHEDULE).find((r) => r['Код'] === 'ДК/31.12.2023')!;
    expect(row['Состояние']).toBe('сформирован');
    expect(row['Ссылка на документ']).toBe(`https://docs.google.com/document/d/${made[0].id}/edit`);
    expect(Object.prototype.toString.call(row['Сформирован'])).toBe('[object Date]');
    const log = table(runtime, LOG);
    const success = log.find((r) => r['Код отчёта'] === 'ДК/31.12.2023')!;
    expect(success).toMatchObject({ 'Запуск': 'по расписанию', 'Статус': 'успех', 'Ссылка': row['Ссылка на документ'] });
    expect(Object.prototype.toString.call(success['Время'])).toBe('[object Date]');
    expect(log[log.length - 1]['Статус']).toBe('успех');

    const again = fire(addon);
    expect(again.produced).toHaveLength(0);
    expect(docs(runtime)).toHaveLength(1);
    expect(again.message).toBe('Отчётов к формированию нет.');
    // Two entries: the daily status refresh and «nothing to make».
    expect(table(runtime, LOG).length).toBe(log.length + 2);

    // The Doc the run made opens as a .docx.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-docx-')), 'report.docx');
    await saveDocx(new FakeDocument(runtime.services.drive, made[0]), file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Сводка о ходе реализации дорожной карты');
    expect(xml).toContain('Показатель');
    expect(xml).toContain('<w:tbl>');
  });

  it('logs a failing report with its reason and goes on with the others', () => {
    const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
    addon.run('installReportTrigger');
    addScheduleRows(runtime, [
      { 'Вид отчёта': 'Отчёт о погоде', 'Дата': day(2023, 12, 20), 'Источник': 'вручную', 'Состояние': 'ожидает' },
      { 'Вид отчёта': 'Сводка по дорожной карте', 'Дата': day(2023, 12, 21), 'Шаблон (ссылка или id)': 'https://docs.google.com/document/d/1MissingTemplateMissingTemplate000000000000/edit' },
      { 'Вид отчёта': 'Сводка по дорожной карте', 'Дата': day(2023, 12, 22), 'Обезличенный (да/нет)': 'нет' },
    ]);
    setNow(runtime, '2023-12-31T07:05:00+03:00');
    const run = fire(addon);
    expect(run.failed.map((f) => f.message)).toEqual([
      expect.stringContaining('Вид отчёта «Отчёт о погоде» не поддерживается'),
      expect.stringContaining('Шаблон отчёта не найден'),
    ]);
    expect(run.produced).toHaveLength(2);
    const schedule = table(runtime, SCHEDULE);
    // Rows people typed keep their place below the roadmap's; each got a code.
    expect(schedule.map((r) => [r['Код'], r['Состояние']])).toEqual([
      ['ДК/31.12.2023', 'сформирован'],
      ['ДК/31.01.2024', 'ожидает'],
      ['ДК/31.05.2024', 'ожидает'],
      ['Р-001', 'ошибка'],
      ['Р-002', 'ошибка'],
      ['Р-003', 'сформирован'],
    ]);
    // «нет» in «Обезличенный»: that one names who is responsible.
    const named = docs(runtime).find((d) => d.name.endsWith('22.12.2023'))!;
    expect(bodyOf(named).getText()).toContain('Ответственные');
    const errors = table(runtime, LOG).filter((r) => r['Статус'] === 'ошибка');
    expect(errors.map((r) => r['Код отчёта'])).toEqual(['Р-001', 'Р-002', '']);

    // Failures wait for someone to see them, then are forgotten.
    const failures = addon.run<{ code: string; message: string; when: string }[]>('checkReportFailures');
    expect(failures.map((f) => f.code)).toEqual(['Р-001', 'Р-002']);
    expect(failures[0].when).toBe('31.12.2023 07:05');
    expect(addon.run('acknowledgeReportFailures')).toBe(2);
    expect(addon.run('checkReportFailures')).toEqual([]);
  });

  it('stops starting reports when the time budget is spent, and the next run goes on', () => {
    const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
    addon.run('installReportTrigger');
    const seen: string[] = [];
    // Each report takes two minutes of the fake clock; the budget is five.
    addon.run('registerReportKind', 'Долгий отчёт', (ctx: { entry: { code: string }; anonymise: boolean }) => {
      seen.push(ctx.entry.code);
      runtime.env.setNow(new Date(runtime.env.now().getTime() + 2 * 60_000));
      return { title: `Отчёт ${ctx.entry.code}`, blocks: [{ type: 'paragraph', text: ctx.anonymise ? 'обезличен' : 'с именами' }], placeholders: {} };
    });
    addScheduleRows(runtime, [1, 2, 3, 4].map(() => ({ 'Вид отчёта': 'Долгий отчёт', 'Дата': day(2023, 12, 10) })));
    setNow(runtime, '2023-12-10T07:00:00+03:00');
    const first = fire(addon);
    expect(first.produced.map((p) => p.code)).toEqual(['Р-001', 'Р-002', 'Р-003']);
    expect(first.remaining).toBe(1);
    const log = table(runtime, LOG);
    expect(log[log.length - 1]['Статус']).toBe('продолжение');
    expect(String(log[log.length - 1]['Сообщение'])).toContain('при следующем запуске');
    expect(table(runtime, SCHEDULE).filter((r) => r['Состояние'] === 'ожидает').map((r) => r['Код'])).toContain('Р-004');

    setNow(runtime, '2023-12-11T07:00:00+03:00');
    const second = fire(addon);
    expect(second.produced.map((p) => p.code)).toEqual(['Р-004']);
    expect(second.remaining).toBe(0);
    expect(seen).toEqual(['Р-001', 'Р-002', 'Р-003', 'Р-004']);
    expect(bodyOf(docs(runtime)[0]).getText()).toContain('обезличен');
  });

  it('a tiny budget still makes one report per run', () => {
    const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
    addon.run('installReportTrigger');
    addon.run('setReportTimeBudget', 0);
    addScheduleRows(runtime, [{ 'Вид отчёта': 'Сводка по дорожной карте', 'Дата': day(2023, 12, 5) }]);
    setNow(runtime, '2023-12-31T07:00:00+03:00');
    expect(fire(addon).remaining).toBe(1);
    expect(fire(addon).remaining).toBe(0);
    expect(docs(runtime)).toHaveLength(2);
  });

  it('does nothing while another run holds the lock or is still running, and says so in the log', () => {
    const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
    addon.run('installReportTrigger');
    setNow(runtime, '2023-12-31T07:05:00+03:00');
    runtime.services.locks._holdBy('user');
    const busy = fire(addon);
    expect(busy.skipped).toBe(true);
    expect(docs(runtime)).toHaveLength(0);
    let log = table(runtime, LOG);
    expect(log[log.length - 1]).toMatchObject({ 'Статус': 'пропущено', 'Запуск': 'по расписанию' });
    runtime.services.locks._release('user');

    // A menu run (document lock) while a trigger run (user lock) is under way: the «running» mark stops it.
    const props = runtime.services.properties.documentStore(runtime.spreadsheet.getId());
    props.set('nastavnik.reports.running', JSON.stringify({ since: runtime.env.now().getTime() - 60_000, launch: 'по расписанию' }));
    const manual = addon.run<RunResult>('generateReportNow');
    expect(manual.skipped).toBe(true);
    log = table(runtime, LOG);
    expect(log[log.length - 1]).toMatchObject({ 'Статус': 'пропущено', 'Запуск': 'вручную' });
    // A mark left by a run that was killed long ago does not block for ever.
    props.set('nastavnik.reports.running', JSON.stringify({ since: runtime.env.now().getTime() - 60 * 60_000, launch: 'по расписанию' }));
    expect(fire(addon).produced).toHaveLength(1);
    expect(props.has('nastavnik.reports.running')).toBe(false);
  });

  it('costs the same service calls with 3 schedule rows as with 60', () => {
    const measure = (extra: number) => {
      const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
      addon.run('installReportTrigger');
      addScheduleRows(runtime, Array.from({ length: extra }, (_, i) => ({ 'Вид отчёта': 'Сводка по дорожной карте', 'Дата': day(2025, 1, 1 + (i % 28)) })));
      setNow(runtime, '2023-12-20T07:00:00+03:00');
      fire(addon); // codes the new rows
      return callsOf(addon, () => fire(addon)).calls;
    };
    expect(measure(57)).toEqual(measure(0));
  });

  it('finds its workbook in a trigger through the stored id, or the trigger\'s own key, and fails clearly without', () => {
    const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
    expect(() => fire(addon)).toThrow(/не найдена таблица/);
    addon.run('installReportTrigger');
    const props = runtime.services.properties.documentStore(runtime.spreadsheet.getId());
    props.delete('nastavnik.reports.spreadsheetId');
    setNow(runtime, '2023-12-31T07:05:00+03:00');
    expect(fire(addon).produced).toHaveLength(1);
  });

  it('stops before touching anything when the add-on needs to be authorised again', () => {
    const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
    addon.run('installReportTrigger');
    (runtime.services.globals.ScriptApp as unknown as { _authorizationRequired: boolean })._authorizationRequired = true;
    setNow(runtime, '2023-12-31T07:05:00+03:00');
    expect(fire(addon)).toBeNull();
    expect(docs(runtime)).toHaveLength(0);
    expect(addon.run<{ message: string }[]>('checkReportFailures')[0].message).toContain('повторное разрешение');
  });
});

describe('«Сформировать справку сейчас» and the schedule rebuild', () => {
  it('makes today\'s report from the menu, marked «вручную»', () => {
    const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
    const result = addon.run<RunResult>('generateReportNow');
    expect(result.produced).toHaveLength(1);
    expect(result.produced[0].name).toBe('Сводка по дорожной карте — 05.12.2023');
    const row = table(runtime, SCHEDULE).find((r) => r['Код'] === result.produced[0].code)!;
    expect(row).toMatchObject({ 'Источник': 'вручную', 'Состояние': 'сформирован', 'Основание': 'Сформировать справку сейчас' });
    expect(table(runtime, LOG).some((r) => r['Запуск'] === 'вручную' && r['Статус'] === 'успех')).toBe(true);
    expect(runtime.spreadsheet._toasts.at(-1)?.message).toContain('сформировано 1');
    expect(() => addon.run('generateReportNow', 'Нет такого')).toThrow(/не поддерживается/);
  });

  it('rebuilding keeps rows people added and the state of produced ones', () => {
    const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
    addon.run('installReportTrigger');
    addScheduleRows(runtime, [{ 'Вид отчёта': 'Сводка по дорожной карте', 'Дата': day(2024, 2, 1), 'Получатели': 'Министерство образования' }]);
    setNow(runtime, '2023-12-31T07:05:00+03:00');
    fire(addon);
    const result = addon.run<{ added: number; removed: number; total: number }>('rebuildReportSchedule');
    expect(result).toMatchObject({ added: 0, removed: 0, total: 4 });
    const schedule = table(runtime, SCHEDULE);
    expect(schedule.find((r) => r['Код'] === 'ДК/31.12.2023')?.['Состояние']).toBe('сформирован');
    expect(schedule.find((r) => r['Получатели'] === 'Министерство образования')?.['Код']).toBe('Р-001');
  });
});

function reportWithRows(n: number) {
  return {
    title: 'Проверка',
    subtitle: 'подзаголовок',
    blocks: [
      { type: 'heading', level: 1, text: 'Раздел' },
      { type: 'paragraph', text: 'Вывод', bold: true, align: 'center' },
      { type: 'list', items: ['раз', 'два'], ordered: true },
      { type: 'table', header: ['№', 'ОО', 'Пар'], rows: Array.from({ length: n }, (_, i) => [String(i + 1), `Школа № ${i + 1}`, String(i % 4)]), caption: 'Таблица 1' },
      { type: 'pageBreak' },
    ],
    placeholders: {},
  };
}

describe('renderReport', () => {
  it('costs the same service calls for 5 table rows as for 300', () => {
    const { addon } = workbook('2023-12-05T10:00:00+03:00');
    const small = callsOf(addon, () => addon.run('renderReport', reportWithRows(5), { name: 'a' }));
    const large = callsOf(addon, () => addon.run('renderReport', reportWithRows(300), { name: 'b' }));
    expect(large.calls).toEqual(small.calls);
    expect(small.calls['Body.appendTable']).toBe(1);
    expect(small.total).toBeLessThan(60);
  });

  it('writes formatting explicitly: bold centred paragraph, numbered list, caption, page break', () => {
    const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
    const { id } = addon.run<{ id: string }>('renderReport', reportWithRows(2), { name: 'Формат' });
    const body = bodyOf(runtime.services.drive.items.get(id)!);
    const blocks = body._blocks;
    const conclusion = blocks.find((b) => b instanceof FakeParagraph && b.getText() === 'Вывод') as FakeParagraph;
    expect(conclusion.editAsText().isBold()).toBe(true);
    expect(conclusion.getAlignment()).toBe('CENTER');
    const items = blocks.filter((b): b is FakeListItem => b instanceof FakeListItem);
    expect(items.map((i) => [i.getText(), i.getGlyphType()])).toEqual([['раз', 'NUMBER'], ['два', 'NUMBER']]);
    expect(items[0].editAsText().isBold()).toBe(false);
    const t = blocks.findIndex((b) => b instanceof FakeTable);
    expect((blocks[t - 1] as FakeParagraph).getText()).toBe('Таблица 1');
    expect((blocks[t - 1] as FakeParagraph).editAsText().isBold()).toBe(false);
    expect(body.getText()).toContain('Школа № 2');
    expect(blocks.some((b) => b instanceof FakeParagraph && b._items.some((i) => i.getType() === 'PAGE_BREAK'))).toBe(true);
  });

  it('fills a copy of a template: fields (with $ and \\ taken literally), the table at its marker, the rest at {{content}}', () => {
    const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
    const drive = runtime.services.drive;
    const folder = drive._add({ name: 'Отчёты', mimeType: MIME.FOLDER });
    const template = drive._createDocument('Шаблон справки');
    const tb = template.body!;
    (tb._blocks[0] as FakeParagraph).setText('{{title}}');
    tb.appendParagraph('Дата: {{date}}; сумма: {{sum}}');
    tb.appendParagraph('Сведения об организациях:');
    tb.appendParagraph('{{table:orgs}}');
    tb.appendParagraph('{{content}}');
    tb.appendParagraph('Подпись: {{signature}}');
    const doc = {
      title: 'Справка о наставничестве',
      blocks: [
        { type: 'paragraph', text: 'Вводный абзац' },
        { type: 'table', name: 'orgs', header: ['ОО', 'Пар'], rows: [['Школа № 1', '3']] },
        { type: 'table', name: 'nowhere', header: ['X'], rows: [['1']] },
      ],
      placeholders: { date: '5 декабря 2023 г.', sum: '$1 \\ 2' },
    };
    const res = addon.run<{ id: string; url: string; unfilled: string[] }>('renderReport', doc, { templateId: template.id, folderId: folder.id, name: 'Справка — 05.12.2023' });
    expect(res.id).not.toBe(template.id);
    expect(res.unfilled).toEqual(['{{signature}}']);
    const copy = drive.items.get(res.id)!;
    expect(copy.name).toBe('Справка — 05.12.2023');
    expect([...copy.parents]).toEqual([folder.id]);
    const texts = copy.body!._blocks.map((b) => (b instanceof FakeTable ? `[table ${b.getRow(0).getCell(0).getText()}]` : b.getText()));
    expect(texts).toEqual([
      'Справка о наставничестве',
      'Дата: 5 декабря 2023 г.; сумма: $1 \\ 2',
      'Сведения об организациях:',
      '[table ОО]',
      'Вводный абзац',
      '[table X]',
      'Подпись: {{signature}}',
    ]);
    const orgs = copy.body!.getTables()[0];
    expect(orgs.getRow(0).getCell(1).getBackgroundColor()).toBe('#d9e7f5');
    // The template itself is untouched.
    expect(template.body!.getText()).toContain('{{table:orgs}}');
  });

  it('refuses a missing template, a template that is not a Doc and a missing folder in Russian', () => {
    const { addon, runtime } = workbook('2023-12-05T10:00:00+03:00');
    const drive = runtime.services.drive;
    const text = drive._add({ name: 'шаблон.docx', mimeType: MIME.MICROSOFT_WORD, bytes: new Uint8Array([1]) });
    const before = docs(runtime).length;
    expect(() => addon.run('renderReport', reportWithRows(1), { name: 'x', templateId: '1NoSuchTemplateNoSuchTemplate0000' })).toThrow(/Шаблон отчёта не найден/);
    expect(() => addon.run('renderReport', reportWithRows(1), { name: 'x', templateId: text.id })).toThrow(/не Google Документ/);
    expect(() => addon.run('renderReport', reportWithRows(1), { name: 'x', folderId: '1NoSuchFolderNoSuchFolder00000000' })).toThrow(/Папка для отчёта не найдена/);
    expect(docs(runtime).length).toBe(before);
  });
});
