// `indicators WORKBOOK.xlsx [--as-of YYYY-MM-DD] [--json]`: every coverage indicator of a tracker workbook saved
// as .xlsx (the sheets the add-on writes), by organisation, by kind and in total, with numerator, denominator,
// value and the target of the year — so a coordinator's figures can be checked outside the spreadsheet.
// The workbook is read by the add-on's own readers (src/sheets/indicator-sheets.ts) over the local runtime's
// in-memory spreadsheet, with the runtime's services standing in for Apps Script's globals while they run.
import fs from 'node:fs';
import path from 'node:path';
import { createEnv } from '../env';
import { createRuntime, type LocalRuntime } from '../runtime';
import { loadXlsx } from '../xlsx';
import { computeIndicators, type Fraction } from '../../src/domain/indicators';
import { formatPercent, formatNumber } from '../../src/domain/russian';
import { formatTarget, TARGET_STATUS_LABELS } from '../../src/domain/targets';
import { dateToIso } from '../../src/sheets/cells';
import { indicatorFigures, type IndicatorFigures, type ScopeFigure } from '../../src/sheets/dashboard-layout';
import { loadIndicatorData, type IndicatorLoad } from '../../src/sheets/indicator-sheets';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const USAGE = 'usage: indicators WORKBOOK.xlsx [--as-of YYYY-MM-DD] [--json]';

export interface TargetJson {
  /** As the dashboard shows it: «≥ 80 %», «40 % — 16 (9 ДОУ + 7 школ)». */
  text: string;
  percent: number | null;
  count: number | null;
  /** What the figure is compared with: a share 0–1 for a percent target, else the count. */
  value: number;
  measure: 'percent' | 'count';
  /** The year of the row used (an earlier one when the current year has none). */
  year: number;
  /** True when taken from the municipal or kind target. */
  derived: boolean;
  status: 'met' | 'close' | 'behind' | 'no-data';
  /** Still to go (percentage points or count); 0 or less when met. */
  gap: number | null;
}

export interface FigureJson extends Fraction {
  target: TargetJson | null;
}

export interface IndicatorJson {
  id: string;
  name: string;
  unit: string;
  better: string;
  total: FigureJson;
  byKind: Record<string, FigureJson>;
  byOrganisation: Record<string, FigureJson>;
  warnings: string[];
}

export interface IndicatorsJson {
  workbook: string;
  asOf: string;
  targetYear: number;
  /** «sheet» when the workbook has «Цели», «defaults» when the seed programmes' targets were used. */
  targets: 'sheet' | 'defaults';
  organisations: { id: string; name: string; kind: string }[];
  indicators: IndicatorJson[];
  warnings: string[];
}

function figureJson(s: ScopeFigure): FigureJson {
  const c = s.comparison;
  const target: TargetJson | null = s.lookup && c
    ? {
      text: formatTarget(s.lookup.target),
      percent: s.lookup.target.percent,
      count: s.lookup.target.count,
      value: c.measure === 'percent' ? c.target / 100 : c.target,
      measure: c.measure,
      year: s.lookup.year,
      derived: s.lookup.derived,
      status: c.status,
      gap: c.gap,
    }
    : null;
  return { numerator: s.fraction.numerator, denominator: s.fraction.denominator, value: s.fraction.value, target };
}

export function indicatorsJson(file: string, load: IndicatorLoad, figures: readonly IndicatorFigures[]): IndicatorsJson {
  return {
    workbook: path.resolve(file),
    asOf: load.asOf,
    targetYear: Number(load.asOf.slice(0, 4)),
    targets: load.targets.exists ? 'sheet' : 'defaults',
    organisations: load.organisations.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    indicators: figures.map((f) => {
      const byKind: Record<string, FigureJson> = {};
      const byOrganisation: Record<string, FigureJson> = {};
      for (const s of f.scopes.slice(1)) {
        if (s.scope.startsWith('kind:')) byKind[s.scope.slice(5)] = figureJson(s);
        else byOrganisation[s.scope.slice(4)] = figureJson(s);
      }
      return {
        id: f.indicator.id,
        name: f.indicator.name,
        unit: f.indicator.unit,
        better: f.indicator.better,
        total: figureJson(f.scopes[0]),
        byKind,
        byOrganisation,
        warnings: f.result.warnings,
      };
    }),
    warnings: load.warnings,
  };
}

