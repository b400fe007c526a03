// `npm run demo`: a sample municipality's workbook, as a coordinator has it before the add-on (a roadmap pasted
// into a sheet, their lists of organisations and teachers), run through the add-on's own menu actions in the
// built bundle, saved as out/tracker.xlsx.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRuntime, documentPropertiesOf, loadAddon, type Addon } from '../runtime';
import { spreadsheetFromRows } from '../spreadsheet';
import { saveXlsx } from '../xlsx';
import { saveDocx } from '../docx';
import { FakeDocument } from '../services/document-app';
import { createEnv } from '../env';
import { SAMPLE_ORGANISATIONS, sampleTeachers } from '../sample/municipality';
import { demoPeopleAndPairs } from './demo-people';
import { demoIndicators } from './demo-indicators';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SAMPLE_ROADMAP = path.join(HERE, '..', 'sample', 'roadmap-sample.txt');
export const SOURCE_SHEET = 'Исходная дорожная карта';

/** The roadmap text as it lands in a sheet when pasted: one row per line, cells split on tabs. */
export function pastedRows(text: string): string[][] {
  return text.split(/\r?\n/).map((line) => line.split('\t'));
}

export function sampleWorkbook(now: Date) {
  const env = createEnv({ now });
  const teachers = sampleTeachers();
  const rows = pastedRows(fs.readFileSync(SAMPLE_ROADMAP, 'utf8'));
  return spreadsheetFromRows(env, 'Наставничество — муниципалитет (пример)', {
    [SOURCE_SHEET]: rows,
    // Curators appointed in seven of ten organisations: the indicator «доля ОО с куратором» has something to show.
    'Список ОО': [['Код', 'Наименование ОО', 'Тип', 'Куратор'], ...SAMPLE_ORGANISATIONS.map((o, i) => [o.id, o.name, o.kind, i < 7 ? `Куратор ${o.id}` : ''])],
    'Педагоги': [
      ['Таб. №', 'ФИО', 'ОО', 'Должность', 'Предмет', 'Дата рождения', 'Стаж', 'Категория', 'Согласие на обработку ПДн'],
      ...teachers.map((t) => [t.id, t.fullName, t.organisation, t.position, t.subject, t.birthDate, t.experienceYears, t.category, t.consentDate]),
    ],
  });
}

export interface DemoResult {
  addon: Addon;
  files: string[];
  log: string[];
}

export interface PreparedDemo {
  addon: Addon;
  workbook: ReturnType<typeof sampleWorkbook>;
  log: string[];
}

/** The sample workbook with the add-on's own menu actions run on it: roadmap imported, statuses refreshed. */
export function prepareDemo(now: Date): PreparedDemo {
  const log: string[] = [];
  const workbook = sampleWorkbook(now);
  const runtime = createRuntime({ spreadsheet: workbook, now });
  const addon = loadAddon(runtime);
  addon.run('onOpen', { authMode: 'FULL' });
  log.push(`Меню «${runtime.services.ui._menus[0]?.title ?? ''}»: ${runtime.services.ui._menus[0]?.items.filter((i) => i.caption).map((i) => i.caption).join(' | ')}`);

  const source = workbook.getSheetByName(SOURCE_SHEET)!;
  workbook.setActiveSheet(source);
  source.setActiveRange(source.getDataRange());
  const selection = addon.callFromClient('importSelectionInfo', []) as { range: string };
  const request = { source: 'selection', range: selection.range, period: null };
  const preview = addon.callFromClient('importPreview', [request]) as {
    roadmap: { title: string; period: { start: string; end: string } | null; activities: unknown[]; sections: unknown[]; warnings: unknown[] };
  };
  log.push(`Импорт дорожной карты из ${selection.range}: «${preview.roadmap.title.slice(0, 90)}…»`);
  log.push(`  период плана ${preview.roadmap.period?.start ?? '?'} – ${preview.roadmap.period?.end ?? '?'}, разделов ${preview.roadmap.sections.length}, ` +
    `мероприятий ${preview.roadmap.activities.length}, замечаний ${preview.roadmap.warnings.length}`);
  const applied = addon.callFromClient('importApply', [request]) as { written: number; calendarRows: number };
  log.push(`  записано на лист «Дорожная карта»: ${applied.written}, строк календаря: ${applied.calendarRows}`);

  log.push(`  куратор отметил выполненными: ${markDone(workbook, 4, now).join(', ')}`);
  const refreshed = addon.run<{ dueThisMonth: number; overdue: number }>('refreshRoadmap');
  log.push(`Обновление статусов на ${now.toISOString().slice(0, 10)}: в этом месяце ${refreshed.dueThisMonth}, просрочено ${refreshed.overdue}`);
  log.push(...demoPeopleAndPairs(addon, workbook));
  return { addon, workbook, log };
}

