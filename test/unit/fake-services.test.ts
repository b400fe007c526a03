// The fakes of Apps Script services other than SpreadsheetApp: the behaviour the add-on relies on, through the
// counting proxies the runtime puts around them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { counted } from '../../local/counter';
import { createEnv } from '../../local/env';
import { createServices, type ServiceOptions } from '../../local/services/index';

// The fakes follow the Apps Script API, but the tests drive them untyped, as add-on code in the bundle does.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function setup(envOpts: Parameters<typeof createEnv>[0] = {}, opts: ServiceOptions = {}) {
  const env = createEnv(envOpts);
  const s = createServices(env, opts);
  const g: Record<string, Any> = {};
  for (const [name, obj] of Object.entries(s.globals)) g[name] = name === 'MimeType' ? obj : counted(obj as object, name, env.counter);
  const ui: Any = counted(s.ui, 'Ui', env.counter);
  return { env, s, g, ui };
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

const utc = (iso: string) => new Date(iso);

describe('PropertiesService', () => {
  it('stores strings and enforces the 9 KB value limit in UTF-8 bytes', () => {
    const { g } = setup();
    const props = g.PropertiesService.getDocumentProperties();
    props.setProperty('n', 42);
    expect(props.getProperty('n')).toBe('42');
    expect(props.getProperty('missing')).toBeNull();

    props.setProperty('ascii', 'a'.repeat(9 * 1024));
    // Cyrillic letters take two bytes each: 4,609 of them are 9,218 bytes.
    const e = errorOf(() => props.setProperty('ru', 'я'.repeat(4609)));
    expect(e.message).toBe('Argument too large: value');
    expect(props.getProperty('ru')).toBeNull();
    props.setProperty('ru', 'я'.repeat(4608));
    expect(props.getKeys().sort()).toEqual(['ascii', 'n', 'ru']);
  });

  it('throws the storage quota error past 500 KB and leaves the store as it was', () => {
    const { g } = setup();
    const props = g.PropertiesService.getScriptProperties();
    const chunk = 'x'.repeat(9000);
    const batch: Record<string, string> = {};
    for (let i = 0; i < 57; i++) batch[`k${i}`] = chunk; // 513,171 bytes with the keys, over 512,000
    const e = errorOf(() => props.setProperties(batch));
    expect(e.message).toMatch(/^You have exceeded the property storage quota/);
    expect(props.getKeys()).toEqual([]);
    const half: Record<string, string> = {};
    for (let i = 0; i < 50; i++) half[`k${i}`] = chunk;
    props.setProperties(half);
    expect(props.getKeys()).toHaveLength(50);
    props.setProperties({ only: 'one' }, true);
    expect(props.getProperties()).toEqual({ only: 'one' });
  });

  it('is out of reach in AuthMode.NONE, even through a store obtained earlier', () => {
    const { env, g } = setup({ authMode: 'NONE' });
    expect(errorOf(() => g.PropertiesService.getDocumentProperties()).message).toMatch(/You do not have permission to call PropertiesService\.getDocumentProperties/);
    env.authMode = 'LIMITED';
    const props = g.PropertiesService.getDocumentProperties();
    props.setProperty('a', 'b');
    env.authMode = 'NONE';
    expect(() => props.getProperty('a')).toThrow(/You do not have permission/);
    env.authMode = 'CUSTOM_FUNCTION';
    expect(props.getProperty('a')).toBe('b');
  });

  it('keeps user properties per user and document properties per document', () => {
    const docId = { current: 'sheet-A' };
    const { env, g } = setup({}, { documentId: () => docId.current });
    g.PropertiesService.getUserProperties().setProperty('k', 'first user');
    g.PropertiesService.getDocumentProperties().setProperty('k', 'sheet A');
    env.userEmail = 'second@example.org';
    docId.current = 'sheet-B';
    expect(g.PropertiesService.getUserProperties().getProperty('k')).toBeNull();
    expect(g.PropertiesService.getDocumentProperties().getProperty('k')).toBeNull();
    docId.current = 'sheet-A';
    expect(g.PropertiesService.getDocumentProperties().getProperty('k')).toBe('sheet A');
  });
});

