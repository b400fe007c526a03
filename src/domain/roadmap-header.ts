// Column meanings of a roadmap table. Headers are found by meaning, not by position or exact wording: every
// region names its columns differently («Сроки» / «Срок реализации» / «Дата»). Without a header the columns
// are inferred from what their cells look like.
import { flatText, hasText, startsLowercase } from './roadmap-text';

/** `group`: a column naming the direction or stage a run of rows belongs to («Направление деятельности»,
 *  «Этап»), usually merged down over its rows; each new value opens a section. */
export type ColumnRole = 'number' | 'title' | 'result' | 'document' | 'deadline' | 'responsible' | 'group' | 'extra';

/** Russian names of the roles, for messages. */
export const ROLE_LABELS: Record<ColumnRole, string> = {
  number: '№',
  title: 'мероприятие',
  result: 'результат',
  document: 'документ',
  deadline: 'срок',
  responsible: 'ответственные',
  group: 'раздел',
  extra: 'прочее',
};

// Order matters: «Срок исполнения» is a deadline before it is anything with «исполн», and «Документы
// (мероприятия…), закрепляющие результат» is a document before it is an activity or a result.
const HEADER_PATTERNS: Array<[Exclude<ColumnRole, 'extra' | 'group'>, RegExp]> = [
  ['number', /^(№+|n|no|номер)\s*(п\s*\/\s*п|пп)?\.?$|^п\s*\/\s*п\.?$|^№\s*(мероприяти\S*|строки|пункта)$/i],
  ['deadline', /(^|[^\p{L}])(срок\S*|дат[аыу](?!\p{L})|период\S*\s+(исполн|проведен|реализац)|время\s+(проведения|исполнения)|когда|месяц\S*|квартал\S*)/iu],
  ['responsible', /(^|[^\p{L}])(ответствен\S*|исполнител\S*|соисполнител\S*|организатор\S*|кто\s+(проводит|отвечает))/iu],
  ['document', /(^|[^\p{L}])(документ\S*|форм\S*\s+(отч\S*|контрол\S*|представлен\S*|завершен\S*)|отч[её]тн\S*|продукт\S*|подтвержда\S*|закрепля\S*|итогов\S*\s+документ)/iu],
  ['result', /(^|[^\p{L}])(задач\S*|результат\S*|показател\S*|эффект\S*)/iu],
  ['title', /(^|[^\p{L}])(мероприяти\S*|содержани\S*|наименовани\S*|деятельност\S*|вид\S*\s+работ\S*|действи\S*|направлени\S*|работ\S*|тем[аы](?!\p{L}))/iu],
];

export function classifyHeaderCell(text: string): ColumnRole | null {
  const t = flatText(text).replace(/[:*]+$/, '').trim();
  if (t === '' || t.length > 160) return null;
  for (const [role, re] of HEADER_PATTERNS) if (re.test(t)) return role;
  return null;
}

/** «1», «1.», «1.2.», «4.3.4», «2)», «№ 3», «3а»: an item number, not a year and not a date. */
export function parseItemNumber(text: string): string | null {
  const t = flatText(text).replace(/^№\s*/, '').trim();
  const m = /^(\d{1,3}(?:\s*\.\s*\d{1,3})*)\s*([а-яa-z])?\s*[.)]?$/i.exec(t);
  if (!m) return null;
  return m[1].replace(/\s+/g, '') + (m[2] ?? '');
}

const ROMAN = /^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** A Roman numeral («II», «IV.»), with Cyrillic look-alike letters read as Latin. */
export function parseRoman(text: string): string | null {
  const t = flatText(text).replace(/[.)]$/, '').trim().replace(/[ІӀ]/g, 'I').replace(/Х/g, 'X');
  return t !== '' && ROMAN.test(t) ? t : null;
}

const MONTH = '(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)';
const DEADLINE_HINT = new RegExp(
  [
    `(^|[^\\p{L}])${MONTH}`,
    '\\b(19|20)\\d{2}\\b',
    '\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}',
    '(^|[^\\p{L}])(в\\s+течени|ежегодн|ежемесячн|ежекварт|еженедел|постоянн|регулярн|систематическ|по\\s+мере|по\\s+согласован|по\\s+графику|по\\s+плану|по\\s+отдельн|по\\s+завершени|по\\s+итогам|по\\s+запрос|по\\s+необходимост|при\\s+наличии|квартал|полугоди|не\\s+реже|до\\s+\\d|весь\\s+период|в\\s+период)',
  ].join('|'),
  'iu',
);

