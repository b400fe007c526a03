// The demo's people step: the sample coordinator marks who is who in their own «Педагоги» list (young
// specialists and a few others as mentees; experienced teachers of the first or highest category as mentors,
// with places and strengths), then the add-on sets up the bases, connects «Список ОО» and «Педагоги» through
// the mapping dialog's server functions, checks the bases, runs automatching and approves the proposals by an
// order; last academic year's pairs are typed in afterwards (demo-last-year.ts) and the bases checked again.
// Everything goes through the built bundle, as a coordinator's clicks would.
import { countWord, formatUpTo } from '../../src/domain/russian';
import type { Addon } from '../runtime';
import type { FakeSpreadsheet } from '../spreadsheet';
import { ageOn } from '../../src/domain/people';
import { typeLastYear } from './demo-last-year';
import type { MappingApplyResult, MappingSuggestionView, CheckResult, SetupResult } from '../../src/addon/people';
import type { AutomatchResult, ApproveResult, PairingState } from '../../src/addon/pairing';

const MENTORS = ['наставник', 'наставника', 'наставников'] as const;
const MENTEES = ['наставляемый', 'наставляемых', 'наставляемых'] as const;
const MENTEES_GENITIVE = ['наставляемого', 'наставляемых', 'наставляемых'] as const;

export const TEACHERS_SHEET = 'Педагоги';
export const ORGANISATIONS_SHEET = 'Список ОО';

const STRENGTHS: Record<string, string[]> = {
  default: ['оценивание образовательных результатов', 'работа с родителями', 'дисциплина на уроке', 'проектная деятельность'],
  'математика': ['подготовка к ОГЭ и ЕГЭ', 'оценивание образовательных результатов', 'функциональная грамотность'],
  'русский язык и литература': ['подготовка к ОГЭ и ЕГЭ', 'смысловое чтение', 'работа с родителями'],
  'начальные классы': ['адаптация первоклассников', 'работа с родителями', 'дисциплина на уроке'],
  'информатика': ['цифровые образовательные ресурсы', 'проектная деятельность'],
  'дошкольное образование': ['адаптация детей к детскому саду', 'работа с родителями', 'игровые технологии'],
  'логопедия': ['коррекционная работа', 'работа с родителями'],
};
const DEFICITS = ['оценивание образовательных результатов', 'дисциплина на уроке', 'работа с родителями', 'цифровые образовательные ресурсы',
  'подготовка к ОГЭ и ЕГЭ', 'адаптация детей к детскому саду', 'проектная деятельность'];

function iso(d: unknown): string {
  if (Object.prototype.toString.call(d) === '[object Date]') {
    const x = d as Date;
    return `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`;
  }
  return String(d ?? '');
}

/**
 * What the coordinator types into their own list before connecting it: a role column, places and strengths for
 * mentors, deficits for mentees. Returns how many of each were marked.
 */
export function markRoles(workbook: FakeSpreadsheet, asOf: string): { mentors: number; mentees: number } {
  const sheet = workbook.getSheetByName(TEACHERS_SHEET);
  if (!sheet) throw new Error(`no «${TEACHERS_SHEET}» sheet in the demo workbook`);
  const values = sheet.getDataRange().getValues();
  const header = values[0].map(String);
  const col = (label: string) => header.indexOf(label);
  const [cBirth, cExp, cCat, cSubject] = [col('Дата рождения'), col('Стаж'), col('Категория'), col('Предмет')];
  const added = [['Роль в наставничестве', 'Кол-во наставляемых', 'Сильные стороны', 'Профессиональные дефициты']];
  let mentors = 0;
  let mentees = 0;
  values.slice(1).forEach((row, i) => {
    const birth = iso(row[cBirth]);
    const age = /^\d{4}-\d{2}-\d{2}$/.test(birth) ? ageOn(birth, asOf) : null;
    const exp = Number(row[cExp]);
    const category = String(row[cCat]).toLowerCase();
    const subject = String(row[cSubject]);
    const young = age !== null && age < 35 && exp <= 3;
    if (young || (i % 17 === 5 && exp <= 8 && category !== 'высшая')) {
      mentees++;
      added.push(['наставляемый', '', '', [DEFICITS[i % DEFICITS.length], DEFICITS[(i * 3 + 1) % DEFICITS.length]].join('; ')]);
    } else if ((category === 'первая' || category === 'высшая') && exp >= 5) {
      mentors++;
      const strengths = STRENGTHS[subject] ?? STRENGTHS.default;
      added.push(['наставник', String(1 + (i % 3)), strengths.slice(0, 2 + (i % 2)).join('; '), '']);
    } else added.push(['', '', '', '']);
  });
  sheet.getRange(1, header.length + 1, added.length, added[0].length).setValues(added);
  return { mentors, mentees };
}

function connect(addon: Addon, sheetName: string, role: 'organisation' | 'mentor' | 'mentee', mode: 'import' | 'in-place'): { suggestion: MappingSuggestionView; result: MappingApplyResult } {
  const suggestion = addon.callFromClient('peopleMappingSuggest', [sheetName, role]) as MappingSuggestionView;
  const columns = Object.fromEntries(suggestion.fields.map((f) => [f.key, f.column]));
  const result = addon.callFromClient('peopleMappingApply', [{ sheetName, role, mapping: { headerRow: suggestion.headerRow, columns }, mode }]) as MappingApplyResult;
  return { suggestion, result };
}

