// The «Дорожная карта» sheet: tracker records in, tracker records out.
import { ACTIVITY_STATUSES, type TrackerRecord } from '../domain/tracker';
import { cellDate, cellText } from './cells';
import { readTable, rowRecord, writeTable, type TableRead } from './managed-table';
import { ROADMAP_COLUMNS, SHEETS, type RoadmapColumn } from './schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RoadmapSheetRead {
  table: TableRead<RoadmapColumn> | null;
  records: TrackerRecord[];
  /** Row cells of each record, so columns people added move with their activity. */
  rows: unknown[][];
  /** Cells people typed that could not be read (kept as typed), e.g. «Дата выполнения: 31.02.2024 — не дата». */
  problems: string[];
}

const DATE_KEYS = new Set<RoadmapColumn>(['start', 'end', 'nextDue', 'doneDate']);

export function readRoadmapSheet(ss: Spreadsheet): RoadmapSheetRead {
  const table = readTable(ss, SHEETS.roadmap, ROADMAP_COLUMNS);
  if (!table) return { table: null, records: [], rows: [], problems: [] };
  const problems: string[] = [];
  const labels = new Map(ROADMAP_COLUMNS.map((d) => [d.key, d.label]));
  const records = table.rows.map((row, i) => {
    const raw = rowRecord(row, table.index);
    const rec = {} as Record<RoadmapColumn, string>;
    for (const d of ROADMAP_COLUMNS) {
      const v = raw[d.key];
      if (DATE_KEYS.has(d.key)) {
        const { iso, bad } = cellDate(v);
        if (bad !== null) problems.push(`Строка ${i + 2}, «${labels.get(d.key)}»: «${bad}» — не дата (оставлено как есть)`);
        rec[d.key] = bad ?? iso;
      } else {
        rec[d.key] = cellText(v);
      }
    }
    return rec as TrackerRecord;
  });
  return { table, records, rows: table.rows, problems };
}

export function writeRoadmapSheet(ss: Spreadsheet, records: TrackerRecord[], previous: RoadmapSheetRead | null): GoogleAppsScript.Spreadsheet.Sheet {
  const rowById = new Map<string, unknown[]>();
  previous?.records.forEach((r, i) => { if (r.id) rowById.set(r.id, previous.rows[i]); });
  const statusRule = SpreadsheetApp.newDataValidation()
    .requireValueInList([...ACTIVITY_STATUSES], true)
    .setAllowInvalid(false)
    .setHelpText('Выберите статус из списка: ' + ACTIVITY_STATUSES.join(', '))
    .build();
  const dateRule = SpreadsheetApp.newDataValidation()
    .requireDate()
    .setAllowInvalid(false)
    .setHelpText('Введите дату выполнения в виде ДД.ММ.ГГГГ')
    .build();
  const { sheet } = writeTable(ss, SHEETS.roadmap, {
    defs: ROADMAP_COLUMNS,
    records: records as unknown as Record<RoadmapColumn, string>[],
    extras: records.map((r) => rowById.get(r.id)),
    previous: previous?.table ?? null,
    validations: { status: statusRule, doneDate: dateRule },
    rules: (col, range) => {
      const st = `$${col('status')}2`;
      const end = `$${col('end')}2`;
      const next = `$${col('nextDue')}2`;
      const closed = `OR(${st}="выполнено",${st}="отменено")`;
      const all = [range()];
      return [
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(`=${st}="выполнено"`).setBackground('#d9ead3').setRanges(all).build(),
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(`=AND(NOT(${closed}),${end}<>"",${end}<TODAY())`).setBackground('#f4cccc').setRanges(all).build(),
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(`=AND(NOT(${closed}),${next}<>"",${next}>=TODAY(),${next}-TODAY()<=14)`)
          .setBackground('#fff2cc').setRanges(all).build(),
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(`=${st}="отменено"`).setFontColor('#999999').setRanges(all).build(),
      ];
    },
  });
  return sheet;
}
