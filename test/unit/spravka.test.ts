// The справка (src/domain/spravka.ts) against a hand-designed municipality (test/fixtures/spravka/municipality.json):
// 10 organisations (6 schools, 3 kindergartens, 1 УДО) on 5 December 2023, compared with the snapshot of 25 May 2023.
// The fixture is built so every problem the справка looks for is there once: МКОУ «СОШ № 11» sent nothing,
// МБОУ «ООШ № 8» has no curator, three organisations lack checklist items, mentor Н-13 has two mentees for one
// place, pair П-08 runs past the end of its ППН (30.11.2023), mentees В-05 and В-16 wait for a mentor, pair П-15
// has no order, two roadmap activities are overdue. The golden files pin the whole text; the focused tests
// below check the Russian (plurals, dates, dynamics), empty data and anonymisation on inputs built here.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error build.mjs is plain JavaScript without type declarations
import { buildServer } from '../../build.mjs';
import { createRuntime, loadAddon } from '../../local/runtime';
import { sampleWorkbook } from '../../local/commands/demo';
import { demoPeopleAndPairs } from '../../local/commands/demo-people';
import { sampleTeachers } from '../../local/sample/municipality';
import { FakeDocument } from '../../local/services/document-app';
import { defaultReportKind, reportKinds } from '../../src/addon/report-runner';
import { spravkaBasis } from '../../src/addon/spravka-kind';
import { ROADMAP_SUMMARY_KIND } from '../../src/domain/report-schedule';
import { buildSpravka, formatChange, formatIndicatorValue, SPRAVKA_KIND, type SpravkaInput, type SpravkaOptions } from '../../src/domain/spravka';
import { reportToText, type ReportDocument, type TableBlock } from '../../src/domain/report-doc';
import { buildTargetTable, type TargetInputRow } from '../../src/domain/targets';
import type { HistoryRow } from '../../src/domain/indicator-history';
import type { IndicatorData } from '../../src/domain/indicators';
import type { Mentee, Mentor, Organisation, OrganisationKind, Pair } from '../../src/domain/people';
import type { TrackerRecord } from '../../src/domain/tracker';
import type { Period } from '../../src/domain/types';

interface Fixture {
  asOf: string;
  basis: string;
  data: IndicatorData;
  roadmap: { title: string; period: Period; records: TrackerRecord[] };
  targetRows: TargetInputRow[];
  history: HistoryRow[];
}

const fixtureUrl = (name: string) => new URL(`../fixtures/spravka/${name}`, import.meta.url);
const fx = JSON.parse(readFileSync(fixtureUrl('municipality.json'), 'utf8')) as Fixture;
const targets = buildTargetTable(fx.targetRows, fx.data.organisations);
const input: SpravkaInput = { data: fx.data, roadmap: fx.roadmap, history: fx.history, targets: targets.table };

/** Tests read better with ordinary spaces; the NBSP convention is checked separately. */
const sp = (s: string) => s.replace(/\u00a0/g, ' ');
const NBSP = '\u00a0';

function render(inp: SpravkaInput, opts: Partial<SpravkaOptions> = {}): string {
  return reportToText(buildSpravka(inp, { asOf: fx.asOf, anonymised: false, ...opts }));
}

function golden(name: string, text: string): string {
  const url = fixtureUrl(name);
  // UPDATE_GOLDEN=1 rewrites the file; read the diff as a Russian reader before committing it.
  if (process.env.UPDATE_GOLDEN) writeFileSync(url, text);
  return readFileSync(url, 'utf8');
}

function section(text: string, heading: string): string {
  const start = text.indexOf(`## ${heading}`);
  expect(start, `no section «${heading}»`).toBeGreaterThanOrEqual(0);
  const next = text.indexOf('\n## ', start + 3);
  return text.slice(start, next < 0 ? undefined : next);
}

function organisation(id: string, kind: OrganisationKind, curator = ''): Organisation {
  return { id, name: `Организация ${id}`, kind, municipality: '', curator };
}

function emptyData(organisations: Organisation[] = []): IndicatorData {
  return { organisations, mentors: [], mentees: [], pairs: [], checklist: [] };
}

