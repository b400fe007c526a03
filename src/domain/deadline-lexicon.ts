// Russian words the deadline parser recognises. Everything here works on normalised text: lower case, «ё» → «е»,
// any dash → «-», single spaces (see deadline-normalize.ts).

/** Every case form of every month name, plus the usual abbreviations. */
const MONTH_FORM_LIST: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['январь', 'января', 'январе', 'январю', 'январем', 'янв']],
  [2, ['февраль', 'февраля', 'феврале', 'февралю', 'февралем', 'февр', 'фев']],
  [3, ['март', 'марта', 'марте', 'марту', 'мартом', 'мар']],
  [4, ['апрель', 'апреля', 'апреле', 'апрелю', 'апрелем', 'апр']],
  [5, ['май', 'мая', 'мае', 'маю', 'маем']],
  [6, ['июнь', 'июня', 'июне', 'июню', 'июнем', 'июн']],
  [7, ['июль', 'июля', 'июле', 'июлю', 'июлем', 'июл']],
  [8, ['август', 'августа', 'августе', 'августу', 'августом', 'авг']],
  [9, ['сентябрь', 'сентября', 'сентябре', 'сентябрю', 'сентябрем', 'сент', 'сен']],
  [10, ['октябрь', 'октября', 'октябре', 'октябрю', 'октябрем', 'окт']],
  [11, ['ноябрь', 'ноября', 'ноябре', 'ноябрю', 'ноябрем', 'нояб', 'ноя']],
  [12, ['декабрь', 'декабря', 'декабре', 'декабрю', 'декабрем', 'дек']],
];

export const MONTH_BY_FORM: ReadonlyMap<string, number> = new Map(
  MONTH_FORM_LIST.flatMap(([month, forms]) => forms.map((form) => [form, month] as const)),
);

/** Nominative names, for messages. */
export const MONTH_NAMES: readonly string[] = MONTH_FORM_LIST.map(([, forms]) => forms[0]);

/** Full forms only: the candidates a misspelt word is compared with. */
export const FULL_MONTH_FORMS: readonly string[] = [...MONTH_BY_FORM.keys()].filter((f) => f.length >= 5);

/** Longest first, so «сентября» wins over «сент» and «сен». */
const MONTH_ALTERNATION = [...MONTH_BY_FORM.keys()].sort((a, b) => b.length - a.length).join('|');

/** A month word; capture group 1 is the form. An abbreviation may carry a dot. */
export const MONTH_SOURCE = `(${MONTH_ALTERNATION})\\.?(?![а-я])`;

/** Ordinals for quarters: Roman (already lower-cased), Arabic, and words in any case. */
export function ordinalValue(word: string): number | null {
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  if (word in roman) return roman[word];
  if (/^\d+$/.test(word)) return Number(word);
  if (word.startsWith('перв')) return 1;
  if (word.startsWith('втор')) return 2;
  if (word.startsWith('трет')) return 3;
  if (word.startsWith('четв')) return 4;
  return null;
}

/** Counts in «не реже двух раз в год», «3 раза в год», «раз в два года». */
export function countValue(word: string | undefined): number | null {
  if (word === undefined || word === '') return 1;
  if (/^\d+$/.test(word)) return Number(word);
  const words: Array<[RegExp, number]> = [
    [/^(один|одного|одним|однажды)$/, 1],
    [/^(два|двух|дважды)$/, 2],
    [/^(три|трех|трижды)$/, 3],
    [/^(четыре|четырех)$/, 4],
    [/^(пять|пяти)$/, 5],
    [/^(шесть|шести)$/, 6],
    [/^(двенадцать|двенадцати)$/, 12],
  ];
  for (const [re, n] of words) if (re.test(word)) return n;
  return null;
}

export const COUNT_SOURCE = '(\\d{1,2}|один|одного|одним|два|двух|три|трех|четыре|четырех|пять|пяти|шесть|шести|двенадцать|двенадцати)';

/** «г.», «гг.», «г.г.», «года», «году», «годы»… after a year. Optional; absorbed so it never looks like a word. */
export const YEAR_WORD_SOURCE =
  '(?:\\s*(?:г\\.\\s?г\\.|гг\\.|г\\.|(?:годы|годов|годах|года|году|годом|год|гг|г)(?![а-я])))?';

/** «учебный год», «учебного года», «уч. г.», «уч.год» after an academic year. */
export const ACADEMIC_WORD_SOURCE = '\\s*уч(?:ебн[а-я]*)?\\.?\\s*(?:г(?:од[а-я]*)?\\.?|гг\\.?)?(?![а-я])';

/**
 * Prepositions that turn the next date into a bound or a span (matched at the end of the text before it). «До
 * конца I полугодия 2024 г.», «к окончанию 2023 года»: by the end of a period is a bound on that period.
 */
export const UNTIL_PREFIX_RE =
  /(?:^|[^а-я])(?:в срок до|срок до|до|не позднее|не позже|к|по)(?: (?:конца|концу|окончания|окончанию|завершения|завершению))?$/;
