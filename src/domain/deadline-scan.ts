// Finds the time expressions («атомы») in a normalised deadline cell: dates, months, quarters, half-years,
// seasons, parts of months, years and academic years. Each reader recognises one family at one position; the
// scanner tries them in order at every word start. How atoms combine (ranges, bounds, lists) is decided later,
// in deadline-items.ts, from the text between them.

import { daysInMonth } from './iso-date';
import {
  ACADEMIC_WORD_SOURCE,
  MONTH_BY_FORM,
  MONTH_SOURCE,
  YEAR_WORD_SOURCE,
  ordinalValue,
} from './deadline-lexicon';

/** A time expression whose calendar year may still be unknown. */
export interface TimePoint {
  /** Calendar year of `month`, when the text gives it (directly or through an academic year). */
  year: number | null;
  /** First month, 1–12. */
  month: number;
  /** Length in whole months, when `days` is null. */
  months: number;
  /** A span of days inside `month` («15 сентября», «первая декада сентября»); null for whole months. */
  days: readonly [number, number] | null;
}

export interface Atom {
  start: number;
  end: number;
  from: TimePoint;
  /** The end of a range the atom spells by itself («II-III квартал»). */
  to: TimePoint | null;
  /** A lone day number: only meaningful as the start of a range («с 1 по 15 октября»). */
  bareDay: boolean;
  /** Set when the text looks like a date but is impossible («31.02.2024»). */
  invalid: string | null;
}

export interface ScanContext {
  /** The plan runs by academic years (starts in September): decides yearless half-years and «конец года». */
  academicPlan: boolean;
}

interface Read {
  end: number;
  from: TimePoint;
  to?: TimePoint;
  bareDay?: boolean;
  invalid?: string;
}

type Reader = (text: string, pos: number, ctx: ScanContext) => Read | null;

type YearTail = { kind: 'year'; year: number } | { kind: 'academic'; startYear: number };

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function sticky(source: string): RegExp {
  return new RegExp(source, 'y');
}

function execAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function plausibleYear(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function expandYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function monthPoint(year: number | null, month: number, months = 1): TimePoint {
  return { year, month, months, days: null };
}

function dayPoint(year: number | null, month: number, from: number, to = from): TimePoint {
  return { year, month, months: 1, days: [from, to] };
}

/** Longest possible month length: a yearless «29 февраля» is allowed until a year says otherwise. */
function maxDay(month: number, year: number | null): number {
  return daysInMonth(year ?? 2024, month);
}

function monthOf(form: string): number {
  return MONTH_BY_FORM.get(form) as number;
}

// ---- year tails: «2023 г.», «, 2023», «2023-2024 учебного года», «2023/24 уч. г.»

const ACADEMIC_TAIL_RE = sticky(`\\s*(?:,|\\()?\\s*(\\d{4})\\s*([-/])\\s*(\\d{4}|\\d{2})(?!\\d)((?:${ACADEMIC_WORD_SOURCE})?)`);
// «сентябрь 2023», «август, 2023», «сентябрь (2023 г.)», «март-2024»: a dash between a month and a year only
// separates them; a range from a month to a whole year would mean nothing.
const YEAR_TAIL_RE = sticky(`\\s*(?:[,-]|\\()?\\s*(\\d{4})(?![\\d])${YEAR_WORD_SOURCE}(?:\\s*\\))?`);
const ACADEMIC_WORDS_RE = sticky(`\\s*(?:текущего\\s+|этого\\s+)?(?:${ACADEMIC_WORD_SOURCE})`);

function academicYearAt(text: string, pos: number): { startYear: number; end: number } | null {
  const m = execAt(ACADEMIC_TAIL_RE, text, pos);
  if (!m) return null;
  const startYear = Number(m[1]);
  const next = m[3].length === 2 ? (startYear + 1) % 100 : startYear + 1;
  const consecutive = Number(m[3]) === next;
  const marked = m[4] !== '' || m[2] === '/';
  return consecutive && marked && plausibleYear(startYear) ? { startYear, end: pos + m[0].length } : null;
}

function readYearTail(text: string, pos: number): { tail: YearTail | null; end: number } {
  const academic = academicYearAt(text, pos);
  if (academic) return { tail: { kind: 'academic', startYear: academic.startYear }, end: academic.end };
  const m = execAt(YEAR_TAIL_RE, text, pos);
  if (m && plausibleYear(Number(m[1]))) return { tail: { kind: 'year', year: Number(m[1]) }, end: pos + m[0].length };
  return { tail: null, end: pos };
}

/** The calendar year of a point's first month under a year tail. */
function yearUnder(tail: YearTail | null, month: number): number | null {
  if (!tail) return null;
  if (tail.kind === 'year') return tail.year;
  return month >= 9 ? tail.startYear : tail.startYear + 1;
}

// ---- numeric dates

const ISO_RE = /(\d{4})-(\d{2})-(\d{2})(?!\d)/y;
const NUMERIC_DATE_RE = sticky(`(\\d{1,2})[./](\\d{1,2})[./](\\d{4}|\\d{2})(?!\\d)(?!\\.\\d)${YEAR_WORD_SOURCE}`);
const MONTH_YEAR_NUMERIC_RE = sticky(`(\\d{1,2})[./](\\d{4})(?!\\d)${YEAR_WORD_SOURCE}`);
const DAY_MONTH_NUMERIC_RE = /(\d{1,2})\.(0[1-9]|1[0-2])(?!\d)(?!\.\d)/y;
/** «п. 2.10», «раздел 1.12», «№ 3.05» are references, not dates. */
const REFERENCE_BEFORE_RE = /(?:^|[^а-я])(?:п|пп|пункт[а-я]*|раздел[а-я]*|глав[а-я]*)\.?\s*$|№\s*$/;

function dayRead(end: number, year: number | null, month: number, day: number, shown: string): Read {
  if (month < 1 || month > 12 || day < 1 || day > maxDay(month, year)) {
    return { end, from: dayPoint(year, 1, 1), invalid: `Неверная дата «${shown}»` };
  }
  return { end, from: dayPoint(year, month, day) };
}

const readIsoDate: Reader = (text, pos) => {
  const m = execAt(ISO_RE, text, pos);
  if (!m || !plausibleYear(Number(m[1]))) return null;
  return dayRead(pos + m[0].length, Number(m[1]), Number(m[2]), Number(m[3]), m[0]);
};

const readNumericDate: Reader = (text, pos) => {
  const m = execAt(NUMERIC_DATE_RE, text, pos);
  if (!m) return null;
  const year = expandYear(m[3]);
  if (!plausibleYear(year)) return null;
  return dayRead(pos + m[0].length, year, Number(m[2]), Number(m[1]), m[0].trim());
};

const readMonthYearNumeric: Reader = (text, pos) => {
  const m = execAt(MONTH_YEAR_NUMERIC_RE, text, pos);
  if (!m) return null;
  const month = Number(m[1]);
  const year = Number(m[2]);
  if (month < 1 || month > 12 || !plausibleYear(year)) return null;
  return { end: pos + m[0].length, from: monthPoint(year, month) };
};

/** «до 01.10 2023»: a space typed for the last dot. Only a space: «15.09, 2024 год» stays a list. */
const SPACED_YEAR_RE = / (?=\d{4}(?!\d))/y;

const readDayMonthNumeric: Reader = (text, pos) => {
  const m = execAt(DAY_MONTH_NUMERIC_RE, text, pos);
  if (!m || REFERENCE_BEFORE_RE.test(text.slice(0, pos))) return null;
  const month = Number(m[2]);
  const after = pos + m[0].length;
  if (execAt(SPACED_YEAR_RE, text, after)) {
    const { tail, end } = readYearTail(text, after);
    if (tail) return dayRead(end, yearUnder(tail, month), month, Number(m[1]), text.slice(pos, end).trim());
  }
  return dayRead(after, null, month, Number(m[1]), m[0]);
};

// ---- dates and months written in words

const DAY_MONTH_RE = sticky(`(\\d{1,2})(?:-?го)?\\s*${MONTH_SOURCE}`);
const MONTH_RE = sticky(MONTH_SOURCE);
const MONTH_PART_RE = sticky(
  '(?:(перв[а-я]*|втор[а-я]*|трет[а-я]*|последн[а-я]*|[123])(?:-?[а-я]{1,2})?\\s+декад[а-я]*' +
    '|(перв[а-я]*|втор[а-я]*|трет[а-я]*|четверт[а-я]*|последн[а-я]*|[1-4])(?:-?[а-я]{1,2})?\\s+недел[а-я]*' +
    `|(начал[а-я]*|середин[а-я]*|конц[а-я]*|конец))\\s+${MONTH_SOURCE}`,
);

const readDayMonth: Reader = (text, pos) => {
  const m = execAt(DAY_MONTH_RE, text, pos);
  if (!m) return null;
  const month = monthOf(m[2]);
  const { tail, end } = readYearTail(text, pos + m[0].length);
  return dayRead(end, yearUnder(tail, month), month, Number(m[1]), text.slice(pos, end).trim());
};

const readMonth: Reader = (text, pos) => {
  const m = execAt(MONTH_RE, text, pos);
  if (!m) return null;
  const month = monthOf(m[1]);
  const { tail, end } = readYearTail(text, pos + m[0].length);
  return { end, from: monthPoint(yearUnder(tail, month), month) };
};

/** Days of a decade (1–10, 11–20, 21–end) or a week (1–7 … 22–28; the last week is 25–end). */
function partDays(decade: string | undefined, week: string | undefined, part: string | undefined): [number, number] {
  if (week !== undefined) {
    const n = week.startsWith('последн') ? 5 : (ordinalValue(week) ?? 1);
    return n === 5 ? [25, 31] : [7 * n - 6, 7 * n];
  }
  const n = decade !== undefined
    ? (decade.startsWith('последн') ? 3 : (ordinalValue(decade) ?? 1))
    : (part as string).startsWith('начал') ? 1 : (part as string).startsWith('середин') ? 2 : 3;
  return n === 1 ? [1, 10] : n === 2 ? [11, 20] : [21, 31];
}

/** «первая декада сентября», «последняя неделя августа», «в начале / середине / конце мая». */
const readMonthPart: Reader = (text, pos) => {
  const m = execAt(MONTH_PART_RE, text, pos);
  if (!m) return null;
  const month = monthOf(m[4]);
  const { tail, end } = readYearTail(text, pos + m[0].length);
  const [from, to] = partDays(m[1], m[2], m[3]);
  return { end, from: dayPoint(yearUnder(tail, month), month, from, to) };
};

// ---- the beginning or the end of a year: «в начале учебного года», «к концу 2024 года»

const YEAR_PART_RE = /(начал[а-я]*|конц[а-я]*|конец)/y;
const BARE_YEAR_WORD_RE = /\s+год[а-я]*(?![а-я])/y;

const readYearPart: Reader = (text, pos, ctx) => {
  const m = execAt(YEAR_PART_RE, text, pos);
  if (!m) return null;
  const begin = m[1].startsWith('начал');
  const after = pos + m[0].length;
  const academicPoint = (year: number | null): TimePoint => monthPoint(year, begin ? 9 : 5);
  const calendarPoint = (year: number | null): TimePoint => monthPoint(year, begin ? 1 : 12);
  const academic = academicYearAt(text, after);
  if (academic) return { end: academic.end, from: academicPoint(begin ? academic.startYear : academic.startYear + 1) };
  const words = execAt(ACADEMIC_WORDS_RE, text, after);
  if (words) return { end: after + words[0].length, from: academicPoint(null) };
  const year = execAt(YEAR_TAIL_RE, text, after);
  if (year && plausibleYear(Number(year[1]))) return { end: after + year[0].length, from: calendarPoint(Number(year[1])) };
  const bare = execAt(BARE_YEAR_WORD_RE, text, after);
  if (bare) return { end: after + bare[0].length, from: ctx.academicPlan ? academicPoint(null) : calendarPoint(null) };
  return null;
};

// ---- quarters and half-years

const QUARTER_NUMBER = 'iv|iii|ii|i|[1-4]|перв[а-я]*|втор[а-я]*|трет[а-я]*|четверт[а-я]*';
const QUARTER_RE = sticky(
  `(${QUARTER_NUMBER})(?:\\s*-\\s*(${QUARTER_NUMBER}))?(?:\\s*-?\\s*(?:й|го|м|ый|ий|ом))?\\s*(?:квартал[а-я]*|кв\\.?)(?![а-я])`,
);
const HALF_NUMBER = 'ii|i|[12]|перв[а-я]*|втор[а-я]*';
const HALF_RE = sticky(
  `(${HALF_NUMBER})(?:\\s*-\\s*(${HALF_NUMBER}))?(?:\\s*-?\\s*(?:е|ое|ом|го|м|й|ый))?\\s*(полугоди[а-я]*|семестр[а-я]*)`,
);

const readQuarter: Reader = (text, pos) => {
  const m = execAt(QUARTER_RE, text, pos);
  if (!m) return null;
  const first = ordinalValue(m[1]);
  const last = m[2] !== undefined ? ordinalValue(m[2]) : first;
  if (!first || !last || first > 4 || last > 4 || last < first) return null;
  const { tail, end } = readYearTail(text, pos + m[0].length);
  const quarter = (n: number): TimePoint => monthPoint(yearUnder(tail, 3 * n - 2), 3 * n - 2, 3);
  return first === last ? { end, from: quarter(first) } : { end, from: quarter(first), to: quarter(last) };
};

/** School quarters («четверть»): I September–October, II November–December, III January–March, IV April–May. */
const SCHOOL_QUARTER_RE = sticky(
  `(${QUARTER_NUMBER})(?:\\s*-\\s*(${QUARTER_NUMBER}))?(?:\\s*-?\\s*(?:я|й|ая|ой))?\\s*четверт[а-я]*(?![а-я])`,
);
const SCHOOL_QUARTERS: ReadonlyArray<readonly [number, number]> = [[9, 2], [11, 2], [1, 3], [4, 2]];

const readSchoolQuarter: Reader = (text, pos) => {
  const m = execAt(SCHOOL_QUARTER_RE, text, pos);
  if (!m) return null;
  const first = ordinalValue(m[1]);
  const last = m[2] !== undefined ? ordinalValue(m[2]) : first;
  if (!first || !last || first > 4 || last > 4 || last < first) return null;
  const { tail, end } = readYearTail(text, pos + m[0].length);
  const quarter = (n: number): TimePoint => {
    const [month, months] = SCHOOL_QUARTERS[n - 1];
    return monthPoint(yearUnder(tail, month), month, months);
  };
  return first === last ? { end, from: quarter(first) } : { end, from: quarter(first), to: quarter(last) };
};

/**
 * Calendar halves are January–June and July–December. Academic halves follow the school year: the first is
 * September–December, the second January–May (a college «семестр» runs to June).
 */
function halfPoint(n: number, academic: boolean, semester: boolean, year: number | null, startYear: number | null): TimePoint {
  if (!academic) return monthPoint(year, n === 1 ? 1 : 7, 6);
  if (n === 1) return monthPoint(startYear, 9, 4);
  return monthPoint(startYear === null ? null : startYear + 1, 1, semester ? 6 : 5);
}

const readHalf: Reader = (text, pos, ctx) => {
  const m = execAt(HALF_RE, text, pos);
  if (!m) return null;
  const first = ordinalValue(m[1]);
  const last = m[2] !== undefined ? ordinalValue(m[2]) : first;
  if (!first || !last || first > 2 || last > 2 || last < first) return null;
  const semester = m[3].startsWith('семестр');
  let end = pos + m[0].length;
  let academic = ctx.academicPlan || semester;
  let year: number | null = null;
  let startYear: number | null = null;
  const academicYear = academicYearAt(text, end);
  const words = academicYear ? null : execAt(ACADEMIC_WORDS_RE, text, end);
  if (academicYear) {
    [academic, startYear, end] = [true, academicYear.startYear, academicYear.end];
  } else if (words) {
    [academic, end] = [true, end + words[0].length];
  } else {
    const tail = readYearTail(text, end);
    if (tail.tail?.kind === 'year') [academic, year, end] = [false, tail.tail.year, tail.end];
  }
  const point = (n: number) => halfPoint(n, academic, semester, year, startYear);
  return first === last ? { end, from: point(first) } : { end, from: point(first), to: point(last) };
};

// ---- seasons: spring March–May, summer June–August, autumn September–November, winter December–February;
// school holidays: autumn October–November, winter December–January, spring March, summer June–August.

const SEASON_RE = /(весн[а-я]*|лет(?:о|ом|а|у|н[а-я]*)|осен[а-я]*|зим[а-я]*)(?![а-я])/y;
const HOLIDAYS_RE = /\s+каникул[а-я]*/y;

function seasonMonths(word: string, holidays: boolean): [number, number] {
  if (word.startsWith('весн')) return holidays ? [3, 1] : [3, 3];
  if (word.startsWith('лет')) return [6, 3];
  if (word.startsWith('осен')) return holidays ? [10, 2] : [9, 3];
  return holidays ? [12, 2] : [12, 3];
}

const readSeason: Reader = (text, pos) => {
  const m = execAt(SEASON_RE, text, pos);
  if (!m) return null;
  const holidays = execAt(HOLIDAYS_RE, text, pos + m[0].length);
  const [month, months] = seasonMonths(m[1], holidays !== null);
  const { tail, end } = readYearTail(text, pos + m[0].length + (holidays ? holidays[0].length : 0));
  let year = yearUnder(tail, month);
  // «зима 2024» is the winter that ends in 2024: it starts in December 2023.
  if (month === 12 && tail?.kind === 'year' && year !== null) year -= 1;
  return { end, from: monthPoint(year, month, months) };
};

// ---- years

const YEAR_RANGE_RE = sticky(`(\\d{4})\\s*-\\s*(\\d{4})(?!\\d)${YEAR_WORD_SOURCE}`);
const YEAR_RE = sticky(`(\\d{4})(?!\\d)${YEAR_WORD_SOURCE}`);

/** «учебный год 2023-2024», «уч. год 2023/24»: the words before the years. */
const ACADEMIC_WORDS_FIRST_RE = sticky(
  `(?:учебн[а-я]*|уч\\.?)\\s*(?:год[а-я]*|гг?\\.?)?\\s*:?\\s*(\\d{4})\\s*[-/]\\s*(\\d{4}|\\d{2})(?!\\d)`,
);

const readAcademicYear: Reader = (text, pos) => {
  const academic = academicYearAt(text, pos);
  if (academic) return { end: academic.end, from: monthPoint(academic.startYear, 9, 12) };
  const m = execAt(ACADEMIC_WORDS_FIRST_RE, text, pos);
  if (!m) return null;
  const startYear = Number(m[1]);
  const next = m[2].length === 2 ? (startYear + 1) % 100 : startYear + 1;
  if (Number(m[2]) !== next || !plausibleYear(startYear)) return null;
  return { end: pos + m[0].length, from: monthPoint(startYear, 9, 12) };
};

const readYearRange: Reader = (text, pos) => {
  const m = execAt(YEAR_RANGE_RE, text, pos);
  if (!m) return null;
  const first = Number(m[1]);
  const last = Number(m[2]);
  if (!plausibleYear(first) || !plausibleYear(last) || last < first) return null;
  return { end: pos + m[0].length, from: monthPoint(first, 1, 12 * (last - first + 1)) };
};

const readYear: Reader = (text, pos) => {
  const m = execAt(YEAR_RE, text, pos);
  if (!m || !plausibleYear(Number(m[1]))) return null;
  return { end: pos + m[0].length, from: monthPoint(Number(m[1]), 1, 12) };
};

const BARE_DAY_RE = /(\d{1,2})(?!\d)(?!\.\d)/y;

const readBareDay: Reader = (text, pos) => {
  const m = execAt(BARE_DAY_RE, text, pos);
  if (!m) return null;
  const day = Number(m[1]);
  if (day < 1 || day > 31) return null;
  return { end: pos + m[0].length, from: dayPoint(null, 1, day), bareDay: true };
};

/** Order matters: the more specific reading of the same characters comes first. */
const READERS: readonly Reader[] = [
  readIsoDate,
  readNumericDate,
  readMonthYearNumeric,
  readDayMonthNumeric,
  readMonthPart,
  readYearPart,
  readDayMonth,
  readMonth,
  readQuarter,
  readSchoolQuarter,
  readHalf,
  readSeason,
  readAcademicYear,
  readYearRange,
  readYear,
  readBareDay,
];

function atWordStart(text: string, pos: number): boolean {
  return pos === 0 || !/[0-9a-zа-я]/.test(text[pos - 1]);
}

function readAt(text: string, pos: number, ctx: ScanContext): Read | null {
  for (const reader of READERS) {
    const read = reader(text, pos, ctx);
    if (read && read.end > pos) return read;
  }
  return null;
}

export function scanAtoms(text: string, ctx: ScanContext): Atom[] {
  const atoms: Atom[] = [];
  let pos = 0;
  while (pos < text.length) {
    const read = atWordStart(text, pos) ? readAt(text, pos, ctx) : null;
    if (!read) {
      pos++;
      continue;
    }
    atoms.push({
      start: pos,
      end: read.end,
      from: read.from,
      to: read.to ?? null,
      bareDay: read.bareDay ?? false,
      invalid: read.invalid ?? null,
    });
    pos = read.end;
  }
  return atoms;
}
