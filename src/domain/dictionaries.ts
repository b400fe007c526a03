// The editable dictionaries of the mentoring bases («Справочники»): local documents spell forms, formats and
// categories in many ways, so the coordinator keeps the lists on a sheet and the add-on validates against them.
// Meanings the add-on computes with (pair status, organisation kind, mentee group) are read from any spelling
// by keyword, and from the position in the list when a coordinator renamed an entry beyond recognition.
import type { MenteeGroup, OrganisationKind, PairStatus } from './people';
import { MENTEE_GROUP_LABELS, PAIR_STATUS_LABELS, parsePairStatus } from './people';

export type DictionaryKey =
  | 'rolePairs'
  | 'formats'
  | 'menteeCategories'
  | 'subjects'
  | 'statuses'
  | 'organisationKinds'
  | 'qualificationCategories'
  | 'mentorLevels';

export type Dictionaries = Record<DictionaryKey, string[]>;

/** Order of the columns on the sheet. */
export const DICTIONARY_KEYS: readonly DictionaryKey[] = [
  'rolePairs',
  'formats',
  'menteeCategories',
  'subjects',
  'statuses',
  'organisationKinds',
  'qualificationCategories',
  'mentorLevels',
];

export const DICTIONARY_TITLES: Readonly<Record<DictionaryKey, string>> = {
  rolePairs: 'Формы наставничества (ролевые модели)',
  formats: 'Форматы',
  menteeCategories: 'Категории наставляемых',
  subjects: 'Предметы и направления',
  statuses: 'Статусы пар',
  organisationKinds: 'Типы организаций',
  qualificationCategories: 'Квалификационные категории',
  mentorLevels: 'Уровни наставников',
};

/** Other headers a coordinator may give the same list (normalised: lower case, ё as е). */
export const DICTIONARY_SYNONYMS: Readonly<Record<DictionaryKey, readonly string[]>> = {
  rolePairs: ['формы наставничества', 'ролевые модели', 'форма наставничества', 'ролевая модель', 'формы'],
  formats: ['формат', 'форматы наставничества', 'виды наставничества'],
  menteeCategories: ['категории наставляемых', 'категория наставляемого', 'целевые группы'],
  subjects: ['предметы', 'предмет', 'направления', 'предметные области'],
  statuses: ['статусы', 'статус пары', 'статусы пар и групп'],
  organisationKinds: ['типы оо', 'тип организации', 'виды организаций', 'типы'],
  qualificationCategories: ['категории', 'квалификационная категория'],
  mentorLevels: ['уровни', 'уровень наставника'],
};

const ORGANISATION_KIND_ORDER: readonly OrganisationKind[] = ['school', 'kindergarten', 'additional', 'college', 'other'];
const MENTEE_GROUP_ORDER: readonly MenteeGroup[] = ['young-specialist', 'new-position', 'moved', 'difficulties', 'other'];
const STATUS_ORDER: readonly PairStatus[] = ['proposed', 'active', 'completed', 'cancelled'];

export const DEFAULT_DICTIONARIES: Readonly<Dictionaries> = {
  rolePairs: [
    'учитель – учитель',
    'руководитель – учитель',
    'педагог вуза/колледжа – молодой специалист',
    'работодатель – студент',
  ],
  formats: [
    'традиционное (один на один)',
    'групповое',
    'краткосрочное (целеполагающее)',
    'реверсивное',
    'ситуационное',
    'скоростное',
    'флэш-наставничество',
    'виртуальное (дистанционное)',
    'сетевое',
  ],
  menteeCategories: MENTEE_GROUP_ORDER.map((g) => MENTEE_GROUP_LABELS[g]),
  subjects: [
    'начальные классы',
    'русский язык и литература',
    'математика',
    'информатика',
    'физика',
    'химия',
    'биология',
    'география',
    'история',
    'обществознание',
    'английский язык',
    'немецкий язык',
    'физическая культура',
    'музыка',
    'изобразительное искусство',
    'технология',
    'ОБЗР',
    'дошкольное образование',
    'логопедия',
    'дополнительное образование',
    'педагог-психолог',
    'социальный педагог',
  ],
  statuses: STATUS_ORDER.map((s) => PAIR_STATUS_LABELS[s]),
  organisationKinds: ['школа', 'детский сад (ДОУ)', 'дополнительное образование', 'колледж (СПО)', 'иная организация'],
  qualificationCategories: ['без категории', 'соответствие занимаемой должности', 'первая', 'высшая'],
  mentorLevels: ['наставник', 'старший наставник', 'ведущий наставник'],
};

