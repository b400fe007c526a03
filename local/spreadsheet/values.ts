// What a cell holds and how Sheets turns script input into it: strings that look like numbers or dates in the
// spreadsheet's locale become numbers and dates, "=..." becomes a formula, a leading apostrophe keeps text.
// This is the behaviour that bites in production (an activity number "1.2" becomes 1 February in a ru_RU
// sheet), so the fake reproduces it rather than storing strings verbatim. Intl is fine here: this is local/.

export type CellValue = string | number | boolean | Date;

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

// ---- time zones: Sheets keeps dates as wall-clock serials in the spreadsheet time zone ----

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

export interface Wall { y: number; m: number; d: number; h: number; mi: number; s: number; ms: number }

export function toWall(date: Date, tz: string): Wall {
  let f = FORMATTERS.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric',
      day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    FORMATTERS.set(tz, f);
  }
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(date)) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return { y: p.year, m: p.month, d: p.day, h: p.hour % 24, mi: p.minute, s: p.second, ms: date.getTime() % 1000 };
}

/** The instant whose wall clock in `tz` reads the given time (first match across a DST fold). */
export function fromWall(w: Omit<Wall, 'ms'> & { ms?: number }, tz: string): Date {
  const guess = Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s, w.ms ?? 0);
  let t = guess;
  for (let i = 0; i < 3; i++) {
    const got = toWall(new Date(t), tz);
    const diff = Date.UTC(got.y, got.m - 1, got.d, got.h, got.mi, got.s, w.ms ?? 0) - guess;
    if (diff === 0) break;
    t -= diff;
  }
  return new Date(t);
}

/** A Date whose UTC fields spell the wall clock in `tz`: what exceljs reads and writes as a cell date. */
export function wallAsUtc(date: Date, tz: string): Date {
  const w = toWall(date, tz);
  return new Date(Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s, w.ms));
}

export function utcAsWall(date: Date, tz: string): Date {
  return fromWall({ y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), h: date.getUTCHours(),
    mi: date.getUTCMinutes(), s: date.getUTCSeconds(), ms: date.getUTCMilliseconds() }, tz);
}

// ---- input coercion ----

export interface Coerced { value: CellValue; formula?: string }

export interface CoerceContext { locale: string; timeZone: string; now: Date; textFormat: boolean }

function isRu(locale: string): boolean {
  return /^(ru|uk|be|kk)/i.test(locale);
}

export function coerceInput(v: unknown, ctx: CoerceContext): Coerced {
  if (v === null || v === undefined) return { value: '' };
  if (isDate(v)) return { value: new Date(v.getTime()) };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : String(v) };
  if (typeof v === 'boolean') return { value: v };
  if (typeof v !== 'string') return { value: String(v) };
  if (ctx.textFormat || v === '') return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (v.length > 1 && v.startsWith('=')) return { value: '', formula: v };
  return { value: parseTyped(v, ctx) ?? v };
}

