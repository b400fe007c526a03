// Workbooks for bundle and browser tests: a coordinator's spreadsheet with a roadmap pasted into a sheet.
import fs from 'node:fs';
import { createEnv } from '../../local/env';
import { spreadsheetFromRows, type FakeSpreadsheet } from '../../local/spreadsheet';
import { pastedRows } from '../../local/commands/demo';

export const SEEDS = {
  pogranichny: 'test/fixtures/seeds/pogranichny_2022-2023.txt',
  serpukhov: 'test/fixtures/seeds/serpukhov_2023-2024.txt',
  seversk: 'test/fixtures/seeds/seversk_2021-2024.txt',
} as const;

export const SOURCE = 'Исходная ДК';

export function workbookWithRoadmap(text: string, now: Date): FakeSpreadsheet {
  const ss = spreadsheetFromRows(createEnv({ now }), 'Трекер', { [SOURCE]: pastedRows(text) });
  const sheet = ss.getSheetByName(SOURCE)!;
  sheet.setActiveRange(sheet.getDataRange());
  return ss;
}

export function seedText(name: keyof typeof SEEDS): string {
  return fs.readFileSync(SEEDS[name], 'utf8');
}

/** A roadmap of `n` activities in three sections, as tab-separated text (for call-budget tests). */
export function syntheticRoadmap(n: number): string {
  const lines = ['План мероприятий (дорожная карта) по реализации целевой модели наставничества на 2023-2024 учебный год', '',
    '№ п/п\tНаименование мероприятия\tСроки реализации\tОтвественный исполнитель'.replace('Отвеств', 'Ответств')];
  const months = ['сентябрь 2023 г.', 'октябрь 2023 г.', 'декабрь 2023 г.', 'март 2024 г.', 'май 2024 г.', 'в течение учебного года', 'ежегодно, май'];
  const perSection = Math.ceil(n / 3);
  let k = 0;
  for (let s = 1; s <= 3 && k < n; s++) {
    lines.push(`${s}.\tРаздел ${s}: организационные мероприятия\t\t`);
    for (let i = 1; i <= perSection && k < n; i++, k++) {
      lines.push(`${s}.${i}.\tМероприятие номер ${k + 1} по развитию наставничества\t${months[k % months.length]}\tУправление образования, МБУ «Методический центр»`);
    }
  }
  return lines.join('\n');
}
