// Everything the people and pairing actions work on, read once per action: dictionaries, settings, the three
// people lists (own sheets or connected ones), and the pairs, turned into domain objects with the problems of
// every cell that could not be read. Shared by «Проверить базы», the mapping dialog and the «Подбор пар» sidebar.
import { mentorLoads, occupiesCapacity, type Mentee, type Mentor, type Organisation, type Pair } from '../domain/people';
import {
  ID_PREFIXES,
  menteeFromRecord,
  mentorFromRecord,
  nextIds,
  organisationFromRecord,
  organisationLookup,
  pairFromRecord,
  problemText,
  type FieldProblem,
  type OrganisationLookup,
  type PairRead,
  type PeopleRole,
  type TextRecord,
  type PairField,
  type OrganisationField,
  type MentorField,
  type MenteeField,
} from '../domain/people-records';
import type { Dictionaries } from '../domain/dictionaries';
import type { PartnerOrganisations, ScoringSettings } from '../domain/scoring';
import type { IsoDate } from '../domain/types';
import {
  fieldLabel,
  loadIdCounters,
  loadSources,
  readDictionaries,
  readPairs,
  readPeople,
  readSettings,
  saveIdCounters,
  SheetCache,
  type PairsTable,
  type PeopleRow,
  type PeopleTable,
  type SourceMappings,
} from '../sheets/people-sheets';
import { PEOPLE_SHEETS, ROLE_NAMES, type PairingSettings } from '../sheets/people-schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Entry<T> {
  row: PeopleRow;
  item: T;
  /** Cells that could not be read and other remarks on the record, one Russian line each. */
  problems: FieldProblem[];
}

export interface PairEntry {
  /** 0-based sheet row. */
  row: number;
  record: TextRecord<PairField>;
  read: PairRead;
}

export interface PeopleData {
  ss: Spreadsheet;
  cache: SheetCache;
  asOf: IsoDate;
  sources: SourceMappings;
  dictionaries: Dictionaries;
  settings: PairingSettings;
  tables: Record<PeopleRole, PeopleTable>;
  organisations: Entry<Organisation>[];
  orgLookup: OrganisationLookup;
  partners: PartnerOrganisations;
  mentors: Entry<Mentor>[];
  mentees: Entry<Mentee>[];
  pairsTable: PairsTable;
  pairs: PairEntry[];
  /** Sheet-level problems: settings, dictionaries, connected sheets. */
  problems: string[];
}

export function loadPeopleData(ss: Spreadsheet, asOf: IsoDate, cache = new SheetCache(ss)): PeopleData {
  const sources = loadSources();
  const dict = readDictionaries(cache);
  const settingsRead = readSettings(cache);
  const settings = settingsRead.settings;
  const tables = {
    organisation: readPeople(cache, 'organisation', sources.organisation),
    mentor: readPeople(cache, 'mentor', sources.mentor),
    mentee: readPeople(cache, 'mentee', sources.mentee),
  };
  const orgReads = tables.organisation.rows.map((row) => ({ row, read: organisationFromRecord(row.record as TextRecord<OrganisationField>, dict.dictionaries.organisationKinds) }));
  const organisations: Entry<Organisation>[] = orgReads.map(({ row, read }) => ({ row, item: read.organisation, problems: mergeProblems(row.problems, read.problems) }));
  const orgLookup = organisationLookup(organisations.map((o) => o.item));
  // Partners may be typed by id or by name; the relation is read both ways by the scoring.
  const partners: Record<string, string[]> = {};
  for (const { read } of orgReads) {
    if (!read.organisation.id || read.partners.length === 0) continue;
    partners[read.organisation.id] = read.partners.map((p) => orgLookup.resolve(p) ?? p);
  }
  const ctx = { organisations: orgLookup, defaultCapacity: settings.defaultCapacity, menteeCategories: dict.dictionaries.menteeCategories };
  const mentors = tables.mentor.rows.map((row) => {
    const r = mentorFromRecord(row.record as TextRecord<MentorField>, ctx);
    return { row, item: r.mentor, problems: mergeProblems(row.problems, r.problems) };
  });
  const mentees = tables.mentee.rows.map((row) => {
    const r = menteeFromRecord(row.record as TextRecord<MenteeField>, ctx);
    return { row, item: r.mentee, problems: mergeProblems(row.problems, r.problems) };
  });
  const pairsTable = readPairs(cache);
  const pairs = pairsTable.rows.map((r) => ({ row: r.row, record: r.record, read: pairFromRecord(r.record, dict.dictionaries.statuses, orgLookup) }));
  return {
    ss, cache, asOf, sources,
    dictionaries: dict.dictionaries,
    settings,
    tables,
    organisations,
    orgLookup,
    partners,
    mentors,
    mentees,
    pairsTable,
    pairs,
    problems: [...settingsRead.problems, ...(dict.exists ? dict.problems : []), ...tables.organisation.problems, ...tables.mentor.problems, ...tables.mentee.problems],
  };
}

