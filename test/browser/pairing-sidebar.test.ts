// «Подбор пар» in headless Chromium over the built bundle: filter, select a mentee, read the reasons, assign,
// get a clear error on a capacity overflow, automatch and approve the proposals, by mouse and by keyboard.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createEnv } from '../../local/env';
import { spreadsheetFromRows } from '../../local/spreadsheet';
import { freshAddon } from '../harness/addon';
import { closeBrowser, openPage } from '../harness/browser';
import { typeRows } from '../harness/people-bundle';

const NOW = new Date('2023-12-05T10:00:00+03:00');
const SHOTS = 'test-output/screenshots';
const SOSH = (n: number) => `МБОУ «СОШ № ${n}»`;

afterAll(closeBrowser);

function district() {
  const ss = spreadsheetFromRows(createEnv({ now: NOW }), 'Трекер', { 'Лист1': [['']] });
  const addon = freshAddon({ spreadsheet: ss, now: NOW });
  addon.callFromClient('setupPeopleBases', []);
  typeRows(ss, 'Организации', [1, 2].map((i) => ({ 'Код ОО': `ОО-0${i}`, 'Наименование ОО': SOSH(i), 'Тип': 'школа' })));
  const mentor = (id: string, name: string, org: number, subject: string, capacity: number) => ({
    'Код': id, 'ФИО': name, 'ОО': SOSH(org), 'Предмет (направление)': subject, 'Педагогический стаж, лет': 20,
    'Квалификационная категория': 'высшая', 'Сильные стороны (компетенции)': 'оценивание образовательных результатов',
    'Макс. число наставляемых': capacity, 'Дата согласия на обработку ПДн': '01.09.2023',
  });
  typeRows(ss, 'Наставники', [
    mentor('М-1', 'Иванова Анна Петровна', 1, 'математика', 1),
    mentor('М-2', 'Петрова Ольга Ивановна', 1, 'история', 2),
    mentor('М-3', 'Кузнецова Ирина Олеговна', 2, 'начальные классы', 2),
  ]);
  const mentee = (id: string, name: string, org: number, subject: string) => ({
    'Код': id, 'ФИО': name, 'ОО': SOSH(org), 'Предмет (направление)': subject, 'Дата рождения': '15.03.1999',
    'Педагогический стаж, лет': 1, 'Профессиональные дефициты': 'оценивание образовательных результатов',
    'Дата включения в базу': '01.10.2023', 'Дата согласия на обработку ПДн': '02.09.2023',
  });
  typeRows(ss, 'Наставляемые', [
    mentee('Я-1', 'Орлова Дарья Игоревна', 1, 'математика'),
    mentee('Я-2', 'Зайцева Алина Олеговна', 1, 'математика'),
    mentee('Я-3', 'Егорова Мария Сергеевна', 2, 'начальные классы'),
    mentee('Я-4', 'Волкова Наталья Ильинична', 1, 'история'),
  ]);
  addon.callFromClient('checkPeopleBases', []);
  return { ss, addon };
}

describe('Подбор пар', () => {
  it('filters, shows reasons, assigns, and explains a capacity overflow', async () => {
    const { addon } = district();
    const { page, calls, close } = await openPage('Pairing', addon, { width: 300 });
    const mentees = page.locator('#mentees li[data-id]');
    await expect.poll(() => mentees.count()).toBe(4);
    expect(await calls()).toBe(1);

    await page.selectOption('#filter-org', { label: SOSH(2) });
    await expect.poll(() => mentees.count()).toBe(1);
    await page.selectOption('#filter-org', '');
    await expect.poll(() => mentees.count()).toBe(4);

    await page.locator('#mentee-Я-1').click();
    const first = page.locator('#candidates li[data-id]').first();
    await expect.poll(() => first.getAttribute('data-id')).toBe('М-1');
    expect(await first.locator('.reasons').textContent()).toMatch(/математика/i);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/pairing-candidates.png`, fullPage: true });

    await first.click();
    await expect.poll(() => page.locator('#assign-form').isVisible()).toBe(true);
    // Meanwhile another coordinator gives М-1 (one place) to Я-2.
    addon.callFromClient('pairingAssign', [{ mentorId: 'М-1', menteeIds: ['Я-2'], programmeStart: '2023-12-05', programmeEnd: '2024-08-31' }]);
    await page.getByRole('button', { name: 'Назначить' }).click();
    await expect.poll(() => page.locator('#status .msg.error').textContent()).toMatch(/Пару нельзя (закрепить|предложить)[\s\S]*мест/);

    // The coordinator picks another mentor for Я-1 from the refreshed list.
    await page.locator('#mentee-Я-1').click();
    await expect.poll(() => page.locator('#candidates li[data-id]:not(.blocked)').count()).toBeGreaterThan(0);
    expect(await page.locator('#candidates li.blocked[data-id="М-1"]').count()).toBe(1);
    await page.locator('#candidates li[data-id="М-2"]').click();
    await page.getByRole('button', { name: 'Назначить' }).click();
    await expect.poll(() => page.locator('#status .msg.ok').textContent()).toContain('Петрова Ольга Ивановна — Орлова Дарья Игоревна');
    await expect.poll(() => mentees.count()).toBe(2);
    expect(await page.locator('#proposals li[data-id]').count()).toBe(2);
    await close();
  });

  it('automatches the rest and approves the proposals by an order, from the keyboard', async () => {
    const { ss, addon } = district();
    const { page, calls, close } = await openPage('Pairing', addon, { width: 300 });
    await expect.poll(() => page.locator('#mentees li[data-id]').count()).toBe(4);
    // Keyboard: into the list, down to the second mentee, Enter opens its candidates.
    await page.locator('#mentees').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#candidates li[data-id]').count()).toBeGreaterThan(0);

    await page.getByLabel('охватить больше наставляемых').check();
    await page.getByRole('button', { name: 'Подобрать пары для всех' }).click();
    await expect.poll(() => page.textContent('#automatch-result')).toContain('Предложено пар: 4');
    expect(await page.locator('#proposals li[data-id]').count()).toBe(4);
    await page.fill('#approve-number', '112-о');
    await page.getByRole('button', { name: 'Утвердить выбранные' }).click();
    await expect.poll(() => page.textContent('#status')).toContain('Утверждено пар: 4');
    expect(await page.locator('#proposals li[data-id]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/pairing-approved.png`, fullPage: true });
    // One round trip per action: load, candidates, automatch, approve.
    expect(await calls()).toBe(4);
    const pairs = ss.getSheetByName('Пары')!.getDataRange().getValues();
    const status = pairs[0].indexOf('Статус');
    expect(pairs.slice(1).map((r) => r[status])).toEqual(['действует', 'действует', 'действует', 'действует']);
    await close();
  });
});