function parseTyped(text: string, ctx: CoerceContext): CellValue | null {
  const s = text.trim();
  const ru = isRu(ctx.locale);
  const num = ru ? /^[+-]?\d+(,\d+)?$/ : /^[+-]?\d+(\.\d+)?$/;
  if (num.test(s)) return Number(s.replace(',', '.'));
  const pct = ru ? /^([+-]?\d+(?:,\d+)?)\s?%$/ : /^([+-]?\d+(?:\.\d+)?)%$/;
  const p = pct.exec(s);
  if (p) return Number(p[1].replace(',', '.')) / 100;
  let y: number | undefined;
  let m: number | undefined;
  let d: number | undefined;
  let x: RegExpExecArray | null;
  if ((x = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) [y, m, d] = [Number(x[1]), Number(x[2]), Number(x[3])];
  else if (ru && (x = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?$/.exec(s))) {
    [d, m] = [Number(x[1]), Number(x[2])];
    y = x[3] ? Number(x[3]) : toWall(ctx.now, ctx.timeZone).y;
  } else if (!ru && (x = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(s))) {
    [m, d] = [Number(x[1]), Number(x[2])];
    y = x[3] ? Number(x[3]) : toWall(ctx.now, ctx.timeZone).y;
  }
  if (y === undefined || m === undefined || d === undefined) return null;
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return fromWall({ y, m, d, h: 0, mi: 0, s: 0 }, ctx.timeZone);
}

// ---- display ----

export interface DisplayContext { locale: string; timeZone: string }

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Whether a Sheets/Excel number format shows a date or time (sections in [] and quoted text ignored). */
export function isDateFormat(fmt: string): boolean {
  const bare = fmt.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[ydhsm]/i.test(bare) && !/[0#]/.test(bare.replace(/\.0+$/, ''));
}

/** Spreadsheet serial number (days since 1899-12-30, wall clock) to the instant in `tz`. */
export function serialToDate(serial: number, tz: string): Date {
  return utcAsWall(new Date(SERIAL_EPOCH + Math.round(serial * DAY_MS)), tz);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDate(w: Wall, format: string): string {
  const fmt = format.split(';')[0].replace(/\[[^\]]*\]/g, '');
  const tokens = fmt.match(/"[^"]*"|\\.|yyyy|yy|dd|d|mmmm|mmm|mm|m|MMMM|MMM|MM|M|hh|h|HH|H|ss|s|./g) ?? [];
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const low = t.toLowerCase();
    const prev = tokens.slice(0, i).reverse().find((x) => /^[hs]+$/i.test(x) || /^[dy]+$/i.test(x));
    const next = tokens.slice(i + 1).find((x) => /^[hsdy]+$/i.test(x));
    const isMinute = /^m+$/i.test(t) && (/^h+$/i.test(prev ?? '') || /^s+$/i.test(next ?? ''));
    if (t.startsWith('"')) out += t.slice(1, -1);
    else if (t.startsWith('\\')) out += t.slice(1);
    else if (low === 'yyyy') out += pad(w.y, 4);
    else if (low === 'yy') out += pad(w.y % 100, 2);
    else if (low === 'dd') out += pad(w.d, 2);
    else if (low === 'd') out += String(w.d);
    else if (isMinute) out += low.length >= 2 ? pad(w.mi, 2) : String(w.mi);
    else if (low === 'mm') out += pad(w.m, 2);
    else if (low === 'm') out += String(w.m);
    else if (low === 'mmm' || low === 'mmmm') out += pad(w.m, 2);
    else if (low === 'hh') out += pad(w.h, 2);
    else if (low === 'h') out += String(w.h);
    else if (low === 'ss') out += pad(w.s, 2);
    else if (low === 's') out += String(w.s);
    else out += t;
  }
  return out;
}

function group(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function formatNumber(n: number, fmt: string, ru: boolean): string {
  const dec = ru ? ',' : '.';
  const sep = ru ? '\u00a0' : ',';
  const percent = fmt.endsWith('%');
  const body = percent ? fmt.slice(0, -1) : fmt;
  const m = /^[#0,]*0(?:\.(0*)(#*))?$/.exec(body);
  if (!m || /^0\.#+$/.test(body)) {
    // General: up to 10 significant digits, like the default display of Sheets.
    const v = percent ? n * 100 : n;
    const s = String(Number(v.toPrecision(10)));
    return (s.includes('e') ? s : s.replace('.', dec)) + (percent ? '%' : '');
  }
  const v = percent ? n * 100 : n;
  const fixed = (m[1] ?? '').length;
  const optional = (m[2] ?? '').length;
  let s = Math.abs(v).toFixed(fixed + optional);
  if (optional) s = s.replace(new RegExp(`0{1,${optional}}$`), '').replace(/\.$/, '');
  let [int, frac] = s.split('.');
  if (body.includes(',')) int = group(int, sep);
  return (v < 0 && Number(s) !== 0 ? '-' : '') + int + (frac ? dec + frac : '') + (percent ? '%' : '');
}

export function displayValue(v: CellValue, fmt: string | undefined, ctx: DisplayContext): string {
  const ru = isRu(ctx.locale);
  if (v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return ru ? (v ? 'ИСТИНА' : 'ЛОЖЬ') : (v ? 'TRUE' : 'FALSE');
  if (fmt === '@') return isDate(v) ? displayValue(v, undefined, ctx) : String(v);
  if (isDate(v)) {
    const w = toWall(v, ctx.timeZone);
    if (fmt && isDateFormat(fmt)) return formatDate(w, fmt);
    const date = ru ? `${pad(w.d, 2)}.${pad(w.m, 2)}.${w.y}` : `${w.m}/${w.d}/${w.y}`;
    return w.h || w.mi || w.s ? `${date} ${w.h}:${pad(w.mi, 2)}:${pad(w.s, 2)}` : date;
  }
  if (fmt && isDateFormat(fmt)) {
    const t = new Date(SERIAL_EPOCH + Math.round(v * DAY_MS));
    return formatDate({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(),
      mi: t.getUTCMinutes(), s: t.getUTCSeconds(), ms: 0 }, fmt);
  }
  return formatNumber(v, fmt ?? '', ru);
}
