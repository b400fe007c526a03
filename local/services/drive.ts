// DriveApp for what a report flow needs: folders, files, copies of template Docs, moving, trashing.
// Docs live in the same FakeDrive, so DocumentApp.openById and DriveApp.getFileById see the same items.
import { raw } from '../counter';
import type { FakeEnv } from '../env';
import { asBlob, FakeBlob, utf8 } from './blob';
import { FakeBody } from './document';
import { gasError, requireMode, SCOPES, signatureError } from './errors';
import { IdSource } from './ids';

export const MIME = Object.freeze({
  GOOGLE_APPS_SCRIPT: 'application/vnd.google-apps.script',
  GOOGLE_DRAWINGS: 'application/vnd.google-apps.drawing',
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  GOOGLE_FORMS: 'application/vnd.google-apps.form',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  GOOGLE_SITES: 'application/vnd.google-apps.site',
  GOOGLE_SLIDES: 'application/vnd.google-apps.presentation',
  FOLDER: 'application/vnd.google-apps.folder',
  SHORTCUT: 'application/vnd.google-apps.shortcut',
  BMP: 'image/bmp', GIF: 'image/gif', JPEG: 'image/jpeg', PNG: 'image/png', SVG: 'image/svg+xml',
  PDF: 'application/pdf', CSS: 'text/css', CSV: 'text/csv', HTML: 'text/html',
  JAVASCRIPT: 'application/javascript', PLAIN_TEXT: 'text/plain', RTF: 'application/rtf',
  OPENDOCUMENT_GRAPHICS: 'application/vnd.oasis.opendocument.graphics',
  OPENDOCUMENT_PRESENTATION: 'application/vnd.oasis.opendocument.presentation',
  OPENDOCUMENT_SPREADSHEET: 'application/vnd.oasis.opendocument.spreadsheet',
  OPENDOCUMENT_TEXT: 'application/vnd.oasis.opendocument.text',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  MICROSOFT_EXCEL_LEGACY: 'application/vnd.ms-excel',
  MICROSOFT_POWERPOINT: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  MICROSOFT_POWERPOINT_LEGACY: 'application/vnd.ms-powerpoint',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_WORD_LEGACY: 'application/msword',
  ZIP: 'application/zip',
});

export const NO_ITEM = 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  parents: Set<string>;
  trashed: boolean;
  created: Date;
  updated: Date;
  bytes?: Uint8Array;
  /** The content of a Google Doc. */
  body?: FakeBody;
}

/** The shared store behind DriveApp and DocumentApp. */
export class FakeDrive {
  readonly items = new Map<string, DriveItem>();
  readonly rootId: string;
  private readonly ids: IdSource;

  constructor(private readonly env: FakeEnv, seed = 'drive') {
    this.ids = new IdSource(seed);
    this.rootId = this.ids.driveId();
    const now = env.now();
    this.items.set(this.rootId, {
      id: this.rootId, name: 'Мой диск', mimeType: MIME.FOLDER, parents: new Set(), trashed: false, created: now, updated: now,
    });
  }

  _add(init: { name: string; mimeType: string; parentId?: string; id?: string; bytes?: Uint8Array; body?: FakeBody }): DriveItem {
    const now = this.env.now();
    const item: DriveItem = {
      id: init.id ?? this.ids.driveId(), name: String(init.name), mimeType: init.mimeType,
      parents: new Set([init.parentId ?? this.rootId]), trashed: false, created: now, updated: now,
      bytes: init.bytes, body: init.body,
    };
    this.items.set(item.id, item);
    return item;
  }

  /** Lets the runtime put an item it owns (the active spreadsheet) into Drive so getFileById finds it. */
  _registerFile(init: { id: string; name: string; mimeType: string; parentId?: string }): DriveItem {
    return this._add(init);
  }

  _get(id: unknown): DriveItem {
    const item = typeof id === 'string' ? this.items.get(id) : undefined;
    if (!item) throw gasError(NO_ITEM);
    return item;
  }

  _touch(item: DriveItem): void { item.updated = this.env.now(); }

  _children(folderId: string, folders: boolean): DriveItem[] {
    return [...this.items.values()].filter((i) => i.parents.has(folderId) && !i.trashed && (i.mimeType === MIME.FOLDER) === folders);
  }

  _createDocument(name: string, parentId?: string): DriveItem {
    return this._add({ name, mimeType: MIME.GOOGLE_DOCS, parentId, body: new FakeBody() });
  }

  _copy(item: DriveItem, name: string, parentId: string): DriveItem {
    return this._add({ name, mimeType: item.mimeType, parentId, bytes: item.bytes?.slice(), body: item.body?._clone() });
  }

  _urlOf(item: DriveItem): string {
    switch (item.mimeType) {
      case MIME.GOOGLE_DOCS: return `https://docs.google.com/document/d/${item.id}/edit`;
      case MIME.GOOGLE_SHEETS: return `https://docs.google.com/spreadsheets/d/${item.id}/edit`;
      case MIME.FOLDER: return `https://drive.google.com/drive/folders/${item.id}`;
      default: return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
    }
  }
}

