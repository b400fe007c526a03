// Connecting a list a coordinator already keeps in their own layout: which of its columns holds which field
// (suggested from the headers, with a confidence, then confirmed by the coordinator), and its rows read through
// that mapping into text records. Pure: rows arrive as text (dates as ISO or as typed).
import { phraseStems, stemsMatch } from './ru-stem';
import { dateMessage, FIELD_TYPES, joinFullName, parseDateText, parseNumberText, parseRoleText, type FieldProblem, type TextRecord } from './people-records';

export interface MappingField {
  key: string;
  label: string;
  /** Lower case, «ё» as «е». */
  synonyms?: readonly string[];
  required?: boolean;
}

export type MatchHow = 'label' | 'synonym' | 'prefix' | 'contains' | 'none';

export interface FieldSuggestion {
  key: string;
  label: string;
  /** 0-based column, null when no column seems to hold the field. */
  column: number | null;
  header: string;
  /** 0..1: 1 for the add-on's own label, lower for looser matches or cells that do not look right. */
  confidence: number;
  how: MatchHow;
  required: boolean;
}

export interface MappingSuggestion {
  /** 0-based row of the header (title rows above it are skipped). */
  headerRow: number;
  header: string[];
  fields: FieldSuggestion[];
  /** Columns with a header that no field took (they stay on the sheet, untouched). */
  unmapped: { column: number; header: string }[];
  /** The lowest confidence among required fields (0 when one is missing). */
  confidence: number;
}

/**
 * A header as compared with labels and synonyms: lower case, «е» for «ё», punctuation as spaces, and letters
 * abbreviated one by one joined («Ф. И. О.», «ф.и.о», «Ф/И/О» are all «фио»; «Пед.стаж, лет» is «пед стаж лет»).
 */
export function normaliseHeaderText(v: string): string {
  return v
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}№]+/gu, ' ')
    .trim()
    .replace(/(?<=(?:^| )\p{L}) (?=\p{L}(?: |$))/gu, '');
}

const HOW_CONFIDENCE: Record<Exclude<MatchHow, 'none'>, number> = { label: 1, synonym: 0.95, prefix: 0.8, contains: 0.6 };

function plainText(v: string): string {
  return v.toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0]+/g, ' ').replace(/[«»"':*()?]/g, '').replace(/\.(?=\s|$)/g, '').trim();
}

/**
 * The header is the synonym with words cut short («пед. стаж», «квалиф. категория», «проф. дефициты»): word by word
 * each is the synonym's word or its first three letters or more, and at least one word is whole, so a run of
 * fragments alone matches nothing. With `more`, words may follow («пед. стаж, лет»).
 */
function abbreviatedAs(header: string, synonym: string, more: boolean): boolean {
  const hw = header.split(' ');
  const sw = synonym.split(' ');
  if (sw.length < 2 || hw.length < sw.length || (!more && hw.length !== sw.length) || (more && hw.length === sw.length)) return false;
  let whole = 0;
  for (let i = 0; i < sw.length; i++) {
    if (hw[i] === sw[i]) whole++;
    else if (!(hw[i].length >= 3 && sw[i].startsWith(hw[i]))) return false;
  }
  return whole > 0 && whole < sw.length;
}

/** Words typed in capitals in the header: abbreviations («ОУ», «ОО», «ФИО») that may stand anywhere in it. */
function abbreviations(header: string): Set<string> {
  const out = new Set<string>();
  for (const w of header.replace(/ё/g, 'е').replace(/Ё/g, 'Е').split(/[^\p{L}]+/u)) {
    if (w.length >= 2 && w.length <= 4 && w === w.toUpperCase() && w !== w.toLowerCase()) out.add(w.toLowerCase());
  }
  return out;
}

/** Every content word of a synonym of two or more words found in the header, in any form («согласии» ~ «согласие»). */
function wordsFound(header: string, synonym: string): boolean {
  const need = phraseStems(synonym);
  if (need.length < 2) return false;
  const have = phraseStems(header);
  return need.every((n) => have.some((h) => stemsMatch(n.stem, h.stem)));
}

function headerMatch(header: string, field: MappingField): MatchHow {
  const h = normaliseHeaderText(header);
  if (h === '') return 'none';
  // The add-on's own label as written (case and spacing aside); spelled otherwise («Ф.И.О.») it is a synonym.
  if (plainText(header) === plainText(field.label)) return 'label';
  const syn = [field.label, ...(field.synonyms ?? [])].map(normaliseHeaderText).filter((x) => x !== '');
  if (syn.some((s) => h === s || abbreviatedAs(h, s, false))) return 'synonym';
  if (syn.some((s) => abbreviatedAs(h, s, true))) return 'prefix';
  // «ФИО (полностью)», «Стаж педагогической работы (лет)»: the synonym and a clarification after it.
  if (syn.some((s) => s.length >= 3 && (h.startsWith(`${s} `) || (s.length >= 5 && h.startsWith(s))))) return 'prefix';
  if (syn.some((s) => s.length >= 5 && h.includes(s))) return 'contains';
  const abbr = abbreviations(header);
  if (syn.some((s) => abbr.has(s))) return 'contains';
  if (syn.some((s) => wordsFound(h, s))) return 'contains';
  return 'none';
}

/** How well a column's cells fit the field's type: the share of non-empty cells that read as that type. */
function contentFit(key: string, cells: readonly string[]): number {
  const type = FIELD_TYPES[key] ?? 'text';
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length < 3) return 1;
  if (type === 'date') return filled.filter((c) => parseDateText(c) !== null).length / filled.length;
  if (type === 'number') return filled.filter((c) => parseNumberText(c) !== null).length / filled.length;
  if (type === 'text' && key === 'fullName') {
    // A name has letters and is not a date or a number.
    return filled.filter((c) => /\p{L}{2,}/u.test(c) && parseDateText(c) === null).length / filled.length;
  }
  return 1;
}

