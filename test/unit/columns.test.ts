import { describe, expect, it } from 'vitest';
import { columnLetter, locateColumns } from '../../src/sheets/columns';
import { ROADMAP_COLUMNS } from '../../src/sheets/schema';

describe('locateColumns', () => {
  it('finds columns by label in any order and reports the missing ones', () => {
    const { index, missing } = locateColumns(['Комментарий', 'Мероприятие', '  №  ', 'Моя колонка', 'СТАТУС'], ROADMAP_COLUMNS);
    expect(index.get('comment')).toBe(0);
    expect(index.get('title')).toBe(1);
    expect(index.get('number')).toBe(2);
    expect(index.get('status')).toBe(4);
    expect(missing).toContain('deadlineText');
    expect([...index.values()]).not.toContain(3);
  });

  it('accepts synonyms and prefers developer metadata over header text after a rename', () => {
    const header = ['Пункт', 'Наименование мероприятия', 'Сроки реализации', 'Что сделано?'];
    const { index } = locateColumns(header, ROADMAP_COLUMNS, new Map([['status', 3]]));
    expect(index.get('number')).toBe(0);
    expect(index.get('title')).toBe(1);
    expect(index.get('deadlineText')).toBe(2);
    expect(index.get('status')).toBe(3);
  });

  it('uses each column once', () => {
    const { index } = locateColumns(['Срок', 'Срок'], ROADMAP_COLUMNS);
    expect(index.get('deadlineText')).toBe(0);
    expect([...index.values()].filter((c) => c === 1)).toHaveLength(0);
  });
});

describe('columnLetter', () => {
  it.each([[0, 'A'], [25, 'Z'], [26, 'AA'], [51, 'AZ'], [52, 'BA'], [701, 'ZZ'], [702, 'AAA']])('%i → %s', (i, l) => {
    expect(columnLetter(i)).toBe(l);
  });
});
