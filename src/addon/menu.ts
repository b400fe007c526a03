// The add-on menu. onOpen may run in AuthMode.NONE (add-on installed but not yet used in this file), where
// only the menu may be built: no properties, no spreadsheet reads.
import { refreshRoadmap } from './calendar';
import { UserError } from './context';

type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode } | undefined;

export function onOpen(_e?: OpenEvent): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Импорт дорожной карты…', 'showImportDialog')
    .addItem('Обновить статусы и календарь', 'menuRefreshRoadmap')
    .addToUi();
}

export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

/**
 * Run a menu action and show its failure as a Russian alert instead of Apps Script's red banner with a
 * stack trace. Errors that are not the user's to fix are still rethrown so they reach the execution log.
 */
export function runMenuAction<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch (e) {
    const ui = SpreadsheetApp.getUi();
    if (e instanceof UserError) {
      ui.alert('Наставник', e.message, ui.ButtonSet.OK);
      return undefined;
    }
    ui.alert('Наставник', `Не удалось выполнить действие: ${(e as Error).message}`, ui.ButtonSet.OK);
    throw e;
  }
}

/** Menu: «Обновить статусы и календарь». */
export function menuRefreshRoadmap(): void {
  runMenuAction(refreshRoadmap);
}
