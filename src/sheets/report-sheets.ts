// «Расписание отчётов» and «Журнал отчётов». The schedule is read and rewritten as a whole table
// (managed-table); while a run produces documents it updates one row at a time, so a run that is cut off
// never loses what it already made. The log only grows at the bottom (appendRow: safe when two runs log at
// once) and is trimmed to its newest rows.
import {
  REPORT_SOURCES, REPORT_STATE, REPORT_STATES, NO, YES, type ScheduleRecord,
} from '../domain/report-schedule';
import { cellDate, cellText, isoToDate } from './cells';
import { columnLetter, locateColumns } from './columns';
import { readTable, rowRecord, writeTable, type TableRead } from './managed-table';
import { REPORT_LOG_COLUMNS, REPORT_SHEETS, SCHEDULE_COLUMNS, type ReportLogColumn, type ScheduleColumn } from './schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ScheduleRead {
  table: TableRead<ScheduleColumn> | null;
  records: ScheduleRecord[];
  /** Row cells of each record, so columns people added move with their row. */
  rows: unknown[][];
}

const DATE_KEYS = new Set<ScheduleColumn>(['date', 'generated']);

export function readSchedule(ss: Spreadsheet): ScheduleRead {
  const table = readTable(ss, REPORT_SHEETS.schedule, SCHEDULE_COLUMNS);
  if (!table) return { table: null, records: [], rows: [] };
  const records = table.rows.map((row) => {
    const raw = rowRecord(row, table.index);
    const rec = {} as Record<ScheduleColumn, string>;
    for (const d of SCHEDULE_COLUMNS) {
      const v = raw[d.key];
      if (DATE_KEYS.has(d.key)) {
        const { iso, bad } = cellDate(v);
        rec[d.key] = bad ?? iso;
      } else {
        rec[d.key] = cellText(v);
      }
    }
    return rec as ScheduleRecord;
  });
  return { table, records, rows: table.rows };
}

/**
 * Rewrite the schedule. `origins[i]` is the index in `previous` of the row record i continues (null for a new
 * row); without it records continue the previous rows one to one.
 */
