// The catalogue of coverage indicators (DOMAIN.md «Indicators»): what each one counts, in Russian for the
// people who read it, and how it is computed on a date by organisation, by kind of organisation and in total.
// The as-of rules shared by all of them are in indicator-context.ts. Every indicator is one pass over the data.
//
// Use: `computeIndicators(data, asOf)` for all (one shared context), `indicatorById(id).compute(data, asOf)`
// for one, `parseIndicatorId('доля молодых специалистов…')` to accept an id or a Russian name from a cell.
import { youngSpecialistStatus, menteeAge, occupiesCapacity, YOUNG_SPECIALIST_MAX_AGE_EXCLUSIVE } from './people';
import type { Mentee } from './people';
import { checklistWarnings, isImplemented, type OrganisationChecklist } from './checklist';
import { executionSummary, type TrackerRecord } from './tracker';
import { addMonths, isIsoDate } from './iso-date';
import type { IsoDate } from './types';
import {
  hasOrderOn,
  inBaseOn,
  organisationOn,
  prepareIndicators,
  Tally,
  type IndicatorContext,
  type IndicatorData,
  type IndicatorOptions,
  type IndicatorResult,
  type IndicatorUnit,
  type Teacher,
} from './indicator-context';

export * from './indicator-context';

export const INDICATOR_IDS = [
  'young-specialists-in-mentoring',
  'teachers-under-35-involved',
  'teachers-as-mentors',
  'active-pairs',
  'mentees-per-mentor',
  'mentors-over-capacity',
  'model-implemented',
  'curator-appointed',
  'programmes-completed',
  'deficits-closed',
  'mentor-satisfaction',
  'mentee-satisfaction',
  'young-specialists-retained',
  'roadmap-on-time',
  'roadmap-overdue',
] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface Indicator {
  id: IndicatorId;
  name: string;
  /** One sentence, Russian. */
  definition: string;
  numeratorLabel: string;
  denominatorLabel: string;
  unit: IndicatorUnit;
  /** Which way is good: targets are minimums for 'higher' and maximums for 'lower'. */
  better: 'higher' | 'lower';
  /** Optional parts of the data it cannot do without (the value is null and a warning says so). */
  needs: readonly ('teachers' | 'roadmap')[];
  compute(data: IndicatorData, asOf: IsoDate, options?: IndicatorOptions): IndicatorResult;
  /** The same from a prepared context, so several indicators share one pass of preparation. */
  evaluate(ctx: IndicatorContext): IndicatorResult;
}

type Spec = Omit<Indicator, 'compute' | 'evaluate'> & { evaluate: (ctx: IndicatorContext, self: Spec) => IndicatorResult };

// ---------------------------------------------------------------------------------------------------------
// People

/** Young specialist on `date`: by age and experience, or by the coordinator's category when those are missing. */
function youngOn(m: Pick<Mentee, 'age' | 'birthDate' | 'experienceYears' | 'group'>, date: IsoDate): 'yes' | 'by-group' | 'no' | 'unknown' {
  const s = youngSpecialistStatus(m, date);
  if (s === 'yes') return 'yes';
  if (s === 'no') return 'no';
  return m.group === 'young-specialist' ? 'by-group' : 'unknown';
}

function teacherAsPerson(t: Teacher): Pick<Mentee, 'age' | 'birthDate' | 'experienceYears'> {
  return { age: t.age ?? null, birthDate: t.birthDate ?? null, experienceYears: t.experienceYears ?? null };
}

function classificationNotes(byGroup: number, unknown: number): string[] {
  const notes: string[] = [];
  if (byGroup) notes.push(`${byGroup} чел. без возраста или стажа учтены как молодые специалисты по категории наставляемого`);
  if (unknown) notes.push(`${unknown} чел. без возраста или стажа не учтены: нельзя определить, молодой ли это специалист`);
  return notes;
}

function noTeachers(ctx: IndicatorContext, self: Spec): IndicatorResult {
  return new Tally().finish(ctx, self.id, self.unit, ['Нет списка педагогических работников: показатель не рассчитан']);
}

