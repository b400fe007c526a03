// Hold-out roadmaps (test/fixtures/roadmaps-holdout/): written after the normaliser, in wordings and layouts
// it was not developed against, with the expected results counted by hand from the files before the first
// run. Two of them are also built as .docx and .xlsx (real merged cells) and read through the file readers.
// Deadline-parser expectations sit in their own `it` blocks («parses the deadlines») so a parser problem is
// told apart from a table problem. The «b2-» fixtures are a second batch, written after the fixes the first
// batch led to and before running them, to check those fixes were general.
// First runs: batch 1, 5 of 12 text fixtures fully right (the 3 file builds right); batch 2, 4 of 6 (one of
// the two failures was the fixture's own misplaced tab in b2-pdf-header-lost-tabs.txt, since corrected).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { readRoadmapFile, type TableSource } from '../../local/readers/index';
import { datesOfHeading, normaliseRoadmapTraced, roadmapFromTextTraced } from '../../src/domain/roadmap-table';
import { signatureRow } from '../../src/domain/roadmap-locate';
import { repeatsHeaderText, matchHeader } from '../../src/domain/roadmap-header';
import { splitResponsible } from '../../src/domain/responsible';
import type { Roadmap, RoadmapActivity } from '../../src/domain/types';
import { act, allText, droppedText, loadTextFixture, numbers, seq, sourceLines, textLines } from './roadmap-invariant';

const DIR = new URL('../fixtures/roadmaps-holdout/', import.meta.url);

function fixtureText(name: string): string {
  return readFileSync(new URL(name, DIR), 'utf8');
}

const load = (name: string) => loadTextFixture(DIR, name);

function placed(r: Roadmap): string[] {
  return r.activities.map((a) => `${a.section}:${a.number}`);
}

function mentions(r: Roadmap, re: RegExp): string[] {
  return [
    ...r.activities.filter((a) => re.test(allText(a))).map((a) => `activity ${a.number}`),
    ...r.sections.filter((s) => re.test(s.title)).map((s) => `section ${s.number}`),
  ];
}

const ACADEMIC_2024 = { start: '2024-09-01', end: '2025-08-31' };

describe('school plan with an approval stamp above and a tab-aligned signature below', () => {
  const { r, problems } = load('school-approval.txt');
  it('takes the three-line title, not the stamp, and the academic year 2024/2025', () => {
    expect(r.title).toBe(
      'План мероприятий (дорожная карта) по реализации Положения о системе наставничества педагогических работников МБОУ «СОШ № 12» на 2024/2025 учебный год',
    );
    expect(r.period).toEqual(ACADEMIC_2024);
  });
  it('reads the 8 activities and nothing of the signature', () => {
    expect(r.sections).toEqual([]);
    expect(numbers(r)).toEqual(seq(8));
    expect(mentions(r, /Кузнецова|УТВЕРЖДАЮ|Смирнова/)).toEqual([]);
  });
  it('reads the columns', () => {
    expect(act(r, '2').responsible).toEqual(['Заместитель директора по УВР', 'педагог-психолог']);
    expect(act(r, '2').result).toBe('Карты профессиональных дефицитов');
    expect(act(r, '4').title).toBe('Заседание школы молодого педагога «Современный урок: требования ФГОС»');
    expect(act(r, '4').deadline.text).toBe('октябрь, январь, апрель');
    expect(act(r, '8').responsible).toEqual(['Директор', 'заместитель директора по УВР']);
    expect(act(r, '8').result).toBe('Протокол педсовета, приказ о поощрении наставников');
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '1').deadline.windows.at(-1)?.end).toBe('2024-09-10');
    expect(act(r, '2').deadline.windows).toEqual([{ start: '2024-09-01', end: '2024-09-30' }]);
    expect(act(r, '3').deadline.windows.at(-1)?.end).toBe('2024-09-20');
    expect(act(r, '4').deadline.windows.map((w) => w.start)).toEqual(['2024-10-01', '2025-01-01', '2025-04-01']);
    expect(act(r, '5').deadline.kind).toBe('continuous');
  });
});

describe('regional plan: «Раздел N.» rows, 1.1 and 1.1.1 numbering, a heading-only 2.1', () => {
  const { r, problems } = load('regional-subnumbering.txt');
  it('takes the title after the «Приложение» block and the period 2024–2026', () => {
    expect(r.title).toBe(
      'Региональный план мероприятий («дорожная карта») по внедрению и реализации системы наставничества педагогических работников в образовательных организациях Новгородской области на 2024 – 2026 годы',
    );
    expect(r.period).toEqual({ start: '2024-01-01', end: '2026-12-31' });
  });
  it('reads the sections and the sub-numbered activities', () => {
    expect(r.sections.map((s) => [s.number, s.title])).toEqual([
      ['1', 'Нормативное правовое и организационное обеспечение'],
      ['2', 'Кадровое и методическое сопровождение'],
      ['2.1', 'Повышение квалификации наставников и кураторов'],
      ['3', 'Мониторинг и оценка'],
    ]);
    expect(placed(r)).toEqual(['1:1.1', '1:1.2', '1:1.2.1', '1:1.2.2', '1:1.3', '2.1:2.1.1', '2.1:2.1.2', '2:2.2', '3:3.1', '3:3.2']);
  });
  it('splits the responsible parties', () => {
    expect(act(r, '1.2').responsible).toEqual(['ГАУ ДПО «Новгородский институт развития образования» (далее – НИРО)']);
    expect(act(r, '1.3').responsible).toEqual(['органы местного самоуправления, осуществляющие управление в сфере образования']);
    expect(act(r, '2.2').responsible).toEqual(['министерство образования Новгородской области', 'НИРО']);
    expect(act(r, '2.1.2').responsible).toEqual(['НИРО', 'РИП']);
    expect(act(r, '3.2').deadline.text).toBe('до 1 февраля 2025 года, далее – ежегодно');
    expect(act(r, '1.2.1').title).toBe('Утверждение положения о региональном наставническом центре');
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '1.1').deadline.windows).toEqual([{ start: '2024-01-01', end: '2024-03-31' }]);
    expect(act(r, '2.2').deadline.kind).toBe('recurring');
    expect(act(r, '3.1').deadline.kind).toBe('recurring');
  });
});

