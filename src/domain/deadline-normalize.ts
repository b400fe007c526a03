// Brings a deadline cell to one spelling before parsing: markup, case, «ё», dashes, exotic spaces, words typed on
// the English layout, Latin letters typed inside Russian words, one-letter typos in month names, abbreviations
// («в теч.», «ежекв.»), spaced or quoted numeric dates («01. 12. 2023», «"30" сентября») and phrases that share
// one noun («в начале и в конце учебного года», «1 и 2 квартал»). Parsing rules can then stay simple.

import { FULL_MONTH_FORMS, MONTH_BY_FORM } from './deadline-lexicon';
import { fixKeyboardLayout } from './deadline-layout';

export interface NormalizedText {
  text: string;
  warnings: string[];
}

const MARKUP_RE = /<[^>]*>|\*\*|__/g;
const SPACE_RE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
const DASH_RE = /[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]/g;

/** Latin letters that look like Cyrillic ones, as they end up in words typed on the wrong layout. */
const HOMOGLYPHS: Record<string, string> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у',
};

function fixHomoglyphs(text: string): string {
  return text.replace(/[a-zа-я]+/g, (word) => {
    // A lone Latin «c» is the preposition «с» («c 01.10.2023»); Roman numerals and other Latin words stay.
    if (word === 'c') return 'с';
    if (!/[а-я]/.test(word) || !/[a-z]/.test(word)) return word;
    return word.replace(/[a-z]/g, (ch) => HOMOGLYPHS[ch] ?? ch);
  });
}

/** Optimal string alignment distance, capped: we only care whether it is 0, 1 or more. */
function editDistanceAtMost(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) rows[i].push(i === 0 ? j : 0);
  }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
    }
  }
  return rows[a.length][b.length];
}

/** The month form a misspelt word most likely meant, when exactly one month is one edit away. */
function guessMonthForm(word: string): string | null {
  if (word.length < 5 || MONTH_BY_FORM.has(word)) return null;
  let guess: string | null = null;
  const months = new Set<number>();
  for (const form of FULL_MONTH_FORMS) {
    if (form[0] !== word[0] || editDistanceAtMost(word, form, 1) > 1) continue;
    months.add(MONTH_BY_FORM.get(form) as number);
    guess ??= form;
  }
  return months.size === 1 ? guess : null;
}

function fixMonthTypos(text: string, warnings: string[]): string {
  return text.replace(/[а-я]+/g, (word) => {
    const guess = guessMonthForm(word);
    if (guess === null) return word;
    warnings.push(`Возможная опечатка: «${word}» прочитано как «${guess}»`);
    return guess;
  });
}

/**
 * Abbreviations coordinators use, written out so the lexicon needs only full words. Each must end at a dot or a
 * word boundary, so longer words that merely start the same way are left alone.
 */
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(^|[^а-я])теч\.?(?![а-я])/g, '$1течение'],
  [/(^|[^а-я])ежекв\.?(?![а-я])/g, '$1ежеквартально'],
  [/(^|[^а-я])ежемес\.?(?![а-я])/g, '$1ежемесячно'],
  [/(^|[^а-я])ежег\.?(?![а-я])/g, '$1ежегодно'],
  [/(^|[^а-я])еженед\.?(?![а-я])/g, '$1еженедельно'],
  [/(^|[^а-я])ежедн\.?(?![а-я])/g, '$1ежедневно'],
  [/(^|[^а-я])мес\.(?![а-я])/g, '$1месяц'],
  // «1 пол. 2024», «II полуг.»: only after a half-year number, where «пол» can mean nothing else.
  [/(^|[^а-я0-9])(i{1,2}|[12])(-?е)? ?(?:пол|полуг)\.(?![а-я])/g, '$1$2$3 полугодие'],
];

function expandAbbreviations(text: string): string {
  return ABBREVIATIONS.reduce((t, [re, full]) => t.replace(re, full), text);
}

