// Hostile variants of roadmaps (test/fixtures/roadmaps/): what real files do to a table and what the
// normaliser must still make of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roadmapFromTextTraced, roadmapFromText, type TracedRoadmap } from '../../src/domain/roadmap-table';
import { isRoadmapInputError } from '../../src/domain/roadmap-error';
import type { Roadmap } from '../../src/domain/types';
import { droppedText, textLines } from './roadmap-invariant';

const DIR = new URL('../fixtures/roadmaps/', import.meta.url);

function load(name: string): { roadmap: Roadmap; traced: TracedRoadmap; problems: string[] } {
  const text = readFileSync(new URL(name, DIR), 'utf8');
  const traced = roadmapFromTextTraced(text);
  return { roadmap: traced.roadmap, traced, problems: droppedText(textLines(text), traced) };
}

function act(r: Roadmap, number: string) {
  const a = r.activities.find((x) => x.number === number);
  if (!a) throw new Error(`no activity ${number}: ${r.activities.map((x) => x.number).join(',')}`);
  return a;
}

function titles(r: Roadmap): string[] {
  return r.activities.map((a) => a.title);
}

describe('shuffled columns with stage headings in a non-title column', () => {
  const { roadmap: r, problems } = load('shuffled-columns.txt');
  it('maps columns by header meaning, not position', () => {
    expect(act(r, 'Р1.1').title).toBe('Издание приказа о внедрении целевой модели наставничества');
    expect(act(r, 'Р1.1').deadline.text).toBe('сентябрь 2023 г.');
    expect(act(r, 'Р1.1').result).toBe('Приказ');
    expect(act(r, 'Р1.1').responsible).toEqual(['Директор', 'заместитель директора по УВР']);
  });
  it('reads the stage rows as sections and prefixes restarting numbers', () => {
    expect(r.sections.map((s) => s.title)).toEqual(['Организационный этап', 'Основной этап', 'Заключительный этап']);
    expect(r.activities.map((a) => a.number)).toEqual(['Р1.1', 'Р1.2', 'Р1.3', 'Р2.1', 'Р2.2', 'Р2.3', 'Р3.1', 'Р3.2']);
    expect(act(r, 'Р2.3').original?.number).toBe('3');
  });
  it('takes the title from the heading, not from the approval stamp above it', () => {
    expect(r.title).toBe('ПЛАН МЕРОПРИЯТИЙ (ДОРОЖНАЯ КАРТА) по внедрению целевой модели наставничества в МБОУ СОШ № 5 на 2023-2024 учебный год');
    expect(r.period).toEqual({ start: '2023-09-01', end: '2024-08-31' });
  });
  it('leaves the signature line after the table as context', () => {
    expect(r.warnings.some((w) => /Сидорова/.test(w.message))).toBe(false);
    expect(problems).toEqual([]);
  });
});