describe('stage rows «I этап – …» with dates and numbering restarting in each stage', () => {
  const { r, problems } = load('stages-roman-restart.txt');
  it('reads the title and the academic year', () => {
    expect(r.title).toBe('Дорожная карта реализации программы наставничества «Вместе к успеху» в МАОУ «Гимназия № 3» на 2024-2025 учебный год');
    expect(r.period).toEqual(ACADEMIC_2024);
  });
  it('makes each stage a section and numbers activities within it', () => {
    expect(r.sections.map((s) => s.number)).toEqual(['I', 'II', 'III']);
    expect(r.sections[0].title).toMatch(/подготовительный/);
    expect(r.sections[1].title).toMatch(/основной/);
    expect(r.sections[2].title).toMatch(/заключительный/);
    expect(placed(r)).toEqual(['I:I.1', 'I:I.2', 'I:I.3', 'II:II.1', 'II:II.2', 'II:II.3', 'II:II.4', 'III:III.1', 'III:III.2']);
    expect(r.warnings.filter((w) => /повтор/.test(w.message))).toEqual([]);
  });
  it('takes the stage dates as the section deadline', () => {
    expect(r.sections[0].deadline?.text).toMatch(/^август\s*[–-]\s*сентябрь 2024 г\.$/);
    expect(r.sections[0].title).not.toMatch(/2024/);
  });
  it('reads the columns', () => {
    expect(act(r, 'II.3').responsible).toEqual(['заместитель директора по НМР', 'руководители ШМО']);
    expect(act(r, 'II.1').deadline.text).toBe('октябрь 2024 г. – апрель 2025 г.');
    expect(act(r, 'I.3').title).toBe('Формирование пар «наставник – наставляемый»');
    expect(act(r, 'III.2').result).toBe('Портфолио пары');
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(r.sections[0].deadline?.windows).toEqual([{ start: '2024-08-01', end: '2024-09-30' }]);
    expect(act(r, 'II.1').deadline.windows).toEqual([{ start: '2024-10-01', end: '2025-04-30' }]);
  });
});

describe('kindergarten plan with the result column first and months without a year', () => {
  const { r, problems } = load('result-first-dou.txt');
  it('reads the title and the calendar year', () => {
    expect(r.title).toBe('Комплекс мер по развитию наставничества в МБДОУ «Детский сад № 47 «Радуга» на 2025 год');
    expect(r.period).toEqual({ start: '2025-01-01', end: '2025-12-31' });
  });
  it('reads result, title, deadline and responsible wherever they stand', () => {
    expect(numbers(r)).toEqual(seq(6));
    expect(act(r, '1').result).toBe('Приказ о наставничестве, положение');
    expect(act(r, '1').title).toBe('Разработка локальных актов о наставничестве в ДОУ');
    expect(act(r, '1').responsible).toEqual(['Заведующий']);
    expect(act(r, '1').deadline.text).toBe('январь');
    expect(act(r, '4').responsible).toEqual(['Старший воспитатель', 'наставники']);
    expect(act(r, '6').responsible).toEqual(['Заведующий', 'старший воспитатель']);
    expect(act(r, '6').result).toBe('Отчёт, презентация опыта');
  });
  it('keeps a row with an empty result cell as its own activity', () => {
    expect(act(r, '5').result).toBe('');
    expect(act(r, '5').title).toBe('Участие в городском фестивале педагогических идей');
    expect(act(r, '5').deadline.text).toBe('апрель');
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '1').deadline.windows).toEqual([{ start: '2025-01-01', end: '2025-01-31' }]);
    expect(act(r, '4').deadline.kind).toBe('recurring');
  });
});

describe('«п/п» number column with numbers written «1)»', () => {
  const { r, problems } = load('pp-parenthesis.txt');
  it('reads the title and the academic year', () => {
    expect(r.title).toBe('План работы по наставничеству в МБОУ «Лицей № 2» на 2024-2025 учебный год');
    expect(r.period).toEqual(ACADEMIC_2024);
  });
  it('reads the numbers and the columns', () => {
    expect(numbers(r)).toEqual(seq(7));
    expect(act(r, '1').title).toBe('Составление и утверждение плана работы по наставничеству');
    expect(act(r, '1').responsible).toEqual(['Заместитель директора по УВР Петрова Н.С.']);
    expect(act(r, '1').result).toBe('План работы');
    expect(act(r, '2').title).toBe('Собеседование с молодыми специалистами, выявление затруднений');
    expect(act(r, '2').responsible).toEqual(['Петрова Н.С.', 'Иванов А.А.']);
    expect(act(r, '3').title).toBe('Консультация «Ведение школьной документации: электронный журнал, рабочие программы»');
    expect(act(r, '3').result).toBe('');
    expect(act(r, '5').responsible).toEqual(['Руководитель МО учителей начальных классов']);
    expect(act(r, '4').deadline.text).toBe('1 раз в четверть');
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '3').deadline.windows).toEqual([{ start: '2024-09-01', end: '2024-10-31' }]);
    expect(act(r, '4').deadline.kind).toBe('recurring');
  });
});

