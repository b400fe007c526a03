// The indicator sheets of the workbook: «Цели» (targets per indicator and year), «Чек-лист внедрения» (one row per
// organisation), «Показатели» (the dashboard the add-on rebuilds) and «История показателей» (one snapshot per
// reporting date), plus the optional columns the people sheets may carry for indicators (people who moved,
// who left, whose deficits were closed) and the staff list. Sheet names and column headers live here only.
import type { ColumnDef } from './columns';
import { CHECKLIST_ITEMS, type ChecklistItemId } from '../domain/checklist';
import { HISTORY_HEADERS } from '../domain/indicator-history';
import { MENTEE_COLUMNS } from './people-schema';

export const INDICATOR_SHEETS = {
  targets: 'Цели',
  checklist: 'Чек-лист внедрения',
  dashboard: 'Показатели',
  history: 'История показателей',
  /** The staff list (all teaching staff, not only mentoring participants): the population of «доля педагогов…». */
  staff: 'Педагоги',
} as const;

// ---------------------------------------------------------------------------------------------------------
// «Цели»

export type TargetColumn = 'indicator' | 'year' | 'scope' | 'bound' | 'percent' | 'count' | 'split' | 'of' | 'text';

export const TARGET_COLUMNS: readonly ColumnDef<TargetColumn>[] = [
  { key: 'indicator', label: 'Показатель', synonyms: ['наименование показателя', 'индикатор', 'код показателя', 'целевой показатель'], width: 340 },
  { key: 'year', label: 'Год', synonyms: ['год', 'на год', 'период', 'срок'], type: 'number', width: 60 },
  { key: 'scope', label: 'Срез', synonyms: ['для кого', 'уровень', 'оо', 'организация', 'вид оо'], width: 200 },
  { key: 'bound', label: 'Условие', synonyms: ['граница', 'не менее/не более', 'условие'], width: 90 },
  { key: 'percent', label: 'Цель, %', synonyms: ['цель %', 'процент', 'доля', 'значение, %', 'значение %'], type: 'number', width: 80 },
  { key: 'count', label: 'Цель, количество', synonyms: ['цель, число', 'количество', 'число', 'значение, количество'], type: 'number', width: 100 },
  { key: 'split', label: 'в т. ч. по видам ОО', synonyms: ['по видам оо', 'в том числе', 'в т ч', 'в тч по видам оо'], width: 180 },
  { key: 'of', label: 'Из (всего)', synonyms: ['из', 'всего', 'база'], type: 'number', width: 80 },
  { key: 'text', label: 'Формулировка в документе', synonyms: ['формулировка', 'целевое значение', 'значение', 'цель', 'источник'], width: 320 },
];

export const TARGET_BOUND_LABELS = { min: 'не менее', max: 'не более' } as const;

// ---------------------------------------------------------------------------------------------------------
// «Чек-лист внедрения»

export type ChecklistColumn = 'organisation' | 'name' | ChecklistItemId | 'comment';

/** Shorter headers curators use for the same items in their own tables. */
const ITEM_SYNONYMS: Readonly<Record<ChecklistItemId, readonly string[]>> = {
  'website-section': ['раздел на сайте', 'раздел наставничество на сайте', 'сайт', 'раздел сайта'],
  'model-order': ['приказ о внедрении', 'приказ о внедрении целевой модели', 'приказ о внедрении модели'],
  regulation: ['положение о наставничестве', 'положение о системе наставничества', 'положение'],
  roadmap: ['дорожная карта', 'план мероприятий', 'дорожная карта внедрения'],
  programme: ['программа наставничества', 'программа'],
  'curator-order': ['приказ о назначении куратора', 'приказ о кураторе', 'куратор'],
  database: ['база наставников', 'база наставников и наставляемых', 'база'],
  'reward-rule': ['положение о поощрении', 'поощрение наставников', 'стимулирование наставников'],
  'pair-orders': ['приказ о закреплении пар', 'приказы о закреплении', 'приказ о закреплении наставнических пар'],
  'pair-count': ['количество пар', 'количество пар/групп', 'число пар', 'пар/групп по приказам'],
};

