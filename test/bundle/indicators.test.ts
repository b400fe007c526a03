// Indicators through the built bundle: «Создать листы целей и чек-листа», «Сохранить снимок показателей» and
// «Обновить показатели» on a small municipality whose figures are counted by hand below, their service-call
// budget at 20 and 2,000 people, and the custom functions COVERAGE, COVERAGE_TABLE and IS_YOUNG_SPECIALIST with
// 2-D ranges, header rows, blanks and bad values, in AuthMode.CUSTOM_FUNCTION.
//
// The municipality (test/harness/indicator-workbook.ts), on 05.12.2023:
//   ОО-01, ОО-02 schools, ОО-03 kindergarten; curators in ОО-01 and ОО-03.
//   Young specialists (under 35, 0–3 years): НЛ-1, НЛ-2 (ОО-01); НЛ-4, НЛ-5, НЛ-9 (ОО-02: НЛ-9 moved from ОО-01 on
//   01.11.2023); НЛ-6 and НЛ-7 (ОО-03; НЛ-7 has no experience but is «молодой специалист» by category).
//   НЛ-3 is 40; НЛ-8 joins the base only on 15.01.2024.
//   Pairs: ПР-1 НС-1→НЛ-1 active since 01.09.2023 (order); ПР-2 НС-2→НЛ-3 active, no order; ПР-3 НС-3→НЛ-4 active
//   (order); ПР-4 НС-3→НЛ-5 completed 30.06.2023 (satisfaction 5 and 4 of 5); ПР-5 НС-4→НЛ-6+НЛ-7 group active from
//   02.10.2023 (satisfaction 0,9 and 0,7 — percent-formatted); ПР-6 НС-1→НЛ-9 cancelled 01.10.2023 after being
//   active; ПР-7 НС-3→НЛ-2 proposed 01.12.2023 (НС-3 takes 1, so now holds 2).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error build.mjs is plain JavaScript without type declarations
import { buildServer } from '../../build.mjs';
import { createRuntime, loadAddon, type Addon } from '../../local/runtime';
import type { FakeSpreadsheet } from '../../local/spreadsheet';
import { checklistRows, d, generatedWorkbook, municipalityWorkbook } from '../harness/indicator-workbook';
import { callsOf } from '../harness/addon';

const NOW = new Date('2023-12-05T10:00:00+03:00');
let file = '';

beforeAll(async () => {
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-indicators-')), 'Code.js');
  await buildServer({ entry: 'test/fixtures/bundles/indicators-entry.ts', outFile: file });
});

function open(ss: FakeSpreadsheet, now = NOW): Addon {
  return loadAddon(createRuntime({ spreadsheet: ss, now }), file);
}

/** The municipality with «Цели» and «Чек-лист внедрения» set up and the curators' marks in. */
function prepared(): { ss: FakeSpreadsheet; addon: Addon } {
  const ss = municipalityWorkbook(NOW);
  const addon = open(ss);
  addon.run('setupIndicatorSheets');
  const rows = checklistRows();
  ss.getSheetByName('Чек-лист внедрения')!.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  return { ss, addon };
}

interface DashRow {
  numerator: number;
  denominator: number;
  value: unknown;
  target: unknown;
  targetText: string;
  gap: unknown;
  status: string;
  sparkline: string;
  change: unknown;
  row: number;
}

/** The dashboard's rows by «indicator|scope» (from the code columns, so the test does not depend on labels). */
function dashboard(ss: FakeSpreadsheet): Map<string, DashRow> {
  const sheet = ss.getSheetByName('Показатели')!;
  const values = sheet.getDataRange().getValues();
  const formulas = sheet.getDataRange().getFormulas();
  const header = values[3] as string[];
  const c = (label: string) => header.indexOf(label);
  const out = new Map<string, DashRow>();
  for (let r = 4; r < values.length; r++) {
    const v = values[r];
    if (!v[c('Код показателя')]) continue;
    out.set(`${v[c('Код показателя')]}|${v[c('Код среза')]}`, {
      numerator: v[c('Числитель')] as number,
      denominator: v[c('Знаменатель')] as number,
      value: v[c('Значение')],
      target: v[c('Цель')],
      targetText: v[c('Цель (как задана)')] as string,
      gap: v[c('До цели')],
      status: v[c('Статус')] as string,
      sparkline: formulas[r][c('Динамика')],
      change: v[c('Изменение')],
      row: r + 1,
    });
  }
  return out;
}

