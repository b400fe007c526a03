// The mentor and mentee bases: «Создать базы наставников и наставляемых», «Проверить базы» and «Подключить
// существующий лист…» (a coordinator's own list, mapped once, then read in place or imported into the bases).
//
// Server functions of the mapping dialog (one round trip each; plain objects, ISO dates):
//   peopleMappingSheets()                      → MappingSheetList: the workbook's sheets and what is connected
//   peopleMappingSuggest(sheetName, role)      → MappingSuggestionView: suggested columns, sample rows
//   peopleMappingApply(MappingApplyRequest)    → MappingApplyResult: stores the mapping (in place) or imports
// Failures a user can fix are thrown as UserError with a Russian message.
import { consentProblem, duplicateKey, findDuplicates, youngSpecialistStatus, type Mentee, type Mentor, type PairStatus } from '../domain/people';
import {
  appendHistory,
  manualStatusChange,
  problemText,
  repeatedIds,
  type PairField,
  type PeopleRole,
  type TextRecord,
} from '../domain/people-records';
import { applyMapping, suggestMapping, type FieldSuggestion } from '../domain/people-mapping';
import { statusLabel } from '../domain/dictionaries';
import { healthReport, HEALTH_KIND_LABELS, type HealthKind } from '../domain/health';
import { countWord } from '../domain/russian';
import type { IsoDate } from '../domain/types';
import { cellText } from '../sheets/cells';
import { columnLetter } from '../sheets/columns';
import {
  dictionaryRanges,
  fieldLabel,
  loadSources,
  patchPeople,
  readPeople,
  roleFields,
  saveSources,
  schemaRowsForRewrite,
  SheetCache,
  writeDictionaries,
  writeHealthSheet,
  writePairsSheet,
  writePeopleSheet,
  writeSettings,
  type PeopleTable,
  type SourceMapping,
  type ValidationSpec,
} from '../sheets/people-sheets';
import { mappingFields, PEOPLE_SHEETS, ROLE_NAMES, ROLE_SHEETS, type HealthColumn } from '../sheets/people-schema';
import { activeSpreadsheet, today, UserError, withDocumentLock } from './context';
import { runMenuAction } from './menu';
import { dataProblems, idAllocator, loadPeopleData, problemLines, type Entry, type PeopleData } from './people-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const ROLES: readonly PeopleRole[] = ['organisation', 'mentor', 'mentee'];
const OWN_SHEETS = new Set<string>(Object.values(PEOPLE_SHEETS));

// ---------------------------------------------------------------------------------------------------------
// «Создать базы наставников и наставляемых»

export interface SetupResult {
  /** Sheets created now. */
  created: string[];
  /** Sheets that existed: their data was kept, formats and validations refreshed. */
  refreshed: string[];
  /** Roles read from a connected list (their own sheet is not created). */
  connected: { role: PeopleRole; sheetName: string }[];
  dictionariesAdded: number;
  settingsAdded: number;
}

function organisationNameRange(cache: SheetCache, data: PeopleData): () => GoogleAppsScript.Spreadsheet.Range | null {
  return () => {
    const source = data.sources.organisation;
    const table = source ? data.tables.organisation : readPeople(cache, 'organisation', undefined);
    const col = table.index.get('name');
    const cached = cache.get(table.sheetName);
    if (col === undefined || !cached) return null;
    const letter = columnLetter(col);
    return cached.sheet.getRange(`${letter}${table.headerRow + 2}:${letter}`);
  };
}