function suggestForHeader(rows: readonly (readonly string[])[], headerRow: number, fields: readonly MappingField[]): MappingSuggestion {
  const header = (rows[headerRow] ?? []).map((c) => String(c ?? '').trim());
  const sample = rows.slice(headerRow + 1, headerRow + 51);
  const candidates: { field: number; column: number; how: MatchHow; confidence: number }[] = [];
  fields.forEach((f, fi) => {
    header.forEach((h, c) => {
      const how = headerMatch(h, f);
      if (how === 'none') return;
      const fit = contentFit(f.key, sample.map((r) => String(r[c] ?? '')));
      const confidence = HOW_CONFIDENCE[how] * (fit >= 0.5 ? 1 : 0.5);
      candidates.push({ field: fi, column: c, how, confidence: Math.round(confidence * 100) / 100 });
    });
  });
  // Best matches claim their columns first: «Дата рождения» goes to the birth date before anything looser.
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column || a.field - b.field);
  const taken = new Set<number>();
  const chosen = new Map<number, (typeof candidates)[number]>();
  for (const cand of candidates) {
    if (chosen.has(cand.field) || taken.has(cand.column)) continue;
    chosen.set(cand.field, cand);
    taken.add(cand.column);
  }
  const out: FieldSuggestion[] = fields.map((f, fi) => {
    const c = chosen.get(fi);
    return {
      key: f.key,
      label: f.label,
      column: c ? c.column : null,
      header: c ? header[c.column] : '',
      confidence: c ? c.confidence : 0,
      how: c ? c.how : 'none',
      required: f.required === true,
    };
  });
  const unmapped = header.map((h, c) => ({ column: c, header: h })).filter((x) => x.header !== '' && !taken.has(x.column));
  const required = out.filter((f) => f.required);
  return {
    headerRow,
    header,
    fields: out,
    unmapped,
    confidence: required.length ? Math.min(...required.map((f) => f.confidence)) : Math.max(0, ...out.map((f) => f.confidence)),
  };
}

/**
 * Suggest which column holds which field. The header is the row among the first ten that matches the most
 * fields (a title line above it is common); each column goes to at most one field, the surest match first.
 */
export function suggestMapping(rows: readonly (readonly string[])[], fields: readonly MappingField[]): MappingSuggestion {
  let best: MappingSuggestion | null = null;
  let bestScore = 0;
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const s = suggestForHeader(rows, r, fields);
    const score = s.fields.reduce((sum, f) => sum + f.confidence * (f.required ? 2 : 1), 0);
    if (score > bestScore + 1e-9) {
      best = s;
      bestScore = score;
    }
  }
  return best ?? suggestForHeader(rows, 0, fields);
}

