// Custom functions. Each export needs JSDoc with @customfunction and a @param per parameter: build.mjs copies
// it onto the top-level stub, which is what Sheets reads for autocomplete. They run in
// AuthMode.CUSTOM_FUNCTION: no services that need authorisation, only their arguments.
import { STATE_LABELS } from '../domain/calendar';
import { occurrences, occurrenceStatus, parseDeadline } from '../domain/deadline';
import { isIsoDate } from '../domain/iso-date';
import { KIND_LABELS, recurrenceLabel } from '../domain/tracker';
import type { IsoDate, Period } from '../domain/types';
import { cellDate, cellText, dateToIso, isoToDate } from '../sheets/cells';
import { fractionFor, indicatorById, parseIndicatorId, type Fraction, type IndicatorId } from '../domain/indicators';
import { youngSpecialistStatus } from '../domain/people';
import { parseDateText, parseNumberText } from '../domain/people-records';
import { parseTargetScope } from '../domain/targets';
import {
  checklistFromRow,
  findHeader,
  ITEM_DEFS,
  MENTEE_RANGE_COLUMNS,
  menteesFrom,
  MENTOR_RANGE_COLUMNS,
  mentorsFrom,
  ORGANISATION_RANGE_COLUMNS,
  organisationsFrom,
  PAIR_RANGE_COLUMNS,
  pairsFrom,
  peopleContext,
  tableRows,
  type TableRow,
} from '../sheets/indicator-ranges';

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

// ---------------------------------------------------------------------------------------------------------
// Coverage indicators (issue 6). The ranges are read with the people sheets' column definitions, so a range of
// the add-on's own sheets, or of a coordinator's table with the usual headers, works without configuration.

type Roles = 'mentors' | 'mentees' | 'pairs' | 'orgs';

const ROLE_WORDS: Readonly<Record<Roles, string>> = { mentors: 'наставников', mentees: 'наставляемых', pairs: 'пар и групп', orgs: 'организаций' };

/** Which ranges an indicator cannot be counted without; the others may be left empty. */
const RANGES_NEEDED: Readonly<Partial<Record<IndicatorId, readonly Roles[]>>> = {
  'young-specialists-in-mentoring': ['mentees', 'pairs'],
  'active-pairs': ['pairs'],
  'mentees-per-mentor': ['pairs'],
  'mentors-over-capacity': ['pairs', 'mentors'],
  'model-implemented': ['orgs'],
  'curator-appointed': ['orgs'],
  'programmes-completed': ['pairs'],
  'deficits-closed': ['pairs', 'mentees'],
  'mentor-satisfaction': ['pairs'],
  'mentee-satisfaction': ['pairs'],
  'young-specialists-retained': ['pairs', 'mentees'],
};

const NOT_FROM_RANGES: Readonly<Partial<Record<IndicatorId, string>>> = {
  'teachers-under-35-involved': 'по списку всех педагогов',
  'teachers-as-mentors': 'по списку всех педагогов',
  'roadmap-on-time': 'по листу «Дорожная карта»',
  'roadmap-overdue': 'по листу «Дорожная карта»',
};

/** A range argument as a grid; null when it was left empty. */
function gridArg(input: Input | undefined): Cell[][] | null {
  if (input === undefined || input === null) return null;
  const g = rows(input as Input);
  return g.some((r) => r.some((c) => cellText(c) !== '')) ? g : null;
}

function tableArg(fn: string, role: Roles, grid: Cell[][] | null, defs: Parameters<typeof findHeader>[1], keys: readonly (readonly string[])[]): TableRow[] {
  if (!grid) return [];
  const table = findHeader(grid, defs);
  const missing = keys.filter((alternatives) => !alternatives.some((k) => table?.index.has(k)));
  if (!table || missing.length) {
    const names = missing.map((alternatives) => alternatives.map((k) => `«${defs.find((d) => d.key === k)?.label ?? k}»`).join(' или '));
    throw new Error(`${fn}: в диапазоне ${ROLE_WORDS[role]} не найдена строка заголовков со столбцами ${names.join(', ')}. ` +
      'Выделите диапазон вместе с заголовками.');
  }
  return tableRows(table);
}

function indicatorArg(fn: string, input: Input): IndicatorId {
  const text = cellText(firstCell(input));
  const id = parseIndicatorId(text);
  if (!id) {
    throw new Error(`${fn}: показатель «${text}» не найден. Укажите код (например, young-specialists-in-mentoring) или название, как на листе «Показатели».`);
  }
  const elsewhere = NOT_FROM_RANGES[id];
  if (elsewhere) throw new Error(`${fn}: «${indicatorById(id).name}» считается ${elsewhere}: смотрите лист «Показатели» (меню «Обновить показатели»).`);
  return id;
}

