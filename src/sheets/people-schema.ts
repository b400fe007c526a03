// The mentoring bases in the workbook: sheet names, columns (Russian labels and the synonyms people use for
// them in their own lists) and the settings sheet's parameters, in one place.
import type { ColumnDef } from './columns';
import { DEFAULT_SCORING, type ScoringSettings } from '../domain/scoring';
import { DEFAULT_HEALTH, type HealthSettings } from '../domain/health';
import { DEFAULT_DICTIONARIES } from '../domain/dictionaries';
import { parseNumberText, type AuxiliaryField, type MenteeField, type MentorField, type OrganisationField, type PairField, type PeopleRole } from '../domain/people-records';
import type { MappingField } from '../domain/people-mapping';

export const PEOPLE_SHEETS = {
  organisations: 'Организации',
  mentors: 'Наставники',
  mentees: 'Наставляемые',
  pairs: 'Пары',
  dictionaries: 'Справочники',
  settings: 'Настройки подбора',
  health: 'Состояние наставничества',
} as const;

export const ROLE_SHEETS: Readonly<Record<PeopleRole, string>> = {
  organisation: PEOPLE_SHEETS.organisations,
  mentor: PEOPLE_SHEETS.mentors,
  mentee: PEOPLE_SHEETS.mentees,
};

/** Russian names of the roles: «наставники» in headings, «наставника» in messages. */
export const ROLE_NAMES: Readonly<Record<PeopleRole, { plural: string; genitive: string }>> = {
  organisation: { plural: 'организации', genitive: 'организации' },
  mentor: { plural: 'наставники', genitive: 'наставника' },
  mentee: { plural: 'наставляемые', genitive: 'наставляемого' },
};

const ID_SYNONYMS = ['код', 'id', 'идентификатор', 'таб №', 'таб номер', 'табельный номер', 'табельный №', 'личный номер', 'код сотрудника', 'уникальный код'];
const NAME_SYNONYMS = ['фио', 'ф.и.о', 'фамилия имя отчество', 'фамилия, имя, отчество', 'фио педагога', 'фио работника', 'фио сотрудника', 'педагог', 'сотрудник', 'работник'];
const ORG_SYNONYMS = ['оо', 'организация', 'образовательная организация', 'место работы', 'учреждение', 'образовательное учреждение', 'наименование оо', 'код оо', 'школа', 'оу', 'наименование оу', 'наименование учреждения', 'наименование образовательной организации'];
const POSITION_SYNONYMS = ['должность', 'занимаемая должность', 'должность по штатному расписанию'];
const SUBJECT_SYNONYMS = ['предмет', 'преподаваемый предмет', 'направление', 'специализация', 'предметная область', 'дисциплина', 'направление деятельности', 'предмет направление', 'преподаваемые предметы'];
const EXPERIENCE_SYNONYMS = ['стаж', 'педагогический стаж', 'стаж работы', 'пед стаж', 'пед. стаж', 'стаж педагогической работы', 'опыт работы', 'стаж лет', 'общий педагогический стаж', 'стаж педагогической деятельности'];
const CATEGORY_SYNONYMS = ['категория', 'кв категория', 'кв. категория', 'квалификационная категория', 'квалификация', 'категория квалификационная'];
const FORMAT_SYNONYMS = ['предпочтительные формы', 'предпочтительный формат', 'формы', 'формат', 'формы наставничества', 'форма наставничества'];
const CONSENT_SYNONYMS = ['согласие', 'согласие на обработку пдн', 'согласие на обработку персональных данных', 'дата согласия', 'согласие пдн', 'согласие на обработку', 'согласие на обработку пд', 'согласие пд', 'наличие согласия'];
const REMARKS: ColumnDef<'remarks'> = { key: 'remarks', label: 'Замечания проверки', computed: true, width: 260 };
// Optional columns the indicators read (who moved, whose deficits were closed, who left): added at the end of each
// sheet so workbooks set up before them keep their layout; empty means «not recorded».
const PREVIOUS_ORGANISATION: ColumnDef<'previousOrganisation'> = { key: 'previousOrganisation', label: 'Прежняя ОО', synonyms: ['предыдущая оо', 'прежнее место работы', 'перешел из оо', 'перешёл из оо'], width: 180 };
const MOVED_ON: ColumnDef<'movedOn'> = { key: 'movedOn', label: 'Дата перехода', synonyms: ['дата перехода в оо', 'дата перевода', 'переведен', 'переведён', 'в оо с'], type: 'date', width: 100 };
const DUPLICATE: ColumnDef<'duplicate'> = { key: 'duplicate', label: 'Возможный дубль', computed: true, width: 120 };

