// Finding a table's columns by what their headers mean, so a coordinator may rename, reorder or add
// columns without breaking the add-on. Pure: works on the header row's values.

export interface ColumnDef<K extends string = string> {
  key: K;
  /** The header the add-on writes. */
  label: string;
  /** Other headers people use for the same column (lower case, ё as е; matched as whole text or prefix). */
  synonyms?: readonly string[];
  /** Written by the add-on from other data: protected (warning only) and overwritten on rebuild. */
  computed?: boolean;
  type?: 'text' | 'date' | 'link' | 'number';
  width?: number;
}

export function normaliseHeader(v: unknown): string {
  return String(v ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[«»"':.*()]/g, '')
    .trim();
}

/**
 * Map column keys to 0-based column indexes. Developer metadata (key → column) wins, then the exact label,
 * then a synonym. Each column is used once. Returns the keys that were not found.
 */
export function locateColumns<K extends string>(
  header: readonly unknown[],
  defs: readonly ColumnDef<K>[],
  metadata: ReadonlyMap<string, number> = new Map(),
): { index: Map<K, number>; missing: K[] } {
  const index = new Map<K, number>();
  const used = new Set<number>();
  const norm = header.map(normaliseHeader);
  for (const d of defs) {
    const c = metadata.get(d.key);
    if (c !== undefined && c < header.length && !used.has(c)) {
      index.set(d.key, c);
      used.add(c);
    }
  }
  const tryMatch = (d: ColumnDef<K>, match: (h: string) => boolean) => {
    if (index.has(d.key)) return;
    const c = norm.findIndex((h, i) => !used.has(i) && h !== '' && match(h));
    if (c >= 0) {
      index.set(d.key, c);
      used.add(c);
    }
  };
  for (const d of defs) tryMatch(d, (h) => h === normaliseHeader(d.label));
  for (const d of defs) tryMatch(d, (h) => (d.synonyms ?? []).some((s) => h === s));
  for (const d of defs) tryMatch(d, (h) => (d.synonyms ?? []).some((s) => h.startsWith(s)));
  return { index, missing: defs.filter((d) => !index.has(d.key)).map((d) => d.key) };
}

/** A1 column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
