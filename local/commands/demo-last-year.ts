// The demo's previous academic year, as a coordinator transfers it from last year's records once the bases are
// set up: last year's pairs typed into «Пары» (programme dates, orders, the end-of-programme survey of both sides,
// the statuses and their history as the old records tell them), the dates of the final diagnostics and the
// young specialists who have left typed into «Наставляемые». Without it the results indicators (completed
// programmes, deficits closed, satisfaction, retention) have nothing to count in the demo. Deterministic: one
// seeded generator, the dates follow from the demo's own date.
import type { FakeSpreadsheet } from '../spreadsheet';
import { ageOn, type PairHistoryEntry, type PairStatus } from '../../src/domain/people';
import { formatHistoryEntry } from '../../src/domain/people-records';
import { addDays, formatRuDate } from '../../src/domain/iso-date';
import { dateToIso, isoToDate } from '../../src/sheets/cells';
import { PEOPLE_SHEETS } from '../../src/sheets/people-schema';
import { seededRandom } from '../sample/prng';

const TEACHERS_SHEET = 'Педагоги';

/** Mentees of this year's pairs who were also mentees last year. */
const RETURNING = 10;

/** Invented names of young specialists who were mentees last year and are no longer on the staff list. */
const FORMER_NAMES = ['Белова Кристина Андреевна', 'Гусева Полина Сергеевна', 'Тимофеева Ксения Олеговна', 'Крылова Вероника Игоревна'];

/** Positions (among the returning mentees) of the pairs cancelled in the winter, one per reason below. */
const CANCELLED_AT = [1, 4];
const CANCEL_REASONS = [
  'длительный больничный наставника; наставляемому назначен другой наставник',
  'по заявлению наставляемого: не совпали графики работы, назначен другой наставник',
];

export interface LastYearSummary {
  /** «2022/23». */
  year: string;
  pairs: number;
  completed: number;
  cancelled: number;
  /** Pairs where both sides gave a satisfaction score. */
  scored: number;
  /** Mentees whose final diagnostics closed their deficits. */
  deficitsClosed: number;
  /** Former mentees typed into «Наставляемые». */
  former: number;
  /** Of them, with «Дата увольнения». */
  left: number;
}

interface Table {
  header: string[];
  rows: unknown[][];
  col(label: string): number;
}

function readTable(ss: FakeSpreadsheet, name: string): Table {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`no «${name}» sheet in the demo workbook`);
  const values = sheet.getDataRange().getValues();
  const header = values[0].map(String);
  return {
    header,
    rows: values.slice(1),
    col(label: string) {
      const c = header.indexOf(label);
      if (c < 0) throw new Error(`no column «${label}» on «${name}»`);
      return c;
    },
  };
}

function text(v: unknown): string {
  if (Object.prototype.toString.call(v) === '[object Date]') return dateToIso(v as Date);
  return String(v ?? '').trim();
}

/**
 * What a person types (or pastes) below the rows already there, by column label. Only the columns given are
 * written, so the add-on's own cells and formats stay as they are.
 */
function typeRows(ss: FakeSpreadsheet, name: string, rows: Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  const sheet = ss.getSheetByName(name)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  for (const r of rows) for (const label of Object.keys(r)) if (!header.includes(label)) throw new Error(`no column «${label}» on «${name}»`);
  const start = sheet.getLastRow() + 1;
  const end = start + rows.length - 1;
  if (sheet.getMaxRows() < end) sheet.insertRowsAfter(sheet.getMaxRows(), end - sheet.getMaxRows());
  header.forEach((h, c) => {
    if (!rows.some((r) => h in r)) return;
    sheet.getRange(start, c + 1, rows.length, 1).setValues(rows.map((r) => [h in r ? r[h] : '']));
  });
}

/** One cell overwritten by hand: row 1-based, column by label. */
function setCell(ss: FakeSpreadsheet, name: string, row: number, label: string, value: unknown): void {
  const sheet = ss.getSheetByName(name)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const c = header.indexOf(label);
  if (c < 0) throw new Error(`no column «${label}» on «${name}»`);
  sheet.getRange(row, c + 1).setValue(value);
}

