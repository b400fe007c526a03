// The rules every Apps Script bundle must keep (shared/DESIGN.md, shared/APPS_SCRIPT.md §4–5), checked on
// the real dist/Code.js, and shown to fail on fixtures that break them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
// @ts-expect-error build.mjs is plain JavaScript without type declarations
import { buildServer, BuildError, GLOBAL_NAME } from '../../build.mjs';
import { createRuntime, loadAddon } from '../../local/runtime';
import { freshAddon } from '../harness/addon';

const require = createRequire(import.meta.url);
const gasLocal = require('gas-local') as { require(dir: string, globals: object, opts?: { filter(f: string): boolean }): Record<string, unknown> };

const CODE = fs.readFileSync('dist/Code.js', 'utf8');
const SERVICES = ['SpreadsheetApp', 'DocumentApp', 'DriveApp', 'PropertiesService', 'CacheService', 'LockService', 'ScriptApp',
  'HtmlService', 'Session', 'Utilities', 'Logger', 'Docs', 'UrlFetchApp', 'MimeType', 'Charts'];

function stubNames(code: string): string[] {
  return [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]).sort();
}

/** Load a bundle with every service replaced by a getter that throws: any load-time service access fails. */
function loadWithThrowingServices(file: string): { touched: string[]; error: unknown } {
  const touched: string[] = [];
  const globals: Record<string, unknown> = { console };
  for (const name of SERVICES) {
    Object.defineProperty(globals, name, {
      get() {
        touched.push(name);
        throw new Error(`${name} touched while the bundle loads`);
      },
    });
  }
  let error: unknown = null;
  try {
    gasLocal.require(path.dirname(file), globals, { filter: (f) => path.basename(f) === path.basename(file) });
  } catch (e) {
    error = e;
  }
  return { touched, error };
}

async function buildFixture(entry: string, functionsFile?: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-fixture-'));
  const outFile = path.join(dir, 'Code.js');
  await buildServer({ entry: `test/fixtures/bundles/${entry}`, functionsFile: functionsFile ? `test/fixtures/bundles/${functionsFile}` : 'none.ts', outFile });
  return outFile;
}

/** Calls onOpen may make in AuthMode.NONE: building the add-on menu, nothing else. */
function nonMenuCalls(calls: Record<string, number>): string[] {
  return Object.keys(calls).filter((k) => !/^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.(addItem|addSeparator|addSubMenu|addToUi))$/.test(k));
}

describe('bundle globals', () => {
  it('has exactly one stub per export plus the namespace, and leaks nothing else', async () => {
    const { exports } = await buildServer({ outFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-')), 'Code.js') });
    expect(stubNames(CODE)).toEqual([...exports].sort());
    const addon = freshAddon();
    const injected = new Set(addon.injected);
    const defined = Object.keys(addon.context).filter((k) => !injected.has(k));
    expect(defined.sort()).toEqual([GLOBAL_NAME, ...exports].sort());
    for (const name of ['onOpen', 'onInstall', 'showImportDialog', 'importPreview', 'importApply', 'ROADMAP_DEADLINE', 'ROADMAP_STATUS']) {
      expect(typeof addon.context[name], name).toBe('function');
    }
  });

  it('every custom function stub carries its JSDoc with @customfunction and its parameter names', () => {
    const functionsSource = fs.readFileSync('src/addon/functions.ts', 'utf8');
    const customs = [...functionsSource.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
    expect(customs.length).toBeGreaterThan(0);
    for (const name of customs) {
      const m = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\nfunction ${name}\\(([^)]*)\\)`).exec(CODE);
      expect(m, `stub of ${name} with JSDoc`).not.toBeNull();
      expect(m![1]).toContain('@customfunction');
      for (const p of m![2].split(',').map((s) => s.trim()).filter(Boolean)) expect(m![1]).toMatch(new RegExp(`@param\\s+\\{[^}]*\\}\\s+\\[?${p}`));
    }
  });
});

describe('load purity', () => {
  it('loading dist/Code.js touches no service', () => {
    const { touched, error } = loadWithThrowingServices(path.resolve('dist/Code.js'));
    expect(error).toBeNull();
    expect(touched).toEqual([]);
  });

  it('catches a bundle that calls a service at load time', async () => {
    const file = await buildFixture('top-level-call.ts');
    const { touched, error } = loadWithThrowingServices(file);
    expect(touched).toEqual(['PropertiesService']);
    expect(String(error)).toContain('PropertiesService touched while the bundle loads');
  });
});

describe('onOpen and onInstall', () => {
  it('in AuthMode.NONE onOpen only builds the add-on menu', () => {
    const addon = freshAddon({ authMode: 'NONE' });
    addon.runtime.env.counter.reset();
    addon.run('onOpen', { authMode: 'NONE' });
    const calls = addon.runtime.env.counter.snapshot();
    expect(nonMenuCalls(calls)).toEqual([]);
    const menus = addon.runtime.services.ui._menus;
    expect(menus).toHaveLength(1);
    expect(menus[0].items.map((i: { caption: string }) => i.caption)).toContain('Импорт дорожной карты…');
    // Every menu item names a function the bundle really has.
    for (const item of menus[0].items as { fn?: string }[]) if (item.fn) expect(typeof addon.context[item.fn], item.fn).toBe('function');
  });

  it('the NONE check catches an onOpen that reads the document', async () => {
    const file = await buildFixture('menu-reads-properties.ts');
    const runtime = createRuntime({ authMode: 'NONE' });
    const addon = loadAddon(runtime, file);
    expect(() => addon.run('onOpen', { authMode: 'NONE' })).toThrow(/permission/);
    expect(nonMenuCalls(runtime.env.counter.snapshot())).toEqual(['SpreadsheetApp.getActiveSpreadsheet']);
  });

  it('onInstall builds the same menu as onOpen', () => {
    const viaOpen = freshAddon();
    viaOpen.run('onOpen', { authMode: 'FULL' });
    const viaInstall = freshAddon();
    viaInstall.run('onInstall', { authMode: 'FULL' });
    expect(viaInstall.runtime.services.ui._menus).toEqual(viaOpen.runtime.services.ui._menus);
    expect(viaInstall.runtime.services.ui._menus).toHaveLength(1);
  });
});

describe('build checks', () => {
  it('fails on a custom function without JSDoc', async () => {
    await expect(buildFixture('no-jsdoc-entry.ts', 'no-jsdoc-functions.ts')).rejects.toThrow(BuildError);
    await expect(buildFixture('no-jsdoc-entry.ts', 'no-jsdoc-functions.ts')).rejects.toThrow(/DOUBLE .*has no JSDoc/);
  });

  it('fails on a custom function parameter without @param', async () => {
    await expect(buildFixture('undocumented-param-entry.ts', 'undocumented-param-functions.ts')).rejects.toThrow(/parameter factor is not documented/);
  });
});