export const ORGANISATION_COLUMNS: readonly ColumnDef<OrganisationField>[] = [
  { key: 'id', label: 'Код ОО', synonyms: ['код', 'код оо', 'id', 'идентификатор', 'код организации'], width: 80 },
  { key: 'name', label: 'Наименование ОО', synonyms: ['наименование', 'название', 'организация', 'образовательная организация', 'оо', 'наименование организации', 'полное наименование', 'краткое наименование', 'наименование оу'], width: 300 },
  { key: 'kind', label: 'Тип', synonyms: ['тип', 'тип оо', 'вид', 'вид организации', 'тип организации', 'вид оо'], width: 180 },
  { key: 'municipality', label: 'Муниципалитет', synonyms: ['муниципальное образование', 'муниципальный район', 'район', 'город', 'округ', 'мо', 'территория'], width: 160 },
  { key: 'curator', label: 'Куратор', synonyms: ['куратор', 'куратор наставничества', 'ответственный', 'ответственный за наставничество'], width: 180 },
  { key: 'partners', label: 'Организации-партнёры', synonyms: ['партнеры', 'организации-партнеры', 'сетевые партнеры', 'партнерские организации'], width: 200 },
  REMARKS,
];

export const MENTOR_COLUMNS: readonly ColumnDef<MentorField>[] = [
  { key: 'id', label: 'Код', synonyms: [...ID_SYNONYMS, 'код наставника'], width: 80 },
  { key: 'fullName', label: 'ФИО', synonyms: [...NAME_SYNONYMS, 'фио наставника', 'наставник'], width: 220 },
  { key: 'organisation', label: 'ОО', synonyms: ORG_SYNONYMS, width: 200 },
  { key: 'position', label: 'Должность', synonyms: POSITION_SYNONYMS, width: 140 },
  { key: 'subject', label: 'Предмет (направление)', synonyms: SUBJECT_SYNONYMS, width: 160 },
  { key: 'experience', label: 'Педагогический стаж, лет', synonyms: EXPERIENCE_SYNONYMS, type: 'number', width: 90 },
  { key: 'category', label: 'Квалификационная категория', synonyms: CATEGORY_SYNONYMS, width: 130 },
  { key: 'level', label: 'Уровень наставника', synonyms: ['уровень', 'уровень наставничества', 'статус наставника'], width: 130 },
  { key: 'strengths', label: 'Сильные стороны (компетенции)', synonyms: ['сильные стороны', 'компетенции', 'профессиональные компетенции', 'в чем может помочь', 'экспертиза', 'достижения'], width: 240 },
  { key: 'capacity', label: 'Макс. число наставляемых', synonyms: ['число наставляемых', 'количество наставляемых', 'кол-во наставляемых', 'макс число наставляемых', 'максимум наставляемых', 'наставляемых не более'], type: 'number', width: 100 },
  { key: 'formats', label: 'Предпочтительные формы', synonyms: FORMAT_SYNONYMS, width: 180 },
  { key: 'consent', label: 'Дата согласия на обработку ПДн', synonyms: CONSENT_SYNONYMS, type: 'date', width: 110 },
  { key: 'load', label: 'Наставляемых сейчас', computed: true, type: 'number', width: 100 },
  DUPLICATE as ColumnDef<MentorField>,
  REMARKS as ColumnDef<MentorField>,
  PREVIOUS_ORGANISATION,
  MOVED_ON,
];

