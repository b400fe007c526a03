// Tables of cells (a custom function's range arguments, or a sheet's values) turned into what the indicator
// catalogue counts: organisations, mentors, mentees, pairs, checklists and staff, with columns found by header
// wherever they are. Pure: no service calls, so it runs in AuthMode.CUSTOM_FUNCTION and in the CLI alike.
// Values are taken as people type them: dates as Date cells or text («01.09.2023»), numbers as numbers or text
// («2 года»), percent-formatted satisfaction (0,85) as percent.
import { CHECKLIST_ITEMS, parseChecklistMark, type ChecklistEntry, type ChecklistItem, type OrganisationChecklist } from '../domain/checklist';
import { DEFAULT_DICTIONARIES } from '../domain/dictionaries';
import type { Teacher } from '../domain/indicator-context';
import { duplicateKey, type Mentee, type Mentor, type Organisation, type Pair } from '../domain/people';
import {
  AUXILIARY_FIELDS,
  joinFullName,
  manualStatusChange,
  MENTEE_FIELDS,
  menteeFromRecord,
  MENTOR_FIELDS,
  mentorFromRecord,
  ORGANISATION_FIELDS,
  organisationFromRecord,
  organisationLookup,
  PAIR_FIELDS,
  pairFromRecord,
  parseDateText,
  parseNumberText,
  type OrganisationLookup,
  type PeopleContext,
  type TextRecord,
} from '../domain/people-records';
import type { IsoDate } from '../domain/types';
import { cellText, isDate, dateToIso } from './cells';
import { locateColumns, type ColumnDef } from './columns';
import { CHECKLIST_COLUMNS, type ChecklistColumn } from './indicator-schema';
import { AUXILIARY_COLUMNS, MENTEE_COLUMNS, MENTOR_COLUMNS, ORGANISATION_COLUMNS, PAIR_COLUMNS } from './people-schema';

export type Grid = readonly (readonly unknown[])[];

export interface HeaderedTable {
  /** 0-based row of the header in the grid. */
  headerRow: number;
  index: Map<string, number>;
  /** Rows below the header that have any text, with their 0-based grid row. */
  rows: { row: number; cells: readonly unknown[] }[];
}

function blankRow(cells: readonly unknown[]): boolean {
  for (const c of cells) if (cellText(c) !== '') return false;
  return true;
}

/**
 * The header row among the first `scanRows` rows: the one in which most columns of `defs` are recognised (a
 * title or a blank row above the header is skipped). Null when no row names any of them.
 */
export function findHeader(grid: Grid, defs: readonly ColumnDef<string>[], scanRows = 10): HeaderedTable | null {
  let best: { row: number; index: Map<string, number> } | null = null;
  for (let r = 0; r < Math.min(scanRows, grid.length); r++) {
    const cells = grid[r] ?? [];
    if (blankRow(cells)) continue;
    // A header is text: a row of dates or numbers is data, however its cells happen to read.
    if (cells.some((c) => isDate(c) || typeof c === 'number')) continue;
    const { index } = locateColumns(cells, defs);
    if (index.size > (best?.index.size ?? 0)) best = { row: r, index };
  }
  if (!best) return null;
  const rows: HeaderedTable['rows'] = [];
  for (let r = best.row + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    if (!blankRow(cells)) rows.push({ row: r, cells });
  }
  return { headerRow: best.row, index: best.index, rows };
}

/** A record of the given fields from a row: every cell as text (dates ISO), '' for a column the table lacks. */
export function textRecord<F extends string>(cells: readonly unknown[], index: ReadonlyMap<string, number>, fields: readonly F[]): TextRecord<F> {
  const rec = {} as TextRecord<F>;
  for (const f of fields) {
    const c = index.get(f);
    rec[f] = c === undefined ? '' : cellText(cells[c]);
  }
  return rec;
}