/** The same cell reported by the mapping and by the conversion is one problem. */
function mergeProblems(a: readonly FieldProblem[], b: readonly FieldProblem[]): FieldProblem[] {
  const out = [...a];
  for (const p of b) if (!out.some((q) => q.field === p.field && q.text === p.text)) out.push(p);
  return out;
}

/** «Строка 5, «Дата согласия…»: «да» — …» lines for a record's cells. */
export function problemLines(table: PeopleTable, entry: Entry<unknown>): string[] {
  return entry.problems.map((p) => problemText(entry.row.row + 1, fieldLabel(table.role, p.field), p));
}

/** Every unreadable cell and row of the three lists and the pairs, for the health sheet and the summaries. */
export function dataProblems(data: PeopleData): { where: string; message: string }[] {
  const out: { where: string; message: string }[] = [];
  const lists: [PeopleTable, Entry<unknown>[]][] = [
    [data.tables.organisation, data.organisations],
    [data.tables.mentor, data.mentors],
    [data.tables.mentee, data.mentees],
  ];
  for (const [table, entries] of lists) {
    for (const e of entries) for (const line of problemLines(table, e)) out.push({ where: table.sheetName, message: line });
    for (const u of table.unreadable) {
      out.push({ where: table.sheetName, message: `Строка ${u.row + 1}: ${u.reason} — строка не прочитана (оставлена как есть): ${u.text.slice(0, 120)}` });
    }
  }
  for (const p of data.pairs) {
    for (const prob of p.read.problems) out.push({ where: PEOPLE_SHEETS.pairs, message: problemText(p.row + 1, fieldLabel('pair', prob.field), prob) });
  }
  for (const m of data.problems) out.push({ where: '', message: m });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Pools for pairing

/** Records with an id, the first row of an id typed twice winning (the repeat is reported by the check). */
export function withIds<T extends { id: string }>(entries: readonly Entry<T>[]): Entry<T>[] {
  const seen = new Set<string>();
  const out: Entry<T>[] = [];
  for (const e of entries) {
    if (!e.item.id || seen.has(e.item.id)) continue;
    seen.add(e.item.id);
    out.push(e);
  }
  return out;
}

export function pairsOf(data: PeopleData): Pair[] {
  return data.pairs.map((p) => p.read.pair);
}

export function loadsOf(data: PeopleData): Map<string, number> {
  return mentorLoads(pairsOf(data));
}

/** Mentee ids that have a proposed, active or completed pair: they are not waiting for a mentor. */
export function pairedMentees(pairs: readonly Pair[]): Set<string> {
  const ids = new Set<string>();
  for (const p of pairs) if (occupiesCapacity(p.status) || p.status === 'completed') for (const id of p.menteeIds) ids.add(id);
  return ids;
}

export function scoringOf(data: PeopleData): ScoringSettings {
  return data.settings.scoring;
}

// ---------------------------------------------------------------------------------------------------------
// Ids

/**
 * Fresh ids for records of a role, numbered after every id in use and every number ever given (kept in the
 * document properties), so an id is never reused. Saves the counter.
 */
export class IdAllocator {
  private readonly counters = loadIdCounters();
  private changed = false;

  constructor(private readonly existing: Readonly<Record<PeopleRole | 'pair', readonly string[]>>) {}

  next(kind: PeopleRole | 'pair', count: number): string[] {
    if (count <= 0) return [];
    const prefix = ID_PREFIXES[kind];
    const { ids, last } = nextIds(prefix, count, this.existing[kind], this.counters[prefix] ?? 0);
    this.counters[prefix] = last;
    this.changed = true;
    return ids;
  }

  save(): void {
    if (this.changed) saveIdCounters(this.counters);
  }
}

export function idAllocator(data: PeopleData): IdAllocator {
  const ids = (t: PeopleTable) => t.rows.map((r) => r.record.id ?? '').filter(Boolean);
  return new IdAllocator({
    organisation: ids(data.tables.organisation),
    mentor: ids(data.tables.mentor),
    mentee: ids(data.tables.mentee),
    pair: data.pairs.map((p) => p.read.pair.id).filter(Boolean),
  });
}

/** «наставника НС-0001 (Иванова Анна Петровна)». */
export function describePerson(role: PeopleRole, person: { id: string; fullName?: string; name?: string }): string {
  const name = person.fullName ?? person.name ?? '';
  return `${ROLE_NAMES[role].genitive} ${person.id}${name ? ` (${name})` : ''}`;
}