export const MENTEE_COLUMNS: readonly ColumnDef<MenteeField>[] = [
  { key: 'id', label: 'Код', synonyms: [...ID_SYNONYMS, 'код наставляемого'], width: 80 },
  { key: 'fullName', label: 'ФИО', synonyms: [...NAME_SYNONYMS, 'фио наставляемого', 'наставляемый', 'молодой специалист', 'фио молодого специалиста', 'фио молодого педагога'], width: 220 },
  { key: 'organisation', label: 'ОО', synonyms: ORG_SYNONYMS, width: 200 },
  { key: 'position', label: 'Должность', synonyms: POSITION_SYNONYMS, width: 140 },
  { key: 'subject', label: 'Предмет (направление)', synonyms: SUBJECT_SYNONYMS, width: 160 },
  { key: 'birthDate', label: 'Дата рождения', synonyms: ['дата рождения', 'д.р', 'д р', 'др', 'рождения'], type: 'date', width: 100 },
  { key: 'age', label: 'Возраст', synonyms: ['возраст', 'полных лет', 'возраст лет', 'лет'], type: 'number', width: 70 },
  { key: 'experience', label: 'Педагогический стаж, лет', synonyms: EXPERIENCE_SYNONYMS, type: 'number', width: 90 },
  { key: 'category', label: 'Квалификационная категория', synonyms: CATEGORY_SYNONYMS, width: 130 },
  { key: 'group', label: 'Категория наставляемого', synonyms: ['категория наставляемого', 'группа', 'целевая группа', 'категория участника'], width: 170 },
  { key: 'deficits', label: 'Профессиональные дефициты', synonyms: ['дефициты', 'профессиональные затруднения', 'затруднения', 'дефициты по результатам диагностики', 'профессиональные дефициты', 'выявленные дефициты', 'выявленные профессиональные дефициты'], width: 240 },
  { key: 'request', label: 'Запрос', synonyms: ['запрос', 'запрос наставляемого', 'ожидания', 'запрос на наставничество', 'запрос на сопровождение'], width: 200 },
  { key: 'formats', label: 'Предпочтительные формы', synonyms: FORMAT_SYNONYMS, width: 180 },
  { key: 'included', label: 'Дата включения в базу', synonyms: ['дата включения', 'включен в базу', 'дата внесения', 'дата включения в программу'], type: 'date', width: 110 },
  { key: 'consent', label: 'Дата согласия на обработку ПДн', synonyms: CONSENT_SYNONYMS, type: 'date', width: 110 },
  { key: 'young', label: 'Молодой специалист', computed: true, width: 100 },
  { key: 'pairing', label: 'Пара', computed: true, width: 200 },
  DUPLICATE as ColumnDef<MenteeField>,
  REMARKS as ColumnDef<MenteeField>,
  PREVIOUS_ORGANISATION,
  MOVED_ON,
  {
    key: 'deficitsClosed',
    label: 'Дефициты закрыты (дата)',
    synonyms: ['дата закрытия дефицитов', 'дефициты закрыты', 'дефициты устранены', 'итоговая диагностика'],
    type: 'date',
    width: 110,
  },
  { key: 'left', label: 'Дата увольнения', synonyms: ['уволен', 'уволена', 'уволился', 'дата выбытия', 'выбыл'], type: 'date', width: 100 },
];

/** Columns only an existing list may have: the name split in three, and who is who. */
export const AUXILIARY_COLUMNS: readonly ColumnDef<AuxiliaryField>[] = [
  { key: 'surname', label: 'Фамилия', synonyms: ['фамилия'] },
  { key: 'firstName', label: 'Имя', synonyms: ['имя'] },
  { key: 'patronymic', label: 'Отчество', synonyms: ['отчество'] },
  { key: 'role', label: 'Роль в наставничестве', synonyms: ['роль', 'роль в программе', 'роль в паре', 'участник', 'статус участника', 'статус в программе наставничества'] },
];

