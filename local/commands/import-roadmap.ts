// `import-roadmap FILE [--period START..END] [--json]`: a roadmap file through the readers and the normaliser,
// printed as the JSON contract of DESIGN.md or as an aligned table for a person to check.
import { formatRuDate, isIsoDate } from '../../src/domain/iso-date';
import { isRoadmapInputError } from '../../src/domain/roadmap-error';
import { normaliseRoadmap, roadmapFromText, type RoadmapSectionWithText } from '../../src/domain/roadmap-table';
import { KIND_LABELS } from '../../src/domain/tracker';
import type { Deadline, Period, Roadmap } from '../../src/domain/types';
import { readRoadmapFile } from '../readers/index';

const USAGE = 'usage: import-roadmap FILE [--period YYYY-MM-DD..YYYY-MM-DD] [--json]';

interface Options {
  file: string;
  period: Period | null | undefined;
  json: boolean;
}

function parsePeriod(text: string): Period | null {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  if (!m || !isIsoDate(m[1]) || !isIsoDate(m[2]) || m[1] > m[2]) return null;
  return { start: m[1], end: m[2] };
}

function parseArgs(args: string[]): Options | string {
  let file: string | undefined;
  let period: Period | null | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--period' || a.startsWith('--period=')) {
      const value = a === '--period' ? args[++i] : a.slice('--period='.length);
      if (value === undefined) return 'после --period нужен период: ГГГГ-ММ-ДД..ГГГГ-ММ-ДД';
      const p = parsePeriod(value);
      if (!p) return `неверный период «${value}»: нужен ГГГГ-ММ-ДД..ГГГГ-ММ-ДД, начало не позже конца`;
      period = p;
    } else if (a.startsWith('-') && a !== '-') return `неизвестный параметр ${a}`;
    else if (file === undefined) file = a;
    else return `лишний аргумент ${a}`;
  }
  if (file === undefined) return 'не указан файл дорожной карты';
  return { file, period, json };
}

function deadlineJson(d: Deadline): object {
  return { text: d.text, kind: d.kind, recurrence: d.recurrence, windows: d.windows };
}

/** The JSON contract: fields in the documented order; source cells (`original`) stay out of it. */
export function roadmapJson(r: Roadmap): object {
  return {
    title: r.title,
    period: r.period,
    sections: r.sections.map((s: RoadmapSectionWithText) => ({
      number: s.number,
      title: s.title,
      deadline: s.deadline ? deadlineJson(s.deadline) : null,
      responsible: s.responsible,
      ...(s.result ? { result: s.result } : {}),
      ...(s.document ? { document: s.document } : {}),
      ...(s.source ? { source: s.source } : {}),
    })),
    activities: r.activities.map((a) => ({
      number: a.number,
      section: a.section,
      title: a.title,
      result: a.result,
      ...(a.document !== undefined ? { document: a.document } : {}),
      responsible: a.responsible,
      deadline: deadlineJson(a.deadline),
      source: a.source,
    })),
    warnings: r.warnings,
  };
}

function clip(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, width - 1)}…` : s;
}

function windowText(d: Deadline): string {
  if (!d.windows.length) return '—';
  const w = d.windows[0];
  const one = w.start === w.end ? formatRuDate(w.start) : `${formatRuDate(w.start)}–${formatRuDate(w.end)}`;
  return d.windows.length > 1 ? `${one} (+${d.windows.length - 1})` : one;
}

/** A table a person can read in a terminal: sections as headings, one line per activity. */
export function roadmapTable(r: Roadmap): string {
  const head = ['№', 'срок', 'вид', 'окно', 'ответственные'];
  type Line = { section: string } | { cells: string[] };
  const lines: Line[] = [];
  const sectionTitle = new Map(r.sections.map((s) => [s.number, s.title]));
  let section: string | null = null;
  for (const a of r.activities) {
    if (a.section !== section) {
      section = a.section;
      if (section !== '') lines.push({ section: `Раздел ${section}. ${sectionTitle.get(section) ?? ''}`.trim() });
    }
    lines.push({
      cells: [a.number, clip(a.deadline.text || '—', 42), KIND_LABELS[a.deadline.kind], windowText(a.deadline), a.responsible.join('; ') || '—'],
    });
  }
  const rows = lines.filter((l): l is { cells: string[] } => 'cells' in l).map((l) => l.cells);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((c) => c[i].length)));
  const fmt = (cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  const period = r.period ? `${formatRuDate(r.period.start)} – ${formatRuDate(r.period.end)}` : 'не указан';
  const out = [
    r.title || '(без заголовка)',
    `Период: ${period}`,
    `Мероприятий: ${r.activities.length}, разделов: ${r.sections.length}, предупреждений: ${r.warnings.length}`,
    '',
    fmt(head),
    fmt(widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? Math.min(w, 40) : w))),
    ...lines.map((l) => ('section' in l ? l.section : fmt(l.cells))),
  ];
  if (r.warnings.length) {
    out.push('', 'Предупреждения:');
    for (const w of r.warnings) out.push(`  строка ${w.line}: ${w.message}`);
  }
  return out.join('\n');
}

export async function importRoadmapCommand(
  args: string[],
  out: (s: string) => void,
  err: (s: string) => void = (s) => process.stderr.write(`${s}\n`),
): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    err(`${options} (${USAGE})`);
    return 1;
  }
  let roadmap: Roadmap;
  try {
    const source = await readRoadmapFile(options.file);
    roadmap =
      typeof source === 'string'
        ? roadmapFromText(source, { period: options.period })
        : normaliseRoadmap({ ...source, period: options.period });
  } catch (e) {
    if (isRoadmapInputError(e)) {
      err(`${options.file}: ${e.message}`);
      return 1;
    }
    throw e;
  }
  out(options.json ? JSON.stringify(roadmapJson(roadmap), null, 2) : roadmapTable(roadmap));
  return 0;
}