function folderArg(drive: FakeDrive, x: unknown, method: string): DriveItem {
  const r = x && typeof x === 'object' ? raw(x as object) : null;
  if (!(r instanceof FakeFolder)) throw signatureError(method, [x]);
  return drive._get(r._item.id);
}

function fileArg(drive: FakeDrive, x: unknown, method: string): DriveItem {
  const r = x && typeof x === 'object' ? raw(x as object) : null;
  if (!(r instanceof FakeFile)) throw signatureError(method, [x]);
  return drive._get(r._item.id);
}

export class FakeFileIterator {
  readonly __className = 'FileIterator';
  private i = 0;
  constructor(private readonly _drive: FakeDrive, private readonly _list: DriveItem[]) {}
  hasNext(): boolean { return this.i < this._list.length; }
  next(): FakeFile {
    if (this.i >= this._list.length) throw gasError('Cannot retrieve the next object: iterator has reached the end.');
    return new FakeFile(this._drive, this._list[this.i++]);
  }
  getContinuationToken(): string { return `local-token-${this.i}`; }
}

export class FakeFolderIterator {
  readonly __className = 'FolderIterator';
  private i = 0;
  constructor(private readonly _drive: FakeDrive, private readonly _list: DriveItem[]) {}
  hasNext(): boolean { return this.i < this._list.length; }
  next(): FakeFolder {
    if (this.i >= this._list.length) throw gasError('Cannot retrieve the next object: iterator has reached the end.');
    return new FakeFolder(this._drive, this._list[this.i++]);
  }
  getContinuationToken(): string { return `local-token-${this.i}`; }
}

/** Members shared by File and Folder. */
abstract class FakeDriveEntry {
  constructor(readonly _drive: FakeDrive, readonly _item: DriveItem) {}
  getId(): string { return this._item.id; }
  getName(): string { return this._item.name; }
  getUrl(): string { return this._drive._urlOf(this._item); }
  getDateCreated(): Date { return new Date(this._item.created.getTime()); }
  getLastUpdated(): Date { return new Date(this._item.updated.getTime()); }
  isTrashed(): boolean { return this._item.trashed; }
  getParents(): FakeFolderIterator {
    return new FakeFolderIterator(this._drive, [...this._item.parents].map((id) => this._drive._get(id)));
  }
  protected _rename(name: string): void {
    this._item.name = String(name);
    this._drive._touch(this._item);
  }
  protected _trash(trashed: boolean): void {
    this._item.trashed = Boolean(trashed);
    this._drive._touch(this._item);
  }
  protected _moveTo(destination: unknown, method: string): void {
    const dest = folderArg(this._drive, destination, method);
    this._item.parents = new Set([dest.id]);
    this._drive._touch(this._item);
  }
}

export class FakeFile extends FakeDriveEntry {
  readonly __className = 'File';

  getMimeType(): string { return this._item.mimeType; }
  getSize(): number { return this._item.bytes?.length ?? 0; }
  setName(name: string): FakeFile { this._rename(name); return this; }
  setTrashed(trashed: boolean): FakeFile { this._trash(trashed); return this; }
  moveTo(destination: unknown): FakeFile { this._moveTo(destination, 'DriveApp.File.moveTo'); return this; }

  /** makeCopy(), makeCopy(name), makeCopy(destination), makeCopy(name, destination). A Doc's body is duplicated. */
  makeCopy(nameOrDestination?: unknown, destination?: unknown): FakeFile {
    let name = `Copy of ${this._item.name}`;
    let dest: unknown = destination;
    if (typeof nameOrDestination === 'string') name = nameOrDestination;
    else if (nameOrDestination !== undefined) dest = nameOrDestination;
    const parentId = dest !== undefined ? folderArg(this._drive, dest, 'DriveApp.File.makeCopy').id : [...this._item.parents][0];
    return new FakeFile(this._drive, this._drive._copy(this._item, name, parentId ?? this._drive.rootId));
  }

  /** Content of an uploaded (non-Google) file. */
  getBlob(): FakeBlob {
    if (!this._item.bytes) throw gasError(`Converting from ${this._item.mimeType} is not supported by the local runtime.`);
    return new FakeBlob(this._item.bytes.slice(), this._item.mimeType, this._item.name);
  }
}

function createFileIn(drive: FakeDrive, parentId: string, args: unknown[]): FakeFile {
  const blob = args.length === 1 ? asBlob(args[0]) : null;
  if (blob) {
    const item = drive._add({ name: blob._name ?? 'Untitled', mimeType: blob._contentType ?? MIME.PLAIN_TEXT, parentId, bytes: blob._bytes.slice() });
    return new FakeFile(drive, item);
  }
  const [name, content, mimeType] = args;
  if (typeof name !== 'string' || typeof content !== 'string') {
    throw signatureError('DriveApp.createFile', args);
  }
  if (typeof mimeType === 'string' && mimeType.startsWith('application/vnd.google-apps')) {
    throw gasError('Invalid argument: file.contentType');
  }
  const item = drive._add({ name, mimeType: typeof mimeType === 'string' ? mimeType : MIME.PLAIN_TEXT, parentId, bytes: utf8(content) });
  return new FakeFile(drive, item);
}