function youngSpecialistsInMentoring(ctx: IndicatorContext, self: Spec): IndicatorResult {
  const { asOf } = ctx;
  const tally = new Tally();
  const inMenteeBase = new Set<string>();
  let byGroup = 0;
  let unknown = 0;
  for (const m of ctx.data.mentees) {
    if (inMenteeBase.has(m.id)) continue;
    inMenteeBase.add(m.id);
    if (!inBaseOn(m, asOf)) continue;
    const y = youngOn(m, asOf);
    if (y === 'unknown') unknown++;
    if (y === 'by-group') byGroup++;
    if (y !== 'yes' && y !== 'by-group') continue;
    tally.add(organisationOn(m, asOf), ctx.activeMentees.has(m.id) ? 1 : 0, 1);
  }
  // Staff not in the mentee base widen the denominator: a young specialist nobody entered is still uncovered.
  for (const t of ctx.data.teachers ?? []) {
    if (inMenteeBase.has(t.id)) continue;
    inMenteeBase.add(t.id);
    if (youngSpecialistStatus(teacherAsPerson(t), asOf) !== 'yes') continue;
    tally.add(t.organisationId, ctx.activeMentees.has(t.id) ? 1 : 0, 1);
  }
  return tally.finish(ctx, self.id, self.unit, [...classificationNotes(byGroup, unknown), ...ctx.pairWarnings]);
}

function teachersUnder35Involved(ctx: IndicatorContext, self: Spec): IndicatorResult {
  if (!ctx.data.teachers) return noTeachers(ctx, self);
  const tally = new Tally();
  const seen = new Set<string>();
  let unknownAge = 0;
  for (const t of ctx.data.teachers) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    const age = menteeAge(teacherAsPerson(t), ctx.asOf);
    if (age === null) {
      unknownAge++;
      continue;
    }
    if (age >= YOUNG_SPECIALIST_MAX_AGE_EXCLUSIVE) continue;
    const involved = ctx.activeMentees.has(t.id) || ctx.activeMentors.has(t.id);
    tally.add(t.organisationId, involved ? 1 : 0, 1);
  }
  const notes = unknownAge ? [`Не учтены педагоги без возраста: ${unknownAge}`] : [];
  return tally.finish(ctx, self.id, self.unit, [...notes, ...ctx.pairWarnings]);
}

function teachersAsMentors(ctx: IndicatorContext, self: Spec): IndicatorResult {
  if (!ctx.data.teachers) return noTeachers(ctx, self);
  const tally = new Tally();
  const seen = new Set<string>();
  for (const t of ctx.data.teachers) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    tally.add(t.organisationId, ctx.activeMentors.has(t.id) ? 1 : 0, 1);
  }
  return tally.finish(ctx, self.id, self.unit, ctx.pairWarnings);
}

// ---------------------------------------------------------------------------------------------------------
// Pairs and mentors

function activePairs(ctx: IndicatorContext, self: Spec): IndicatorResult {
  const tally = new Tally();
  let withoutOrder = 0;
  for (const v of ctx.pairs) {
    if (v.status !== 'active') continue;
    const byOrder = hasOrderOn(v.pair.order, ctx.asOf);
    if (!byOrder) withoutOrder++;
    tally.add(v.organisationId, byOrder ? 1 : 0, 1);
  }
  const notes = withoutOrder ? [`Действующие пары не закреплены приказом и не вошли в числитель: ${withoutOrder}`] : [];
  return tally.finish(ctx, self.id, self.unit, [...notes, ...ctx.pairWarnings]);
}

function mentorOrganisation(ctx: IndicatorContext, mentorId: string, fallback: string): string {
  const m = ctx.mentorById.get(mentorId);
  return m ? organisationOn(m, ctx.asOf) : fallback;
}

function menteesPerMentor(ctx: IndicatorContext, self: Spec): IndicatorResult {
  const perMentor = new Map<string, { org: string; mentees: number }>();
  for (const v of ctx.pairs) {
    if (v.status !== 'active') continue;
    const id = v.pair.mentorId;
    const entry = perMentor.get(id) ?? { org: mentorOrganisation(ctx, id, v.organisationId), mentees: 0 };
    entry.mentees += v.pair.menteeIds.length;
    perMentor.set(id, entry);
  }
  const tally = new Tally();
  for (const { org, mentees } of perMentor.values()) tally.add(org, mentees, 1);
  return tally.finish(ctx, self.id, self.unit, ctx.pairWarnings);
}

