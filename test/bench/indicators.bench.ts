// Benchmark: every indicator on a generated municipality of 10,000 and 100,000 people (staff list; a third of
// them in the mentee base, a sixth mentors; pairs and groups with histories, people who moved, checklists, roadmap
// activities), seeded so every run sees the same data. Each indicator is timed alone, as a custom function would
// call it (context preparation included), then all of them from one shared context and as a history snapshot.
// Then the custom functions (COVERAGE, COVERAGE_TABLE, IS_YOUNG_SPECIALIST) on 10,000-row ranges and the menu actions
// (snapshot, dashboard) with their service calls, through a bundle built from test/fixtures/bundles/indicators-entry.ts.
// Run alone with `npx tsx test/bench/indicators.bench.ts`; test/bench/run.ts can call runIndicatorsBench().
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
// @ts-expect-error build.mjs is plain JavaScript without type declarations
import { buildServer } from '../../build.mjs';
import { createRuntime, loadAddon } from '../../local/runtime';
import { formatHistoryEntry } from '../../src/domain/people-records';
import { ORGANISATION_KIND_LABELS, PAIR_STATUS_LABELS } from '../../src/domain/people';
import { MENTEE_COLUMNS, MENTOR_COLUMNS, ORGANISATION_COLUMNS, PAIR_COLUMNS } from '../../src/sheets/people-schema';
import { generatedWorkbook } from '../harness/indicator-workbook';
import { computeIndicators, INDICATORS, prepareIndicators, type IndicatorData, type RoadmapRecord, type Teacher } from '../../src/domain/indicators';
import { snapshot } from '../../src/domain/indicator-history';
import { CHECKLIST_ITEM_IDS, type OrganisationChecklist } from '../../src/domain/checklist';
import type { Mentee, Mentor, Organisation, OrganisationKind, Pair, PairHistoryEntry, PairStatus } from '../../src/domain/people';
import { addDays } from '../../src/domain/iso-date';
import { seededRandom } from '../../local/sample/prng';

const AS_OF = '2024-03-01';