function shuffled<T>(list: readonly T[], rnd: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A survey score on the 1–5 scale: mostly 5 and 4, now and then 3. */
function score(rnd: () => number): number {
  const r = rnd();
  return r < 0.55 ? 5 : r < 0.9 ? 4 : 3;
}

interface Person {
  id: string;
  organisation: string;
  subject: string;
  position: string;
}

interface PairPlan {
  mentorId: string;
  menteeId: string;
  order: { number: string; date: string };
  start: string;
  end: string;
  status: Extract<PairStatus, 'completed' | 'cancelled'>;
  /** Day of completion or cancellation. */
  closed: string;
  reason: string;
}

/**
 * Types last academic year's pairs and what followed them into the workbook, after this year's pairs are
 * approved (so automatching has already seen only this year's mentees). `asOf` is the demo's date.
 */
export function typeLastYear(ss: FakeSpreadsheet, asOf: string, seed = 20220901): LastYearSummary {
  const rnd = seededRandom(seed);
  const [y, m] = asOf.split('-').map(Number);
  const a = (m >= 9 ? y : y - 1) - 1;
  const d = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const yearStart = d(a, 9, 1);
  const wave1 = { number: '87-о', date: d(a, 9, 15) };
  const wave2 = { number: '95-о', date: d(a, 10, 3) };
  const replacementOrder = { number: '12-о', date: d(a + 1, 2, 1) };
  const programmeEnd = d(a + 1, 5, 31);
  const diagnostics = d(a + 1, 5, 25);

  // Who is who today: mentors on the coordinator's own list, this year's pairs, the mentee base.
  const teachers = readTable(ss, TEACHERS_SHEET);
  const mentors: Person[] = teachers.rows
    .filter((r) => text(r[teachers.col('Роль в наставничестве')]) === 'наставник')
    .map((r) => ({ id: text(r[teachers.col('Таб. №')]), organisation: text(r[teachers.col('ОО')]), subject: text(r[teachers.col('Предмет')]), position: text(r[teachers.col('Должность')]) }));
  const names = new Set(teachers.rows.map((r) => text(r[teachers.col('ФИО')])));
  const staffNumbers = teachers.rows.map((r) => Number(text(r[teachers.col('Таб. №')]).replace(/\D+/g, ''))).filter(Number.isFinite);

  const pairs = readTable(ss, PEOPLE_SHEETS.pairs);
  const thisYearMentor = new Map<string, string>();
  for (const r of pairs.rows) {
    if (text(r[pairs.col('Статус')]) !== 'действует') continue;
    for (const id of text(r[pairs.col('Коды наставляемых')]).split(/[,;\s]+/).filter(Boolean)) thisYearMentor.set(id, text(r[pairs.col('Код наставника')]));
  }
  const mentees = readTable(ss, PEOPLE_SHEETS.mentees);
  const menteeRow = new Map<string, number>();
  const returning: Person[] = [];
  mentees.rows.forEach((r, i) => {
    const id = text(r[mentees.col('Код')]);
    menteeRow.set(id, i + 2);
    const birth = text(r[mentees.col('Дата рождения')]);
    const age = /^\d{4}-\d{2}-\d{2}$/.test(birth) ? ageOn(birth, yearStart) : null;
    const experience = Number(text(r[mentees.col('Педагогический стаж, лет')]));
    // In their first or second year last September, young then, and in one of this year's pairs now.
    if (thisYearMentor.has(id) && experience >= 1 && age !== null && age < 35) {
      returning.push({ id, organisation: text(r[mentees.col('ОО')]), subject: text(r[mentees.col('Предмет (направление)')]), position: text(r[mentees.col('Должность')]) });
    }
  });
  const chosen = shuffled(returning, rnd).slice(0, RETURNING).sort((p, q) => (p.id < q.id ? -1 : 1));

  // Two young specialists of last year who have left since: not on the staff list, typed into the mentee base.
  let nextNumber = Math.max(0, ...staffNumbers);
  const formerOrgs = shuffled([...new Set(mentors.map((p) => p.organisation))], rnd).slice(0, 2);
  const former = formerOrgs.map((organisation, i): Person & { name: string; birth: string; left: string | null } => {
    const local = mentors.filter((p) => p.organisation === organisation);
    const like = local[Math.floor(rnd() * local.length)];
    const name = FORMER_NAMES.filter((n) => !names.has(n))[i];
    // The first left in the summer, before a year of mentoring was over; the second a month into the new year.
    const left = i === 0 ? d(a + 1, 6, 30) : d(a + 1, 9, 29);
    return {
      id: `П-${String(++nextNumber).padStart(3, '0')}`,
      name,
      organisation,
      subject: like.subject,
      position: like.position,
      birth: d(a - 23 - Math.floor(rnd() * 4), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)),
      left: left <= asOf ? left : null,
    };
  });

  // A mentor for each: from the same organisation, the same subject when there is one, at most two mentees a year.
  const load = new Map<string, number>();
  const pickMentor = (mentee: Person, not: readonly string[]): string => {
    const free = mentors.filter((p) => !not.includes(p.id) && (load.get(p.id) ?? 0) < 2);
    const local = free.filter((p) => p.organisation === mentee.organisation);
    const same = local.filter((p) => p.subject === mentee.subject);
    const pool = same.length ? same : local.length ? local : free;
    const mentor = pool[Math.floor(rnd() * pool.length)];
    load.set(mentor.id, (load.get(mentor.id) ?? 0) + 1);
    return mentor.id;
  };

  const plans: PairPlan[] = [];
  const everyone: Person[] = [...chosen, ...former];
  everyone.forEach((mentee, i) => {
    const order = rnd() < 0.3 ? wave2 : wave1;
    const mentorId = pickMentor(mentee, [thisYearMentor.get(mentee.id) ?? '']);
    // Two of the returning mentees changed mentors in the winter: the first pair cancelled, a second one by a new order.
    const cancelAt = i < chosen.length ? CANCELLED_AT.indexOf(i) : -1;
    if (cancelAt >= 0) {
      const closed = d(a + 1, 1, 20 + 7 * cancelAt);
      plans.push({ mentorId, menteeId: mentee.id, order, start: order.date, end: programmeEnd, status: 'cancelled', closed, reason: CANCEL_REASONS[cancelAt] });
      const next = pickMentor(mentee, [mentorId, thisYearMentor.get(mentee.id) ?? '']);
      plans.push({ mentorId: next, menteeId: mentee.id, order: replacementOrder, start: replacementOrder.date, end: programmeEnd, status: 'completed', closed: programmeEnd, reason: `замена наставника ${mentorId}` });
    } else {
      plans.push({ mentorId, menteeId: mentee.id, order, start: order.date, end: programmeEnd, status: 'completed', closed: programmeEnd, reason: '' });
    }
  });

  // The final diagnostics closed the deficits of fewer than half of those who completed their programme.
  const closedDeficits = new Set(everyone.filter(() => rnd() < 0.4).map((p) => p.id));

  const pairRows = plans.map((p) => {
    const history: PairHistoryEntry[] = [
      { date: addDays(p.order.date, -5), from: null, to: 'proposed', note: 'подбор координатора' },
      { date: p.order.date, from: 'proposed', to: 'active', note: `приказ № ${p.order.number} от ${formatRuDate(p.order.date)}` },
      p.status === 'completed'
        ? { date: p.closed, from: 'active', to: 'completed', note: 'ППН выполнена, итоговая встреча' }
        : { date: p.closed, from: 'active', to: 'cancelled', note: p.reason },
    ];
    const completed = p.status === 'completed';
    return {
      'Код наставника': p.mentorId,
      'Коды наставляемых': p.menteeId,
      'Форма наставничества': 'учитель – учитель',
      'Формат': 'традиционное (один на один)',
      'Начало ППН': isoToDate(p.start),
      'Окончание ППН': isoToDate(p.end),
      '№ приказа': p.order.number,
      'Дата приказа': isoToDate(p.order.date),
      'Статус': completed ? 'завершено' : 'отменено',
      'Причина / комментарий': p.reason,
      'Результат': !completed ? '' : closedDeficits.has(p.menteeId) ? 'ППН выполнена; итоговая диагностика: дефициты закрыты' : 'ППН выполнена; дефициты закрыты частично',
      // The survey at the end of the programme: a pair cancelled midway was not surveyed.
      'Удовлетворённость наставника': completed ? score(rnd) : '',
      'Удовлетворённость наставляемого': completed ? score(rnd) : '',
      'Шкала удовлетворённости': completed ? '1–5' : '',
      'Последняя активность': isoToDate(p.closed),
      'История': history.map(formatHistoryEntry).join('\n'),
    };
  });

  // The mentee base: when last year's mentees were included, whose deficits the diagnostics closed, who left.
  for (const p of chosen) {
    const row = menteeRow.get(p.id)!;
    setCell(ss, PEOPLE_SHEETS.mentees, row, 'Дата включения в базу', isoToDate(d(a, 9, 5)));
    if (closedDeficits.has(p.id)) setCell(ss, PEOPLE_SHEETS.mentees, row, 'Дефициты закрыты (дата)', isoToDate(diagnostics));
  }
  typeRows(ss, PEOPLE_SHEETS.mentees, former.map((p) => ({
    'Код': p.id,
    'ФИО': p.name,
    'ОО': p.organisation,
    'Должность': p.position,
    'Предмет (направление)': p.subject,
    'Дата рождения': isoToDate(p.birth),
    'Педагогический стаж, лет': 0,
    'Квалификационная категория': 'без категории',
    'Профессиональные дефициты': p.position === 'воспитатель' ? 'адаптация детей к детскому саду; работа с родителями' : 'дисциплина на уроке; работа с родителями',
    'Дата включения в базу': isoToDate(d(a, 9, 5)),
    'Дата согласия на обработку ПДн': isoToDate(d(a, 9, 5)),
    'Дефициты закрыты (дата)': closedDeficits.has(p.id) ? isoToDate(diagnostics) : '',
    'Дата увольнения': p.left ? isoToDate(p.left) : '',
  })));
  typeRows(ss, PEOPLE_SHEETS.pairs, pairRows);

  return {
    year: `${a}/${String(a + 1).slice(2)}`,
    pairs: plans.length,
    completed: plans.filter((p) => p.status === 'completed').length,
    cancelled: plans.filter((p) => p.status === 'cancelled').length,
    scored: pairRows.filter((r) => r['Удовлетворённость наставника'] !== '').length,
    deficitsClosed: closedDeficits.size,
    former: former.length,
    left: former.filter((p) => p.left).length,
  };
}
