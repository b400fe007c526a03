// What the services share besides FakeEnv: which document the add-on runs in (per-document properties,
// caches, locks and the one-trigger-per-document rule key on it) and a few names.

export interface ServiceOptions {
  /** Id of the container document (the active spreadsheet); a function when the runtime learns it later. */
  documentId?: string | (() => string | null);
  /** Folder with the built sidebar/dialog HTML files (dist/). */
  distDir?: string;
  scriptId?: string;
  /** Title of the add-on menu (Extensions > title). */
  addonName?: string;
  /** Session.getActiveUserLocale(). */
  locale?: string;
}

export const DEFAULT_DOCUMENT_ID = 'local-spreadsheet';

export function documentIdOf(opts: ServiceOptions): string | null {
  const d = opts.documentId;
  if (typeof d === 'function') return d();
  return d ?? DEFAULT_DOCUMENT_ID;
}