describe('PDF extraction: page breaks in every column, page numbers, repeated headers and column numbers', () => {
  const { r, problems } = load('pdf-pages.txt');
  it('reads the title and the period', () => {
    expect(r.title).toBe(
      'ПЛАН МЕРОПРИЯТИЙ по развитию системы наставничества педагогических работников Верхнекамского муниципального округа на 2025 – 2026 годы',
    );
    expect(r.period).toEqual({ start: '2025-01-01', end: '2026-12-31' });
  });
  it('finds the 7 activities and nothing of the page furniture', () => {
    expect(numbers(r)).toEqual(seq(7));
    expect(mentions(r, /Страница|Исполнители/)).toEqual([]);
    expect(r.warnings.filter((w) => /Страница/.test(w.message))).toEqual([]);
  });
  it('joins cells split by a row break', () => {
    expect(act(r, '1').title).toBe('Актуализация муниципальной нормативной базы по вопросам наставничества');
    expect(act(r, '1').deadline.text).toBe('январь – март 2025 г.');
    expect(act(r, '1').responsible).toEqual(['Управление образования администрации Верхнекамского муниципального округа']);
    expect(act(r, '1').result).toBe('Постановление администрации, приказы');
    expect(act(r, '2').title).toBe(
      'Формирование муниципальной базы наставников и наставляемых с указанием профессиональных дефицитов молодых педагогов',
    );
    expect(act(r, '5').deadline.text).toBe('ежегодно, декабрь');
  });
  it('joins cells split by a page break with a header repeated in between', () => {
    expect(act(r, '3').responsible).toEqual(['МКУ «Информационно-методический центр»', 'руководители общеобразовательных организаций']);
    expect(act(r, '3').result).toBe('План работы школы, отчёт об итогах');
    expect(act(r, '3').deadline.text).toBe('ежегодно, сентябрь – май');
    expect(act(r, '4').responsible).toEqual(['Управление образования', 'МКУ «Информационно-методический центр»']);
    expect(act(r, '4').result).toBe('Сценарий фестиваля, приказ об итогах');
    expect(act(r, '6').title).toBe('Размещение информации о реализации системы наставничества на официальных сайтах образовательных организаций');
    expect(act(r, '6').result).toBe('Актуальная информация на сайтах ОО');
    expect(act(r, '7').responsible).toEqual(['Управление образования администрации Верхнекамского муниципального округа']);
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '1').deadline.windows).toEqual([{ start: '2025-01-01', end: '2025-03-31' }]);
    expect(act(r, '5').deadline.kind).toBe('recurring');
  });
});

describe('an empty «Отметка о выполнении» column and a «Примечание» column', () => {
  const { r, problems } = load('marks-notes.txt');
  it('reads the title and the academic year', () => {
    expect(r.title).toBe('Дорожная карта по реализации целевой модели наставничества в ГБПОУ «Колледж сферы услуг № 3» на 2024-2025 учебный год');
    expect(r.period).toEqual(ACADEMIC_2024);
  });
  it('reads the activities and keeps the notes', () => {
    expect(numbers(r)).toEqual(seq(6));
    expect(act(r, '1').deadline.text).toBe('сентябрь 2024');
    expect(act(r, '1').responsible).toEqual(['Директор']);
    expect(act(r, '2').title).toBe('Формирование базы наставников из числа преподавателей и мастеров производственного обучения');
    expect(act(r, '2').deadline.text).toBe('сентябрь – октябрь 2024');
    expect(act(r, '2').responsible).toEqual(['Куратор']);
    expect(allText(act(r, '2'))).toContain('с привлечением представителей работодателей');
    expect(allText(act(r, '4'))).toContain('совместно с ресурсным центром');
    expect(act(r, '3').title).toBe('Закрепление наставнических пар «преподаватель – студент» и «работодатель – студент»');
    expect(act(r, '5').responsible).toEqual(['Заместитель директора по УПР', 'куратор']);
    expect(act(r, '5').deadline.text).toBe('по графику чемпионата');
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '2').deadline.windows).toEqual([{ start: '2024-09-01', end: '2024-10-31' }]);
    expect(act(r, '5').deadline.kind).toBe('conditional');
  });
});

const TASKS_SECTIONS = [
  /^(Задача 1: )?Совершенствование нормативно-правовой базы наставничества$/,
  /^(Задача 2: )?Развитие профессиональных компетенций наставников$/,
  /^(Задача 3: )?Поддержка молодых педагогов$/,
];

function checkTasks(r: Roadmap): void {
  expect(r.title).toBe('План мероприятий по реализации муниципальной программы наставничества в образовательных организациях Тихорецкого района на 2024 год');
  expect(r.period).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  expect(r.sections).toHaveLength(3);
  r.sections.forEach((s, i) => expect(s.title).toMatch(TASKS_SECTIONS[i]));
  const [s1, s2, s3] = r.sections.map((s) => s.number);
  expect(placed(r)).toEqual([`${s1}:1`, `${s1}:2`, `${s2}:3`, `${s2}:4`, `${s3}:5`, `${s3}:6`]);
  expect(act(r, '1').result).toBe('100% ОО имеют актуальные положения');
  expect(act(r, '1').deadline.text).toBe('до 1 марта 2024 г.');
  expect(act(r, '3').responsible).toEqual(['МКУ «Центр развития образования»']);
  expect(act(r, '3').result).toBe('Не менее 40 наставников прошли обучение');
  expect(act(r, '5').responsible).toEqual(['Управление образования', 'Совет молодых педагогов']);
  expect(act(r, '6').title).toBe('Конкурс методических разработок молодых педагогов «Первые шаги»');
}

describe('«Задача N:» headings in merged cells, one copied into every cell', () => {
  const { r, problems } = load('tasks-merged.txt');
  it('makes each task a section and keeps the continuous numbering', () => {
    checkTasks(r);
    expect(r.sections.map((s) => s.number)).toEqual(['1', '2', '3']);
    expect(r.warnings.filter((w) => /повтор/.test(w.message))).toEqual([]);
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '1').deadline.windows.at(-1)?.end).toBe('2024-03-01');
    expect(act(r, '3').deadline.windows).toEqual([{ start: '2024-03-01', end: '2024-04-30' }]);
  });
});

