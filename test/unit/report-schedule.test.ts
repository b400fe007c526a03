import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  completeSchedule, derivedCode, driveIdFromLink, dueRecords, isAnonymised, isReportActivity, mergeSchedule,
  normaliseState, scheduleFromRoadmap, unreadableDates, ROADMAP_SUMMARY_KIND, type ScheduleRecord,
} from '../../src/domain/report-schedule';
import { roadmapFromText } from '../../src/domain/roadmap-table';
import { mergeRoadmap, type TrackerRecord } from '../../src/domain/tracker';

function rec(p: Partial<TrackerRecord> & Pick<TrackerRecord, 'id' | 'number' | 'title' | 'deadlineText'>): TrackerRecord {
  return {
    section: '', result: '', responsible: '', start: '', end: '', nextDue: '', kind: '', recurrence: '',
    status: 'запланировано', doneDate: '', evidence: '', comment: '', importNote: '', ...p,
  };
}

function row(p: Partial<ScheduleRecord>): ScheduleRecord {
  return {
    code: '', kind: ROADMAP_SUMMARY_KIND, date: '', recipients: '', template: '', folder: '', anonymised: 'да',
    source: 'вручную', state: 'ожидает', link: '', generated: '', basis: '', ...p,
  };
}

const PLAN = { start: '2023-09-01', end: '2024-08-31' };

describe('isReportActivity', () => {
  it.each([
    [{ title: 'Промежуточный мониторинг реализации программы наставничества', result: '' }, true],
    [{ title: 'Анализ результатов реализации программы', result: '' }, true],
    [{ title: 'Подготовка аналитической справки', result: '' }, true],
    [{ title: 'Отчёт о реализации дорожной карты', result: '' }, true],
    [{ title: 'Итоговое совещание', result: 'Информационно-аналитический отчет' }, true],
    [{ title: 'Совещание руководителей', result: 'Справка по итогам' }, true],
    // «анализ» in the result column is work, not a report.
    [{ title: 'Разработка индивидуального плана', result: 'анализ сильных и слабых сторон участников' }, false],
    [{ title: 'Формирование наставнических пар', result: 'Приказ о закреплении пар' }, false],
  ])('%o → %s', (r, expected) => {
    expect(isReportActivity(r)).toBe(expected);
  });
});

describe('scheduleFromRoadmap', () => {
  const records = [
    rec({ id: 'ДК-001', number: '1.1', title: 'Приказ о внедрении модели', deadlineText: 'сентябрь 2023 г.' }),
    rec({ id: 'ДК-002', number: '2.1', title: 'Мониторинг реализации программ наставничества', deadlineText: 'Ежегодно, декабрь 2023, май 2024' }),
    rec({ id: 'ДК-003', number: '2.2.', title: 'Совещание', result: 'Аналитическая справка', deadlineText: 'май 2024 г.' }),
    rec({ id: 'ДК-004', number: '2.3', title: 'Мониторинг удовлетворённости', deadlineText: 'март 2024 г.', status: 'отменено' }),
    rec({ id: 'ДК-005', number: '2.4', title: 'Анализ анкет', deadlineText: 'февраль 2024 г.', importNote: 'Нет в новой редакции дорожной карты' }),
    rec({ id: 'ДК-006', number: '2.5', title: 'Мониторинг по запросу', deadlineText: 'по запросу' }),
  ];

  it('makes one row per date a reporting activity falls due, at the end of each occurrence', () => {
    const rows = scheduleFromRoadmap(records, PLAN, { asOf: '2023-09-01' });
    expect(rows.map((r) => [r.code, r.date])).toEqual([
      ['ДК/31.12.2023', '2023-12-31'],
      ['ДК/31.05.2024', '2024-05-31'],
    ]);
    expect(rows.every((r) => r.source === 'дорожная карта' && r.state === 'ожидает' && r.anonymised === 'да')).toBe(true);
    expect(rows[0].kind).toBe(ROADMAP_SUMMARY_KIND);
    expect(rows[0].basis).toBe('п. 2.1. Мониторинг реализации программ наставничества (срок: Ежегодно, декабрь 2023, май 2024)');
    // Two activities due on 31.05.2024 share one report.
    expect(rows[1].basis).toBe('п. 2.1. Мониторинг реализации программ наставничества (срок: Ежегодно, декабрь 2023, май 2024); п. 2.2. Совещание (срок: май 2024 г.)');
  });

  it('leaves out occurrences already past, and uses the given kind', () => {
    const rows = scheduleFromRoadmap(records, PLAN, { asOf: '2024-01-10', kind: 'Справка' });
    expect(rows.map((r) => r.code)).toEqual(['ДК/31.05.2024']);
    expect(rows[0].kind).toBe('Справка');
  });

  it('derives the rows of a real roadmap (Северск, 2021–2024)', () => {
    const roadmap = roadmapFromText(fs.readFileSync('test/fixtures/seeds/seversk_2021-2024.txt', 'utf8'));
    const { records: tracker } = mergeRoadmap([], roadmap, '2021-09-01');
    const rows = scheduleFromRoadmap(tracker, roadmap.period, { asOf: '2021-09-01' });
    // «Ноябрь 2021 г., далее – ежегодно» every November of the plan; the final monitoring and analysis in November 2024.
    expect(rows.map((r) => r.date)).toEqual(['2021-11-30', '2022-11-30', '2023-11-30', '2024-11-30']);
    expect(rows[3].basis).toContain('Итоговый мониторинг');
    expect(rows[3].basis).toContain('Анализ результатов');
  });
});

