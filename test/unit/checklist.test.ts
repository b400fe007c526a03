import { describe, it, expect } from 'vitest';
import {
  CHECKLIST_ITEM_IDS,
  CHECKLIST_ITEMS,
  checklistItem,
  checklistStatus,
  checklistWarnings,
  describeMissing,
  isImplemented,
  itemPresent,
  parseChecklistMark,
  type ChecklistEntry,
  type ChecklistItemId,
  type OrganisationChecklist,
} from '../../src/domain/checklist';

const doc = (evidence = 'https://s.example.ru/doc', extra: Partial<ChecklistEntry> = {}): ChecklistEntry => ({ present: true, evidence, ...extra });

function full(organisationId: string, count = 2): OrganisationChecklist {
  const items: OrganisationChecklist['items'] = {};
  for (const id of CHECKLIST_ITEM_IDS) items[id] = id === 'pair-count' ? doc('', { count }) : doc();
  return { organisationId, items };
}

describe('the ten items', () => {
  it('lists the items of DOMAIN.md in order, the last one a number', () => {
    expect(CHECKLIST_ITEMS).toHaveLength(10);
    expect(new Set(CHECKLIST_ITEM_IDS).size).toBe(10);
    expect(CHECKLIST_ITEMS.map((i) => i.kind)).toEqual([...Array(9).fill('document'), 'number']);
    for (const i of CHECKLIST_ITEMS) expect(i.label).toMatch(/^[А-ЯЁ«]/);
    expect(checklistItem('curator-order').label).toBe('Приказ о назначении куратора');
    expect(checklistItem('website-section').label).toContain('Наставничество');
  });
});

describe('implemented = all ten present', () => {
  it('is implemented with everything present', () => {
    const s = checklistStatus(full('A'));
    expect(s).toEqual({ organisationId: 'A', presentCount: 10, missing: [], implemented: true });
    expect(describeMissing(s)).toBe('все пункты выполнены');
  });

  it('is not with one item absent, missing or unticked', () => {
    const c = full('A');
    delete c.items.regulation;
    c.items['reward-rule'] = { present: false, evidence: '' };
    const s = checklistStatus(c);
    expect(s.missing).toEqual<ChecklistItemId[]>(['regulation', 'reward-rule']);
    expect(s.presentCount).toBe(8);
    expect(s.implemented).toBe(false);
    expect(describeMissing(s)).toBe('нет: Положение о системе наставничества; Положение о поощрении наставников');
    expect(isImplemented(undefined)).toBe(false);
  });

  it('takes the number item as present when at least one pair/group is stated', () => {
    for (const [count, present] of [[1, true], [0, false], [null, false], [Number.NaN, false], [undefined, false]] as const) {
      expect(itemPresent('pair-count', { present: true, evidence: '', count })).toBe(present);
    }
    // The tick alone does not make a number.
    expect(isImplemented(full('A', 0))).toBe(false);
  });

  it('respects a document date on an as-of date', () => {
    const c = full('A');
    c.items.programme = doc('https://a/p', { date: '2024-03-20' });
    expect(isImplemented(c, '2024-03-19')).toBe(false);
    expect(isImplemented(c, '2024-03-20')).toBe(true);
    expect(isImplemented(c)).toBe(true);
  });
});

describe('warnings', () => {
  it('flags a stated number of pairs that differs from the pairs data', () => {
    const byOrder = new Map([['A', 2], ['B', 3]]);
    expect(checklistWarnings([full('A', 2)], byOrder, '2024-03-01')).toEqual([]);
    expect(checklistWarnings([full('B', 2)], byOrder, '2024-03-01')).toEqual([
      'ОО B: пар/групп по приказам в чек-листе — 2, а действующих по приказам в базе пар на 01.03.2024 — 3',
    ]);
    expect(checklistWarnings([full('C', 1)], byOrder, '2024-03-01')[0]).toMatch(/в базе пар на 01\.03\.2024 — 0$/);
  });

  it('flags documents without a link, unknown organisations and repeated checklists', () => {
    const c = full('A');
    c.items.roadmap = doc('  ');
    const w = checklistWarnings([c, full('A'), full('Z')], new Map([['A', 2], ['Z', 2]]), '2024-03-01', new Set(['A']));
    expect(w).toEqual([
      'ОО A: «Дорожная карта внедрения целевой модели» отмечен без ссылки-подтверждения',
      'ОО A: чек-лист указан несколько раз, учтён первый',
      'Чек-лист ОО Z: такой организации нет в списке',
    ]);
  });
});

describe('parseChecklistMark', () => {
  it('reads what curators type', () => {
    expect(parseChecklistMark('да')).toEqual({ present: true, evidence: '' });
    expect(parseChecklistMark(' Есть ')).toEqual({ present: true, evidence: '' });
    expect(parseChecklistMark('+')).toEqual({ present: true, evidence: '' });
    expect(parseChecklistMark(true)).toEqual({ present: true, evidence: '' });
    expect(parseChecklistMark('https://school1.ru/nastavnichestvo')).toEqual({ present: true, evidence: 'https://school1.ru/nastavnichestvo' });
    expect(parseChecklistMark('нет')).toEqual({ present: false, evidence: '' });
    expect(parseChecklistMark('-')).toEqual({ present: false, evidence: '' });
    expect(parseChecklistMark('')).toEqual({ present: false, evidence: '' });
    expect(parseChecklistMark(null)).toEqual({ present: false, evidence: '' });
    expect(parseChecklistMark(false)).toEqual({ present: false, evidence: '' });
  });
});