export function writeSchedule(
  ss: Spreadsheet,
  records: readonly ScheduleRecord[],
  previous: ScheduleRead | null,
  opts: { origins?: readonly (number | null)[]; kinds?: readonly string[] } = {},
): { sheet: Sheet; index: Map<ScheduleColumn, number> } {
  const extras = records.map((_, i) => {
    const origin = opts.origins ? opts.origins[i] : i;
    return origin === null || origin === undefined ? undefined : previous?.rows[origin];
  });
  const list = (values: readonly string[], help: string) =>
    SpreadsheetApp.newDataValidation().requireValueInList([...values], true).setAllowInvalid(false).setHelpText(help).build();
  const validations: Partial<Record<ScheduleColumn, GoogleAppsScript.Spreadsheet.DataValidation>> = {
    state: list(REPORT_STATES, `Состояние: ${REPORT_STATES.join(', ')}. Поставьте «${REPORT_STATE.pending}», чтобы сформировать отчёт заново.`),
    source: list(REPORT_SOURCES, `Источник: ${REPORT_SOURCES.join(' или ')}.`),
    anonymised: list([YES, NO], 'Обезличенный отчёт — без фамилий: «да» или «нет».'),
    date: SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).setHelpText('Дата формирования отчёта: ДД.ММ.ГГГГ').build(),
  };
  if (opts.kinds && opts.kinds.length > 0) {
    validations.kind = list(opts.kinds, `Вид отчёта: ${opts.kinds.join('; ')}.`);
  }
  return writeTable(ss, REPORT_SHEETS.schedule, {
    defs: SCHEDULE_COLUMNS,
    records: records as unknown as Record<ScheduleColumn, string>[],
    extras,
    previous: previous?.table ?? null,
    validations,
    headerColor: '#fce8b2',
    rules: (col, range) => {
      const st = `$${col('state')}2`;
      const date = `$${col('date')}2`;
      const all = [range()];
      return [
        SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=${st}="${REPORT_STATE.failed}"`).setBackground('#f4cccc').setRanges(all).build(),
        SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=${st}="${REPORT_STATE.done}"`).setBackground('#d9ead3').setRanges(all).build(),
        SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=${st}="${REPORT_STATE.cancelled}"`).setFontColor('#999999').setRanges(all).build(),
        // Due and not yet produced: what the next run will make.
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(`=AND(${st}="${REPORT_STATE.pending}",${date}<>"",${date}<=TODAY())`).setBackground('#fff2cc').setRanges(all).build(),
      ];
    },
  });
}

export type ScheduleMark = Partial<Pick<ScheduleRecord, 'state' | 'link' | 'generated'>>;

/**
 * Record what a run did to one row, found by its code in a fresh read (people may have sorted or inserted
 * rows meanwhile). Writes only the span of columns it changes. Returns false when the row is gone.
 */
export function markScheduleRow(sheet: Sheet, index: ReadonlyMap<ScheduleColumn, number>, code: string, mark: ScheduleMark): boolean {
  const codeCol = index.get('code');
  if (codeCol === undefined) return false;
  const values = sheet.getDataRange().getValues();
  const r = values.findIndex((row, i) => i > 0 && cellText(row[codeCol]) === code);
  if (r < 0) return false;
  const cols = (Object.keys(mark) as (keyof ScheduleMark)[])
    .map((k) => index.get(k))
    .filter((c): c is number => c !== undefined);
  if (cols.length === 0) return true;
  const from = Math.min(...cols);
  const to = Math.max(...cols);
  const span = values[r].slice(from, to + 1);
  while (span.length < to - from + 1) span.push('');
  for (const [k, v] of Object.entries(mark) as [keyof ScheduleMark, string][]) {
    const c = index.get(k);
    if (c === undefined) continue;
    span[c - from] = k === 'generated' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? isoToDate(v) : v;
  }
  sheet.getRange(r + 1, from + 1, 1, span.length).setValues([span]);
  return true;
}

// ------------------------------------------------------------------------------------------- the log

export const LOG_STATUS = {
  success: 'успех',
  failure: 'ошибка',
  continued: 'продолжение',
  skipped: 'пропущено',
  info: 'сведения',
} as const;

export interface ReportLogEntry {
  time: Date;
  /** «по расписанию» / «вручную». */
  launch: string;
  code: string;
  status: string;
  message: string;
  link: string;
}

/** Newest rows kept: enough for years of daily runs, small enough to read at a glance. */
export const LOG_LIMIT = 2000;
const TIME_FORMAT = 'dd.mm.yyyy hh:mm';

/** The log of one run: the sheet is found (or made) once, then each entry is one appendRow. */
export class ReportLog {
  private constructor(private readonly sheet: Sheet, private readonly index: Map<ReportLogColumn, number>, private readonly width: number) {}

  static open(ss: Spreadsheet): ReportLog {
    const existing = ss.getSheetByName(REPORT_SHEETS.log);
    if (existing) {
      const lastColumn = Math.max(existing.getLastColumn(), 1);
      const header = existing.getRange(1, 1, 1, lastColumn).getValues()[0];
      const { index, missing } = locateColumns(header, REPORT_LOG_COLUMNS);
      if (missing.length === 0) return new ReportLog(existing, index, lastColumn);
    }
    return ReportLog.create(ss);
  }

  /** A new log sheet, or the missing columns added to one people edited. */
  private static create(ss: Spreadsheet): ReportLog {
    const previous = readTable(ss, REPORT_SHEETS.log, REPORT_LOG_COLUMNS);
    const { sheet, index } = writeTable(ss, REPORT_SHEETS.log, {
      defs: REPORT_LOG_COLUMNS,
      records: [],
      previous,
      headerColor: '#e8eaed',
    });
    // Old entries stay where they were: writeTable rewrote the header and cleared the body, so put them back.
    if (previous && previous.rows.length > 0) {
      const width = Math.max(previous.header.length, index.size);
      const rows = previous.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
      sheet.getRange(2, 1, rows.length, width).setValues(rows);
    }
    // The log only grows: a filter made on the header alone would not follow it.
    sheet.getFilter()?.remove();
    const width = sheet.getLastColumn();
    const rows = sheet.getMaxRows() - 1;
    if (rows > 0) {
      sheet.getRange(2, index.get('time')! + 1, rows, 1).setNumberFormat(TIME_FORMAT);
      const status = `$${columnLetter(index.get('status')!)}2`;
      const range = sheet.getRange(2, 1, rows, width);
      sheet.setConditionalFormatRules([
        SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=${status}="${LOG_STATUS.failure}"`).setBackground('#f4cccc').setRanges([range]).build(),
        SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=${status}="${LOG_STATUS.continued}"`).setBackground('#fff2cc').setRanges([range]).build(),
      ]);
    }
    return new ReportLog(sheet, index, width);
  }

  add(entry: ReportLogEntry): void {
    const row: unknown[] = new Array(this.width).fill('');
    for (const [k, c] of this.index) row[c] = entry[k];
    this.sheet.appendRow(row);
  }

  /** Drop the oldest entries beyond `limit`. */
  trim(limit = LOG_LIMIT): void {
    const entries = this.sheet.getLastRow() - 1;
    if (entries > limit) this.sheet.deleteRows(2, entries - limit);
  }
}