/** A date cell or typed date as ISO; null when blank or not a date. */
export function cellIsoDate(v: unknown): IsoDate | null {
  if (isDate(v)) return dateToIso(v);
  const t = cellText(v);
  return t === '' ? null : parseDateText(t);
}

/**
 * Satisfaction scores as the catalogue wants them: a percent-formatted cell arrives as a fraction (0,85), which
 * is 85 on the 0–100 scale, not 0,85 of five points.
 */
export function normaliseSatisfaction(pair: Pair): Pair {
  const scores = [pair.mentorSatisfaction, pair.menteeSatisfaction].filter((s): s is number => typeof s === 'number');
  // A scale the sheet states is taken at its word; percent-formatted fractions are read as percent only without it.
  if (pair.satisfactionScale === '1-5') return pair;
  if (!scores.some((s) => s > 0 && s < 1) || scores.some((s) => s > 1)) return pair;
  const scale = (s: number | null) => (s === null ? null : Math.round(s * 10000) / 100);
  return { ...pair, mentorSatisfaction: scale(pair.mentorSatisfaction), menteeSatisfaction: scale(pair.menteeSatisfaction), satisfactionScale: '0-100' };
}

// ---------------------------------------------------------------------------------------------------------
// Checklist cells

const URL_IN_TEXT = /(https?:\/\/|www\.)[^\s,;«»"]+/i;
const HYPERLINK_FORMULA = /HYPERLINK\(\s*"([^"]+)"/i;
const NEGATIVE = /^(нет(?![а-яё])|не\s|не$|-+$|—|–|отсутств|0$|false$|ложь$|✗|✘|x$|в работе|в процессе|планир|готовит|на доработке|на согласовании)/i;
const RU_DATE_IN_TEXT = /(?<!\d)(\d{1,2}\.\d{1,2}\.\d{4})(?!\d)/;

export const ITEM_DEFS: readonly ColumnDef<ChecklistColumn>[] = CHECKLIST_COLUMNS.filter((c) => CHECKLIST_ITEMS.some((i) => i.id === c.key));

/**
 * One checklist cell as a curator fills it. Documents: a link (anywhere in the text, or a HYPERLINK formula), «да»,
 * «есть», a tick, TRUE, a date (the day the document appeared) or a description («Приказ № 12 от 01.09.2023») mean
 * present — a date in the text dates it; «нет», «-», «в работе», blank mean absent. The number item: pairs/groups.
 * Undefined for a blank cell.
 */
export function checklistEntry(item: Pick<ChecklistItem, 'kind'>, value: unknown, formula = ''): ChecklistEntry | undefined {
  if (item.kind === 'number') {
    if (typeof value === 'number' && Number.isFinite(value)) return { present: value >= 1, evidence: '', count: value };
    const t = cellText(value);
    if (t === '') return undefined;
    const n = parseNumberText(t);
    return { present: n !== null && n >= 1, evidence: '', count: n };
  }
  if (isDate(value)) return { present: true, evidence: '', date: dateToIso(value) };
  const link = HYPERLINK_FORMULA.exec(formula)?.[1];
  const text = cellText(value);
  if (!link && text === '' && value !== true) return undefined;
  const date = (() => {
    const m = RU_DATE_IN_TEXT.exec(text);
    return m ? parseDateText(m[1]) : null;
  })();
  const dated = (e: ChecklistEntry): ChecklistEntry => (date ? { ...e, date } : e);
  if (link) return dated({ present: true, evidence: link });
  const url = URL_IN_TEXT.exec(text)?.[0];
  if (url) return dated({ present: true, evidence: url });
  const mark = parseChecklistMark(value);
  if (mark.present) return mark;
  if (NEGATIVE.test(text.toLowerCase())) return { present: false, evidence: '' };
  return dated({ present: true, evidence: '' });
}