describe('several responsible organisations in (nested, unbalanced) quotes', () => {
  const { r, problems } = load('quoted-parties.txt');
  it('reads the title and the period', () => {
    expect(r.title).toBe(
      'План мероприятий («дорожная карта») по внедрению методологии наставничества в образовательных организациях города Энска на 2024 – 2025 годы',
    );
    expect(r.period).toEqual({ start: '2024-01-01', end: '2025-12-31' });
    expect(numbers(r)).toEqual(seq(6));
  });
  it('splits between organisations and never inside their names', () => {
    expect(act(r, '1').responsible).toEqual(['Управление образования', 'МАУ «ЦРО»']);
    expect(act(r, '2').responsible).toEqual(['МАУ «ЦРО»', 'МБОУ «СОШ № 5»', 'МБОУ «Гимназия № 1»']);
    expect(act(r, '3').responsible).toEqual(['МБОУ «СОШ № 5 им. А.С. Пушкина»']);
    expect(act(r, '4').responsible).toEqual(['МАУ «ЦРО»', 'МБДОУ «Детский сад № 14 «Солнышко»»']);
    expect(act(r, '5').responsible).toEqual(['МАУ ДО «Дом детского творчества «Радуга»', 'МАУ «ЦРО»']);
    expect(act(r, '6').responsible).toEqual(['Управление образования', 'МАУ «ЦРО»', 'МБОУ «СОШ № 5»']);
    expect(act(r, '2').deadline.text).toBe('в течение 2024 – 2025 гг.');
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '5').deadline.windows.map((w) => w.start)).toEqual(['2024-10-01', '2025-10-01']);
    expect(act(r, '4').deadline.kind).toBe('conditional');
  });
});

describe('a plan without a number column', () => {
  const { r, problems } = load('no-numbers.txt');
  it('reads the two-line title and the academic year', () => {
    expect(r.title).toBe('План мероприятий по сопровождению молодых педагогов МБОУ «Основная общеобразовательная школа с. Красное» на 2024 – 2025 учебный год');
    expect(r.period).toEqual(ACADEMIC_2024);
  });
  it('numbers the activities in order, with at most one warning about it', () => {
    expect(numbers(r)).toEqual(seq(6));
    expect(r.activities.map((a) => a.title)).toEqual([
      'Закрепление наставников за молодыми педагогами',
      'Составление индивидуальных планов профессионального развития',
      'Посещение уроков наставниками',
      'Участие в работе районного методического объединения молодых педагогов',
      'Диагностика удовлетворённости молодых педагогов',
      'Отчёт наставников на педагогическом совете',
    ]);
    expect(r.warnings.filter((w) => /номер/.test(w.message)).length).toBeLessThanOrEqual(1);
  });
  it('reads the columns', () => {
    expect(act(r, '1').responsible).toEqual(['Директор школы']);
    expect(act(r, '1').result).toBe('Приказ');
    expect(act(r, '4').result).toBe('');
    expect(act(r, '4').responsible).toEqual(['Молодые педагоги']);
    expect(act(r, '4').deadline.text).toBe('по плану РМО');
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '3').deadline.kind).toBe('recurring');
    expect(act(r, '4').deadline.kind).toBe('conditional');
    expect(act(r, '5').deadline.windows).toEqual([{ start: '2025-04-01', end: '2025-04-30' }]);
  });
});

describe('a title over six lines under an authority header and a «УТВЕРЖДЕН» stamp, Roman sections', () => {
  const { r, problems } = load('multiline-title.txt');
  it('joins the title lines and reads the period 2025–2027', () => {
    expect(r.title).toBe(
      'ДОРОЖНАЯ КАРТА по реализации системы (целевой модели) наставничества педагогических работников в образовательных организациях Заречного муниципального района на 2025 – 2027 годы',
    );
    expect(r.period).toEqual({ start: '2025-01-01', end: '2027-12-31' });
  });
  it('reads Roman sections over continuous numbering', () => {
    expect(r.sections.map((s) => [s.number, s.title])).toEqual([
      ['I', 'Организационное обеспечение'],
      ['II', 'Методическое сопровождение'],
      ['III', 'Мониторинг'],
    ]);
    expect(placed(r)).toEqual(['I:1', 'I:2', 'II:3', 'II:4', 'III:5']);
    expect(mentions(r, /Орлова|Начальник управления/)).toEqual([]);
  });
  it('reads the columns', () => {
    expect(act(r, '4').responsible).toEqual(['ММЦ', 'руководители ОО']);
    expect(act(r, '4').deadline.text).toBe('ежегодно, август');
    expect(act(r, '5').result).toBe('Информационно-аналитическая справка');
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '1').deadline.windows).toEqual([{ start: '2025-01-01', end: '2025-01-31' }]);
    expect(act(r, '5').deadline.kind).toBe('recurring');
  });
});

describe('a school-of-young-teacher plan: «Тема», «Форма проведения», «Участники», «Дата»', () => {
  const { r, problems } = load('theme-form.txt');
  it('reads the title and the academic year', () => {
    expect(r.title).toBe('План работы «Школы молодого педагога» МБОУ «СОШ № 8» г. Озёрска на 2024 – 2025 учебный год');
    expect(r.period).toEqual(ACADEMIC_2024);
  });
  it('takes the theme as the title, the date as the deadline and the responsible column, not the participants', () => {
    expect(numbers(r)).toEqual(seq(6));
    expect(act(r, '1').title).toBe('Знакомство с локальными актами школы. Требования к ведению документации');
    expect(act(r, '1').deadline.text).toBe('сентябрь');
    expect(act(r, '1').responsible).toEqual(['Заместитель директора по УВР']);
    expect(act(r, '3').responsible).toEqual(['Педагог-психолог']);
    expect(act(r, '5').deadline.text).toBe('февраль – март');
    expect(allText(act(r, '3'))).toContain('Тренинг');
    expect(allText(act(r, '3'))).toContain('Молодые педагоги, классные руководители');
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '1').deadline.windows).toEqual([{ start: '2024-09-01', end: '2024-09-30' }]);
    expect(act(r, '4').deadline.windows).toEqual([{ start: '2025-01-01', end: '2025-01-31' }]);
    expect(act(r, '5').deadline.windows).toEqual([{ start: '2025-02-01', end: '2025-03-31' }]);
  });
});