function figure(rows: Map<string, DashRow>, key: string): DashRow {
  const row = rows.get(key);
  if (!row) throw new Error(`no dashboard row ${key}`);
  return row;
}

const nd = (row: DashRow) => [row.numerator, row.denominator];

describe('«Создать листы целей и чек-листа»', () => {
  it('creates «Цели» from the seed programmes and one checklist row per organisation', () => {
    const ss = municipalityWorkbook(NOW);
    const addon = open(ss);
    const summary = addon.run<{ targets: { created: boolean; rows: number }; checklist: { created: boolean; added: number } }>('setupIndicatorSheets');
    expect(summary.targets).toEqual({ created: true, rows: 9 });
    expect(summary.checklist).toEqual({ created: true, added: 3 });

    const targets = ss.getSheetByName('Цели')!.getDataRange().getValues();
    expect(targets[0]).toEqual(['Показатель', 'Год', 'Срез', 'Условие', 'Цель, %', 'Цель, количество', 'в т. ч. по видам ОО', 'Из (всего)', 'Формулировка в документе']);
    const implemented2021 = targets.find((r) => r[0] === 'Доля ОО, внедривших целевую модель наставничества' && r[1] === 2021)!;
    expect(implemented2021.slice(2, 8)).toEqual(['Итого', '', 40, 16, '9 ДОУ, 7 МОУ', '']);
    const young2023 = targets.find((r) => String(r[0]).startsWith('Доля молодых специалистов') && r[1] === 2023)!;
    expect(young2023.slice(3, 5)).toEqual(['не менее', 80]);
    // Editable with guidance: validations flag, never refuse.
    const rule = ss.getSheetByName('Цели')!.getRange('A2').getDataValidation()!;
    expect(rule.getAllowInvalid()).toBe(true);
    expect(rule.getCriteriaValues()[0]).toContain('Доля ОО с назначенным куратором');

    const checklist = ss.getSheetByName('Чек-лист внедрения')!;
    const rows = checklist.getDataRange().getValues();
    expect(rows.map((r) => r[0])).toEqual(['Код ОО', 'ОО-01', 'ОО-02', 'ОО-03']);
    expect(rows[0]).toHaveLength(13);
    expect(rows[0][11]).toBe('Количество пар/групп по приказам');
    expect(checklist.getRange('C2').getDataValidation()!.getCriteriaType()).toBe('TEXT_IS_VALID_URL');
    expect(checklist.getRange('L2').getDataValidation()!.getCriteriaType()).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(checklist.getConditionalFormatRules()).toHaveLength(5);
  });

  it('run again, keeps targets and marks and adds only the new organisation', () => {
    const { ss, addon } = prepared();
    ss.getSheetByName('Цели')!.getRange('E2').setValue(45);
    const orgs = ss.getSheetByName('Организации')!;
    orgs.getRange(5, 1, 1, 3).setValues([['ОО-04', 'МБУ ДО «ЦДТ»', 'дополнительное образование']]);
    const summary = addon.run<{ targets: { created: boolean }; checklist: { created: boolean; added: number } }>('setupIndicatorSheets');
    expect(summary.targets.created).toBe(false);
    expect(summary.checklist).toEqual({ created: false, added: 1 });
    expect(ss.getSheetByName('Цели')!.getRange('E2').getValue()).toBe(45);
    const rows = ss.getSheetByName('Чек-лист внедрения')!.getDataRange().getValues();
    expect(rows.map((r) => r[0])).toEqual(['Код ОО', 'ОО-01', 'ОО-02', 'ОО-03', 'ОО-04']);
    expect(rows[2][3]).toBe('нет');
    expect(rows[4][1]).toBe('МБУ ДО «ЦДТ»');
  });
});

