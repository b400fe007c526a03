// The editable dictionaries and the settings sheet: defaults, reading the coordinator's edits, and the meanings
// the add-on computes with behind any spelling.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DICTIONARIES,
  DICTIONARY_KEYS,
  DICTIONARY_TITLES,
  dictionariesFromColumns,
  dictionaryGrid,
  matchEntry,
  menteeGroupLabel,
  parseMenteeGroup,
  parseOrganisationKind,
  parseStatus,
  statusLabel,
} from '../../src/domain/dictionaries';
import { MENTEE_GROUP_LABELS, PAIR_STATUS_LABELS } from '../../src/domain/people';
import { DEFAULT_SCORING } from '../../src/domain/scoring';
import { defaultPairingSettings, settingsFromRows, settingsGrid, SETTING_DEFS } from '../../src/sheets/people-schema';
import { SAMPLE_ORGANISATIONS } from '../../local/sample/municipality';

describe('default dictionaries', () => {
  it('hold the forms and formats of the target model, the statuses and the mentee groups', () => {
    expect(DEFAULT_DICTIONARIES.rolePairs).toHaveLength(4);
    expect(DEFAULT_DICTIONARIES.formats).toEqual(expect.arrayContaining(['реверсивное', 'сетевое', 'виртуальное (дистанционное)']));
    expect(DEFAULT_DICTIONARIES.statuses).toEqual(Object.values(PAIR_STATUS_LABELS));
    expect(DEFAULT_DICTIONARIES.menteeCategories).toEqual(Object.values(MENTEE_GROUP_LABELS));
    for (const k of DICTIONARY_KEYS) {
      const norm = DEFAULT_DICTIONARIES[k].map((e) => e.toLowerCase());
      expect(new Set(norm).size, k).toBe(norm.length);
    }
  });

  it('round-trip through the sheet block', () => {
    const grid = dictionaryGrid({ ...DEFAULT_DICTIONARIES });
    expect(grid[0]).toEqual(DICTIONARY_KEYS.map((k) => DICTIONARY_TITLES[k]));
    const columns = grid[0].map((header, c) => ({ header, values: grid.slice(1).map((r) => r[c]) }));
    const { dictionaries, problems } = dictionariesFromColumns(columns);
    expect(problems).toEqual([]);
    expect(dictionaries).toEqual(DEFAULT_DICTIONARIES);
  });
});

describe('reading the coordinator\'s dictionaries', () => {
  it('takes their lists under any of the usual headers, dropping repeats', () => {
    const { dictionaries, problems } = dictionariesFromColumns([
      { header: 'Ролевые модели', values: ['учитель — учитель', 'Учитель-учитель', 'студент – ученик', ''] },
      { header: 'ФОРМАТЫ', values: ['очно', 'дистанционно'] },
      { header: 'Мои заметки', values: ['что-то'] },
    ]);
    expect(dictionaries.rolePairs).toEqual(['учитель — учитель', 'студент – ученик']);
    expect(dictionaries.formats).toEqual(['очно', 'дистанционно']);
    // Lists the sheet lacks keep their defaults, and the coordinator is told.
    expect(dictionaries.subjects).toEqual(DEFAULT_DICTIONARIES.subjects);
    expect(problems).toContain('На листе справочников нет столбца «Предметы и направления» — используются значения по умолчанию');
    expect(problems).toHaveLength(DICTIONARY_KEYS.length - 2);
  });

  it('falls back to the default for a list left empty, and says so', () => {
    const { dictionaries, problems } = dictionariesFromColumns([{ header: 'Статусы пар', values: ['', ' '] }]);
    expect(dictionaries.statuses).toEqual(DEFAULT_DICTIONARIES.statuses);
    expect(problems[0]).toBe('Справочник «Статусы пар» пуст — используются значения по умолчанию');
  });

  it('matches values whatever the case, dashes, quotes or gloss', () => {
    expect(matchEntry('Учитель-Учитель', DEFAULT_DICTIONARIES.rolePairs)).toBe('учитель – учитель');
    expect(matchEntry('традиционное', DEFAULT_DICTIONARIES.formats)).toBe('традиционное (один на один)');
    expect(matchEntry('«сетевое»', DEFAULT_DICTIONARIES.formats)).toBe('сетевое');
    expect(matchEntry('очное', DEFAULT_DICTIONARIES.formats)).toBeNull();
    expect(matchEntry('', DEFAULT_DICTIONARIES.formats)).toBeNull();
  });
});

