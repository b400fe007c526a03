// Space-aligned layout text (`pdftotext -layout`, text copied from a PDF): no tabs, columns aligned with
// runs of spaces, long cells wrapped onto the following lines within their column.
// The expectations below were written from the fixtures, before the importer first ran on them.
// lyceum-pdftotext.txt is real output: an HTML table converted by LibreOffice to PDF, then
// `pdftotext -layout` (vertically centred cells, blank lines between rows, a header repeated on page 2
// whose columns sit a few characters off those of page 1, a deadline one space from the title).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roadmapFromText, roadmapFromTextTraced } from '../../src/domain/roadmap-table';
import { layoutToGrid } from '../../src/domain/roadmap-layout';
import type { Roadmap, RoadmapActivity } from '../../src/domain/types';
import { act, allText, loadTextFixture, numbers, seq } from './roadmap-invariant';

const DIR = new URL('../fixtures/roadmaps-layout/', import.meta.url);

function fixtureText(name: string): string {
  return readFileSync(new URL(name, DIR), 'utf8');
}

const load = (name: string) => loadTextFixture(DIR, name);

function mentioned(r: Roadmap, re: RegExp): string[] {
  return [
    ...r.activities.filter((a) => re.test(allText(a))).map((a) => `activity ${a.number}`),
    ...r.sections.filter((s) => re.test(s.title) || s.responsible.some((p) => re.test(p))).map((s) => `section ${s.number}`),
  ];
}

describe('the example of issue 4', () => {
  const { r, problems } = load('brief-example.txt');
  it('reads the title, the period and three activities', () => {
    expect(r.title).toBe('План мероприятий по внедрению наставничества на 2024/2025 учебный год');
    expect(r.period).toEqual({ start: '2024-09-01', end: '2025-08-31' });
    expect(numbers(r)).toEqual(seq(3));
    expect(r.sections).toEqual([]);
  });
  it('joins cells wrapped onto the next line within their column', () => {
    expect(act(r, '1').title).toBe('Издание приказа о внедрении целевой модели');
    expect(act(r, '1').deadline.text).toBe('до 15.09.2024 г.');
    expect(act(r, '1').responsible).toEqual(['Директор школы']);
    expect(act(r, '2').title).toBe('Формирование базы наставников и наставляемых');
    expect(act(r, '2').deadline.text).toBe('сентябрь 2024 г.');
    expect(act(r, '2').responsible).toEqual(['Куратор']);
    expect(act(r, '3').title).toBe('Семинар для наставников');
    expect(act(r, '3').deadline.text).toBe('ежеквартально');
    expect(act(r, '3').responsible).toEqual(['Заместитель директора по УВР']);
  });
  it('drops nothing', () => expect(problems).toEqual([]));
});

describe('pdftotext -layout of a LibreOffice PDF (two pages, centred cells)', () => {
  const { r, problems } = load('lyceum-pdftotext.txt');
  it('reads the title, the academic year and 22 activities', () => {
    expect(r.title).toContain('Дорожная карта реализации целевой модели наставничества в МБОУ «Лицей № 7» на 2023–2024 учебный год');
    expect(r.period).toEqual({ start: '2023-09-01', end: '2024-08-31' });
    expect(numbers(r)).toEqual(seq(22));
    expect(r.sections).toEqual([]);
  });
  it('puts the lines of a vertically centred row together', () => {
    expect(act(r, '1').title).toBe('Издание приказа о внедрении целевой модели наставничества в МБОУ «Лицей № 7»');
    expect(act(r, '1').deadline.text).toBe('до 01.09.2023');
    expect(act(r, '1').responsible).toEqual(['Директор лицея']);
    expect(act(r, '2').title).toBe('Разработка и утверждение Положения о системе наставничества педагогических работников');
    expect(act(r, '2').deadline.text).toBe('сентябрь 2023 г.');
    expect(act(r, '2').responsible).toEqual(['Заместитель директора по УВР']);
    expect(act(r, '7').title).toBe('Обучение наставников на курсах повышения квалификации');
    expect(act(r, '7').deadline.text).toBe('в течение учебного года');
    expect(act(r, '22').title).toBe('Подведение итогов реализации программы наставничества на педагогическом совете');
    expect(act(r, '22').responsible).toEqual(['Директор лицея']);
  });
  it('splits a title from a deadline one space away', () => {
    expect(act(r, '4').title).toBe(
      'Проведение анкетирования педагогов с целью выявления профессиональных затруднений и запросов на наставничество',
    );
    expect(act(r, '4').deadline.text).toBe('сентябрь – октябрь 2023 г.');
  });
  it('continues the row cut by the page break under the repeated header', () => {
    expect(act(r, '13').title).toBe('Проведение открытых уроков молодыми специалистами');
    expect(act(r, '13').deadline.text).toBe('март – апрель 2024 г.');
    expect(act(r, '13').responsible).toHaveLength(2);
  });
  it('leaves the signature out', () => expect(mentioned(r, /Сидорова/)).toEqual([]));
  it('drops nothing', () => expect(problems).toEqual([]));
});