/** What a curator does on the tracker sheet: the first `n` activities marked done a few days before `now`. */
function markDone(workbook: PreparedDemo['workbook'], n: number, now: Date): string[] {
  const sheet = workbook.getSheetByName('Дорожная карта')!;
  const values = sheet.getDataRange().getValues();
  const col = (label: string) => values[0].indexOf(label);
  const done: string[] = [];
  for (let r = 1; r <= Math.min(n, values.length - 1); r++) {
    values[r][col('Статус')] = 'выполнено';
    values[r][col('Дата выполнения')] = new Date(now.getTime() - (30 - r) * 86400000);
    values[r][col('Комментарий')] = 'отчёт куратора';
    done.push(String(values[r][col('№')]));
  }
  sheet.getRange(1, 1, values.length, values[0].length).setValues(values);
  return done;
}

/** Produce a report through the add-on («Сформировать справку сейчас») and save the Doc as .docx. */
export async function writeReport(addon: Addon, file: string, anonymised = true): Promise<{ name: string; url: string }> {
  const result = addon.run<{ produced: { name: string; url: string }[]; failed: { message: string }[] }>('generateReportNow', undefined, anonymised);
  if (result.failed.length) throw new Error(`report failed: ${result.failed.map((f) => f.message).join('; ')}`);
  const made = result.produced[result.produced.length - 1];
  if (!made) throw new Error('no report was produced');
  const drive = addon.runtime.services.drive;
  const item = [...drive.items.values()].find((i) => made.url.includes(i.id));
  if (!item) throw new Error(`the produced document ${made.url} is not in the local Drive`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await saveDocx(new FakeDocument(drive, item), file);
  return made;
}

export async function runDemo(outDir: string, now = new Date('2023-12-05T10:00:00+03:00')): Promise<DemoResult> {
  const { addon, workbook, log } = prepareDemo(now);
  log.push(...demoIndicators(addon));
  const report = path.join(outDir, 'report.docx');
  const made = await writeReport(addon, report);
  log.push(`Справка «${made.name}» сформирована (обезличенная) и сохранена как .docx`);
  fs.mkdirSync(outDir, { recursive: true });
  const tracker = path.join(outDir, 'tracker.xlsx');
  await saveXlsx(workbook, tracker, documentPropertiesOf(addon.runtime));
  log.push(`Вызовов служб Apps Script за демо: ${addon.runtime.env.counter.total}`);
  return { addon, files: [tracker, report], log };
}

export async function demoCommand(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const i = args.indexOf('--out');
  const outDir = i >= 0 ? args[i + 1] : 'out';
  if (!outDir) {
    err('--out needs a folder');
    return 1;
  }
  if (!fs.existsSync('dist/Code.js')) {
    err('dist/Code.js is missing: run `npm run build` first (npm run demo does it)');
    return 1;
  }
  const { files, log } = await runDemo(outDir);
  for (const line of log) out(line);
  out('');
  out('Файлы:');
  for (const f of files) out(`  ${path.resolve(f)}`);
  return 0;
}
