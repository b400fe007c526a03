// Small accessors used by every server entry point. Each is called inside a handler, never at load time.
import { dateToIso } from '../sheets/cells';
import type { IsoDate } from '../domain/types';

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new UserError('Нет открытой таблицы: откройте таблицу-трекер и повторите.');
  return ss;
}

/** Today in the script's time zone (the runtime's local zone in Apps Script). */
export function today(): IsoDate {
  return dateToIso(new Date());
}

/** An error whose message is meant for the user, in Russian, and is shown as is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * Run a read-modify-write under the document lock (the user lock where there is no document, e.g. in a
 * clock trigger), so two people importing at once cannot interleave their writes.
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock() ?? LockService.getUserLock();
  if (!lock.tryLock(30000)) {
    throw new UserError('Таблицу сейчас изменяет другой пользователь или фоновая задача. Повторите через минуту.');
  }
  try {
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