function validationsFor(role: PeopleRole, orgRange: () => GoogleAppsScript.Spreadsheet.Range | null): Record<string, ValidationSpec> {
  if (role === 'organisation') {
    return { kind: { kind: 'dictionary', dictionary: 'organisationKinds', help: 'Тип из справочника «Типы организаций» (лист «Справочники»)' } };
  }
  const common: Record<string, ValidationSpec> = {
    organisation: { kind: 'range', range: orgRange, help: 'Организация из листа «Организации» (наименование)' },
    subject: { kind: 'dictionary', dictionary: 'subjects', help: 'Предмет из справочника; можно дописать свой в «Справочники»' },
    category: { kind: 'dictionary', dictionary: 'qualificationCategories', help: 'Квалификационная категория из справочника' },
    experience: { kind: 'number', min: 0, max: 70, help: 'Педагогический стаж, полных лет (число)' },
    consent: { kind: 'date', help: 'Дата письменного согласия на обработку персональных данных, ДД.ММ.ГГГГ' },
    previousOrganisation: { kind: 'range', range: orgRange, help: 'Для перешедших из другой ОО: прежняя организация (из листа «Организации»); заполните и «Дата перехода»' },
    movedOn: { kind: 'date', help: 'Дата перехода в нынешнюю ОО, ДД.ММ.ГГГГ (вместе с «Прежняя ОО»)' },
  };
  if (role === 'mentor') {
    return {
      ...common,
      level: { kind: 'dictionary', dictionary: 'mentorLevels', help: 'Уровень наставника из справочника' },
      capacity: { kind: 'number', min: 0, max: 20, help: 'Сколько наставляемых одновременно (обычно 1–3)' },
    };
  }
  return {
    ...common,
    group: { kind: 'dictionary', dictionary: 'menteeCategories', help: 'Категория наставляемого из справочника' },
    birthDate: { kind: 'date', help: 'Дата рождения, ДД.ММ.ГГГГ (для признака «молодой специалист»)' },
    age: { kind: 'number', min: 16, max: 90, help: 'Возраст, полных лет (если дата рождения не указана)' },
    included: { kind: 'date', help: 'Дата включения в базу наставляемых' },
    deficitsClosed: { kind: 'date', help: 'Дата итоговой диагностики, по которой дефициты закрыты, ДД.ММ.ГГГГ' },
    left: { kind: 'date', help: 'Дата увольнения (ушёл из профессии или из муниципалитета), ДД.ММ.ГГГГ; переход в другую ОО — в «Прежняя ОО»' },
  };
}

export function setupBases(ss: Spreadsheet, asOf: IsoDate): SetupResult {
  const cache = new SheetCache(ss);
  const existed = new Set([...OWN_SHEETS].filter((n) => cache.get(n) !== null));
  const dict = writeDictionaries(ss, cache);
  const settings = writeSettings(ss, cache);
  const data = loadPeopleData(ss, asOf, cache);
  const dictRange = dictionaryRanges(cache);
  const connected: SetupResult['connected'] = [];
  for (const role of ROLES) {
    const source = data.sources[role];
    if (source) {
      connected.push({ role, sheetName: source.sheetName });
      continue;
    }
    const { records, extras } = schemaRowsForRewrite(cache, data.tables[role]);
    writePeopleSheet(ss, cache, role, records, extras, validationsFor(role, organisationNameRange(cache, data)), dictRange);
  }
  writePairsSheet(ss, cache, data.pairsTable, data.pairs.map((p) => p.record), dictRange);
  const touched = [PEOPLE_SHEETS.dictionaries, PEOPLE_SHEETS.settings, ...ROLES.filter((r) => !data.sources[r]).map((r) => ROLE_SHEETS[r]), PEOPLE_SHEETS.pairs];
  return {
    created: touched.filter((n) => !existed.has(n)),
    refreshed: touched.filter((n) => existed.has(n)),
    connected,
    dictionariesAdded: existed.has(PEOPLE_SHEETS.dictionaries) ? dict.added.length : 0,
    settingsAdded: existed.has(PEOPLE_SHEETS.settings) ? settings.added : 0,
  };
}

/** Menu: «Создать базы наставников и наставляемых». */
export function setupPeopleBases(): SetupResult {
  const ss = activeSpreadsheet();
  const result = withDocumentLock(() => setupBases(ss, today()));
  const parts = [
    result.created.length ? `Созданы листы: ${result.created.map((n) => `«${n}»`).join(', ')}.` : '',
    result.refreshed.length ? `Обновлено оформление: ${result.refreshed.map((n) => `«${n}»`).join(', ')} (данные сохранены).` : '',
    ...result.connected.map((c) => `Список (${ROLE_NAMES[c.role].plural}) читается с листа «${c.sheetName}».`),
  ];
  ss.toast(parts.filter(Boolean).join(' '), 'Наставник', 10);
  return result;
}

export function menuSetupPeopleBases(): void {
  runMenuAction(setupPeopleBases);
}

// ---------------------------------------------------------------------------------------------------------
// «Проверить базы»