describe('«Обновить показатели»', () => {
  it('shows every indicator by organisation, kind and in total, counted as by hand', () => {
    const { ss, addon } = prepared();
    const summary = addon.run<{ indicators: number; rows: number; charts: number; organisations: number }>('refreshDashboard');
    // 15 indicators × (total + 2 kinds + 3 organisations).
    expect(summary).toMatchObject({ indicators: 15, rows: 90, charts: 2, organisations: 3 });
    const rows = dashboard(ss);

    // Young specialists in an active pair: ОО-01 НЛ-1 of НЛ-1, НЛ-2; ОО-02 НЛ-4 of НЛ-4, НЛ-5, НЛ-9 (moved in);
    // ОО-03 НЛ-6 and НЛ-7 (group); НЛ-8 is not in the base yet, НЛ-3 is 40.
    expect(nd(figure(rows, 'young-specialists-in-mentoring|total'))).toEqual([4, 7]);
    expect(nd(figure(rows, 'young-specialists-in-mentoring|kind:school'))).toEqual([2, 5]);
    expect(nd(figure(rows, 'young-specialists-in-mentoring|kind:kindergarten'))).toEqual([2, 2]);
    expect(nd(figure(rows, 'young-specialists-in-mentoring|org:ОО-01'))).toEqual([1, 2]);
    expect(nd(figure(rows, 'young-specialists-in-mentoring|org:ОО-02'))).toEqual([1, 3]);
    expect(nd(figure(rows, 'young-specialists-in-mentoring|org:ОО-03'))).toEqual([2, 2]);
    expect(figure(rows, 'young-specialists-in-mentoring|total').value).toBeCloseTo(4 / 7, 10);

    // Active pairs: ПР-1, ПР-2, ПР-3, ПР-5; ПР-2 has no order.
    const pairs = figure(rows, 'active-pairs|total');
    expect([pairs.numerator, pairs.denominator, pairs.value]).toEqual([3, 4, 3]);
    expect(nd(figure(rows, 'active-pairs|org:ОО-01'))).toEqual([1, 2]);
    // Mentees per mentor: НС-1 1, НС-2 1, НС-3 1, НС-4 2 → 5 / 4.
    expect(figure(rows, 'mentees-per-mentor|total').value).toBe(1.25);
    expect(figure(rows, 'mentees-per-mentor|org:ОО-03').value).toBe(2);
    // НС-3 (1 place) holds ПР-3 and the proposed ПР-7.
    expect(nd(figure(rows, 'mentors-over-capacity|total'))).toEqual([1, 4]);
    expect(nd(figure(rows, 'mentors-over-capacity|org:ОО-02'))).toEqual([1, 1]);
    // Ended programmes: ПР-4 completed (ОО-02); ПР-6 cancelled on 01.10.2023, when НЛ-9 was still in ОО-01.
    expect(nd(figure(rows, 'programmes-completed|org:ОО-01'))).toEqual([0, 1]);
    expect(nd(figure(rows, 'programmes-completed|org:ОО-02'))).toEqual([1, 1]);
    expect(nd(figure(rows, 'deficits-closed|total'))).toEqual([1, 1]);
    // НЛ-5 began on 01.09.2022 as a young specialist and still works a year later.
    expect(nd(figure(rows, 'young-specialists-retained|org:ОО-02'))).toEqual([1, 1]);
    // Satisfaction: ПР-4 5 and 4 of 5; ПР-5 0,9 and 0,7 read as 90 % and 70 %.
    expect(nd(figure(rows, 'mentor-satisfaction|total'))).toEqual([2, 2]);
    expect(nd(figure(rows, 'mentee-satisfaction|total'))).toEqual([1, 2]);
    expect(nd(figure(rows, 'curator-appointed|total'))).toEqual([2, 3]);
    // Checklists: ОО-01 all links; ОО-03 all («да», a described order); ОО-02 four items.
    expect(nd(figure(rows, 'model-implemented|total'))).toEqual([2, 3]);
    expect(nd(figure(rows, 'model-implemented|kind:school'))).toEqual([1, 2]);
    expect(nd(figure(rows, 'model-implemented|org:ОО-02'))).toEqual([0, 1]);
    // Without a staff list and a roadmap sheet these cannot be counted, and say so.
    const notes = ss.getSheetByName('Показатели')!.getDataRange().getValues();
    const teachersRow = notes[figure(rows, 'teachers-as-mentors|total').row - 1];
    expect(teachersRow).toContain('Нет списка педагогических работников: показатель не рассчитан');
    expect(figure(rows, 'roadmap-on-time|total').value).toBe('');
  });

  it('compares with the current year’s targets and colours them as a traffic light', () => {
    const { ss, addon } = prepared();
    // The coordinator adds a target of their own: 75 % of organisations with a curator in 2023.
    const targets = ss.getSheetByName('Цели')!;
    targets.getRange(11, 1, 1, 5).setValues([['Доля ОО с назначенным куратором', 2023, 'Итого', '', 0.75]]);
    addon.run('refreshDashboard');
    const rows = dashboard(ss);

    const young = figure(rows, 'young-specialists-in-mentoring|total');
    expect(young.target).toBe(0.8);
    expect(young.targetText).toBe('≥ 80 %');
    expect(young.status).toBe('отстаёт');
    expect(young.gap).toBeCloseTo(80 - 400 / 7, 4);
    // Organisations inherit the municipal percent.
    expect(figure(rows, 'young-specialists-in-mentoring|org:ОО-03').status).toBe('достигнуто');
    expect(figure(rows, 'young-specialists-in-mentoring|org:ОО-03').targetText).toBe('≥ 80 % · из цели по муниципалитету');
    // 66,7 % against 75 %: within 10 points.
    expect(figure(rows, 'curator-appointed|total').status).toBe('близко к цели');
    expect(figure(rows, 'mentor-satisfaction|total').status).toBe('достигнуто');
    expect(figure(rows, 'model-implemented|total').status).toBe('отстаёт');
    // No target for the pairs count: no colour.
    expect(figure(rows, 'active-pairs|total').status).toBe('');

    const sheet = ss.getSheetByName('Показатели')!;
    const rules = sheet.getConditionalFormatRules();
    expect(rules.map((r) => [r.getBooleanCondition()!.getCriteriaValues()[0], r.getBooleanCondition()!.getBackground()])).toEqual([
      ['=$J5="достигнуто"', '#d9ead3'],
      ['=$J5="близко к цели"', '#fff2cc'],
      ['=$J5="отстаёт"', '#f4cccc'],
    ]);
    expect(rules[0].getRanges().map((r) => r.getA1Notation())).toEqual(['F5:F94', 'J5:J94']);
    expect(sheet.getRange(young.row, 6).getNumberFormat()).toBe('0.0%');
    expect(sheet.getRange(figure(rows, 'active-pairs|total').row, 6).getNumberFormat()).toBe('0');
    expect(sheet.getFrozenRows()).toBe(4);
  });

  it('draws sparklines and charts from «История показателей»', () => {
    const { ss, addon } = prepared();
    addon.run('saveIndicatorSnapshot', '2023-10-01');
    addon.run('refreshDashboard');
    const rows = dashboard(ss);
    // On 01.10.2023 ПР-5 had not started: 2 of 7 young specialists; now 4 of 7 (values in tenths of a percent).
    const young = figure(rows, 'young-specialists-in-mentoring|total');
    expect(young.sparkline).toBe('=SPARKLINE({286;571})');
    expect(young.change).toBe(28.6);
    expect(figure(rows, 'young-specialists-in-mentoring|org:ОО-03').sparkline).toBe('=SPARKLINE({0;1000})');
    // НЛ-9 was in ОО-01 on 01.10.2023: 1 of 3 then, 1 of 2 now.
    expect(figure(rows, 'young-specialists-in-mentoring|org:ОО-01').sparkline).toBe('=SPARKLINE({333;500})');
    expect(figure(rows, 'active-pairs|total').sparkline).toBe('=SPARKLINE({2;3})');
    // Only the current value for a series the history lacks: no line to draw.
    ss.getSheetByName('История показателей')!.clear();
    addon.run('refreshDashboard');
    expect(figure(dashboard(ss), 'young-specialists-in-mentoring|total').sparkline).toBe('');

    addon.run('saveIndicatorSnapshot', '2023-10-01');
    addon.run('refreshDashboard');
    const sheet = ss.getSheetByName('Показатели')!;
    const charts = sheet.getCharts();
    expect(charts.map((c) => c.modify().getChartType())).toEqual(['BAR', 'LINE']);
    const [bar, line] = charts.map((c) => c.getRanges()[0]);
    // Coverage by organisation: header + 3 organisations; the line: header + 2 dates.
    expect(bar.getValues()).toEqual([
      ['Организация', 'Значение', 'Цель'],
      ['МБОУ «СОШ № 1»', 0.5, 0.8],
      ['МБОУ «СОШ № 2»', 1 / 3, 0.8],
      ['МБДОУ «Детский сад № 5»', 1, 0.8],
    ]);
    const lineValues = line.getValues();
    expect(lineValues).toHaveLength(3);
    expect(lineValues[0][1]).toBe('Доля молодых специалистов, вовлечённых в наставничество');
    expect(lineValues.slice(1).map((r) => [r[0], r[1]])).toEqual([[d('2023-10-01'), 2 / 7], [d('2023-12-05'), 4 / 7]]);
    expect(charts[0].getNumHeaders()).toBe(1);
    expect(charts[1].getOptions().get('vAxis.format')).toBe('percent');
    // Charts sit right of the table, one under the other.
    expect(charts.map((c) => [c.getContainerInfo().getAnchorRow(), c.getContainerInfo().getAnchorColumn()])).toEqual([[1, 17], [23, 17]]);
  });

  it('rebuilds in place: the same two charts and rules, old rows gone', () => {
    const { ss, addon } = prepared();
    addon.run('refreshDashboard');
    ss.getSheetByName('Организации')!.getRange(4, 1, 1, 6).clearContent();
    addon.run('refreshDashboard');
    const sheet = ss.getSheetByName('Показатели')!;
    expect(sheet.getCharts()).toHaveLength(2);
    expect(sheet.getConditionalFormatRules()).toHaveLength(3);
    // 15 × (total + school + 2 organisations), nothing left below.
    expect(dashboard(ss).size).toBe(60);
    expect(sheet.getMaxRows()).toBe(sheet.getLastRow());
  });

  it('costs the same service calls at 20 and 2,000 people, with one setValues', () => {
    const budget = (people: number) => {
      const ss = generatedWorkbook(people, NOW);
      const addon = open(ss);
      addon.run('setupIndicatorSheets');
      const snapshot = callsOf(addon, () => addon.run('saveIndicatorSnapshot', '2023-10-01'));
      const refresh = callsOf(addon, () => addon.run('refreshDashboard'));
      return { snapshot, refresh, rows: dashboard(ss).size };
    };
    const small = budget(20);
    const large = budget(2000);
    expect(large.rows).toBeGreaterThan(small.rows * 10);
    expect(large.refresh.calls).toEqual(small.refresh.calls);
    expect(large.snapshot.calls).toEqual(small.snapshot.calls);
    expect(small.refresh.calls['Range.setValues']).toBe(1);
    expect(small.refresh.total).toBeLessThan(140);
  });

  it('refuses an empty workbook with a Russian alert from the menu', () => {
    const ss = municipalityWorkbook(NOW);
    ss.insertSheet('Лист1');
    for (const name of ['Организации', 'Наставники', 'Наставляемые', 'Пары']) ss.deleteSheet(ss.getSheetByName(name)!);
    const addon = open(ss);
    addon.run('menuRefreshDashboard');
    const alerts = addon.runtime.services.ui._alerts;
    expect(alerts.at(-1)?.prompt).toMatch(/^Нет данных для показателей: заполните листы «Организации»/);
    expect(() => addon.run('refreshDashboard', '05.12.2023')).toThrow(/ГГГГ-ММ-ДД/);
  });
});

