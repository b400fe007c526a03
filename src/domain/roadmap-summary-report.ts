// «Сводка по дорожной карте»: the report the add-on can produce from the tracker alone — how the roadmap is
// being carried out on a date, what is overdue, what falls due within a month, and short conclusions.
// Pure: records in, a ReportDocument out. The справка with mentoring indicators is a separate builder.
import { buildCalendar, compareNumbers } from './calendar';
import { addMonths, diffDays, formatRuDate } from './iso-date';
import { ReportBuilder, type ReportDocument } from './report-doc';
import { countWord, formatDateLong, formatNumber, formatPeriod, formatShare, type PluralForms } from './russian';
import { executionSummary, statusOn, type TrackerRecord } from './tracker';
import type { IsoDate, Period } from './types';

export interface RoadmapSummaryInput {
  records: readonly TrackerRecord[];
  period: Period | null;
  /** The roadmap's title as imported. */
  title: string;
  /** The date the figures are counted on. */
  asOf: IsoDate;
  /** Leave out who is responsible and mask personal names (the report leaves the workbook). */
  anonymise: boolean;
}

const ACTIVITIES: PluralForms = ['мероприятие', 'мероприятия', 'мероприятий'];
/** After «из»: genitive — «из 1 мероприятия», «из 3 мероприятий». */
const OF_ACTIVITIES: PluralForms = ['мероприятия', 'мероприятий', 'мероприятий'];
const DAYS: PluralForms = ['день', 'дня', 'дней'];
const REMOVED_PREFIX = 'нет в новой редакции';

