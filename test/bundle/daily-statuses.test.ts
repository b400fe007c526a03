// The daily trigger moves the roadmap to today before it looks for due reports: statuses become «просрочено»
// without anyone opening the workbook, and the log says what changed.
import { describe, expect, it } from 'vitest';
import { freshAddon } from '../harness/addon';
import { syntheticRoadmap, workbookWithRoadmap } from '../harness/workbooks';

describe('daily trigger', () => {
  it('refreshes statuses and the calendar in a trigger run and logs it', () => {
    const ss = workbookWithRoadmap(syntheticRoadmap(3), new Date('2023-09-05T10:00:00+03:00'));
    const addon = freshAddon({ spreadsheet: ss, now: new Date('2023-09-05T10:00:00+03:00') });
    const sel = addon.callFromClient('importSelectionInfo', []) as { range: string };
    addon.callFromClient('importApply', [{ source: 'selection', range: sel.range }]);
    addon.run('installReportTrigger');
    const status = () => {
      const v = ss.getSheetByName('Дорожная карта')!.getDataRange().getValues();
      return v.slice(1).map((r) => r[v[0].indexOf('Статус')]);
    };
    expect(status()).toEqual(['запланировано', 'запланировано', 'запланировано']);

    const { env, services } = addon.runtime;
    env.setNow(new Date('2023-11-02T07:00:00+03:00'));
    env.context = 'trigger';
    try {
      addon.run('runScheduledReports', { authMode: 'FULL', triggerUid: services.triggers.clockTriggers()[0]?.id });
    } finally {
      env.context = 'editor';
    }
    expect(status()).toEqual(['просрочено', 'просрочено', 'запланировано']);
    const log = ss.getSheetByName('Журнал отчётов')!.getDataRange().getValues();
    const messages = log.slice(1).map((r) => String(r[log[0].indexOf('Сообщение')]));
    expect(messages.some((m) => m.includes('изменено статусов 2, просрочено 2'))).toBe(true);
    const calendar = ss.getSheetByName('Календарь')!.getDataRange().getValues();
    expect(calendar.slice(1).map((r) => r[calendar[0].indexOf('Состояние')])).toContain('просрочено');
  });
});