describe('staff list and demo step', () => {
  it('counts teachers from «Педагоги», matched to mentors and mentees by name and organisation', () => {
    const staff = [
      ['Таб. №', 'ФИО', 'ОО', 'Дата рождения', 'Стаж'],
      ['П-1', 'Наставник НС-1', 'МБОУ «СОШ № 1»', d('1975-04-01'), 25],
      ['П-2', 'Наставник НС-2', 'МБОУ «СОШ № 1»', d('1975-04-01'), 25],
      ['П-3', 'Наставляемый НЛ-1', 'МБОУ «СОШ № 1»', d('1998-05-10'), 1],
      ['П-4', 'Учитель Без Пары', 'МБОУ «СОШ № 1»', '01.01.1990', 8],
      ['', '', '', '', ''],
      ['П-5', 'Наставник НС-4', 'МБДОУ «Детский сад № 5»', d('1980-01-01'), 20],
      ['П-6', 'Воспитатель', 'ОО-03', d('1970-01-01'), 30],
    ];
    const ss = municipalityWorkbook(NOW, { 'Педагоги': staff });
    open(ss).run('refreshDashboard');
    const rows = dashboard(ss);
    // Mentors of active pairs: П-1, П-2 (ОО-01), П-5 (ОО-03) of six teachers.
    expect(nd(figure(rows, 'teachers-as-mentors|total'))).toEqual([3, 6]);
    expect(nd(figure(rows, 'teachers-as-mentors|org:ОО-01'))).toEqual([2, 4]);
    // Under 35: П-3 (a mentee of ПР-1) and П-4 (33, no pair).
    expect(nd(figure(rows, 'teachers-under-35-involved|total'))).toEqual([1, 2]);
    // П-3 is НЛ-1 already in the mentee base: not counted twice.
    expect(nd(figure(rows, 'young-specialists-in-mentoring|total'))).toEqual([4, 7]);
  });

  it('demoIndicators fills the checklist, saves monthly snapshots and builds the dashboard with charts', async () => {
    const { demoIndicators } = await import('../../local/commands/demo-indicators');
    const ss = municipalityWorkbook(NOW);
    const log = demoIndicators(open(ss));
    expect(log[0]).toMatch(/«Цели» создан \(целей из программ: 9\), «Чек-лист внедрения» — организаций: 3/);
    expect(log.join('\n')).toMatch(/снимков показателей в «История показателей»: 5 \(2023-09-01 … 2023-12-05\)/);
    expect(log.join('\n')).toMatch(/Лист «Показатели» на 2023-12-05: строк 90, диаграмм 2/);
    const sheet = ss.getSheetByName('Показатели')!;
    expect(sheet.getCharts()).toHaveLength(2);
    // 01.09: НЛ-1 and НЛ-9 (ПР-6, cancelled 01.10); 01.10: НЛ-1 and НЛ-4; from 01.11 the group ПР-5 too.
    expect(figure(dashboard(ss), 'young-specialists-in-mentoring|total').sparkline).toBe('=SPARKLINE({286;286;571;571;571})');
    // Rows 1 and 2 of the checklist have every item, row 3 misses documents (pattern by row).
    expect(nd(figure(dashboard(ss), 'model-implemented|total'))).toEqual([2, 3]);
  });
});