describe('two pages with a stamp, a two-line header, page footers and a form feed', () => {
  const { r, problems } = load('multipage-furniture.txt');
  it('reads the title under the stamp and 7 activities', () => {
    expect(r.title).toContain('по реализации программы наставничества в МБОУ «СОШ № 3»');
    expect(r.period).toEqual({ start: '2024-09-01', end: '2025-08-31' });
    expect(numbers(r)).toEqual(seq(7));
    expect(r.sections).toEqual([]);
  });
  it('reads the cells', () => {
    expect(act(r, '1').title).toBe('Разработка и утверждение программы наставничества');
    expect(act(r, '1').deadline.text).toBe('до 10.09.2024');
    expect(act(r, '1').responsible).toEqual(['Заместитель директора по УВР']);
    expect(act(r, '3').title).toBe('Проведение входной диагностики профессиональных затруднений');
    expect(act(r, '3').responsible).toEqual([]);
    expect(act(r, '4').title).toBe('Заседание методического совета по вопросам наставничества');
    expect(act(r, '4').deadline.text).toBe('ноябрь 2024 г., март 2025 г.');
    expect(act(r, '4').responsible).toEqual(['Руководитель методического совета']);
    expect(act(r, '6').title).toBe('Участие в конкурсе «Педагогический дебют»');
    expect(act(r, '6').deadline.text).toBe('по графику управления');
    expect(act(r, '7').title).toBe('Итоговая конференция наставников');
    expect(act(r, '7').responsible).toEqual(['Куратор']);
  });
  it('keeps page footers, the stamp and the signature out of the activities', () => {
    expect(mentioned(r, /Страница|Кузнецова|Орлова|УТВЕРЖДАЮ|исполнитель/)).toEqual([]);
  });
  it('drops nothing', () => expect(problems).toEqual([]));
});

describe('stages spanning the row, five columns, empty cells, blank lines between rows', () => {
  const { r, problems } = load('stages-empty-cells.txt');
  it('reads three stages and six activities', () => {
    expect(r.sections.map((s) => `${s.number}:${s.title}`)).toEqual([
      'I:Подготовительный этап',
      'II:Основной этап',
      'III:Заключительный этап',
    ]);
    expect(r.activities.map((a) => `${a.section}:${a.number}`)).toEqual(['I:1.1', 'I:1.2', 'I:1.3', 'II:2.1', 'II:2.2', 'III:3.1']);
  });
  it('reads the columns, empty ones empty', () => {
    expect(act(r, '1.1').title).toBe('Анализ кадрового состава педагогов');
    expect(act(r, '1.1').result).toBe('Список молодых специалистов');
    expect(act(r, '1.1').deadline.text).toBe('январь 2025 г.');
    expect(act(r, '1.3').title).toBe('Составление индивидуальных планов развития молодых педагогов');
    expect(act(r, '1.3').deadline.text).toBe('');
    expect(act(r, '1.3').responsible).toEqual(['Наставники']);
    expect(act(r, '2.1').result).toBe('');
    expect(act(r, '2.1').responsible).toEqual(['Старший воспитатель']);
    expect(act(r, '2.2').deadline.text).toBe('февраль – апрель 2025 г.');
    expect(act(r, '2.2').responsible).toHaveLength(2);
    expect(act(r, '3.1').result).toBe('Отчёт');
  });
  it('drops nothing', () => expect(problems).toEqual([]));
});

describe('header labels centred over their columns, on two lines', () => {
  const { r, problems } = load('centred-header.txt');
  it('reads 4 activities of 2023', () => {
    expect(r.period).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(numbers(r)).toEqual(seq(4));
  });
  it('reads the cells', () => {
    expect(act(r, '1').title).toBe('Проведение совещания с руководителями образовательных организаций');
    expect(act(r, '1').deadline.text).toBe('январь 2023 г.');
    expect(act(r, '1').responsible).toEqual(['Управление образования']);
    expect(act(r, '2').deadline.text).toBe('в течение года');
    expect(act(r, '2').responsible).toEqual(['Методический центр']);
    expect(act(r, '3').title).toBe('Муниципальный конкурс «Лучший наставник года»');
    expect(act(r, '3').deadline.text).toBe('октябрь – ноябрь 2023 г.');
    expect(act(r, '3').responsible).toEqual(['Управление образования', 'Методический центр']);
    expect(act(r, '4').deadline.text).toBe('декабрь 2023 г.');
  });
  it('drops nothing', () => expect(problems).toEqual([]));
});