export interface CheckResult {
  organisations: number;
  mentors: number;
  mentees: number;
  pairs: number;
  /** New ids given, by role. */
  idsAssigned: Record<PeopleRole | 'pair', number>;
  /** Groups of ids that look like the same person (same name and organisation); flagged, not merged. */
  duplicates: { mentor: string[][]; mentee: string[][] };
  /** Ids typed on more than one row. */
  repeatedIds: string[];
  youngSpecialists: number;
  /** People whose consent does not allow pairing today. */
  consentProblems: number;
  health: Record<HealthKind, number>;
  /** Rows on «Состояние наставничества». */
  attention: number;
  /** Cells and rows that could not be read (kept as typed), one line each. */
  problems: string[];
}

const YOUNG_TEXT = { yes: 'да', no: 'нет', unknown: 'нет данных' } as const;

function anyBase(data: PeopleData): boolean {
  return ROLES.some((r) => data.tables[r].sheet !== null) || data.pairsTable.sheet !== null;
}

function remarkText(table: PeopleTable, entry: Entry<unknown>, extra: readonly string[]): string {
  const cells = entry.problems.map((p) => problemText(null, fieldLabel(table.role, p.field), p));
  return [...cells, ...extra].join('; ');
}

/** The text of the mentee's «Пара» cell: their current pair, or waiting. */
function menteePairing(data: PeopleData, menteeId: string): string {
  const rank: Record<PairStatus, number> = { active: 4, proposed: 3, completed: 2, cancelled: 1 };
  let best: { status: PairStatus; id: string; mentorId: string } | null = null;
  for (const p of data.pairs) {
    const pair = p.read.pair;
    if (!pair.menteeIds.includes(menteeId)) continue;
    if (!best || rank[pair.status] > rank[best.status]) best = { status: pair.status, id: pair.id, mentorId: pair.mentorId };
  }
  if (!best || best.status === 'cancelled') return 'ожидает подбора';
  const label = statusLabel(best.status, data.dictionaries.statuses);
  return best.status === 'completed' ? `${label}: ${best.id}` : `${label}: ${best.id} (наставник ${best.mentorId})`;
}