function coverageResult(fn: string, indicator: Input, mentors: Input, mentees: Input, pairs: Input, orgs: Input, asOfInput: Input) {
  const id = indicatorArg(fn, indicator);
  const asOf = dateArg(asOfInput, 'дата расчёта', fn) || dateToIso(new Date());
  const grids: Record<Roles, Cell[][] | null> = { mentors: gridArg(mentors), mentees: gridArg(mentees), pairs: gridArg(pairs), orgs: gridArg(orgs) };
  for (const role of RANGES_NEEDED[id] ?? []) {
    if (!grids[role]) throw new Error(`${fn}: для показателя «${indicatorById(id).name}» укажите диапазон ${ROLE_WORDS[role]}.`);
  }
  const orgRows = tableArg(fn, 'orgs', grids.orgs, ORGANISATION_RANGE_COLUMNS, [['id', 'name']]);
  const organisations = organisationsFrom(orgRows);
  const hasChecklist = orgRows.length > 0 && ITEM_DEFS.some((d) => orgRows[0].index.has(d.key));
  if (id === 'model-implemented' && !hasChecklist) {
    throw new Error(`${fn}: для «${indicatorById(id).name}» в диапазоне организаций нужны столбцы чек-листа: укажите лист «Чек-лист внедрения».`);
  }
  const checklist = hasChecklist
    ? orgRows.flatMap((r, i) => {
      const c = checklistFromRow(organisations[i]?.id ?? '', r.cells, r.index);
      return c && organisations[i] ? [c] : [];
    })
    : [];
  const ctx = peopleContext(organisations);
  const mentorList = mentorsFrom(tableArg(fn, 'mentors', grids.mentors, MENTOR_RANGE_COLUMNS, [['id', 'fullName', 'surname']]), ctx);
  const menteeList = menteesFrom(tableArg(fn, 'mentees', grids.mentees, MENTEE_RANGE_COLUMNS, [['id', 'fullName', 'surname']]), ctx);
  const pairRows = tableArg(fn, 'pairs', grids.pairs, PAIR_RANGE_COLUMNS, [['mentorId', 'mentorName'], ['menteeIds', 'menteeNames'], ['status', 'history']]);
  const pairList = pairsFrom(pairRows, { mentors: mentorList, mentees: menteeList, organisations: ctx.organisations }, asOf);
  const data = { organisations, mentors: mentorList, mentees: menteeList, pairs: pairList, checklist };
  return { id, asOf, organisations, result: indicatorById(id).compute(data, asOf) };
}

/**
 * Показатель наставничества на дату — одно значение: доля (от 0 до 1, отформатируйте ячейку как «%»), число или
 * среднее. Диапазоны выделяйте вместе с заголовками: столбцы находятся по названиям («Код», «ОО», «Дата рождения»,
 * «Педагогический стаж», «Статус», «История»…), пустые строки и лишние столбцы не мешают. Ненужные показателю
 * диапазоны можно оставить пустыми.
 *
 * @param {"young-specialists-in-mentoring"} indicator Код показателя или его название (как на листе «Показатели»).
 * @param {Наставники!A1:O} mentors Диапазон наставников с заголовками.
 * @param {Наставляемые!A1:S} mentees Диапазон наставляемых с заголовками.
 * @param {Пары!A1:S} pairs Диапазон пар и групп с заголовками.
 * @param {Организации!A1:G} orgs Диапазон организаций с заголовками; для «доли ОО, внедривших модель» — лист «Чек-лист внедрения».
 * @param {"ОО-01"} org Необязательно: код или наименование ОО, вид ОО («ДОУ», «школы») или «итого» (по умолчанию).
 * @param {"01.12.2023"} as_of Необязательно: дата расчёта (по умолчанию — сегодня).
 * @return Значение показателя; «нет данных», когда считать не из кого.
 * @customfunction
 */
export function COVERAGE(indicator: Input, mentors: Input, mentees: Input, pairs: Input, orgs: Input, org?: Input, as_of?: Input): number | string {
  const fn = 'COVERAGE';
  const { result, organisations } = coverageResult(fn, indicator, mentors, mentees, pairs, orgs, as_of);
  const orgText = cellText(firstCell(org));
  const scope = parseTargetScope(orgText, organisations);
  if (!scope) throw new Error(`${fn}: «${orgText}» — не организация из диапазона организаций и не вид ОО. Укажите код или наименование организации либо вид ОО.`);
  const f = fractionFor(result, scope);
  if (!f) throw new Error(`${fn}: в диапазоне организаций нет ни одной организации вида «${orgText}».`);
  return f.value === null ? 'нет данных' : f.value;
}

