// A Google Doc, as returned by the Docs API (advanced service `Docs.Documents.get`), turned into the text
// around its tables and the tables' cells. One API call reads the whole document, so reading a roadmap of
// any length costs the same; DocumentApp would need a call per cell.

interface TextRun { textRun?: { content?: string } }
interface Paragraph { elements?: TextRun[] }
interface StructuralElement {
  paragraph?: Paragraph;
  table?: { tableRows?: { tableCells?: { content?: StructuralElement[] }[] }[] };
}
export interface DocsDocument {
  title?: string;
  body?: { content?: StructuralElement[] };
}

export interface DocTables {
  title: string;
  /** Paragraph text before the first table (title, plan period, goals). */
  before: string[];
  /** Each table as rows of cell texts; paragraphs inside a cell joined by newlines. */
  tables: string[][][];
  /** Paragraph text after the first table. */
  after: string[];
}

function paragraphText(p: Paragraph): string {
  return (p.elements ?? []).map((e) => e.textRun?.content ?? '').join('').replace(/\n$/, '');
}

function cellText(content: StructuralElement[] | undefined): string {
  return (content ?? [])
    .map((el) => (el.paragraph ? paragraphText(el.paragraph) : el.table ? tableRows(el).map((r) => r.join(' ')).join('\n') : ''))
    .join('\n')
    .trim();
}

function tableRows(el: StructuralElement): string[][] {
  return (el.table?.tableRows ?? []).map((row) => (row.tableCells ?? []).map((c) => cellText(c.content)));
}

export function docTables(doc: DocsDocument): DocTables {
  const out: DocTables = { title: doc.title ?? '', before: [], tables: [], after: [] };
  for (const el of doc.body?.content ?? []) {
    if (el.table) out.tables.push(tableRows(el));
    else if (el.paragraph) {
      const text = paragraphText(el.paragraph).trim();
      if (text) (out.tables.length ? out.after : out.before).push(text);
    }
  }
  return out;
}

/** The document id in a Google Docs URL, or the text itself when it already is an id. */
export function docIdFromUrl(input: string): string | null {
  const s = input.trim();
  const m = /\/document\/(?:u\/\d+\/)?d\/([a-zA-Z0-9_-]{10,})/.exec(s);
  if (m) return m[1];
  return /^[a-zA-Z0-9_-]{20,}$/.test(s) ? s : null;
}
