// .docx roadmaps: the document body in order, rendered like the text exports in seeds/: each paragraph is a
// line followed by a blank line, each table row one row of cells. Line numbers are those of that rendering.
// Inside a cell its paragraphs are joined with line breaks; a cell spanning columns (gridSpan) leaves the
// columns it covers empty, and a vertically merged cell (vMerge) keeps its text in the top row only.
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { RoadmapInputError } from '../../src/domain/roadmap-error';
import { hasText } from '../../src/domain/roadmap-text';
import { splitAroundTable } from './grid-split';
import type { TableSource } from './source';

/** A node of fast-xml-parser's ordered output: `{ tag: children, ':@': attributes }` or `{ '#text': s }`. */
type XmlNode = Record<string, unknown>;

function tagOf(node: XmlNode): string {
  for (const k of Object.keys(node)) if (k !== ':@') return k;
  return '';
}

function childrenOf(node: XmlNode): XmlNode[] {
  const c = node[tagOf(node)];
  return Array.isArray(c) ? (c as XmlNode[]) : [];
}

function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const v = attrs?.[`@_${name}`];
  return v === undefined ? undefined : String(v);
}

function find(nodes: XmlNode[], tag: string): XmlNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}

interface Run {
  text: string;
  bold: boolean;
}

function isOn(node: XmlNode | undefined): boolean {
  if (!node) return false;
  const v = attr(node, 'w:val');
  return v === undefined || !['0', 'false', 'off'].includes(v);
}

// Containers whose runs are visible text; deleted revisions (w:del) and properties are not.
const TRANSPARENT = new Set(['w:hyperlink', 'w:smartTag', 'w:ins', 'w:sdt', 'w:sdtContent', 'w:fldSimple', 'w:customXml', 'w:dir', 'w:bdo']);

function runsOf(nodes: XmlNode[], out: Run[]): Run[] {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'w:r') {
      const kids = childrenOf(n);
      const rPr = find(kids, 'w:rPr');
      const bold = rPr ? isOn(find(childrenOf(rPr), 'w:b')) : false;
      let text = '';
      for (const k of kids) {
        const t = tagOf(k);
        if (t === 'w:t') text += childrenOf(k).map((x) => String(x['#text'] ?? '')).join('');
        else if (t === 'w:tab') text += ' ';
        else if (t === 'w:br' || t === 'w:cr') text += '\n';
        else if (t === 'w:noBreakHyphen') text += '-';
      }
      out.push({ text, bold });
    } else if (TRANSPARENT.has(tag)) {
      runsOf(childrenOf(n), out);
    }
  }
  return out;
}

function paragraph(p: XmlNode): Run[] {
  return runsOf(childrenOf(p), []);
}

function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Text of a cell: paragraphs on lines of their own, nested tables flattened; all-bold text marked <b>. */
function cellText(tc: XmlNode): string {
  const runs: Run[] = [];
  const lines: string[] = [];
  const walk = (nodes: XmlNode[]): void => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        const r = paragraph(n);
        runs.push(...r);
        lines.push(runsText(r));
      } else if (tag === 'w:tbl' || tag === 'w:tr' || tag === 'w:tc' || TRANSPARENT.has(tag)) {
        walk(childrenOf(n));
      }
    }
  };
  walk(childrenOf(tc));
  const text = lines.filter((l) => l.trim() !== '').join('\n');
  const visible = runs.filter((r) => hasText(r.text));
  return visible.length > 0 && visible.every((r) => r.bold) ? `<b>${text}</b>` : text;
}

function rowCells(tr: XmlNode): string[] {
  const cells: string[] = [];
  const trPr = find(childrenOf(tr), 'w:trPr');
  const before = trPr ? find(childrenOf(trPr), 'w:gridBefore') : undefined;
  for (let i = 0; i < Number(before ? attr(before, 'w:val') ?? 0 : 0); i++) cells.push('');
  const collect = (nodes: XmlNode[]): void => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:tc') {
        const tcPr = find(childrenOf(n), 'w:tcPr');
        const props = tcPr ? childrenOf(tcPr) : [];
        const span = Number(attr(find(props, 'w:gridSpan') ?? {}, 'w:val') ?? 1) || 1;
        const vMerge = find(props, 'w:vMerge');
        const continued = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart';
        cells.push(continued ? '' : cellText(n));
        for (let i = 1; i < span; i++) cells.push('');
      } else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') {
        collect(childrenOf(n));
      }
    }
  };
  collect(childrenOf(tr));
  return cells;
}

/** Body blocks in order: a paragraph is a one-cell row, a table row is its cells. */
function bodyRows(body: XmlNode[]): string[][] {
  const rows: string[][] = [];
  const walk = (nodes: XmlNode[]): void => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        const text = runsText(paragraph(n));
        // The blank line marks where the paragraph ends: the title finder joins only unbroken lines.
        if (text.trim() !== '') rows.push([text], ['']);
      }
      else if (tag === 'w:tbl') {
        for (const tr of childrenOf(n)) {
          if (tagOf(tr) === 'w:tr') rows.push(rowCells(tr));
          else if (tagOf(tr) === 'w:sdt' || tagOf(tr) === 'w:customXml') walk([tr]);
        }
      } else if (tag === 'w:tr') rows.push(rowCells(n));
      else if (TRANSPARENT.has(tag)) walk(childrenOf(n));
    }
  };
  walk(body);
  return rows;
}

export async function readDocx(bytes: Uint8Array): Promise<TableSource> {
  if (bytes.length === 0) throw new RoadmapInputError('файл пуст');
  let xml: string | undefined;
  try {
    const zip = await JSZip.loadAsync(bytes);
    xml = await zip.file('word/document.xml')?.async('string');
  } catch {
    throw new RoadmapInputError('не удалось прочитать .docx: файл повреждён или это не документ Word');
  }
  if (xml === undefined) throw new RoadmapInputError('не удалось прочитать .docx: в архиве нет word/document.xml');
  let tree: XmlNode[];
  try {
    const parser = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
    });
    tree = parser.parse(xml) as XmlNode[];
  } catch {
    throw new RoadmapInputError('не удалось прочитать .docx: повреждён XML документа');
  }
  const documentNode = tree.find((n) => tagOf(n) === 'w:document');
  const body = documentNode ? find(childrenOf(documentNode), 'w:body') : undefined;
  if (!body) throw new RoadmapInputError('не удалось прочитать .docx: в документе нет тела');
  const rows = bodyRows(childrenOf(body));
  if (!rows.some((r) => r.some(hasText))) throw new RoadmapInputError('документ Word пуст');
  const lineOf = rows.map((_, i) => i + 1);
  const split = splitAroundTable(rows, lineOf);
  if (!split) throw new RoadmapInputError('в документе нет таблицы мероприятий (нужны колонки «Мероприятие» и «Срок»)');
  return split;
}