export function checkBases(ss: Spreadsheet, asOf: IsoDate): CheckResult {
  const data = loadPeopleData(ss, asOf);
  if (!anyBase(data)) {
    throw new UserError('Баз наставников и наставляемых пока нет: выполните «Создать базы наставников и наставляемых» или «Подключить существующий лист…».');
  }
  const { cache } = data;
  const ids = idAllocator(data);
  const updates: Record<PeopleRole, Map<number, Partial<TextRecord>>> = { organisation: new Map(), mentor: new Map(), mentee: new Map() };
  const update = (role: PeopleRole, row: number, fields: Partial<TextRecord>) => {
    const m = updates[role];
    m.set(row, { ...(m.get(row) ?? {}), ...fields });
  };
  const assigned: CheckResult['idsAssigned'] = { organisation: 0, mentor: 0, mentee: 0, pair: 0 };

  // Ids first: duplicates, pairs and the health sheet all speak in ids.
  const lists: [PeopleRole, Entry<{ id: string }>[]][] = [['organisation', data.organisations], ['mentor', data.mentors], ['mentee', data.mentees]];
  for (const [role, entries] of lists) {
    const missing = entries.filter((e) => e.item.id === '');
    const fresh = ids.next(role, missing.length);
    missing.forEach((e, i) => {
      e.item.id = fresh[i];
      e.row.record.id = fresh[i];
      update(role, e.row.row, { id: fresh[i] });
    });
    assigned[role] = missing.length;
  }
  // Pairs typed by hand get their codes now too, before the mentees' «Пара» text quotes them.
  const missingPairIds = data.pairs.filter((p) => p.read.pair.id === '');
  const freshPairIds = ids.next('pair', missingPairIds.length);
  missingPairIds.forEach((p, i) => {
    p.read.pair.id = freshPairIds[i];
    p.record.id = freshPairIds[i];
  });
  assigned.pair = missingPairIds.length;
  // A mentee is in the base at least since the add-on first saw them: the waiting time counts from there.
  for (const e of data.mentees) {
    if (e.row.record.included !== '') continue;
    e.item.includedDate = asOf;
    e.row.record.included = asOf;
    update('mentee', e.row.row, { included: asOf });
  }

  const repeated: string[] = [];
  const repeatRemarks = new Map<Entry<unknown>, string>();
  for (const [, entries] of lists) {
    for (const [id, at] of repeatedIds(entries.map((e) => e.item.id))) {
      repeated.push(id);
      for (const i of at) repeatRemarks.set(entries[i], `Код ${id} повторяется (строки ${at.map((j) => entries[j].row.row + 1).join(', ')}): исправьте, пары ссылаются на коды`);
    }
  }

  const dupGroups = { mentor: findDuplicates(data.mentors.map((e) => e.item)), mentee: findDuplicates(data.mentees.map((e) => e.item)) };
  const dupText = (groups: string[][], id: string): string => {
    const g = groups.find((x) => x.includes(id));
    return g ? `возможно, тот же человек: ${g.filter((x) => x !== id).join(', ')}` : '';
  };

  let consentProblems = 0;
  const loads = new Map<string, number>();
  for (const p of data.pairs) {
    const pair = p.read.pair;
    if (pair.status === 'proposed' || pair.status === 'active') loads.set(pair.mentorId, (loads.get(pair.mentorId) ?? 0) + pair.menteeIds.length);
  }
  for (const e of data.organisations) {
    update('organisation', e.row.row, { remarks: remarkText(data.tables.organisation, e, repeatRemarks.has(e) ? [repeatRemarks.get(e)!] : []) });
  }
  for (const e of data.mentors) {
    const consent = consentProblem(e.item, 'mentor', asOf);
    if (consent) consentProblems++;
    const extra = [repeatRemarks.get(e), consent, ...overCapacity(e.item, loads.get(e.item.id) ?? 0)].filter((x): x is string => !!x);
    update('mentor', e.row.row, {
      load: String(loads.get(e.item.id) ?? 0),
      duplicate: dupText(dupGroups.mentor, e.item.id),
      remarks: remarkText(data.tables.mentor, e, extra),
    });
  }
  let young = 0;
  for (const e of data.mentees) {
    const status = youngSpecialistStatus(e.item, asOf);
    if (status === 'yes') young++;
    const consent = consentProblem(e.item, 'mentee', asOf);
    if (consent) consentProblems++;
    const extra = [repeatRemarks.get(e), consent, ...groupRemark(e.item, status)].filter((x): x is string => !!x);
    update('mentee', e.row.row, {
      young: YOUNG_TEXT[status],
      pairing: menteePairing(data, e.item.id),
      duplicate: dupText(dupGroups.mentee, e.item.id),
      remarks: remarkText(data.tables.mentee, e, extra),
    });
  }
  // Only the columns the add-on owns are written (a connected list keeps its own layout); unchanged cells are skipped.
  for (const role of ROLES) patchPeople(cache, data.tables[role], updates[role]);

  // The health of the pairs as they were read: the history entries added below are today's bookkeeping.
  const report = healthReport({
    pairs: data.pairs.map((p) => ({ ...p.read.pair, lastActivity: p.read.lastActivity })),
    mentors: data.mentors.map((e) => e.item),
    mentees: data.mentees.map((e) => e.item),
    asOf,
    settings: data.settings.health,
  });
  // Pairs: names next to ids, pair ids for rows typed by hand, and status changes made on the sheet recorded.
  const names = new Map<string, string>();
  for (const e of [...data.mentors, ...data.mentees]) if (e.item.id && !names.has(e.item.id)) names.set(e.item.id, e.item.fullName);
  if (data.pairsTable.sheet) {
    const records = data.pairs.map((p) => {
      const rec: TextRecord<PairField> = { ...p.record };
      rec.mentorName = names.get(p.read.pair.mentorId) ?? '';
      rec.menteeNames = p.read.pair.menteeIds.map((id) => names.get(id) ?? '(нет в базе)').join(', ');
      const manual = manualStatusChange(p.read, asOf);
      if (manual) {
        p.read.pair.history = [...p.read.pair.history, manual];
        rec.history = appendHistory(rec.history, [manual]);
      }
      return rec;
    });
    writePairsSheet(ss, cache, data.pairsTable, records, dictionaryRanges(cache));
  }

  const problems = dataProblems(data);
  // A pair that names someone the bases do not have (a row deleted, a code mistyped) cannot be checked or reported.
  const dangling: { id: string; message: string }[] = [];
  const mentorIds = new Set(data.mentors.map((e) => e.item.id));
  const menteeIds = new Set(data.mentees.map((e) => e.item.id));
  for (const p of data.pairs) {
    const pair = p.read.pair;
    const missing = [
      ...(pair.mentorId && !mentorIds.has(pair.mentorId) ? [`наставника ${pair.mentorId}`] : []),
      ...(!pair.mentorId ? ['не указан код наставника'] : []),
      ...pair.menteeIds.filter((id) => !menteeIds.has(id)).map((id) => `наставляемого ${id}`),
      ...(pair.menteeIds.length === 0 ? ['не указаны коды наставляемых'] : []),
    ];
    if (missing.length) dangling.push({ id: pair.id, message: `Строка ${p.row + 1}: ${missing.map((m) => (m.startsWith('не указ') ? m : `нет ${m} в базе`)).join(', ')}` });
  }
  const orgOf = new Map<string, string>();
  for (const e of [...data.mentors, ...data.mentees]) if (e.item.id) orgOf.set(e.item.id, data.orgLookup.name(e.item.organisationId));
  const who = (ids: readonly string[]) => ids.map((id) => `${id} ${names.get(id) ?? ''}`.trim()).join(' → ');
  const rows: Record<HealthColumn, string>[] = [
    ...report.items.map((i) => ({
      kind: HEALTH_KIND_LABELS[i.kind],
      id: i.id,
      who: who(i.people),
      organisation: orgOf.get(i.people[0]) ?? '',
      message: i.message,
      date: i.date ?? '',
      days: i.days === null ? '' : String(i.days),
    })),
    ...dangling.map((d) => ({ kind: 'Неизвестный код в паре', id: d.id, who: PEOPLE_SHEETS.pairs, organisation: '', message: d.message, date: '', days: '' })),
    ...problems.map((p) => ({ kind: 'Данные не прочитаны', id: '', who: p.where, organisation: '', message: p.message, date: '', days: '' })),
  ];
  writeHealthSheet(ss, rows);
  cache.flush();
  ids.save();

  return {
    organisations: data.organisations.length,
    mentors: data.mentors.length,
    mentees: data.mentees.length,
    pairs: data.pairs.length,
    idsAssigned: assigned,
    duplicates: dupGroups,
    repeatedIds: repeated,
    youngSpecialists: young,
    consentProblems,
    health: report.counts,
    attention: rows.length,
    problems: [
      ...dangling.map((d) => `${PEOPLE_SHEETS.pairs}: ${d.id}: ${d.message}`),
      ...problems.map((p) => (p.where ? `${p.where}: ${p.message}` : p.message)),
    ],
  };
}