export const PAIR_COLUMNS: readonly ColumnDef<PairField>[] = [
  { key: 'id', label: 'Код пары', width: 80 },
  { key: 'mentorId', label: 'Код наставника', width: 90 },
  { key: 'mentorName', label: 'Наставник', computed: true, width: 200 },
  { key: 'menteeIds', label: 'Коды наставляемых', width: 110 },
  { key: 'menteeNames', label: 'Наставляемые', computed: true, width: 220 },
  { key: 'rolePair', label: 'Форма наставничества', synonyms: ['форма', 'ролевая модель'], width: 170 },
  { key: 'format', label: 'Формат', width: 160 },
  { key: 'start', label: 'Начало ППН', type: 'date', width: 95 },
  { key: 'end', label: 'Окончание ППН', type: 'date', width: 95 },
  { key: 'orderNumber', label: '№ приказа', synonyms: ['приказ', 'номер приказа'], width: 80 },
  { key: 'orderDate', label: 'Дата приказа', type: 'date', width: 95 },
  { key: 'status', label: 'Статус', width: 100 },
  { key: 'reason', label: 'Причина / комментарий', synonyms: ['причина', 'комментарий', 'примечание'], width: 200 },
  { key: 'result', label: 'Результат', width: 200 },
  { key: 'mentorSatisfaction', label: 'Удовлетворённость наставника', type: 'number', width: 110 },
  { key: 'menteeSatisfaction', label: 'Удовлетворённость наставляемого', type: 'number', width: 110 },
  { key: 'lastActivity', label: 'Последняя активность', synonyms: ['последняя встреча', 'дата последней встречи'], type: 'date', width: 100 },
  { key: 'score', label: 'Оценка подбора', computed: true, type: 'number', width: 80 },
  { key: 'history', label: 'История', computed: true, width: 320 },
  { key: 'organisation', label: 'ОО пары', synonyms: ['оо', 'организация', 'код оо', 'оо, издавшая приказ'], width: 180 },
  { key: 'satisfactionScale', label: 'Шкала удовлетворённости', synonyms: ['шкала', 'шкала удовлетворенности', 'шкала оценки'], width: 110 },
];

/**
 * Optional columns only the indicators read. A list connected before they existed has no mapping for them:
 * they are found there by header (label or synonym) among the columns the mapping left free.
 */
export const INDICATOR_FIELDS: ReadonlySet<string> = new Set(['previousOrganisation', 'movedOn', 'deficitsClosed', 'left']);

export type HealthColumn = 'kind' | 'id' | 'who' | 'organisation' | 'message' | 'date' | 'days';

export const HEALTH_COLUMNS: readonly ColumnDef<HealthColumn>[] = [
  { key: 'kind', label: 'Что', width: 190 },
  { key: 'id', label: 'Код', width: 80 },
  { key: 'who', label: 'Кто', width: 280 },
  { key: 'organisation', label: 'ОО', width: 200 },
  { key: 'message', label: 'Подробности', width: 380 },
  { key: 'date', label: 'Дата', type: 'date', width: 95 },
  { key: 'days', label: 'Дней', type: 'number', width: 60 },
];

export function roleColumns(role: PeopleRole): readonly ColumnDef<string>[] {
  return role === 'organisation' ? ORGANISATION_COLUMNS : role === 'mentor' ? MENTOR_COLUMNS : MENTEE_COLUMNS;
}

/** The fields a coordinator may map when connecting an existing list (computed ones are the add-on's). */
export function mappingFields(role: PeopleRole): MappingField[] {
  const own = roleColumns(role).filter((c) => !c.computed);
  const extra = role === 'organisation' ? [] : AUXILIARY_COLUMNS;
  const nameKey = role === 'organisation' ? 'name' : 'fullName';
  return [...own, ...extra].map((c) => ({ key: c.key, label: c.label, synonyms: c.synonyms, required: c.key === nameKey }));
}

// ---------------------------------------------------------------------------------------------------------
// «Настройки подбора»

export interface PairingSettings {
  scoring: ScoringSettings;
  health: HealthSettings;
  /** Mentors shown for a mentee in the sidebar. */
  candidateCount: number;
  /** Places of a mentor whose capacity cell is empty. */
  defaultCapacity: number;
  /** Length of a new programme (ППН), months. */
  programmeMonths: number;
  defaultRolePair: string;
  defaultFormat: string;
}

type SettingKind = 'number' | 'boolean' | 'text';

interface SettingDef {
  label: string;
  kind: SettingKind;
  help: string;
  get(s: PairingSettings): number | boolean | string;
  set(s: PairingSettings, v: number | boolean | string): void;
  /** Allowed numeric range, inclusive. */
  min?: number;
  max?: number;
}