describe('mergeSchedule', () => {
  const asOf = '2024-01-10';
  const existing: ScheduleRecord[] = [
    row({ code: 'ДК/31.12.2023', date: '2023-12-31', source: 'дорожная карта', state: 'сформирован', link: 'https://docs.google.com/document/d/x/edit', generated: '2024-01-01' }),
    row({ code: 'Р-001', date: '2024-02-15', recipients: 'Министерство', source: 'вручную' }),
    row({ code: 'ДК/31.05.2024', date: '2024-05-31', source: 'дорожная карта', recipients: 'Управление', template: 'tmpl-id-1234567', kind: 'Справка', basis: 'старое' }),
    row({ code: 'ДК/30.04.2024', date: '2024-04-30', source: 'дорожная карта' }),
    row({ code: 'ДК/05.01.2024', date: '2024-01-05', source: 'дорожная карта' }),
    row({ code: 'ДК/30.06.2024', date: '2024-06-30', source: 'дорожная карта', state: 'отменён' }),
  ];
  const derived = [
    row({ code: 'ДК/31.05.2024', date: '2024-05-31', source: 'дорожная карта', basis: 'новое' }),
    row({ code: 'ДК/31.08.2024', date: '2024-08-31', source: 'дорожная карта', basis: 'итог' }),
  ];
  const merged = mergeSchedule(existing, derived, asOf);
  const byCode = new Map(merged.records.map((r) => [r.code, r]));

  it('keeps people\'s fields of a row the roadmap still gives, and takes the new basis', () => {
    const may = byCode.get('ДК/31.05.2024')!;
    expect(may).toMatchObject({ recipients: 'Управление', template: 'tmpl-id-1234567', kind: 'Справка', basis: 'новое' });
  });

  it('keeps manual rows, produced, cancelled and already-due rows; drops pending future rows no longer derived', () => {
    expect(byCode.get('Р-001')?.recipients).toBe('Министерство');
    expect(byCode.get('ДК/31.12.2023')?.state).toBe('сформирован');
    expect(byCode.has('ДК/30.06.2024')).toBe(true);
    expect(byCode.has('ДК/05.01.2024')).toBe(true);
    expect(byCode.has('ДК/30.04.2024')).toBe(false);
    expect(byCode.get('ДК/31.08.2024')?.basis).toBe('итог');
    expect([merged.added, merged.removed, merged.kept]).toEqual([1, 1, 5]);
  });

  it('sorts by date and says where each row came from', () => {
    expect(merged.records.map((r) => r.date)).toEqual(['2023-12-31', '2024-01-05', '2024-02-15', '2024-05-31', '2024-06-30', '2024-08-31']);
    expect(merged.origins).toEqual([0, 4, 1, 2, 5, null]);
  });

  it('is stable: merging its own output again changes nothing', () => {
    const again = mergeSchedule(merged.records, derived, asOf);
    expect(again.records).toEqual(merged.records);
    expect([again.added, again.removed]).toEqual([0, 0]);
  });
});

