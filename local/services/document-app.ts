// DocumentApp: Docs are created in and opened from the FakeDrive, so a Doc copied with DriveApp.makeCopy
// (a report template) opens here with its own copy of the body.
import type { FakeEnv } from '../env';
import { FakeBody } from './document';
import { type DriveItem, FakeDrive, MIME } from './drive';
import { Attribute, ElementType, GlyphType, HorizontalAlignment, ParagraphHeading, TextAlignment, VerticalAlignment } from './enums';
import { gasError, requireMode, SCOPES } from './errors';

const MISSING = "Document is missing (perhaps it was deleted, or you don't have read access?)";

export class FakeDocument {
  readonly __className = 'Document';
  /** How many times saveAndClose was called, for tests. */
  _saves = 0;
  constructor(readonly _drive: FakeDrive, readonly _item: DriveItem) {}

  /** The body without counting a call (for the .docx export and tests). */
  _body(): FakeBody { return this._item.body!; }

  getId(): string { return this._item.id; }
  getName(): string { return this._item.name; }
  setName(name: string): FakeDocument {
    this._item.name = String(name);
    this._drive._touch(this._item);
    return this;
  }
  getUrl(): string { return this._drive._urlOf(this._item); }
  getBody(): FakeBody { return this._item.body!; }
  /** Nothing to flush offline. */
  saveAndClose(): void {
    this._saves++;
    this._drive._touch(this._item);
  }
}

export class FakeDocumentApp {
  readonly __className = 'DocumentApp';
  readonly Attribute = Attribute;
  readonly ElementType = ElementType;
  readonly GlyphType = GlyphType;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly ParagraphHeading = ParagraphHeading;
  readonly TextAlignment = TextAlignment;
  readonly VerticalAlignment = VerticalAlignment;

  constructor(private readonly _env: FakeEnv, readonly _drive: FakeDrive) {}

  private _auth(method: string): void { requireMode(this._env, `DocumentApp.${method}`, ['FULL'], SCOPES.documents); }

  create(name: string): FakeDocument {
    this._auth('create');
    if (typeof name !== 'string' || name === '') throw gasError('Invalid argument: name');
    return new FakeDocument(this._drive, this._drive._createDocument(name));
  }

  openById(id: string): FakeDocument {
    this._auth('openById');
    const item = typeof id === 'string' ? this._drive.items.get(id) : undefined;
    if (!item || item.mimeType !== MIME.GOOGLE_DOCS || !item.body) throw gasError(MISSING);
    return new FakeDocument(this._drive, item);
  }

  openByUrl(url: string): FakeDocument {
    this._auth('openByUrl');
    const m = /\/document\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    if (!m) throw gasError('Invalid argument: url');
    return this.openById(m[1]);
  }

  /** The add-on lives in a spreadsheet: there is no active document. */
  getActiveDocument(): null { return null; }
}

export function createDocumentApp(env: FakeEnv, drive: FakeDrive): FakeDocumentApp {
  return new FakeDocumentApp(env, drive);
}
