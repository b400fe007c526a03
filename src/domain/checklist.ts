// The implementation checklist a region asks of every organisation (DOMAIN.md): ten items, each with a link as
// evidence. An organisation «implemented the model» when all ten are present on the date; the tenth item is a
// number (pairs/groups fixed by orders), present when at least one, and checked against the pairs data.
import type { IsoDate } from './types';
import { formatRuDate, parseIsoDate } from './iso-date';

export const CHECKLIST_ITEMS = [
  { id: 'website-section', label: 'Раздел «Наставничество» на сайте ОО', kind: 'document' },
  { id: 'model-order', label: 'Приказ о внедрении целевой модели наставничества', kind: 'document' },
  { id: 'regulation', label: 'Положение о системе наставничества', kind: 'document' },
  { id: 'roadmap', label: 'Дорожная карта внедрения целевой модели', kind: 'document' },
  { id: 'programme', label: 'Программа наставничества', kind: 'document' },
  { id: 'curator-order', label: 'Приказ о назначении куратора', kind: 'document' },
  { id: 'database', label: 'База наставников и наставляемых (ссылка)', kind: 'document' },
  { id: 'reward-rule', label: 'Положение о поощрении наставников', kind: 'document' },
  { id: 'pair-orders', label: 'Приказ(ы) о закреплении наставнических пар/групп', kind: 'document' },
  { id: 'pair-count', label: 'Количество пар/групп по приказам', kind: 'number' },
] as const;

export type ChecklistItemId = (typeof CHECKLIST_ITEMS)[number]['id'];
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export const CHECKLIST_ITEM_IDS: readonly ChecklistItemId[] = CHECKLIST_ITEMS.map((i) => i.id);

export interface ChecklistEntry {
  /** Ignored for the number item, whose presence is `count ≥ 1`. */
  present: boolean;
  /** Link (or reference) to the document. */
  evidence: string;
  /** When the document appeared; a later date means «not yet» for an earlier as-of date. Absent = always. */
  date?: IsoDate | null;
  /** The number item only: pairs/groups fixed by the organisation's orders. */
  count?: number | null;
}

export interface OrganisationChecklist {
  organisationId: string;
  items: Partial<Record<ChecklistItemId, ChecklistEntry>>;
}

export function checklistItem(id: ChecklistItemId): ChecklistItem {
  return CHECKLIST_ITEMS.find((i) => i.id === id)!;
}

/** Whether one item counts as present on `asOf` (any date when `asOf` is omitted). */
export function itemPresent(id: ChecklistItemId, entry: ChecklistEntry | undefined, asOf?: IsoDate): boolean {
  if (!entry) return false;
  if (asOf && entry.date && parseIsoDate(entry.date) && entry.date > asOf) return false;
  if (id === 'pair-count') return typeof entry.count === 'number' && Number.isFinite(entry.count) && entry.count >= 1;
  return entry.present === true;
}

export interface ChecklistStatus {
  organisationId: string;
  presentCount: number;
  missing: ChecklistItemId[];
  implemented: boolean;
}

export function checklistStatus(checklist: OrganisationChecklist, asOf?: IsoDate): ChecklistStatus {
  const missing = CHECKLIST_ITEM_IDS.filter((id) => !itemPresent(id, checklist.items[id], asOf));
  return {
    organisationId: checklist.organisationId,
    presentCount: CHECKLIST_ITEM_IDS.length - missing.length,
    missing,
    implemented: missing.length === 0,
  };
}

export function isImplemented(checklist: OrganisationChecklist | undefined, asOf?: IsoDate): boolean {
  return checklist ? checklistStatus(checklist, asOf).implemented : false;
}

/** Russian text of the missing items, for a cell or a report («нет: Положение…; Программа…»). */
export function describeMissing(status: ChecklistStatus): string {
  if (status.implemented) return 'все пункты выполнены';
  return 'нет: ' + status.missing.map((id) => checklistItem(id).label).join('; ');
}

/**
 * Problems a coordinator should see, in Russian: a stated number of pairs that differs from the pairs data
 * (`pairsByOrder`: organisation id → active pairs/groups fixed by an order on `asOf`), present documents without
 * a link, and checklists of organisations that are not in the list. Warnings, not errors: the checklist is what
 * the organisation reported, and the pairs sheet may simply be behind.
 */
export function checklistWarnings(
  checklists: readonly OrganisationChecklist[],
  pairsByOrder: ReadonlyMap<string, number>,
  asOf: IsoDate,
  organisationIds?: ReadonlySet<string>,
): string[] {
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const c of checklists) {
    const org = c.organisationId;
    if (seen.has(org)) warnings.push(`ОО ${org}: чек-лист указан несколько раз, учтён первый`);
    seen.add(org);
    if (organisationIds && !organisationIds.has(org)) {
      warnings.push(`Чек-лист ОО ${org}: такой организации нет в списке`);
      continue;
    }
    const countEntry = c.items['pair-count'];
    if (countEntry && typeof countEntry.count === 'number' && Number.isFinite(countEntry.count)) {
      const actual = pairsByOrder.get(org) ?? 0;
      if (countEntry.count !== actual) {
        warnings.push(
          `ОО ${org}: пар/групп по приказам в чек-листе — ${countEntry.count}, а действующих по приказам в базе пар ` +
            `на ${formatRuDate(asOf)} — ${actual}`,
        );
      }
    }
    for (const item of CHECKLIST_ITEMS) {
      if (item.kind !== 'document') continue;
      const e = c.items[item.id];
      if (e && e.present && e.evidence.trim() === '') warnings.push(`ОО ${org}: «${item.label}» отмечен без ссылки-подтверждения`);
    }
  }
  return warnings;
}

const YES = new Set(['да', 'есть', 'имеется', 'в наличии', '+', 'v', '✓', '✔', 'yes', 'true', '1', 'выполнено']);

/**
 * Reads a checklist cell as a curator fills it: «да», «есть», «+», a tick, TRUE, or a link (the evidence
 * itself) mean present; «нет», «-», blank mean absent. Returns the evidence when the cell is a link.
 */
export function parseChecklistMark(value: unknown): { present: boolean; evidence: string } {
  if (value === true) return { present: true, evidence: '' };
  if (value === null || value === undefined || value === false) return { present: false, evidence: '' };
  const text = String(value).trim();
  if (/^(https?:\/\/|www\.)\S+$/i.test(text)) return { present: true, evidence: text };
  return { present: YES.has(text.toLowerCase().replace(/ё/g, 'е')), evidence: '' };
}