describe('no header row', () => {
  const { roadmap: r, problems } = load('no-header.txt');
  it('infers number, activity, deadline, responsible and result columns from their content', () => {
    expect(r.activities).toHaveLength(5);
    expect(act(r, '4').title).toBe('Проведение муниципального конкурса «Наставник года»');
    expect(act(r, '4').deadline.text).toBe('октябрь 2024 г.');
    expect(act(r, '4').responsible).toEqual(['Управление образования', 'МКУ «ИМЦ»']);
    expect(act(r, '4').result).toBe('Приказ об итогах конкурса');
    expect(r.period).toEqual({ start: '2024-01-01', end: '2024-12-31' });
  });
  it('says the columns were guessed', () => {
    expect(r.warnings.some((w) => /Заголовок таблицы не найден/.test(w.message))).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('result column first, an unknown column last', () => {
  const { roadmap: r, problems } = load('result-first.txt');
  it('reads result, title and deadline wherever they stand', () => {
    expect(act(r, '2').result).toBe('Положения в ОО');
    expect(act(r, '2').title).toBe('Разработка положений о наставничестве в ОО');
    expect(act(r, '4').deadline.text).toBe('не реже двух раз в год');
    expect(r.period).toEqual({ start: '2022-01-01', end: '2024-12-31' });
  });
  it('keeps the unknown column in the original cells and says so once', () => {
    expect(act(r, '2').original?.['Примечание']).toBe('с учётом примерного положения');
    expect(r.warnings.filter((w) => /Примечание/.test(w.message))).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});

describe('two-row header, column numbers and a header repeated after a page break', () => {
  const { roadmap: r, traced, problems } = load('two-row-header.txt');
  it('joins the header rows and skips the repeats', () => {
    expect(r.activities.map((a) => a.number)).toEqual(['1', '2', '3', '4']);
    expect(act(r, '3').responsible).toEqual(['Старший воспитатель', 'наставники']);
    expect(act(r, '1').result).toBe('Приказ');
    const headerLines = traced.trace.filter((t) => t.use === 'header').map((t) => t.line);
    expect(headerLines).toEqual([3, 4, 5, 8, 9]);
    expect(r.warnings).toEqual(expect.not.arrayContaining([expect.objectContaining({ line: 8 })]));
    expect(problems).toEqual([]);
  });
});

describe('page breaks in every column', () => {
  const { roadmap: r, problems } = load('page-breaks.txt');
  it('continues a title and a result that end mid-phrase', () => {
    expect(act(r, '1').title).toBe('Разработка и утверждение положения о системе наставничества педагогических работников');
    expect(act(r, '1').result).toBe('Положение о системе наставничества, приказ об утверждении');
    expect(act(r, '1').responsible).toEqual(['Управление образования', 'МБУ «Методический центр»']);
  });
  it('continues a deadline, an open quote and a name cut in two, across a blank line', () => {
    const a = act(r, '2');
    expect(a.title).toBe('Организация и проведение муниципального конкурса «Лучшие практики наставничества»');
    expect(a.deadline.text).toBe('Декабрь 2022. сентябрь 2023. сентябрь 2024');
    expect(a.responsible).toEqual(['МБУ «Методический центр»']);
    expect(a.result).toBe('Приказ об итогах конкурса');
  });
  it('tells a new activity without a number from a continuation', () => {
    const a = act(r, '4');
    expect(a.title).toBe('Создание страницы «Наставничество» на сайтах образовательных организаций');
    expect(a.original?.number).toBeUndefined();
    expect(r.warnings.some((w) => w.line === 11 && /присвоен номер 4/.test(w.message))).toBe(true);
    expect(act(r, '3').title).toBe('Формирование базы наставников');
  });
  it('continues a title cut after a preposition even when the rest starts with a capital', () => {
    expect(act(r, '5').title).toBe('Проведение семинаров для Молодых педагогов и наставников');
    expect(act(r, '6').result).toBe('Аналитическая справка');
    expect(r.activities).toHaveLength(6);
    expect(problems).toEqual([]);
  });
});

describe('a page break in the document column of a six-column table', () => {
  it('joins the document cell and keeps result and document apart', () => {
    const text = [
      'Дорожная карта на 2024 год',
      '',
      '№\tМероприятие\tОжидаемый результат\tСрок\tОтветственный\tФорма отчётности',
      '1\tСеминар наставников\tПовышение компетенций\tмарт 2024\tИМЦ\tПрограмма семинара, список',
      '\t\t\t\t\tучастников, фотоотчёт',
      '2\tКонференция\tОбмен опытом\tмай 2024\tУО\tРезолюция',
    ].join('\n');
    const traced = roadmapFromTextTraced(text);
    const a = traced.roadmap.activities[0];
    expect(a.document).toBe('Программа семинара, список участников, фотоотчёт');
    expect(a.result).toBe('Повышение компетенций');
    expect(traced.roadmap.activities).toHaveLength(2);
    expect(droppedText(textLines(text), traced)).toEqual([]);
  });
});

describe('section headings written with their number in the first cell', () => {
  it('reads «1. Нормативно-правовое обеспечение» alone on its row as section 1', () => {
    const text = [
      'Комплекс мер (дорожная карта) по развитию наставничества на период 2023 – 2025 годов',
      '',
      '№ п/п\tНаименование мероприятия\tСрок исполнения\tОтветственный исполнитель\tОжидаемый результат',
      '1. Нормативно-правовое обеспечение\t\t\t\t',
      '1.1.\tРазработка регионального положения\tI квартал 2023 г.\tМинобразования\tПоложение',
      '1.2.\tМетодические рекомендации для ОО\tII квартал 2023 г.\tИРО\tРекомендации',
      '2. Кадровое обеспечение\t\t\t\t',
      '2.1.\tКурсы для наставников\tежегодно\tИРО\tУдостоверения',
    ].join('\n');
    const traced = roadmapFromTextTraced(text);
    const r = traced.roadmap;
    expect(r.period).toEqual({ start: '2023-01-01', end: '2025-12-31' });
    expect(r.sections.map((s) => [s.number, s.title])).toEqual([['1', 'Нормативно-правовое обеспечение'], ['2', 'Кадровое обеспечение']]);
    expect(r.activities.map((a) => `${a.section}:${a.number}`)).toEqual(['1:1.1', '1:1.2', '2:2.1']);
    expect(droppedText(textLines(text), traced)).toEqual([]);
  });
});

describe('Roman sections with numbering restarting in each', () => {
  const { roadmap: r, problems } = load('roman-sections.txt');
  it('numbers activities within their Roman section', () => {
    expect(r.sections.map((s) => s.number)).toEqual(['I', 'II', 'III']);
    expect(r.activities.map((a) => `${a.section}:${a.number}`)).toEqual(['I:I.1', 'I:I.2', 'II:II.1', 'II:II.2', 'III:III.1']);
    expect(r.sections[1].deadline?.text).toBe('в течение года');
    expect(r.sections[1].responsible).toEqual(['ИМЦ']);
    expect(problems).toEqual([]);
  });
});

describe('«Раздел N» rows, restarting numbers and a stage line that lost its tabs', () => {
  const { roadmap: r, problems } = load('stages-restart.txt');
  it('reads the sections, their deadlines and the stage line', () => {
    expect(r.sections.map((s) => [s.number, s.title])).toEqual([
      ['1', 'Подготовительный этап'],
      ['2', 'Основной этап'],
      ['Р1', 'ЗАКЛЮЧИТЕЛЬНЫЙ ЭТАП'],
    ]);
    expect(r.sections[0].deadline?.text).toBe('август – сентябрь 2023 г.');
    expect(r.sections[0].responsible).toEqual(['Управление образования']);
    expect(r.activities.map((a) => a.number)).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3', 'Р1.1']);
    expect(problems).toEqual([]);
  });
});

describe('numbered heading rows without deadline or responsible', () => {
  const { roadmap: r, problems } = load('numbered-headings.txt');
  it('reads a bold one and one above restarting numbers as sections', () => {
    expect(r.sections.map((s) => [s.number, s.title])).toEqual([['1', 'Организационная работа'], ['2', 'Методическая работа']]);
    expect(r.activities.map((a) => a.number)).toEqual(['1.1', '1.2', '2.1']);
    expect(r.warnings.filter((w) => /повторяется|не указан/.test(w.message))).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('missing numbers', () => {
  const { roadmap: r, problems } = load('missing-numbers.txt');
  it('gives unnumbered activities numbers from their neighbours and a warning each', () => {
    expect(r.activities.map((a) => a.number)).toEqual(['1', '2', '2а', '2б', '3', '4']);
    expect(r.warnings.filter((w) => /нет номера/.test(w.message)).map((w) => w.line)).toEqual([6, 7, 9]);
    expect(problems).toEqual([]);
  });
});

describe('markup noise', () => {
  it('strips HTML, Markdown, entities and odd spaces from a tab table', () => {
    const { roadmap: r, problems } = load('markup-noise.txt');
    expect(r.title).toBe('План мероприятий (дорожная карта) на 2023 – 2024 учебный год');
    expect(r.sections.map((s) => [s.number, s.title])).toEqual([
      ['1', 'Информационная кампания'],
      ['2', 'Работа с молодыми педагогами'],
    ]);
    expect(act(r, '1.1').title).toBe('Публикация новостей о наставничестве на сайте');
    expect(act(r, '1.1').deadline.text).toBe('в течение года');
    expect(act(r, '1.1').responsible).toEqual(['Куратор']);
    expect(act(r, '1.1').original?.title).toContain('&nbsp;');
    expect(act(r, '2.1').title).toBe('Посещение уроков молодых педагогов');
    expect(act(r, '2.1').deadline.text).toBe('ноябрь 2023 г. – апрель 2024 г.');
    expect(act(r, '2.1').responsible).toEqual(['Наставники & руководители МО']);
    expect(problems).toEqual([]);
  });

  it('reads a Markdown pipe table with bold numbers, entities and curly quotes', () => {
    const { roadmap: r, problems } = load('markup-noise.md');
    expect(r.title).toBe('ПЛАН мероприятий по наставничеству на 2024 год');
    expect(r.period).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(titles(r)).toEqual([
      'Разработка программы наставничества',
      'Утверждение «дорожной карты»',
      'Проведение «Недели молодого педагога»',
      'Участие в конкурсе «Педагог года»',
    ]);
    expect(act(r, '3').deadline.text).toBe('март – апрель 2024 г.');
    expect(act(r, '3').responsible).toEqual(['Руководитель ШМО', 'Наставники']);
    expect(problems).toEqual([]);
  });
});

describe('a direction column merged down over its rows, numbers inside titles, page furniture', () => {
  const { roadmap: r, problems } = load('group-column.txt');
  it('opens a section at each new direction and takes the number out of the title', () => {
    expect(r.sections.map((s) => s.title)).toEqual(['Нормативно-правовое обеспечение', 'Методическое сопровождение', 'Подведение итогов']);
    expect(r.activities.map((a) => `${a.section}:${a.number}`)).toEqual(['Р1:1', 'Р1:2', 'Р2:3', 'Р2:4', 'Р2:5', 'Р3:6']);
    expect(act(r, '1').title).toBe('Разработка положения о наставничестве');
  });
  it('skips a page number and the repeated header, and reads a cell copied over a merged row once', () => {
    expect(act(r, '5').title).toBe('Анкетирование молодых педагогов по итогам года');
    expect(r.warnings.filter((w) => w.line >= 8 && w.line <= 12)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('the federal school template: stage column, activities merged over detail sub-rows', () => {
  const { roadmap: r, problems } = load('federal-template.txt');
  it('makes the stages numbered sections and numbers activities within them', () => {
    expect(r.sections.map((s) => [s.number, s.title])).toEqual([
      ['1', 'Подготовка условий для запуска программы наставничества'],
      ['2', 'Формирование базы наставляемых'],
      ['3', 'Формирование базы наставников'],
    ]);
    expect(r.activities.map((a) => a.number)).toEqual(['1.1', '1.2', '2.1', '3.1']);
    expect(r.warnings.filter((w) => /номер/.test(w.message))).toEqual([]);
  });
  it('gathers the detail sub-rows into the activity', () => {
    const a = act(r, '1.2');
    expect(a.title).toBe('Подготовка нормативной базы реализации целевой модели наставничества');
    expect(a.result).toBe('1. Издание приказа «Внедрение целевой модели наставничества» 2. Разработка и утверждение Положения о наставничестве');
    expect(a.deadline.text).toBe('сентябрь 2023');
    expect(a.responsible).toEqual(['Директор']);
    expect(act(r, '3.1').responsible).toEqual(['Куратор', 'руководители ШМО']);
    expect(problems).toEqual([]);
  });
});

describe('page numbers, column numbers and a number repeated on the continuation row', () => {
  const { roadmap: r, traced, problems } = load('page-furniture.txt');
  it('continues activity 1 across the page break', () => {
    expect(act(r, '1').title).toBe('Создание методического объединения наставников и молодых педагогов школы');
    expect(r.activities.map((a) => a.number)).toEqual(['1', '2', '3', '4']);
    expect(traced.trace.filter((t) => t.use === 'header').map((t) => t.line)).toEqual([3, 5, 6, 9]);
  });
  it('reads a second deadline on a sub-row as a second date', () => {
    expect(act(r, '4').deadline.text).toBe('май 2024; июнь 2024');
    expect(act(r, '4').deadline.windows).toHaveLength(2);
    expect(act(r, '4').responsible).toEqual(['Директор', 'Заместитель директора']);
    expect(problems).toEqual([]);
  });
});

describe('dates with typos', () => {
  const { roadmap: r } = load('typos-dates.txt');
  it('keeps the text and reports the deadline parser warnings at the row line', () => {
    expect(act(r, '1').deadline.text).toBe('сентябрь 2022 г.');
    const lines = new Set(r.warnings.map((w) => w.line));
    expect(lines.has(4)).toBe(true);
    expect(lines.has(5)).toBe(true);
    expect(lines.has(7)).toBe(true);
    expect(lines.has(6)).toBe(false);
  });
});

describe('bad input', () => {
  const reason = (text: string): string => {
    try {
      roadmapFromText(text);
    } catch (e) {
      if (isRoadmapInputError(e)) return e.message;
      throw e;
    }
    return 'no error';
  };
  it('refuses empty text, text without a table and a table without activities', () => {
    expect(reason('')).toMatch(/пуст/);
    expect(reason('Просто письмо.\nБез таблиц.\n')).toMatch(/Таблица мероприятий не найдена/);
    expect(reason('Показатель\tЗначение\nДоля\t70%\n')).toMatch(/Таблица мероприятий не найдена/);
    expect(reason('№\tМероприятие\tСрок\tОтветственный\n')).toMatch(/ни одного мероприятия/);
  });
});

describe('the nothing-dropped check itself', () => {
  it('fails when a line is lost', () => {
    const text = readFileSync(new URL('page-breaks.txt', DIR), 'utf8');
    const traced = roadmapFromTextTraced(text);
    const damaged: TracedRoadmap = {
      trace: traced.trace,
      roadmap: {
        ...traced.roadmap,
        activities: traced.roadmap.activities.map((a) => (a.number === '2' ? { ...a, responsible: ['МБУ'], original: {} } : a)),
      },
    };
    expect(droppedText(textLines(text), damaged).join('\n')).toMatch(/line 9 .*lost words: .*центр/);
    const untraced = { ...traced, trace: traced.trace.filter((t) => t.line !== 12) };
    expect(droppedText(textLines(text), untraced).join('\n')).toMatch(/line 12 not traced/);
  });
});
