// «Импорт дорожной карты…»: read a roadmap from the selected range, pasted text or a Google Doc, show what
// would change, then write the tracker. Server functions called from the Import dialog (one round trip each).
import { isRoadmapInputError } from '../domain/roadmap-error';
import { normaliseRoadmap, roadmapFromText } from '../domain/roadmap-table';
import { mergeRoadmap, withStatuses, type ImportChange } from '../domain/tracker';
import type { Period, Roadmap } from '../domain/types';
import { docIdFromUrl, docTables } from '../docs/doc-tables';
import { cellText } from '../sheets/cells';
import { readRoadmapSheet, writeRoadmapSheet } from '../sheets/roadmap-sheet';
import { loadRoadmapMeta, saveRoadmapMeta } from '../sheets/roadmap-meta';
import { SHEETS } from '../sheets/schema';
import { activeSpreadsheet, today, UserError, withDocumentLock } from './context';
import { rebuildCalendar } from './calendar';

export type ImportSource = 'selection' | 'text' | 'doc';

export interface ImportRequest {
  source: ImportSource;
  /** For 'selection': the A1 notation with the sheet name, as returned by importSelectionInfo. */
  range?: string;
  text?: string;
  docUrl?: string;
  /** Overrides the plan period found in the title. */
  period?: Period | null;
}

export interface SelectionInfo {
  range: string;
  rows: number;
  columns: number;
  sheet: string;
}

export interface ImportPreview {
  roadmap: Roadmap;
  changes: ImportChange[];
  counts: Record<ImportChange['kind'], number>;
  /** Cells people typed on the tracker sheet that cannot be read; kept as typed. */
  problems: string[];
  existing: number;
}

export interface ImportResult {
  sheet: string;
  written: number;
  counts: Record<ImportChange['kind'], number>;
  warnings: number;
  calendarRows: number;
}

export function showImportDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile('Import').setWidth(960).setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(html, 'Импорт дорожной карты');
}

export function importSelectionInfo(): SelectionInfo | null {
  const range = activeSpreadsheet().getActiveRange();
  if (!range) return null;
  const sheet = range.getSheet().getName();
  return {
    range: `'${sheet.replace(/'/g, "''")}'!${range.getA1Notation()}`,
    rows: range.getNumRows(),
    columns: range.getNumColumns(),
    sheet,
  };
}

/** The roadmap from the chosen source; input that cannot be a roadmap becomes a message for the user. */
function readRoadmap(req: ImportRequest): Roadmap {
  try {
    return readSource(req);
  } catch (e) {
    if (isRoadmapInputError(e)) {
      throw new UserError(`${e.message} Проверьте, что выбран нужный диапазон, текст или документ.`);
    }
    throw e;
  }
}

function readSource(req: ImportRequest): Roadmap {
  const period = req.period ?? null;
  if (req.source === 'text') {
    const text = (req.text ?? '').trim();
    if (!text) throw new UserError('Вставьте текст дорожной карты: таблицу, скопированную из документа или таблицы.');
    return roadmapFromText(text, { period });
  }
  if (req.source === 'selection') {
    if (!req.range) throw new UserError('Выделите на листе диапазон с дорожной картой и повторите.');
    const ss = activeSpreadsheet();
    let range: GoogleAppsScript.Spreadsheet.Range;
    try {
      range = ss.getRange(req.range);
    } catch {
      throw new UserError(`Диапазон ${req.range} не найден: возможно, лист переименован. Выделите дорожную карту заново.`);
    }
    if (range.getSheet().getName() === SHEETS.roadmap) {
      throw new UserError(`Лист «${SHEETS.roadmap}» — это уже трекер. Выделите исходную таблицу дорожной карты на другом листе.`);
    }
    // Display values: dates and numbers exactly as people see them («01.09.2022», «1.1.»).
    const rows = range.getDisplayValues().map((r) => r.map(cellText));
    return normaliseRoadmap({ rows, period });
  }
  if (req.source === 'doc') {
    const id = docIdFromUrl(req.docUrl ?? '');
    if (!id) throw new UserError('Вставьте ссылку на Google Документ вида https://docs.google.com/document/d/…');
    if (typeof Docs === 'undefined' || !Docs) {
      throw new UserError('Служба Google Docs API не подключена к дополнению. Скопируйте таблицу из документа на лист и импортируйте выделенный диапазон.');
    }
    let doc;
    try {
      doc = Docs.Documents!.get(id);
    } catch {
      throw new UserError('Документ не открылся: проверьте ссылку и доступ к документу.');
    }
    const parsed = docTables(doc as Parameters<typeof docTables>[0]);
    if (parsed.tables.length === 0) throw new UserError('В документе нет таблицы: дорожная карта должна быть оформлена таблицей.');
    // The roadmap is the largest table; the others (approval stamps, signatures) are context.
    const table = parsed.tables.reduce((a, b) => (b.length > a.length ? b : a));
    return normaliseRoadmap({ rows: table, before: [parsed.title, ...parsed.before], after: parsed.after, period });
  }
  throw new UserError('Неизвестный источник дорожной карты.');
}

function countChanges(changes: ImportChange[]): Record<ImportChange['kind'], number> {
  const counts = { added: 0, changed: 0, unchanged: 0, removed: 0 };
  for (const c of changes) counts[c.kind]++;
  return counts;
}

export function importPreview(req: ImportRequest): ImportPreview {
  const roadmap = readRoadmap(req);
  const current = readRoadmapSheet(activeSpreadsheet());
  const { changes } = mergeRoadmap(current.records, roadmap, today());
  return { roadmap, changes, counts: countChanges(changes), problems: current.problems, existing: current.records.length };
}

export function importApply(req: ImportRequest): ImportResult {
  const roadmap = readRoadmap(req);
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const current = readRoadmapSheet(ss);
    const asOf = today();
    const merged = mergeRoadmap(current.records, roadmap, asOf);
    const { changes } = merged;
    const { records } = withStatuses(merged.records, asOf);
    writeRoadmapSheet(ss, records, current);
    const previous = loadRoadmapMeta();
    saveRoadmapMeta({
      title: roadmap.title || previous?.title || '',
      period: roadmap.period ?? previous?.period ?? null,
      importedAt: new Date().toISOString(),
      source: req.source,
    });
    const calendarRows = rebuildCalendar(ss, records, roadmap.period ?? previous?.period ?? null).rows.length;
    return {
      sheet: SHEETS.roadmap,
      written: records.length,
      counts: countChanges(changes),
      warnings: roadmap.warnings.length,
      calendarRows,
    };
  });
}