function mapped(s: MappingSuggestionView): string {
  return s.fields.filter((f) => f.column !== null).map((f) => `${f.label} ← «${f.header}»`).join(', ');
}

/** The people step of the demo; returns its log lines. */
export function demoPeopleAndPairs(addon: Addon, workbook: FakeSpreadsheet): string[] {
  const log: string[] = [];
  const now = addon.runtime.env.now();
  const asOf = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const marked = markRoles(workbook, asOf);
  log.push(`Координатор отметил в листе «${TEACHERS_SHEET}»: наставников ${marked.mentors}, наставляемых ${marked.mentees}`);

  const setup = addon.callFromClient('setupPeopleBases', []) as SetupResult;
  log.push(`Созданы базы: ${setup.created.map((n) => `«${n}»`).join(', ')}`);

  const orgs = connect(addon, ORGANISATIONS_SHEET, 'organisation', 'import');
  log.push(`«${ORGANISATIONS_SHEET}» → «Организации» (перенос): ${countWord(orgs.result.imported, ['организация', 'организации', 'организаций'])}; ${mapped(orgs.suggestion)}`);
  const mentors = connect(addon, TEACHERS_SHEET, 'mentor', 'in-place');
  log.push(`«${TEACHERS_SHEET}» подключён на месте как список наставников: ${countWord(mentors.result.read, MENTORS)} ` +
    `(строк других ролей: ${mentors.result.otherRole}); ${mapped(mentors.suggestion)}`);
  const mentees = connect(addon, TEACHERS_SHEET, 'mentee', 'import');
  log.push(`«${TEACHERS_SHEET}» → «Наставляемые» (перенос): ${countWord(mentees.result.imported, MENTEES)}, ` +
    `не прочитано ячеек: ${mentees.result.problems.length}, строк: ${mentees.result.unreadable.length}`);

  const check = addon.callFromClient('checkPeopleBases', []) as CheckResult;
  const assigned = check.idsAssigned.organisation + check.idsAssigned.mentor + check.idsAssigned.mentee;
  log.push(`Проверка баз: наставников ${check.mentors}, наставляемых ${check.mentees}, молодых специалистов ${check.youngSpecialists}, ` +
    `без согласия на обработку ПДн ${check.consentProblems}, новых кодов ${assigned}, ` +
    `возможных дублей ${check.duplicates.mentor.length + check.duplicates.mentee.length}`);

  const auto = addon.callFromClient('pairingAutomatch', [{ priority: 'score' }]) as AutomatchResult;
  log.push(`Автоподбор (наибольшая сумма оценок): предложено пар ${auto.proposed.length} из ${countWord(auto.pool.mentees, MENTEES_GENITIVE)} ` +
    `(мест у наставников ${auto.pool.places}), суммарная оценка ${formatUpTo(auto.total, 4)}, средняя ${formatUpTo(auto.average, 4)}; ` +
    `подбор по очереди дал бы ${formatUpTo(auto.greedy.total, 4)}, пар: ${auto.greedy.matched}`);
  const example = auto.proposed[0];
  if (example) log.push(`  например, ${example.id}: ${example.mentorName} (${example.mentorId}) → ${example.menteeNames.join(', ')} (${example.menteeIds.join(', ')}), оценка ${example.score}`);

  const order = { number: '112-о', date: asOf };
  const approved = addon.callFromClient('pairingApprove', [{ pairIds: auto.proposed.map((p) => p.id), orderNumber: order.number, orderDate: order.date }]) as ApproveResult;
  log.push(`Утверждено приказом № ${order.number}: пар ${approved.approved.length}, статус «действует»`);

  // Last year's records come in after this year's automatching: a completed pair keeps its mentee out of the pool.
  const last = typeLastYear(workbook, asOf);
  log.push(`Координатор перенёс пары ${last.year} учебного года в «Пары»: ${last.pairs} (завершено ${last.completed}, отменено ${last.cancelled}), ` +
    `оценки удовлетворённости обеих сторон по шкале 1–5 у ${last.scored}; в «Наставляемые» — даты итоговой диагностики с закрытыми дефицитами ` +
    `у ${last.deficitsClosed}, бывших наставляемых ${last.former} (с датой увольнения ${last.left})`);

  const state = addon.callFromClient('pairingState', [{}]) as PairingState;
  log.push(`Подбор пар: без пары ${state.counts.unmatched} (из них без согласия ${state.counts.withoutConsent}), ` +
    `действующих пар ${state.counts.active}, свободных мест у наставников ${state.counts.freePlaces}`);
  const recheck = addon.callFromClient('checkPeopleBases', []) as CheckResult;
  log.push(`«Состояние наставничества»: строк ${recheck.attention}`);
  log.push(`  перенесённые пары получили коды при проверке баз: ${recheck.idsAssigned.pair}; всего пар ${recheck.pairs}, не прочитано ячеек ${recheck.problems.length}`);
  return log;
}
