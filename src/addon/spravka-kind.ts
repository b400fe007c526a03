// The «Информационно-аналитическая справка» as a kind of report, and the default one: «Сформировать справку
// сейчас» and the rows the schedule derives from the roadmap produce it. Everything it needs is read here from the
// workbook (one read per sheet, shared through one SheetCache); src/domain/spravka.ts writes the text.
//
// Loading this module only registers the kind (a map entry in report-runner): no service is touched until a run
// calls the generator.
import { isRoadmapSource, REPORT_SOURCE, type ScheduleRecord } from '../domain/report-schedule';
import { buildSpravka, SPRAVKA_KIND, type SpravkaRoadmap } from '../domain/spravka';
import type { ReportDocument } from '../domain/report-doc';
import { readHistory, loadIndicatorData } from '../sheets/indicator-sheets';
import { INDICATOR_SHEETS } from '../sheets/indicator-schema';
import { SheetCache } from '../sheets/people-sheets';
import { PEOPLE_SHEETS } from '../sheets/people-schema';
import { SHEETS } from '../sheets/schema';
import { UserError } from './context';
import { registerReportKind, type ReportContext } from './report-runner';

/** The basis line of the справка: the roadmap item the row comes from, or what the coordinator wrote. */
export function spravkaBasis(entry: Pick<ScheduleRecord, 'basis' | 'source'>): string {
  const basis = String(entry.basis ?? '').replace(/\s+/g, ' ').trim();
  if (isRoadmapSource(entry.source)) return basis ? `дорожная карта, ${basis}` : '';
  // The on-demand row names the menu item that made it: that is no basis for a document.
  return entry.source === REPORT_SOURCE.manual && /^сформировать справку/i.test(basis) ? '' : basis;
}

export function generateSpravka(ctx: ReportContext): ReportDocument {
  const ss = ctx.spreadsheet;
  const cache = new SheetCache(ss);
  const load = loadIndicatorData(ss, ctx.asOf, cache);
  const rm = ctx.roadmap();
  if (load.organisations.length === 0 && (!rm.exists || rm.records.length === 0)) {
    throw new UserError(
      `Нет данных для справки: заполните лист «${PEOPLE_SHEETS.organisations}» (и базы наставников, наставляемых и пар) ` +
        `или импортируйте дорожную карту на лист «${SHEETS.roadmap}».`,
    );
  }
  const history = readHistory(ss, load.organisations, cache);
  // What the reader of the справка should know about its sources. Not load.warnings as a whole: the people
  // check's messages quote cells, and cells hold names.
  const notes: string[] = [];
  if (!load.targets.exists) notes.push(`Листа «${INDICATOR_SHEETS.targets}» нет: целевые значения взяты из программ-образцов`);
  if (!load.checklists.exists) notes.push(`Листа «${INDICATOR_SHEETS.checklist}» нет: ни одна организация не считается внедрившей модель`);
  notes.push(...load.targets.warnings, ...load.checklists.warnings, ...history.warnings);
  const roadmap: SpravkaRoadmap | null = rm.exists ? { title: rm.title, period: rm.period, records: rm.records } : null;
  return buildSpravka(
    {
      data: load.data,
      targets: load.targets.table,
      history: history.rows,
      roadmap,
      notes,
    },
    { asOf: ctx.asOf, anonymised: ctx.anonymise, basis: spravkaBasis(ctx.entry) },
  );
}

registerReportKind(SPRAVKA_KIND, generateSpravka, { isDefault: true });