function valueText(unit: string, f: Fraction): string {
  if (f.value === null) return 'нет данных';
  if (unit === 'share') return `${formatPercent(f.value)} (${formatNumber(f.numerator)} из ${formatNumber(f.denominator)})`;
  if (unit === 'ratio') return `${formatNumber(f.value)} (${formatNumber(f.numerator)} / ${formatNumber(f.denominator)})`;
  return `${formatNumber(f.value)} (из ${formatNumber(f.denominator)})`;
}

/** Apps Script's services as globals while the add-on's readers run (they call PropertiesService, as in a sheet). */
function withServices<T>(runtime: LocalRuntime, work: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const names = Object.keys(runtime.globals).filter((n) => n !== 'Date' && n !== 'console');
  const saved = new Map(names.map((n) => [n, Object.getOwnPropertyDescriptor(g, n)]));
  for (const n of names) g[n] = runtime.globals[n];
  try {
    return work();
  } finally {
    for (const [n, d] of saved) {
      if (d) Object.defineProperty(g, n, d);
      else delete g[n];
    }
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export async function indicatorsCommand(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let file = '';
  let asOf: string | null = null;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--as-of') asOf = args[++i] ?? '';
    else if (a === '--json') json = true;
    else if (a.startsWith('-')) {
      err(`unknown option: ${a}`);
      return 1;
    } else if (file) {
      err(`one workbook at a time: ${a}`);
      return 1;
    } else file = a;
  }
  if (!file) {
    err(USAGE);
    return 1;
  }
  if (asOf !== null && (!ISO.test(asOf) || isNaN(Date.parse(asOf)) || new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) !== asOf)) {
    err(`--as-of must be a date YYYY-MM-DD, got «${asOf}»`);
    return 1;
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    err(`no such file: ${file}`);
    return 1;
  }
  if (path.extname(file).toLowerCase() !== '.xlsx') {
    err(`not an .xlsx workbook: ${file} (save the tracker as .xlsx: File → Download → Microsoft Excel)`);
    return 1;
  }
  const now = asOf ? new Date(`${asOf}T12:00:00Z`) : new Date();
  let spreadsheet;
  try {
    spreadsheet = await loadXlsx(createEnv({ now }), file);
  } catch (e) {
    err(`cannot read ${file} as .xlsx: ${oneLine((e as Error).message)}`);
    return 1;
  }
  const runtime = createRuntime({ spreadsheet, now });
  const date = asOf ?? dateToIso(runtime.env.now());
  const ss = runtime.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  let load: IndicatorLoad;
  try {
    load = withServices(runtime, () => loadIndicatorData(ss, date));
  } catch (e) {
    err(`cannot read the tracker sheets of ${file}: ${oneLine((e as Error).message)}`);
    return 1;
  }
  const d = load.data;
  if (d.organisations.length === 0 && d.mentors.length === 0 && d.mentees.length === 0 && d.pairs.length === 0) {
    err(`no mentoring data in ${file}: the sheets «Организации», «Наставники», «Наставляемые» and «Пары» are missing or empty`);
    return 1;
  }
  const results = computeIndicators(d, date);
  const figures = indicatorFigures(results, load.organisations, load.targets.table, Number(date.slice(0, 4)));
  if (json) {
    out(JSON.stringify(indicatorsJson(file, load, figures), null, 2));
    return 0;
  }
  out(`Показатели на ${date} (${path.basename(file)}; цели ${load.targets.exists ? 'с листа «Цели»' : 'программ-образцов'}):`);
  for (const f of figures) {
    const total = f.scopes[0];
    const target = total.lookup && total.comparison
      ? `; цель ${formatTarget(total.lookup.target)} — ${TARGET_STATUS_LABELS[total.comparison.status]}`
      : '';
    out(`  ${f.indicator.name}: ${valueText(f.indicator.unit, total.fraction)}${target}`);
  }
  for (const w of load.warnings) out(`! ${w}`);
  return 0;
}