// «Ковалёва Л.Ю.», «Ковалёву Л. Ю.», «Л.Ю. Ковалёва»: the ways Russian documents name a person.
const SURNAME_INITIALS = /[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.?/g;
const INITIALS_SURNAME = /[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?/g;

/** Personal names written with initials replaced by «[ФИО]» (152-ФЗ: a report that leaves must not name people). */
export function maskPersonalNames(text: string): string {
  return text.replace(INITIALS_SURNAME, '[ФИО]').replace(SURNAME_INITIALS, '[ФИО]');
}

function clean(text: string, anonymise: boolean): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return anonymise ? maskPersonalNames(t) : t;
}

export function roadmapSummaryReport(input: RoadmapSummaryInput): ReportDocument {
  const { asOf, period, anonymise } = input;
  const records = input.records.filter((r) => !r.importNote.trim().toLowerCase().startsWith(REMOVED_PREFIX));
  const sum = executionSummary([...records], asOf);
  const active = sum.total - sum.cancelled;
  const asOfText = formatDateLong(asOf);
  const b = new ReportBuilder('Сводка о ходе реализации дорожной карты', { numberTables: true }).subtitle(`по состоянию на ${asOfText}`);

  b.heading('1. Общие сведения');
  if (input.title.trim()) b.paragraph(`Дорожная карта: «${clean(input.title, anonymise)}».`);
  if (period) b.paragraph(`Период реализации: ${formatPeriod(period.start, period.end)}.`);
  b.paragraph(
    `Всего в дорожной карте ${countWord(sum.total, ACTIVITIES)}` +
      (sum.cancelled ? `, из них отменено ${formatNumber(sum.cancelled)}.` : '.'),
  );

  b.heading('2. Исполнение мероприятий');
  b.paragraph(
    `На ${asOfText} выполнено ${formatNumber(sum.done)} из ${countWord(active, OF_ACTIVITIES)} (${formatShare(sum.done, active)}), ` +
      `в том числе в срок — ${formatNumber(sum.doneOnTime)}; просрочено — ${formatNumber(sum.overdue)}; ` +
      `в работе и запланировано — ${formatNumber(sum.open)}.`,
  );
  const row = (label: string, n: number): string[] => [label, formatNumber(n), formatShare(n, active)];
  b.table({
    name: 'execution',
    caption: 'Исполнение мероприятий дорожной карты',
    header: ['Показатель', 'Количество', 'Доля от действующих мероприятий'],
    rows: [
      ['Мероприятий в дорожной карте', formatNumber(sum.total), ''],
      ['Отменено', formatNumber(sum.cancelled), ''],
      row('Действующих мероприятий', active),
      row('Выполнено', sum.done),
      row('из них в срок', sum.doneOnTime),
      row('Просрочено', sum.overdue),
      row('В работе и запланировано', sum.open),
    ],
  });

  const overdue = records
    .filter((r) => statusOn(r, asOf) === 'просрочено')
    .sort((x, y) => x.end.localeCompare(y.end) || compareNumbers(x.number, y.number));
  b.heading('3. Просроченные мероприятия');
  if (overdue.length === 0) {
    b.paragraph('Просроченных мероприятий нет.');
  } else {
    b.table({
      name: 'overdue',
      caption: 'Просроченные мероприятия',
      header: anonymise
        ? ['№', 'Мероприятие', 'Срок по дорожной карте', 'Окончание срока', 'Просрочка']
        : ['№', 'Мероприятие', 'Срок по дорожной карте', 'Окончание срока', 'Просрочка', 'Ответственные'],
      rows: overdue.map((r) => {
        const cells = [
          r.number,
          clean(r.title, anonymise),
          clean(r.deadlineText, false),
          r.end ? formatRuDate(r.end) : '',
          r.end ? countWord(diffDays(r.end, asOf), DAYS) : '',
        ];
        return anonymise ? cells : [...cells, clean(r.responsible, false)];
      }),
    });
  }

  const horizon = addMonths(asOf, 1);
  const byId = new Map(records.map((r) => [r.id, r]));
  const upcoming = buildCalendar(records, period, asOf).rows.filter(
    (c) => c.end !== '' && c.end > asOf && c.end <= horizon && c.state !== 'выполнено' && c.state !== 'отменено',
  );
  b.heading('4. Мероприятия на ближайший месяц');
  if (upcoming.length === 0) {
    b.paragraph(`До ${formatDateLong(horizon)} сроков мероприятий нет.`);
  } else {
    b.paragraph(`Сроки, наступающие до ${formatDateLong(horizon)}:`);
    b.table({
      name: 'upcoming',
      caption: 'Мероприятия со сроком в ближайший месяц',
      header: anonymise ? ['№', 'Мероприятие', 'Срок'] : ['№', 'Мероприятие', 'Срок', 'Ответственные'],
      rows: upcoming.map((c) => {
        const cells = [c.number, clean(c.title, anonymise), formatPeriod(c.start || c.end, c.end)];
        return anonymise ? cells : [...cells, clean(byId.get(c.id)?.responsible ?? c.responsible, false)];
      }),
    });
  }

  b.heading('5. Выводы');
  const conclusions: string[] = [];
  if (active === 0) {
    conclusions.push('В дорожной карте нет действующих мероприятий: загрузите её через «Наставник → Импорт дорожной карты…».');
  } else {
    conclusions.push(`Выполнено ${formatNumber(sum.done)} из ${countWord(active, OF_ACTIVITIES)} (${formatShare(sum.done, active)}).`);
    const late = sum.done - sum.doneOnTime;
    if (late > 0) conclusions.push(`С нарушением срока выполнено ${countWord(late, ACTIVITIES)}.`);
    if (sum.overdue > 0) {
      const them = sum.overdue === 1 ? 'его или перенести срок' : 'их или перенести сроки';
      conclusions.push(`Просрочено ${countWord(sum.overdue, ACTIVITIES)}: следует выполнить ${them} с указанием причин.`);
    } else {
      conclusions.push('Просроченных мероприятий нет.');
    }
    if (upcoming.length > 0) conclusions.push(`До ${formatDateLong(horizon)} наступают сроки ${upcoming.length === 1 ? 'одного мероприятия' : `${formatNumber(upcoming.length)} мероприятий`}.`);
  }
  b.list(conclusions);

  b.placeholder('date', asOfText)
    .placeholder('roadmap', clean(input.title, anonymise))
    .placeholder('period', period ? formatPeriod(period.start, period.end) : '')
    .placeholder('total', formatNumber(sum.total))
    .placeholder('done', formatNumber(sum.done))
    .placeholder('overdue', formatNumber(sum.overdue))
    .placeholder('donePercent', formatShare(sum.done, active));
  return b.build();
}
