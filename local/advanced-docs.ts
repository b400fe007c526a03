// The advanced Docs service (`Docs.Documents.get`), as far as the importer uses it: the document's body as
// Docs API JSON (paragraphs and tables with text runs), read from a fake Doc in one counted call.
import { counted } from './counter';
import type { FakeEnv } from './env';
import type { FakeDrive } from './services/drive';
import { FakeDocument } from './services/document-app';

type Json = Record<string, unknown>;
type Element = { getType(): string; getText?(): string; getNumChildren?(): number; getChild?(i: number): Element };

function paragraph(text: string): Json {
  return { paragraph: { elements: [{ textRun: { content: `${text}\n` } }] } };
}

function structural(el: Element): Json | null {
  const type = String(el.getType());
  if (type === 'PARAGRAPH' || type === 'LIST_ITEM') return paragraph(el.getText?.() ?? '');
  if (type === 'TABLE') {
    const rows: Json[] = [];
    for (let r = 0; r < (el.getNumChildren?.() ?? 0); r++) {
      const row = el.getChild!(r);
      const cells: Json[] = [];
      for (let c = 0; c < (row.getNumChildren?.() ?? 0); c++) {
        const cell = row.getChild!(c);
        const content: Json[] = [];
        for (let i = 0; i < (cell.getNumChildren?.() ?? 0); i++) {
          const inner = structural(cell.getChild!(i));
          if (inner) content.push(inner);
        }
        cells.push({ content });
      }
      rows.push({ tableCells: cells });
    }
    return { table: { rows: rows.length, tableRows: rows } };
  }
  return null;
}

export function createAdvancedDocs(env: FakeEnv, drive: FakeDrive): object {
  const documents = {
    __className: 'Docs.Documents',
    get(id: string): Json {
      const item = drive.items.get(String(id));
      if (!item || !item.body) {
        throw new Error(`GoogleJsonResponseException: API call to docs.documents.get failed with error: Requested entity was not found.`);
      }
      const doc = new FakeDocument(drive, item);
      const body = doc.getBody() as unknown as Element;
      const content: Json[] = [];
      for (let i = 0; i < (body.getNumChildren?.() ?? 0); i++) {
        const s = structural(body.getChild!(i));
        if (s) content.push(s);
      }
      return { documentId: id, title: doc.getName(), body: { content } };
    },
  };
  return { Documents: counted(documents, 'Docs.Documents', env.counter) };
}