describe('CacheService', () => {
  it('expires values by the fake clock: 600 s by default, at most 6 hours', () => {
    const { env, g } = setup();
    const cache = g.CacheService.getScriptCache();
    cache.put('short', 'v');
    cache.put('long', 'v', 100000);
    cache.put('hour', 'v', 3600);
    const t0 = env.now().getTime();
    env.setNow(new Date(t0 + 599_000));
    expect(cache.get('short')).toBe('v');
    env.setNow(new Date(t0 + 600_000));
    expect(cache.get('short')).toBeNull();
    expect(cache.getAll(['short', 'hour', 'long'])).toEqual({ hour: 'v', long: 'v' });
    env.setNow(new Date(t0 + 21_600_000));
    expect(cache.get('long')).toBeNull();
  });

  it('rejects keys over 250 characters and values over 100 KB', () => {
    const { g } = setup();
    const cache = g.CacheService.getUserCache();
    expect(errorOf(() => cache.put('k'.repeat(251), 'v')).message).toBe('Argument too large: key');
    cache.put('k'.repeat(250), 'v');
    expect(errorOf(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).message).toBe('Argument too large: value');
    expect(() => cache.putAll({ a: '1', b: 'x'.repeat(100 * 1024 + 1) })).toThrow('Argument too large: value');
    expect(cache.get('a')).toBeNull();
    cache.putAll({ a: '1', b: '2' });
    cache.removeAll(['a']);
    expect(cache.getAll(['a', 'b'])).toEqual({ b: '2' });
  });

  it('evicts the oldest items past 1,000', () => {
    const { g } = setup();
    const cache = g.CacheService.getDocumentCache();
    for (let i = 0; i < 1001; i++) cache.put(`k${i}`, String(i));
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k1')).toBe('1');
    expect(cache.get('k1000')).toBe('1000');
  });
});

