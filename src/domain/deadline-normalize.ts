// Brings a deadline cell to one spelling before parsing: markup, case, «ё», dashes, exotic spaces, Latin letters
// typed inside Russian words, and one-letter typos in month names. Parsing rules can then stay simple.

import { FULL_MONTH_FORMS, MONTH_BY_FORM } from './deadline-lexicon';

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

export function normalizeDeadlineText(raw: string): NormalizedText {
  const warnings: string[] = [];
  let text = String(raw ?? '')
    .replace(MARKUP_RE, ' ')
    .replace(DASH_RE, '-')
    .toLowerCase()
    .replace(/ё/g, 'е');
  text = fixHomoglyphs(text).replace(SPACE_RE, ' ').trim();
  text = fixMonthTypos(text, warnings);
  return { text, warnings };
}
