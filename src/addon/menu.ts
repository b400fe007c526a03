// The add-on menu. onOpen may run in AuthMode.NONE (add-on installed but not yet used in this file), where
// only the menu may be built: no properties, no spreadsheet reads.
import { refreshRoadmap } from './calendar';
import { UserError } from './context';
import {
  acknowledgeReportFailures, checkReportFailures, generateReportNow, installReportTrigger, rebuildReportSchedule, removeReportTrigger,
} from './report-runner';

type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode | string } | undefined;

export function onOpen(e?: OpenEvent): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Импорт дорожной карты…', 'showImportDialog')
    .addItem('Обновить статусы и календарь', 'menuRefreshRoadmap')
    .addSeparator()
    .addItem('Создать базы наставников и наставляемых…', 'menuSetupPeopleBases')
    .addItem('Подключить существующий лист…', 'showPeopleMappingDialog')
    .addItem('Проверить базы', 'menuCheckPeopleBases')
    .addItem('Подбор пар', 'showPairingSidebar')
    .addSeparator()
    .addItem('Создать листы целей и чек-листа', 'menuSetupIndicatorSheets')
    .addItem('Обновить показатели', 'menuRefreshDashboard')
    .addItem('Сохранить снимок показателей', 'menuSaveIndicatorSnapshot')
    .addSeparator()
    .addItem('Сформировать справку сейчас', 'menuGenerateReportNow')
    .addItem('Обновить расписание отчётов', 'menuRebuildReportSchedule')
    .addItem('Включить отчёты по расписанию', 'menuInstallReportTrigger')
    .addItem('Отключить отчёты по расписанию', 'menuRemoveReportTrigger')
    .addItem('Ошибки отчётов…', 'menuShowReportFailures')
    .addToUi();
  // Failures of the scheduled reports are shown the next time someone opens the workbook; in NONE the
  // document is out of reach, and a notice must never stop the menu from appearing.
  if (e && String(e.authMode) !== 'NONE') notifyReportFailures();
}

export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

function notifyReportFailures(): void {
  try {
    const failures = checkReportFailures();
    if (failures.length === 0) return;
    const last = failures[failures.length - 1];
    SpreadsheetApp.getActiveSpreadsheet()?.toast(
      `Не сформировано отчётов: ${failures.length}. Последняя ошибка (${last.when}): ${last.message} ` +
        'Подробности: «Наставник → Ошибки отчётов…» и лист «Журнал отчётов».',
      'Наставник: отчёты',
      20,
    );
  } catch (err) {
    console.warn(`Наставник: не удалось проверить ошибки отчётов: ${(err as Error).message}`);
  }
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

/** Menu: «Сформировать справку сейчас». */
export function menuGenerateReportNow(): void {
  runMenuAction(() => generateReportNow());
}

/** Menu: «Обновить расписание отчётов». */
export function menuRebuildReportSchedule(): void {
  runMenuAction(rebuildReportSchedule);
}

/** Menu: «Включить отчёты по расписанию». */
export function menuInstallReportTrigger(): void {
  runMenuAction(() => {
    const info = installReportTrigger();
    const ui = SpreadsheetApp.getUi();
    const when = `ежедневно около ${info.hour}:00`;
    ui.alert('Наставник', info.created ? `Отчёты по расписанию включены: проверка ${when}.` : `Отчёты по расписанию уже включены (${when}).`, ui.ButtonSet.OK);
  });
}

/** Menu: «Отключить отчёты по расписанию». */
export function menuRemoveReportTrigger(): void {
  runMenuAction(() => {
    const n = removeReportTrigger();
    const ui = SpreadsheetApp.getUi();
    ui.alert('Наставник', n ? 'Отчёты по расписанию отключены.' : 'Отчёты по расписанию не были включены.', ui.ButtonSet.OK);
  });
}

/** Menu: «Ошибки отчётов…»: the failures since last time, then they count as seen. */
export function menuShowReportFailures(): void {
  runMenuAction(() => {
    const ui = SpreadsheetApp.getUi();
    const failures = checkReportFailures();
    if (failures.length === 0) {
      ui.alert('Наставник', 'Ошибок при формировании отчётов нет.', ui.ButtonSet.OK);
      return;
    }
    const lines = failures.map((f) => `${f.when} ${f.code ? `[${f.code}] ` : ''}${f.message}`);
    ui.alert('Наставник: ошибки отчётов', lines.join('\n'), ui.ButtonSet.OK);
    acknowledgeReportFailures();
  });
}