describe('meanings behind spellings', () => {
  it('tells the kind of every sample organisation from its name or type cell', () => {
    const expected = { 'школа': 'school', 'ДОУ': 'kindergarten', 'доп. образование': 'additional', 'колледж': 'college' } as const;
    for (const o of SAMPLE_ORGANISATIONS) {
      expect(parseOrganisationKind(o.name), o.name).toBe(expected[o.kind]);
      expect(parseOrganisationKind(o.kind), o.kind).toBe(expected[o.kind]);
    }
    expect(parseOrganisationKind('ГБПОУ «Педагогический колледж № 4»')).toBe('college');
    expect(parseOrganisationKind('МАОУ Гимназия № 7')).toBe('school');
    expect(parseOrganisationKind('ДДТ «Радуга»')).toBe('additional');
    expect(parseOrganisationKind('Управление образования')).toBeNull();
  });

  it('reads a renamed kind by its place in the list', () => {
    const kinds = ['Общеобразовательные', 'Дошкольные', 'ДО', 'СПО', 'Прочие'];
    expect(parseOrganisationKind('Дошкольные', kinds)).toBe('kindergarten');
    expect(parseOrganisationKind('СПО', kinds)).toBe('college');
    expect(parseOrganisationKind('прочие', kinds)).toBe('other');
  });

  it('reads mentee groups and gives the coordinator\'s label back', () => {
    expect(parseMenteeGroup('Молодой специалист')).toBe('young-specialist');
    expect(parseMenteeGroup('впервые назначен на должность')).toBe('new-position');
    expect(parseMenteeGroup('Перешёл из другой ОО')).toBe('moved');
    expect(parseMenteeGroup('испытывает затруднения')).toBe('difficulties');
    expect(parseMenteeGroup('студент')).toBeNull();
    const own = ['МС', 'Новые', 'Переведённые', 'С затруднениями', 'Другие'];
    expect(parseMenteeGroup('МС', own)).toBe('young-specialist');
    expect(menteeGroupLabel('young-specialist', own)).toBe('МС');
    expect(menteeGroupLabel('other', ['МС'])).toBe('иное');
  });

  it('reads statuses in standard or renamed spelling and writes the workbook\'s labels', () => {
    const own = ['проект', 'работает', 'закрыта', 'снята'];
    expect(parseStatus('Действует', DEFAULT_DICTIONARIES.statuses)).toBe('active');
    expect(parseStatus('работает', own)).toBe('active');
    expect(parseStatus('снята', own)).toBe('cancelled');
    expect(parseStatus('завершено', own)).toBe('completed');
    expect(parseStatus('в работе', own)).toBeNull();
    expect(statusLabel('completed', own)).toBe('закрыта');
    expect(statusLabel('cancelled', ['проект'])).toBe('отменено');
  });
});

describe('the settings sheet', () => {
  it('writes the defaults and reads them back unchanged', () => {
    const grid = settingsGrid();
    expect(grid[0]).toEqual(['Параметр', 'Значение', 'Пояснение']);
    expect(grid).toHaveLength(SETTING_DEFS.length + 1);
    const { settings, problems } = settingsFromRows(grid.slice(1));
    expect(problems).toEqual([]);
    expect(settings).toEqual(defaultPairingSettings());
    expect(settings.scoring).toEqual(DEFAULT_SCORING);
  });

  it('reads the coordinator\'s values, decimal commas and yes/no, and reports what it cannot read', () => {
    const rows = [
      ['Вес: тот же предмет', '5'],
      ['вес: дефициты и сильные стороны', '2,5'],
      ['Только наставники своей организации', 'Да'],
      ['Требовать согласие на обработку ПДн для предложения пары', 'может быть'],
      ['Наставляемый ждёт пару дольше, дней', '-3'],
      ['Длительность ППН по умолчанию, месяцев', '24'],
      ['Формат по умолчанию', 'виртуальное (дистанционное)'],
      ['Неизвестный параметр', '1'],
    ];
    const { settings, problems } = settingsFromRows(rows);
    expect(settings.scoring.weights.subject).toBe(5);
    expect(settings.scoring.weights.deficits).toBe(2.5);
    expect(settings.scoring.constraints.sameOrganisationOnly).toBe(true);
    expect(settings.scoring.constraints.requireConsent).toBe(true);
    expect(settings.health.menteeWaitingDays).toBe(30);
    expect(settings.programmeMonths).toBe(9);
    expect(settings.defaultFormat).toBe('виртуальное (дистанционное)');
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('ожидается «да» или «нет»');
    expect(problems[2]).toBe('Настройка «Длительность ППН по умолчанию, месяцев»: «24» — ожидается число от 3 до 12 (используется 9)');
  });
});
