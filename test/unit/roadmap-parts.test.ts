// The pieces of the roadmap normaliser on their own: cell cleaning, responsible parties, plan period and
// title, header meanings and column inference.
import { describe, expect, it } from 'vitest';
import { cleanCellText, endsOpen, isBoldMarkup, startsLowercase } from '../../src/domain/roadmap-text';
import { refineParties, splitResponsible } from '../../src/domain/responsible';
import { findTitle, periodFromText } from '../../src/domain/roadmap-period';
import {
  classifyHeaderCell,
  inferColumns,
  isColumnNumberRow,
  matchHeader,
  parseItemNumber,
  parseRoman,
} from '../../src/domain/roadmap-header';
import { textToGrid } from '../../src/domain/roadmap-locate';

describe('cleanCellText', () => {
  it('strips HTML, Markdown and entities', () => {
    expect(cleanCellText('<b>1.</b>')).toBe('1.');
    expect(cleanCellText('**Жирный** и __подчёркнутый__ текст')).toBe('Жирный и подчёркнутый текст');
    expect(cleanCellText('Проведение &laquo;Недели&raquo;&nbsp;педагога &amp; наставника')).toBe('Проведение «Недели» педагога & наставника');
    expect(cleanCellText('строка<br>вторая')).toBe('строка\nвторая');
    expect(cleanCellText('## Дорожная карта')).toBe('Дорожная карта');
    expect(cleanCellText('*наставничество* - система')).toBe('наставничество – система');
  });
  it('normalises spaces, dashes and quotes', () => {
    expect(cleanCellText('  много\u00a0\u00a0  пробелов\t')).toBe('много пробелов');
    expect(cleanCellText('март — апрель 2024')).toBe('март – апрель 2024');
    expect(cleanCellText('Конкурс “Педагог года”')).toBe('Конкурс «Педагог года»');
    expect(cleanCellText('Конкурс "Педагог года" и "Наставник"')).toBe('Конкурс «Педагог года» и «Наставник»');
    expect(cleanCellText('один " непарный')).toBe('один " непарный');
    expect(cleanCellText('моло\u00ad' + 'дых')).toBe('молодых');
  });
  it('keeps line breaks inside a cell but drops empty lines', () => {
    expect(cleanCellText('Директор\n\n  Завуч  ')).toBe('Директор\nЗавуч');
  });
  it('tells bold cells and open endings', () => {
    expect(isBoldMarkup('<b>Раздел</b>')).toBe(true);
    expect(isBoldMarkup('<b>1.</b> текст')).toBe(false);
    expect(isBoldMarkup('**Этап**')).toBe(true);
    expect(endsOpen('Организация семинаров для')).toBe(true);
    expect(endsOpen('Конкурс «Лучшие практики')).toBe(true);
    expect(endsOpen('Управление образования,')).toBe(true);
    expect(endsOpen('Формирование базы наставников')).toBe(false);
    expect(startsLowercase('«лучшие» практики')).toBe(true);
    expect(startsLowercase('Лучшие')).toBe(false);
    expect(startsLowercase('2022 год')).toBe(false);
  });
});

describe('splitResponsible', () => {
  it('splits on commas, semicolons and line breaks', () => {
    expect(splitResponsible('УО, РЦО; ОО\nДО')).toEqual(['УО', 'РЦО', 'ОО', 'ДО']);
  });
  it('does not split inside quotes or brackets', () => {
    expect(splitResponsible('МБУ «Центр развития, оценки и мониторинга», отдел образования')).toEqual([
      'МБУ «Центр развития, оценки и мониторинга»',
      'отдел образования',
    ]);
    expect(splitResponsible('МАУ «РЦО» (по согласованию, при наличии), ОО')).toEqual(['МАУ «РЦО» (по согласованию, при наличии)', 'ОО']);
    expect(splitResponsible('МКУ "ЦОД, МОО", школы')).toEqual(['МКУ "ЦОД, МОО"', 'школы']);
  });
  it('keeps initials, drops full stops and duplicates', () => {
    expect(splitResponsible('Иванов И.И., Петрова А.А.')).toEqual(['Иванов И.И.', 'Петрова А.А.']);
    expect(splitResponsible('Куратор, куратор.')).toEqual(['Куратор']);
    expect(splitResponsible('')).toEqual([]);
  });
  it('splits a role glued after an abbreviation, not an institution after one', () => {
    expect(splitResponsible('Директор МОУ ДПО УМЦ Заместители руководителей ОО')).toEqual(['Директор МОУ ДПО УМЦ', 'Заместители руководителей ОО']);
    expect(splitResponsible('МКУ Управление образования')).toEqual(['МКУ Управление образования']);
    expect(splitResponsible('Заместитель директора по НМР МОУ ДПО УМЦ')).toEqual(['Заместитель директора по НМР МОУ ДПО УМЦ']);
  });
  it('keeps a position with the person it follows', () => {
    expect(splitResponsible('Иванова М.П., заместитель директора по УВР; Петров И.И., учитель')).toEqual([
      'Иванова М.П., заместитель директора по УВР',
      'Петров И.И., учитель',
    ]);
    expect(splitResponsible('Образовательные организации, отдел образования')).toEqual(['Образовательные организации', 'отдел образования']);
  });
  it('attaches a participle clause to the party before it', () => {
    expect(splitResponsible('Заместители руководителей ОО, координирующих наставническую деятельность, наставники')).toEqual([
      'Заместители руководителей ОО, координирующих наставническую деятельность',
      'наставники',
    ]);
  });
  it('splits glued abbreviations only when each is a party elsewhere', () => {
    expect(refineParties([['УО', 'РЦО'], ['РЦО ОО', 'ДО'], ['ОО']])).toEqual([['УО', 'РЦО'], ['РЦО', 'ОО', 'ДО'], ['ОО']]);
    expect(refineParties([['МОУ ДПО УМЦ'], ['ОО']])).toEqual([['МОУ ДПО УМЦ'], ['ОО']]);
  });
});