/**
 * Показатель наставничества по каждой организации и итог: таблица с заголовком (организация, числитель,
 * знаменатель, значение). Значение — доля от 0 до 1, число или среднее; пусто, когда считать не из кого.
 *
 * @param {"active-pairs"} indicator Код показателя или его название (как на листе «Показатели»).
 * @param {Наставники!A1:O} mentors Диапазон наставников с заголовками.
 * @param {Наставляемые!A1:S} mentees Диапазон наставляемых с заголовками.
 * @param {Пары!A1:S} pairs Диапазон пар и групп с заголовками.
 * @param {Организации!A1:G} orgs Диапазон организаций с заголовками (строки таблицы — в их порядке).
 * @param {"01.12.2023"} as_of Необязательно: дата расчёта (по умолчанию — сегодня).
 * @return Организация, числитель, знаменатель, значение; последняя строка — «Итого».
 * @customfunction
 */
export function COVERAGE_TABLE(indicator: Input, mentors: Input, mentees: Input, pairs: Input, orgs: Input, as_of?: Input): (string | number)[][] {
  const { result, organisations } = coverageResult('COVERAGE_TABLE', indicator, mentors, mentees, pairs, orgs, as_of);
  const line = (label: string, f: Fraction): (string | number)[] => [label, f.numerator, f.denominator, f.value ?? ''];
  return [
    ['Организация', 'Числитель', 'Знаменатель', 'Значение'],
    ...organisations.filter((o, i) => organisations.findIndex((x) => x.id === o.id) === i).map((o) => line(o.name || o.id, result.byOrganisation[o.id])),
    line('Итого', result.total),
  ];
}

/** Birth date or age of a cell: a date (Date or typed), else a number of years (25, «25 лет»). */
function birthOrAge(v: Cell): { birthDate: IsoDate | null; age: number | null } | null {
  if (Object.prototype.toString.call(v) === '[object Date]') return { birthDate: dateToIso(v as Date), age: null };
  if (typeof v === 'number') return v >= 14 && v <= 100 ? { birthDate: null, age: Math.floor(v) } : null;
  const t = cellText(v);
  if (t === '') return { birthDate: null, age: null };
  const iso = parseDateText(t);
  if (iso) return { birthDate: iso, age: null };
  const n = parseNumberText(t);
  return n !== null && n >= 14 && n <= 100 ? { birthDate: null, age: Math.floor(n) } : null;
}

/**
 * Молодой специалист на дату: моложе 35 лет и педагогический стаж от 0 до 3 лет. Принимает диапазоны одинаковой
 * высоты и отвечает на каждую строку: ИСТИНА, ЛОЖЬ, «нет данных» (не хватает даты рождения или стажа) или ошибку
 * в значении. Строка заголовков получает заголовок, пустые строки — пусто.
 *
 * @param {F2:F200} birth_date Дата рождения (или возраст, полных лет) либо диапазон.
 * @param {H2:H200} experience Педагогический стаж, лет, либо диапазон той же высоты.
 * @param {"01.09.2023"} as_of Необязательно: на какую дату (по умолчанию — сегодня).
 * @return ИСТИНА, ЛОЖЬ или «нет данных» для каждой строки.
 * @customfunction
 */
export function IS_YOUNG_SPECIALIST(birth_date: Input, experience: Input, as_of?: Input): (boolean | string)[][] {
  const fn = 'IS_YOUNG_SPECIALIST';
  const asOf = dateArg(as_of, 'дата', fn) || dateToIso(new Date());
  const births = rows(birth_date);
  const exps = rows(experience);
  if (exps.length > 1 && exps.length !== births.length) throw new Error(`${fn}: диапазоны «дата рождения» и «стаж» разной высоты.`);
  return births.map((row, i) => {
    const b = row[0];
    const e = (exps.length > 1 ? exps[i] : exps[0])?.[0];
    const bText = cellText(b);
    const eText = cellText(e);
    if (bText === '' && eText === '') return [''];
    const person = birthOrAge(b);
    const exp = typeof e === 'number' ? e : eText === '' ? null : parseNumberText(eText);
    // The header of a range taken with its header row: text where a date and a number are expected.
    if (i === 0 && !person && exp === null && eText !== '') return ['Молодой специалист'];
    if (!person) return [`ошибка: «${bText}» — не дата рождения и не возраст`];
    if (eText !== '' && exp === null) return [`ошибка: стаж «${eText}» — не число`];
    const status = youngSpecialistStatus({ ...person, experienceYears: exp }, asOf);
    return [status === 'unknown' ? 'нет данных' : status === 'yes'];
  });
}