export const FROM_PREFIX_RE = /(?:^|[^а-я])(?:начиная с|начиная со|не ранее|после|с|со|от)$/;
/** «по итогам I полугодия», «по результатам 2023 года»: the date names what is reported on, not when. */
export const REFERENCE_PREFIX_RE = /(?:^|[^а-я])(?:по итогам|по результатам|по окончании|по завершении)$/;
export const WITHIN_PREFIX_RE = /(?:^|[^а-я])(?:в течение|в течении|на протяжении|в продолжение|в период|весь|всего)$/;

/** Whole-text markers. */
export const CONTINUOUS_RE = new RegExp(
  [
    'в течени[еи]',
    'на протяжении',
    'в продолжение',
    'постоянн',
    'регулярн',
    'систематическ',
    'ежедневн',
    'еженедельн',
    'кажд[а-я]+ (?:день|неделю|понедельник|вторник|среду|четверг|пятницу)',
    'по (?:понедельникам|вторникам|средам|четвергам|пятницам|субботам|будням|будним дням)',
    'раз[а]? в неделю',
    'весь период',
    'весь срок',
    'в период реализации',
    'в ходе реализации',
    'круглогодичн',
    'непрерывн',
    '(?:^|[^а-я])весь(?![а-я])',
  ].join('|'),
);

/** «в течение 10 дней», «в течение месяца после приказа»: a duration after some event, not a calendar span. */
export const RELATIVE_DURATION_RE =
  /(?:в течени[еи]|на протяжении) (?:\d+ |одного |двух |трех |пяти |десяти |)(?:календарн[а-я]* |рабоч[а-я]* )?(?:дн|дней|день|недел|месяц)[а-я]*/g;

/** «далее», «затем»: what follows applies after the first dates. */
export const THEN_RE = /(?:^|[^а-я])(?:далее|затем|в дальнейшем|впоследствии)(?![а-я])/;

/** An adjective between a preposition and its noun: «по утвержденному графику», «по индивидуальному плану». */
const ADJECTIVE = '(?:[а-я]+(?:ому|ему|ым|им|ой|ей|ам|ям|ими|ыми) )?';

export const CONDITIONAL_RE = new RegExp(
  [
    `по ${ADJECTIVE}(?:согласовани|мере|график|план|запрос|заявк|требовани|приглашени|решени|распоряжени|приказ|поручени|представлени|обращени)`,
    'при наличии',
    'при необходимости',
    // «при поступлении запроса», «при выявлении дефицитов», «при условии…»: a verbal noun after «при».
    '(?:^|[^а-я])при [а-я]+(?:ии|ости)(?![а-я])',
    'по необходимости',
    'по отдельн',
    'согласно',
    'в соответствии',
    'по итогам',
    'по результатам',
    'по завершени',
    'по окончани',
    'после ',
    'в случае',
    'в установленн',
    'в сроки',
    'по факту',
    'по готовности',
    'до начала',
    'до окончания',
    'за \\d+ (?:календарн|рабоч|дн|недел|месяц)',
    'в течение \\d+ ',
  ].join('|'),
);

/** Recurrence phrases, most specific first (see deadline-recurrence.ts for how they combine). */
export const EVERY_N_YEARS_RE = new RegExp(`раз[а]? в ${COUNT_SOURCE} год|кажды[ейх] ${COUNT_SOURCE} год`);
export const TIMES_PER_YEAR_RE = new RegExp(`(?:${COUNT_SOURCE} )?раз[а]? в (?:учебн[а-я]* )?год(?![а-я])|(дважды|трижды) в (?:учебн[а-я]* )?год(?![а-я])`);
export const TIMES_PER_HALF_RE = new RegExp(
  `(?:${COUNT_SOURCE} )?раз[а]? в (?:полгода|полугоди|семестр)|кажд[а-я]+ (?:полугоди|полгода|семестр)|ежеполугод|по полугодиям|по семестрам`,
);
/** «раз в три месяца» → every 3 months. */
export const EVERY_N_MONTHS_RE = new RegExp(`раз[а]? в ${COUNT_SOURCE} месяц|кажды[ейх] ${COUNT_SOURCE} месяц`);
/** School quarters («четверть»): four times a year. */
export const PER_SCHOOL_QUARTER_RE = /раз[а]? в четверть|кажд[а-я]+ четверт|ежечетверт|по четвертям|по итогам (?:каждой )?четверти/;
export const QUARTERLY_RE = /ежекварт|поквартал|кажд[а-я]+ квартал|раз[а]? в квартал/;
export const MONTHLY_RE = /ежемесячн|помесячн|кажд[а-я]+ месяц|раз[а]? в месяц/;
export const YEARLY_RE = /ежегодн|кажд[а-я]+ год|раз в год/;
export const DAY_OF_MONTH_RE = /(?:^|[^\d])\d{1,2}(?:-?го)? числ[ао]/;

/** Any recurrence phrase ending right before a bound: «ежегодно до …», «раз в год до …». */
export const RECURRENCE_BEFORE_BOUND_RE =
  /(?:ежегодн[а-я]*|ежемесячн[а-я]*|ежекварт[а-я]*|раз[а]? в [а-я0-9 ]*(?:год[а-я]*|квартал|месяц)|в год|дважды в год|трижды в год)[\s,;:-]*(?:до|по|не позднее|не позже)$/;