function mentorsOverCapacity(ctx: IndicatorContext, self: Spec): IndicatorResult {
  const loads = new Map<string, { org: string; load: number }>();
  for (const v of ctx.pairs) {
    if (v.status === null || !occupiesCapacity(v.status)) continue;
    const id = v.pair.mentorId;
    const entry = loads.get(id) ?? { org: mentorOrganisation(ctx, id, v.organisationId), load: 0 };
    entry.load += v.pair.menteeIds.length;
    loads.set(id, entry);
  }
  const tally = new Tally();
  const unknownCapacity: string[] = [];
  for (const [id, { org, load }] of loads) {
    const capacity = ctx.mentorById.get(id)?.capacity;
    if (typeof capacity !== 'number' || !Number.isFinite(capacity)) {
      unknownCapacity.push(id);
      continue;
    }
    if (load > 0) tally.add(org, load > capacity ? 1 : 0, 1);
  }
  const notes = unknownCapacity.length ? [`Нагрузка не проверена (нет наставника в базе или его нагрузки): ${unknownCapacity.join(', ')}`] : [];
  return tally.finish(ctx, self.id, self.unit, [...notes, ...ctx.pairWarnings]);
}

// ---------------------------------------------------------------------------------------------------------
// Organisations

/** Organisation id → active pairs/groups fixed by an order on the date (what the checklist's tenth item states). */
export function activePairsByOrder(ctx: IndicatorContext): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of ctx.pairs) {
    if (v.status === 'active' && hasOrderOn(v.pair.order, ctx.asOf)) counts.set(v.organisationId, (counts.get(v.organisationId) ?? 0) + 1);
  }
  return counts;
}

function checklistIndex(checklists: readonly OrganisationChecklist[]): Map<string, OrganisationChecklist> {
  const byOrg = new Map<string, OrganisationChecklist>();
  for (const c of checklists) if (!byOrg.has(c.organisationId)) byOrg.set(c.organisationId, c);
  return byOrg;
}

function modelImplemented(ctx: IndicatorContext, self: Spec): IndicatorResult {
  const byOrg = checklistIndex(ctx.data.checklist);
  const tally = new Tally();
  const ids = new Set<string>();
  for (const o of ctx.data.organisations) {
    if (ids.has(o.id)) continue;
    ids.add(o.id);
    tally.add(o.id, isImplemented(byOrg.get(o.id), ctx.asOf) ? 1 : 0, 1);
  }
  const notes = checklistWarnings(ctx.data.checklist, activePairsByOrder(ctx), ctx.asOf, ids);
  return tally.finish(ctx, self.id, self.unit, notes);
}

function curatorAppointed(ctx: IndicatorContext, self: Spec): IndicatorResult {
  const tally = new Tally();
  const ids = new Set<string>();
  for (const o of ctx.data.organisations) {
    if (ids.has(o.id)) continue;
    ids.add(o.id);
    tally.add(o.id, String(o.curator ?? '').trim() !== '' ? 1 : 0, 1);
  }
  return tally.finish(ctx, self.id, self.unit, []);
}

// ---------------------------------------------------------------------------------------------------------
// Results

function programmesCompleted(ctx: IndicatorContext, self: Spec): IndicatorResult {
  const tally = new Tally();
  for (const v of ctx.pairs) {
    // A pair cancelled before it ever started had no programme to complete.
    if (v.status === 'completed') tally.add(v.organisationId, 1, 1);
    else if (v.status === 'cancelled' && v.startedOn !== null) tally.add(v.organisationId, 0, 1);
  }
  return tally.finish(ctx, self.id, self.unit, ctx.pairWarnings);
}

function deficitsClosed(ctx: IndicatorContext, self: Spec): IndicatorResult {
  const completedOn = new Map<string, IsoDate>();
  for (const v of ctx.pairs) {
    if (v.status !== 'completed' || v.endedOn === null) continue;
    for (const id of v.pair.menteeIds) {
      const prev = completedOn.get(id);
      if (!prev || v.endedOn > prev) completedOn.set(id, v.endedOn);
    }
  }
  const tally = new Tally();
  const missing: string[] = [];
  for (const [id, date] of completedOn) {
    const m = ctx.menteeById.get(id);
    if (!m) {
      missing.push(id);
      continue;
    }
    const closed = !!m.deficitsClosedDate && isIsoDate(m.deficitsClosedDate) && m.deficitsClosedDate <= ctx.asOf;
    tally.add(organisationOn(m, date), closed ? 1 : 0, 1);
  }
  const notes = missing.length ? [`Нет в базе наставляемых: ${missing.join(', ')}`] : [];
  return tally.finish(ctx, self.id, self.unit, [...notes, ...ctx.pairWarnings]);
}

/**
 * Whether a satisfaction score means «satisfied». The scale is the pair's `satisfactionScale` when given,
 * else inferred: 0–5 is the five-point scale, above 5 up to 100 is percent. Null for a score outside the scale.
 * Percent-formatted cells (0.85) must be converted to 0–100 before they get here.
 */
