// ReportDocument → Google Doc. Either a new Doc built from the blocks, or a copy of a template Doc whose
// «{{key}}» fields are filled and whose «{{table:NAME}}» paragraphs are replaced by the named tables.
//
// Cost: service calls grow with the number of blocks, list items and table columns, never with table rows:
// each table is one appendTable/insertTable call with all its cells, plus the header row's styling and one
// width per column (sized by content, so «№» stays narrow and titles get the room).
//
// Apps Script behaviours this relies on (see local/services for the fakes that model them):
// - a paragraph appended after formatted text may carry that formatting over, so every paragraph sets its
//   heading and bold/italic explicitly;
// - Paragraph.setText returns nothing: never chain after it;
// - Body.replaceText takes a regular expression and a Java-style replacement, where «$» and «\» are special:
//   both are escaped in the pattern and in the values;
// - a document section must end with a paragraph: a marker paragraph that is the last one is emptied, not removed.
import { allPlaceholders, columnWidths, tableCells, type ReportBlock, type ReportDocument, type TableBlock } from '../domain/report-doc';
import { UserError } from '../addon/context';

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Table = GoogleAppsScript.Document.Table;

export interface RenderTarget {
  /** Drive folder for the document; without it a new Doc stays in My Drive and a copy next to its template. */
  folderId?: string;
  /** A Google Doc to copy and fill instead of building from scratch. */
  templateId?: string;
  name: string;
}

export interface RenderResult {
  id: string;
  url: string;
  /** Template fields left unfilled («{{name}}»), for the log. */
  unfilled: string[];
}

export const HEADER_BACKGROUND = '#d9e7f5';
const CONTENT_MARKER = '{{content}}';
// MimeType.GOOGLE_DOCS; spelled out because the DOM's MimeType shadows Apps Script's in the type checker.
const GOOGLE_DOCS_MIME = 'application/vnd.google-apps.document';
const MAX_UNFILLED_REPORTED = 20;

/** A regular expression source matching `s` literally (RE2 and JavaScript agree on these escapes). */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A replacement string that inserts `s` literally: java.util.regex.Matcher treats «\» and «$» specially. */
export function escapeReplacement(s: string): string {
  return s.replace(/[\\$]/g, '\\$&');
}

function markerPattern(marker: string): string {
  return escapeRegex(marker);
}

function tableMarker(name: string): string {
  return `{{table:${name}}}`;
}

/** Where blocks go: appended at the end of the body, or inserted one after another from an index. */
class BlockWriter {
  private contentWidth: number | null = null;

  constructor(private readonly body: Body, private at: number | null = null) {}

  /** The width tables share: page minus margins, read once per document. */
  private width(): number {
    if (this.contentWidth === null) {
      const w = this.body.getPageWidth() - this.body.getMarginLeft() - this.body.getMarginRight();
      this.contentWidth = w > 100 ? w : 468;
    }
    return this.contentWidth;
  }

  private paragraph(text: string): Paragraph {
    return this.at === null ? this.body.appendParagraph(text) : this.body.insertParagraph(this.at++, text);
  }

  write(block: ReportBlock): void {
    switch (block.type) {
      case 'heading': {
        const p = this.paragraph(block.text);
        p.setHeading(HEADINGS()[block.level]);
        break;
      }
      case 'paragraph': {
        const p = this.paragraph(block.text);
        p.setHeading(DocumentApp.ParagraphHeading.NORMAL);
        const style: Record<string, unknown> = {
          [DocumentApp.Attribute.BOLD]: block.bold === true,
          [DocumentApp.Attribute.ITALIC]: block.italic === true,
        };
        if (block.align) style[DocumentApp.Attribute.HORIZONTAL_ALIGNMENT] = ALIGNMENTS()[block.align];
        p.setAttributes(style);
        break;
      }
      case 'list': {
        const glyph = block.ordered ? DocumentApp.GlyphType.NUMBER : DocumentApp.GlyphType.BULLET;
        for (const item of block.items) {
          const li = this.at === null ? this.body.appendListItem(item) : this.body.insertListItem(this.at++, item);
          li.setGlyphType(glyph);
          li.setAttributes({ [DocumentApp.Attribute.BOLD]: false, [DocumentApp.Attribute.ITALIC]: false });
        }
        break;
      }
      case 'table':
        this.table(block);
        break;
      case 'pageBreak':
        if (this.at === null) this.body.appendPageBreak();
        else this.body.insertPageBreak(this.at++);
        break;
    }
  }