describe('periodFromText', () => {
  it('reads calendar-year ranges', () => {
    expect(periodFromText('на период 2022– 2024 гг.')).toEqual({ start: '2022-01-01', end: '2024-12-31' });
    expect(periodFromText('ЗАТО Северск на 2021 -2024 гг.»»')).toEqual({ start: '2021-01-01', end: '2024-12-31' });
    expect(periodFromText('на 2022-2024 годы')).toEqual({ start: '2022-01-01', end: '2024-12-31' });
    expect(periodFromText('с 2022 по 2025 год')).toEqual({ start: '2022-01-01', end: '2025-12-31' });
    expect(periodFromText('в 2020-2024 г.г.')).toEqual({ start: '2020-01-01', end: '2024-12-31' });
  });
  it('reads academic years', () => {
    expect(periodFromText('на 2023-2024 уч.год')).toEqual({ start: '2023-09-01', end: '2024-08-31' });
    expect(periodFromText('на 2022 – 2023 учебный год')).toEqual({ start: '2022-09-01', end: '2023-08-31' });
    expect(periodFromText('на 2022/2023 учебный год')).toEqual({ start: '2022-09-01', end: '2023-08-31' });
    expect(periodFromText('на 2023-24 уч. г.')).toEqual({ start: '2023-09-01', end: '2024-08-31' });
  });
  it('reads a single year and rejects nonsense', () => {
    expect(periodFromText('на 2023 год')).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(periodFromText('План мероприятий')).toBeNull();
    expect(periodFromText('на 2024-2021 годы')).toBeNull();
    expect(periodFromText('приказ от 17.12.2010 № 1897')).toBeNull();
  });
});

describe('findTitle', () => {
  it('takes the nearest plan heading and its lower-case continuation', () => {
    const lines = ['ПРИКАЗ', '', 'Утвердить дорожную карту (приложение)', '', '## Дорожная карта', '', '**реализации проекта на 2023 год**', '', '**Цель:** всё'];
    const t = findTitle(lines.map((text, i) => ({ line: i + 1, text })));
    expect(t.title).toBe('Дорожная карта реализации проекта на 2023 год');
    expect(t.lines).toEqual([5, 7]);
  });
  it('falls back to the last heading-like paragraph', () => {
    const t = findTitle([{ line: 1, text: 'Приложение 2' }, { line: 2, text: '' }, { line: 3, text: '**Мероприятия по наставничеству в школе**' }]);
    expect(t.title).toBe('Мероприятия по наставничеству в школе');
  });
});

describe('header cells and numbers', () => {
  it('classifies header cells by meaning', () => {
    const roles = [
      '№ п/п', 'N', 'Наименование мероприятия', 'Содержание деятельности', 'Сроки реализации', 'Срок исполнения', 'Дата',
      'Ответственный исполнитель', 'Исполнители', 'Ожидаемый результат', 'Наименование задачи, ключевого результата',
      'Форма отчётности', 'Документы (мероприятия, ресурсы), закрепляющие результат', 'Примечание',
    ].map(classifyHeaderCell);
    expect(roles).toEqual([
      'number', 'number', 'title', 'title', 'deadline', 'deadline', 'deadline',
      'responsible', 'responsible', 'result', 'result', 'document', 'document', null,
    ]);
  });
  it('parses item numbers and Roman numerals', () => {
    expect(['1', '1.', '1.1.', '4.3.4', '2)', '№ 3', '3а', '2022', 'Раздел'].map(parseItemNumber)).toEqual([
      '1', '1', '1.1', '4.3.4', '2', '3', '3а', null, null,
    ]);
    expect(['I', 'II.', 'IV', 'ІІ', 'Х', 'ИЛИ', 'IIII'].map(parseRoman)).toEqual(['I', 'II', 'IV', 'II', 'X', null, null]);
  });
  it('recognises column number rows in any order', () => {
    expect(isColumnNumberRow(['1', '2', '3', '4'])).toBe(true);
    expect(isColumnNumberRow(['3', '1', '2'])).toBe(true);
    expect(isColumnNumberRow(['1', 'Разработка', '3'])).toBe(false);
    expect(isColumnNumberRow(['1', '2'])).toBe(false);
  });
  it('joins a two-row header and tells a direction column from the activity column', () => {
    const two = matchHeader([['№', 'Наименование', 'Срок', 'Ответственный'], ['п/п', 'мероприятия', 'исполнения', 'исполнитель']], 0);
    expect(two?.rows).toBe(2);
    expect(two?.roles).toEqual(['number', 'title', 'deadline', 'responsible']);
    const grouped = matchHeader([['Направление деятельности', 'Мероприятия', 'Сроки', 'Ответственные']], 0);
    expect(grouped?.roles).toEqual(['group', 'title', 'deadline', 'responsible']);
    expect(matchHeader([['Элементы модели', 'Определение', 'Цели и задачи']], 0)).toBeNull();
  });
  it('infers columns without a header', () => {
    const rows = textToGrid(
      [
        'Руководители ОО\t1\tсентябрь 2023\tФормирование базы наставников',
        'МБУ «ИМЦ»\t2\tоктябрь 2023\tОрганизация обучения наставников',
        'Управление образования\t3\tв течение года\tПроведение конкурса «Наставник года»',
      ].join('\n'),
    ).map((r) => r.cells);
    expect(inferColumns(rows)).toEqual(['responsible', 'number', 'deadline', 'title']);
  });
});
