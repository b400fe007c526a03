// `import-people FILE [--role mentor|mentee|organisation] [--sheet NAME] [--json]`: a list of teachers (or
// organisations) kept in someone's own layout, as .xlsx, .csv or tab-separated text, read through the column
// mapping the add-on would suggest. Rows and cells that cannot be read are reported, never dropped. Bad input
// (no file, unknown format, no list in it) exits 1 with a one-line reason.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { applyMapping, guessRole, suggestMapping, type MappingSuggestion } from '../../src/domain/people-mapping';
import {
  menteeFromRecord,
  mentorFromRecord,
  organisationFromRecord,
  organisationLookup,
  type MenteeField,
  type MentorField,
  type OrganisationField,
  type PeopleRole,
  type TextRecord,
} from '../../src/domain/people-records';
import { DEFAULT_DICTIONARIES } from '../../src/domain/dictionaries';
import { columnLetter } from '../../src/sheets/columns';
import { AUXILIARY_COLUMNS, mappingFields, roleColumns } from '../../src/sheets/people-schema';
import { isRoadmapInputError } from '../../src/domain/roadmap-error';
import { readCsvText } from '../readers/csv';
import { decodeText } from '../readers/text';

const USAGE = 'usage: import-people FILE [--role mentor|mentee|organisation] [--sheet NAME] [--json]';
const EXTENSIONS = ['.xlsx', '.xlsm', '.csv', '.tsv', '.txt'];

class InputError extends Error {}

const ROLE_WORDS: Record<PeopleRole, string> = { mentor: 'наставник', mentee: 'наставляемый', organisation: 'организация' };

interface Options {
  file: string;
  role: PeopleRole | null;
  sheet: string | null;
  json: boolean;
}

function parseArgs(args: string[]): Options | string {
  let file: string | undefined;
  let role: PeopleRole | null = null;
  let sheet: string | null = null;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--role' || a.startsWith('--role=')) {
      const v = a === '--role' ? args[++i] : a.slice('--role='.length);
      if (v !== 'mentor' && v !== 'mentee' && v !== 'organisation') return `--role: ожидается mentor, mentee или organisation, получено «${v ?? ''}»`;
      role = v;
    } else if (a === '--sheet' || a.startsWith('--sheet=')) {
      const v = a === '--sheet' ? args[++i] : a.slice('--sheet='.length);
      if (!v) return '--sheet: укажите имя листа';
      sheet = v;
    } else if (a.startsWith('-') && a !== '-') return `неизвестный параметр ${a}`;
    else if (file === undefined) file = a;
    else return `лишний аргумент ${a}`;
  }
  if (file === undefined) return 'не указан файл со списком';
  return { file, role, sheet, json };
}

// ---------------------------------------------------------------------------------------------------------
// Reading the file into sheets of text

interface TextSheet {
  name: string;
  rows: string[][];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell as people see it; a date (exceljs gives UTC midnight) as ISO. */
function xlsxCellText(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Merge) return '';
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('').trim();
  if ('result' in o) {
    const r = o.result;
    if (Object.prototype.toString.call(r) === '[object Date]') {
      const d = r as Date;
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    }
    return r === undefined || r === null || typeof r === 'object' ? '' : String(r);
  }
  if (typeof o.text === 'string') return o.text.trim();
  return '';
}

