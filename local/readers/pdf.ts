// A PDF roadmap to text with poppler's `pdftotext -layout`, which keeps the table's columns aligned with spaces;
// the importer reads such layout text (src/domain/roadmap-layout.ts). Local only: the add-on itself gets text
// pasted from a PDF.
import { execFileSync } from 'node:child_process';
import { RoadmapInputError } from '../../src/domain/roadmap-error';

export function readPdf(file: string): string {
  let text: string;
  try {
    text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') {
      throw new RoadmapInputError('для .pdf нужна программа pdftotext (Debian: apt-get install poppler-utils) — или сохраните дорожную карту как .docx');
    }
    throw new RoadmapInputError('не удалось прочитать PDF: файл повреждён или защищён');
  }
  if (text.replace(/\f/g, '').trim() === '') {
    throw new RoadmapInputError('в PDF нет текстового слоя (это скан): распознайте текст или сохраните дорожную карту как .docx');
  }
  return text;
}