export function isSatisfied(
  score: number | null | undefined,
  scale: '1-5' | '0-100' | undefined,
  options: Pick<Required<IndicatorOptions>, 'satisfiedOnFivePoint' | 'satisfiedOnPercent'>,
): boolean | null {
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0) return null;
  const fivePoint = scale ? scale === '1-5' : score <= 5;
  if (fivePoint) return score > 5 ? null : score >= options.satisfiedOnFivePoint;
  return score > 100 ? null : score >= options.satisfiedOnPercent;
}

function satisfaction(side: 'mentorSatisfaction' | 'menteeSatisfaction') {
  return (ctx: IndicatorContext, self: Spec): IndicatorResult => {
    const tally = new Tally();
    let invalid = 0;
    for (const v of ctx.pairs) {
      // Scores of a pair that never worked (or does not exist yet on the date) say nothing about mentoring.
      if (v.startedOn === null) continue;
      const score = v.pair[side];
      if (score === null || score === undefined) continue;
      const ok = isSatisfied(score, v.pair.satisfactionScale, ctx.options);
      if (ok === null) {
        invalid++;
        continue;
      }
      tally.add(v.organisationId, ok ? 1 : 0, 1);
    }
    const notes = invalid ? [`Не учтены оценки вне шкалы (1–5 или 0–100): ${invalid}`] : [];
    return tally.finish(ctx, self.id, self.unit, [...notes, ...ctx.pairWarnings]);
  };
}

function youngSpecialistsRetained(ctx: IndicatorContext, self: Spec): IndicatorResult {
  const months = ctx.options.retentionMonths;
  const startedOn = new Map<string, IsoDate>();
  for (const v of ctx.pairs) {
    if (v.startedOn === null) continue;
    for (const id of v.pair.menteeIds) {
      const prev = startedOn.get(id);
      if (!prev || v.startedOn < prev) startedOn.set(id, v.startedOn);
    }
  }
  const tally = new Tally();
  for (const [id, start] of startedOn) {
    const m = ctx.menteeById.get(id);
    if (!m) continue;
    const anniversary = addMonths(start, months);
    if (anniversary > ctx.asOf) continue;
    const y = youngOn(m, start);
    if (y !== 'yes' && y !== 'by-group') continue;
    const left = !!m.leftDate && isIsoDate(m.leftDate) && m.leftDate <= anniversary;
    tally.add(organisationOn(m, start), left ? 0 : 1, 1);
  }
  return tally.finish(ctx, self.id, self.unit, ctx.pairWarnings);
}

// ---------------------------------------------------------------------------------------------------------
// Roadmap execution

/** On a date before its completion date an activity was still open: a past snapshot must not see it done. */
function notYetDone(r: TrackerRecord, asOf: IsoDate): TrackerRecord {
  return r.doneDate && isIsoDate(r.doneDate) && r.doneDate > asOf ? { ...r, status: 'в работе', doneDate: '' } : r;
}

function roadmap(which: 'on-time' | 'overdue') {
  return (ctx: IndicatorContext, self: Spec): IndicatorResult => {
    if (!ctx.data.roadmap) return new Tally().finish(ctx, self.id, self.unit, ['Нет мероприятий дорожной карты: показатель не рассчитан']);
    const groups = new Map<string, TrackerRecord[]>();
    for (const r of ctx.data.roadmap) {
      const org = (r.organisationId ?? '').trim();
      const record = notYetDone(r, ctx.asOf);
      const list = groups.get(org);
      if (list) list.push(record);
      else groups.set(org, [record]);
    }
    const tally = new Tally();
    for (const [org, records] of groups) {
      const s = executionSummary(records, ctx.asOf);
      // Due = done (on time or late) + overdue: activities still open before their deadline are not judged yet.
      tally.add(org, which === 'on-time' ? s.doneOnTime : s.overdue, s.done + s.overdue);
    }
    return tally.finish(ctx, self.id, self.unit, [], true);
  };
}

// ---------------------------------------------------------------------------------------------------------
// The catalogue