// ---- the same roadmaps as real files -------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), 'roadmap-holdout-'));

/** Table rows of a fixture and the paragraphs around them: the first line with tabs opens the table. */
function splitFixture(name: string): { before: string[]; rows: string[][]; after: string[] } {
  const lines = fixtureText(name).split('\n');
  const first = lines.findIndex((l) => l.includes('\t'));
  // The table runs to the first blank line after it; what follows (a signature) becomes paragraphs.
  let last = first;
  while (last + 1 < lines.length && lines[last + 1].trim() !== '') last++;
  const width = lines[first].split('\t').length;
  const rows = lines.slice(first, last + 1).map((l) => {
    const cells = l.split('\t');
    while (cells.length < width) cells.push('');
    return cells;
  });
  return {
    before: lines.slice(0, first).filter((l) => l.trim()),
    rows,
    after: lines.slice(last + 1).filter((l) => l.trim()).map((l) => l.replace(/\t+/g, ' ')),
  };
}

/** A row whose text stands in the first cell only, or is the same in every cell: one merged cell. */
function isMergedRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim());
  return cells.length > 1 && filled.length > 0 && (filled.length === 1 ? cells[0].trim() !== '' : filled.length === cells.length && new Set(filled).size === 1);
}

async function buildDocx(name: string): Promise<string> {
  const { before, rows, after } = splitFixture(name);
  const width = rows[0].length;
  const para = (t: string): Paragraph => new Paragraph({ children: [new TextRun(t)] });
  const cell = (t: string, columnSpan?: number): TableCell => new TableCell({ columnSpan, children: [para(t)] });
  const table = new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({ children: isMergedRow(cells) ? [cell(cells[0], width)] : cells.map((c) => cell(c)) }),
    ),
  });
  const doc = new Document({ sections: [{ children: [...before.map(para), table, ...after.map(para)] }] });
  const path = join(dir, name.replace(/\.txt$/, '.docx'));
  writeFileSync(path, await Packer.toBuffer(doc));
  return path;
}

async function buildXlsx(name: string): Promise<string> {
  const { before, rows, after } = splitFixture(name);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Дорожная карта');
  const width = rows[0].length;
  const last = String.fromCharCode(64 + width);
  before.forEach((t) => {
    const row = ws.addRow([t]);
    ws.mergeCells(`A${row.number}:${last}${row.number}`);
  });
  ws.addRow([]);
  for (const cells of rows) {
    if (isMergedRow(cells)) {
      const row = ws.addRow([cells[0]]);
      ws.mergeCells(`A${row.number}:${last}${row.number}`);
    } else ws.addRow(cells.map((c) => (c === '' ? null : c)));
  }
  ws.addRow([]);
  after.forEach((t) => ws.addRow([t]));
  const path = join(dir, name.replace(/\.txt$/, '.xlsx'));
  await wb.xlsx.writeFile(path);
  return path;
}

async function throughReader(path: string): Promise<{ r: Roadmap; problems: string[] }> {
  const src = await readRoadmapFile(path);
  if (typeof src === 'string') throw new Error('expected table rows');
  const traced = normaliseRoadmapTraced(src as TableSource);
  return { r: traced.roadmap, problems: droppedText(sourceLines(src as TableSource), traced) };
}