function overCapacity(mentor: Mentor, load: number): string[] {
  return load > mentor.capacity ? [`Наставляемых ${load}, а мест ${mentor.capacity}`] : [];
}

function groupRemark(mentee: Mentee, young: 'yes' | 'no' | 'unknown'): string[] {
  if (mentee.group === 'young-specialist' && young === 'no') return ['Указан как молодой специалист, но старше 35 лет или стаж больше 3 лет'];
  return [];
}

/** Menu: «Проверить базы». */
export function checkPeopleBases(): CheckResult {
  const ss = activeSpreadsheet();
  const result = withDocumentLock(() => checkBases(ss, today()));
  const assigned = result.idsAssigned.organisation + result.idsAssigned.mentor + result.idsAssigned.mentee + result.idsAssigned.pair;
  const dups = result.duplicates.mentor.length + result.duplicates.mentee.length;
  ss.toast(
    `Наставников: ${result.mentors}, наставляемых: ${result.mentees} (молодых специалистов: ${result.youngSpecialists}). ` +
      `Присвоено кодов: ${assigned}. Возможных дублей: ${dups}. Без согласия на обработку ПДн: ${result.consentProblems}. ` +
      `Требует внимания: ${result.attention} (лист «${PEOPLE_SHEETS.health}»).`,
    'Наставник',
    15,
  );
  return result;
}

export function menuCheckPeopleBases(): void {
  runMenuAction(checkPeopleBases);
}

// ---------------------------------------------------------------------------------------------------------
// «Подключить существующий лист…»

export interface MappingSheetInfo {
  name: string;
  rows: number;
  columns: number;
  /** One of the add-on's own sheets (cannot be connected). */
  own: boolean;
  /** The roles read from this sheet now. */
  connectedAs: PeopleRole[];
}

export interface MappingSheetList {
  sheets: MappingSheetInfo[];
  connections: { role: PeopleRole; sheetName: string; connectedAt: string }[];
}

