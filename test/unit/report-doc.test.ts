import { describe, expect, it } from 'vitest';
import {
  allPlaceholders, columnWidths, heading, list, pageBreak, paragraph, ReportBuilder, reportToText, table, tableCells,
  type ReportDocument, type TableBlock,
} from '../../src/domain/report-doc';
import { maskPersonalNames, roadmapSummaryReport } from '../../src/domain/roadmap-summary-report';
import type { TrackerRecord } from '../../src/domain/tracker';

const sp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('block helpers and the builder', () => {
  it('make plain blocks and leave unset options out', () => {
    expect(heading('Итоги', 2)).toEqual({ type: 'heading', level: 2, text: 'Итоги' });
    expect(paragraph('Текст')).toEqual({ type: 'paragraph', text: 'Текст' });
    expect(paragraph('Текст', { bold: true, align: 'center' })).toEqual({ type: 'paragraph', text: 'Текст', bold: true, align: 'center' });
    expect(list(['а', 'б'], true)).toEqual({ type: 'list', items: ['а', 'б'], ordered: true });
    expect(pageBreak()).toEqual({ type: 'pageBreak' });
    const rows = [['1', '2']];
    const t = table({ header: ['A', 'B'], rows });
    rows[0][0] = 'changed';
    expect(t).toEqual({ type: 'table', header: ['A', 'B'], rows: [['1', '2']] });
  });

  it('builds a document top to bottom, numbers captioned tables and skips empty lists', () => {
    const doc = new ReportBuilder('Справка', { numberTables: true })
      .subtitle('по состоянию на 5 декабря 2023 г.')
      .heading('1. Участники')
      .paragraph('Вводный текст.')
      .list([])
      .table({ header: ['ОО', 'Пар'], rows: [['Школа № 1', '3']], caption: 'Пары по организациям', name: 'pairs' })
      .table({ header: ['X'], rows: [] })
      .table({ header: ['Y'], rows: [], caption: 'Вторая' })
      .placeholder('date', '5 декабря 2023 г.')
      .build();
    expect(doc.title).toBe('Справка');
    expect(doc.subtitle).toBe('по состоянию на 5 декабря 2023 г.');
    expect(doc.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'table', 'table', 'table']);
    const tables = doc.blocks.filter((b): b is TableBlock => b.type === 'table');
    expect(tables.map((t) => t.caption)).toEqual(['Таблица 1 – Пары по организациям', undefined, 'Таблица 2 – Вторая']);
    expect(tables[0].name).toBe('pairs');
    expect(doc.placeholders).toEqual({ date: '5 декабря 2023 г.' });
  });

  it('fills title and subtitle placeholders unless the document sets its own', () => {
    const doc: ReportDocument = { title: 'Т', blocks: [], placeholders: { date: 'д' } };
    expect(allPlaceholders(doc)).toEqual({ title: 'Т', subtitle: '', date: 'д' });
    expect(allPlaceholders({ ...doc, subtitle: 'П', placeholders: { title: 'Другой' } })).toEqual({ title: 'Другой', subtitle: 'П' });
  });
});

describe('tableCells', () => {
  it('pads ragged rows and a short header into one rectangle of strings', () => {
    const cells = tableCells({ header: ['A', 'B'], rows: [['1'], ['1', '2', '3'], []] });
    expect(cells).toEqual([['A', 'B', ''], ['1', '', ''], ['1', '2', '3'], ['', '', '']]);
    expect(cells.every((r) => r.every((c) => typeof c === 'string'))).toBe(true);
  });

  it('gives a table without columns one empty cell (Docs refuses a table with none)', () => {
    expect(tableCells({ header: [], rows: [] })).toEqual([['']]);
  });
});

describe('columnWidths', () => {
  const cells = [
    ['№', 'Мероприятие', 'Срок'],
    ['1.1', 'Издание приказа о внедрении целевой модели наставничества в образовательных организациях', 'сентябрь 2023 г.'],
    ['1.2', 'Мониторинг реализации программ наставничества', 'декабрь 2023 г.'],
  ];

  it('shares the width by content: the number column narrow, the title column widest', () => {
    const w = columnWidths(cells, 468);
    expect(w).toHaveLength(3);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(468, 0);
    expect(w[0]).toBeLessThan(w[2]);
    expect(w[2]).toBeLessThan(w[1]);
    // Room for the longest word of each column («внедрении», «сентябрь»): nothing breaks mid-word.
    expect(w[2]).toBeGreaterThanOrEqual('сентябрь'.length * 6.5);
  });

  it('gives a header word its room even when the column\'s cells are short', () => {
    const w = columnWidths([['№', 'Мероприятие', 'Просрочка'], ['1', 'Очень длинное название мероприятия дорожной карты', '5 дней']], 468);
    expect(w[2]).toBeGreaterThanOrEqual('Просрочка'.length * 6.5);
  });

  it('gives equal columns equal widths and copes with a page too narrow for the minimum', () => {
    expect(columnWidths([['а', 'б'], ['1', '2']], 200)).toEqual([100, 100]);
    const narrow = columnWidths([['длинноеслово', 'ещёоднодлинное', 'итретье']], 60);
    expect(narrow.reduce((a, b) => a + b, 0)).toBeCloseTo(60, 0);
    expect(columnWidths([[]], 100)).toEqual([]);
  });
});