async function readSheets(file: string): Promise<TextSheet[]> {
  const ext = path.extname(file).toLowerCase();
  if (!EXTENSIONS.includes(ext)) throw new InputError(`неизвестный формат файла «${ext || path.basename(file)}»: поддерживаются ${EXTENSIONS.join(', ')}`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `файл не найден: ${file}` : `не удалось открыть файл ${file}: ${code ?? 'ошибка чтения'}`);
  }
  if (bytes.length === 0) throw new InputError('файл пуст');
  const base = path.basename(file, ext);
  if (ext === '.xlsx' || ext === '.xlsm') {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch {
      throw new InputError('не удалось прочитать .xlsx: файл повреждён или это не книга Excel');
    }
    return wb.worksheets.map((ws) => {
      const rows: string[][] = [];
      for (let r = 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const cells: string[] = [];
        for (let c = 1; c <= ws.columnCount; c++) cells.push(xlsxCellText(row.getCell(c)));
        rows.push(cells);
      }
      return { name: ws.name, rows };
    });
  }
  try {
    const text = decodeText(bytes);
    if (ext === '.csv') return [{ name: base, rows: readCsvText(text).rows.map((r) => r.map((c) => c.trim())) }];
    return [{ name: base, rows: text.split(/\r\n|\r|\n/).map((l) => l.split('\t').map((c) => c.trim())) }];
  } catch (e) {
    if (isRoadmapInputError(e)) throw new InputError((e as Error).message);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------

export interface ImportPeopleOutput {
  file: string;
  sheet: string | null;
  role: PeopleRole;
  /** The role was not given and was guessed from the columns. */
  roleGuessed: boolean;
  /** 1-based. */
  headerRow: number;
  mapping: { field: string; label: string; column: string | null; header: string; confidence: number }[];
  unmappedColumns: { column: string; header: string }[];
  /** Domain records (Mentor, Mentee or Organisation) with their 1-based row in the file. */
  records: ({ row: number } & Record<string, unknown>)[];
  problems: { row: number; field: string; label: string; text: string; message: string }[];
  unreadableRows: { row: number; text: string; reason: string }[];
  /** Rows for the other role (the list has a role column). */
  otherRoleRows: number;
  warnings: string[];
}

function hasName(s: MappingSuggestion, role: PeopleRole): boolean {
  const key = role === 'organisation' ? 'name' : 'fullName';
  return s.fields.some((f) => (f.key === key || (role !== 'organisation' && f.key === 'surname')) && f.column !== null);
}

/** The sheet and role to read: the given ones, else the sheet whose header fits best and the role its columns say. */
function choose(sheets: TextSheet[], opt: Options): { sheet: TextSheet; role: PeopleRole; guessed: boolean; suggestion: MappingSuggestion } {
  const candidates = opt.sheet ? sheets.filter((s) => s.name === opt.sheet) : sheets.filter((s) => s.rows.some((r) => r.some((c) => c !== '')));
  if (opt.sheet && candidates.length === 0) throw new InputError(`в книге нет листа «${opt.sheet}»: есть ${sheets.map((s) => `«${s.name}»`).join(', ')}`);
  if (candidates.length === 0) throw new InputError('файл пуст');
  let best: { sheet: TextSheet; role: PeopleRole; guessed: boolean; suggestion: MappingSuggestion; score: number } | null = null;
  for (const sheet of candidates) {
    const roles: PeopleRole[] = opt.role ? [opt.role] : ['mentor', 'mentee', 'organisation'];
    const sugg = new Map(roles.map((r) => [r, suggestMapping(sheet.rows, mappingFields(r))]));
    let role: PeopleRole;
    if (opt.role) role = opt.role;
    else {
      const people = hasName(sugg.get('mentee')!, 'mentee');
      const orgs = hasName(sugg.get('organisation')!, 'organisation');
      // A list of organisations has a name but no person's name.
      role = !people && orgs ? 'organisation' : guessRole(sugg.get('mentor')!, sugg.get('mentee')!) ?? 'mentee';
    }
    const s = sugg.get(role)!;
    const score = s.fields.filter((f) => f.column !== null).length + (hasName(s, role) ? 100 : 0);
    if (!best || score > best.score) best = { sheet, role, guessed: !opt.role, suggestion: s, score };
  }
  if (!best || !hasName(best.suggestion, best.role)) {
    throw new InputError(best?.role === 'organisation' ? 'не найден столбец с наименованием организации' : 'не найден столбец с ФИО (или фамилией): это не список педагогов');
  }
  return best;
}

export function readPeopleRows(rows: string[][], role: PeopleRole, suggestion: MappingSuggestion): Omit<ImportPeopleOutput, 'file' | 'sheet' | 'roleGuessed'> {
  const columns = Object.fromEntries(suggestion.fields.map((f) => [f.key, f.column]));
  const fields = roleColumns(role).filter((c) => !c.computed).map((c) => c.key as string);
  const applied = applyMapping(rows, { headerRow: suggestion.headerRow, columns }, [...fields, ...AUXILIARY_COLUMNS.map((c) => c.key)], {
    role: role === 'organisation' ? undefined : role,
    nameField: role === 'organisation' ? 'name' : 'fullName',
  });
  const labels = new Map([...roleColumns(role), ...AUXILIARY_COLUMNS].map((c) => [c.key as string, c.label]));
  const problems: ImportPeopleOutput['problems'] = [];
  const ctx = { organisations: organisationLookup([]), defaultCapacity: 1, menteeCategories: DEFAULT_DICTIONARIES.menteeCategories };
  const records = applied.records.map((r) => {
    const rec = r.record as TextRecord;
    for (const f of [...roleColumns(role)].filter((c) => c.computed)) rec[f.key] = '';
    let item: Record<string, unknown>;
    let extra: { field: string; text: string; message: string }[];
    if (role === 'organisation') {
      const o = organisationFromRecord(rec as TextRecord<OrganisationField>, DEFAULT_DICTIONARIES.organisationKinds);
      item = { ...o.organisation, partners: o.partners };
      extra = o.problems;
    } else if (role === 'mentor') {
      const m = mentorFromRecord(rec as TextRecord<MentorField>, ctx);
      item = { ...m.mentor };
      extra = m.problems;
    } else {
      const m = menteeFromRecord(rec as TextRecord<MenteeField>, ctx);
      item = { ...m.mentee };
      extra = m.problems;
    }
    const seen = new Set<string>();
    for (const p of [...r.problems, ...extra]) {
      const key = `${p.field}\u0000${p.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ row: r.row + 1, field: p.field, label: labels.get(p.field) ?? p.field, text: p.text, message: p.message });
    }
    return { row: r.row + 1, ...item };
  });
  return {
    role,
    headerRow: suggestion.headerRow + 1,
    mapping: suggestion.fields.map((f) => ({ field: f.key, label: f.label, column: f.column === null ? null : columnLetter(f.column), header: f.header, confidence: f.confidence })),
    unmappedColumns: suggestion.unmapped.map((u) => ({ column: columnLetter(u.column), header: u.header })),
    records,
    problems,
    unreadableRows: applied.unreadable.map((u) => ({ row: u.row + 1, text: u.text, reason: u.reason })),
    otherRoleRows: applied.otherRole.length,
    warnings: [],
  };
}

function summary(o: ImportPeopleOutput): string {
  const what = { mentor: 'наставников', mentee: 'наставляемых', organisation: 'организаций' }[o.role];
  const lines = [
    `${o.file}${o.sheet ? `, лист «${o.sheet}»` : ''}: ${what} ${o.records.length}${o.roleGuessed ? ' (роль определена по столбцам; укажите --role, если это не так)' : ''}`,
    `Заголовок в строке ${o.headerRow}. Столбцы:`,
    ...o.mapping.filter((m) => m.column).map((m) => `  ${m.label} ← ${m.column} «${m.header}» (уверенность ${Math.round(m.confidence * 100)} %)`),
  ];
  if (o.unmappedColumns.length) lines.push(`Не использованы: ${o.unmappedColumns.map((u) => `${u.column} «${u.header}»`).join(', ')}`);
  if (o.otherRoleRows) lines.push(`Строк другой роли: ${o.otherRoleRows}`);
  if (o.problems.length) {
    lines.push(`Не прочитано ячеек: ${o.problems.length} (оставлены как есть):`);
    for (const p of o.problems.slice(0, 20)) lines.push(`  строка ${p.row}, «${p.label}»: «${p.text}» — ${p.message}`);
  }
  if (o.unreadableRows.length) {
    lines.push(`Не прочитано строк: ${o.unreadableRows.length}:`);
    for (const u of o.unreadableRows.slice(0, 20)) lines.push(`  строка ${u.row}: ${u.reason} — ${u.text}`);
  }
  return lines.join('\n');
}

export async function importPeopleCommand(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const opt = parseArgs(args);
  if (typeof opt === 'string') {
    err(`${opt}. ${USAGE}`);
    return 1;
  }
  try {
    const sheets = await readSheets(opt.file);
    const { sheet, role, guessed, suggestion } = choose(sheets, opt);
    const result: ImportPeopleOutput = {
      file: path.basename(opt.file),
      sheet: path.extname(opt.file).toLowerCase().startsWith('.xls') ? sheet.name : null,
      roleGuessed: guessed,
      ...readPeopleRows(sheet.rows, role, suggestion),
    };
    if (result.records.length === 0 && result.unreadableRows.length === 0) {
      err(result.otherRoleRows ? `в списке нет строк с ролью «${ROLE_WORDS[role]}»` : 'в списке нет ни одной строки после заголовка');
      return 1;
    }
    out(opt.json ? JSON.stringify(result) : summary(result));
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      err(e.message);
      return 1;
    }
    throw e;
  }
}
