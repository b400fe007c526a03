// The add-on menu. onOpen may run in AuthMode.NONE (add-on installed but not yet used in this file), where
// only the menu may be built: no properties, no spreadsheet reads.

type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode } | undefined;

export function onOpen(_e?: OpenEvent): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  menu.addItem('Импорт дорожной карты…', 'showImportDialog');
  menu.addToUi();
}

export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}