export function defaultDictionaries(): Dictionaries {
  const d = {} as Dictionaries;
  for (const k of DICTIONARY_KEYS) d[k] = [...DEFAULT_DICTIONARIES[k]];
  return d;
}

/** Case, «ё», dashes, quotes and spacing aside: «Учитель—учитель» = «учитель – учитель». */
export function normaliseEntry(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"„“'`]/g, '')
    .replace(/\s*[-–—]\s*/g, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The dictionary's own spelling of a value, or null when the list does not have it. */
export function matchEntry(value: string, entries: readonly string[]): string | null {
  const v = normaliseEntry(value);
  if (v === '') return null;
  for (const e of entries) if (normaliseEntry(e) === v) return e;
  // «традиционное» for «традиционное (один на один)»: the entry without its parenthesised gloss.
  for (const e of entries) if (normaliseEntry(e.replace(/\s*\([^)]*\)\s*$/, '')) === v) return e;
  return null;
}

/** The dictionary columns as read from the sheet: header text and the non-empty cells below it. */
export interface DictionaryColumn {
  header: string;
  values: string[];
}

function headerKey(header: string): DictionaryKey | null {
  const h = normaliseEntry(header).replace(/[():.]/g, '').trim();
  if (h === '') return null;
  for (const k of DICTIONARY_KEYS) if (normaliseEntry(DICTIONARY_TITLES[k]).replace(/[():.]/g, '').trim() === h) return k;
  for (const k of DICTIONARY_KEYS) if (DICTIONARY_SYNONYMS[k].includes(h)) return k;
  for (const k of DICTIONARY_KEYS) if (DICTIONARY_SYNONYMS[k].some((s) => h.startsWith(s))) return k;
  return null;
}

/**
 * Dictionaries from the sheet's columns. A list the sheet lacks, or one left empty, falls back to the default
 * (with a message, so the coordinator knows why their edit did not take); repeats are dropped.
 */
export function dictionariesFromColumns(columns: readonly DictionaryColumn[]): { dictionaries: Dictionaries; problems: string[] } {
  const dictionaries = defaultDictionaries();
  const problems: string[] = [];
  const seen = new Set<DictionaryKey>();
  for (const col of columns) {
    const key = headerKey(col.header);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const values: string[] = [];
    const norm = new Set<string>();
    for (const raw of col.values) {
      const v = raw.trim();
      const n = normaliseEntry(v);
      if (n === '' || norm.has(n)) continue;
      norm.add(n);
      values.push(v);
    }
    if (values.length === 0) {
      problems.push(`Справочник «${DICTIONARY_TITLES[key]}» пуст — используются значения по умолчанию`);
      continue;
    }
    dictionaries[key] = values;
  }
  for (const k of DICTIONARY_KEYS) {
    if (!seen.has(k)) problems.push(`На листе справочников нет столбца «${DICTIONARY_TITLES[k]}» — используются значения по умолчанию`);
  }
  return { dictionaries, problems };
}

/** The sheet block: a header row of titles and the entries below, padded to a rectangle. */
export function dictionaryGrid(d: Dictionaries): string[][] {
  const height = Math.max(...DICTIONARY_KEYS.map((k) => d[k].length));
  const grid: string[][] = [DICTIONARY_KEYS.map((k) => DICTIONARY_TITLES[k])];
  for (let r = 0; r < height; r++) grid.push(DICTIONARY_KEYS.map((k) => d[k][r] ?? ''));
  return grid;
}

// ---------------------------------------------------------------------------------------------------------
// Meanings behind the spellings

function keywordText(text: string): string {
  return ` ${normaliseEntry(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
}

const KIND_RULES: [RegExp, OrganisationKind][] = [
  [/ доу | детск\S* сад| дошкольн|^ мбдоу| мадоу| мдоу| д ?с /, 'kindergarten'],
  [/ колледж| техникум| спо | профессиональн\S* образовательн| училищ| вуз | университет| институт/, 'college'],
  [/ дополнительн| доп | до | удо | дши | цдт | ддт | центр детск| дом детск| дюсш | дшни | спортивн\S* школ| школа искусств| музыкальн\S* школ| станци/, 'additional'],
  [/ школ| сош | оош | нош | гимнази| лице| мбоу| маоу| моу | общеобразовательн| кадетск| интернат/, 'school'],
];

/**
 * What kind of organisation a «Тип» cell or an organisation's name says it is. A dictionary entry that has no
 * keyword in it counts by its position in the list (the defaults are in the order of OrganisationKind).
 */
export function parseOrganisationKind(text: string, entries: readonly string[] = DEFAULT_DICTIONARIES.organisationKinds): OrganisationKind | null {
  const t = keywordText(text);
  if (t.trim() === '') return null;
  for (const [re, kind] of KIND_RULES) if (re.test(t)) return kind;
  if (/ ин\S* | друг/.test(t)) return 'other';
  const entry = matchEntry(text, entries);
  if (entry !== null) {
    const i = entries.indexOf(entry);
    return ORGANISATION_KIND_ORDER[i] ?? 'other';
  }
  return null;
}

const GROUP_RULES: [RegExp, MenteeGroup][] = [
  [/ молод| выпускник| начинающ| без опыта работы/, 'young-specialist'],
  [/ назнач| нов\S* должност| впервые/, 'new-position'],
  [/ перешел| переход| перев\S* из| из друг| смени/, 'moved'],
  [/ затрудн| дефицит| трудност| проблем/, 'difficulties'],
];

/** The mentee group a «Категория наставляемого» cell names, or null when it names none. */
export function parseMenteeGroup(text: string, entries: readonly string[] = DEFAULT_DICTIONARIES.menteeCategories): MenteeGroup | null {
  const t = keywordText(text);
  if (t.trim() === '') return null;
  for (const [re, group] of GROUP_RULES) if (re.test(t)) return group;
  const entry = matchEntry(text, entries);
  if (entry !== null) return MENTEE_GROUP_ORDER[entries.indexOf(entry)] ?? 'other';
  if (/ ин\S* | друг/.test(t)) return 'other';
  return null;
}

/** The label the coordinator's dictionary uses for a mentee group (the default label if the list is shorter). */
export function menteeGroupLabel(group: MenteeGroup, entries: readonly string[]): string {
  return entries[MENTEE_GROUP_ORDER.indexOf(group)] ?? MENTEE_GROUP_LABELS[group];
}

/** A status cell: the standard labels in any case, else the position of the coordinator's own label. */
export function parseStatus(text: string, entries: readonly string[]): PairStatus | null {
  const std = parsePairStatus(text);
  if (std) return std;
  const entry = matchEntry(text, entries);
  if (entry === null) return null;
  return STATUS_ORDER[entries.indexOf(entry)] ?? null;
}

/** The label to write for a status: the coordinator's spelling when the list has one at that place. */
export function statusLabel(status: PairStatus, entries: readonly string[]): string {
  return entries[STATUS_ORDER.indexOf(status)] || PAIR_STATUS_LABELS[status];
}
