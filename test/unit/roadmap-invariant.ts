// Test helper: nothing of the input is dropped silently. Every line with text must be traced to the title,
// the context, a header, a section, an activity or a warning, and the words of a table line must be found
// in what it was traced to (so a line traced to an activity but lost on the way still fails).
import { readFileSync } from 'node:fs';
import { roadmapFromTextTraced, type TracedRoadmap } from '../../src/domain/roadmap-table';
import type { Roadmap, RoadmapActivity, RoadmapSection } from '../../src/domain/types';
import { cleanCellText, hasText } from '../../src/domain/roadmap-text';

const ROLE_KEYS = new Set(['number', 'title', 'result', 'document', 'deadline', 'responsible']);
// Words a heading loses when its number is read out of it («Раздел 2. Кадры» → section 2 «Кадры»).
const HEADING_WORDS = new Set(['раздел', 'блок', 'модуль']);

function words(text: string): string[] {
  return (cleanCellText(text).toLowerCase().replace(/ё/g, 'е').match(/[\p{L}\p{N}]{3,}/gu) ?? []);
}

function norm(text: string): string {
  return cleanCellText(text).toLowerCase().replace(/ё/g, 'е');
}

function activityText(a: RoadmapActivity): string {
  const extra = Object.entries(a.original ?? {})
    .filter(([k]) => !ROLE_KEYS.has(k))
    .map(([, v]) => v);
  return norm([a.number, a.title, a.result, a.document ?? '', a.deadline.text, ...a.responsible, ...extra].join(' \n '));
}

function sectionText(s: RoadmapSection & { result?: string; document?: string }): string {
  return norm([s.number, s.title, s.result ?? '', s.document ?? '', s.deadline?.text ?? '', ...s.responsible].join(' \n '));
}

/**
 * Problems found, empty when the invariant holds. `lines` are the source lines (1-based) as the normaliser
 * saw them, each a list of cells.
 */
export function droppedText(lines: Map<number, string[]>, traced: TracedRoadmap): string[] {
  const { roadmap, trace } = traced;
  const problems: string[] = [];
  const byLine = new Map<number, typeof trace>();
  for (const t of trace) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  for (const [line, cells] of lines) {
    if (!cells.some((c) => hasText(cleanCellText(c)))) continue;
    const uses = byLine.get(line);
    if (!uses) {
      problems.push(`line ${line} not traced: ${cells.join(' | ')}`);
      continue;
    }
    // A row may feed several items (a group cell opens a section, the rest is an activity): any of them counts.
    const targets: string[] = [];
    let unchecked = false;
    for (const t of uses) {
      const target = targetText(roadmap, t.use, t.ref, line);
      if (target === null) unchecked = true;
      else if (target === undefined) problems.push(`line ${line} traced to missing ${t.use} ${t.ref ?? ''}`);
      else targets.push(target);
    }
    if (unchecked || !targets.length) continue;
    const all = targets.join(' \n ');
    const missing = cells.flatMap(words).filter((w) => !all.includes(w) && !HEADING_WORDS.has(w));
    const label = uses.map((t) => `${t.use} ${t.ref ?? ''}`).join(', ');
    if (missing.length) problems.push(`line ${line} (${label}) lost words: ${missing.join(', ')}`);
  }
  return problems;
}

/** Text the line must be found in; null when the use needs no check (context, header). */
function targetText(r: Roadmap, use: string, ref: string | undefined, line: number): string | null | undefined {
  switch (use) {
    case 'title':
      return norm(r.title);
    case 'activity': {
      const a = r.activities.find((x) => x.number === ref);
      return a ? activityText(a) : undefined;
    }
    case 'section': {
      const s = r.sections.find((x) => x.number === ref);
      return s ? sectionText(s) : undefined;
    }
    case 'warning': {
      const w = r.warnings.filter((x) => x.line === line);
      return w.length ? norm(w.map((x) => x.message).join(' ')) : undefined;
    }
    default:
      return null;
  }
}

/** Lines of a text file as the normaliser reads them: tabs split cells. */
export function textLines(text: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  text.split(/\r\n|\r|\n/).forEach((l, i) => out.set(i + 1, l.includes('\t') ? l.split('\t') : [l]));
  return out;
}

/** Lines of a reader's table source. */
export function sourceLines(src: { rows: string[][]; before: string[]; after: string[]; lineOf: number[] }): Map<number, string[]> {
  const out = new Map<number, string[]>();
  src.before.forEach((t, i) => out.set(i + 1, [t]));
  src.rows.forEach((r, i) => out.set(src.lineOf[i], r));
  const last = src.lineOf.length ? src.lineOf[src.lineOf.length - 1] : src.before.length;
  src.after.forEach((t, i) => out.set(last + 1 + i, [t]));
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Shared by the fixture tests

/** A text fixture of `dir` parsed, with the words any line lost (must be none). */
export function loadTextFixture(dir: URL, name: string): { r: Roadmap; problems: string[] } {
  const text = readFileSync(new URL(name, dir), 'utf8');
  const traced = roadmapFromTextTraced(text);
  return { r: traced.roadmap, problems: droppedText(textLines(text), traced) };
}

export function act(r: Roadmap, number: string): RoadmapActivity {
  const a = r.activities.find((x) => x.number === number);
  if (!a) throw new Error(`no activity ${number}: ${r.activities.map((x) => x.number).join(',')}`);
  return a;
}

export function numbers(r: Roadmap): string[] {
  return r.activities.map((a) => a.number);
}

/** «1», «2», … «n». */
export function seq(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(i + 1));
}

/** Every text of an activity, the source cells included: to find a note column's text wherever it is kept. */
export function allText(a: RoadmapActivity): string {
  return [a.title, a.result, a.document ?? '', a.deadline.text, ...a.responsible, ...Object.values(a.original ?? {})].join(' | ');
}
