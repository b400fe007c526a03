// java.text.SimpleDateFormat, as Utilities.formatDate/parseDate use it, over Intl time zone data. Time zone ids
// Java does not know fall back to GMT, as Java's TimeZone.getTimeZone does; "GMT+3" style ids are fixed offsets.
import { gasError } from './errors';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Zone { id: string; fixedMinutes: number | null }

function resolveZone(tz: string): Zone {
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (m) return { id: tz, fixedMinutes: (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) };
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return { id: tz, fixedMinutes: null };
  } catch {
    return { id: 'GMT', fixedMinutes: 0 };
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric',
      minute: 'numeric', second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Offset of the zone from UTC at an instant, in minutes. */
export function zoneOffsetMinutes(ms: number, tz: string): number {
  const zone = resolveZone(tz);
  if (zone.fixedMinutes !== null) return zone.fixedMinutes;
  const parts = Object.fromEntries(formatterFor(zone.id).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour),
    Number(parts.minute), Number(parts.second));
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((asUtc - whole) / 60000);
}

interface Fields {
  year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number;
  weekday: number; offset: number;
}

function fieldsOf(ms: number, tz: string): Fields {
  const offset = zoneOffsetMinutes(ms, tz);
  const d = new Date(ms + offset * 60000);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(),
    minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: d.getUTCMilliseconds(), weekday: d.getUTCDay(), offset,
  };
}

const pad = (n: number, w: number): string => String(Math.abs(n)).padStart(w, '0');

function offsetText(min: number, style: 'Z' | 'X1' | 'X2' | 'X3' | 'GMT'): string {
  if (min === 0 && style.startsWith('X')) return 'Z';
  const sign = min < 0 ? '-' : '+';
  const h = pad(Math.trunc(Math.abs(min) / 60), 2);
  const m = pad(Math.abs(min) % 60, 2);
  switch (style) {
    case 'Z': return `${sign}${h}${m}`;
    case 'X1': return `${sign}${h}`;
    case 'X2': return `${sign}${h}${m}`;
    case 'X3': return `${sign}${h}:${m}`;
    default: return `GMT${sign}${h}:${m}`;
  }
}

function zoneName(ms: number, tz: string, long: boolean): string {
  const zone = resolveZone(tz);
  if (zone.fixedMinutes === null) {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone.id, timeZoneName: long ? 'long' : 'short' })
      .formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^GMT[+-]/.test(name)) return name;
  }
  return offsetText(zoneOffsetMinutes(ms, tz), 'GMT');
}

/** Java's week year for the US locale: weeks start on Sunday, week 1 holds January 1. */
function weekYear(f: Fields): number {
  const dayMs = Date.UTC(f.year, f.month - 1, f.day);
  const weekEnd = dayMs + (6 - f.weekday) * 86400000;
  return new Date(weekEnd).getUTCFullYear() > f.year ? f.year + 1 : f.year;
}

type Token = { letter: string; count: number } | { literal: string };

function tokenize(pattern: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") { out.push({ literal: "'" }); i += 2; continue; }
      let j = i + 1;
      let text = '';
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") { text += "'"; j += 2; continue; }
          break;
        }
        text += pattern[j++];
      }
      if (j >= pattern.length) throw gasError('Unterminated quote');
      out.push({ literal: text });
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      if (!'GyYMLwWDdFEuaHkKhmsSzZX'.includes(c)) throw gasError(`Illegal pattern character '${c}'`);
      out.push({ letter: c, count: j - i });
      i = j;
    } else {
      out.push({ literal: c });
      i++;
    }
  }
  return out;
}

export function formatJavaDate(date: Date, tz: string, pattern: string): string {
  const ms = date.getTime();
  const f = fieldsOf(ms, tz);
  let out = '';
  for (const t of tokenize(pattern)) {
    if ('literal' in t) { out += t.literal; continue; }
    const n = t.count;
    switch (t.letter) {
      case 'G': out += 'AD'; break;
      case 'y': case 'Y': {
        const y = t.letter === 'Y' ? weekYear(f) : f.year;
        out += n === 2 ? pad(y % 100, 2) : pad(y, n);
        break;
      }
      case 'M': case 'L':
        out += n >= 4 ? MONTHS[f.month - 1] : n === 3 ? MONTHS[f.month - 1].slice(0, 3) : pad(f.month, n);
        break;
      case 'd': out += pad(f.day, n); break;
      case 'D': out += pad((Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86400000 + 1, n); break;
      case 'F': out += pad(Math.floor((f.day - 1) / 7) + 1, n); break;
      case 'E': out += n >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3); break;
      case 'u': out += pad(f.weekday === 0 ? 7 : f.weekday, n); break;
      case 'a': out += f.hour < 12 ? 'AM' : 'PM'; break;
      case 'H': out += pad(f.hour, n); break;
      case 'k': out += pad(f.hour === 0 ? 24 : f.hour, n); break;
      case 'K': out += pad(f.hour % 12, n); break;
      case 'h': out += pad(f.hour % 12 === 0 ? 12 : f.hour % 12, n); break;
      case 'm': out += pad(f.minute, n); break;
      case 's': out += pad(f.second, n); break;
      case 'S': out += pad(f.ms, n); break;
      case 'z': out += zoneName(ms, tz, n >= 4); break;
      case 'Z': out += offsetText(f.offset, 'Z'); break;
      case 'X': out += offsetText(f.offset, n === 1 ? 'X1' : n === 2 ? 'X2' : 'X3'); break;
      case 'w': case 'W': {
        const jan1 = new Date(Date.UTC(weekYear(f), 0, 1)).getUTCDay();
        const start = Date.UTC(weekYear(f), 0, 1) - jan1 * 86400000;
        const week = Math.floor((Date.UTC(f.year, f.month - 1, f.day) - start) / (7 * 86400000)) + 1;
        const monthStartDow = new Date(Date.UTC(f.year, f.month - 1, 1)).getUTCDay();
        out += pad(t.letter === 'w' ? week : Math.floor((f.day - 1 + monthStartDow) / 7) + 1, n);
        break;
      }
    }
  }
  return out;
}