const SPECS: Spec[] = [
  {
    id: 'young-specialists-in-mentoring',
    name: 'Доля молодых специалистов, вовлечённых в наставничество',
    definition:
      'Доля молодых специалистов (моложе 35 лет, стаж 0–3 года), которые на дату расчёта состоят наставляемыми в действующей паре или группе.',
    numeratorLabel: 'молодые специалисты в действующих парах и группах',
    denominatorLabel: 'все молодые специалисты (база наставляемых и список педагогов)',
    unit: 'share',
    better: 'higher',
    needs: [],
    evaluate: youngSpecialistsInMentoring,
  },
  {
    id: 'teachers-under-35-involved',
    name: 'Доля педагогов в возрасте до 35 лет, вовлечённых в наставничество',
    definition:
      'Доля педагогических работников моложе 35 лет, которые на дату расчёта участвуют в действующей паре или группе наставником или наставляемым.',
    numeratorLabel: 'педагоги до 35 лет в действующих парах и группах',
    denominatorLabel: 'все педагоги до 35 лет',
    unit: 'share',
    better: 'higher',
    needs: ['teachers'],
    evaluate: teachersUnder35Involved,
  },
  {
    id: 'teachers-as-mentors',
    name: 'Доля педагогов-наставников',
    definition: 'Доля педагогических работников, которые на дату расчёта являются наставниками в действующей паре или группе.',
    numeratorLabel: 'наставники действующих пар и групп',
    denominatorLabel: 'все педагогические работники',
    unit: 'share',
    better: 'higher',
    needs: ['teachers'],
    evaluate: teachersAsMentors,
  },
  {
    id: 'active-pairs',
    name: 'Число действующих наставнических пар и групп по приказам',
    definition: 'Число пар и групп, которые на дату расчёта действуют и закреплены приказом руководителя, изданным не позже этой даты.',
    numeratorLabel: 'действующие пары и группы, закреплённые приказом',
    denominatorLabel: 'все действующие пары и группы',
    unit: 'count',
    better: 'higher',
    needs: [],
    evaluate: activePairs,
  },
  {
    id: 'mentees-per-mentor',
    name: 'Число наставляемых на одного наставника',
    definition: 'Среднее число наставляемых в действующих парах и группах на одного наставника, у которого есть действующая пара или группа.',
    numeratorLabel: 'места наставляемых в действующих парах и группах',
    denominatorLabel: 'наставники действующих пар и групп',
    unit: 'ratio',
    better: 'higher',
    needs: [],
    evaluate: menteesPerMentor,
  },
  {
    id: 'mentors-over-capacity',
    name: 'Число наставников сверх допустимой нагрузки',
    definition:
      'Число наставников, у которых на дату расчёта наставляемых в действующих и предложенных парах больше, чем допускает их нагрузка.',
    numeratorLabel: 'наставники сверх нагрузки',
    denominatorLabel: 'наставники с наставляемыми',
    unit: 'count',
    better: 'lower',
    needs: [],
    evaluate: mentorsOverCapacity,
  },
  {
    id: 'model-implemented',
    name: 'Доля ОО, внедривших целевую модель наставничества',
    definition: 'Доля образовательных организаций, у которых на дату расчёта выполнены все десять пунктов чек-листа внедрения.',
    numeratorLabel: 'ОО со всеми пунктами чек-листа',
    denominatorLabel: 'все ОО',
    unit: 'share',
    better: 'higher',
    needs: [],
    evaluate: modelImplemented,
  },
  {
    id: 'curator-appointed',
    name: 'Доля ОО с назначенным куратором',
    definition: 'Доля образовательных организаций, в которых назначен куратор внедрения целевой модели наставничества.',
    numeratorLabel: 'ОО с куратором',
    denominatorLabel: 'все ОО',
    unit: 'share',
    better: 'higher',
    needs: [],
    evaluate: curatorAppointed,
  },
  {
    id: 'programmes-completed',
    name: 'Доля завершённых персонализированных программ наставничества',
    definition: 'Доля пар и групп, завершивших ППН, среди начатых пар и групп, которые к дате расчёта завершены или отменены.',
    numeratorLabel: 'завершённые пары и группы',
    denominatorLabel: 'закончившиеся пары и группы (завершённые и отменённые после начала)',
    unit: 'share',
    better: 'higher',
    needs: [],
    evaluate: programmesCompleted,
  },
  {
    id: 'deficits-closed',
    name: 'Доля наставляемых с закрытыми профессиональными дефицитами',
    definition: 'Доля наставляемых, завершивших ППН к дате расчёта, у которых итоговая диагностика к этой дате показала закрытие дефицитов.',
    numeratorLabel: 'наставляемые с закрытыми дефицитами',
    denominatorLabel: 'наставляемые, завершившие ППН',
    unit: 'share',
    better: 'higher',
    needs: [],
    evaluate: deficitsClosed,
  },
  {
    id: 'mentor-satisfaction',
    name: 'Удовлетворённость наставников',
    definition:
      'Доля начатых пар и групп, где наставник оценил удовлетворённость не ниже порога: 4 из 5 или 80 из 100.',
    numeratorLabel: 'оценки наставников не ниже порога',
    denominatorLabel: 'все оценки наставников',
    unit: 'share',
    better: 'higher',
    needs: [],
    evaluate: satisfaction('mentorSatisfaction'),
  },
  {
    id: 'mentee-satisfaction',
    name: 'Удовлетворённость наставляемых',
    definition:
      'Доля начатых пар и групп, где наставляемые оценили удовлетворённость не ниже порога: 4 из 5 или 80 из 100.',
    numeratorLabel: 'оценки наставляемых не ниже порога',
    denominatorLabel: 'все оценки наставляемых',
    unit: 'share',
    better: 'higher',
    needs: [],
    evaluate: satisfaction('menteeSatisfaction'),
  },
  {
    id: 'young-specialists-retained',
    name: 'Закрепление молодых специалистов',
    definition:
      'Доля молодых специалистов, начавших наставничество не менее 12 месяцев назад (срок настраивается), которые через этот срок после начала продолжали работать.',
    numeratorLabel: 'молодые специалисты, продолжающие работать',
    denominatorLabel: 'молодые специалисты, начавшие наставничество 12 и более месяцев назад',
    unit: 'share',
    better: 'higher',
    needs: [],
    evaluate: youngSpecialistsRetained,
  },
  {
    id: 'roadmap-on-time',
    name: 'Доля мероприятий дорожной карты, выполненных в срок',
    definition: 'Доля мероприятий, выполненных не позже срока, среди мероприятий, которые к дате расчёта выполнены или просрочены.',
    numeratorLabel: 'мероприятия, выполненные в срок',
    denominatorLabel: 'выполненные и просроченные мероприятия',
    unit: 'share',
    better: 'higher',
    needs: ['roadmap'],
    evaluate: roadmap('on-time'),
  },
  {
    id: 'roadmap-overdue',
    name: 'Доля просроченных мероприятий дорожной карты',
    definition: 'Доля мероприятий, срок которых истёк, а отметки о выполнении нет, среди мероприятий, которые к дате расчёта выполнены или просрочены.',
    numeratorLabel: 'просроченные мероприятия',
    denominatorLabel: 'выполненные и просроченные мероприятия',
    unit: 'share',
    better: 'lower',
    needs: ['roadmap'],
    evaluate: roadmap('overdue'),
  },
];