describe('completeSchedule', () => {
  it('codes rows people added, renumbers copied codes, fills defaults and canonical states', () => {
    const { records, changed } = completeSchedule([
      row({ code: 'Р-004', source: 'вручную' }),
      row({ code: '', source: '', state: 'Ожидание', anonymised: '' }),
      row({ code: 'Р-004', source: 'вручную', state: 'готов' }),
      row({ code: 'ДК/31.05.2024', source: 'Дорожная карта', state: 'не нужен', anonymised: 'Нет' }),
    ]);
    expect(changed).toBe(true);
    expect(records.map((r) => r.code)).toEqual(['Р-004', 'Р-005', 'Р-006', 'ДК/31.05.2024']);
    expect(records.map((r) => r.source)).toEqual(['вручную', 'вручную', 'вручную', 'дорожная карта']);
    expect(records.map((r) => r.state)).toEqual(['ожидает', 'ожидает', 'сформирован', 'отменён']);
    expect(records.map((r) => r.anonymised)).toEqual(['да', 'да', 'да', 'нет']);
  });

  it('reports no change for a complete schedule', () => {
    const { changed } = completeSchedule([row({ code: 'Р-001' }), row({ code: 'ДК/31.05.2024', source: 'дорожная карта' })]);
    expect(changed).toBe(false);
  });
});

describe('due rows', () => {
  const records = [
    row({ code: 'a', date: '2024-01-10', state: 'ожидает' }),
    row({ code: 'b', date: '2024-01-11', state: 'ожидает' }),
    row({ code: 'c', date: '2023-12-31', state: 'ошибка' }),
    row({ code: 'd', date: '2023-12-01', state: 'сформирован' }),
    row({ code: 'e', date: '2023-11-01', state: 'отменён' }),
    row({ code: 'f', date: '', state: 'ожидает' }),
    row({ code: 'g', date: '31.02.2024', state: '' }),
    row({ code: 'h', date: '2024-01-10', state: 'что-то своё' }),
  ];

  it('are pending or failed rows dated on or before the day, earliest first', () => {
    expect(dueRecords(records, '2024-01-10').map((i) => records[i].code)).toEqual(['c', 'a']);
    expect(dueRecords(records, '2024-02-01').map((i) => records[i].code)).toEqual(['c', 'a', 'b']);
  });

  it('unreadable dates are found, empty ones are not', () => {
    expect(unreadableDates(records).map((i) => records[i].code)).toEqual(['g']);
  });
});

describe('small readers', () => {
  it('normaliseState and isAnonymised accept the usual spellings', () => {
    expect(normaliseState('')).toBe('ожидает');
    expect(normaliseState('СФОРМИРОВАН')).toBe('сформирован');
    expect(normaliseState('ошибка: нет доступа')).toBe('ошибка');
    expect(normaliseState('Отменен')).toBe('отменён');
    expect(normaliseState(' своё ')).toBe('своё');
    expect(isAnonymised('')).toBe(true);
    expect(isAnonymised('да')).toBe(true);
    expect(isAnonymised('НЕТ')).toBe(false);
    expect(isAnonymised('не обезличивать')).toBe(false);
  });

  it('derivedCode is the date', () => {
    expect(derivedCode('2024-05-31')).toBe('ДК/31.05.2024');
  });

  it.each([
    ['https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEF/edit?usp=sharing', '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEF'],
    ['https://drive.google.com/drive/folders/1FolderIdFolderIdFolderId_-x', '1FolderIdFolderIdFolderId_-x'],
    ['https://drive.google.com/drive/u/0/folders/1FolderIdFolderIdFolderId', '1FolderIdFolderIdFolderId'],
    ['https://drive.google.com/open?id=1OpenIdOpenIdOpenId', '1OpenIdOpenIdOpenId'],
    ['  1RawIdRawIdRawIdRawId  ', '1RawIdRawIdRawIdRawId'],
    ['', ''],
    ['папка «Отчёты»', null],
  ])('driveIdFromLink(%s)', (input, id) => {
    expect(driveIdFromLink(input)).toBe(id);
  });
});