const DATE_WORD = /^(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*$|^(с|по|до|г|гг|год|года|годы|уч|учебн\p{L}*|квартал\p{L}*|полугоди\p{L}*|[IV]{1,3})$|^[\d.]+$/iu;

/** Only dates: months, years, day.month, «с … по …», «г.»; at least one month, year or full date. */
export function onlyDates(text: string): boolean {
  const words = text.split(/[\s,–—\-/]+/).map((w) => w.replace(/\.+$/, '')).filter((w) => w !== '');
  if (!words.length || !words.every((w) => DATE_WORD.test(w))) return false;
  return words.some((w) => /^\p{L}{4,}$/u.test(w) && !/^(года|годы|учебн)/iu.test(w)) || /\b(19|20)\d{2}\b|\d{1,2}\.\d{1,2}\./.test(text);
}

/** Reads like the text of a deadline cell. Only classifies columns; parsing is deadline.ts's job. */
export function looksLikeDeadline(text: string): boolean {
  const t = flatText(text);
  return t.length > 0 && t.length <= 250 && DEADLINE_HINT.test(t);
}

const PARTY_HINT =
  /(^|[^\p{L}])(директор|заместител|руководител|начальник|методист|куратор|специалист|председател|педагог|учител|наставник|координатор|психолог|администрац|управлени|отдел|комитет|департамент|министерств|центр|организаци|учреждени|школ|колледж|детск\S*\s+сад|рабоч\S*\s+групп|совет|служб)/iu;

/** Reads like a responsible party: a role, an institution or an abbreviation such as «МБОУ», «УО». */
export function looksLikeParty(text: string): boolean {
  const t = flatText(text);
  if (t === '' || t.length > 300) return false;
  return PARTY_HINT.test(t) || /(^|[\s,;(«])[А-ЯЁ]{2,6}($|[\s,;)»])/u.test(t) || /\p{Lu}\p{Ll}+\s+\p{Lu}\.\s*\p{Lu}\./u.test(t);
}

// Activities are named by verbal nouns; results by documents («Приказ», «Положение», «База данных»).
const ACTIVITY_HEAD =
  /^(разработ|организ|проведен|провед|формирован|утвержден|создан|подготов|мониторинг|назначен|участи|информирован|обучен|размещен|анализ|внедрен|составлен|сбор|направлен|обеспечен|реализац|привлечен|издан|оказан|актуализ|диагностик|анкетирован|заключен|сопровожд|консультирован|выявлен|определен|изучен|обобщен|представлен|трансляц|распространен|освещен|содействи|планирован|корректировк|заседани|совещани|семинар|конкурс|встреч|повышен|отбор|закреплен|подведен|контрол|оценк|ведение|пополнен|издание)/iu;

export function looksLikeActivity(text: string): boolean {
  const first = flatText(text).replace(/^[^\p{L}]+/u, '');
  return ACTIVITY_HEAD.test(first);
}

export interface ColumnStats {
  number: number;
  deadline: number;
  party: number;
  activity: number;
  avgLength: number;
  filled: number;
}

function columnStats(rows: string[][], col: number): ColumnStats {
  let filled = 0;
  let number = 0;
  let deadline = 0;
  let party = 0;
  let activity = 0;
  let length = 0;
  for (const row of rows) {
    const cell = row[col] ?? '';
    if (!hasText(cell)) continue;
    filled++;
    if (parseItemNumber(cell) !== null) number++;
    if (looksLikeDeadline(cell)) deadline++;
    if (looksLikeParty(cell)) party++;
    if (looksLikeActivity(cell)) activity++;
    length += flatText(cell).length;
  }
  const ratio = (n: number): number => (filled ? n / filled : 0);
  return {
    number: ratio(number),
    deadline: ratio(deadline),
    party: ratio(party),
    activity: ratio(activity),
    avgLength: filled ? length / filled : 0,
    filled,
  };
}

/**
 * Column roles of a table without a header, from rows that have at least two filled cells: the item number
 * column, the deadline column, the responsible column, then the activity among the text columns (verbal
 * nouns, longer text), the result and the document. Null when no deadline or activity column reads.
 */
export function inferColumns(rows: string[][]): ColumnRole[] | null {
  const data = rows.filter((r) => r.filter(hasText).length >= 2);
  if (data.length < 2) return null;
  const width = Math.max(...data.map((r) => r.length));
  if (width < 2) return null;
  const stats = Array.from({ length: width }, (_, c) => columnStats(data, c));
  const roles: ColumnRole[] = Array.from({ length: width }, () => 'extra');
  const free = (c: number): boolean => roles[c] === 'extra' && stats[c].filled > 0;
  const pick = (score: (s: ColumnStats) => number, min: number): number => {
    let best = -1;
    for (let c = 0; c < width; c++) {
      if (!free(c) || score(stats[c]) < min) continue;
      if (best < 0 || score(stats[c]) > score(stats[best])) best = c;
    }
    return best;
  };
  const number = pick((s) => s.number, 0.6);
  if (number >= 0) roles[number] = 'number';
  const deadline = pick((s) => s.deadline - s.activity * 0.5, 0.45);
  if (deadline < 0) return null;
  roles[deadline] = 'deadline';
  const title = pick((s) => s.activity * 2 + Math.min(s.avgLength, 200) / 100, 0.2);
  if (title < 0) return null;
  roles[title] = 'title';
  const responsible = pick((s) => s.party - s.activity, 0.4);
  if (responsible >= 0) roles[responsible] = 'responsible';
  const rest: number[] = [];
  for (let c = 0; c < width; c++) if (free(c)) rest.push(c);
  if (rest[0] !== undefined) roles[rest[0]] = 'result';
  if (rest[1] !== undefined) roles[rest[1]] = 'document';
  return roles;
}

export interface HeaderMatch {
  /** Rows taken by the header (1 or 2). */
  rows: number;
  roles: ColumnRole[];
  /** Header text per column, for messages. */
  labels: string[];
}

function rolesOf(cells: string[]): Array<ColumnRole | null> {
  return cells.map((c) => (hasText(c) ? classifyHeaderCell(c) : null));
}

function acceptable(roles: Array<ColumnRole | null>, filled: number): boolean {
  const set = new Set(roles.filter((r): r is ColumnRole => r !== null));
  const hasActivity = set.has('title') || set.has('result');
  if (!hasActivity) return false;
  // A plan dated by its month rows («Сентябрь» over the month's items) has no deadline column: the item
  // number, the activity and the responsible still make it a plan rather than any list.
  if (!set.has('deadline')) return set.has('number') && set.has('title') && set.has('responsible');
  return set.size >= 3 || filled <= 3;
}

/** The second row continues the header: short cells, no item numbers, no content of its own. */
function continuesHeader(first: string[], second: string[]): boolean {
  const filled = second.map((c, i) => ({ c, i })).filter(({ c }) => hasText(c));
  if (!filled.length) return false;
  return filled.every(({ c, i }) => {
    const t = flatText(c);
    if (t.length > 60 || parseItemNumber(t) !== null || looksLikeDeadline(t)) return false;
    if (/^п\s*\/\s*п\.?$/i.test(t) || startsLowercase(t)) return true;
    return !hasText(first[i] ?? '') && classifyHeaderCell(t) !== null;
  });
}

/** Numbers the columns («1 2 3 4 5»): printed under headers and repeated after page breaks. */
export function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.map((c) => flatText(c).replace(/\.$/, '')).filter((c) => c !== '');
  if (filled.length < 3 || !filled.every((c) => /^\d{1,2}$/.test(c))) return false;
  // Any order: the numbers follow the physical columns, which a reader may have rearranged.
  const seen = new Set(filled.map(Number));
  return seen.size === filled.length && [...seen].every((n) => n >= 1 && n <= filled.length);
}