describe('hold-out roadmaps as .docx and .xlsx with merged heading cells', () => {
  it('reads the «Задача N:» plan from .docx', async () => {
    const { r, problems } = await throughReader(await buildDocx('tasks-merged.txt'));
    checkTasks(r);
    expect(problems).toEqual([]);
  });

  it('reads the stage plan from .xlsx', async () => {
    const { r, problems } = await throughReader(await buildXlsx('stages-roman-restart.txt'));
    expect(r.title).toBe('Дорожная карта реализации программы наставничества «Вместе к успеху» в МАОУ «Гимназия № 3» на 2024-2025 учебный год');
    expect(r.period).toEqual(ACADEMIC_2024);
    expect(r.sections.map((s) => s.number)).toEqual(['I', 'II', 'III']);
    expect(placed(r)).toEqual(['I:I.1', 'I:I.2', 'I:I.3', 'II:II.1', 'II:II.2', 'II:II.3', 'II:II.4', 'III:III.1', 'III:III.2']);
    expect(act(r, 'II.3').responsible).toEqual(['заместитель директора по НМР', 'руководители ШМО']);
    expect(problems).toEqual([]);
  });

  it('reads the plan with a signature block from .xlsx', async () => {
    const { r, problems } = await throughReader(await buildXlsx('school-approval.txt'));
    expect(r.period).toEqual(ACADEMIC_2024);
    expect(numbers(r)).toEqual(seq(8));
    expect(act(r, '8').responsible).toEqual(['Директор', 'заместитель директора по УВР']);
    expect(mentions(r, /Кузнецова|УТВЕРЖДАЮ/)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

// ---- second hold-out batch: written after the fixes for the first one, before running them ---------------

describe('b2: an Excel CSV export with quoted multi-line cells', () => {
  it('reads the title from the first cells, the rows and the cell line breaks', async () => {
    const src = await readRoadmapFile(new URL('b2-excel.csv', DIR).pathname);
    const traced = typeof src === 'string' ? roadmapFromTextTraced(src) : normaliseRoadmapTraced(src);
    const r = traced.roadmap;
    expect(r.title).toBe('План мероприятий (дорожная карта) по внедрению целевой модели наставничества в МБОУ «Средняя школа № 17» на 2023-2024 учебный год');
    expect(r.period).toEqual({ start: '2023-09-01', end: '2024-08-31' });
    expect(numbers(r)).toEqual(seq(5));
    expect(act(r, '1').title).toBe('Издание приказа «О внедрении целевой модели наставничества»');
    expect(act(r, '2').title).toBe('Назначение куратора внедрения целевой модели наставничества');
    expect(act(r, '2').deadline.text).toBe('август 2023 г.');
    expect(act(r, '3').responsible).toEqual(['Куратор', 'Руководители ШМО']);
    expect(act(r, '4').responsible).toEqual(['Куратор', 'наставники']);
    expect(act(r, '5').deadline.text).toBe('декабрь 2023 г., май 2024 г.');
    if (typeof src !== 'string') expect(droppedText(sourceLines(src), traced)).toEqual([]);
  });
});

describe('b2: a table of target indicators before the roadmap table', () => {
  const { r, problems } = load('b2-indicators-first.txt');
  it('imports the activity table, not the indicators, with the programme period', () => {
    expect(r.title).toMatch(/План мероприятий по реализации программы/);
    expect(r.period).toEqual({ start: '2024-01-01', end: '2026-12-31' });
    expect(numbers(r)).toEqual(seq(4));
    expect(act(r, '1').title).toBe('Формирование муниципального реестра наставников');
    expect(act(r, '3').responsible).toEqual(['Управление образования', 'МКУ «ИМЦ»']);
    expect(act(r, '4').deadline.text).toBe('ежегодно, до 20 декабря');
    expect(mentions(r, /Доля молодых педагогов/)).toEqual([]);
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '1').deadline.windows).toEqual([{ start: '2024-01-01', end: '2024-03-31' }]);
    expect(act(r, '3').deadline.kind).toBe('recurring');
  });
});

describe('b2: a «Месяц» column merged down over the rows of each month', () => {
  const { r, problems } = load('b2-month-column.txt');
  it('gives each row the month of the merged cell above it', () => {
    expect(r.title).toBe('План работы наставника с молодыми педагогами МБОУ «СОШ № 3» на 2024-2025 учебный год');
    expect(r.period).toEqual(ACADEMIC_2024);
    expect(numbers(r)).toEqual(seq(7));
    expect(act(r, '1').deadline.text).toBe('Сентябрь');
    expect(act(r, '2').deadline.text).toBe('Сентябрь');
    expect(act(r, '4').deadline.text).toBe('Октябрь');
    expect(act(r, '6').deadline.text).toBe('Декабрь – январь');
    expect(act(r, '2').title).toBe('Помощь в составлении рабочих программ и КТП');
    expect(act(r, '5').responsible).toEqual(['Наставник', 'заместитель директора по ВР']);
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '2').deadline.windows).toEqual([{ start: '2024-09-01', end: '2024-09-30' }]);
    expect(act(r, '6').deadline.windows).toEqual([{ start: '2024-12-01', end: '2025-01-31' }]);
  });
});

describe('b2: numbered section rows carrying a responsible party, years and quarters as deadlines', () => {
  const { r, problems } = load('b2-years-deadlines.txt');
  it('reads the sections with their responsible parties', () => {
    expect(r.title).toBe(
      'ПЛАН МЕРОПРИЯТИЙ («ДОРОЖНАЯ КАРТА») по внедрению системы наставничества педагогических работников в Республике Энск на 2024 – 2025 гг.',
    );
    expect(r.period).toEqual({ start: '2024-01-01', end: '2025-12-31' });
    expect(r.sections.map((s) => [s.number, s.title])).toEqual([
      ['1', 'Нормативное правовое обеспечение'],
      ['2', 'Организационно-методическое обеспечение'],
      ['3', 'Информационное обеспечение'],
    ]);
    expect(r.sections[0].responsible).toEqual(['Министерство образования и науки Республики Энск']);
    expect(r.sections[0].deadline).toBeNull();
    expect(placed(r)).toEqual(['1:1.1', '1:1.2', '2:2.1', '2:2.2', '2:2.3', '3:3.1']);
  });
  it('splits the responsible parties', () => {
    expect(act(r, '1.2').responsible).toEqual([
      'Органы местного самоуправления муниципальных образований, осуществляющие управление в сфере образования',
    ]);
    expect(act(r, '2.2').responsible).toEqual(['ИРО', 'ГБОУ «Республиканский центр «Одарённость»']);
    expect(act(r, '3.1').responsible).toEqual([
      'Министерство образования и науки Республики Энск',
      'ИРО',
      'муниципальные органы управления образованием',
    ]);
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '1.1').deadline.windows).toEqual([{ start: '2024-10-01', end: '2024-12-31' }]);
    expect(act(r, '2.2').deadline.windows).toEqual([{ start: '2025-01-01', end: '2025-06-30' }]);
    expect(act(r, '2.3').deadline.kind).toBe('conditional');
    expect(act(r, '3.1').deadline.kind).toBe('continuous');
  });
});

describe('b2: «Этап N.» rows over a seven-column table with participants and a report form', () => {
  const { r, problems } = load('b2-stage-seven-columns.txt');
  it('reads the stages and the columns', () => {
    expect(r.title).toBe('Дорожная карта по реализации программы наставничества МАДОУ «Детский сад № 21» на 2025/26 учебный год');
    expect(r.period).toEqual({ start: '2025-09-01', end: '2026-08-31' });
    expect(r.sections.map((s) => s.number)).toEqual(['1', '2', '3']);
    expect(r.sections[0].title).toMatch(/Подготовительный/);
    expect(placed(r)).toEqual(['1:1.1', '1:1.2', '2:2.1', '2:2.2', '3:3.1']);
    expect(act(r, '1.1').result).toBe('Выявлены педагоги, нуждающиеся в сопровождении');
    expect(act(r, '1.1').document).toBe('Аналитическая справка');
    expect(act(r, '1.1').responsible).toEqual(['Старший воспитатель']);
    expect(act(r, '1.1').deadline.text).toBe('до 15 сентября');
    expect(allText(act(r, '1.2'))).toContain('Наставники, молодые педагоги');
    expect(act(r, '3.1').responsible).toEqual(['Заведующий', 'старший воспитатель']);
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '1.1').deadline.windows.at(-1)?.end).toBe('2025-09-15');
    expect(act(r, '2.1').deadline.windows).toEqual([{ start: '2025-10-01', end: '2026-04-30' }]);
  });
});

