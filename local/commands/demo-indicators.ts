// The demo's indicator step, run through the add-on's own actions on the demo workbook (after the people and
// pairs are in): «Создать листы целей и чек-листа», the curators' checklist marks, a snapshot at the start of every
// month of the academic year so far and today, then «Обновить показатели». Returns the log lines.
import type { Addon } from '../runtime';
import type { FakeSpreadsheet } from '../spreadsheet';
import { CHECKLIST_ITEMS } from '../../src/domain/checklist';
import { addMonths } from '../../src/domain/iso-date';
import { dateToIso } from '../../src/sheets/cells';
import { CHECKLIST_COLUMNS, INDICATOR_SHEETS } from '../../src/sheets/indicator-schema';

interface SetupResult {
  targets: { created: boolean; rows: number };
  checklist: { created: boolean; added: number };
  organisations: number;
}

interface DashboardResult {
  asOf: string;
  rows: number;
  charts: number;
  snapshots: number;
  status: Record<'met' | 'close' | 'behind' | 'no-data', number>;
  warnings: string[];
}

/**
 * What curators put into «Чек-лист внедрения»: most organisations link every document, some mark items «да»
 * without a link or describe the order, a few are still missing documents. Deterministic by row.
 */
export function markChecklist(ss: FakeSpreadsheet): { organisations: number; complete: number } {
  const sheet = ss.getSheetByName(INDICATOR_SHEETS.checklist);
  if (!sheet) return { organisations: 0, complete: 0 };
  const values = sheet.getDataRange().getValues();
  const header = values[0].map(String);
  const col = (label: string) => header.indexOf(label);
  let complete = 0;
  for (let r = 1; r < values.length; r++) {
    const code = String(values[r][col(CHECKLIST_COLUMNS[0].label)] ?? '').trim();
    if (!code) continue;
    const site = `https://oo${code.replace(/\D+/g, '') || r}.edu.example.ru`;
    const pattern = r % 4;
    CHECKLIST_ITEMS.forEach((item, i) => {
      const c = col(item.label);
      if (c < 0) return;
      if (item.kind === 'number') values[r][c] = pattern === 3 ? '' : 1 + (r % 3);
      else if (pattern === 3 && i >= 5) values[r][c] = i === 5 ? 'в работе' : '';
      else if (pattern === 2 && (i === 2 || i === 7)) values[r][c] = i === 2 ? 'да' : 'Приказ № 41 от 01.09.2023';
      else values[r][c] = `${site}/nastavnichestvo/${item.id}`;
    });
    if (pattern !== 3) complete++;
  }
  sheet.getRange(1, 1, values.length, header.length).setValues(values);
  return { organisations: values.length - 1, complete };
}

/** The first day of every month from the start of the academic year up to `today`, then `today`. */
export function snapshotDates(today: string): string[] {
  const [y, m] = today.split('-').map(Number);
  let d = `${m >= 9 ? y : y - 1}-09-01`;
  const dates: string[] = [];
  while (d < today) {
    dates.push(d);
    d = addMonths(d, 1);
  }
  dates.push(today);
  return dates;
}

export function demoIndicators(addon: Addon): string[] {
  const log: string[] = [];
  const ss = addon.runtime.spreadsheet;
  const today = dateToIso(addon.runtime.env.now());
  const setup = addon.run<SetupResult>('setupIndicatorSheets');
  log.push(
    `Листы показателей: «${INDICATOR_SHEETS.targets}» ${setup.targets.created ? `создан (целей из программ: ${setup.targets.rows})` : 'уже был'}, ` +
      `«${INDICATOR_SHEETS.checklist}» — организаций: ${setup.checklist.added}`,
  );
  const marks = markChecklist(ss);
  log.push(`  кураторы заполнили чек-лист: ${marks.organisations} ОО, все пункты у ${marks.complete}`);
  const dates = snapshotDates(today);
  for (const date of dates) addon.run('saveIndicatorSnapshot', date);
  log.push(`  снимков показателей в «${INDICATOR_SHEETS.history}»: ${dates.length} (${dates[0]} … ${dates[dates.length - 1]})`);
  const dashboard = addon.run<DashboardResult>('refreshDashboard', today);
  const s = dashboard.status;
  log.push(
    `Лист «${INDICATOR_SHEETS.dashboard}» на ${dashboard.asOf}: строк ${dashboard.rows}, диаграмм ${dashboard.charts}; ` +
      `итоги против целей — достигнуто ${s.met}, близко ${s.close}, отстаёт ${s.behind}, нет данных ${s['no-data']}`,
  );
  if (dashboard.warnings.length) log.push(`  замечаний к данным: ${dashboard.warnings.length} (строка 3 листа «${INDICATOR_SHEETS.dashboard}»)`);
  return log;
}