const w = (key: keyof ScoringSettings['weights'], label: string, help: string): SettingDef => ({
  label, kind: 'number', help, min: 0, max: 100,
  get: (s) => s.scoring.weights[key],
  set: (s, v) => { s.scoring.weights[key] = v as number; },
});

export const SETTING_DEFS: readonly SettingDef[] = [
  w('subject', 'Вес: тот же предмет', 'Насколько важно, чтобы предмет (направление) совпадал'),
  w('organisation', 'Вес: та же или партнёрская организация', 'Насколько важно работать в одной организации'),
  w('deficits', 'Вес: дефициты и сильные стороны', 'Насколько важно, чтобы сильные стороны наставника закрывали дефициты наставляемого'),
  w('experience', 'Вес: разница в стаже', 'Насколько важно, чтобы стаж наставника был больше'),
  w('level', 'Вес: уровень и категория наставника', 'Насколько важны уровень наставника и квалификационная категория'),
  w('format', 'Вес: предпочтительный формат', 'Насколько важно совпадение предпочтительных форм'),
  w('capacity', 'Вес: свободные места', 'Предпочитать наставников, у которых больше свободных мест'),
  {
    label: 'Требовать согласие на обработку ПДн для предложения пары', kind: 'boolean', help: 'да — без даты согласия пару нельзя даже предложить; утвердить пару без согласия нельзя никогда',
    get: (s) => s.scoring.constraints.requireConsent, set: (s, v) => { s.scoring.constraints.requireConsent = v as boolean; },
  },
  {
    label: 'Только наставники своей организации', kind: 'boolean', help: 'да — наставник из другой организации не предлагается',
    get: (s) => s.scoring.constraints.sameOrganisationOnly, set: (s, v) => { s.scoring.constraints.sameOrganisationOnly = v as boolean; },
  },
  {
    label: 'Разрешить организации-партнёры', kind: 'boolean', help: 'да — наставник из организации-партнёра (лист «Организации») допускается и при «только своей организации»',
    get: (s) => s.scoring.constraints.allowPartnerOrganisations, set: (s, v) => { s.scoring.constraints.allowPartnerOrganisations = v as boolean; },
  },
  {
    label: 'Разница в стаже, после которой она не важна, лет', kind: 'number', help: 'Большая разница в стаже не делает пару лучше', min: 0, max: 50,
    get: (s) => s.scoring.constraints.idealExperienceGap, set: (s, v) => { s.scoring.constraints.idealExperienceGap = v as number; },
  },
  {
    label: 'Доля слов дефицита, достаточная для совпадения', kind: 'number', help: 'От 0 до 1: 0,5 — совпадает половина значимых слов', min: 0, max: 1,
    get: (s) => s.scoring.constraints.deficitMatchShare, set: (s, v) => { s.scoring.constraints.deficitMatchShare = v as number; },
  },
  {
    label: 'ППН заканчивается в ближайшие, дней', kind: 'number', help: 'Пары, у которых ППН закончится в эти дни, попадают в «Состояние наставничества»', min: 0, max: 366,
    get: (s) => s.health.programmeEndingDays, set: (s, v) => { s.health.programmeEndingDays = v as number; },
  },
  {
    label: 'Наставляемый ждёт пару дольше, дней', kind: 'number', help: 'Наставляемые без пары дольше этого срока попадают в «Состояние наставничества»', min: 0, max: 3660,
    get: (s) => s.health.menteeWaitingDays, set: (s, v) => { s.health.menteeWaitingDays = v as number; },
  },
  {
    label: 'Нет активности пары дольше, дней', kind: 'number', help: 'Действующие пары без отметок в «Последняя активность» дольше этого срока', min: 0, max: 3660,
    get: (s) => s.health.pairInactiveDays, set: (s, v) => { s.health.pairInactiveDays = v as number; },
  },
  {
    label: 'Кандидатов в боковой панели', kind: 'number', help: 'Сколько наставников показывать для выбранного наставляемого', min: 1, max: 50,
    get: (s) => s.candidateCount, set: (s, v) => { s.candidateCount = v as number; },
  },
  {
    label: 'Мест у наставника, если не указано', kind: 'number', help: 'Если у наставника не заполнено «Макс. число наставляемых»', min: 0, max: 20,
    get: (s) => s.defaultCapacity, set: (s, v) => { s.defaultCapacity = v as number; },
  },
  {
    label: 'Длительность ППН по умолчанию, месяцев', kind: 'number', help: 'От 3 до 12 месяцев', min: 3, max: 12,
    get: (s) => s.programmeMonths, set: (s, v) => { s.programmeMonths = v as number; },
  },
  {
    label: 'Форма наставничества по умолчанию', kind: 'text', help: 'Для пар автоподбора; из справочника форм',
    get: (s) => s.defaultRolePair, set: (s, v) => { s.defaultRolePair = v as string; },
  },
  {
    label: 'Формат по умолчанию', kind: 'text', help: 'Для пар автоподбора; из справочника форматов',
    get: (s) => s.defaultFormat, set: (s, v) => { s.defaultFormat = v as string; },
  },
];