describe('b2: PDF text with page numbers and a repeated header that lost its tabs', () => {
  const { r, problems } = load('b2-pdf-header-lost-tabs.txt');
  it('skips the furniture and joins the responsible cut by the page', () => {
    expect(r.title).toBe('План мероприятий по наставничеству в МКОУ «Лесная СОШ» на 2024 год');
    expect(r.period).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(r.sections).toEqual([]);
    expect(numbers(r)).toEqual(seq(5));
    expect(act(r, '4').responsible).toEqual(['Молодые специалисты', 'наставники']);
    expect(act(r, '4').deadline.text).toBe('март – апрель');
    expect(mentions(r, /п\/п/)).toEqual([]);
    expect(problems).toEqual([]);
  });
  it('parses the deadlines', () => {
    expect(act(r, '3').deadline.windows).toEqual([{ start: '2024-02-01', end: '2024-02-29' }]);
  });
});

// ---- the general rules the hold-out asked for, each with the cases it must leave alone --------------------

describe('rules added for the hold-out', () => {
  it('tells a tab-aligned signature from a row or a responsible cut by a page break', () => {
    expect(signatureRow(['Заместитель директора по УВР', '', '', 'О.А. Кузнецова'])).toBe(true);
    expect(signatureRow(['Начальник управления образования', '', '', '', 'С.П. Орлова'])).toBe(true);
    expect(signatureRow(['Директор школы ____________ И.И. Иванов'])).toBe(true);
    expect(signatureRow(['', '', '', 'Петрова Н.С.'])).toBe(false);
    expect(signatureRow(['5', 'Отчёт наставников', 'май 2024', 'Иванов И.И.'])).toBe(false);
    expect(signatureRow(['Отчёт о работе', 'Иванов И.И.'])).toBe(false);
  });

  it('takes dates out of a heading only when nothing but dates follows', () => {
    expect(datesOfHeading('I этап – подготовительный (август–сентябрь 2024 г.)')).toEqual({
      title: 'I этап – подготовительный',
      deadline: 'август–сентябрь 2024 г.',
    });
    expect(datesOfHeading('Подготовительный этап – август – сентябрь 2023 г.')).toEqual({
      title: 'Подготовительный этап',
      deadline: 'август – сентябрь 2023 г.',
    });
    expect(datesOfHeading('Основной этап: с 01.10.2024 по 30.04.2025')).toEqual({ title: 'Основной этап', deadline: 'с 01.10.2024 по 30.04.2025' });
    expect(datesOfHeading('Методическое сопровождение (далее – МС)')).toBeNull();
    expect(datesOfHeading('Этап 2: основной')).toBeNull();
    expect(datesOfHeading('Работа с молодыми педагогами в течение года')).toBeNull();
    expect(datesOfHeading('Итоги 2024 года (анализ)')).toBeNull();
  });

  it('splits parties when a nested quote was never closed, and keeps balanced names whole', () => {
    expect(splitResponsible('МАУ ДО «Дом детского творчества «Радуга», МАУ «ЦРО»')).toEqual(['МАУ ДО «Дом детского творчества «Радуга»', 'МАУ «ЦРО»']);
    expect(splitResponsible('МБУ «Центр «Доверие», психологической помощи», УО')).toEqual(['МБУ «Центр «Доверие», психологической помощи»', 'УО']);
    expect(splitResponsible('МБДОУ «Детский сад № 14 «Солнышко»», МАУ «ЦРО»')).toEqual(['МБДОУ «Детский сад № 14 «Солнышко»»', 'МАУ «ЦРО»']);
  });

  it('attaches an active participle clause to the party before it, not a passive adjective', () => {
    expect(splitResponsible('органы местного самоуправления, осуществляющие управление в сфере образования')).toHaveLength(1);
    expect(splitResponsible('ОО, реализующие программы наставничества, ИРО')).toEqual(['ОО, реализующие программы наставничества', 'ИРО']);
    expect(splitResponsible('Управление образования, заинтересованные организации')).toEqual(['Управление образования', 'заинтересованные организации']);
  });

  it('joins a responsible cut before a genitive adjective, not before a new party', () => {
    const table = (second: string): Roadmap =>
      roadmapFromTextTraced(
        ['План на 2025 год', '', '№\tМероприятие\tСрок\tОтветственный', '1\tСеминар\tмарт 2025\tОтдел образования администрации', `\t\t\t${second}`, '2\tКонкурс\tмай 2025\tИМЦ'].join('\n'),
      ).roadmap;
    expect(act(table('Новгородской области'), '1').responsible).toEqual(['Отдел образования администрации Новгородской области']);
    expect(act(table('Городского округа'), '1').responsible).toEqual(['Отдел образования администрации Городского округа']);
    expect(act(table('Городской методический центр'), '1').responsible).toEqual(['Отдел образования администрации', 'Городской методический центр']);
    expect(act(table('Руководители ОО'), '1').responsible).toEqual(['Отдел образования администрации', 'Руководители ОО']);
  });

  it('reads a header line that lost its tabs as the header, not as text', () => {
    const header = matchHeader([['№ п/п', 'Мероприятие', 'Срок', 'Ответственный']], 0);
    expect(header).not.toBeNull();
    if (!header) return;
    expect(repeatsHeaderText(header, '№ п/п Мероприятие Срок Ответственный')).toBe(true);
    expect(repeatsHeaderText(header, 'Мероприятие по плану')).toBe(false);
  });

  it('inherits a deadline only from a deadline column that stands left of the activities', () => {
    const right = roadmapFromTextTraced(
      ['План на 2025 год', '', '№\tМероприятие\tСрок\tОтветственный', '1\tСеминар\tмарт 2025\tИМЦ', '2\tКонкурс\t\tИМЦ'].join('\n'),
    ).roadmap;
    expect(act(right, '2').deadline.text).toBe('');
    const left = roadmapFromTextTraced(
      ['План на 2025 год', '', 'Срок\t№\tМероприятие\tОтветственный', 'март 2025\t1\tСеминар\tИМЦ', '\t2\tКонкурс\tИМЦ'].join('\n'),
    ).roadmap;
    expect(act(left, '2').deadline.text).toBe('март 2025');
  });

  it('says so when numbered rows follow the table it imported', () => {
    const note = 'Примечание: мероприятия раздела согласуются с муниципальным планом и могут уточняться в течение года по решению рабочей группы.';
    const text = [
      'План мероприятий на 2025 год',
      '',
      '№\tМероприятие\tСрок\tОтветственный',
      '1\tСеминар наставников\tмарт 2025\tИМЦ',
      `${note} ${note} ${note}`,
      '2\tКонкурс «Наставник года»\tмай 2025\tИМЦ',
      '3\tКонференция\tиюнь 2025\tУО',
    ].join('\n');
    const r = roadmapFromTextTraced(text).roadmap;
    expect(numbers(r)).toEqual(['1']);
    expect(r.warnings.filter((w) => /не импортированы/.test(w.message)).map((w) => w.line)).toEqual([6]);
  });
});

