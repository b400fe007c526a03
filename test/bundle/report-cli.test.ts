// `npm run -s cli -- report`: the report the add-on produces, from the demo workbook, as a .docx that opens —
// in LibreOffice too when it is installed (CI installs it).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reportCommand } from '../../local/commands/report';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return reportCommand(args, (s) => out.push(s), (s) => err.push(s)).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));

describe('report command', () => {
  it('writes a .docx with the report headings and tables', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-report-')), 'report.docx');
    const r = await run(['--as-of', '2024-03-01', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('обезличенная');
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Исполнение мероприятий');
    expect(xml).toMatch(/1[\s\u00a0]марта[\s\u00a0]2024/);
    expect(xml).toContain('<w:tbl>');
    if (soffice) {
      execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', path.dirname(file), file], { timeout: 120000, stdio: 'ignore' });
      const pdf = file.replace(/\.docx$/, '.pdf');
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it.each([
    [['--as-of', '05.12.2023'], /YYYY-MM-DD/],
    [['--as-of', '2023-13-45'], /YYYY-MM-DD/],
    [['--frobnicate'], /unknown option/],
  ])('%j exits 1 with one line', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
  });
});
