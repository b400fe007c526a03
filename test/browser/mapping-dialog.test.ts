// «Подключить существующий лист» in headless Chromium over the built bundle (run `node build.mjs` first): a
// coordinator's own list with a title row and their own headers is mapped from the suggestion, one column is
// chosen by hand, and the list is connected in place (mentors) and imported (mentees); a required field left
// without a column is warned about and the server's refusal is shown; the demo workbook's list of
// organisations goes through the same dialog.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CheckResult, MappingSheetList } from '../../src/addon/people';
import type { PairingState } from '../../src/addon/pairing';
import { createEnv } from '../../local/env';
import { spreadsheetFromRows, type FakeSpreadsheet } from '../../local/spreadsheet';
import { sampleWorkbook } from '../../local/commands/demo';
import { SAMPLE_ORGANISATIONS } from '../../local/sample/municipality';
import type { Addon } from '../../local/runtime';
import { freshAddon } from '../harness/addon';
import { closeBrowser, openPage } from '../harness/browser';
import { columnOf, organisationRows, typeRows } from '../harness/people-bundle';

const NOW = new Date('2023-12-05T10:00:00+03:00');
const SHOTS = 'test-output/screenshots';
// The dialog is opened at 900×620; the title bar takes the rest.
const DIALOG = { width: 900, height: 570 };

afterAll(closeBrowser);

const SOSH = (n: number) => `МБОУ «СОШ № ${n}»`;
// Columns: A Таб. №, B ФИО, C ОО, D Должность, E Предмет, F Дата рождения, G Стаж, H Роль, I Согласие,
// J places (a header no synonym knows), K notes.
const TEACHERS: unknown[][] = [
  ['Список педагогических работников на 01.09.2023', '', '', '', '', '', '', '', '', '', ''],
  ['Таб. №', 'Фамилия, имя, отчество', 'Место работы', 'Должность', 'Преподаваемый предмет', 'Дата рождения', 'Стаж', 'Роль', 'Согласие', 'Макс. подопечных', 'Примечание'],
  ['101', 'Иванова Анна Петровна', SOSH(1), 'учитель', 'математика', '12.05.1975', 25, 'наставник', '01.09.2023', 2, 'руководитель МО'],
  ['102', 'Петрова Ольга Ивановна', SOSH(2), 'учитель', 'история', '03.11.1980', 18, 'наставник', '01.09.2023', 3, ''],
  ['103', 'Орлова Дарья Игоревна', SOSH(1), 'учитель', 'математика', '15.03.1999', 1, 'наставляемый', '02.09.2023', '', ''],
  ['104', 'Зайцева Алина Олеговна', SOSH(2), 'учитель', 'история', 'не помню', 0, 'наставляемый', 'да', '', ''],
  ['', 'Егорова Мария Сергеевна', SOSH(1), 'учитель', 'начальные классы', '20.07.2000', 2, 'молодой специалист', '02.09.2023', '', ''],
  ['', '', '', '', '', '', '', '', '', '', 'итого: 5 чел.'],
];

function district(): { ss: FakeSpreadsheet; addon: Addon } {
  const ss = spreadsheetFromRows(createEnv({ now: NOW }), 'Трекер', { 'Педагоги': TEACHERS });
  const addon = freshAddon({ spreadsheet: ss, now: NOW });
  addon.callFromClient('setupPeopleBases', []);
  typeRows(ss, 'Организации', organisationRows(2));
  return { ss, addon };
}

async function suggestFor(page: Page, sheet: string, role: string): Promise<void> {
  await page.selectOption('#sheet', sheet);
  await page.getByLabel(role, { exact: true }).check();
  await page.getByRole('button', { name: 'Предложить соответствие' }).click();
  await page.locator('#fields tbody tr[data-field]').first().waitFor();
}

const selected = (page: Page, key: string) => page.inputValue(`#col-${key}`);
const cell = (page: Page, key: string, n: number) => page.locator(`#fields tr[data-field="${key}"] td.sample`).nth(n).textContent();

