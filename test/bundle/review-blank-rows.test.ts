// Review: a managed table people put a blank row into (to separate sections) must not duplicate its rows when
// the add-on rewrites it. The rewrite compacts the rows, so every row below the old last one must be cleared.
import { describe, expect, it } from 'vitest';
import { freshAddon } from '../harness/addon';
import { syntheticRoadmap, workbookWithRoadmap } from '../harness/workbooks';

const NOW = new Date('2023-10-10T10:00:00+03:00');
const SHEET = 'Дорожная карта';

describe('rewriting a tracker sheet with a blank row in it', () => {
  it('«Обновить статусы и календарь» leaves every activity once', () => {
    const ss = workbookWithRoadmap(syntheticRoadmap(6), NOW);
    const addon = freshAddon({ spreadsheet: ss, now: NOW });
    const sel = addon.callFromClient('importSelectionInfo', []) as { range: string };
    addon.callFromClient('importApply', [{ source: 'selection', range: sel.range, period: null }]);
    const sheet = ss.getSheetByName(SHEET)!;
    const before = sheet.getDataRange().getValues();
    const idCol = before[0].indexOf('Код');
    const ids = before.slice(1).map((r) => r[idCol]);
    expect(ids.length).toBeGreaterThan(3);

    // A coordinator inserts an empty row between two sections.
    sheet.insertRowsAfter(3, 1);
    expect(sheet.getDataRange().getValues().length).toBe(before.length + 1);

    addon.run('refreshRoadmap');
    const after = sheet.getDataRange().getValues().slice(1).filter((r) => r.some((c) => c !== ''));
    expect(after.map((r) => r[idCol])).toEqual(ids);
  });
});
