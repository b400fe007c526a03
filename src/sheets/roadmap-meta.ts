// What the workbook remembers about its roadmap between runs: title, plan period, when it was imported.
// Small JSON in document properties (9 KB per value is far more than it needs).
import type { Period } from '../domain/types';

const KEY = 'nastavnik.roadmap';

export interface RoadmapMeta {
  title: string;
  period: Period | null;
  importedAt: string;
  source: string;
}

export function loadRoadmapMeta(): RoadmapMeta | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as RoadmapMeta;
  } catch {
    return null;
  }
}

export function saveRoadmapMeta(meta: RoadmapMeta): void {
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(meta));
}