describe('LockService', () => {
  it('takes a free lock and reports it held until released', () => {
    const { g } = setup();
    const lock = g.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it('waits for another execution: fails after the timeout, succeeds if it lets go in time', () => {
    const { env, s, g } = setup();
    s.locks._holdBy('document', 'menu click in another tab');
    const lock = g.LockService.getDocumentLock();
    const t0 = env.now().getTime();
    expect(lock.tryLock(5000)).toBe(false);
    expect(env.now().getTime() - t0).toBe(5000);
    expect(errorOf(() => lock.waitLock(10000)).message).toBe('Lock timeout: another process was holding the lock for too long.');
    // Other scopes are independent.
    expect(g.LockService.getScriptLock().tryLock(0)).toBe(true);

    s.locks._holdBy('document', 'trigger run', 3000);
    const t1 = env.now().getTime();
    lock.waitLock(10000);
    expect(lock.hasLock()).toBe(true);
    expect(env.now().getTime() - t1).toBe(3000);
    s.locks._endExecution();
    expect(lock.hasLock()).toBe(false);
  });

  it('has no document lock in a clock trigger', () => {
    const { g } = setup({ context: 'trigger' });
    expect(g.LockService.getDocumentLock()).toBeNull();
    expect(g.LockService.getUserLock().tryLock(100)).toBe(true);
  });
});

describe('ScriptApp triggers', () => {
  it('allows one clock trigger per user and document, as for add-ons', () => {
    const { env, s, g } = setup({}, { documentId: 'sheet-1' });
    const t = g.ScriptApp.newTrigger('dailyCheck').timeBased().everyDays(1).atHour(7).nearMinute(30).create();
    expect(t.getHandlerFunction()).toBe('dailyCheck');
    expect(t.getEventType()).toBe(g.ScriptApp.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(g.ScriptApp.TriggerSource.CLOCK);
    expect(s.triggers.clockTriggers()[0].clock).toMatchObject({ everyDays: 1, atHour: 7, nearMinute: 30 });

    const e = errorOf(() => g.ScriptApp.newTrigger('other').timeBased().everyHours(6).create());
    expect(e.message).toBe('This add-on has created too many time-based triggers in this document for this Google user account.');
    expect(errorOf(() => g.ScriptApp.newTrigger('later').timeBased().after(60_000).create()).message).toMatch(/too many time-based triggers/);

    env.userEmail = 'colleague@example.org';
    g.ScriptApp.newTrigger('dailyCheck').timeBased().everyDays(1).create();
    expect(s.triggers.handlers()).toEqual(['dailyCheck', 'dailyCheck']);
    expect(g.ScriptApp.getProjectTriggers()).toHaveLength(1);

    env.userEmail = 'coordinator@example.org';
    const mine = g.ScriptApp.getProjectTriggers();
    expect(mine.map((x: Any) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    g.ScriptApp.deleteTrigger(mine[0]);
    g.ScriptApp.newTrigger('other').timeBased().everyHours(6).create();
    expect(s.triggers.handlers().sort()).toEqual(['dailyCheck', 'other']);
  });

  it('refuses clock triggers more often than hourly and invalid intervals', () => {
    const { g } = setup();
    expect(errorOf(() => g.ScriptApp.newTrigger('f').timeBased().everyMinutes(30).create()).message)
      .toBe('The recurrence interval for an Add-on trigger must be at least one hour.');
    expect(() => g.ScriptApp.newTrigger('f').timeBased().everyHours(0)).toThrow();
    expect(() => g.ScriptApp.newTrigger('f').timeBased().everyHours(3)).toThrow();
    expect(() => g.ScriptApp.newTrigger('f').timeBased().everyMinutes(7)).toThrow();
    expect(() => g.ScriptApp.newTrigger('f').timeBased().create()).toThrow();
  });

  it('creates spreadsheet triggers for the document only, one per event type', () => {
    const { g } = setup({}, { documentId: 'sheet-1' });
    const ss = { __className: 'Spreadsheet', getId: () => 'sheet-1' };
    g.ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
    g.ScriptApp.newTrigger('onOpenInstalled').forSpreadsheet('sheet-1').onOpen().create();
    expect(() => g.ScriptApp.newTrigger('again').forSpreadsheet(ss).onEdit().create()).toThrow(/too many on-edit triggers/);
    expect(() => g.ScriptApp.newTrigger('elsewhere').forSpreadsheet('sheet-2').onChange().create()).toThrow(/document the add-on is used in/);
    const triggers = g.ScriptApp.getUserTriggers(ss);
    expect(triggers.map((t: Any) => [t.getHandlerFunction(), t.getEventType(), t.getTriggerSourceId()])).toEqual([
      ['onEditInstalled', 'ON_EDIT', 'sheet-1'], ['onOpenInstalled', 'ON_OPEN', 'sheet-1'],
    ]);
  });

  it('needs FULL authorization to create triggers and reports authorization status', () => {
    const { env, s, g } = setup({ authMode: 'LIMITED' });
    expect(() => g.ScriptApp.newTrigger('f').timeBased().everyDays(1).create()).toThrow(/script\.scriptapp/);
    env.authMode = 'FULL';
    const info = g.ScriptApp.getAuthorizationInfo(g.ScriptApp.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe(g.ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    expect(info.getAuthorizationUrl()).toBeNull();
    s.globals.ScriptApp._authorizationRequired = true;
    const again = g.ScriptApp.getAuthorizationInfo(g.ScriptApp.AuthMode.FULL);
    expect(again.getAuthorizationStatus()).toBe('REQUIRED');
    expect(again.getAuthorizationUrl()).toMatch(/^https:\/\/script\.google\.com\//);
  });
});

describe('Utilities', () => {
  it('formats dates in Europe/Moscow with SimpleDateFormat patterns', () => {
    const { g } = setup();
    const U = g.Utilities;
    const d = utc('2024-02-29T22:30:05.007Z');
    expect(U.formatDate(d, 'Europe/Moscow', 'yyyy-MM-dd HH:mm:ss')).toBe('2024-03-01 01:30:05');
    expect(U.formatDate(d, 'UTC', 'dd.MM.yyyy')).toBe('29.02.2024');
    expect(U.formatDate(d, 'Europe/Moscow', "d.M.yy 'г.' H:mm")).toBe('1.3.24 г. 1:30');
    expect(U.formatDate(d, 'Europe/Moscow', "EEE, MMM d ''yy SSS Z XXX")).toBe("Fri, Mar 1 '24 007 +0300 +03:00");
    expect(U.formatDate(d, 'Europe/Moscow', 'EEEE MMMM hh a')).toBe('Friday March 01 AM');
    // Moscow kept UTC+4 all year in 2011-2014 and had summer time before.
    expect(U.formatDate(utc('2012-12-01T00:00:00Z'), 'Europe/Moscow', 'HH:mm')).toBe('04:00');
    expect(U.formatDate(utc('2010-01-15T00:00:00Z'), 'Europe/Moscow', 'HH:mm')).toBe('03:00');
    expect(U.formatDate(utc('2024-07-01T12:00:00Z'), 'America/New_York', 'HH:mm z')).toBe('08:00 EDT');
    expect(U.formatDate(utc('2024-07-01T12:00:00Z'), 'GMT+5', 'HH:mm')).toBe('17:00');
    // Java falls back to GMT for a zone id it does not know.
    expect(U.formatDate(utc('2024-07-01T12:00:00Z'), 'Mars/Olympus', 'HH:mm')).toBe('12:00');
  });

  it('rejects what Apps Script rejects: strings for dates, unknown pattern letters', () => {
    const { g } = setup();
    expect(errorOf(() => g.Utilities.formatDate('2024-03-01', 'Europe/Moscow', 'yyyy')).message)
      .toBe("The parameters (String,String,String) don't match the method signature for Utilities.formatDate.");
    expect(() => g.Utilities.formatDate(new Date(), 'Europe/Moscow', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
  });

  it('parses dates back in a time zone', () => {
    const { g } = setup();
    const d = g.Utilities.parseDate('01.03.2024 09:15', 'Europe/Moscow', 'dd.MM.yyyy HH:mm');
    expect(d.toISOString()).toBe('2024-03-01T06:15:00.000Z');
    expect(g.Utilities.parseDate('20240301', 'UTC', 'yyyyMMdd').toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(() => g.Utilities.parseDate('март 2024', 'UTC', 'dd.MM.yyyy')).toThrow('Unparseable date: "март 2024"');
  });

  it('sleeps on the fake clock and does bytes the Java way', () => {
    const { env, g } = setup();
    const t0 = env.now().getTime();
    g.Utilities.sleep(1500);
    expect(env.now().getTime() - t0).toBe(1500);

    const text = 'Наставник — 2024';
    const b64 = g.Utilities.base64Encode(text, g.Utilities.Charset.UTF_8);
    expect(Buffer.from(b64, 'base64').toString('utf8')).toBe(text);
    const bytes = g.Utilities.base64Decode(b64);
    expect(bytes.some((b: number) => b < 0)).toBe(true);
    expect(g.Utilities.newBlob(bytes).getDataAsString()).toBe(text);

    const digest = g.Utilities.computeDigest(g.Utilities.DigestAlgorithm.SHA_256, text);
    const expected = [...createHash('sha256').update(text, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));
    expect(digest).toEqual(expected);

    expect(g.Utilities.formatString('%s: %05.1f%% (%d)', 'доля', 12.345, 7.9)).toBe('доля: 012.3% (7)');
    const blob = g.Utilities.newBlob('{"a":1}', 'application/json', 'a.json');
    expect([blob.getName(), blob.getContentType(), blob.getDataAsString()]).toEqual(['a.json', 'application/json', '{"a":1}']);
  });
});

describe('HtmlService', () => {
  function dist(): string {
    const dir = mkdtempSync(join(tmpdir(), 'nastavnik-html-'));
    writeFileSync(join(dir, 'Sidebar.html'), '<h1>Наставник</h1>');
    writeFileSync(join(dir, 'Report.html'), '<p><?= title ?></p><?!= raw ?><? for (var i = 0; i < n; i++) { ?>*<? } ?>');
    return dir;
  }

  it('reads built files and says so when one is missing', () => {
    const { g } = setup({}, { distDir: dist() });
    const out = g.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Наставник').setWidth(300)
      .setSandboxMode(g.HtmlService.SandboxMode.IFRAME);
    expect(out.getContent()).toBe('<h1>Наставник</h1>');
    expect(out.getTitle()).toBe('Наставник');
    expect(g.HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<h1>Наставник</h1>');
    expect(errorOf(() => g.HtmlService.createHtmlOutputFromFile('Dialog')).message).toBe('No HTML file named Dialog was found.');
    expect(g.HtmlService.createHtmlOutput('<b>x</b>').append('<i>y</i>').getContent()).toBe('<b>x</b><i>y</i>');
  });

  it('evaluates templates with printing, raw and code scriptlets', () => {
    const { g } = setup({}, { distDir: dist() });
    const t = g.HtmlService.createTemplateFromFile('Report');
    t.title = '<Отчёт & план>';
    t.raw = '<hr>';
    t.n = 3;
    expect(t.evaluate().getContent()).toBe('<p>&lt;Отчёт &amp; план&gt;</p><hr>***');
  });
});

describe('Ui', () => {
  it('records the add-on menu, sidebars and dialogs', () => {
    const { g, ui } = setup({}, { distDir: mkdtempSync(join(tmpdir(), 'nastavnik-ui-')) });
    const sub = ui.createMenu('Отчёты').addItem('Справка', 'makeReport');
    ui.createAddonMenu().addItem('Импорт…', 'showImportDialog').addSeparator().addSubMenu(sub).addToUi();
    ui.createAddonMenu().addItem('Импорт…', 'showImportDialog').addSeparator().addSubMenu(sub).addToUi();
    expect(ui._menus).toHaveLength(1);
    expect(ui._menus[0].title).toBe('Наставник');
    expect(ui._menus[0].items).toEqual([
      { caption: 'Импорт…', fn: 'showImportDialog' },
      { caption: '', fn: '', separator: true },
      { caption: 'Отчёты', fn: '', items: [{ caption: 'Справка', fn: 'makeReport' }] },
    ]);

    ui.showSidebar(g.HtmlService.createHtmlOutput('<p>s</p>').setTitle('Панель'));
    ui.showModalDialog(g.HtmlService.createHtmlOutput('<p>d</p>').setWidth(600).setHeight(400), 'Импорт');
    expect(ui._sidebars).toEqual([{ title: 'Панель', content: '<p>s</p>', width: null, height: null }]);
    expect(ui._dialogs[0]).toMatchObject({ title: 'Импорт', width: 600, height: 400, modal: true });
  });

  it('answers alerts and prompts from the scripted queue, else with the first button', () => {
    const { ui } = setup();
    expect(ui.alert('Готово')).toBe(ui.Button.OK);
    expect(ui.alert('Удалить?', 'Удалить пары?', ui.ButtonSet.YES_NO)).toBe('YES');
    ui._answers.push('NO', { button: 'OK', text: '2024' }, 'CLOSE');
    expect(ui.alert('Удалить пары?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const r = ui.prompt('Год', 'Введите год', ui.ButtonSet.OK_CANCEL);
    expect([r.getResponseText(), r.getSelectedButton()]).toEqual(['2024', 'OK']);
    expect(ui.prompt('Год').getSelectedButton()).toBe('CLOSE');
    expect(ui._alerts.map((a: Any) => [a.title, a.prompt, a.answer])).toEqual([
      [null, 'Готово', 'OK'], ['Удалить?', 'Удалить пары?', 'YES'], [null, 'Удалить пары?', 'NO'],
    ]);
    ui._answers.push('CANCEL');
    expect(() => ui.alert('Только OK')).toThrow(/not a button of ButtonSet\.OK/);
  });

  it('builds menus in LIMITED mode but opens no sidebar there', () => {
    const { g, ui } = setup({ authMode: 'LIMITED' });
    ui.createAddonMenu().addItem('Импорт…', 'showImportDialog').addToUi();
    expect(ui._menus).toHaveLength(1);
    expect(() => ui.showSidebar(g.HtmlService.createHtmlOutput('x'))).toThrow(/You do not have permission to call Ui\.showSidebar/);
  });
});

describe('DocumentApp', () => {
  it('builds a document and fills template placeholders', () => {
    const { g } = setup();
    const DA = g.DocumentApp;
    const doc = DA.create('Справка');
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(1); // a new Doc has one empty paragraph
    body.getChild(0).asParagraph().setText('Справка для {{school}}');
    body.getChild(0).setHeading(DA.ParagraphHeading.HEADING1);
    const p = body.appendParagraph('Наставник: ');
    p.appendText('{{mentor}}').setBold(true);
    body.appendParagraph('{{TABLE}}');
    body.appendParagraph('Дата: {{date}}');

    body.replaceText('\\{\\{school\\}\\}', 'МБОУ «СОШ № 5»');
    body.replaceText('\\{\\{mentor\\}\\}', 'Иванова А. А.');
    // Replaced text keeps the formatting of what it replaces.
    expect(p.editAsText().isBold(p.getText().indexOf('Иванова'))).toBe(true);
    expect(p.editAsText().isBold(0)).toBe(false);

    const found = body.findText('\\{\\{TABLE\\}\\}');
    expect(found.getElement().getText()).toBe('{{TABLE}}');
    expect([found.getStartOffset(), found.getEndOffsetInclusive()]).toEqual([0, 8]);
    const marker = found.getElement().getParent();
    const index = body.getChildIndex(marker);
    const table = body.insertTable(index, [['№', 'Мероприятие'], ['1.1', 'Положение о наставничестве']]);
    marker.removeFromParent();
    expect(body.findText('\\{\\{TABLE\\}\\}')).toBeNull();
    expect(body.getChild(index).getType()).toBe(DA.ElementType.TABLE);
    expect(table.getCell(1, 1).getText()).toBe('Положение о наставничестве');
    expect(body.getParagraphs().map((x: Any) => x.getText())).toContain('Положение о наставничестве');
    expect(body.getText()).toBe('Справка для МБОУ «СОШ № 5»\nНаставник: Иванова А. А.\n№\tМероприятие\n1.1\tПоложение о наставничестве\nДата: {{date}}');
    expect(body.getChild(0).getHeading()).toBe('HEADING1');
  });

  it('finds successive matches and keeps formatting ranges', () => {
    const { g } = setup();
    const body = g.DocumentApp.create('d').getBody();
    body.appendParagraph('{{a}} и {{b}}');
    body.appendTable([['{{c}}']]);
    const seen: string[] = [];
    for (let r = body.findText('\\{\\{\\w+\\}\\}'); r; r = body.findText('\\{\\{\\w+\\}\\}', r)) {
      seen.push(r.getElement().getText().slice(r.getStartOffset(), r.getEndOffsetInclusive() + 1));
    }
    expect(seen).toEqual(['{{a}}', '{{b}}', '{{c}}']);

    const t = body.appendParagraph('жирный обычный').editAsText();
    t.setBold(0, 5, true);
    expect([t.isBold(0), t.isBold(7), t.isBold()]).toEqual([true, false, null]);
    expect(t.getTextAttributeIndices()).toEqual([0, 6]);
    expect(() => t.setBold(0, 99, true)).toThrow();
  });

  it('applies the Docs rules the add-on can trip over', () => {
    const { g } = setup();
    const body = g.DocumentApp.create('d').getBody();
    const last = body.getChild(0);
    expect(errorOf(() => last.removeFromParent()).message).toBe("Can't remove the last paragraph in a document section.");
    expect(errorOf(() => body.appendTable([['1', 2]])).message).toMatch(/don't match the method signature for DocumentApp\.Body\.appendTable/);
    const p = body.appendParagraph('строка 1\nстрока 2');
    expect(p.getText()).toBe('строка 1\rстрока 2');
    expect(errorOf(() => body.appendParagraph(p)).message).toBe('Element must be detached.');
    body.appendParagraph(p.copy());
    expect(body.getNumChildren()).toBe(3);
    expect(() => body.getChild(3)).toThrow('Child index (3) must be less than the number of child elements (3).');
    expect(() => (body as Any).appendImage()).toThrow('not supported by the local runtime: Body.appendImage');
  });

  it('reads replacement strings as Java does: groups, escapes, and no bare "$"', () => {
    const { g } = setup();
    const body = g.DocumentApp.create('d').getBody();
    const p = body.appendParagraph('срок: 2024-03-01; сумма: {{sum}}');
    body.replaceText('(\\d{4})-(\\d{2})-(\\d{2})', '$3.$2.$1');
    expect(() => body.replaceText('\\{\\{sum\\}\\}', '$5')).toThrow('No group 5');
    expect(() => body.replaceText('\\{\\{sum\\}\\}', '5 $')).toThrow('Illegal group reference');
    body.replaceText('\\{\\{sum\\}\\}', '\\$5');
    expect(p.getText()).toBe('срок: 01.03.2024; сумма: $5');
  });

  it('stores attributes for export: headings, alignment, lists, cell shading', () => {
    const { g } = setup();
    const DA = g.DocumentApp;
    const body = DA.create('d').getBody();
    const style: Record<string, unknown> = {};
    style[DA.Attribute.BOLD] = true;
    style[DA.Attribute.FONT_SIZE] = 16;
    style[DA.Attribute.HORIZONTAL_ALIGNMENT] = DA.HorizontalAlignment.CENTER;
    const h = body.appendParagraph('Итоги').setAttributes(style);
    expect(h.getAttributes()).toMatchObject({ BOLD: true, FONT_SIZE: 16, HORIZONTAL_ALIGNMENT: 'CENTER', HEADING: 'NORMAL' });
    expect(h.getAlignment()).toBe(DA.HorizontalAlignment.CENTER);

    const a = body.appendListItem('первый');
    const b = body.appendListItem('второй').setNestingLevel(1).setGlyphType(DA.GlyphType.NUMBER);
    body.appendParagraph('между');
    const c = body.appendListItem('новый список');
    expect(a.getListId()).toBe(b.getListId());
    expect(c.getListId()).not.toBe(a.getListId());
    expect([b.getNestingLevel(), b.getGlyphType(), a.getGlyphType()]).toEqual([1, 'NUMBER', 'BULLET']);

    const table = body.appendTable([['Пара', 'Статус']]);
    const cellStyle: Record<string, unknown> = {};
    cellStyle[DA.Attribute.BACKGROUND_COLOR] = '#D9D9D9';
    cellStyle[DA.Attribute.BOLD] = true;
    table.getRow(0).getCell(0).setAttributes(cellStyle);
    expect(table.getCell(0, 0).getBackgroundColor()).toBe('#d9d9d9');
    expect(table.getCell(0, 0).editAsText().isBold()).toBe(true);
    expect(table.getCell(0, 1).editAsText().isBold()).toBe(false);
    expect(table.getCell(0, 0).getParentRow().getParentTable().getNumRows()).toBe(1);
    expect(() => table.getCell(0, 0).setBackgroundColor('grey')).toThrow('Invalid argument: color');
  });
});

describe('DriveApp', () => {
  it('copies a template Doc into a folder with its own body', () => {
    const { g } = setup();
    const template = g.DocumentApp.create('Шаблон справки');
    template.getBody().appendParagraph('Школа: {{school}}');
    const folder = g.DriveApp.createFolder('Наставник — отчёты');
    const copy = g.DriveApp.getFileById(template.getId()).makeCopy('Справка 2024', folder);
    expect(copy.getMimeType()).toBe(g.MimeType.GOOGLE_DOCS);

    const report = g.DocumentApp.openByUrl(copy.getUrl());
    expect(report.getName()).toBe('Справка 2024');
    report.getBody().replaceText('\\{\\{school\\}\\}', 'СОШ № 5');
    expect(report.getBody().getText()).toContain('Школа: СОШ № 5');
    expect(template.getBody().getText()).toContain('Школа: {{school}}');

    const files = folder.getFilesByName('Справка 2024');
    expect(files.hasNext()).toBe(true);
    expect(files.next().getId()).toBe(report.getId());
    expect(files.hasNext()).toBe(false);
    expect(errorOf(() => files.next()).message).toBe('Cannot retrieve the next object: iterator has reached the end.');
    expect(g.DriveApp.getFoldersByName('Наставник — отчёты').next().getId()).toBe(folder.getId());

    const other = g.DriveApp.createFolder('Архив');
    g.DriveApp.getFileById(report.getId()).moveTo(other);
    expect(folder.getFiles().hasNext()).toBe(false);
    expect(other.getFiles().next().getName()).toBe('Справка 2024');
  });

  it('throws for unknown ids like Apps Script and needs FULL authorization', () => {
    const { env, g } = setup();
    expect(errorOf(() => g.DriveApp.getFileById('no-such-id')).message).toBe(
      'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.');
    expect(() => g.DriveApp.getFolderById('no-such-id')).toThrow(/No item with the given ID/);
    expect(() => g.DocumentApp.openById('no-such-id')).toThrow(/Document is missing/);
    env.authMode = 'LIMITED';
    expect(() => g.DocumentApp.create('x')).toThrow(/You do not have permission to call DocumentApp\.create/);
  });
});

describe('Session, Logger and counting', () => {
  it('hides the e-mail outside FULL and counts every call', () => {
    const { env, g } = setup({ authMode: 'LIMITED' });
    expect(g.Session.getActiveUser().getEmail()).toBe('');
    expect(g.Session.getActiveUserLocale()).toBe('ru');
    expect(g.Session.getScriptTimeZone()).toBe('Europe/Moscow');
    env.authMode = 'FULL';
    expect(g.Session.getActiveUser().getEmail()).toBe('coordinator@example.org');
    g.Logger.log('пар: %s из %s', 3, 4);
    g.Logger.log({ ok: true });
    expect(g.Logger.getLog()).toBe('пар: 3 из 4\n{"ok":true}');
    expect(env.counter.count('Session.*')).toBe(4);
    expect(env.counter.count('User.getEmail')).toBe(2);
    expect(env.counter.count('Logger.log')).toBe(2);
  });
});
