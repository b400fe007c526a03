// Roadmap files to rows or text, by extension. Every failure is a RoadmapInputError with a one-line reason.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RoadmapInputError } from '../../src/domain/roadmap-error';
import { readCsvText } from './csv';
import { readDocx } from './docx';
import { readPdf } from './pdf';
import { decodeText } from './text';
import { readXlsx } from './xlsx';
import type { RoadmapSource } from './source';

export { RoadmapInputError, isRoadmapInputError } from '../../src/domain/roadmap-error';
export type { RoadmapSource, TableSource } from './source';

export const SUPPORTED_EXTENSIONS = ['.txt', '.tsv', '.text', '.md', '.csv', '.xlsx', '.xlsm', '.docx', '.pdf'];

export async function readRoadmapFile(file: string): Promise<RoadmapSource> {
  const ext = path.extname(file).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) {
    throw new RoadmapInputError(
      `неизвестный формат файла «${ext || path.basename(file)}»: поддерживаются ${SUPPORTED_EXTENSIONS.join(', ')}`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new RoadmapInputError(code === 'ENOENT' ? `файл не найден: ${file}` : `не удалось открыть файл ${file}: ${code ?? 'ошибка чтения'}`);
  }
  if (bytes.length === 0) throw new RoadmapInputError('файл пуст');
  switch (ext) {
    case '.csv':
      return readCsvText(decodeText(bytes));
    case '.xlsx':
    case '.xlsm':
      return readXlsx(bytes);
    case '.docx':
      return readDocx(bytes);
    case '.pdf':
      return readPdf(file);
    default:
      return decodeText(bytes);
  }
}