export function defaultPairingSettings(): PairingSettings {
  return {
    scoring: { weights: { ...DEFAULT_SCORING.weights }, constraints: { ...DEFAULT_SCORING.constraints } },
    health: { ...DEFAULT_HEALTH },
    candidateCount: 5,
    defaultCapacity: 1,
    programmeMonths: 9,
    defaultRolePair: DEFAULT_DICTIONARIES.rolePairs[0],
    defaultFormat: DEFAULT_DICTIONARIES.formats[0],
  };
}

export const SETTINGS_HEADER = ['Параметр', 'Значение', 'Пояснение'];

function settingText(v: number | boolean | string): string {
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (typeof v === 'number') return String(v).replace('.', ',');
  return v;
}

/** The settings sheet block: header, then one row per parameter. */
export function settingsGrid(s: PairingSettings = defaultPairingSettings()): string[][] {
  return [SETTINGS_HEADER, ...SETTING_DEFS.map((d) => [d.label, settingText(d.get(s)), d.help])];
}

/** A parameter's label, compared without case, «ё» and punctuation. */
export function settingLabelKey(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0]+/g, ' ').replace(/[«»".,:]/g, '').trim();
}

/**
 * Settings from the sheet's rows (parameter, value). A parameter missing, empty or unreadable keeps its default,
 * and an unreadable value is reported (the cell is left as typed).
 */
export function settingsFromRows(rows: readonly (readonly string[])[]): { settings: PairingSettings; problems: string[] } {
  const settings = defaultPairingSettings();
  const problems: string[] = [];
  const byLabel = new Map(SETTING_DEFS.map((d) => [settingLabelKey(d.label), d]));
  for (const row of rows) {
    const def = byLabel.get(settingLabelKey(row[0] ?? ''));
    const text = String(row[1] ?? '').trim();
    if (!def || text === '') continue;
    if (def.kind === 'boolean') {
      const t = text.toLowerCase();
      if (/^(да|true|истина|1|вкл|\+)$/.test(t)) def.set(settings, true);
      else if (/^(нет|false|ложь|0|выкл|-)$/.test(t)) def.set(settings, false);
      else problems.push(`Настройка «${def.label}»: «${text}» — ожидается «да» или «нет» (используется «${settingText(def.get(settings))}»)`);
    } else if (def.kind === 'number') {
      const n = /^-?\d+([.,]\d+)?$/.test(text) ? parseNumberText(text.replace(/^-/, '')) : null;
      const v = n === null ? null : text.startsWith('-') ? -n : n;
      if (v === null || (def.min !== undefined && v < def.min) || (def.max !== undefined && v > def.max)) {
        problems.push(`Настройка «${def.label}»: «${text}» — ожидается число от ${settingText(def.min ?? 0)} до ${settingText(def.max ?? 0)} (используется ${settingText(def.get(settings))})`);
      } else def.set(settings, v);
    } else def.set(settings, text);
  }
  return { settings, problems };
}

// ---------------------------------------------------------------------------------------------------------
// Document properties

/** Which existing sheet each role is read from (JSON, small). */
export const SOURCES_PROPERTY = 'nastavnik.people.sources';
/** The last number given to each id prefix, so deleted rows never give their id to someone else. */
export const ID_COUNTERS_PROPERTY = 'nastavnik.people.ids';