/** A checklist from one row whose item columns are in `index`; null when the row has no item cell filled. */
export function checklistFromRow(
  organisationId: string,
  cells: readonly unknown[],
  index: ReadonlyMap<string, number>,
  formulas?: readonly unknown[],
): OrganisationChecklist | null {
  const items: OrganisationChecklist['items'] = {};
  let any = false;
  for (const item of CHECKLIST_ITEMS) {
    const c = index.get(item.id);
    if (c === undefined) continue;
    const entry = checklistEntry(item, cells[c], String(formulas?.[c] ?? ''));
    if (entry) {
      items[item.id] = entry;
      any = true;
    }
  }
  return any ? { organisationId, items } : null;
}

// ---------------------------------------------------------------------------------------------------------
// People and pairs from tables

function own<K extends string>(defs: readonly ColumnDef<K>[]): ColumnDef<K>[] {
  return defs.filter((d) => !d.computed);
}

export const ORGANISATION_RANGE_COLUMNS: readonly ColumnDef<string>[] = [...own(ORGANISATION_COLUMNS), ...ITEM_DEFS];
export const MENTOR_RANGE_COLUMNS: readonly ColumnDef<string>[] = [...own(MENTOR_COLUMNS), ...AUXILIARY_COLUMNS];
export const MENTEE_RANGE_COLUMNS: readonly ColumnDef<string>[] = [...own(MENTEE_COLUMNS), ...AUXILIARY_COLUMNS];
// The names are computed on the add-on's own sheet, but a coordinator's own table may have only names.
export const PAIR_RANGE_COLUMNS: readonly ColumnDef<string>[] = PAIR_COLUMNS.filter((d) => d.key !== 'score');

export interface TableRow {
  cells: readonly unknown[];
  index: ReadonlyMap<string, number>;
}

export function organisationsFrom(rows: readonly TableRow[], kinds: readonly string[] = DEFAULT_DICTIONARIES.organisationKinds): Organisation[] {
  const out: Organisation[] = [];
  for (const { cells, index } of rows) {
    const rec = textRecord(cells, index, ORGANISATION_FIELDS);
    if (rec.id === '' && rec.name === '') continue;
    const { organisation } = organisationFromRecord(rec, kinds);
    out.push({ ...organisation, id: organisation.id || organisation.name });
  }
  return out;
}

function fullNameOf(rec: TextRecord<string>): string {
  return rec.fullName || joinFullName([rec.surname ?? '', rec.firstName ?? '', rec.patronymic ?? '']);
}

export function mentorsFrom(rows: readonly TableRow[], ctx: PeopleContext): Mentor[] {
  const out: Mentor[] = [];
  for (const { cells, index } of rows) {
    const rec = textRecord(cells, index, [...MENTOR_FIELDS, ...AUXILIARY_FIELDS]);
    rec.fullName = fullNameOf(rec);
    if (rec.id === '' && rec.fullName === '') continue;
    const { mentor } = mentorFromRecord(rec, ctx);
    mentor.id = mentor.id || mentor.fullName;
    out.push(mentor);
  }
  return out;
}

export function menteesFrom(rows: readonly TableRow[], ctx: PeopleContext): Mentee[] {
  const out: Mentee[] = [];
  for (const { cells, index } of rows) {
    const rec = textRecord(cells, index, [...MENTEE_FIELDS, ...AUXILIARY_FIELDS]);
    rec.fullName = fullNameOf(rec);
    if (rec.id === '' && rec.fullName === '') continue;
    const { mentee } = menteeFromRecord(rec, ctx);
    mentee.id = mentee.id || mentee.fullName;
    out.push(mentee);
  }
  return out;
}

/** Id of a person by normalised full name, for tables that name people instead of giving their ids. */
function nameIndex(people: readonly { id: string; fullName: string }[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const p of people) {
    const key = duplicateKey({ fullName: p.fullName, organisationId: '' });
    if (key && !byName.has(key)) byName.set(key, p.id);
  }
  return byName;
}

