// The import dialog in headless Chromium, clicked through as a coordinator would, with its server calls
// running the real bundle over the fakes.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { freshAddon } from '../harness/addon';
import { closeBrowser, openPage } from '../harness/browser';
import { seedText, syntheticRoadmap, workbookWithRoadmap } from '../harness/workbooks';

const NOW = new Date('2023-10-10T10:00:00+03:00');
const SHOTS = 'test-output/screenshots';

afterAll(closeBrowser);

describe('Import dialog', () => {
  it('smoke: loads offline, asks the server for the selection once, and shows it', async () => {
    const addon = freshAddon({ spreadsheet: workbookWithRoadmap(syntheticRoadmap(5), NOW), now: NOW });
    const { page, calls, close } = await openPage('Import', addon);
    await expect.poll(() => page.textContent('#selection-info')).toContain('Исходная ДК');
    expect(await calls()).toBe(1);
    expect(await page.locator('#preview-block').isHidden()).toBe(true);
    await close();
  });

  it('previews a seed roadmap, then writes it to the tracker on confirmation', async () => {
    const ss = workbookWithRoadmap(seedText('serpukhov'), NOW);
    const addon = freshAddon({ spreadsheet: ss, now: NOW });
    const { page, calls, close } = await openPage('Import', addon);
    await expect.poll(() => page.textContent('#selection-info')).toContain('Исходная ДК');
    await page.getByRole('button', { name: 'Показать, что будет импортировано' }).click();
    await page.locator('#preview-block').waitFor({ state: 'visible' });
    const summary = await page.textContent('#summary');
    expect(summary).toContain('Период плана: 01.09.2023 – 31.08.2024');
    const rows = await page.locator('#activities tbody tr[data-kind]').count();
    expect(rows).toBeGreaterThan(15);
    expect(await page.locator('#activities tbody').textContent()).toContain('Август 2023');
    // Nothing is written before the coordinator confirms.
    expect(ss.getSheetByName('Дорожная карта')).toBeNull();
    expect(await page.inputValue('#period-start')).toBe('2023-09-01');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/import-preview.png`, fullPage: true });

    await page.getByRole('button', { name: 'Записать в таблицу' }).click();
    await expect.poll(() => page.textContent('#status')).toContain('Готово');
    const tracker = ss.getSheetByName('Дорожная карта');
    expect(tracker).not.toBeNull();
    expect(tracker!.getLastRow() - 1).toBe(rows);
    // One round trip per user action: selection on load, preview, apply.
    expect(await calls()).toBe(3);
    await close();
  });

  it('shows a Russian error for empty pasted text and keeps the form usable', async () => {
    const addon = freshAddon({ now: NOW });
    const { page, close } = await openPage('Import', addon);
    await page.getByLabel('Вставленный текст').check();
    await expect.poll(() => page.locator('#text').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Показать, что будет импортировано' }).click();
    await expect.poll(() => page.textContent('#status')).toContain('Вставьте текст дорожной карты');
    expect(await page.locator('.msg.error').count()).toBe(1);
    await page.fill('#text', syntheticRoadmap(4));
    await page.keyboard.press('Tab');
    await page.getByRole('button', { name: 'Показать, что будет импортировано' }).press('Enter');
    await expect.poll(() => page.locator('#activities tbody tr[data-kind]').count()).toBe(4);
    await close();
  });
});
