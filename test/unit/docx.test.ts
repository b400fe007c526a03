// A Doc built through the DocumentApp fake and saved as .docx: unzip it and read the WordprocessingML back.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { counted } from '../../local/counter';
import { docxBuffer, saveDocx } from '../../local/docx';
import { createEnv } from '../../local/env';
import { createServices } from '../../local/services/index';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function documentApp(): Any {
  const env = createEnv();
  return counted(createServices(env).globals.DocumentApp, 'DocumentApp', env.counter);
}

async function partsOf(buf: Buffer): Promise<{ document: string; styles: string; numbering: string; core: string }> {
  const zip = await JSZip.loadAsync(buf);
  const read = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`${name} missing from the .docx`);
    return f.async('string');
  };
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    numbering: await read('word/numbering.xml'),
    core: await read('docProps/core.xml'),
  };
}

/** The XML of the paragraph that contains a text. */
function paragraphWith(xml: string, text: string): string {
  const paras = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  const p = paras.find((x) => x.includes(text));
  if (!p) throw new Error(`no paragraph with ${text}`);
  return p;
}

describe('saveDocx', () => {
  it('writes headings, paragraphs and a table that Word reads back', async () => {
    const DA = documentApp();
    const doc = DA.create('Справка о наставничестве');
    const body = doc.getBody();
    const first = body.getChild(0).asParagraph();
    first.setText('Справка о реализации программы');
    first.setHeading(DA.ParagraphHeading.HEADING1);
    const p = body.appendParagraph('В программе участвуют ');
    p.appendText('12 пар').setBold(true);
    p.appendText(' наставников.').setBold(false);
    p.setAlignment(DA.HorizontalAlignment.JUSTIFY);
    const table = body.appendTable([['Пара', 'Статус'], ['Иванова — Петров', 'выполнено']]);
    for (let c = 0; c < 2; c++) table.getCell(0, c).setBackgroundColor('#d9d9d9').editAsText().setBold(true);
    table.setBorderWidth(1);

    const dir = mkdtempSync(join(tmpdir(), 'nastavnik-docx-'));
    const file = join(dir, 'report.docx');
    await saveDocx(doc, file);
    const { document, styles, core } = await partsOf(readFileSync(file));

    const heading = paragraphWith(document, 'Справка о реализации программы');
    expect(heading).toContain('<w:pStyle w:val="Heading1"/>');
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">/);
    expect(styles).toContain('Times New Roman');
    expect(core).toContain('Справка о наставничестве');

    const para = paragraphWith(document, 'В программе участвуют');
    expect(para).toContain('<w:jc w:val="both"/>');
    // Only the appended "12 пар" run is bold.
    const boldRun = para.match(/<w:r>(?:(?!<\/w:r>)[\s\S])*12 пар[\s\S]*?<\/w:r>/)?.[0] ?? '';
    expect(boldRun).toContain('<w:b/>');
    const plainRun = para.match(/<w:r>(?:(?!<\/w:r>)[\s\S])*В программе участвуют[\s\S]*?<\/w:r>/)?.[0] ?? '';
    expect(plainRun).not.toContain('<w:b/>');

    const tables = document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(1);
    const tbl = tables[0] ?? '';
    expect(tbl.match(/<w:tr[ >]/g)).toHaveLength(2);
    expect(tbl).toContain('Иванова — Петров');
    expect(tbl).toMatch(/<w:shd [^>]*w:fill="D9D9D9"/);
    expect(tbl).toContain('<w:tblHeader/>');
    expect(tbl).toMatch(/<w:insideH w:val="single" w:color="000000" w:sz="8"\/>/);
    const headerCell = paragraphWith(tbl, 'Статус');
    expect(headerCell).toContain('<w:b/>');
    expect(paragraphWith(tbl, 'выполнено')).not.toContain('<w:b/>');

    // A4 with a 30 mm left margin.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar [^>]*w:left="1701"/);
  });

  it('writes lists, page breaks, rules and soft line breaks', async () => {
    const DA = documentApp();
    const doc = DA.create('Списки');
    const body = doc.getBody();
    const title = body.getChild(0).asParagraph();
    // Paragraph.setText returns nothing in Apps Script, so it cannot be chained.
    expect(title.setText('Итоги')).toBeUndefined();
    title.setHeading(DA.ParagraphHeading.TITLE);
    body.appendListItem('первое');
    body.appendListItem('второе').setNestingLevel(1);
    body.appendParagraph('между списками');
    body.appendListItem('один').setGlyphType(DA.GlyphType.NUMBER);
    body.appendListItem('два').setGlyphType(DA.GlyphType.NUMBER);
    body.appendHorizontalRule();
    body.appendPageBreak();
    body.appendParagraph('строка 1\nстрока 2');

    const { document, numbering } = await partsOf(await docxBuffer(doc));
    expect(paragraphWith(document, 'Итоги')).toContain('<w:pStyle w:val="Title"/>');
    expect(paragraphWith(document, 'второе')).toMatch(/<w:ilvl w:val="1"\/>/);
    const numId = (text: string) => /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(document, text))?.[1];
    expect(numId('первое')).toBeDefined();
    expect(numId('первое')).toBe(numId('второе'));
    expect(numId('один')).toBe(numId('два'));
    expect(numId('один')).not.toBe(numId('первое'));
    expect(numbering).toContain('w:val="decimal"');
    expect(numbering).toContain('w:val="bullet"');
    expect(document).toContain('<w:br w:type="page"/>');
    expect(document).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    const soft = paragraphWith(document, 'строка 1');
    expect(soft).toContain('строка 2');
    expect(soft).toMatch(/<w:br\/>/);
  });
});