function idByName(byName: ReadonlyMap<string, string>, text: string): string {
  const key = duplicateKey({ fullName: text, organisationId: '' });
  return (key && byName.get(key)) || text.trim();
}

/**
 * Pairs as the indicators see them on `changeDate` (today): a status changed by hand on the sheet, which the
 * history does not record yet, counts from that date; percent-formatted satisfaction is read as percent.
 */
export function pairsFrom(
  rows: readonly TableRow[],
  people: { mentors: readonly Mentor[]; mentees: readonly Mentee[]; organisations: OrganisationLookup },
  changeDate: IsoDate,
  statuses: readonly string[] = DEFAULT_DICTIONARIES.statuses,
): Pair[] {
  let mentorNames: Map<string, string> | null = null;
  let menteeNames: Map<string, string> | null = null;
  const out: Pair[] = [];
  for (const { cells, index } of rows) {
    const rec = textRecord(cells, index, PAIR_FIELDS);
    if (rec.mentorId === '' && rec.mentorName !== '') rec.mentorId = idByName((mentorNames ??= nameIndex(people.mentors)), rec.mentorName);
    if (rec.menteeIds === '' && rec.menteeNames !== '') {
      const names = rec.menteeNames.split(/[;,\n]+/).map((s) => s.trim()).filter(Boolean);
      rec.menteeIds = names.map((n) => idByName((menteeNames ??= nameIndex(people.mentees)), n)).join(', ');
    }
    if (rec.mentorId === '' && rec.menteeIds === '') continue;
    const read = pairFromRecord(rec, statuses, people.organisations);
    let pair = read.pair;
    if (pair.history.length > 0) {
      const change = manualStatusChange(read, changeDate);
      if (change) pair = { ...pair, history: [...pair.history, change] };
    }
    out.push(normaliseSatisfaction(pair));
  }
  return out;
}

/**
 * Staff as the population of «доля педагогов…»: each teacher carries the id of their mentor or mentee record
 * (by id, else by full name and organisation), so «is this teacher in an active pair» can be answered.
 */
export function teachersFrom(
  rows: readonly TableRow[],
  people: { mentors: readonly Mentor[]; mentees: readonly Mentee[]; organisations: OrganisationLookup },
): Teacher[] {
  const ids = new Set<string>([...people.mentors.map((m) => m.id), ...people.mentees.map((m) => m.id)]);
  const byKey = new Map<string, string>();
  for (const p of [...people.mentors, ...people.mentees]) {
    const key = duplicateKey(p);
    if (key && !byKey.has(key)) byKey.set(key, p.id);
  }
  const out: Teacher[] = [];
  for (const { cells, index } of rows) {
    const rec = textRecord(cells, index, ['id', 'fullName', 'organisation', 'birthDate', 'age', 'experience']);
    if (rec.id === '' && rec.fullName === '') continue;
    const organisationId = people.organisations.resolve(rec.organisation) ?? rec.organisation.trim();
    const key = duplicateKey({ fullName: rec.fullName, organisationId });
    const id = (rec.id && ids.has(rec.id) ? rec.id : null) ?? (key ? byKey.get(key) : undefined) ?? (rec.id || `staff:${rec.fullName}`);
    const age = rec.age ? parseNumberText(rec.age) : null;
    out.push({
      id,
      organisationId,
      age: age === null ? null : Math.floor(age),
      birthDate: rec.birthDate ? parseDateText(rec.birthDate) : null,
      experienceYears: rec.experience ? parseNumberText(rec.experience) : null,
    });
  }
  return out;
}

export function tableRows(table: HeaderedTable | null): TableRow[] {
  return table ? table.rows.map((r) => ({ cells: r.cells, index: table.index })) : [];
}

export function peopleContext(organisations: readonly Organisation[], defaultCapacity = 1): PeopleContext {
  return { organisations: organisationLookup(organisations), defaultCapacity, menteeCategories: DEFAULT_DICTIONARIES.menteeCategories };
}
