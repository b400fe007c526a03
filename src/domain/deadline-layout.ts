// Words typed with the keyboard left on the English layout: «vfq 2024» is «май 2024», «ctynz,hm» is «сентябрь».
// A Latin token is re-read through the ЙЦУКЕН layout only when the result is a word the parser knows, so Roman
// numerals, abbreviations and real Latin words stay as they are. Short words («u/» → «г.», «lj» → «до») are
// re-read only in a cell that already had a long word on the wrong layout: alone they are too easy to mistake.

import { MONTH_BY_FORM } from './deadline-lexicon';

const QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,./`";
const JCUKEN = 'йцукенгшщзхъфывапролджэячсмитьбю.ё';
const TO_CYRILLIC: ReadonlyMap<string, string> = new Map([...QWERTY].map((ch, i) => [ch, JCUKEN[i]]));

/** Long enough to be recognised on their own. */
const LONG_WORDS: ReadonlySet<string> = new Set([
  ...[...MONTH_BY_FORM.keys()].filter((form) => form.length >= 3),
  'ежегодно', 'ежемесячно', 'ежеквартально', 'еженедельно', 'ежедневно', 'постоянно', 'регулярно',
  'течение', 'квартал', 'квартала', 'полугодие', 'полугодия', 'года', 'году', 'учебного', 'учебный',
]);
/** Recognised only next to a long one. */
const SHORT_WORDS: ReadonlySet<string> = new Set(['г', 'гг', 'год', 'до', 'по', 'с', 'со', 'к', 'в', 'и', 'не', 'раз']);

/** A whole run of keys that sit on Russian letters on the ЙЦУКЕН layout, starting with a letter, not glued to Cyrillic. */
const TOKEN_RE = /(^|[^a-z\[\];',.`/а-яё])([a-z][a-z\[\];',.`/]*)(?![a-z\[\];',.`/а-яё])/g;

function toCyrillic(token: string): string {
  return [...token].map((ch) => TO_CYRILLIC.get(ch) ?? ch).join('');
}

/** The known word a token spells on the other layout, keeping trailing punctuation («vfq,» → «май,»). */
function reread(token: string, words: ReadonlySet<string>): string | null {
  for (let cut = token.length; cut > 0; cut--) {
    const tail = token.slice(cut);
    if (!/^[,.;/]*$/.test(tail)) break;
    const word = toCyrillic(token.slice(0, cut));
    const bare = word.replace(/\.$/, '');
    if (words.has(bare)) return word + tail.replace(/\//g, '.');
  }
  return null;
}

/** Re-reads wrong-layout words of a lower-cased cell; `fixed` lists «original → reading» pairs for warnings. */
export function fixKeyboardLayout(text: string): { text: string; fixed: Array<[string, string]> } {
  const fixed: Array<[string, string]> = [];
  const pass = (input: string, words: ReadonlySet<string>) =>
    input.replace(TOKEN_RE, (all, before: string, token: string) => {
      const word = reread(token, words);
      if (word === null) return all;
      fixed.push([token, word]);
      return before + word;
    });
  const first = pass(text, LONG_WORDS);
  if (fixed.length === 0) return { text, fixed };
  return { text: pass(first, SHORT_WORDS), fixed };
}