export function generateMunicipality(people: number, seed = 1): IndicatorData {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const day = (from: string, span: number) => addDays(from, int(0, span));
  const kinds: OrganisationKind[] = ['school', 'school', 'kindergarten', 'kindergarten', 'additional', 'college'];

  const orgCount = Math.max(4, Math.round(people / 40));
  const organisations: Organisation[] = Array.from({ length: orgCount }, (_, i) => ({
    id: `ОО-${i + 1}`, name: `Организация ${i + 1}`, kind: pick(kinds), municipality: 'Город', curator: rnd() < 0.8 ? `Куратор ${i + 1}` : '',
  }));
  const orgId = () => organisations[Math.floor(rnd() * orgCount)].id;
  const moved = (current: string) =>
    rnd() < 0.05 ? [{ organisationId: orgId(), from: day('2021-09-01', 300) }, { organisationId: current, from: day('2023-01-01', 400) }] : undefined;

  const teachers: Teacher[] = [];
  const mentors: Mentor[] = [];
  const mentees: Mentee[] = [];
  for (let i = 0; i < people; i++) {
    const id = `П-${i + 1}`;
    const organisationId = orgId();
    const age = rnd() < 0.02 ? null : int(21, 65);
    const experienceYears = age === null ? int(0, 10) : Math.max(0, Math.min(age - 21, int(0, 40)));
    teachers.push({ id, organisationId, age, experienceYears });
    const role = rnd();
    if (role < 1 / 6) {
      mentors.push({
        id, fullName: id, organisationId, position: 'учитель', subject: '', experienceYears, category: 'высшая', level: '',
        strengths: [], capacity: int(1, 3), preferredFormats: [], consentDate: '2022-09-01', organisationHistory: moved(organisationId),
      });
    } else if (role < 0.5) {
      mentees.push({
        id, fullName: id, organisationId, position: 'учитель', subject: '', age, experienceYears, category: '', deficits: ['оценивание'],
        request: '', preferredFormats: [], includedDate: day('2022-06-01', 700), consentDate: '2022-06-01',
        group: rnd() < 0.5 ? 'young-specialist' : 'other', organisationHistory: moved(organisationId),
        deficitsClosedDate: rnd() < 0.4 ? day('2023-01-01', 500) : null, leftDate: rnd() < 0.05 ? day('2023-01-01', 500) : null,
      });
    }
  }

  const pairs: Pair[] = [];
  let m = 0;
  while (m < mentees.length) {
    const size = rnd() < 0.1 ? int(2, 4) : 1;
    const group = mentees.slice(m, m + size).map((x) => x.id);
    m += size;
    if (rnd() < 0.15) continue; // not paired yet
    const start = day('2022-09-01', 650);
    const steps: [string, PairStatus][] = [[start, 'proposed']];
    const r = rnd();
    if (r < 0.05) steps.push([addDays(start, int(3, 30)), 'cancelled']);
    else {
      const active = addDays(start, int(1, 20));
      steps.push([active, 'active']);
      if (r < 0.4) steps.push([addDays(active, int(90, 365)), rnd() < 0.85 ? 'completed' : 'cancelled']);
    }
    const history: PairHistoryEntry[] = steps.map(([date, to], i) => ({ date, from: i ? steps[i - 1][1] : null, to, note: '' }));
    const scale = rnd() < 0.5 ? ('1-5' as const) : ('0-100' as const);
    const score = () => (rnd() < 0.3 ? null : scale === '1-5' ? int(1, 5) : int(40, 100));
    pairs.push({
      id: `ПР-${pairs.length + 1}`, mentorId: pick(mentors).id, menteeIds: group, rolePair: 'учитель–учитель',
      format: group.length > 1 ? 'в группе' : 'традиционное', programme: { start, end: addDays(start, 270) },
      order: rnd() < 0.9 ? { number: String(pairs.length + 1), date: steps[Math.min(1, steps.length - 1)][0] } : null,
      status: steps[steps.length - 1][1], result: '', mentorSatisfaction: score(), menteeSatisfaction: score(), history, satisfactionScale: scale,
    });
  }

  const checklist: OrganisationChecklist[] = organisations.map((o) => {
    const items: OrganisationChecklist['items'] = {};
    for (const id of CHECKLIST_ITEM_IDS) {
      if (rnd() < 0.05) continue;
      items[id] = { present: rnd() < 0.95, evidence: `https://example.ru/${o.id}/${id}`, count: id === 'pair-count' ? int(0, 20) : undefined };
    }
    return { organisationId: o.id, items };
  });

  const statuses = ['запланировано', 'в работе', 'выполнено', 'отменено', ''];
  const roadmap: RoadmapRecord[] = Array.from({ length: Math.round(people / 5) }, (_, i) => {
    const end = day('2022-09-01', 700);
    const status = pick(statuses);
    return {
      id: `ДК-${i + 1}`, number: String(i + 1), section: '', title: `Мероприятие ${i + 1}`, result: '', responsible: '', deadlineText: '',
      start: '', end, nextDue: end, kind: 'к сроку', recurrence: '', status,
      doneDate: status === 'выполнено' ? addDays(end, int(-30, 20)) : '', evidence: '', comment: '', importNote: '',
      organisationId: rnd() < 0.8 ? orgId() : undefined,
    };
  });

  return { organisations, mentors, mentees, pairs, checklist, roadmap, teachers };
}

function time<T>(f: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
}

/** Best of `runs`: the least disturbed by other processes on a shared machine. */
function best(runs: number, f: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) min = Math.min(min, time(f).ms);
  return min;
}

