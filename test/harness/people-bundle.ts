// Bundle tests of the mentoring bases and the pairing sidebar: the add-on's entry plus the people and pairing
// server functions (test/fixtures/bundles/people-entry.ts), built once per test file into a temp folder with
// stand-ins for the dialogs' HTML, and loaded over fresh counting fakes for each test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error build.mjs is plain JavaScript without type declarations
import { buildServer } from '../../build.mjs';
import { createEnv } from '../../local/env';
import { createRuntime, loadAddon, type Addon } from '../../local/runtime';
import { spreadsheetFromRows, type FakeSpreadsheet } from '../../local/spreadsheet';

let built: Promise<string> | null = null;

/** The fixture bundle's file; built on first use. */
export function peopleBundle(): Promise<string> {
  built ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-people-'));
    const outFile = path.join(dir, 'Code.js');
    await buildServer({ entry: 'test/fixtures/bundles/people-entry.ts', outFile });
    for (const page of ['Pairing', 'Mapping']) {
      fs.writeFileSync(path.join(dir, `${page}.html`), `<!doctype html><title>${page}</title><script>google.script.run</script>`);
    }
    return outFile;
  })();
  return built;
}

export interface Opened {
  ss: FakeSpreadsheet;
  addon: Addon;
  /** Call a server function as the sidebar does. */
  call<T>(name: string, ...args: unknown[]): T;
}

export function openWorkbook(file: string, sheets: Record<string, unknown[][]>, now: Date): Opened {
  const ss = spreadsheetFromRows(createEnv({ now }), 'Трекер наставничества', sheets);
  const addon = loadAddon(createRuntime({ spreadsheet: ss, now, distDir: path.dirname(file) }), file);
  return { ss, addon, call: <T>(name: string, ...args: unknown[]) => addon.callFromClient(name, args) as T };
}

export function sheetValues(ss: FakeSpreadsheet, name: string): unknown[][] {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.getDataRange().getValues();
}

export function columnOf(values: unknown[][], label: string, headerRow = 0): unknown[] {
  const c = values[headerRow].indexOf(label);
  if (c < 0) throw new Error(`no column «${label}» in ${JSON.stringify(values[headerRow])}`);
  return values.slice(headerRow + 1).map((r) => r[c]);
}

/**
 * What a person types (or pastes) into a sheet laid out by the add-on: values by column label, below the
 * rows already there. Uncounted: it is the user, not the add-on.
 */
export function typeRows(ss: FakeSpreadsheet, name: string, rows: Record<string, unknown>[]): void {
  const sheet = ss.getSheetByName(name)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  for (const r of rows) {
    for (const label of Object.keys(r)) if (!header.includes(label)) throw new Error(`no column «${label}» on ${name}`);
  }
  const start = sheet.getLastRow() + 1;
  const grid = rows.map((r) => header.map((h) => (h in r ? r[h] : '')));
  if (grid.length === 0) return;
  if (sheet.getMaxRows() < start + grid.length - 1) sheet.insertRowsAfter(sheet.getMaxRows(), start + grid.length - 1 - sheet.getMaxRows());
  // Only the columns given are written, so the add-on's own cells and formats stay as they are.
  header.forEach((h, c) => {
    if (!rows.some((r) => h in r)) return;
    sheet.getRange(start, c + 1, grid.length, 1).setValues(grid.map((g) => [g[c]]));
  });
}

/** Set a cell by row (1-based) and column label. */
export function setCell(ss: FakeSpreadsheet, name: string, row: number, label: string, value: unknown): void {
  const sheet = ss.getSheetByName(name)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const c = header.indexOf(label);
  if (c < 0) throw new Error(`no column «${label}» on ${name}`);
  sheet.getRange(row, c + 1).setValue(value);
}

const SURNAMES = ['Иванова', 'Смирнова', 'Кузнецова', 'Попова', 'Васильева', 'Петрова', 'Соколова', 'Михайлова', 'Новикова', 'Фёдорова', 'Морозова', 'Волкова'];
const NAMES = ['Анна', 'Мария', 'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Дарья'];
const SUBJECTS = ['математика', 'русский язык и литература', 'история', 'начальные классы', 'информатика', 'биология'];

/** A person's name that is unique for `i` (so only planted duplicates look alike). */
export function personName(i: number, prefix: string): string {
  return `${SURNAMES[i % SURNAMES.length]} ${NAMES[Math.floor(i / SURNAMES.length) % NAMES.length]} ${prefix}${i}`;
}

export function organisationRows(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({ 'Код ОО': `ОО-${String(i + 1).padStart(2, '0')}`, 'Наименование ОО': `МБОУ «СОШ № ${i + 1}»`, 'Тип': 'школа' }));
}

/**
 * Mentors as a coordinator types them: every 7th without an id (the check gives one), every 9th without consent,
 * capacities 1–3.
 */
export function mentorRows(n: number, orgs: number, from = 0): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      'Код': i % 7 === 3 ? '' : `М-${i + 1}`,
      'ФИО': personName(i, 'Н'),
      'ОО': `МБОУ «СОШ № ${(i % orgs) + 1}»`,
      'Предмет (направление)': SUBJECTS[i % SUBJECTS.length],
      'Педагогический стаж, лет': 10 + (i % 20),
      'Квалификационная категория': i % 2 ? 'высшая' : 'первая',
      'Сильные стороны (компетенции)': 'оценивание образовательных результатов; работа с родителями',
      'Макс. число наставляемых': 1 + (i % 3),
      'Дата согласия на обработку ПДн': i % 9 === 4 ? '' : '01.09.2023',
    };
  });
}

/** Mentees: young specialists mostly, every 8th without consent, every 10th with a birth date typed wrong. */
export function menteeRows(n: number, orgs: number, from = 0): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      'Код': i % 7 === 5 ? '' : `Я-${i + 1}`,
      'ФИО': personName(i, 'Я'),
      'ОО': `МБОУ «СОШ № ${(i % orgs) + 1}»`,
      'Предмет (направление)': SUBJECTS[(i * 5) % SUBJECTS.length],
      'Дата рождения': i % 10 === 6 ? 'весной 98-го' : `15.0${1 + (i % 9)}.${i % 4 === 0 ? 1980 : 1998}`,
      'Педагогический стаж, лет': i % 4 === 0 ? 12 : i % 3,
      'Профессиональные дефициты': 'оценивание образовательных результатов',
      'Дата включения в базу': '01.10.2023',
      'Дата согласия на обработку ПДн': i % 8 === 2 ? '' : '02.09.2023',
    };
  });
}

type Calls = Record<string, number>;
// Growing a sheet past its 1,000 rows is one call per sheet, made only when needed.
const GROW = ['Sheet.insertRowsAfter', 'Sheet.insertColumnsAfter'];

export function withoutGrow(c: Calls): Calls {
  return Object.fromEntries(Object.entries(c).filter(([k]) => !GROW.includes(k)));
}

export function grow(c: Calls): number {
  return GROW.reduce((n, k) => n + (c[k] ?? 0), 0);
}

export function total(c: Calls): number {
  return Object.values(c).reduce((a, b) => a + b, 0);
}

export function measure(o: Opened, action: () => unknown): Calls {
  const counter = o.addon.runtime.env.counter;
  counter.reset();
  action();
  return counter.snapshot();
}
