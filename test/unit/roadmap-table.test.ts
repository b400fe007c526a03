// The three real roadmaps of seeds/: every activity found once, sections right, text cleaned and nothing
// dropped. Expectations were counted by hand from the seed files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roadmapFromTextTraced, normaliseRoadmap } from '../../src/domain/roadmap-table';
import type { Roadmap } from '../../src/domain/types';
import { droppedText, textLines } from './roadmap-invariant';

const SEEDS = 'test/fixtures/seeds';

function seed(name: string): { text: string; roadmap: Roadmap; problems: string[] } {
  const text = readFileSync(`${SEEDS}/${name}`, 'utf8');
  const traced = roadmapFromTextTraced(text);
  return { text, roadmap: traced.roadmap, problems: droppedText(textLines(text), traced) };
}

function perSection(r: Roadmap): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of r.sections) out[s.number] = 0;
  for (const a of r.activities) out[a.section] = (out[a.section] ?? 0) + 1;
  return out;
}

function activity(r: Roadmap, number: string) {
  const a = r.activities.find((x) => x.number === number);
  if (!a) throw new Error(`no activity ${number}: ${r.activities.map((x) => x.number).join(',')}`);
  return a;
}

describe('pogranichny 2022–2023 (4 columns, no sections, a page break in the responsible column)', () => {
  const { roadmap: r, problems } = seed('pogranichny_2022-2023.txt');

  it('finds the title and the academic-year period', () => {
    expect(r.title).toMatch(/^План мероприятий \(дорожная карта\) по реализации целевой модели наставничества в общеобразовательных/);
    expect(r.title).toMatch(/Пограничного муниципального округа на 2022 – 2023 учебный год$/);
    expect(r.title).not.toContain('*');
    expect(r.period).toEqual({ start: '2022-09-01', end: '2023-08-31' });
  });

  it('has the 11 activities numbered 1–11 with no sections', () => {
    expect(r.sections).toEqual([]);
    expect(r.activities.map((a) => a.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(r.activities.every((a) => a.section === '')).toBe(true);
    expect(r.activities.map((a) => a.source.line)).toEqual([10, 11, 12, 13, 14, 15, 18, 19, 20, 21, 22]);
  });

  it('merges the continuation row of activity 6 into its responsible list', () => {
    expect(activity(r, '6').responsible).toEqual([
      'Учебно-методический отдел МКУ «ЦОД МОО Пограничного МО»',
      'отдел образования АМПО',
      'образовательные организации',
    ]);
    expect(activity(r, '6').deadline.text).toBe('с 01.09.2022 г. по 31.10.2022 г.');
  });

  it('splits responsible cells on commas but not inside quotes', () => {
    expect(activity(r, '2').responsible).toEqual(['Образовательные организации', 'отдел образования АМПО']);
    expect(activity(r, '4').responsible).toEqual(['Учебно-методический отдел МКУ «ЦОД МОО Пограничного МО»']);
    expect(activity(r, '10').responsible).toHaveLength(2);
  });

  it('parses the deadlines against the academic year', () => {
    expect(activity(r, '3').deadline).toMatchObject({ kind: 'dated', windows: [{ start: '2022-09-01', end: '2022-09-30' }] });
    expect(activity(r, '5').deadline.windows.map((w) => w.start)).toEqual(['2022-09-01', '2022-12-01', '2023-03-01']);
    expect(activity(r, '6').deadline.windows).toEqual([{ start: '2022-09-01', end: '2022-10-31' }]);
    expect(activity(r, '2').deadline.kind).toBe('continuous');
    expect(activity(r, '8').deadline.kind).toBe('conditional');
    expect(activity(r, '1').deadline.windows[0].end).toBe('2022-09-01');
  });

  it('keeps deadline texts and titles whole', () => {
    expect(activity(r, '5').deadline.text).toBe('сентябрь 2022 г., декабрь 2022 г., март 2023 г.');
    expect(activity(r, '8').title).toMatch(/^Оценки качества процесса .* после завершения программы\)$/);
    expect(activity(r, '11').title).toContain('(при наличии молодых педагогов)');
  });

  it('drops nothing', () => {
    expect(problems).toEqual([]);
  });
});

describe('serpukhov 2023–2024 (6 columns, numbered sections with their own deadline, bold markup)', () => {
  const { roadmap: r, problems } = seed('serpukhov_2023-2024.txt');

  it('reads the title over a heading and its lower-case continuation, and the academic year', () => {
    expect(r.title).toMatch(/^Дорожная карта реализации муниципального проекта системного развития/);
    expect(r.title).toMatch(/на 2023-2024 уч\.год$/);
    expect(r.period).toEqual({ start: '2023-09-01', end: '2024-08-31' });
  });

  it('has sections 1–8 whose rows carry their own deadline, responsible and result', () => {
    expect(r.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const s1 = r.sections[0];
    expect(s1.title).toBe('Создание и развитие условий для запуска проекта наставничества в формате «учитель-учитель»');
    expect(s1.deadline?.text).toBe('Август, 2023');
    expect(s1.responsible).toEqual(['Директор МОУ ДПО УМЦ']);
    expect(r.sections[1].deadline?.text).toBe('В течение года');
    expect(r.sections[6].deadline?.text).toBe('По графику ежемесячно');
  });

  it('joins section rows split by a page break', () => {
    expect(r.sections[6].title).toBe('Комплекс мероприятий муниципального проекта по наставничеству');
    expect((r.sections[1] as { result?: string }).result).toMatch(/личностной и профессиональной самореализации в современных условиях$/);
  });

  it('counts the activities of each section', () => {
    expect(perSection(r)).toEqual({ '1': 2, '2': 2, '3': 1, '4': 4, '5': 1, '6': 4, '7': 2, '8': 2 });
    expect(r.activities.map((a) => a.number)).toEqual([
      '1.1', '1.2', '2.1', '2.2', '3.1', '4.1', '4.2', '4.3', '4.3.4', '5.1',
      '6.1', '6.2', '6.3', '6.4', '7.1', '7.2', '8.1', '8.2',
    ]);
  });

  it('maps task and document columns to result and document', () => {
    const a = activity(r, '1.1');
    expect(a.title).toBe('Информирование педагогического сообщества, внешней аудитории о подготовке муниципального проекта по наставничеству');
    expect(a.result).toMatch(/^Информирование целевой аудитории через медиа/);
    expect(a.document).toBe('Письма МБУ ДПО УМЦ в ОО');
    expect(activity(r, '7.2').document).toBe('эссе');
    expect(a.original?.number).toBe('1.1.');
  });

  it('splits glued and attributive responsible parties', () => {
    expect(activity(r, '6.3').responsible).toEqual(['Директор МОУ ДПО УМЦ', 'Заместители руководителей ОО']);
    expect(activity(r, '6.1').responsible).toEqual([
      'Заместители руководителей ОО, координирующих наставническую деятельность',
      'амбассадоры',
      'наставники',
      'молодые педагоги',
    ]);
    expect(activity(r, '3.1').responsible).toEqual([]);
  });

  it('resolves a month without a year inside the academic year and flags dates outside it', () => {
    expect(activity(r, '8.2').deadline.windows).toEqual([{ start: '2024-04-01', end: '2024-04-30' }]);
    expect(activity(r, '6.2').deadline.windows).toEqual([{ start: '2023-09-01', end: '2024-05-31' }]);
    expect(r.warnings.some((w) => w.line === 30)).toBe(true);
    expect(r.sections[1].deadline?.kind).toBe('continuous');
  });

  it('ignores the indicator table and the signature after the roadmap', () => {
    expect(r.warnings.every((w) => w.line >= 9 && w.line <= 43)).toBe(true);
    expect(r.activities.some((a) => /Доля/.test(a.title))).toBe(false);
  });

  it('drops nothing', () => {
    expect(problems).toEqual([]);
  });
});

describe('seversk 2021–2024 (an order and a programme before the roadmap, stages, restarting numbers)', () => {
  const { roadmap: r, problems } = seed('seversk_2021-2024.txt');

  it('takes the roadmap title, not the order or the programme', () => {
    expect(r.title).toBe(
      'Дорожная карта реализации муниципальной программы «Развитие наставничества в системе общего образования ЗАТО Северск на 2021 -2024 гг.»»',
    );
    expect(r.period).toEqual({ start: '2021-01-01', end: '2024-12-31' });
  });

  it('has the unnumbered headings and stages as sections Р1–Р7', () => {
    expect(r.sections.map((s) => [s.number, s.title])).toEqual([
      ['Р1', 'Нормативное обеспечение реализации программы наставничества'],
      ['Р2', 'Информационное освещение мероприятий в рамках реализации программы наставничества'],
      ['Р3', 'ОСНОВНОЙ ЭТАП'],
      ['Р4', 'Нормативное обеспечение реализации программы наставничества'],
      ['Р5', 'Реализация программы наставничества'],
      ['Р6', 'Информационное освещение мероприятий в рамках реализации программы наставничества'],
      ['Р7', 'ЗАВЕРШАЮЩИЙ ЭТАП'],
    ]);
    expect(r.sections.map((s) => s.source?.line)).toEqual([282, 286, 291, 292, 297, 303, 305]);
  });

  it('counts 19 activities per section and makes restarting numbers unique', () => {
    expect(perSection(r)).toEqual({ 'Р1': 3, 'Р2': 2, 'Р3': 0, 'Р4': 4, 'Р5': 4, 'Р6': 1, 'Р7': 5 });
    const numbers = r.activities.map((a) => a.number);
    expect(new Set(numbers).size).toBe(19);
    expect(numbers.slice(0, 6)).toEqual(['Р1.1', 'Р1.2', 'Р1.3', 'Р2.4', 'Р2.5', 'Р4.1']);
    expect(activity(r, 'Р4.1').original?.number).toBe('1');
    expect(activity(r, 'Р4.1').title).toBe('Формирование, ведение и пополнение баз данных наставляемых/наставников');
  });

  it('merges a repeated number without a title into the activity above', () => {
    const a = activity(r, 'Р7.5');
    expect(a.deadline.text).toBe('Август 2024 г.; Декабрь 2024 г.');
    expect(a.responsible).toEqual(['УО', 'РЦО', 'ОО', 'ДО']);
    expect(r.warnings.some((w) => w.line === 311)).toBe(true);
  });

  it('continues a deadline cut by a page break and splits glued abbreviations', () => {
    expect(activity(r, 'Р2.4').deadline.text).toMatch(/регулярное обновление$/);
    expect(activity(r, 'Р2.4').responsible).toEqual(['РЦО', 'ОО', 'ДО']);
    expect(activity(r, 'Р1.3').responsible).toEqual(['УО', 'РЦО', 'ОО', 'ДО']);
  });

  it('parses dated, recurring and continuous deadlines', () => {
    expect(activity(r, 'Р1.1').deadline).toMatchObject({ kind: 'dated', windows: [{ start: '2021-07-01', end: '2021-07-31' }] });
    expect(activity(r, 'Р1.2').deadline.kind).toBe('recurring');
    expect(activity(r, 'Р1.2').deadline.recurrence?.frequency).toBe('yearly');
    expect(activity(r, 'Р2.5').deadline).toMatchObject({ kind: 'continuous', windows: [{ start: '2021-01-01', end: '2024-12-31' }] });
    expect(activity(r, 'Р7.5').deadline.windows.map((w) => w.start)).toEqual(['2024-08-01', '2024-12-01']);
  });

  it('raises no warning from the order, the programme or the working group list', () => {
    expect(r.warnings.every((w) => w.line >= 281 && w.line <= 311)).toBe(true);
  });

  it('drops nothing', () => {
    expect(problems).toEqual([]);
  });
});

describe('normaliseRoadmap on rows', () => {
  it('reads the same roadmap from rows as from text', () => {
    const text = readFileSync(`${SEEDS}/pogranichny_2022-2023.txt`, 'utf8');
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.startsWith('№'));
    const fromRows = normaliseRoadmap({
      before: lines.slice(0, start),
      rows: lines.slice(start).map((l) => l.split('\t')),
      lineOf: lines.slice(start).map((_, i) => start + i + 1),
    });
    const fromText = seed('pogranichny_2022-2023.txt').roadmap;
    expect(fromRows.activities).toEqual(fromText.activities);
    expect(fromRows.title).toBe(fromText.title);
  });

  it('reads raw sheet values: numbers and dates', () => {
    const r = normaliseRoadmap({
      rows: [
        ['План мероприятий на 2024 год', null, null, null],
        ['№', 'Мероприятие', 'Срок', 'Ответственный'],
        [1, 'Семинар', new Date(2024, 2, 15), 'ИМЦ'],
        [2, 'Конференция', 'май 2024', 'УО'],
      ],
    });
    expect(r.title).toBe('План мероприятий на 2024 год');
    expect(r.activities.map((a) => [a.number, a.deadline.text])).toEqual([['1', '15.03.2024'], ['2', 'май 2024']]);
    expect(r.activities[0].deadline.windows).toEqual([{ start: '2024-03-15', end: '2024-03-15' }]);
  });

  it('lets the caller override the period', () => {
    const text = readFileSync(`${SEEDS}/pogranichny_2022-2023.txt`, 'utf8');
    const lines = text.split('\n');
    const r = normaliseRoadmap({ rows: lines.map((l) => l.split('\t')), period: { start: '2030-01-01', end: '2030-12-31' } });
    expect(r.period).toEqual({ start: '2030-01-01', end: '2030-12-31' });
  });
});