export interface MappingFieldView {
  key: string;
  label: string;
  required: boolean;
  /** 0-based column of the header row, or null. */
  column: number | null;
  header: string;
  /** 0..1. */
  confidence: number;
  how: FieldSuggestion['how'];
}

export interface MappingSuggestionView {
  sheetName: string;
  role: PeopleRole;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Header cells; `letter` is the column letter (A, B, …). */
  columns: { index: number; letter: string; header: string; field: string | null }[];
  fields: MappingFieldView[];
  /** Up to 5 data rows after the header, as displayed text. */
  sampleRows: string[][];
  dataRows: number;
  confidence: number;
  warnings: string[];
}

export interface MappingApplyRequest {
  sheetName: string;
  role: PeopleRole;
  mapping: {
    /** 1-based sheet row of the header. */
    headerRow: number;
    /** Field key → 0-based column of the header row; null or absent for fields the list does not have. */
    columns: Record<string, number | null>;
  };
  mode: 'import' | 'in-place';
}

export interface MappingApplyResult {
  mode: 'import' | 'in-place';
  role: PeopleRole;
  sheetName: string;
  /** Records read from the list. */
  read: number;
  /** import: records added to the add-on's sheet. */
  imported: number;
  /** import: records already in the base (same id, or same name and organisation), not added again. */
  skipped: { row: number; reason: string }[];
  /** Rows with text that cannot be a record (no name): reported, left on the list. */
  unreadable: { row: number; text: string; reason: string }[];
  /** Rows of the other role (the list has a role column). */
  otherRole: number;
  /** Cells that could not be read (kept as typed), one line each. */
  problems: string[];
  warnings: string[];
}

function checkRole(role: unknown): PeopleRole {
  if (role === 'organisation' || role === 'mentor' || role === 'mentee') return role;
  throw new UserError('Выберите, что содержит лист: организации, наставники или наставляемые.');
}

function sheetText(cache: SheetCache, sheetName: string): string[][] {
  if (typeof sheetName !== 'string' || sheetName.trim() === '') throw new UserError('Выберите лист со списком.');
  if (OWN_SHEETS.has(sheetName)) {
    throw new UserError(`Лист «${sheetName}» — это лист самого дополнения. Выберите лист со своим списком.`);
  }
  const cached = cache.get(sheetName);
  if (!cached) throw new UserError(`Листа «${sheetName}» нет: возможно, он переименован. Выберите лист заново.`);
  const text = cached.values.map((r) => r.map(cellText));
  if (!text.some((r) => r.some((c) => c !== ''))) throw new UserError(`Лист «${sheetName}» пуст.`);
  return text;
}

export function peopleMappingSheets(): MappingSheetList {
  const ss = activeSpreadsheet();
  const sources = loadSources();
  const sheets = ss.getSheets().map((sh) => {
    const name = sh.getName();
    return {
      name,
      rows: sh.getLastRow(),
      columns: sh.getLastColumn(),
      own: OWN_SHEETS.has(name),
      connectedAs: ROLES.filter((r) => sources[r]?.sheetName === name),
    };
  });
  return {
    sheets,
    connections: ROLES.filter((r) => sources[r]).map((r) => ({ role: r, sheetName: sources[r]!.sheetName, connectedAt: sources[r]!.connectedAt })),
  };
}

export function peopleMappingSuggest(sheetName: string, role: PeopleRole): MappingSuggestionView {
  const r = checkRole(role);
  const cache = new SheetCache(activeSpreadsheet());
  const text = sheetText(cache, sheetName);
  const fields = mappingFields(r);
  const s = suggestMapping(text, fields);
  const warnings: string[] = [];
  for (const f of s.fields) {
    if (f.required && f.column === null && !(f.key === 'fullName' && s.fields.some((x) => x.key === 'surname' && x.column !== null))) {
      warnings.push(`Не найден столбец «${f.label}»: выберите его вручную`);
    }
  }
  for (const f of s.fields) {
    if (f.column !== null && f.confidence < 0.6) warnings.push(`Столбец «${f.header}» для поля «${f.label}» выбран неуверенно: проверьте`);
  }
  const fieldOf = new Map(s.fields.filter((f) => f.column !== null).map((f) => [f.column!, f.key]));
  const data = text.slice(s.headerRow + 1).filter((row) => row.some((c) => c !== ''));
  return {
    sheetName,
    role: r,
    headerRow: s.headerRow + 1,
    columns: s.header.map((h, i) => ({ index: i, letter: columnLetter(i), header: h, field: fieldOf.get(i) ?? null })),
    fields: s.fields.map((f) => ({ key: f.key, label: f.label, required: f.required, column: f.column, header: f.header, confidence: f.confidence, how: f.how })),
    sampleRows: data.slice(0, 5),
    dataRows: data.length,
    confidence: s.confidence,
    warnings,
  };
}