  table(block: TableBlock): void {
    if (block.caption) {
      const p = this.paragraph(block.caption);
      p.setHeading(DocumentApp.ParagraphHeading.NORMAL);
      p.setAttributes({ [DocumentApp.Attribute.BOLD]: false, [DocumentApp.Attribute.ITALIC]: false });
    }
    const cells = tableCells(block);
    const t = this.at === null ? this.body.appendTable(cells) : this.body.insertTable(this.at++, cells);
    styleHeader(t, cells[0].length);
    if (cells[0].length > 1) columnWidths(cells, this.width()).forEach((w, c) => t.setColumnWidth(c, w));
  }
}

function styleHeader(t: Table, columns: number): void {
  const header = t.getRow(0);
  for (let c = 0; c < columns; c++) {
    const cell = header.getCell(c);
    cell.setBackgroundColor(HEADER_BACKGROUND);
    cell.editAsText().setBold(true);
  }
}

// Enum members are read inside functions: nothing may touch a service while the bundle loads.
function HEADINGS(): Record<1 | 2 | 3, GoogleAppsScript.Document.ParagraphHeading> {
  const H = DocumentApp.ParagraphHeading;
  return { 1: H.HEADING1, 2: H.HEADING2, 3: H.HEADING3 };
}

function ALIGNMENTS(): Record<string, GoogleAppsScript.Document.HorizontalAlignment> {
  const A = DocumentApp.HorizontalAlignment;
  return { left: A.LEFT, center: A.CENTER, right: A.RIGHT, justify: A.JUSTIFY };
}

function folderById(folderId: string): GoogleAppsScript.Drive.Folder {
  try {
    return DriveApp.getFolderById(folderId);
  } catch {
    throw new UserError(`Папка для отчёта не найдена или нет доступа к ней (${folderId}). Проверьте ссылку в столбце «Папка» и права доступа.`);
  }
}

/** Build the document from its blocks, or fill a copy of the template. */
export function renderReport(doc: ReportDocument, target: RenderTarget): RenderResult {
  // The folder is checked first so a wrong link does not leave an orphan document behind.
  const folder = target.folderId ? folderById(target.folderId) : null;
  return target.templateId ? renderFromTemplate(doc, target.templateId, target.name, folder) : renderNew(doc, target.name, folder);
}

function renderNew(doc: ReportDocument, name: string, folder: GoogleAppsScript.Drive.Folder | null): RenderResult {
  const document = DocumentApp.create(name);
  const body = document.getBody();
  body.clear();
  // A cleared body keeps one empty paragraph: it becomes the title.
  const title = body.getChild(0).asParagraph();
  title.setText(doc.title);
  title.setHeading(DocumentApp.ParagraphHeading.TITLE);
  if (doc.subtitle) body.appendParagraph(doc.subtitle).setHeading(DocumentApp.ParagraphHeading.SUBTITLE);
  const writer = new BlockWriter(body);
  for (const block of doc.blocks) writer.write(block);
  document.saveAndClose();
  const id = document.getId();
  if (folder) DriveApp.getFileById(id).moveTo(folder);
  return { id, url: document.getUrl(), unfilled: [] };
}

