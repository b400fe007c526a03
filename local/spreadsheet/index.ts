// The SpreadsheetApp global of the local runtime. The lead wraps the returned object with
// counted(obj, 'SpreadsheetApp', env.counter); every object our methods return carries `__className`, so it is
// wrapped and counted in turn, and a method we do not model throws "not supported by the local runtime".
import { raw } from '../counter';
import type { FakeEnv } from '../env';
import { FakeConditionalFormatRuleBuilder, FakeFilterCriteriaBuilder } from './conditional';
import * as enums from './enums';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import { FakeSpreadsheet, spreadsheetById, type SpreadsheetOptions } from './spreadsheet';
import { FakeDataValidationBuilder } from './validation';

export { FakeSpreadsheet, FakeNamedRange, adoptSpreadsheet, spreadsheetById, type Toast, type SpreadsheetOptions } from './spreadsheet';
export { FakeSheet } from './sheet';
export { FakeRange } from './range';
export { FakeDataValidation, FakeDataValidationBuilder } from './validation';
export { FakeConditionalFormatRule, FakeConditionalFormatRuleBuilder, FakeFilter, FakeFilterCriteria } from './conditional';
export { FakeProtection } from './protection';
export { FakeDeveloperMetadata, FakeDeveloperMetadataFinder } from './metadata';
export { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './chart';
export type { Cell, Style, Anchor } from './model';
export type { CellValue } from './values';

export interface SpreadsheetAppOptions {
  active: FakeSpreadsheet | null;
  getUi: () => object;
}

const OPEN_BY_ID_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export function createSpreadsheetApp(env: FakeEnv, opts: SpreadsheetAppOptions): object {
  let active = opts.active;

  // AuthMode.NONE (add-on not yet used in this file) may build menus but not touch the document.
  const checkDocumentAccess = (method: string) => {
    if (env.authMode === 'NONE') {
      throw new Error(`You do not have permission to call SpreadsheetApp.${method}. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly`);
    }
  };
  // A time-driven trigger has no active document (APPS_SCRIPT.md §3): store the id and use openById.
  const activeSpreadsheet = (method: string): FakeSpreadsheet | null => {
    checkDocumentAccess(method);
    return env.context === 'trigger' ? null : active;
  };
  const open = (id: string, method: string): FakeSpreadsheet => {
    checkDocumentAccess(method);
    if (env.context === 'custom-function') {
      throw new Error(`You do not have permission to call SpreadsheetApp.${method}. Required permissions: ${OPEN_BY_ID_SCOPE}`);
    }
    const ss = spreadsheetById(env, String(id));
    if (!ss) throw new Error(`Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`);
    return ss;
  };

  return {
    ...enums,
    getActiveSpreadsheet: () => activeSpreadsheet('getActiveSpreadsheet'),
    getActive: () => activeSpreadsheet('getActive'),
    getActiveSheet: () => activeSpreadsheet('getActiveSheet')?.getActiveSheet() ?? null,
    getActiveRange: () => activeSpreadsheet('getActiveRange')?.getActiveRange() ?? null,
    getCurrentCell: () => activeSpreadsheet('getCurrentCell')?.getActiveCell() ?? null,
    setActiveSheet: (sheet: FakeSheet) => {
      const s = raw(sheet);
      return s._ss.setActiveSheet(s);
    },
    setActiveRange: (range: FakeRange) => {
      const r = raw(range);
      return r._sheet.setActiveRange(r);
    },
    setActiveSpreadsheet: (ss: FakeSpreadsheet) => { active = raw(ss); },
    openById: (id: string) => open(id, 'openById'),
    openByUrl: (url: string) => {
      const m = /\/spreadsheets\/d\/([^/]+)/.exec(String(url));
      if (!m) {
        if (env.context === 'custom-function') open('', 'openByUrl');
        throw new Error('Invalid argument: url');
      }
      return open(m[1], 'openByUrl');
    },
    getUi: () => {
      if (env.context === 'trigger' || env.context === 'custom-function') {
        throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
      }
      return opts.getUi();
    },
    flush: () => undefined,
    newDataValidation: () => new FakeDataValidationBuilder(),
    newConditionalFormatRule: () => new FakeConditionalFormatRuleBuilder(),
    newFilterCriteria: () => new FakeFilterCriteriaBuilder(),
  };
}

/**
 * A spreadsheet filled with the given rows, stored verbatim (no Sheets input coercion, no call counting):
 * for tests and the demo. The first sheet becomes the active one.
 */
export function spreadsheetFromRows(env: FakeEnv, name: string, sheets: Record<string, unknown[][]>,
  opts: Omit<SpreadsheetOptions, 'blank'> = {}): FakeSpreadsheet {
  const entries = Object.entries(sheets);
  const ss = new FakeSpreadsheet(env, name, { ...opts, blank: entries.length > 0 });
  for (const [sheetName, rows] of entries) {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    const sheet = ss._addSheet(sheetName, ss._sheets.length, undefined,
      { rows: Math.max(1000, rows.length), columns: Math.max(26, width) });
    sheet._put(1, 1, rows);
  }
  if (ss._sheets.length) ss._activeSheet = ss._sheets[0];
  return ss;
}
