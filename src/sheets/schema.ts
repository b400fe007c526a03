// The workbook schema: every sheet name and column header the add-on reads or writes, in one place.
import type { ColumnDef } from './columns';
import type { ParsedFields, TrackerRecord } from '../domain/tracker';

export const SHEETS = {
  roadmap: 'Дорожная карта',
  calendar: 'Календарь',
} as const;

/** Developer metadata key on each column the add-on manages (value: the column key). */
export const COLUMN_METADATA_KEY = 'nastavnik.column';
/** Description of the protections the add-on sets, so it can find and replace its own. */
export const PROTECTION_DESCRIPTION = 'Наставник: вычисляемые столбцы';

export type RoadmapColumn = keyof TrackerRecord;

export const ROADMAP_COLUMNS: readonly ColumnDef<RoadmapColumn>[] = [
  { key: 'number', label: '№', synonyms: ['№ п/п', 'n', 'номер', 'пункт'], width: 50 },
  { key: 'section', label: 'Раздел', synonyms: ['этап', 'направление'], width: 160 },
  { key: 'title', label: 'Мероприятие', synonyms: ['наименование мероприятия', 'мероприятия', 'наименование'], width: 320 },
  { key: 'result', label: 'Результат', synonyms: ['ожидаемый результат', 'задача', 'документ'], width: 240 },
  { key: 'responsible', label: 'Ответственные', synonyms: ['ответственный', 'исполнитель', 'ответственный исполнитель'], width: 180 },
  { key: 'deadlineText', label: 'Срок (как в документе)', synonyms: ['срок', 'сроки', 'сроки реализации', 'срок исполнения'], width: 160 },
  { key: 'start', label: 'Начало', computed: true, type: 'date', width: 90 },
  { key: 'end', label: 'Окончание', computed: true, type: 'date', width: 90 },
  { key: 'nextDue', label: 'Ближайший срок', computed: true, type: 'date', width: 100 },
  { key: 'kind', label: 'Вид срока', computed: true, width: 100 },
  { key: 'recurrence', label: 'Повторяемость', computed: true, width: 120 },
  { key: 'status', label: 'Статус', synonyms: ['состояние', 'отметка о выполнении'], width: 120 },
  { key: 'doneDate', label: 'Дата выполнения', synonyms: ['выполнено', 'дата исполнения'], type: 'date', width: 100 },
  { key: 'evidence', label: 'Подтверждение (ссылка)', synonyms: ['подтверждение', 'ссылка', 'доказательство'], type: 'link', width: 180 },
  { key: 'comment', label: 'Комментарий', synonyms: ['примечание', 'комментарии'], width: 200 },
  { key: 'importNote', label: 'Замечания импорта', computed: true, width: 200 },
  { key: 'id', label: 'Код', computed: true, width: 70 },
];

/** Columns that come from the roadmap text: an import rewrites them. */
export const PARSED_KEYS: readonly (keyof ParsedFields)[] = [
  'number', 'section', 'title', 'result', 'responsible', 'deadlineText', 'start', 'end', 'nextDue', 'kind', 'recurrence',
];

export type CalendarColumn = 'month' | 'start' | 'end' | 'number' | 'title' | 'responsible' | 'state' | 'id';

export const CALENDAR_COLUMNS: readonly ColumnDef<CalendarColumn>[] = [
  { key: 'month', label: 'Месяц', width: 110 },
  { key: 'start', label: 'Начало', type: 'date', width: 90 },
  { key: 'end', label: 'Окончание', type: 'date', width: 90 },
  { key: 'number', label: '№', width: 50 },
  { key: 'title', label: 'Мероприятие', width: 340 },
  { key: 'responsible', label: 'Ответственные', width: 180 },
  { key: 'state', label: 'Состояние', width: 120 },
  { key: 'id', label: 'Код', width: 70 },
];
