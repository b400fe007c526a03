// Bytes of a text export to a string. Russian offices still save cp1251 and Excel's «Unicode text» is UTF-16,
// so the encoding is detected rather than assumed; binary files are refused before they reach the normaliser.
import { RoadmapInputError } from '../../src/domain/roadmap-error';

const SIGNATURES: Array<[number[], string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'файл — архив (возможно, .docx или .xlsx с другим расширением): сохраните его с правильным расширением'],
  [[0x25, 0x50, 0x44, 0x46], 'файл — PDF с другим расширением: укажите его как .pdf'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'старые форматы .doc/.xls не поддерживаются: сохраните файл как .docx или .xlsx'],
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Decodes a text file (UTF-8, UTF-16 with BOM, or cp1251) and refuses binary content. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new RoadmapInputError('файл пуст');
  for (const [sig, reason] of SIGNATURES) if (startsWith(bytes, sig)) throw new RoadmapInputError(reason);
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1251').decode(bytes);
    }
  }
  text = text.replace(/^\uFEFF/, '');
  const control = (text.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g) ?? []).length;
  if (control > 0 && control / text.length > 0.01) {
    throw new RoadmapInputError('файл не похож на текст (двоичные данные)');
  }
  if (text.trim() === '') throw new RoadmapInputError('файл пуст');
  return text;
}