describe('Подключить существующий лист', () => {
  it('maps a list with its own headers, connects mentors in place and imports mentees', async () => {
    const { ss, addon } = district();
    const { page, calls, close } = await openPage('Mapping', addon, { width: DIALOG.width });
    await page.setViewportSize(DIALOG);
    await expect.poll(() => page.locator('#sheet option[value="Педагоги"]').count()).toBe(1);
    // The add-on's own sheets cannot be connected and are not offered.
    expect(await page.locator('#sheet option[value="Наставники"]').count()).toBe(0);
    expect(await page.textContent('#connections')).toContain('Пока ни один лист не подключён');
    expect(await page.locator('#mapping-block').isHidden()).toBe(true);
    expect(await calls()).toBe(1);

    await suggestFor(page, 'Педагоги', 'наставники');
    expect(await page.textContent('#mapping-summary')).toContain('заголовок найден в строке 2, строк с данными под ним: 6');
    expect(await selected(page, 'id')).toBe('0');
    expect(await selected(page, 'fullName')).toBe('1');
    expect(await selected(page, 'organisation')).toBe('2');
    expect(await selected(page, 'subject')).toBe('4');
    expect(await selected(page, 'experience')).toBe('6');
    expect(await selected(page, 'role')).toBe('7');
    expect(await selected(page, 'consent')).toBe('8');
    expect(await selected(page, 'capacity')).toBe('');
    expect(await page.locator('#fields tr[data-field="fullName"] .req').count()).toBe(1);
    expect(await page.textContent('#fields tr[data-field="fullName"] td.confidence')).toMatch(/^\d+% · /);
    expect(await page.textContent('#fields tr[data-field="capacity"] td.confidence')).toBe('не найден');
    // The first rows as they will be read: only mentors, dates shown as dates.
    expect(await cell(page, 'fullName', 0)).toBe('Иванова Анна Петровна');
    expect(await cell(page, 'fullName', 1)).toBe('Петрова Ольга Ивановна');
    expect(await cell(page, 'fullName', 2)).toBe('');
    expect(await cell(page, 'consent', 0)).toBe('01.09.2023');
    expect(await page.textContent('#sample-note')).toContain('будет прочитано записей: 2, другой роли (пропускаются): 3');
    expect(await page.textContent('#unmapped')).toContain('J «Макс. подопечных»');

    // The places column has a header nobody foresaw: the coordinator picks it by hand.
    await page.selectOption('#col-capacity', { label: 'J · Макс. подопечных' });
    expect(await page.textContent('#fields tr[data-field="capacity"] td.confidence')).toBe('выбрано вручную');
    expect(await cell(page, 'capacity', 1)).toBe('3');
    expect(await page.textContent('#unmapped')).not.toContain('Макс. подопечных');
    expect(await page.locator('#warning-box').count()).toBe(0);
    expect(await page.isChecked('input[name="mode"][value="in-place"]')).toBe(true);
    expect(await page.textContent('#mode-help')).toContain('Список остаётся на листе «Педагоги»');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/mapping-suggested.png` });

    await page.getByRole('button', { name: 'Подключить' }).click();
    await expect.poll(() => page.textContent('#result-summary')).toContain('Лист «Педагоги» подключён на месте: наставники. Прочитано записей: 2.');
    expect(await page.textContent('#result-summary')).toContain('Строк другой роли (пропущены, остаются на листе): 3');
    expect(await page.textContent('#result-unreadable')).toContain('Строка 8: «итого: 5 чел.» — нет данных в выбранных столбцах');
    // The labels follow the connection without asking the server again.
    expect(await page.textContent('#connections')).toContain('Подключено сейчас: наставники — лист «Педагоги».');
    expect(await page.locator('#sheet option[value="Педагоги"]').textContent()).toContain('подключён: наставники');
    const list = addon.callFromClient('peopleMappingSheets', []) as MappingSheetList;
    expect(list.connections.map((c) => [c.role, c.sheetName])).toEqual([['mentor', 'Педагоги']]);

    // Mentees from the same list go into the base; a changed role hides the mentors' mapping first.
    await page.getByLabel('наставляемые', { exact: true }).check();
    expect(await page.locator('#mapping-block').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Предложить соответствие' }).click();
    await expect.poll(() => page.textContent('#mapping-summary')).toContain('наставляемые');
    expect(await selected(page, 'birthDate')).toBe('5');
    expect(await cell(page, 'fullName', 2)).toBe('Егорова Мария Сергеевна');
    expect(await cell(page, 'birthDate', 1)).toBe('не помню — не дата');
    expect(await page.locator('#fields tr[data-field="birthDate"] td.sample.bad').count()).toBe(1);
    await page.getByLabel('Перенести строки в базу').check();
    expect(await page.textContent('#mode-help')).toContain('Строки будут добавлены на лист «Наставляемые»');
    await page.getByRole('button', { name: 'Подключить' }).click();
    await expect.poll(() => page.textContent('#result-summary')).toContain('Перенесено на лист «Наставляемые»: 3 из 3 прочитанных записей листа «Педагоги».');
    const problems = await page.textContent('#result-problems');
    expect(problems).toContain('Ячейки, которые не удалось прочитать (2; оставлены как есть)');
    expect(problems).toContain('«не помню» — не дата');
    expect(problems).toContain('согласие отмечено без даты');
    expect(await page.textContent('#result-unreadable')).toContain('итого: 5 чел.');
    await page.screenshot({ path: `${SHOTS}/mapping-imported.png` });
    // One round trip per action: sheets on load, two suggestions, two applies.
    expect(await calls()).toBe(5);
    await close();

    const mentees = ss.getSheetByName('Наставляемые')!.getDataRange().getValues();
    expect(columnOf(mentees, 'ФИО')).toEqual(['Орлова Дарья Игоревна', 'Зайцева Алина Олеговна', 'Егорова Мария Сергеевна']);
    expect(columnOf(mentees, 'Код')).toEqual(['103', '104', 'НЛ-0001']);
    expect(columnOf(mentees, 'Дата рождения')[1]).toBe('не помню');
    // Mentors stay on the coordinator's list: nothing was copied to «Наставники», and the hand-picked places count.
    expect(ss.getSheetByName('Наставники')!.getLastRow()).toBe(1);
    const check = addon.callFromClient('checkPeopleBases', []) as CheckResult;
    expect(check).toMatchObject({ mentors: 2, mentees: 3 });
    const state = addon.callFromClient('pairingState', [{}]) as PairingState;
    expect(state.counts.freePlaces).toBe(2 + 3);
    const own = ss.getSheetByName('Педагоги')!.getDataRange().getValues();
    expect(own[0][0]).toBe('Список педагогических работников на 01.09.2023');
    expect(own[1].slice(0, 11)).toEqual(TEACHERS[1]);
  });

  it('warns about a required field without a column and shows the server refusal, by keyboard', async () => {
    const { ss, addon } = district();
    const { page, close } = await openPage('Mapping', addon, { width: DIALOG.width });
    await page.setViewportSize(DIALOG);
    await expect.poll(() => page.inputValue('#sheet')).toBe('Педагоги');
    // Keyboard only: from the sheet list into the roles, the arrow picks «наставляемые», Enter asks.
    await page.locator('#sheet').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.isChecked('input[name="role"][value="mentee"]')).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.inputValue('#col-fullName')).toBe('1');

    // «— нет —» for the name: the page says at once what is wrong.
    await page.locator('#col-fullName').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.inputValue('#col-fullName')).toBe('');
    const warning = await page.textContent('#warning-box');
    expect(warning).toContain('Для поля «ФИО» не выбран столбец: без него строки не прочитать');
    expect(await page.textContent('#fields tr[data-field="fullName"] td.confidence')).toBe('не выбран');
    expect(await cell(page, 'fullName', 0)).toBe('');
    expect(await page.textContent('#sample-note')).toContain('будет прочитано записей: 0');
    // A column chosen twice is warned about too.
    await page.selectOption('#col-position', '4');
    expect(await page.textContent('#warning-box')).toContain('Столбец E выбран для нескольких полей: «Должность», «Предмет (направление)»');

    await page.getByRole('button', { name: 'Подключить' }).focus();
    await page.keyboard.press('Enter');
    const error = page.locator('#status .msg.error');
    await expect.poll(() => error.textContent()).toMatch(/^Столбец E выбран дважды/);
    await page.selectOption('#col-position', '3');
    await page.getByRole('button', { name: 'Подключить' }).click();
    await expect.poll(() => error.textContent()).toBe('Выберите столбец с ФИО (или столбец с фамилией).');
    expect(await page.locator('#result-block').isHidden()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/mapping-error.png` });
    // Nothing was written or connected.
    expect(ss.getSheetByName('Наставляемые')!.getLastRow()).toBe(1);
    expect((addon.callFromClient('peopleMappingSheets', []) as MappingSheetList).connections).toEqual([]);

    await page.getByRole('button', { name: 'Закрыть' }).click();
    expect(await page.evaluate(() => (window as unknown as { __closed?: boolean }).__closed)).toBe(true);
    await close();
  });

  it('imports the demo workbook\'s «Список ОО» and suggests its «Педагоги»', async () => {
    const ss = sampleWorkbook(NOW);
    const addon = freshAddon({ spreadsheet: ss, now: NOW });
    addon.callFromClient('setupPeopleBases', []);
    const { page, close } = await openPage('Mapping', addon, { width: DIALOG.width });
    await page.setViewportSize(DIALOG);
    await expect.poll(() => page.locator('#sheet option[value="Список ОО"]').count()).toBe(1);
    await suggestFor(page, 'Список ОО', 'организации');
    expect([await selected(page, 'id'), await selected(page, 'name'), await selected(page, 'kind')]).toEqual(['0', '1', '2']);
    await page.getByLabel('Перенести строки в базу').check();
    await page.getByRole('button', { name: 'Подключить' }).click();
    const n = SAMPLE_ORGANISATIONS.length;
    await expect.poll(() => page.textContent('#result-summary')).toContain(`Перенесено на лист «Организации»: ${n} из ${n}`);
    const orgs = ss.getSheetByName('Организации')!.getDataRange().getValues();
    expect(columnOf(orgs, 'Наименование ОО')).toEqual(SAMPLE_ORGANISATIONS.map((o) => o.name));

    await suggestFor(page, 'Педагоги', 'наставляемые');
    expect(await page.textContent('#mapping-summary')).toContain('строк с данными под ним: 150');
    expect(await selected(page, 'fullName')).toBe('1');
    expect(await selected(page, 'birthDate')).toBe('5');
    expect(await page.locator('#result-block').isHidden()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/mapping-demo.png` });
    await close();
  });
});