export const INDICATORS: readonly Indicator[] = SPECS.map((spec) => {
  const evaluate = (ctx: IndicatorContext): IndicatorResult => spec.evaluate(ctx, spec);
  return {
    ...spec,
    evaluate,
    compute: (data: IndicatorData, asOf: IsoDate, options?: IndicatorOptions) => evaluate(prepareIndicators(data, asOf, options)),
  };
});

const BY_ID = new Map<string, Indicator>(INDICATORS.map((i) => [i.id, i]));

export function isIndicatorId(value: string): value is IndicatorId {
  return BY_ID.has(value);
}

export function indicatorById(id: IndicatorId): Indicator;
export function indicatorById(id: string): Indicator | undefined;
export function indicatorById(id: string): Indicator | undefined {
  return BY_ID.get(id);
}

function normaliseName(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/[^0-9a-zа-я]+/g, ' ').trim();
}

const BY_NAME = new Map<string, IndicatorId>(INDICATORS.map((i) => [normaliseName(i.name), i.id]));

/** An id («active-pairs») or a Russian name as the catalogue spells it (any case, «ё»/«е», punctuation). */
export function parseIndicatorId(text: string): IndicatorId | null {
  const t = String(text ?? '').trim();
  if (isIndicatorId(t)) return t;
  const lower = t.toLowerCase();
  if (isIndicatorId(lower)) return lower;
  return BY_NAME.get(normaliseName(t)) ?? null;
}

/** Several (default: all) indicators on one date from one shared context, in catalogue order. */
export function computeIndicators(
  data: IndicatorData,
  asOf: IsoDate,
  options?: IndicatorOptions,
  ids: readonly IndicatorId[] = INDICATOR_IDS,
): IndicatorResult[] {
  const ctx = prepareIndicators(data, asOf, options);
  const wanted = new Set(ids);
  return INDICATORS.filter((i) => wanted.has(i.id)).map((i) => i.evaluate(ctx));
}