describe('«Сохранить снимок показателей»', () => {
  it('keeps one snapshot per reporting date, in date order', () => {
    const { ss, addon } = prepared();
    const first = addon.run<{ rows: number; mode: string; replaced: boolean }>('saveIndicatorSnapshot', '2023-12-05');
    expect(first).toMatchObject({ rows: 90, mode: 'created', replaced: false });
    const earlier = addon.run<{ mode: string; snapshots: number }>('saveIndicatorSnapshot', '2023-10-01');
    // An earlier date goes before: the history is rewritten in date order.
    expect(earlier).toMatchObject({ mode: 'rewritten', snapshots: 2 });
    const later = addon.run<{ mode: string }>('saveIndicatorSnapshot', '2024-01-10');
    expect(later.mode).toBe('appended');

    // A pair recorded late changes 01.10.2023: saving that date again replaces its rows, nothing doubles.
    const pairs = ss.getSheetByName('Пары')!;
    const header = pairs.getRange(1, 1, 1, pairs.getLastColumn()).getValues()[0];
    const row = new Array(header.length).fill('');
    const put = (label: string, v: unknown) => { row[header.indexOf(label)] = v; };
    put('Код пары', 'ПР-8'); put('Код наставника', 'НС-1'); put('Коды наставляемых', 'НЛ-2'); put('Статус', 'действует');
    put('История', '15.09.2023: действует'); put('№ приказа', '20'); put('Дата приказа', d('2023-09-15'));
    pairs.getRange(pairs.getLastRow() + 1, 1, 1, header.length).setValues([row]);
    const again = addon.run<{ mode: string; replaced: boolean; snapshots: number }>('saveIndicatorSnapshot', '2023-10-01');
    expect(again).toMatchObject({ mode: 'rewritten', replaced: true, snapshots: 3 });

    const history = ss.getSheetByName('История показателей')!.getDataRange().getValues();
    expect(history[0].slice(0, 6)).toEqual(['Дата', 'Показатель', 'Срез', 'Числитель', 'Знаменатель', 'Значение']);
    const body = history.slice(1);
    expect(body).toHaveLength(270);
    const dates = body.map((r) => (r[0] as Date).getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const youngOct = body.filter((r) => (r[0] as Date).getTime() === d('2023-10-01').getTime() && r[1] === 'young-specialists-in-mentoring' && r[2] === 'total');
    // НЛ-2 joined a pair on 15.09.2023: 3 of 7 on 01.10.2023.
    expect(youngOct.map((r) => [r[3], r[4]])).toEqual([[3, 7]]);
    expect(youngOct[0][7]).toBe('Итого');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Custom functions

type Grid = unknown[][];

function sheetGrid(ss: FakeSpreadsheet, name: string): Grid {
  return ss.getSheetByName(name)!.getDataRange().getValues();
}

/** The municipality's sheets as a coordinator's own ranges: a title row, blank rows, an extra column, a bad cell. */
function messyRanges(ss: FakeSpreadsheet) {
  const mentees = sheetGrid(ss, 'Наставляемые').map((r, i) => [i === 0 ? 'Примечание' : '', ...r]);
  mentees.splice(4, 0, new Array(mentees[0].length).fill(''));
  const ageCol = mentees[0].indexOf('Возраст');
  const noAge = mentees.findIndex((r) => r[1] === 'НЛ-3');
  mentees[noAge][ageCol] = 'сорок';
  return {
    mentors: sheetGrid(ss, 'Наставники'),
    mentees: [['База наставляемых (выгрузка)', ...new Array(mentees[0].length - 1).fill('')], ...mentees],
    pairs: [...sheetGrid(ss, 'Пары'), new Array(20).fill('')],
    orgs: sheetGrid(ss, 'Организации'),
  };
}

describe('COVERAGE', () => {
  it('counts one indicator for the total, a kind and an organisation from 2-D ranges', () => {
    const ss = municipalityWorkbook(NOW);
    const addon = open(ss);
    const r = messyRanges(ss);
    addon.runtime.env.counter.reset();
    const young = (org: unknown) => addon.custom('COVERAGE', 'young-specialists-in-mentoring', r.mentors, r.mentees, r.pairs, r.orgs, org, '05.12.2023');
    expect(young('')).toBeCloseTo(4 / 7, 10);
    expect(young('ОО-02')).toBeCloseTo(1 / 3, 10);
    expect(young('МБДОУ «Детский сад № 5»')).toBe(1);
    expect(young('ДОУ')).toBe(1);
    expect(young('итого')).toBeCloseTo(4 / 7, 10);
    // By Russian name, on another date (a Date cell), with ranges the indicator does not need left empty.
    expect(addon.custom('COVERAGE', [['Число действующих наставнических пар и групп по приказам']], '', '', r.pairs, r.orgs, '', d('2023-10-01'))).toBe(2);
    expect(addon.custom('COVERAGE', 'mentees-per-mentor', r.mentors, r.mentees, r.pairs, r.orgs, 'ОО-03', '2023-12-05')).toBe(2);
    expect(addon.custom('COVERAGE', 'mentee-satisfaction', '', '', r.pairs, '', '', '05.12.2023')).toBe(0.5);
    expect(addon.custom('COVERAGE', 'curator-appointed', '', '', '', r.orgs, 'школы', '05.12.2023')).toBe(0.5);
    // No one to count: a word, not a zero.
    expect(addon.custom('COVERAGE', 'deficits-closed', r.mentors, r.mentees, r.pairs, r.orgs, 'ОО-01', '05.12.2023')).toBe('нет данных');
    expect(addon.runtime.env.counter.total).toBe(0);
  });

  it('counts the implementation checklist when the organisations range is the checklist sheet', () => {
    const ss = municipalityWorkbook(NOW, { 'Чек-лист внедрения': checklistRows() });
    const addon = open(ss);
    const checklist = sheetGrid(ss, 'Чек-лист внедрения');
    expect(addon.custom('COVERAGE', 'model-implemented', '', '', '', checklist, '', '05.12.2023')).toBeCloseTo(2 / 3, 10);
    expect(addon.custom('COVERAGE', 'model-implemented', '', '', '', checklist, 'ОО-02', '05.12.2023')).toBe(0);
  });

  it.each([
    [['нечто', 'x', 'x', 'x', 'x'], /COVERAGE: показатель «нечто» не найден/],
    [['young-specialists-in-mentoring', '', '', '', ''], /укажите диапазон наставляемых/],
    [['teachers-as-mentors', 'x', 'x', 'x', 'x'], /считается по списку всех педагогов/],
    [['active-pairs', '', '', [['a', 'b'], ['1', '2']], ''], /в диапазоне пар и групп не найдена строка заголовков со столбцами «Код наставника» или «Наставник»/],
    [['model-implemented', '', '', '', [['Код ОО', 'Наименование ОО'], ['ОО-01', 'Школа']]], /нужны столбцы чек-листа/],
  ])('explains a wrong argument (%#)', (args, message) => {
    const addon = open(municipalityWorkbook(NOW));
    expect(() => addon.custom('COVERAGE', ...args)).toThrow(message);
  });

  it('explains an unknown organisation and a bad date', () => {
    const ss = municipalityWorkbook(NOW);
    const addon = open(ss);
    const r = messyRanges(ss);
    expect(() => addon.custom('COVERAGE', 'active-pairs', r.mentors, r.mentees, r.pairs, r.orgs, 'Лицей № 9', '05.12.2023')).toThrow(/«Лицей № 9» — не организация из диапазона организаций и не вид ОО/);
    expect(() => addon.custom('COVERAGE', 'active-pairs', r.mentors, r.mentees, r.pairs, r.orgs, 'колледжи', '05.12.2023')).toThrow(/нет ни одной организации вида «колледжи»/);
    expect(() => addon.custom('COVERAGE', 'active-pairs', r.mentors, r.mentees, r.pairs, r.orgs, '', '31.02.2023')).toThrow(/дата расчёта «31\.02\.2023» — не дата/);
  });

  it('answers on 10,000-row ranges (timings in npm run bench)', () => {
    const ss = generatedWorkbook(30000, NOW);
    const addon = open(ss);
    const mentees = sheetGrid(ss, 'Наставляемые');
    expect(mentees.length).toBeGreaterThan(10000);
    const value = addon.custom<number>('COVERAGE', 'young-specialists-in-mentoring', sheetGrid(ss, 'Наставники'), mentees, sheetGrid(ss, 'Пары'), sheetGrid(ss, 'Организации'), '', '05.12.2023');
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(1);
  });
});

describe('COVERAGE_TABLE', () => {
  it('returns a header, one row per organisation and the total', () => {
    const ss = municipalityWorkbook(NOW);
    const addon = open(ss);
    const r = messyRanges(ss);
    const table = addon.custom<unknown[][]>('COVERAGE_TABLE', 'young-specialists-in-mentoring', r.mentors, r.mentees, r.pairs, r.orgs, '05.12.2023');
    expect(table).toEqual([
      ['Организация', 'Числитель', 'Знаменатель', 'Значение'],
      ['МБОУ «СОШ № 1»', 1, 2, 0.5],
      ['МБОУ «СОШ № 2»', 1, 3, 1 / 3],
      ['МБДОУ «Детский сад № 5»', 2, 2, 1],
      ['Итого', 4, 7, 4 / 7],
    ]);
    const empty = addon.custom<unknown[][]>('COVERAGE_TABLE', 'deficits-closed', r.mentors, r.mentees, r.pairs, r.orgs, '05.12.2023');
    expect(empty[1]).toEqual(['МБОУ «СОШ № 1»', 0, 0, '']);
    expect(new Set(empty.map((row) => row.length))).toEqual(new Set([4]));
  });
});

describe('IS_YOUNG_SPECIALIST', () => {
  it('answers each row: header, blanks, ages, typed dates and bad values', () => {
    const addon = open(municipalityWorkbook(NOW));
    const births = [['Дата рождения'], [d('1998-05-10')], [''], ['01.01.1980'], [27], ['вчера'], [d('1999-01-01')], [d('1990-12-31')]];
    const exps = [['Стаж'], [1], [''], [2], ['3 года'], [1], ['много'], ['']];
    expect(addon.custom('IS_YOUNG_SPECIALIST', births, exps, '05.12.2023')).toEqual([
      ['Молодой специалист'], [true], [''], [false], [true], ['ошибка: «вчера» — не дата рождения и не возраст'],
      ['ошибка: стаж «много» — не число'], ['нет данных'],
    ]);
    // A single value; the as-of date decides the age (turns 35 on 31.12.2025).
    expect(addon.custom('IS_YOUNG_SPECIALIST', d('1990-12-31'), 2, '30.12.2025')).toEqual([[true]]);
    expect(addon.custom('IS_YOUNG_SPECIALIST', d('1990-12-31'), 2, '31.12.2025')).toEqual([[false]]);
    expect(() => addon.custom('IS_YOUNG_SPECIALIST', [[1], [2]], [[1], [2], [3]])).toThrow(/разной высоты/);
  });
});