function validateMapping(req: MappingApplyRequest, role: PeopleRole, text: string[][]): { headerRow: number; columns: Record<string, number> } {
  const m = req.mapping;
  if (!m || typeof m !== 'object') throw new UserError('Не задано соответствие столбцов.');
  const headerRow = Number(m.headerRow) - 1;
  if (!Number.isInteger(headerRow) || headerRow < 0 || headerRow >= text.length) {
    throw new UserError(`Строка заголовка ${m.headerRow} вне листа (строк: ${text.length}).`);
  }
  const width = Math.max(...text.map((r) => r.length));
  const allowed = new Set(mappingFields(role).map((f) => f.key));
  const columns: Record<string, number> = {};
  const used = new Map<number, string>();
  for (const [key, col] of Object.entries(m.columns ?? {})) {
    if (col === null || col === undefined) continue;
    if (!allowed.has(key)) throw new UserError(`Неизвестное поле «${key}».`);
    if (!Number.isInteger(col) || col < 0 || col >= width) throw new UserError(`Для поля «${fieldLabel(role, key)}» выбран столбец вне таблицы.`);
    const other = used.get(col);
    if (other) throw new UserError(`Столбец ${columnLetter(col)} выбран дважды: для «${fieldLabel(role, other)}» и «${fieldLabel(role, key)}».`);
    used.set(col, key);
    columns[key] = col;
  }
  const nameKey = role === 'organisation' ? 'name' : 'fullName';
  if (columns[nameKey] === undefined && !(role !== 'organisation' && columns.surname !== undefined)) {
    throw new UserError(role === 'organisation' ? 'Выберите столбец с наименованием организации.' : 'Выберите столбец с ФИО (или столбец с фамилией).');
  }
  return { headerRow, columns };
}

export function peopleMappingApply(req: MappingApplyRequest): MappingApplyResult {
  const role = checkRole(req?.role);
  if (req.mode !== 'import' && req.mode !== 'in-place') throw new UserError('Выберите: работать с листом на месте или перенести записи в базу.');
  const ss = activeSpreadsheet();
  return withDocumentLock(() => {
    const asOf = today();
    const cache = new SheetCache(ss);
    const text = sheetText(cache, req.sheetName);
    const { headerRow, columns } = validateMapping(req, role, text);
    const header = text[headerRow];
    const source: SourceMapping = {
      sheetName: req.sheetName,
      headerRow,
      columns: Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, { header: header[c] ?? '', index: c }])),
      connectedAt: new Date().toISOString(),
    };
    return req.mode === 'in-place' ? connectInPlace(ss, cache, role, source, asOf) : importList(ss, cache, role, source, asOf);
  });
}

function connectInPlace(ss: Spreadsheet, cache: SheetCache, role: PeopleRole, source: SourceMapping, asOf: IsoDate): MappingApplyResult {
  const data = loadPeopleData(ss, asOf, cache);
  const warnings: string[] = [];
  const own = data.sources[role] ? readPeople(cache, role, undefined) : data.tables[role];
  if (own.sheet && own.rows.length) {
    warnings.push(`На листе «${own.sheetName}» ${countWord(own.rows.length, ['запись', 'записи', 'записей'])}: теперь список читается с листа «${source.sheetName}», а эти записи не используются. Чтобы перенести их, подключите лист «${source.sheetName}» в режиме переноса.`);
  }
  const sources = { ...data.sources, [role]: source };
  saveSources(sources);
  const table = readPeople(cache, role, source);
  for (const p of table.problems) warnings.push(p);
  const problems = table.rows.flatMap((r) => problemLines(table, { row: r, item: null, problems: r.problems }));
  if (!table.index.has('id')) warnings.push('В списке нет столбца с кодами: «Проверить базы» добавит столбец «Код» и присвоит коды.');
  return {
    mode: 'in-place', role, sheetName: source.sheetName,
    read: table.rows.length, imported: 0, skipped: [],
    unreadable: table.unreadable.map((u) => ({ ...u, row: u.row + 1 })),
    otherRole: table.otherRole,
    problems,
    warnings,
  };
}