/** Which role a list is for when nobody said: the fields only one role has decide; null when they do not. */
export function guessRole(mentor: MappingSuggestion, mentee: MappingSuggestion): 'mentor' | 'mentee' | null {
  const has = (s: MappingSuggestion, keys: string[]) => keys.filter((k) => s.fields.some((f) => f.key === k && f.column !== null)).length;
  const m = has(mentor, ['strengths', 'capacity', 'level']);
  const e = has(mentee, ['deficits', 'request', 'group', 'included']);
  if (m > e) return 'mentor';
  if (e > m) return 'mentee';
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Applying a confirmed mapping

export interface ConfirmedMapping {
  /** 0-based header row. */
  headerRow: number;
  /** Field key → 0-based column; fields left out are not in the list. */
  columns: Readonly<Record<string, number | null | undefined>>;
}

export interface MappedRecord<F extends string> {
  /** 0-based index of the row in `rows`. */
  row: number;
  record: TextRecord<F>;
  problems: FieldProblem[];
}

export interface MappingApplyResult<F extends string> {
  records: MappedRecord<F>[];
  /** Rows with text that cannot be a record (no name): reported, not dropped silently. */
  unreadable: { row: number; text: string; reason: string }[];
  /** Rows for the other role, when the list has a role column. */
  otherRole: number[];
}

export interface ApplyOptions {
  /** With a mapped «role» column, only rows for this role are taken. */
  role?: 'mentor' | 'mentee';
  /** The field without which a row is not a record (fullName, or name for organisations). */
  nameField?: string;
}

const TOTAL_WORD = /^(итого|всего)(?!\p{L})/iu;

/** A totals line: its first filled cells (after a row number, if any) start with «Итого» or «Всего». */
function isTotalRow(row: readonly string[]): boolean {
  const filled = row.map((c) => String(c ?? '').trim()).filter((c) => c !== '');
  return filled.slice(0, 2).some((c) => TOTAL_WORD.test(c));
}

/**
 * Read rows through a mapping into text records of `fields`. Dates that read as dates become ISO and numbers
 * stay as typed; a cell that cannot be read is kept as typed and reported. A full name split over surname,
 * name and patronymic columns is joined.
 */
export function applyMapping<F extends string>(
  rows: readonly (readonly string[])[],
  mapping: ConfirmedMapping,
  fields: readonly F[],
  opts: ApplyOptions = {},
): MappingApplyResult<F> {
  const nameField = opts.nameField ?? 'fullName';
  const col = (key: string): number | null => {
    const c = mapping.columns[key];
    return typeof c === 'number' && c >= 0 ? c : null;
  };
  const cell = (row: readonly string[], key: string): string => {
    const c = col(key);
    return c === null ? '' : String(row[c] ?? '').trim();
  };
  const result: MappingApplyResult<F> = { records: [], unreadable: [], otherRole: [] };
  const mapped = new Set(Object.values(mapping.columns).filter((c): c is number => typeof c === 'number' && c >= 0));
  for (let r = mapping.headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row.some((c) => String(c ?? '').trim() !== '')) continue;
    const text = () => row.map((c) => String(c ?? '').trim()).filter(Boolean).join(' | ');
    // Text only in columns nobody mapped (notes, totals) may still be a person: reported, not dropped.
    if (row.every((c, i) => String(c ?? '').trim() === '' || !mapped.has(i))) {
      result.unreadable.push({ row: r, text: text(), reason: 'нет данных в выбранных столбцах' });
      continue;
    }
    if (opts.role && col('role') !== null) {
      const who = parseRoleText(cell(row, 'role'));
      if (who !== opts.role && who !== 'both') {
        result.otherRole.push(r);
        continue;
      }
    }
    const record = {} as TextRecord<F>;
    for (const f of fields) record[f] = cell(row, f);
    if (nameField === 'fullName' && (fields as readonly string[]).includes('fullName') && record['fullName' as F] === '') {
      record['fullName' as F] = joinFullName([cell(row, 'surname'), cell(row, 'firstName'), cell(row, 'patronymic')]);
    }
    const name = record[nameField as F] ?? '';
    if (name === '') {
      result.unreadable.push({ row: r, text: text(), reason: 'не указано ФИО (наименование)' });
      continue;
    }
    // «Итого: 3 человека» under the list, often with the count where the names stand: reported, not a person.
    if (isTotalRow(row)) {
      result.unreadable.push({ row: r, text: text(), reason: 'строка итогов' });
      continue;
    }
    if (!/\p{L}/u.test(name)) {
      result.unreadable.push({ row: r, text: text(), reason: 'в ФИО (наименовании) нет букв' });
      continue;
    }
    const problems: FieldProblem[] = [];
    for (const f of fields) {
      const text = record[f];
      if (text === '') continue;
      const type = FIELD_TYPES[f];
      if (type === 'date') {
        const iso = parseDateText(text);
        if (iso) record[f] = iso;
        else problems.push({ field: f, text, message: dateMessage(f, text) });
      } else if (type === 'number' && parseNumberText(text) === null) {
        problems.push({ field: f, text, message: 'не число' });
      }
    }
    result.records.push({ row: r, record, problems });
  }
  return result;
}