const GROUP_LABEL = /направлени|этап|раздел|блок|модуль/i;

function finish(cells: string[], roles: Array<ColumnRole | null>, rows: number, top: string[]): HeaderMatch {
  const out: ColumnRole[] = roles.map((r) => r ?? 'extra');
  // A column without a name of its own in the top row, right of the deadline, is the deadline's second half
  // (a merged header cell «Срок» over «начало» / «окончание»).
  for (let i = 1; i < out.length; i++) {
    if (!hasText(top[i] ?? '') && out[i] === 'extra' && out[i - 1] === 'deadline') out[i] = 'deadline';
  }
  // Two activity-like columns: the one naming activities is the title, a direction or stage column groups.
  const titles = out.map((r, i) => (r === 'title' ? i : -1)).filter((i) => i >= 0);
  if (titles.length > 1) {
    const label = (i: number): string => flatText(cells[i] ?? '');
    const primary =
      titles.find((i) => /мероприят/i.test(label(i))) ?? titles.find((i) => /содержани|наименовани/i.test(label(i))) ?? titles[0];
    for (const i of titles) {
      if (i === primary) continue;
      // «Наименование этапа» groups rows; «Содержание деятельности» beside «Мероприятия» details them.
      if (GROUP_LABEL.test(label(i))) out[i] = 'group';
      else if (!out.includes('result')) out[i] = 'result';
      else if (!out.includes('document')) out[i] = 'document';
      else out[i] = 'extra';
    }
  }
  cells.forEach((c, i) => {
    if (out[i] === 'extra' && /^(этап|раздел|блок|модуль)/i.test(flatText(c))) out[i] = 'group';
  });
  if (!out.includes('title') && out.includes('result')) out[out.indexOf('result')] = 'title';
  // A «Результат / документ» column is the result when the table has no task/result column of its own.
  if (!out.includes('result') && out.includes('document')) out[out.indexOf('document')] = 'result';
  const seen = new Set<ColumnRole>();
  for (let i = 0; i < out.length; i++) {
    const r = out[i];
    if (r === 'extra' || r === 'responsible' || r === 'deadline' || r === 'group') continue;
    if (seen.has(r)) out[i] = r === 'result' && !out.includes('document') ? 'document' : 'extra';
    seen.add(r);
  }
  return { rows, roles: out, labels: cells.map((c) => flatText(c)) };
}