describe('reportToText', () => {
  it('renders headings, paragraphs, lists, aligned tables and page breaks', () => {
    const doc = new ReportBuilder('Справка о наставничестве')
      .subtitle('за 2023 год')
      .heading('Итоги')
      .heading('Подробности', 2)
      .paragraph('Первый абзац\nс переносом.')
      .list(['один', 'два'], true)
      .list(['пункт'])
      .table({ header: ['ОО', 'Пар'], rows: [['Школа № 1', '3'], ['ДОУ', '12']], caption: 'Таблица 1' })
      .pageBreak()
      .paragraph('   ')
      .build();
    expect(reportToText(doc)).toBe(
      [
        '# Справка о наставничестве',
        'за 2023 год',
        '## Итоги',
        '### Подробности',
        'Первый абзац\nс переносом.',
        '1. один\n2. два',
        '- пункт',
        'Таблица 1\nОО        | Пар\n----------+----\nШкола № 1 | 3\nДОУ       | 12',
        '---',
      ].join('\n\n') + '\n',
    );
  });

  it('keeps table cells on one line', () => {
    const text = reportToText({ title: 'T', blocks: [table({ header: ['a'], rows: [['x\ny']] })], placeholders: {} });
    expect(text).toContain('x y');
  });
});

function rec(p: Partial<TrackerRecord> & Pick<TrackerRecord, 'id' | 'number' | 'title' | 'deadlineText'>): TrackerRecord {
  return {
    section: '', result: '', responsible: 'Управление образования', start: '', end: '', nextDue: '', kind: 'к сроку',
    recurrence: '', status: 'запланировано', doneDate: '', evidence: '', comment: '', importNote: '', ...p,
  };
}

const PERIOD = { start: '2023-09-01', end: '2024-08-31' };
const RECORDS: TrackerRecord[] = [
  rec({ id: 'ДК-001', number: '1.1', title: 'Приказ о внедрении модели', deadlineText: 'сентябрь 2023 г.', start: '2023-09-01', end: '2023-09-30', status: 'выполнено', doneDate: '2023-09-20' }),
  rec({ id: 'ДК-002', number: '1.2', title: 'Положение о наставничестве', deadlineText: 'октябрь 2023 г.', start: '2023-10-01', end: '2023-10-31', status: 'выполнено', doneDate: '2023-11-10' }),
  rec({ id: 'ДК-003', number: '1.3', title: 'Назначить куратором Ковалёву Л.Ю.', deadlineText: 'ноябрь 2023 г.', start: '2023-11-01', end: '2023-11-30', responsible: 'Иванов И. И., директор' }),
  rec({ id: 'ДК-004', number: '2.1', title: 'Мониторинг реализации программ', deadlineText: 'декабрь 2023 г.', start: '2023-12-01', end: '2023-12-31' }),
  rec({ id: 'ДК-005', number: '2.2', title: 'Конкурс наставников', deadlineText: 'март 2024 г.', start: '2024-03-01', end: '2024-03-31' }),
  rec({ id: 'ДК-006', number: '2.3', title: 'Отменённое мероприятие', deadlineText: 'май 2024 г.', start: '2024-05-01', end: '2024-05-31', status: 'отменено' }),
  rec({ id: 'ДК-007', number: '2.4', title: 'Исключённое мероприятие', deadlineText: 'май 2024 г.', start: '2024-05-01', end: '2024-05-31', importNote: 'Нет в новой редакции дорожной карты' }),
];

