// Custom functions. Each export needs JSDoc with @customfunction and a @param per parameter: build.mjs copies
// it onto the top-level stub, which is what Sheets reads for autocomplete. They run in
// AuthMode.CUSTOM_FUNCTION: no services that need authorisation, only their arguments.
import { STATE_LABELS } from '../domain/calendar';
import { occurrences, occurrenceStatus, parseDeadline } from '../domain/deadline';
import { isIsoDate } from '../domain/iso-date';
import { KIND_LABELS, recurrenceLabel } from '../domain/tracker';
import type { IsoDate, Period } from '../domain/types';
import { cellDate, cellText, dateToIso, isoToDate } from '../sheets/cells';

type Cell = string | number | boolean | Date | null | undefined;
type Input = Cell | Cell[][];

/** A range arrives as a 2-D array, a single cell as a value: both become rows of cells. */
function rows(input: Input): Cell[][] {
  return Array.isArray(input) ? input : [[input]];
}

function firstCell(input: Input): Cell {
  return Array.isArray(input) ? input[0]?.[0] : input;
}

function dateArg(value: Input, name: string, fn: string): IsoDate | '' {
  const { iso, bad } = cellDate(firstCell(value));
  if (bad !== null) throw new Error(`${fn}: ${name} «${bad}» — не дата. Укажите дату (ДД.ММ.ГГГГ) или ссылку на ячейку с датой.`);
  return iso;
}

function periodArgs(start: Input, end: Input, fn: string): Period | null {
  const s = dateArg(start, 'начало периода', fn);
  const e = dateArg(end, 'окончание периода', fn);
  if (!s && !e) return null;
  if (!s || !e) throw new Error(`${fn}: укажите и начало, и окончание периода плана (или ни то, ни другое).`);
  if (s > e) throw new Error(`${fn}: начало периода ${s} позже окончания ${e}.`);
  return { start: s, end: e };
}

function dateCell(iso: IsoDate | ''): Date | string {
  return isIsoDate(iso) ? isoToDate(iso) : '';
}

/**
 * Распознаёт срок мероприятия дорожной карты («Декабрь 2022», «ежегодно, май», «в течение учебного года»)
 * и возвращает строку: вид срока, начало, окончание, повторяемость. Для диапазона — строку на каждую строку.
 *
 * @param {A2:A40} text Текст срока или диапазон со сроками.
 * @param {"01.09.2023"} period_start Необязательно: начало периода плана (для месяцев без года).
 * @param {"31.08.2024"} period_end Необязательно: окончание периода плана.
 * @return Вид срока, начало, окончание, повторяемость.
 * @customfunction
 */
export function ROADMAP_DEADLINE(text: Input, period_start?: Input, period_end?: Input): (string | Date)[][] {
  const period = periodArgs(period_start, period_end, 'ROADMAP_DEADLINE');
  return rows(text).map((row) => {
    const t = cellText(row.find((c) => cellText(c) !== '') ?? '');
    if (!t) return ['', '', '', ''];
    const d = parseDeadline(t, period);
    const starts = d.windows.map((w) => w.start).sort();
    const ends = d.windows.map((w) => w.end).sort();
    return [KIND_LABELS[d.kind], dateCell(starts[0] ?? ''), dateCell(ends[ends.length - 1] ?? ''), recurrenceLabel(d.recurrence)];
  });
}

/**
 * Все сроки мероприятия за период плана: повторяющиеся («ежегодно, май») разворачиваются в отдельные строки
 * с датами начала и окончания.
 *
 * @param {"ежегодно, май"} text Текст срока.
 * @param {"01.09.2022"} period_start Начало периода плана.
 * @param {"31.08.2024"} period_end Окончание периода плана.
 * @return Строки: начало, окончание.
 * @customfunction
 */
export function ROADMAP_OCCURRENCES(text: Input, period_start?: Input, period_end?: Input): (string | Date)[][] {
  const period = periodArgs(period_start, period_end, 'ROADMAP_OCCURRENCES');
  const t = cellText(firstCell(text));
  if (!t) return [['', '']];
  const list = occurrences(parseDeadline(t, period), period);
  return list.length ? list.map((w) => [isoToDate(w.start), isoToDate(w.end)]) : [['без даты', '']];
}

function isDone(v: Cell): boolean {
  if (v === true) return true;
  if (Object.prototype.toString.call(v) === '[object Date]') return true;
  const s = cellText(v).toLowerCase();
  return s === 'выполнено' || s === 'да' || s === 'true' || s === 'истина' || /^\d{4}-\d{2}-\d{2}$/.test(s);
}

/**
 * Состояние срока на дату: «выполнено», «просрочено», «срок скоро» (14 дней), «идёт», «запланировано» или
 * «без срока». Принимает диапазоны одинаковой высоты и возвращает значение на каждую строку.
 *
 * @param {H2:H40} end Окончание срока (дата) или диапазон дат.
 * @param {G2:G40} start Необязательно: начало срока.
 * @param {L2:L40} done Необязательно: отметка о выполнении (флажок, «выполнено» или дата выполнения).
 * @param {"01.12.2023"} as_of Необязательно: на какую дату (по умолчанию — сегодня; пересчитывается при изменении аргументов).
 * @return Состояние на дату.
 * @customfunction
 */
export function ROADMAP_STATUS(end: Input, start?: Input, done?: Input, as_of?: Input): string[][] {
  const asOf = dateArg(as_of, 'дата', 'ROADMAP_STATUS') || dateToIso(new Date());
  const ends = rows(end);
  const starts = start === undefined || start === '' ? [] : rows(start);
  const dones = done === undefined || done === '' ? [] : rows(done);
  if (starts.length > 1 && starts.length !== ends.length) throw new Error('ROADMAP_STATUS: диапазоны «окончание» и «начало» разной высоты.');
  if (dones.length > 1 && dones.length !== ends.length) throw new Error('ROADMAP_STATUS: диапазоны «окончание» и «выполнено» разной высоты.');
  return ends.map((row, i) => {
    const e = cellDate(row[0]);
    if (e.bad !== null) return [`ошибка: «${e.bad}» — не дата`];
    const s = cellDate((starts.length > 1 ? starts[i] : starts[0])?.[0]);
    const d = (dones.length > 1 ? dones[i] : dones[0])?.[0];
    if (!e.iso) return [isDone(d) ? STATE_LABELS.done : STATE_LABELS['no-date']];
    const window = { start: s.iso && s.iso <= e.iso ? s.iso : e.iso, end: e.iso };
    return [STATE_LABELS[occurrenceStatus(window, asOf, isDone(d))]];
  });
}
