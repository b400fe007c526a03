// «Календарь» and «Обновить статусы и календарь»: statuses follow deadlines, and the calendar sheet lists
// every occurrence month by month.
import { buildCalendar, type CalendarRow, type CalendarSummary } from '../domain/calendar';
import { parseDeadline } from '../domain/deadline';
import { deadlineSpan, withStatuses, type TrackerRecord } from '../domain/tracker';
import type { Period } from '../domain/types';
import { writeTable } from '../sheets/managed-table';
import { readRoadmapSheet, writeRoadmapSheet } from '../sheets/roadmap-sheet';
import { loadRoadmapMeta } from '../sheets/roadmap-meta';
import { CALENDAR_COLUMNS, SHEETS, type CalendarColumn } from '../sheets/schema';
import { activeSpreadsheet, today, UserError, withDocumentLock } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Rewrite the calendar sheet from tracker records. */
export function rebuildCalendar(ss: Spreadsheet, records: TrackerRecord[], period: Period | null): CalendarSummary {
  const asOf = today();
  const summary = buildCalendar(records, period, asOf);
  const { rows } = summary;
  const month = asOf.slice(0, 7);
  writeTable<CalendarColumn>(ss, SHEETS.calendar, {
    defs: CALENDAR_COLUMNS,
    records: rows as unknown as Record<CalendarColumn, string>[],
    previous: null,
    headerColor: '#e6f4ea',
    rules: (col, range) => {
      const st = `$${col('state')}2`;
      const end = `$${col('end')}2`;
      const all = [range()];
      return [
        SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=${st}="просрочено"`).setBackground('#f4cccc').setRanges(all).build(),
        SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=${st}="выполнено"`).setBackground('#d9ead3').setRanges(all).build(),
        SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=${st}="срок скоро"`).setBackground('#fff2cc').setRanges(all).build(),
        // The current month stands out whatever its state, so "what is due this month" is one glance.
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(`=AND(${end}<>"",TEXT(${end},"yyyy-mm")="${month}")`).setBold(true).setRanges(all).build(),
      ];
    },
  });
  return summary;
}

export interface RefreshResult {
  activities: number;
  changedStatuses: number;
  calendarRows: number;
  dueThisMonth: number;
  overdue: number;
  problems: string[];
}

/** Recompute statuses and the nearest deadline of every activity, then rebuild the calendar. */
export function refreshRoadmapData(ss: Spreadsheet): RefreshResult {
  const current = readRoadmapSheet(ss);
  if (!current.table) {
    throw new UserError(`Листа «${SHEETS.roadmap}» нет. Сначала выполните «Наставник → Импорт дорожной карты…».`);
  }
  const asOf = today();
  const period = loadRoadmapMeta()?.period ?? null;
  const { records: updated, changed: changedStatuses } = withStatuses(current.records, asOf);
  const records = updated.map((r) => ({ ...r, nextDue: deadlineSpan(parseDeadline(r.deadlineText, period), asOf).nextDue || r.nextDue }));
  writeRoadmapSheet(ss, records, current);
  const summary = rebuildCalendar(ss, records, period);
  return {
    activities: records.length,
    changedStatuses,
    calendarRows: summary.rows.length,
    dueThisMonth: summary.dueThisMonth,
    overdue: summary.overdue,
    problems: current.problems,
  };
}

/** Menu: «Обновить статусы и календарь». */
export function refreshRoadmap(): RefreshResult {
  const ss = activeSpreadsheet();
  const result = withDocumentLock(() => refreshRoadmapData(ss));
  const tail = result.problems.length ? ` Не распознано ячеек: ${result.problems.length} (оставлены как есть).` : '';
  ss.toast(
    `Мероприятий: ${result.activities}. В этом месяце: ${result.dueThisMonth}, просрочено: ${result.overdue}.${tail}`,
    'Наставник',
    10,
  );
  return result;
}

export type { CalendarRow };