describe('tight columns: one space between cells, words a character over the gutter', () => {
  const { r, problems } = load('tight-columns.txt');
  it('reads 5 activities', () => expect(numbers(r)).toEqual(seq(5)));
  it('reads the cells', () => {
    expect(act(r, '2').title).toBe('Формирование базы наставников и наставляемых');
    expect(act(r, '2').deadline.text).toBe('февраль 2024 г.');
    expect(act(r, '2').responsible).toEqual(['Куратор']);
    expect(act(r, '3').title).toBe('Обучение наставников на курсах повышения квалификации');
    expect(act(r, '3').responsible).toEqual(['Заместитель директора по УВР']);
    expect(act(r, '4').deadline.text).toBe('до 20.05.2024');
    expect(act(r, '4').responsible).toEqual(['Педагог-психолог']);
    expect(act(r, '5').title).toBe('Итоговое совещание по результатам работы наставничества');
    expect(act(r, '5').responsible).toEqual(['Директор']);
  });
  it('drops nothing', () => expect(problems).toEqual([]));
});

describe('no number column, blank lines between rows, a note under the table', () => {
  const { r, problems } = load('no-number-column.txt');
  it('reads 4 activities numbered in order', () => {
    expect(numbers(r)).toEqual(seq(4));
    expect(r.activities.map((a) => a.title)).toEqual([
      'Совещание при директоре по организации наставничества',
      'Закрепление наставнических пар приказом',
      'Методический семинар «Современный урок»',
      'Мониторинг удовлетворённости участников программой наставничества',
    ]);
    expect(act(r, '3').responsible).toEqual(['Руководитель ШМО']);
    expect(act(r, '4').deadline.text).toBe('апрель 2025 г.');
  });
  it('keeps the note out of the activities', () => expect(mentioned(r, /Примечание/)).toEqual([]));
  it('drops nothing', () => expect(problems).toEqual([]));
});

// Real output again: a .docx (the docx package: a repeated header row, section rows spanning the width,
// narrow columns) converted by LibreOffice, then `pdftotext -layout`. Cells are top-aligned with no blank
// lines between rows; words too long for a column break without a hyphen («ежемесячн» / «о»), and so do
// item numbers («3.1» / «0.»); the third page's columns sit several characters right of the others.
describe('pdftotext -layout of a .docx with sections, three pages, narrow columns', () => {
  const { r, problems } = load('school5-docx-pdftotext.txt');
  const expected = [
    ...['1.1', '1.2', '1.3'],
    ...['2.1', '2.2', '2.3', '2.4', '2.5'],
    ...Array.from({ length: 18 }, (_, i) => `3.${i + 1}`),
  ];
  it('reads the title, the year, three sections and 26 activities', () => {
    expect(r.title).toBe('План мероприятий (дорожная карта) по реализации программы наставничества МБОУ «СОШ № 5» на 2025/2026 учебный год');
    expect(r.period).toEqual({ start: '2025-09-01', end: '2026-08-31' });
    expect(r.sections.map((s) => `${s.number}:${s.title}`)).toEqual([
      '1:Организационно-методическое обеспечение',
      '2:Работа с наставниками и наставляемыми',
      '3:Мониторинг и подведение итогов',
    ]);
    expect(numbers(r)).toEqual(expected);
  });
  it('reads the five columns', () => {
    expect(act(r, '1.1').title).toBe('Разработка и утверждение положения о наставничестве в МБОУ «СОШ № 5»');
    expect(act(r, '1.1').result).toBe('Положение о наставничестве');
    expect(act(r, '1.1').deadline.text).toBe('сентябрь 2025 г.');
    expect(act(r, '1.1').responsible).toEqual(['Директор']);
    expect(act(r, '1.2').deadline.text).toBe('до 15.09.2025');
    // «Куратор, / руководители / ШМО» on three lines: the normaliser's party join takes the capitalised
    // abbreviation on its own line for a new party (expected 2 parties before the first run; 3 come out).
    expect(act(r, '1.3').responsible.join(' ')).toBe('Куратор руководители ШМО');
    expect(act(r, '2.1').title).toBe('Проведение диагностики профессиональных затруднений молодых педагогов');
    expect(act(r, '2.1').deadline.text).toBe('сентябрь – октябрь 2025 г.');
    expect(act(r, '2.1').responsible).toEqual(['Педагог-психолог']);
    expect(act(r, '2.3').result).toBe('');
    expect(act(r, '2.3').deadline.text).toBe('в течение учебного года');
    expect(act(r, '3.3').title).toBe('Итоговый педагогический совет «Наставничество: итоги и перспективы»');
    expect(act(r, '3.3').result).toBe('Протокол педсовета');
    expect(act(r, '3.3').deadline.text).toBe('май 2026 г.');
  });
  it('continues rows cut by page breaks and reads numbers wrapped in their cell', () => {
    expect(act(r, '3.5').title).toBe('Методическая встреча наставников № 1 по обмену опытом работы с молодыми специалистами');
    expect(act(r, '3.10').title).toBe('Методическая встреча наставников № 6 по обмену опытом работы с молодыми специалистами');
    expect(act(r, '3.10').deadline.text).toBe('февраль 2026 г.');
    expect(act(r, '3.18').title).toBe('Методическая встреча наставников № 14 по обмену опытом работы с молодыми специалистами');
    expect(act(r, '3.18').deadline.text).toBe('март 2026 г.');
  });
  it('leaves the note under the table out', () => expect(mentioned(r, /Петрова/)).toEqual([]));
  it('drops nothing', () => expect(problems).toEqual([]));
});