describe('rules added while probing beyond the hold-out', () => {
  function traced(lines: string[]): { r: Roadmap; problems: string[] } {
    const text = lines.join('\n');
    const t = roadmapFromTextTraced(text);
    return { r: t.roadmap, problems: droppedText(textLines(text), t) };
  }

  it('reads «2025 год» rows as sections that give their items the year, with or without tabs', () => {
    for (const pad of ['', '\t\t\t']) {
      const { r, problems } = traced([
        'План мероприятий по развитию наставничества на 2024 – 2025 годы',
        '',
        '№\tМероприятие\tСрок\tОтветственный',
        `2024 год${pad}`,
        '1\tСеминар для наставников\tмарт\tИМЦ',
        '2\tКонкурс «Наставник года»\tноябрь\tУО',
        `2025 год${pad}`,
        '3\tСеминар для наставников\tмарт\tИМЦ',
      ]);
      expect(r.sections.map((s) => [s.title, s.deadline?.text])).toEqual([['2024 год', '2024 год'], ['2025 год', '2025 год']]);
      expect(act(r, '2').deadline.text).toBe('ноябрь');
      expect(act(r, '3').deadline.windows).toEqual([{ start: '2025-03-01', end: '2025-03-31' }]);
      expect(problems).toEqual([]);
    }
  });

  it('reads a plan dated by its month rows, without a deadline column', () => {
    const { r, problems } = traced([
      'План работы наставника с молодым специалистом',
      'на 2024-2025 учебный год',
      '',
      '№\tСодержание работы\tОтветственный\tФорма работы',
      'Сентябрь',
      '1\tСоставление индивидуального плана развития\tНаставник\tБеседа',
      '2\tИзучение нормативных документов\tМолодой специалист\tСамостоятельная работа',
      'Ноябрь – декабрь',
      '3\tПодготовка открытого урока\tНаставник, молодой специалист\tПрактикум',
    ]);
    expect(numbers(r)).toEqual(seq(3));
    expect(act(r, '2').deadline.text).toBe('Сентябрь');
    expect(act(r, '3').deadline.windows).toEqual([{ start: '2024-11-01', end: '2024-12-31' }]);
    expect(act(r, '3').responsible).toEqual(['Наставник', 'молодой специалист']);
    expect(problems).toEqual([]);
  });

  it('still refuses a list without deadlines that is no plan', () => {
    expect(() => roadmapFromTextTraced('№\tНаименование организации\tОтветственный\n1\tМБОУ СОШ № 1\tИванов И.И.\n2\tМБОУ СОШ № 2\tПетров П.П.\n')).toThrow(
      /Таблица мероприятий не найдена/,
    );
  });

  it('continues a cell with list items on the rows below it', () => {
    const { r, problems } = traced([
      'Дорожная карта на 2024 год',
      '',
      '№\tМероприятие\tСрок\tОтветственный',
      '1\tПроведение диагностики:\tянварь 2024\tПедагог-психолог',
      '\t- анкетирование молодых педагогов;\t\t',
      '\t- собеседование с наставниками.\t\t',
      '2\tЗакрепление пар\tфевраль 2024\tИванова И.И., зам. директора по УВР',
    ]);
    expect(r.sections).toEqual([]);
    expect(act(r, '1').title).toBe('Проведение диагностики: - анкетирование молодых педагогов; - собеседование с наставниками.');
    expect(act(r, '2').responsible).toEqual(['Иванова И.И., зам. директора по УВР']);
    expect(problems).toEqual([]);
  });
});

describe('the «Месяц» plan as .docx with the month cells merged down', () => {
  it('gives every row of a merged month its month', async () => {
    const { before, rows } = splitFixture('b2-month-column.txt');
    const para = (t: string): Paragraph => new Paragraph({ children: [new TextRun(t)] });
    const spans = new Map<number, number>();
    rows.forEach((cells, i) => {
      if (i === 0 || cells[0] === '') return;
      let k = i + 1;
      while (k < rows.length && rows[k][0] === '') k++;
      spans.set(i, k - i);
    });
    const table = new Table({
      rows: rows.map((cells, i) => {
        const children = cells.map((c, j) => new TableCell({ rowSpan: j === 0 ? spans.get(i) : undefined, children: [para(c)] }));
        // A cell covered by a merge above is not written: the merged cell's vMerge continues over it.
        return new TableRow({ children: i > 0 && cells[0] === '' ? children.slice(1) : children });
      }),
    });
    const doc = new Document({ sections: [{ children: [...before.map(para), table] }] });
    const path = join(dir, 'month-column.docx');
    writeFileSync(path, await Packer.toBuffer(doc));
    const { r, problems } = await throughReader(path);
    expect(numbers(r)).toEqual(seq(7));
    expect(act(r, '2').deadline.text).toBe('Сентябрь');
    expect(act(r, '4').deadline.text).toBe('Октябрь');
    expect(act(r, '5').responsible).toEqual(['Наставник', 'заместитель директора по ВР']);
    expect(problems).toEqual([]);
  });
});
