// Cell text of imported roadmaps: extracted Word/PDF/HTML text carries markup, entities, odd spaces, dashes
// and quotes that must not reach the tracker, while the shape of the words (case, trailing punctuation) is
// what the normaliser reads to tell a page-break continuation from a new row. Pure string code.

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', laquo: '«', raquo: '»', ndash: '–', mdash: '—',
  hellip: '…', bdquo: '„', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', shy: '', numero: '№', minus: '−',
  thinsp: ' ', ensp: ' ', emsp: ' ', zwsp: '', zwnj: '', zwj: '', bull: '•', middot: '·',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    const named = ENTITIES[body.toLowerCase()];
    return named === undefined ? whole : named;
  });
}

/** Removes HTML tags and Markdown emphasis; `<br>` and paragraph ends become line breaks. */
export function stripMarkup(s: string): string {
  let t = s.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|tr)>/gi, '\n');
  t = t.replace(/<\/?[a-zA-Z][^<>]*>/g, '');
  t = decodeEntities(t);
  // Markdown: bold/underline markers anywhere, italic `*word*` only around text, heading hashes at line start.
  t = t.replace(/\*\*|__/g, '');
  t = t.replace(/(^|[\s(«"])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s.,;:!?)»"])/g, '$1$2');
  t = t.replace(/^[ \t]*#{1,6}[ \t]+/gm, '');
  // Pandoc escapes punctuation it would otherwise read as markup.
  t = t.replace(/\\([\\`*_{}[\]()#+\-.!|<>"'])/g, '$1');
  return t;
}

function normaliseQuotes(s: string): string {
  let t = s.replace(/[“”„‟″]/g, '"').replace(/[‘’‚‛′]/g, "'");
  const count = (t.match(/"/g) ?? []).length;
  // Straight double quotes become «» only when they pair up; an odd one is left alone rather than guessed.
  if (count > 0 && count % 2 === 0) {
    let open = true;
    t = t.replace(/"/g, () => {
      const q = open ? '«' : '»';
      open = !open;
      return q;
    });
  }
  return t;
}

/**
 * Clean text of one cell: markup, entities, invisible characters and space runs gone, dashes and quotes made
 * uniform. Line breaks inside the cell survive (a responsible list may be one party per line).
 */
export function cleanCellText(raw: string): string {
  let t = stripMarkup(raw.replace(/\r\n?/g, '\n'));
  t = t.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '');
  t = t.replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\v\f]/g, ' ');
  t = t.replace(/[\u2010\u2011\u2012\u2212\uFE63\uFF0D]/g, '-').replace(/[\u2014\u2015]/g, '–');
  t = normaliseQuotes(t);
  return t
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').replace(/ - /g, ' – ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** One line of text: the cell's own line breaks read as spaces. */
export function flatText(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

/** A cell whose every letter sits inside bold markup (`<b>`, `<strong>`, `**`, `__`). */
export function isBoldMarkup(raw: string): boolean {
  if (!hasText(raw)) return false;
  const rest = raw
    .replace(/<(b|strong)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\*\*[\s\S]*?\*\*/g, '')
    .replace(/__[\s\S]*?__/g, '');
  return rest !== raw && !hasText(stripMarkup(rest));
}

/** Letters, digits or the number sign: a cell with only «№» is a header cell, not an empty one. */
export function hasText(s: string): boolean {
  return /[\p{L}\p{N}№]/u.test(s);
}

/** The first letter of the text, past opening quotes, brackets and bullets. */
function firstLetter(s: string): string {
  const m = /[\p{L}\p{N}]/u.exec(s);
  return m ? m[0] : '';
}

export function startsLowercase(s: string): boolean {
  const t = s.trim();
  if (/^[,;:)»\]]/.test(t)) return true;
  const c = firstLetter(t);
  // A list item («- анкетирование;», «• собеседование») continues the cell it belongs to like any lower-case text.
  return c !== '' && /\p{Ll}/u.test(c) && /^[\s«"'(•·*–—-]*\p{Ll}/u.test(t);
}

export function startsUppercase(s: string): boolean {
  return /^[\s«"'(]*\p{Lu}/u.test(s);
}

/** Every letter upper case and at least one real word (not only abbreviations): «ОСНОВНОЙ ЭТАП». */
export function isAllCapsHeading(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length < 6 || letters !== letters.toUpperCase()) return false;
  return /(^|[^\p{L}])(ЭТАП|РАЗДЕЛ|БЛОК|НАПРАВЛЕНИЕ)|\p{Lu}{7,}/u.test(s);
}

const OPEN_ENDINGS = new Set([
  'и', 'или', 'а', 'но', 'в', 'во', 'на', 'по', 'с', 'со', 'для', 'о', 'об', 'обо', 'к', 'ко', 'от', 'из', 'за',
  'при', 'до', 'через', 'между', 'без', 'под', 'над', 'у', 'также', 'том', 'числе', 'как', 'их', 'его', 'её', 'ее',
]);

function unbalanced(s: string, open: string, close: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === open) depth++;
    else if (ch === close && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * The text visibly stops mid-phrase: a trailing comma, dash, colon, preposition or conjunction, or a quote or
 * bracket left open. Such a cell is continued by the next row, whatever case that row starts with.
 */
export function endsOpen(s: string): boolean {
  const t = s.trim();
  if (t === '') return false;
  if (/[,:(«/–-]$/.test(t)) return true;
  if (unbalanced(t, '«', '»') || unbalanced(t, '(', ')')) return true;
  if (((t.match(/"/g) ?? []).length % 2) === 1) return true;
  const last = /([\p{L}]+)$/u.exec(t);
  return last !== null && OPEN_ENDINGS.has(last[1].toLowerCase());
}

/** Ends like a finished sentence. Roadmap titles rarely do, so its absence proves little. */
export function endsClosed(s: string): boolean {
  return /[.!?;»)]$/.test(s.trim());
}

/** Joins a continuation to the text it continues; a trailing hyphen glues the word back together. */
export function joinContinuation(prev: string, next: string): string {
  if (prev === '') return next;
  if (next === '') return prev;
  if (/\p{L}-$/u.test(prev)) return prev + next;
  return `${prev} ${next}`;
}