export const CHECKLIST_COLUMNS: readonly ColumnDef<ChecklistColumn>[] = [
  { key: 'organisation', label: 'Код ОО', synonyms: ['код', 'код оо', 'id', 'код организации'], width: 80 },
  { key: 'name', label: 'Наименование ОО', synonyms: ['наименование', 'оо', 'организация', 'образовательная организация'], width: 260 },
  ...CHECKLIST_ITEMS.map((item): ColumnDef<ChecklistColumn> => ({
    key: item.id,
    label: item.label,
    synonyms: ITEM_SYNONYMS[item.id],
    type: item.kind === 'number' ? 'number' : 'link',
    width: item.kind === 'number' ? 110 : 170,
  })),
  { key: 'comment', label: 'Комментарий', synonyms: ['примечание', 'комментарии'], width: 220 },
];

// ---------------------------------------------------------------------------------------------------------
// «История показателей»

export type HistoryColumn = 'date' | 'indicatorId' | 'scope' | 'numerator' | 'denominator' | 'value' | 'indicatorName' | 'scopeName';

const [H_DATE, H_INDICATOR, H_SCOPE, H_NUM, H_DEN, H_VALUE] = HISTORY_HEADERS;

/** The first six are the domain's HISTORY_HEADERS (ids and scope keys, what is read back); the names are for people. */
export const HISTORY_COLUMNS: readonly ColumnDef<HistoryColumn>[] = [
  { key: 'date', label: H_DATE, synonyms: ['дата снимка', 'на дату'], type: 'date', width: 90 },
  { key: 'indicatorId', label: H_INDICATOR, synonyms: ['код показателя'], width: 230 },
  { key: 'scope', label: H_SCOPE, synonyms: ['код среза'], width: 120 },
  { key: 'numerator', label: H_NUM, type: 'number', width: 90 },
  { key: 'denominator', label: H_DEN, type: 'number', width: 100 },
  { key: 'value', label: H_VALUE, type: 'number', width: 90 },
  { key: 'indicatorName', label: 'Наименование показателя', computed: true, width: 360 },
  { key: 'scopeName', label: 'Наименование среза', computed: true, width: 260 },
];

// ---------------------------------------------------------------------------------------------------------
// «Показатели» (the dashboard)

export type DashboardColumn =
  | 'indicator' | 'scopeName' | 'kind' | 'numerator' | 'denominator' | 'value' | 'target' | 'targetText' | 'gap' | 'status'
  | 'sparkline' | 'change' | 'indicatorId' | 'scope' | 'notes';

export const DASHBOARD_COLUMNS: readonly ColumnDef<DashboardColumn>[] = [
  { key: 'indicator', label: 'Показатель', width: 300 },
  { key: 'scopeName', label: 'Срез', width: 240 },
  { key: 'kind', label: 'Вид ОО', width: 170 },
  { key: 'numerator', label: 'Числитель', type: 'number', width: 85 },
  { key: 'denominator', label: 'Знаменатель', type: 'number', width: 95 },
  { key: 'value', label: 'Значение', type: 'number', width: 85 },
  { key: 'target', label: 'Цель', type: 'number', width: 70 },
  { key: 'targetText', label: 'Цель (как задана)', width: 190 },
  { key: 'gap', label: 'До цели', type: 'number', width: 85 },
  { key: 'status', label: 'Статус', width: 110 },
  { key: 'sparkline', label: 'Динамика', width: 120 },
  { key: 'change', label: 'Изменение', type: 'number', width: 90 },
  { key: 'indicatorId', label: 'Код показателя', width: 200 },
  { key: 'scope', label: 'Код среза', width: 110 },
  { key: 'notes', label: 'Замечания', width: 420 },
];

/** Rows above the dashboard's table: a title, a line on targets and colours, a blank row. */
export const DASHBOARD_TITLE_ROWS = 3;

export const STATUS_COLORS = { met: '#d9ead3', close: '#fff2cc', behind: '#f4cccc' } as const;

// ---------------------------------------------------------------------------------------------------------
// «Педагоги»

export type StaffColumn = 'id' | 'fullName' | 'organisation' | 'birthDate' | 'age' | 'experience';

const STAFF_KEYS: readonly StaffColumn[] = ['id', 'fullName', 'organisation', 'birthDate', 'age', 'experience'];

export const STAFF_COLUMNS: readonly ColumnDef<StaffColumn>[] = STAFF_KEYS.map(
  (k) => MENTEE_COLUMNS.find((c) => c.key === k) as ColumnDef<StaffColumn>,
);
