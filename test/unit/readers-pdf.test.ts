// A roadmap saved as PDF: read through pdftotext -layout and the layout-text importer. The PDF is made in the
// test from an HTML table with LibreOffice (CI installs it); without pdftotext the reason names the package.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRoadmapCommand } from '../../local/commands/import-roadmap';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
const pdftotext = ['/usr/bin/pdftotext'].find((p) => fs.existsSync(p));

const HTML = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<h2>План мероприятий по внедрению целевой модели наставничества на 2024/2025 учебный год</h2>
<table border="1" cellpadding="4">
<tr><th>№</th><th>Мероприятие</th><th>Срок</th><th>Ответственный</th></tr>
<tr><td>1</td><td>Приказ о внедрении целевой модели наставничества</td><td>до 15.09.2024 г.</td><td>Директор</td></tr>
<tr><td>2</td><td>Формирование базы наставников и наставляемых</td><td>сентябрь 2024 г.</td><td>Куратор</td></tr>
<tr><td>3</td><td>Семинар для наставников</td><td>ежеквартально</td><td>Заместитель директора по УВР</td></tr>
<tr><td>4</td><td>Итоговый мониторинг и справка</td><td>май 2025 г.</td><td>Куратор</td></tr>
</table></body></html>`;

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await importRoadmapCommand(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('PDF roadmaps', () => {
  it('imports a roadmap table from a PDF made by LibreOffice', async () => {
    expect(soffice, 'LibreOffice is needed to make the PDF (CI installs libreoffice-writer-nogui)').toBeTruthy();
    expect(pdftotext, 'pdftotext is needed to read PDFs (CI installs poppler-utils)').toBeTruthy();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-pdf-'));
    const html = path.join(dir, 'roadmap.html');
    fs.writeFileSync(html, HTML);
    execFileSync(soffice!, ['--headless', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', dir, html], { timeout: 120000, stdio: 'ignore' });
    const r = await run([path.join(dir, 'roadmap.pdf'), '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const roadmap = JSON.parse(r.out) as { period: unknown; activities: { number: string; deadline: { text: string; kind: string } }[] };
    expect(roadmap.period).toEqual({ start: '2024-09-01', end: '2025-08-31' });
    expect(roadmap.activities.map((a) => a.number)).toEqual(['1', '2', '3', '4']);
    expect(roadmap.activities.map((a) => a.deadline.kind)).toEqual(['dated', 'dated', 'recurring', 'dated']);
  });

  it('says what is wrong with a PDF that is not one', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-pdf-')), 'broken.pdf');
    fs.writeFileSync(file, '%PDF-1.7 broken');
    const r = await run([file, '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/PDF/);
    expect(r.err.split('\n')).toHaveLength(1);
  });
});