export async function runIndicatorsBench(sizes: readonly number[] = [10_000, 100_000]): Promise<string> {
  // Warm-up on a small municipality so the first timed indicator does not pay for JIT compilation alone.
  computeIndicators(generateMunicipality(2_000, 7), AS_OF);
  const columns: { size: number; data: IndicatorData; generateMs: number }[] = sizes.map((size) => {
    const g = time(() => generateMunicipality(size, 42));
    return { size, data: g.value, generateMs: g.ms };
  });
  const runsFor = (size: number) => (size <= 10_000 ? 5 : 2);
  const label = (s: string) => s.padEnd(34);
  const W = 22;
  const cell = (ms: number) => `${ms.toFixed(1)} ms`.padStart(W);
  const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const lines: string[] = [
    `Indicators on generated municipalities (as of ${AS_OF}; best of 5 runs for 10k, 2 for 100k; one indicator = preparation + computation)`,
    '',
    label('') + columns.map((c) => `${thousands(c.size)} people`.padStart(W)).join(''),
    label('organisations / mentors / mentees') +
      columns.map((c) => `${c.data.organisations.length} / ${c.data.mentors.length} / ${c.data.mentees.length}`.padStart(W)).join(''),
    label('pairs / roadmap activities') + columns.map((c) => `${c.data.pairs.length} / ${c.data.roadmap?.length ?? 0}`.padStart(W)).join(''),
    label('generation (not part of indicators)') + columns.map((c) => cell(c.generateMs)).join(''),
    label('context preparation alone') + columns.map((c) => cell(best(runsFor(c.size), () => prepareIndicators(c.data, AS_OF)))).join(''),
  ];
  for (const indicator of INDICATORS) {
    lines.push(label(indicator.id) + columns.map((c) => cell(best(runsFor(c.size), () => indicator.compute(c.data, AS_OF)))).join(''));
  }
  lines.push(label('all 15, one shared context') + columns.map((c) => cell(best(runsFor(c.size), () => computeIndicators(c.data, AS_OF)))).join(''));
  lines.push(label('history snapshot (all, flat rows)') + columns.map((c) => cell(best(runsFor(c.size), () => snapshot(c.data, AS_OF)))).join(''));
  const ratio = columns.length === 2 ? best(1, () => computeIndicators(columns[1].data, AS_OF)) / best(1, () => computeIndicators(columns[0].data, AS_OF)) : null;
  if (ratio !== null) lines.push('', `all 15: ${columns[1].size / columns[0].size}× the people took ${ratio.toFixed(1)}× the time (linear would be ${columns[1].size / columns[0].size}×)`);
  lines.push('', await runCoverageFunctionsBench(), '', await runDashboardBench());
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// The custom functions and the menu actions through the built bundle

/** A municipality as the ranges a cell passes: header row (the people sheets' labels), one row per record. */
export function municipalityRanges(data: IndicatorData): Record<'mentors' | 'mentees' | 'pairs' | 'orgs', unknown[][]> {
  const day = (iso: string | null | undefined) => {
    if (!iso) return '';
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(y, m - 1, d);
  };
  const label = (defs: readonly { key: string; label: string }[], key: string) => defs.find((c) => c.key === key)!.label;
  const table = <T>(defs: readonly { key: string; label: string }[], keys: string[], items: readonly T[], row: (x: T) => unknown[]) =>
    [keys.map((k) => label(defs, k)), ...items.map(row)];
  return {
    orgs: table(ORGANISATION_COLUMNS, ['id', 'name', 'kind', 'curator'], data.organisations, (o) => [o.id, o.name, ORGANISATION_KIND_LABELS[o.kind], o.curator]),
    mentors: table(MENTOR_COLUMNS, ['id', 'fullName', 'organisation', 'experience', 'capacity'], data.mentors,
      (m) => [m.id, m.fullName, m.organisationId, m.experienceYears ?? '', m.capacity]),
    mentees: table(MENTEE_COLUMNS, ['id', 'fullName', 'organisation', 'age', 'experience', 'group', 'included'], data.mentees,
      (m) => [m.id, m.fullName, m.organisationId, m.age ?? '', m.experienceYears ?? '', m.group === 'young-specialist' ? 'молодой специалист' : '', day(m.includedDate)]),
    pairs: table(PAIR_COLUMNS, ['id', 'mentorId', 'menteeIds', 'orderNumber', 'orderDate', 'status', 'mentorSatisfaction', 'menteeSatisfaction', 'history'], data.pairs,
      (p) => [p.id, p.mentorId, p.menteeIds.join(', '), p.order?.number ?? '', day(p.order?.date), PAIR_STATUS_LABELS[p.status],
        p.mentorSatisfaction ?? '', p.menteeSatisfaction ?? '', p.history.map(formatHistoryEntry).join('\n')]),
  };
}

async function fixtureBundle(): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-bench-')), 'Code.js');
  await buildServer({ entry: 'test/fixtures/bundles/indicators-entry.ts', outFile: file });
  return file;
}