export class FakeFolder extends FakeDriveEntry {
  readonly __className = 'Folder';

  setName(name: string): FakeFolder { this._rename(name); return this; }
  setTrashed(trashed: boolean): FakeFolder { this._trash(trashed); return this; }
  moveTo(destination: unknown): FakeFolder { this._moveTo(destination, 'DriveApp.Folder.moveTo'); return this; }

  createFile(...args: unknown[]): FakeFile { return createFileIn(this._drive, this._item.id, args); }
  createFolder(name: string): FakeFolder {
    return new FakeFolder(this._drive, this._drive._add({ name, mimeType: MIME.FOLDER, parentId: this._item.id }));
  }

  addFile(child: unknown): FakeFolder {
    const item = fileArg(this._drive, child, 'DriveApp.Folder.addFile');
    item.parents.add(this._item.id);
    return this;
  }
  removeFile(child: unknown): FakeFolder {
    const item = fileArg(this._drive, child, 'DriveApp.Folder.removeFile');
    item.parents.delete(this._item.id);
    return this;
  }
  addFolder(child: unknown): FakeFolder {
    folderArg(this._drive, child, 'DriveApp.Folder.addFolder').parents.add(this._item.id);
    return this;
  }

  getFiles(): FakeFileIterator { return new FakeFileIterator(this._drive, this._drive._children(this._item.id, false)); }
  getFilesByName(name: string): FakeFileIterator {
    return new FakeFileIterator(this._drive, this._drive._children(this._item.id, false).filter((i) => i.name === name));
  }
  getFilesByType(mimeType: string): FakeFileIterator {
    return new FakeFileIterator(this._drive, this._drive._children(this._item.id, false).filter((i) => i.mimeType === mimeType));
  }
  getFolders(): FakeFolderIterator { return new FakeFolderIterator(this._drive, this._drive._children(this._item.id, true)); }
  getFoldersByName(name: string): FakeFolderIterator {
    return new FakeFolderIterator(this._drive, this._drive._children(this._item.id, true).filter((i) => i.name === name));
  }
}

export class FakeDriveApp {
  readonly __className = 'DriveApp';
  constructor(private readonly _env: FakeEnv, readonly _drive: FakeDrive) {}

  private _auth(method: string): void { requireMode(this._env, `DriveApp.${method}`, ['FULL'], SCOPES.drive); }
  private _all(folders: boolean): DriveItem[] {
    return [...this._drive.items.values()].filter((i) => !i.trashed && i.id !== this._drive.rootId && (i.mimeType === MIME.FOLDER) === folders);
  }

  getFileById(id: string): FakeFile {
    this._auth('getFileById');
    const item = this._drive._get(id);
    if (item.mimeType === MIME.FOLDER) throw gasError(NO_ITEM);
    return new FakeFile(this._drive, item);
  }
  getFolderById(id: string): FakeFolder {
    this._auth('getFolderById');
    const item = this._drive._get(id);
    if (item.mimeType !== MIME.FOLDER) throw gasError(NO_ITEM);
    return new FakeFolder(this._drive, item);
  }
  getRootFolder(): FakeFolder {
    this._auth('getRootFolder');
    return new FakeFolder(this._drive, this._drive._get(this._drive.rootId));
  }
  createFolder(name: string): FakeFolder {
    this._auth('createFolder');
    return new FakeFolder(this._drive, this._drive._add({ name, mimeType: MIME.FOLDER }));
  }
  createFile(...args: unknown[]): FakeFile {
    this._auth('createFile');
    return createFileIn(this._drive, this._drive.rootId, args);
  }
  getFiles(): FakeFileIterator { this._auth('getFiles'); return new FakeFileIterator(this._drive, this._all(false)); }
  getFilesByName(name: string): FakeFileIterator {
    this._auth('getFilesByName');
    return new FakeFileIterator(this._drive, this._all(false).filter((i) => i.name === name));
  }
  getFilesByType(mimeType: string): FakeFileIterator {
    this._auth('getFilesByType');
    return new FakeFileIterator(this._drive, this._all(false).filter((i) => i.mimeType === mimeType));
  }
  getFolders(): FakeFolderIterator { this._auth('getFolders'); return new FakeFolderIterator(this._drive, this._all(true)); }
  getFoldersByName(name: string): FakeFolderIterator {
    this._auth('getFoldersByName');
    return new FakeFolderIterator(this._drive, this._all(true).filter((i) => i.name === name));
  }
}

export function createDriveApp(env: FakeEnv, drive: FakeDrive): FakeDriveApp {
  return new FakeDriveApp(env, drive);
}
