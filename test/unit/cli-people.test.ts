// `import-people FILE [--role mentor|mentee|organisation] [--sheet NAME] [--json]`, called directly.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importPeopleCommand, type ImportPeopleOutput } from '../../local/commands/import-people';

const dir = mkdtempSync(join(tmpdir(), 'cli-people-'));
let n = 0;

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, `${++n}-${name}`);
  writeFileSync(path, content);
  return path;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await importPeopleCommand(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err };
}

async function json(args: string[]): Promise<ImportPeopleOutput> {
  const r = await run([...args, '--json']);
  expect(r.err).toEqual([]);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as ImportPeopleOutput;
}

const CSV = [
  'Список молодых специалистов;;;;;;',
  ';;;;;;',
  'Фамилия;Имя;Отчество;Дата рождения;Стаж, лет;Предмет;Согласие на обработку ПДн;Дефициты',
  'Иванова;Анна;Петровна;12.03.1998;1;математика;01.09.2023;оценивание, работа с родителями',
  'Петров;Иван;;1995-05-05;два;история;да;',
  ';;;;;;;',
  ';;;;;заметка без фамилии;;',
].join('\n');

describe('import-people --json', () => {
  it('reads a CSV list with a title, a split name and unreadable cells kept and reported', async () => {
    const o = await json([file('list.csv', CSV)]);
    expect(o.role).toBe('mentee');
    expect(o.roleGuessed).toBe(true);
    expect(o.headerRow).toBe(3);
    expect(o.mapping.find((m) => m.field === 'birthDate')).toMatchObject({ column: 'D', header: 'Дата рождения', confidence: 1 });
    expect(o.mapping.find((m) => m.field === 'surname')?.column).toBe('A');
    expect(o.records).toHaveLength(2);
    expect(o.records[0]).toMatchObject({
      row: 4, fullName: 'Иванова Анна Петровна', birthDate: '1998-03-12', experienceYears: 1, subject: 'математика',
      consentDate: '2023-09-01', deficits: ['оценивание', 'работа с родителями'],
    });
    expect(o.records[1]).toMatchObject({ row: 5, fullName: 'Петров Иван', experienceYears: null, consentDate: null });
    expect(o.problems).toEqual([
      { row: 5, field: 'experience', label: 'Педагогический стаж, лет', text: 'два', message: 'не число' },
      { row: 5, field: 'consent', label: 'Дата согласия на обработку ПДн', text: 'да', message: 'согласие отмечено без даты: укажите дату согласия' },
    ]);
    expect(o.unreadableRows).toEqual([{ row: 7, text: 'заметка без фамилии', reason: 'не указано ФИО (наименование)' }]);
  });

  it('reads .xlsx with date cells and a role column, choosing the sheet with the list', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Титул').getCell('A1').value = 'Банк наставников';
    const ws = wb.addWorksheet('Педагоги');
    ws.addRow(['Таб. №', 'ФИО', 'ОО', 'Стаж', 'Категория', 'Роль', 'Сильные стороны', 'Кол-во наставляемых', 'Дата согласия']);
    ws.addRow(['1.2', 'Орлова Дарья Игоревна', 'СОШ № 1', 25, 'высшая', 'наставник', 'ИКТ; оценивание', 2, new Date(Date.UTC(2023, 8, 1))]);
    ws.addRow(['1.3', 'Зайцев Илья', 'СОШ № 1', 1, 'без категории', 'наставляемый', '', '', new Date(Date.UTC(2023, 8, 2))]);
    ws.addRow(['1.4', 'Соколова Ольга', 'СОШ № 2', 12, 'первая', 'Наставник', 'работа с родителями', 'три', '']);
    const path = file('bank.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const o = await json([path]);
    expect(o.sheet).toBe('Педагоги');
    expect(o.role).toBe('mentor');
    expect(o.records.map((r) => r.id)).toEqual(['1.2', '1.4']);
    expect(o.records[0]).toMatchObject({ capacity: 2, strengths: ['ИКТ', 'оценивание'], consentDate: '2023-09-01', experienceYears: 25, category: 'высшая' });
    // «три» places cannot be read: the default is used and the cell is reported.
    expect(o.records[1]).toMatchObject({ capacity: 1, consentDate: null });
    expect(o.problems).toEqual([expect.objectContaining({ row: 4, field: 'capacity', text: 'три' })]);
    expect(o.otherRoleRows).toBe(1);
    const mentees = await json([path, '--role', 'mentee', '--sheet', 'Педагоги']);
    expect(mentees.records.map((r) => r.fullName)).toEqual(['Зайцев Илья']);
    expect(mentees.roleGuessed).toBe(false);
  });

  it('reads a list of organisations', async () => {
    const o = await json([file('oo.txt', 'Код\tНаименование ОО\tТип\nОО-01\tМБОУ «СОШ № 1»\tшкола\nОО-07\tМБДОУ «Детский сад № 1»\t\n')]);
    expect(o.role).toBe('organisation');
    expect(o.records.map((r) => [r.id, r.kind])).toEqual([['ОО-01', 'school'], ['ОО-07', 'kindergarten']]);
  });

  it('prints a summary for a person without --json', async () => {
    const r = await run([file('list.csv', CSV)]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('наставляемых 2');
    expect(r.out).toContain('строка 5, «Педагогический стаж, лет»: «два» — не число');
  });
});

describe('bad input exits 1 with one line', () => {
  it.each([
    [[], /не указан файл/],
    [['--role', 'boss', 'x.csv'], /--role: ожидается mentor, mentee или organisation/],
    [['x.csv', '--bogus'], /неизвестный параметр --bogus/],
    [[join(dir, 'нет-такого.csv')], /файл не найден/],
    [['list.pdf'], /неизвестный формат файла «\.pdf»/],
  ])('%j', async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
    expect(r.err[0]).not.toContain('\n');
  });

  it('an empty file, a file without a name column, a sheet that is not there, a list without rows', async () => {
    const cases: [string, string[], RegExp][] = [
      [file('empty.csv', ''), [], /файл пуст/],
      [file('nums.csv', 'Код;Сумма\n1;2\n'), [], /не найден столбец с ФИО/],
      [file('head.csv', 'ФИО;Стаж\n'), [], /нет ни одной строки/],
      [file('roles.csv', 'ФИО;Роль\nИванова А. П.;наставляемый\n'), ['--role', 'mentor'], /в списке нет строк с ролью «наставник»/],
    ];
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Лист1').addRow(['ФИО']);
    cases.push([file('one.xlsx', new Uint8Array(await wb.xlsx.writeBuffer())), ['--sheet', 'Нет'], /в книге нет листа «Нет»/]);
    cases.push([file('broken.xlsx', 'not a zip'), [], /не удалось прочитать \.xlsx/]);
    for (const [path, extra, message] of cases) {
      const r = await run([path, ...extra, '--json']);
      expect(r.code, path).toBe(1);
      expect(r.err, path).toHaveLength(1);
      expect(r.err[0], path).toMatch(message);
    }
  });
});