export async function runCoverageFunctionsBench(): Promise<string> {
  const data = generateMunicipality(31_000, 42);
  const r = municipalityRanges(data);
  const addon = loadAddon(createRuntime({ now: new Date('2024-03-01T10:00:00+03:00') }), await fixtureBundle());
  const lines = [
    `Custom functions through the bundle on ranges of ${r.mentees.length - 1} mentees, ${r.mentors.length - 1} mentors, ` +
      `${r.pairs.length - 1} pairs, ${r.orgs.length - 1} organisations (as of ${AS_OF}; limit 30,000 ms per call; best of 3)`,
    '',
  ];
  const ms = (f: () => unknown) => best(3, f);
  for (const id of ['young-specialists-in-mentoring', 'active-pairs', 'mentors-over-capacity', 'programmes-completed', 'young-specialists-retained']) {
    lines.push(`${`COVERAGE ${id}`.padEnd(50)}${ms(() => addon.custom('COVERAGE', id, r.mentors, r.mentees, r.pairs, r.orgs, '', AS_OF)).toFixed(0).padStart(7)} ms`);
  }
  lines.push(`${'COVERAGE_TABLE young-specialists-in-mentoring'.padEnd(50)}${ms(() => addon.custom('COVERAGE_TABLE', 'young-specialists-in-mentoring', r.mentors, r.mentees, r.pairs, r.orgs, AS_OF)).toFixed(0).padStart(7)} ms`);
  const ages = r.mentees.map((row) => [row[3]]);
  const exps = r.mentees.map((row) => [row[4]]);
  lines.push(`${`IS_YOUNG_SPECIALIST on ${ages.length} rows`.padEnd(50)}${ms(() => addon.custom('IS_YOUNG_SPECIALIST', ages, exps, AS_OF)).toFixed(0).padStart(7)} ms`);
  return lines.join('\n');
}

/** «Сохранить снимок показателей» and «Обновить показатели» on generated workbooks: time and service calls. */
export async function runDashboardBench(sizes: readonly number[] = [2_000, 10_000]): Promise<string> {
  const file = await fixtureBundle();
  const now = new Date('2023-12-05T10:00:00+03:00');
  const lines = ['Indicator menu actions through the bundle (local runtime): time / service calls', ''];
  for (const people of sizes) {
    const rt = createRuntime({ spreadsheet: generatedWorkbook(people, now), now });
    const addon = loadAddon(rt, file);
    addon.run('setupIndicatorSheets');
    rt.env.counter.reset();
    const snap = time(() => addon.run('saveIndicatorSnapshot', '2023-10-01'));
    const snapCalls = rt.env.counter.total;
    rt.env.counter.reset();
    const dash = time(() => addon.run<{ rows: number }>('refreshDashboard'));
    lines.push(`${String(people).padStart(6)} people: snapshot ${snap.ms.toFixed(0)} ms / ${snapCalls} calls; ` +
      `dashboard (${dash.value.rows} rows) ${dash.ms.toFixed(0)} ms / ${rt.env.counter.total} calls`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runIndicatorsBench().then((s) => console.log(s));
}