/** Local wall time in a zone to an instant (the first of two on a repeated hour, as Java does). */
export function zonedTimeToUtc(y: number, mo: number, d: number, h: number, mi: number, s: number, msec: number, tz: string): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, msec);
  let guess = wall - zoneOffsetMinutes(wall, tz) * 60000;
  guess = wall - zoneOffsetMinutes(guess, tz) * 60000;
  return guess;
}

export function parseJavaDate(text: string, tz: string, pattern: string): Date {
  const fail = (): never => { throw gasError(`Unparseable date: "${text}"`); };
  const f = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0, pm: null as boolean | null, offset: null as number | null };
  let i = 0;
  const tokens = tokenize(pattern);
  tokens.forEach((t, idx) => {
    if ('literal' in t) {
      if (text.startsWith(t.literal, i)) i += t.literal.length;
      else fail();
      return;
    }
    const next = tokens[idx + 1];
    // Java reads a numeric field followed directly by another numeric one with exactly its pattern width.
    const adjacentNumber = next !== undefined && 'letter' in next && !'EaGzZX'.includes(next.letter)
      && !('ML'.includes(next.letter) && next.count >= 3);
    const readNumber = (): number => {
      const max = adjacentNumber ? t.count : Infinity;
      let j = i;
      if (text[j] === '-' || text[j] === '+') j++;
      while (j < text.length && j - i < max && /[0-9]/.test(text[j])) j++;
      if (j === i) fail();
      const v = Number(text.slice(i, j));
      i = j;
      return v;
    };
    const readName = (names: string[]): number => {
      for (let k = 0; k < names.length; k++) {
        for (const cand of [names[k], names[k].slice(0, 3)]) {
          if (text.slice(i, i + cand.length).toLowerCase() === cand.toLowerCase()) { i += cand.length; return k; }
        }
      }
      return fail();
    };
    switch (t.letter) {
      case 'y': case 'Y': {
        const start = i;
        const v = readNumber();
        f.year = t.count <= 2 && i - start === 2 ? 2000 + v : v;
        break;
      }
      case 'M': case 'L': f.month = t.count >= 3 ? readName(MONTHS) + 1 : readNumber(); break;
      case 'd': f.day = readNumber(); break;
      case 'E': readName(DAYS); break;
      case 'u': case 'D': case 'F': case 'w': case 'W': readNumber(); break;
      case 'a': {
        const s = text.slice(i, i + 2).toUpperCase();
        if (s !== 'AM' && s !== 'PM') fail();
        f.pm = s === 'PM';
        i += 2;
        break;
      }
      case 'H': case 'k': f.hour = readNumber() % 24; break;
      case 'h': case 'K': f.hour = readNumber() % 12; break;
      case 'm': f.minute = readNumber(); break;
      case 's': f.second = readNumber(); break;
      case 'S': f.ms = readNumber(); break;
      case 'G': if (text.startsWith('AD', i)) i += 2; else fail(); break;
      case 'Z': case 'X': case 'z': {
        const m = /^(?:GMT)?(Z|([+-])(\d{2}):?(\d{2})?)/.exec(text.slice(i));
        if (!m) fail();
        f.offset = m![1] === 'Z' ? 0 : (m![2] === '-' ? -1 : 1) * (Number(m![3]) * 60 + Number(m![4] ?? 0));
        i += m![0].length;
        break;
      }
    }
  });
  if (f.pm !== null && f.pm) f.hour += 12;
  // Java's lenient parsing rolls over out-of-range fields (e.g. day 32); Date.UTC does the same.
  if (f.offset !== null) return new Date(Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms) - f.offset * 60000);
  return new Date(zonedTimeToUtc(f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms, tz));
}