function openTemplateCopy(templateId: string, name: string, folder: GoogleAppsScript.Drive.Folder | null): GoogleAppsScript.Document.Document {
  let file: GoogleAppsScript.Drive.File;
  try {
    file = DriveApp.getFileById(templateId);
  } catch {
    throw new UserError(`Шаблон отчёта не найден или нет доступа к нему (${templateId}). Проверьте ссылку в столбце «Шаблон».`);
  }
  if (file.getMimeType() !== GOOGLE_DOCS_MIME) {
    throw new UserError(`Шаблон «${file.getName()}» — не Google Документ. Откройте его в Google Документах (Файл → Сохранить как Google Документ) и укажите ссылку на документ.`);
  }
  const copy = folder ? file.makeCopy(name, folder) : file.makeCopy(name);
  try {
    return DocumentApp.openById(copy.getId());
  } catch {
    throw new UserError(`Не удалось открыть копию шаблона «${file.getName()}». Проверьте, что у вас есть право редактирования.`);
  }
}

/** The paragraph directly in the body that contains `marker`, or null (not there, or inside a table cell). */
function markerParagraph(body: Body, marker: string): Paragraph | null {
  const found = body.findText(markerPattern(marker));
  if (!found) return null;
  const parent = found.getElement().getParent();
  const type = parent.getType();
  if (type !== DocumentApp.ElementType.PARAGRAPH && type !== DocumentApp.ElementType.LIST_ITEM) return null;
  if (parent.getParent().getType() !== DocumentApp.ElementType.BODY_SECTION) return null;
  return parent as Paragraph;
}

/**
 * Put blocks where the marker paragraph is, then drop the marker: the whole paragraph when it holds nothing
 * else (unless it ends the document), only the marker text otherwise.
 */
function replaceMarker(body: Body, marker: string, write: (writer: BlockWriter) => void): boolean {
  const p = markerParagraph(body, marker);
  if (!p) return false;
  const index = body.getChildIndex(p);
  write(new BlockWriter(body, index));
  const onlyMarker = p.getText().trim() === marker;
  if (onlyMarker && p.getNextSibling() !== null) p.removeFromParent();
  else p.replaceText(markerPattern(marker), '');
  return true;
}

function renderFromTemplate(doc: ReportDocument, templateId: string, name: string, folder: GoogleAppsScript.Drive.Folder | null): RenderResult {
  const document = openTemplateCopy(templateId, name, folder);
  const body = document.getBody();
  for (const [key, value] of Object.entries(allPlaceholders(doc))) {
    body.replaceText(markerPattern(`{{${key}}}`), escapeReplacement(value));
  }
  const rest: ReportBlock[] = [];
  for (const block of doc.blocks) {
    if (block.type === 'table' && block.name) {
      const name = block.name;
      if (replaceMarker(body, tableMarker(name), (w) => w.table(block))) continue;
    }
    rest.push(block);
  }
  if (rest.length > 0 && !replaceMarker(body, CONTENT_MARKER, (w) => rest.forEach((b) => w.write(b)))) {
    const writer = new BlockWriter(body);
    for (const block of rest) writer.write(block);
  } else if (rest.length === 0) {
    replaceMarker(body, CONTENT_MARKER, () => undefined);
  }
  const unfilled = unfilledFields(body);
  document.saveAndClose();
  return { id: document.getId(), url: document.getUrl(), unfilled };
}

/** «{{name}}» left in the document: fields the template expects and the report does not provide. */
function unfilledFields(body: Body): string[] {
  const out: string[] = [];
  let from: GoogleAppsScript.Document.RangeElement | null = null;
  for (let i = 0; i < MAX_UNFILLED_REPORTED; i++) {
    const found: GoogleAppsScript.Document.RangeElement | null = from ? body.findText('\\{\\{[^{}]+\\}\\}', from) : body.findText('\\{\\{[^{}]+\\}\\}');
    if (!found) break;
    const text = found.getElement().asText().getText().slice(found.getStartOffset(), found.getEndOffsetInclusive() + 1);
    if (!out.includes(text)) out.push(text);
    from = found;
  }
  return out;
}
