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

// ------------------------------------------------------------------------------------------- reports (issue 7)
// «Расписание отчётов»: what is produced when, and «Журнал отчётов»: every run and every report.

export const REPORT_SHEETS = {
  schedule: 'Расписание отчётов',
  log: 'Журнал отчётов',
} as const;

export type ScheduleColumn = keyof import('../domain/report-schedule').ScheduleRecord;

export const SCHEDULE_COLUMNS: readonly ColumnDef<ScheduleColumn>[] = [
  { key: 'code', label: 'Код', synonyms: ['код отчета'], width: 150 },
  { key: 'kind', label: 'Вид отчёта', synonyms: ['вид отчета', 'вид', 'отчет'], width: 220 },
  { key: 'date', label: 'Дата', synonyms: ['дата формирования', 'срок'], type: 'date', width: 90 },
  { key: 'recipients', label: 'Получатели', synonyms: ['получатель', 'адресат', 'кому'], width: 200 },
  { key: 'template', label: 'Шаблон (ссылка или id)', synonyms: ['шаблон'], type: 'link', width: 200 },
  { key: 'folder', label: 'Папка (ссылка или id)', synonyms: ['папка'], type: 'link', width: 200 },
  { key: 'anonymised', label: 'Обезличенный (да/нет)', synonyms: ['обезличенный', 'обезличить', 'обезличено'], width: 110 },
  { key: 'source', label: 'Источник', synonyms: ['источник'], width: 130 },
  { key: 'state', label: 'Состояние', synonyms: ['состояние', 'статус'], width: 120 },
  { key: 'link', label: 'Ссылка на документ', synonyms: ['ссылка', 'документ'], type: 'link', computed: true, width: 240 },
  { key: 'generated', label: 'Сформирован', synonyms: ['дата формирования документа'], type: 'date', computed: true, width: 100 },
  { key: 'basis', label: 'Основание', synonyms: ['мероприятие дорожной карты', 'мероприятие'], width: 320 },
];

export type ReportLogColumn = 'time' | 'launch' | 'code' | 'status' | 'message' | 'link';

export const REPORT_LOG_COLUMNS: readonly ColumnDef<ReportLogColumn>[] = [
  // 'number' so the cell keeps the Date written to it (text columns are formatted as plain text).
  { key: 'time', label: 'Время', type: 'number', width: 130 },
  { key: 'launch', label: 'Запуск', width: 120 },
  { key: 'code', label: 'Код отчёта', synonyms: ['код'], width: 150 },
  { key: 'status', label: 'Статус', width: 110 },
  { key: 'message', label: 'Сообщение', width: 460 },
  { key: 'link', label: 'Ссылка', type: 'link', width: 240 },
];
