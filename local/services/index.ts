// Every fake service except SpreadsheetApp, built over one FakeEnv with shared state. The globals are raw fakes:
// the runtime wraps each with counted(obj, name, env.counter) before exposing it to add-on code.
import type { FakeEnv } from '../env';
import { CacheStores, createCacheService, type FakeCacheService } from './cache';
import type { ServiceOptions } from './context';
import { createDocumentApp, type FakeDocumentApp } from './document-app';
import { createDriveApp, FakeDrive, MIME, type FakeDriveApp } from './drive';
import { createHtmlService, type FakeHtmlService } from './html';
import { createLockService, LockRegistry, type FakeLockService } from './lock';
import { createLogger, type FakeLogger } from './logger';
import { createPropertiesService, PropertyStores, type FakePropertiesService } from './properties';
import { createScriptApp, TriggerRegistry, type FakeScriptApp } from './script-app';
import { createSession, type FakeSession } from './session';
import { createUi, type FakeUi } from './ui';
import { createUtilities, type FakeUtilities } from './utilities';

export interface FakeGlobals {
  DocumentApp: FakeDocumentApp;
  DriveApp: FakeDriveApp;
  PropertiesService: FakePropertiesService;
  CacheService: FakeCacheService;
  LockService: FakeLockService;
  ScriptApp: FakeScriptApp;
  HtmlService: FakeHtmlService;
  Session: FakeSession;
  Utilities: FakeUtilities;
  Logger: FakeLogger;
  /** A constant table, not a service: expose it as is. */
  MimeType: typeof MIME;
}

export interface FakeServices {
  globals: FakeGlobals;
  /** The target of SpreadsheetApp.getUi(). */
  ui: FakeUi;
  drive: FakeDrive;
  properties: PropertyStores;
  caches: CacheStores;
  locks: LockRegistry;
  triggers: TriggerRegistry;
  logger: FakeLogger;
}

export function createServices(env: FakeEnv, opts: ServiceOptions = {}): FakeServices {
  const drive = new FakeDrive(env);
  const properties = new PropertyStores();
  const caches = new CacheStores();
  const locks = new LockRegistry(env, opts);
  const triggers = new TriggerRegistry();
  const logger = createLogger(env);
  return {
    globals: {
      DocumentApp: createDocumentApp(env, drive),
      DriveApp: createDriveApp(env, drive),
      PropertiesService: createPropertiesService(env, opts, properties),
      CacheService: createCacheService(env, opts, caches),
      LockService: createLockService(env, opts, locks),
      ScriptApp: createScriptApp(env, opts, triggers),
      HtmlService: createHtmlService(env, opts),
      Session: createSession(env, opts),
      Utilities: createUtilities(env),
      Logger: logger,
      MimeType: MIME,
    },
    ui: createUi(env, opts),
    drive,
    properties,
    caches,
    locks,
    triggers,
    logger,
  };
}

export type { ServiceOptions } from './context';
export { createCacheService } from './cache';
export { createDocumentApp, FakeDocument } from './document-app';
export { createDriveApp, FakeDrive, MIME } from './drive';
export { createHtmlService } from './html';
export { createLockService, LockRegistry } from './lock';
export { createLogger } from './logger';
export { createPropertiesService, PropertyStores } from './properties';
export { createScriptApp, TriggerRegistry } from './script-app';
export { createSession } from './session';
export { createUi, FakeUi } from './ui';
export { createUtilities } from './utilities';