describe('golden: the municipality on 5 December 2023', () => {
  it('reads as pinned in municipality.txt (with names of curators and responsible persons)', () => {
    const text = render(input, { basis: fx.basis });
    expect(text).toBe(golden('municipality.txt', text));
  });

  it('reads as pinned in municipality-anonymised.txt', () => {
    const text = render(input, { basis: fx.basis, anonymised: true });
    expect(text).toBe(golden('municipality-anonymised.txt', text));
  });

  it('has the outline of a справка: nine numbered sections, then appendices, tables numbered in order', () => {
    const doc = buildSpravka(input, { asOf: fx.asOf, anonymised: true });
    expect(doc.title).toBe(SPRAVKA_KIND);
    const headings = doc.blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      '1. Основание и сроки проведения мониторинга',
      '2. Участники мониторинга',
      '3. Нормативно-правовое обеспечение',
      '4. Количественные показатели',
      '5. Наставнические пары и группы, формы наставничества',
      '6. Удовлетворённость участников и результаты наставничества',
      '7. Исполнение дорожной карты',
      '8. Выявленные проблемы',
      '9. Выводы и рекомендации',
      'Приложения',
    ]);
    const tables = doc.blocks.filter((b): b is TableBlock => b.type === 'table');
    tables.forEach((t, i) => expect(t.caption).toMatch(new RegExp(`^Таблица ${i + 1} – `)));
    expect(tables.map((t) => t.name)).toEqual([
      'participants', 'checklist', 'indicators', 'role-pairs', 'formats', 'roadmap', 'organisations', 'coverage-by-organisation', 'results-by-organisation',
      'checklist-by-organisation',
    ]);
    // With names, curators get a table of their own (names are long; the table by organisation stays narrow).
    const named = buildSpravka(input, { asOf: fx.asOf, anonymised: false }).blocks.filter((b): b is TableBlock => b.type === 'table');
    expect(named.map((t) => t.name)).toContain('curators');
    expect(named.find((t) => t.name === 'curators')!.rows).toContainEqual(['МБОУ «ООШ № 8»', 'не назначен']);
    // Appendices start on a new page.
    const appendices = doc.blocks.findIndex((b) => b.type === 'heading' && b.text === 'Приложения');
    expect(doc.blocks[appendices - 1]).toEqual({ type: 'pageBreak' });
    expect(doc.placeholders).toMatchObject({ date: `5${NBSP}декабря 2023${NBSP}г.`, organisations: '10', activePairs: '16', implemented: '6', year: '2023' });
  });

  it('states the figures of the fixture that were counted by hand', () => {
    const text = sp(render(input));
    // 10 organisations; 16 mentors; 26 mentees in the base (В-07 left on 10.02.2023), 23 of them young specialists.
    expect(text).toContain('В мониторинге участвуют 10 образовательных организаций, в том числе 6 общеобразовательных организаций, 3 дошкольные образовательные организации и 1 организация дополнительного образования.');
    expect(text).toContain('В базе наставников 16 человек, в базе наставляемых — 26 человек, из них 23 молодых специалиста');
    // Active on 5.12.2023: 15 pairs and the group Г-01 (3 mentees); П-15 has no order.
    expect(text).toContain('действуют 15 наставнических пар и 1 группа (всего 18 наставляемых); приказами закреплены 15, без приказа — 1 (МБОУ «Лицей № 5»)');
    // Checklists: S1 S2 S3 K1 K2 D1 complete; S4, S5, K3 lack items; S6 sent none.
    expect(text).toContain('Все 10 пунктов чек-листа внедрения целевой модели наставничества выполнены в 6 из 10 организаций (60,0 %). Чек-лист не представлен в 1 организации: МКОУ «СОШ № 11».');
    expect(text).toContain('МБОУ «ООШ № 8» — 3 пункта: Программа наставничества; Приказ о назначении куратора; Положение о поощрении наставников.');
    // Target 80 % of 10 = 8 organisations, 6 implemented: 2 more needed.
    expect(text).toContain('для достижения цели модель должны внедрить ещё 2 организации.');
    // Roadmap: 12 activities, 1 cancelled; done 5 (ДК-002 and ДК-004 late), overdue ДК-005 and ДК-007.
    expect(text).toContain('Из 11 действующих мероприятий на 5 декабря 2023 г. выполнено 5 (45,5 %), в том числе в срок — 3, с нарушением срока — 2; просрочено — 2; в работе и запланировано — 4.');
    // Problems found automatically.
    const problems = section(text, '8. Выявленные проблемы');
    expect(problems).toContain('Не представлены данные для мониторинга (чек-лист, сведения о наставниках и наставляемых) из 1 организации: МКОУ «СОШ № 11».');
    expect(problems).toContain('Не назначен куратор внедрения целевой модели в 1 организации: МБОУ «ООШ № 8».');
    expect(problems).toContain('Нагрузка превышает допустимую у 1 наставника: Н-13 (Новикова Ирина Борисовна, МБДОУ «Детский сад № 12») — 2 наставляемых при 1 месте.');
    expect(problems).toContain('Срок ППН истёк, а 1 пара (группа) продолжает действовать: П-08 (МАОУ «Гимназия № 2») — ППН закончилась 30.11.2023.');
    expect(problems).toContain('ожидают подбора наставника 2 наставляемых');
    expect(problems).toContain('Не закреплена приказом 1 пара (группа)');
    expect(problems).toContain('Просрочены 2 мероприятия дорожной карты');
    expect(problems).toMatch(/Показатель «Доля молодых специалистов, вовлечённых в наставничество» ниже целевого значения \(не менее 80 %\) в 7 организациях: МБОУ «СОШ № 1» — 75,0 %;/);
    // Conclusions speak in the numbers.
    const conclusions = section(text, '9. Выводы и рекомендации');
    expect(conclusions).toContain('Целевой показатель «Доля молодых специалистов, вовлечённых в наставничество» (не менее 80 %) достигнут в 2 из 9 организаций, по которым есть данные; в целом — 69,6 %, цель не достигнута.');
    expect(conclusions).toContain('Руководителю МБОУ «ООШ № 8» назначить куратора внедрения целевой модели наставничества.');
  });

  it('compares with the latest earlier snapshot, or with the one asked for', () => {
    const latest = sp(section(render(input), '4. Количественные показатели'));
    expect(latest).toMatch(/Показатель +\| На 25\.05\.2023 +\| На 05\.12\.2023 +\| Изменение +\| Цель на 2023 г\. \| Выполнение/);
    // Implemented: 3 of 10 on 25.05.2023 (later documents of S2, K2, D1 not there yet), 6 of 10 now.
    expect(latest).toMatch(/Доля ОО, внедривших целевую модель наставничества +\| 30,0 % \(3 из 10\) \| 60,0 % \(6 из 10\) +\| \+30,0 п\. п\./);
    const december = sp(render(input, { previousSnapshotDate: '2022-12-06' }));
    expect(december).toContain('Для оценки динамики использованы данные предыдущего мониторинга на 6 декабря 2022 г.');
    expect(december).toMatch(/\| На 06\.12\.2022 +\|/);
    const missing = sp(render(input, { previousSnapshotDate: '2023-01-15' }));
    expect(missing).toContain('Данных мониторинга на 15 января 2023 г. в истории показателей нет, поэтому динамика не рассчитана.');
    expect(missing).not.toContain('Изменение');
  });

  it('does not count as done on a past date what was done later', () => {
    // ДК-004 was done on 12.10.2023: on 1 October it was still overdue (deadline 30.09.2023).
    const text = sp(render({ ...input, history: [] }, { asOf: '2023-10-01' }));
    expect(text).toContain('Из 11 действующих мероприятий на 1 октября 2023 г. выполнено 4');
    expect(text).toContain('п. 1.4. Формирование муниципальной базы наставников и наставляемых (срок — сентябрь 2023 г.');
  });
});