/** The header starting at `index` of `grid`, one or two rows, or null. */
export function matchHeader(grid: string[][], index: number): HeaderMatch | null {
  const first = grid[index];
  if (!first) return null;
  const filled = first.filter(hasText).length;
  if (filled < 2 || first.some((c) => flatText(c).length > 160)) return null;
  if (first.some((c) => parseItemNumber(c) !== null && !isColumnNumberRow(first))) return null;
  const second = grid[index + 1];
  const joined = (): string[] => {
    const width = Math.max(first.length, second?.length ?? 0);
    return Array.from({ length: width }, (_, i) => `${first[i] ?? ''} ${second?.[i] ?? ''}`.trim());
  };
  const alone = rolesOf(first);
  if (acceptable(alone, filled)) {
    if (second && continuesHeader(first, second)) {
      const cells = joined();
      const both = rolesOf(cells);
      if (acceptable(both, cells.filter(hasText).length)) return finish(cells, both, 2, first);
    }
    return finish(first, alone, 1, first);
  }
  if (second && continuesHeader(first, second)) {
    const cells = joined();
    const both = rolesOf(cells);
    if (acceptable(both, cells.filter(hasText).length)) return finish(cells, both, 2, first);
  }
  return null;
}

/** The row repeats the header (a page break in the source repeats it on every page). */
export function repeatsHeader(header: HeaderMatch, cells: string[]): boolean {
  let same = 0;
  let filled = 0;
  for (let i = 0; i < cells.length; i++) {
    const t = flatText(cells[i] ?? '');
    if (t === '') continue;
    if (t.length > 80) return false;
    filled++;
    const label = header.labels[i] ?? '';
    if (label !== '' && (label.includes(t) || classifyHeaderCell(t) === header.roles[i])) same++;
  }
  return filled >= 2 && same === filled;
}

/**
 * A line of running text that is the header row with its tabs lost («№ п/п Мероприятие Срок Ответственный»),
 * as PDF extraction repeats it at the top of a page: the header labels, in order, and nothing else.
 */
export function repeatsHeaderText(header: HeaderMatch, text: string): boolean {
  const words = (s: string): string[] => s.toLowerCase().replace(/ё/g, 'е').match(/[\p{L}\p{N}№]+/gu) ?? [];
  const line = words(flatText(text));
  const labels = words(header.labels.join(' '));
  return line.length >= 2 && line.length === labels.length && line.every((w, i) => w === labels[i]);
}

/**
 * Header cells left empty (a «№» column without its sign, a merged header) get a role from their content
 * when it reads clearly: item numbers, deadlines, parties.
 */
export function refineUnnamedColumns(header: HeaderMatch, rows: string[][]): ColumnRole[] {
  const roles = [...header.roles];
  const width = Math.max(roles.length, ...rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    if ((roles[c] ?? 'extra') !== 'extra' || hasText(header.labels[c] ?? '')) continue;
    const s = columnStats(rows.filter((r) => r.filter(hasText).length >= 2), c);
    if (s.filled < 2) continue;
    if (!roles.includes('number') && s.number >= 0.6) roles[c] = 'number';
    else if (!roles.includes('deadline') && s.deadline >= 0.6) roles[c] = 'deadline';
    else if (!roles.includes('responsible') && s.party >= 0.6) roles[c] = 'responsible';
  }
  for (let c = 0; c < roles.length; c++) roles[c] ??= 'extra';
  return roles;
}