function importList(ss: Spreadsheet, cache: SheetCache, role: PeopleRole, source: SourceMapping, asOf: IsoDate): MappingApplyResult {
  const cached = cache.get(source.sheetName)!;
  const text = cached.values.map((r) => r.map(cellText));
  const fields = roleFields(role);
  const columns = Object.fromEntries(Object.entries(source.columns).map(([k, c]) => [k, c.index]));
  const applied = applyMapping(text, { headerRow: source.headerRow, columns }, [...fields, 'surname', 'firstName', 'patronymic', 'role'], {
    role: role === 'organisation' ? undefined : role,
    nameField: role === 'organisation' ? 'name' : 'fullName',
  });
  // Dictionaries and settings come with the bases: importing into a workbook without them creates them.
  writeDictionaries(ss, cache);
  writeSettings(ss, cache);
  const data = loadPeopleData(ss, asOf, cache);
  const wasConnected = data.sources[role];
  const own = wasConnected ? readPeople(cache, role, undefined) : data.tables[role];
  const { records, extras } = own.sheet ? schemaRowsForRewrite(cache, own) : { records: [] as TextRecord[], extras: [] as unknown[][] };
  const knownIds = new Set(records.map((r) => (r.id ?? '').trim()).filter(Boolean));
  const nameKey = role === 'organisation' ? 'name' : 'fullName';
  const keyOf = (r: TextRecord): string | null =>
    role === 'organisation' ? (r.name ? r.name.trim().toLowerCase() : null) : duplicateKey({ fullName: r.fullName ?? '', organisationId: data.orgLookup.resolve(r.organisation ?? '') ?? (r.organisation ?? '') });
  const knownKeys = new Set(records.map(keyOf).filter((k): k is string => k !== null));
  const skipped: MappingApplyResult['skipped'] = [];
  const fresh: TextRecord[] = [];
  const problems: string[] = [];
  for (const r of applied.records) {
    const rec: TextRecord = {};
    for (const f of fields) rec[f] = r.record[f] ?? '';
    const id = rec.id.trim();
    const key = keyOf(rec);
    if (id && knownIds.has(id)) {
      skipped.push({ row: r.row + 1, reason: `код ${id} уже есть в базе` });
      continue;
    }
    if (key && knownKeys.has(key)) {
      skipped.push({ row: r.row + 1, reason: `${rec[nameKey]} уже есть в базе` });
      continue;
    }
    if (id) knownIds.add(id);
    if (key) knownKeys.add(key);
    if (role === 'mentee' && rec.included === '') rec.included = asOf;
    for (const p of r.problems) problems.push(problemText(r.row + 1, fieldLabel(role, p.field), p));
    fresh.push(rec);
  }
  const ids = idAllocator(data);
  const missing = fresh.filter((r) => r.id.trim() === '');
  ids.next(role, missing.length).forEach((id, i) => { missing[i].id = id; });
  writePeopleSheet(ss, cache, role, [...records, ...fresh], [...extras, ...fresh.map(() => undefined)], validationsFor(role, organisationNameRange(cache, data)), dictionaryRanges(cache));
  ids.save();
  const warnings: string[] = [];
  if (wasConnected) {
    const sources = { ...data.sources };
    delete sources[role];
    saveSources(sources);
    warnings.push(`Раньше список (${ROLE_NAMES[role].plural}) читался с листа «${wasConnected.sheetName}»; теперь — с листа «${ROLE_SHEETS[role]}».`);
  }
  return {
    mode: 'import', role, sheetName: source.sheetName,
    read: applied.records.length, imported: fresh.length, skipped,
    unreadable: applied.unreadable.map((u) => ({ ...u, row: u.row + 1 })),
    otherRole: applied.otherRole.length,
    problems,
    warnings,
  };
}

/** Menu: «Подключить существующий лист…» — the mapping dialog (dist/Mapping.html). */
export function showPeopleMappingDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile('Mapping').setWidth(900).setHeight(620);
  SpreadsheetApp.getUi().showModalDialog(html, 'Подключить существующий лист');
}
