// Matching Russian free-text phrases («работа с родителями» vs «взаимодействие с родителями обучающихся») by
// word stems. A light suffix stripper plus a prefix rule is enough for short lists of competencies and deficits,
// and it stays predictable: no dictionary, no Intl, same answer in Node and Apps Script.

const STOP_WORDS = new Set(
  ('и в во с со по для на к ко о об обо от до из за при без над под про через у а но или либо как что это не ни ' +
    'их его ее её то та те тот так же ли бы уже еще ещё все всех весь том этом при т ч др пр').split(' '),
);

/** Words that appear in many phrases and say little alone: they count a quarter of a content word. */
const GENERIC_STEMS = ['работ', 'деятельност', 'навык', 'умени', 'вопрос', 'процесс', 'сфер', 'област', 'организац', 'повышени', 'развити', 'основ'];

/** Letters an ending leaves behind when the stripper takes only part of it («организаци|ю», «работо|ю»). */
const ENDING_REMNANT = /^[аеиоуыэюяйь]{1,2}$/;

/**
 * The generic stem a stem is a form of, or null. A form is the stem itself, the stem plus the vowel remnant of an
 * ending, or the stem cut short by up to two letters, as the stripper does to some forms («развит» from
 * «развитие», «деятельнос» from «деятельность»). A longer word that only begins with a generic stem is another
 * word: «работодатель», «работник», «основной», «деятельностный» are content words.
 */
export function genericStemOf(stem: string): string | null {
  for (const g of GENERIC_STEMS) {
    if (stem === g) return g;
    if (stem.length > g.length) {
      if (stem.startsWith(g) && ENDING_REMNANT.test(stem.slice(g.length))) return g;
    } else if (stem.length >= 4 && g.length - stem.length <= 2 && g.startsWith(stem)) return g;
  }
  return null;
}

// Longest first, so «ями» is tried before «и».
const ENDINGS = [
  'иями', 'ями', 'ами', 'ией', 'иях', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ться', 'ях', 'ах', 'ий', 'ый', 'ой', 'ая',
  'яя', 'ое', 'ее', 'ые', 'ие', 'ую', 'юю', 'ам', 'ям', 'ом', 'ем', 'ов', 'ев', 'ей', 'ия', 'ии', 'ью', 'ть', 'а', 'я',
  'о', 'е', 'ы', 'и', 'у', 'ю', 'ь', 'й',
];

export interface Stem {
  stem: string;
  /** 1 for a content word, 0.25 for a generic one. */
  weight: number;
}

/** Strips one inflectional ending, keeping at least three letters. */
export function stemWord(word: string): string {
  for (const e of ENDINGS) {
    if (word.length - e.length >= 3 && word.endsWith(e)) return word.slice(0, word.length - e.length);
  }
  return word;
}

/** Content-word stems of a phrase, without repeats. */
export function phraseStems(text: string): Stem[] {
  const words = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
  const out: Stem[] = [];
  for (const w of words) {
    const stem = stemWord(w);
    if (out.some((s) => s.stem === stem)) continue;
    out.push({ stem, weight: genericStemOf(stem) === null ? 1 : 0.25 });
  }
  return out;
}

/**
 * Two stems name the same thing when equal, or when they share a prefix of at least 4 letters that covers all but
 * at most two letters of the shorter one («оцен» ~ «оценивани», «цифр» ~ «цифров», but «прог» ≁ «программ»).
 * A generic word matches only its own forms: «работа» ≁ «работодатель», «развитие» ≁ «развивающий».
 */
export function stemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a[k] === b[k]) k++;
  if (k < 4 || k < n - 2) return false;
  // The prefix rule is for related forms of one content word; next to a generic word it joins different words.
  const ga = genericStemOf(a);
  const gb = genericStemOf(b);
  return ga === gb;
}

/** Weighted share (0..1) of `need`'s stems found among `have`'s; 0 when `need` has no content words. */
export function stemCoverage(need: readonly Stem[], have: readonly Stem[]): number {
  let total = 0;
  let found = 0;
  for (const s of need) {
    total += s.weight;
    if (have.some((h) => stemsMatch(s.stem, h.stem))) found += s.weight;
  }
  return total === 0 ? 0 : found / total;
}