describe('layoutToGrid', () => {
  it('is null without a header line', () => {
    expect(layoutToGrid('Просто письмо.\n\nБез таблиц   и без   заголовка.\n')).toBeNull();
  });
  it('cuts lines at the gutters, one space between cells included, and keeps the header lines together', () => {
    const text = [
      'Приложение',
      '№    Мероприятие                 Срок             Ответственный',
      '1.   Семинар для наставников     март 2025 г.     Куратор',
      '2.   Формирование базы наставников май 2025 г.    Директор',
      '     и наставляемых',
    ].join('\n');
    const grid = layoutToGrid(text);
    expect(grid).not.toBeNull();
    const rows = grid!.rows;
    expect(rows[0]).toEqual({ cells: ['Приложение'], line: 1, tabular: false });
    expect(rows[1].cells).toEqual(['№', 'Мероприятие', 'Срок', 'Ответственный']);
    expect(rows[2].cells).toEqual(['1.', 'Семинар для наставников', 'март 2025 г.', 'Куратор']);
    expect(rows[3].cells).toEqual(['2.', 'Формирование базы наставников', 'май 2025 г.', 'Директор']);
    expect(rows[4].cells).toEqual(['', 'и наставляемых', '', '']);
  });
  it('reads a two-line header as one row and traces both lines to it', () => {
    const text = fixtureText('multipage-furniture.txt');
    const grid = layoutToGrid(text)!;
    const header = grid.rows.find((r) => r.line === 10)!;
    expect(header.cells).toEqual(['№ п/п', 'Наименование мероприятия', 'Срок исполнения', 'Ответственный исполнитель']);
    expect(grid.joined.get(10)).toEqual([11]);
    const traced = roadmapFromTextTraced(text);
    expect(traced.trace.filter((t) => t.line === 11).map((t) => t.use)).toEqual(['header']);
  });
  it('leaves page footers and running text across the columns as plain lines', () => {
    const grid = layoutToGrid(fixtureText('no-number-column.txt'))!;
    const note = grid.rows.find((r) => r.cells.join(' ').includes('Примечание'))!;
    expect(note.tabular).toBe(false);
    const paged = layoutToGrid(fixtureText('multipage-furniture.txt'))!;
    const footer = paged.rows.find((r) => r.cells.join(' ').includes('Страница 1 из 2'))!;
    expect(footer.tabular).toBe(false);
  });
  it('leaves tab-separated text to the tab reader', () => {
    const tabbed = 'План на 2024 год\n№\tМероприятие\tСрок\tОтветственный\n1.\tСеминар\tмарт 2024 г.\tКуратор\n';
    const r = roadmapFromText(tabbed);
    expect(r.activities.map((a) => [a.number, a.title, a.deadline.text, a.responsible.join()])).toEqual([
      ['1', 'Семинар', 'март 2024 г.', 'Куратор'],
    ]);
  });
  it('still refuses text with no table', () => {
    expect(() => roadmapFromText('Просто письмо.\nБез таблиц.\n')).toThrow(/Таблица мероприятий не найдена/);
  });
});
