// The plan period and the title of a roadmap, read from the text around its table. Roadmaps name their period
// in the title («на период 2022– 2024 гг.», «на 2023-2024 уч.год», «на 2023 год»); months written without a
// year are later resolved against it, so an academic year must come out as 1 September – 31 August.
import type { Period } from './types';
import { cleanCellText, flatText, startsLowercase } from './roadmap-text';

function year(s: string, base?: number): number {
  const n = Number(s);
  if (s.length === 2 && base !== undefined) return Math.floor(base / 100) * 100 + n;
  return n;
}

function plausible(y1: number, y2: number): boolean {
  return y1 >= 2000 && y1 <= 2100 && y2 >= y1 && y2 - y1 <= 10;
}

/** Plan period named in a piece of text, or null. Academic years win over calendar years when both read. */
export function periodFromText(text: string): Period | null {
  const t = flatText(cleanCellText(text)).replace(/[–—]/g, '-').replace(/\s+/g, ' ');
  const academic = /(\d{4})\s*(?:-|\/|\s)\s*(\d{4}|\d{2})\s*(?:гг?\.?\s*)?(?:уч(?:ебн\S*)?\.?\s*(?:год\S*|гг?\.?(?!\p{L}))|уч\.\s*г)/iu.exec(t);
  if (academic) {
    const y1 = year(academic[1]);
    const y2 = year(academic[2], y1);
    if (plausible(y1, y2) && y2 > y1) return { start: `${y1}-09-01`, end: `${y2}-08-31` };
  }
  const range =
    /(\d{4})\s*(?:г\.?|года)?\s*(?:-|по|до)\s*(\d{4}|\d{2})\s*(?:гг\.?|г\.\s*г\.?|г\.?|год\S*)/i.exec(t) ??
    /(?<!\p{L})(?:период\S*|на|в)\s*(?:с\s*)?(\d{4})\s*(?:-|по|до)\s*(\d{4})(?!\d)/iu.exec(t) ??
    /с\s*(\d{4})\s*(?:г\.?|года)?\s*по\s*(\d{4})/i.exec(t);
  if (range) {
    const y1 = year(range[1]);
    const y2 = year(range[2], y1);
    if (plausible(y1, y2)) return { start: `${y1}-01-01`, end: `${y2}-12-31` };
  }
  const single = /(?:^|\s)(?:на|в)\s+(\d{4})\s*(?:год\S*|г\.?)(?=\s|$|[.,;:»)])/i.exec(t);
  if (single) {
    const y = Number(single[1]);
    if (plausible(y, y)) return { start: `${y}-01-01`, end: `${y}-12-31` };
  }
  return null;
}

export interface TextLine {
  line: number;
  text: string;
}

export interface TitleBlock {
  title: string;
  lines: number[];
}

const TITLE_KEYWORDS =
  /дорожн\S*\s+карт|план\S*\s+мероприяти|план\S*\s+работ|план-график|план\S*\s+(реализац|действ)|комплекс\S*\s+мер|перечень\s+мероприяти|^\s*(план|мероприятия)(?!\p{L})/iu;

interface Paragraph {
  lines: TextLine[];
  text: string;
  raw: string;
}

function paragraphs(lines: TextLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  let current: TextLine[] = [];
  const flush = (): void => {
    if (current.length) {
      const text = current.map((l) => flatText(cleanCellText(l.text))).join(' ').replace(/\s+/g, ' ').trim();
      out.push({ lines: current, text, raw: current.map((l) => l.text).join('\n') });
    }
    current = [];
  };
  for (const l of lines) {
    if (cleanCellText(l.text) === '') flush();
    else current.push(l);
  }
  flush();
  return out;
}

function headingLike(p: Paragraph): boolean {
  return /^\s*(#|\*\*|__|<b|<strong)/i.test(p.raw) || (p.text.length > 5 && p.text === p.text.toUpperCase());
}

/**
 * The title: the paragraph nearest above the table that names a plan («Дорожная карта…», «План мероприятий…»),
 * joined with the paragraphs that continue it in lower case; without such a paragraph, the nearest heading-like
 * paragraph, else the nearest short one.
 */
export function findTitle(before: TextLine[]): TitleBlock {
  const paras = paragraphs(before);
  if (!paras.length) return { title: '', lines: [] };
  let start = -1;
  for (let i = paras.length - 1; i >= 0 && start < 0; i--) {
    if (paras[i].text.length <= 600 && TITLE_KEYWORDS.test(paras[i].text)) start = i;
  }
  for (let i = paras.length - 1; i >= Math.max(0, paras.length - 6) && start < 0; i--) {
    if (headingLike(paras[i]) && paras[i].text.length <= 400) start = i;
  }
  if (start < 0 && paras[paras.length - 1].text.length <= 300) start = paras.length - 1;
  if (start < 0) return { title: '', lines: [] };
  // Inside a paragraph the title starts at the line naming the plan («Приложение 2» above it is not title).
  const first = paras[start];
  const from = first.lines.findIndex((l) => TITLE_KEYWORDS.test(flatText(cleanCellText(l.text))));
  if (from > 0) {
    const lines = first.lines.slice(from);
    paras[start] = {
      lines,
      text: lines.map((l) => flatText(cleanCellText(l.text))).join(' ').replace(/\s+/g, ' ').trim(),
      raw: lines.map((l) => l.text).join('\n'),
    };
  }
  const block = [paras[start]];
  for (let i = start + 1; i < paras.length && startsLowercase(paras[i].text); i++) block.push(paras[i]);
  return {
    title: block.map((p) => p.text).join(' ').replace(/\s+/g, ' ').trim(),
    lines: block.flatMap((p) => p.lines.map((l) => l.line)),
  };
}