describe('anonymised справка', () => {
  const fio = /[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)? [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+(?:вич|вна|ична|ич)\b/;
  const initials = /[А-ЯЁ][а-яё]+ [А-ЯЁ]\. ?[А-ЯЁ]\./g;
  const people: string[] = [
    ...fx.data.mentors.map((m) => m.fullName),
    ...fx.data.mentees.map((m) => m.fullName),
    ...fx.data.organisations.map((o) => o.curator).filter(Boolean),
    ...fx.roadmap.records.flatMap((r) => r.responsible.match(initials) ?? []),
  ];

  function everything(doc: ReportDocument): string {
    return [reportToText(doc), ...Object.values(doc.placeholders)].join('\n').replace(/\u00a0/g, ' ');
  }

  it('the fixture has the names the test looks for', () => {
    expect(people.length).toBe(16 + 27 + 9 + 4);
    expect(people).toContain('Смирнова Е. В.');
    expect(people).toContain('Кузьмина О. А.');
  });

  it('names nobody: no mentor, mentee, curator or responsible person, not even by surname', () => {
    const text = everything(buildSpravka(input, { asOf: fx.asOf, anonymised: true, basis: fx.basis }));
    for (const name of people) {
      expect(text, name).not.toContain(name);
      const surname = name.split(' ')[0];
      expect(new RegExp(`(?<![А-Яа-яЁё])${surname}(?![а-яё])`).test(text), surname).toBe(false);
    }
    expect(text).not.toMatch(fio);
    // Who is meant is still there, by pseudonymous id.
    expect(text).toContain('Н-13 (МБДОУ «Детский сад № 12») — 2 наставляемых при 1 месте');
    expect(text).toContain('В-16 (МБОУ «ООШ № 8»)');
    expect(text).toContain('Справка обезличена');
  });

  it('masks names that come in with the roadmap, the basis or the title', () => {
    const records = fx.roadmap.records.map((r) => (r.id === 'ДК-007' ? { ...r, title: 'Семинар Кузьминой О. А. для наставников' } : r));
    const doc = buildSpravka(
      { ...input, roadmap: { ...fx.roadmap, title: 'Дорожная карта (отв. Смирнова Е. В.)', records } },
      { asOf: fx.asOf, anonymised: true, basis: 'поручение Смирновой Е. В.', title: 'Справка для Петрова П. П.' },
    );
    const text = everything(doc);
    expect(text).not.toMatch(/Кузьмин|Смирнов|Петров/);
    expect(text).toContain('[ФИО]');
  });

  it('with names, the same справка names curators, responsible persons and the people behind the problems', () => {
    const text = everything(buildSpravka(input, { asOf: fx.asOf, anonymised: false }));
    expect(text).toContain('Ковалёва Лидия Юрьевна');
    expect(text).toContain('Кузьмина О. А.');
    expect(text).toContain('Н-13 (Новикова Ирина Борисовна, МБДОУ «Детский сад № 12»)');
    expect(text).not.toContain('Справка обезличена');
  });
});

describe('Russian in the text', () => {
  function participants(n: number, kind: OrganisationKind = 'school'): string {
    const orgs = Array.from({ length: n }, (_, i) => organisation(`O${i + 1}`, kind));
    return sp(render({ data: emptyData(orgs) }));
  }

  it.each([
    [1, 'В мониторинге участвует 1 общеобразовательная организация.', 'в 1 организации:'],
    [3, 'В мониторинге участвуют 3 общеобразовательные организации.', 'в 3 организациях:'],
    [5, 'В мониторинге участвуют 5 общеобразовательных организаций.', 'в 5 организациях:'],
    [11, 'В мониторинге участвуют 11 общеобразовательных организаций.', 'в 11 организациях:'],
    [21, 'В мониторинге участвует 21 общеобразовательная организация.', 'в 21 организации:'],
  ])('%d organisations: «%s»', (n, sentence, where) => {
    expect(participants(n)).toContain(sentence);
    // n organisations without a curator among n + 1.
    const orgs = [...Array.from({ length: n }, (_, i) => organisation(`O${i + 1}`, 'school')), organisation('X', 'school', 'Куратор')];
    const text = sp(render({ data: emptyData(orgs) }));
    expect(section(text, '8. Выявленные проблемы')).toContain(`Не назначен куратор внедрения целевой модели ${where}`);
  });

  it('says once what no organisation has, instead of listing them all', () => {
    const text = sp(render({ data: emptyData([organisation('A', 'school'), organisation('B', 'kindergarten')]) }));
    const problems = section(text, '8. Выявленные проблемы');
    expect(problems).toContain('Чек-листы внедрения целевой модели не представлены ни одной организацией.');
    expect(problems).toContain('Базы наставников и наставляемых не заполнены ни одной организацией.');
    expect(problems).toContain('Ни по одной организации не указан куратор внедрения целевой модели.');
    expect(problems).not.toContain('Организация A');
    expect(text).toContain('Организовать заполнение чек-листов внедрения целевой модели и баз наставников и наставляемых кураторами всех организаций.');
    expect(text).toContain('Назначить кураторов внедрения целевой модели во всех организациях и внести их в список организаций.');
  });

  it('agrees every word of a kind with its number, and lists kinds with «и»', () => {
    const orgs = [
      organisation('S1', 'school'), organisation('S2', 'school'), organisation('S3', 'school'),
      organisation('K1', 'kindergarten'), organisation('D1', 'additional'), organisation('D2', 'additional'),
      organisation('C1', 'college'), organisation('C2', 'college'), organisation('C3', 'college'), organisation('C4', 'college'), organisation('C5', 'college'),
    ];
    const text = sp(render({ data: emptyData(orgs) }));
    expect(text).toContain(
      'В мониторинге участвуют 11 образовательных организаций, в том числе 3 общеобразовательные организации, 1 дошкольная образовательная организация, ' +
        '2 организации дополнительного образования и 5 профессиональных образовательных организаций.',
    );
  });

  it('«из 1 организации», «из 21 организации», «из 5 организаций» and the number still needed to reach a target', () => {
    const checklist = (id: string) => ({
      organisationId: id,
      items: Object.fromEntries(['website-section', 'model-order', 'regulation', 'roadmap', 'programme', 'curator-order', 'database', 'reward-rule', 'pair-orders']
        .map((k) => [k, { present: true, evidence: 'https://example.ru' }]).concat([['pair-count', { present: true, evidence: 'https://example.ru', count: 1 } as never]])),
    });
    const orgs = (n: number) => Array.from({ length: n }, (_, i) => organisation(`O${i + 1}`, 'school', 'Куратор'));
    const one = sp(render({ data: { ...emptyData(orgs(21)), checklist: [checklist('O1')] } }));
    expect(one).toContain('выполнены в 1 из 21 организации (4,8 %)');
    // 80 % of 21 is 16,8 → 17 organisations; 1 has implemented → 16 more.
    expect(one).toContain('для достижения цели модель должны внедрить ещё 16 организаций.');
    const five = sp(render({ data: { ...emptyData(orgs(5)), checklist: ['O1', 'O2', 'O3'].map(checklist) } }));
    expect(five).toContain('выполнены в 3 из 5 организаций (60,0 %)');
    expect(five).toContain('для достижения цели модель должна внедрить ещё 1 организация.');
    const all = sp(render({ data: { ...emptyData(orgs(4)), checklist: ['O1', 'O2', 'O3', 'O4'].map(checklist) } }));
    expect(all).toContain('Целевая модель наставничества внедрена (выполнены все пункты чек-листа) во всех 4 организациях при целевом значении на 2023 год не менее 80 %: цель достигнута.');
    const none = sp(render({ data: emptyData(orgs(5)) }));
    expect(none).toContain('Целевая модель наставничества не внедрена ни в одной из 5 организаций при целевом значении на 2023 год не менее 80 %; для достижения цели модель должны внедрить ещё 4 организации.');
  });

  it('writes dates the Russian way, with no-break spaces inside', () => {
    const doc = buildSpravka({ ...input, roadmap: { ...fx.roadmap, period: { start: '2023-09-01', end: '2024-08-31' } } }, { asOf: '2023-12-05', anonymised: true });
    expect(doc.subtitle).toBe(`о реализации целевой модели наставничества педагогических работников по состоянию на 5${NBSP}декабря 2023${NBSP}г.`);
    const text = sp(reportToText(doc));
    expect(text).toContain('(период реализации — 2023/2024 учебный год)');
    expect(sp(render(input))).toContain('(период реализации — 2022–2024 гг.)');
    expect(sp(render({ data: emptyData() }, { asOf: '2024-03-01' }))).toContain('по состоянию на 1 марта 2024 г.');
    // No sentence ends with «г..».
    expect(reportToText(doc)).not.toMatch(/г\.\./);
  });

  it('formats dynamics with a sign: percentage points for shares, numbers for counts and ratios', () => {
    expect(formatChange('share', 0.052)).toBe(`+5,2${NBSP}п.${NBSP}п.`);
    expect(formatChange('share', -0.03)).toBe(`−3,0${NBSP}п.${NBSP}п.`);
    expect(formatChange('share', 0.30434)).toBe(`+30,4${NBSP}п.${NBSP}п.`);
    expect(formatChange('share', 0.0004)).toBe('без изменений');
    expect(formatChange('share', -0.0004)).toBe('без изменений');
    expect(formatChange('count', 3)).toBe('+3');
    expect(formatChange('count', -2)).toBe('−2');
    expect(formatChange('count', 0)).toBe('без изменений');
    expect(formatChange('ratio', 0.25)).toBe('+0,3');
    expect(formatChange('ratio', -0.04)).toBe('без изменений');
  });

  it('formats values: a share with its fraction, a count, a ratio, and «нет данных» with nothing to count', () => {
    expect(sp(formatIndicatorValue('share', { numerator: 16, denominator: 23, value: 16 / 23 }))).toBe('69,6 % (16 из 23)');
    expect(formatIndicatorValue('count', { numerator: 15, denominator: 16, value: 15 })).toBe('15');
    expect(formatIndicatorValue('ratio', { numerator: 18, denominator: 13, value: 18 / 13 })).toBe('1,4');
    expect(formatIndicatorValue('share', { numerator: 0, denominator: 0, value: null })).toBe('нет данных');
  });

  it('puts the dynamics of the fixture in the table and names what improved and what got worse', () => {
    const text = sp(render(input));
    // Young specialists: 6 of 6 on 25.05.2023, 16 of 23 now: 69,57 − 100 = −30,4 p.p.
    expect(text).toMatch(/Доля молодых специалистов, вовлечённых в наставничество +\| 100,0 % \(6 из 6\) +\| 69,6 % \(16 из 23\) \| −30,4 п\. п\./);
    expect(text).toMatch(/Число действующих наставнических пар и групп по приказам +\| 7 +\| 15 +\| \+8 /);
    expect(text).toContain('ухудшились 5 («Доля молодых специалистов, вовлечённых в наставничество» — снижение на 30,4 п. п.;');
    // More mentors over capacity is worse even though the number grew.
    expect(text).toContain('«Число наставников сверх допустимой нагрузки» — рост на 1)');
  });
});

describe('empty data', () => {
  const forbidden = /NaN|undefined|null|Infinity|\[object|—\s*%|\(\s*\)|\s\./;

  it('one organisation, no people, no pairs, no history, no roadmap: still a справка that says so', () => {
    const text = sp(render({ data: emptyData([organisation('S1', 'school')]) }, { anonymised: true }));
    expect(text).not.toMatch(forbidden);
    expect(text).toContain('В мониторинге участвует 1 общеобразовательная организация.');
    expect(text).toContain('Базы наставников и наставляемых не заполнены.');
    expect(text).toContain('Данных предыдущего мониторинга нет, поэтому динамика показателей не рассчитана: это первый срез.');
    expect(text).toContain('На 5 декабря 2023 г. действующих наставнических пар и групп нет.');
    expect(text).toContain('Опросы удовлетворённости наставников и наставляемых не проводились или их результаты не внесены: оценок нет.');
    expect(text).toContain('Персонализированных программ наставничества (ППН), закончившихся к 5 декабря 2023 г., нет');
    expect(text).toContain('Мероприятия дорожной карты в таблицу не загружены: исполнение не оценивается.');
    expect(text).toContain('Чек-лист внедрения целевой модели наставничества не представлен.');
    expect(text).toContain('Не рассчитаны: «Доля молодых специалистов, вовлечённых в наставничество»');
    expect(text).toContain('— нет списка педагогических работников');
    expect(text).toContain('Целевая модель наставничества не внедрена в Организация S1 при целевом значении на 2023 год не менее 80 %; для достижения цели модель должна внедрить ещё 1 организация.');
    expect(text).not.toContain('Изменение');
    expect(text).not.toContain('Таблица 4 – Действующие пары');
  });

  it('no organisations at all: says the list is empty and what to do', () => {
    const text = sp(render({ data: emptyData() }));
    expect(text).not.toMatch(forbidden);
    expect(text).toContain('Образовательные организации в мониторинг не включены: список организаций пуст.');
    expect(text).toContain('Список образовательных организаций пуст: данные для мониторинга не внесены.');
    expect(text).toContain('Внести в таблицу список образовательных организаций');
    expect(text).not.toContain('Приложения');
  });

  it('people but no pairs yet: mentees are counted and said to be waiting', () => {
    const mentor: Mentor = {
      id: 'Н-1', fullName: 'Первая Анна Ивановна', organisationId: 'S1', position: 'учитель', subject: '', experienceYears: 20, category: '',
      level: '', strengths: [], capacity: 1, preferredFormats: [], consentDate: '2023-09-01',
    };
    const mentee: Mentee = {
      id: 'В-1', fullName: 'Вторая Мария Петровна', organisationId: 'S1', position: 'учитель', subject: '', age: 23, experienceYears: 0, category: '',
      deficits: [], request: '', preferredFormats: [], includedDate: '2023-09-01', consentDate: '2023-09-01',
    };
    const text = sp(render({ data: { ...emptyData([organisation('S1', 'school', 'Куратор')]), mentors: [mentor], mentees: [mentee] } }, { anonymised: true }));
    expect(text).not.toMatch(forbidden);
    expect(text).toContain('В базе наставников 1 человек, в базе наставляемых — 1 человек, из них 1 молодой специалист');
    expect(text).toContain('Более 30 дней ожидает подбора наставника 1 наставляемый: В-1 (Организация S1) — с 01.09.2023.');
    expect(text).toContain('Подобрать наставников наставляемому В-1, ожидающему пары.');
    expect(text).not.toMatch(/Первая|Вторая/);
  });

  it('a group only, without an order: the wording is about a group', () => {
    const pair: Pair = {
      id: 'Г-1', mentorId: 'Н-1', menteeIds: ['В-1', 'В-2'], rolePair: '', format: '', programme: null, order: null, status: 'active', result: '',
      mentorSatisfaction: null, menteeSatisfaction: null, history: [{ date: '2023-09-01', from: null, to: 'active', note: '' }], organisationId: 'S1',
    };
    const text = sp(render({ data: { ...emptyData([organisation('S1', 'school', 'Куратор')]), pairs: [pair] } }));
    expect(text).toContain('На 5 декабря 2023 г. действует 1 наставническая группа (всего 2 наставляемых); приказом она не закреплена.');
    expect(text).toMatch(/не указана +\| 1 +\| 100,0 %/);
    expect(text).toContain('Закрепить приказом руководителя 1 пару (группу), действующую без приказа (Организация S1).');
  });
});

describe('input from the workbook', () => {
  it('shows the notes about the sources in the appendix of remarks', () => {
    const text = sp(render({ ...input, notes: ['Листа «Цели» нет: целевые значения взяты из программ-образцов', ''] }));
    expect(section(text, 'Приложения')).toContain('Приложение 4. Замечания к исходным данным');
    expect(text).toContain('- Листа «Цели» нет: целевые значения взяты из программ-образцов.');
  });

  it('uses the seed programmes\' targets when there is no «Цели» table', () => {
    const text = sp(render({ ...input, targets: undefined }));
    // DEFAULT_TARGETS for 2023: model implemented 80 %, young specialists ≥ 80 %, under 35 — 70 %, satisfaction 90 %.
    expect(text).toMatch(/Доля ОО, внедривших целевую модель наставничества .*\| не менее 80 % +\| не достигнуто/);
    expect(text).not.toMatch(/Доля ОО с назначенным куратором .*\| 100 %/);
  });

  it('rejects a date that is not ISO', () => {
    expect(() => buildSpravka(input, { asOf: '05.12.2023', anonymised: true })).toThrow(/ГГГГ-ММ-ДД/);
  });
});

describe('the report kind (src/addon/spravka-kind.ts)', () => {
  it('registers the справка as the default kind, next to the roadmap summary, without touching a service', () => {
    // This file runs in Node without Apps Script globals: a service call at load would have thrown on import.
    expect(defaultReportKind()).toBe(SPRAVKA_KIND);
    expect(reportKinds()).toEqual([ROADMAP_SUMMARY_KIND, SPRAVKA_KIND]);
  });

  it('takes the basis from the schedule row: the roadmap item, or what the coordinator wrote, never the menu item', () => {
    expect(spravkaBasis({ source: 'дорожная карта', basis: 'п. 3.1. Мониторинг реализации (срок: Ежегодно, май 2023, май 2024)' }))
      .toBe('дорожная карта, п. 3.1. Мониторинг реализации (срок: Ежегодно, май 2023, май 2024)');
    expect(spravkaBasis({ source: 'вручную', basis: 'Сформировать справку сейчас' })).toBe('');
    expect(spravkaBasis({ source: 'вручную', basis: 'запрос регионального центра наставничества от 01.12.2023 № 45' }))
      .toBe('запрос регионального центра наставничества от 01.12.2023 № 45');
    expect(spravkaBasis({ source: 'вручную', basis: '  ' })).toBe('');
  });

  // src/main.ts with the one import line the lead adds, bundled as build.mjs does, on the demo workbook: the roadmap
  // imported, people and pairs set up through the add-on, then «Сформировать справку сейчас».
  let bundleDir = '';
  beforeAll(async () => {
    bundleDir = mkdtempSync(path.join(os.tmpdir(), 'nastavnik-spravka-'));
    const entry = path.join(bundleDir, 'entry.ts');
    writeFileSync(entry, `export * from ${JSON.stringify(path.resolve('src/main.ts'))};\nimport ${JSON.stringify(path.resolve('src/addon/spravka-kind.ts'))};\n`);
    await buildServer({ entry, functionsFile: 'src/addon/functions.ts', outFile: path.join(bundleDir, 'Code.js') });
  }, 60_000);

  function demo(withPeople: boolean) {
    const now = new Date('2023-12-05T10:00:00+03:00');
    const workbook = sampleWorkbook(now);
    const runtime = createRuntime({ spreadsheet: workbook, now, distDir: bundleDir });
    const addon = loadAddon(runtime);
    const source = workbook.getSheets()[0];
    workbook.setActiveSheet(source);
    source.setActiveRange(source.getDataRange());
    const selection = addon.callFromClient('importSelectionInfo', []) as { range: string };
    addon.callFromClient('importApply', [{ source: 'selection', range: selection.range, period: null }]);
    if (withPeople) demoPeopleAndPairs(addon, workbook);
    return { addon, runtime };
  }

  function docText(runtime: ReturnType<typeof createRuntime>, url: string): string {
    const drive = runtime.services.drive;
    const item = [...drive.items.values()].find((i) => url.includes(i.id));
    expect(item, url).toBeDefined();
    return new FakeDocument(drive, item!).getBody().getText().replace(/\u00a0/g, ' ');
  }

  it('«Сформировать справку сейчас» produces the справка from the workbook, without names', () => {
    const { addon, runtime } = demo(true);
    const result = addon.run<{ produced: { kind: string; name: string; url: string }[]; failed: { message: string }[] }>('generateReportNow', undefined, true);
    expect(result.failed).toEqual([]);
    expect(result.produced.map((p) => [p.kind, p.name])).toEqual([[SPRAVKA_KIND, `${SPRAVKA_KIND} — 05.12.2023`]]);
    const text = docText(runtime, result.produced[0].url);
    expect(text.startsWith(`${SPRAVKA_KIND}\nо реализации целевой модели наставничества педагогических работников по состоянию на 5 декабря 2023 г.`)).toBe(true);
    expect(text).toContain('В мониторинге участвуют 10 образовательных организаций');
    expect(text).toMatch(/На 5 декабря 2023 г\. действу(ет|ют) \d+ наставническ/);
    expect(text).toContain('9. Выводы и рекомендации');
    // Without a «Цели» or «Чек-лист внедрения» sheet the справка says where its targets came from.
    expect(text).toContain('Листа «Цели» нет: целевые значения взяты из программ-образцов.');
    for (const t of sampleTeachers()) {
      expect(text, t.fullName).not.toContain(t.fullName);
      expect(text, t.fullName).not.toContain(t.fullName.split(' ')[0] + ' ' + t.fullName.split(' ')[1]);
    }
  });

  it('a workbook with the roadmap only still gets a справка that says the bases are empty', () => {
    const { addon, runtime } = demo(false);
    const result = addon.run<{ produced: { url: string }[]; failed: { message: string }[] }>('generateReportNow', undefined, true);
    expect(result.failed).toEqual([]);
    const text = docText(runtime, result.produced[0].url);
    expect(text).toContain('Образовательные организации в мониторинг не включены: список организаций пуст.');
    expect(text).toContain('7. Исполнение дорожной карты');
  });
});