describe('roadmapSummaryReport', () => {
  const doc = roadmapSummaryReport({ records: RECORDS, period: PERIOD, title: 'План мероприятий на 2023-2024 учебный год', asOf: '2023-12-05', anonymise: false });
  const text = sp(reportToText(doc));
  const tables = doc.blocks.filter((b): b is TableBlock => b.type === 'table');

  it('counts execution on the date (removed activities left out)', () => {
    expect(doc.title).toBe('Сводка о ходе реализации дорожной карты');
    expect(sp(doc.subtitle!)).toBe('по состоянию на 5 декабря 2023 г.');
    expect(text).toContain('Период реализации: 2023/2024 учебный год.');
    expect(text).toContain('Всего в дорожной карте 6 мероприятий, из них отменено 1.');
    // 5 active: 2 done (1 on time), 1 overdue (ДК-003), 2 open.
    expect(text).toContain('выполнено 2 из 5 мероприятий (40,0 %), в том числе в срок — 1; просрочено — 1; в работе и запланировано — 2.');
    const execution = tables.find((t) => t.name === 'execution')!;
    expect(execution.caption).toBe('Таблица 1 – Исполнение мероприятий дорожной карты');
    expect(execution.rows.map((r) => sp(r.join(' | ')))).toEqual([
      'Мероприятий в дорожной карте | 6 | ',
      'Отменено | 1 | ',
      'Действующих мероприятий | 5 | 100,0 %',
      'Выполнено | 2 | 40,0 %',
      'из них в срок | 1 | 20,0 %',
      'Просрочено | 1 | 20,0 %',
      'В работе и запланировано | 2 | 40,0 %',
    ]);
  });

  it('lists overdue activities with days late and who is responsible', () => {
    const overdue = tables.find((t) => t.name === 'overdue')!;
    expect(overdue.header).toEqual(['№', 'Мероприятие', 'Срок по дорожной карте', 'Окончание срока', 'Просрочка', 'Ответственные']);
    expect(overdue.rows.map((r) => r.map(sp))).toEqual([
      ['1.3', 'Назначить куратором Ковалёву Л.Ю.', 'ноябрь 2023 г.', '30.11.2023', '5 дней', 'Иванов И. И., директор'],
    ]);
  });

  it('lists what falls due within a month, and conclusions', () => {
    const upcoming = tables.find((t) => t.name === 'upcoming')!;
    expect(upcoming.rows.map((r) => r.map(sp))).toEqual([['2.1', 'Мониторинг реализации программ', 'декабрь 2023 г.', 'Управление образования']]);
    expect(text).toContain('- Выполнено 2 из 5 мероприятий (40,0 %).');
    expect(text).toContain('- С нарушением срока выполнено 1 мероприятие.');
    expect(text).toContain('- Просрочено 1 мероприятие: следует выполнить его или перенести срок с указанием причин.');
    expect(text).toContain('- До 5 января 2024 г. наступают сроки одного мероприятия.');
    expect(doc.placeholders).toMatchObject({ total: '6', done: '2', overdue: '1' });
    expect(sp(doc.placeholders.donePercent)).toBe('40,0 %');
  });

  it('anonymised: no responsible column and no personal names', () => {
    const anon = roadmapSummaryReport({ records: RECORDS, period: PERIOD, title: '', asOf: '2023-12-05', anonymise: true });
    const anonText = reportToText(anon);
    expect(anonText).not.toContain('Ковалёву');
    expect(anonText).not.toContain('Иванов');
    expect(anonText).toContain('Назначить куратором [ФИО]');
    for (const t of anon.blocks.filter((b): b is TableBlock => b.type === 'table')) expect(t.header).not.toContain('Ответственные');
  });

  it('says so when nothing is overdue or due, and when there is no roadmap', () => {
    const calm = roadmapSummaryReport({ records: RECORDS.slice(0, 2), period: PERIOD, title: '', asOf: '2023-12-05', anonymise: false });
    const calmText = sp(reportToText(calm));
    expect(calmText).toContain('Просроченных мероприятий нет.');
    expect(calmText).toContain('До 5 января 2024 г. сроков мероприятий нет.');
    const empty = sp(reportToText(roadmapSummaryReport({ records: [], period: null, title: '', asOf: '2023-12-05', anonymise: false })));
    expect(empty).toContain('В дорожной карте нет действующих мероприятий');
    expect(empty).not.toContain('Период реализации');
  });
});

describe('maskPersonalNames', () => {
  it.each([
    ['Координатор Ковалёва Л.Ю., начальник отдела', 'Координатор [ФИО], начальник отдела'],
    ['Л. Ю. Ковалёва', '[ФИО]'],
    ['ответственный — Петров-Водкин К. С.', 'ответственный — [ФИО]'],
    ['МБУ «Методический центр»', 'МБУ «Методический центр»'],
    ['Управление образования, ДОУ № 5', 'Управление образования, ДОУ № 5'],
  ])('%s', (input, output) => {
    expect(maskPersonalNames(input)).toBe(output);
  });
});

describe('columnWidths for bold headers', () => {
  it('gives a column at least its longest header word at bold width', () => {
    const widths = columnWidths([['Наставники', 'Показатель реализации модели'], ['1', 'доля молодых специалистов в наставничестве']], 450);
    // 10 letters × 6.5 pt × 1.25 + 14 pt padding.
    expect(widths[0]).toBeGreaterThanOrEqual(95);
    expect(widths[0] + widths[1]).toBeCloseTo(450, 0);
  });
});