/** ««30» сентября», «"1" октября»: the quoted day of official forms. */
const QUOTED_DAY_RE = /[«"“„'](\d{1,2})[»"”']/g;
/**
 * «01. 12. 2023», «01.12. 2023»: a numeric date with a space after its second dot (and a four-digit year). A space
 * after the first dot only is a numbered item: «1. 12.2023» stays «1.» + December 2023.
 */
const SPACED_DATE_RE = /(^|[^\d.])(\d{1,2})\. ?(\d{1,2})\. (\d{4})(?!\d)/g;
/** «01.092023»: the second dot forgotten. */
const GLUED_DATE_RE = /(^|[^\d.])(\d{1,2})\.(0[1-9]|1[0-2])((?:19|20)\d{2})(?!\d)/g;

function fixNumericDates(text: string, warnings: string[]): string {
  return text
    .replace(QUOTED_DAY_RE, '$1')
    .replace(SPACED_DATE_RE, '$1$2.$3.$4')
    .replace(GLUED_DATE_RE, (_all, before: string, day: string, month: string, year: string) => {
      warnings.push(`Возможная опечатка: «${day}.${month}${year}» прочитано как «${day}.${month}.${year}»`);
      return `${before}${day}.${month}.${year}`;
    });
}

/** «в октябре месяце 2023 г.»: the word «месяц» after a month name says nothing. */
function dropMonthWord(text: string): string {
  return text.replace(/([а-я]+)\.? месяц[а-я]*(?![а-я])/g, (all, word: string) => (MONTH_BY_FORM.has(word) ? word : all));
}

const PART_WORD = '(?:начал[а-я]*|середин[а-я]*|конц[а-я]*|конец)';
/** «в начале и в конце учебного года» → «в начале учебного года и в конце учебного года». */
const PARTED_RE = new RegExp(`(${PART_WORD}) (и|или) ((?:в |к )?${PART_WORD}) ([^,;()]+)`, 'g');

function spellOutParts(text: string): string {
  return text.replace(PARTED_RE, '$1 $4 $2 $3 $4');
}

const ORDINAL = '(?:iv|iii|ii|i|[1-4]|перв[а-я]*|втор[а-я]*|трет[а-я]*|четверт[а-я]*)(?:-?(?:й|го|е|ое|ый|ий|я|ая))?';
const UNIT = '(?:квартал[а-я]*|кв\\.?|полугоди[а-я]*|семестр[а-я]*|четверт[а-я]*)(?![а-я])';
/** «1 и 2 квартал», «I, II полугодие» → «1 квартал и 2 квартал»; applied until chains («1, 2 и 3 квартал») unfold. */
const LISTED_ORDINALS_RE = new RegExp(`(^|[^a-zа-я0-9])(${ORDINAL}) ?(,|и) ?(${ORDINAL}) ?(${UNIT})`, 'g');

function spellOutOrdinals(text: string): string {
  let current = text;
  for (let guard = 0; guard < 8; guard++) {
    const next = current.replace(LISTED_ORDINALS_RE, '$1$2 $5$3 $4 $5');
    if (next === current) return current;
    current = next;
  }
  return current;
}

export function normalizeDeadlineText(raw: string): NormalizedText {
  const warnings: string[] = [];
  let text = String(raw ?? '')
    .replace(MARKUP_RE, ' ')
    .replace(DASH_RE, '-')
    .toLowerCase()
    .replace(/ё/g, 'е');
  const layout = fixKeyboardLayout(text);
  for (const [typed, read] of layout.fixed) warnings.push(`Набрано в английской раскладке: «${typed}» прочитано как «${read}»`);
  text = fixHomoglyphs(layout.text).replace(SPACE_RE, ' ').trim();
  text = fixMonthTypos(text, warnings);
  text = fixNumericDates(text, warnings);
  text = spellOutOrdinals(spellOutParts(dropMonthWord(expandAbbreviations(text))));
  return { text, warnings };
}
