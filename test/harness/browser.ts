// Opens a built dialog/sidebar page (dist/<Name>.html) in headless Chromium with a google.script.run shim
// whose calls run the real server functions of dist/Code.js over the local fakes, with the same wire rules
// as Apps Script (JSON-like values only; private functions ending in "_" are not callable).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Addon } from '../../local/runtime';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Browser tests need it: install the Debian package with ` +
        '`sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary). They never skip.',
    );
  }
}

let shared: Browser | null = null;

export async function browser(): Promise<Browser> {
  requireChromium();
  if (!shared) {
    shared = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
  }
  return shared;
}

export async function closeBrowser(): Promise<void> {
  await shared?.close();
  shared = null;
}

const SHIM = `
(() => {
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get(_, name) {
        if (name === 'withSuccessHandler') return (f) => runner(f, failure, userObject);
        if (name === 'withFailureHandler') return (f) => runner(success, f, userObject);
        if (name === 'withUserObject') return (o) => runner(success, failure, o);
        return (...args) => {
          let payload;
          try { payload = JSON.stringify(args, (k, v) => { if (v instanceof Date || typeof v === 'function') throw new Error('Invalid argument: ' + k); return v; }); }
          catch (e) { setTimeout(() => failure && failure(e, userObject)); return; }
          window.__gasCalls = (window.__gasCalls || 0) + 1;
          window.__gasCall(String(name), payload).then((text) => {
            const r = JSON.parse(text);
            if (r.ok) { success && success(r.value, userObject); }
            else { const e = new Error(r.message); e.name = 'ScriptError'; failure ? failure(e, userObject) : console.error(e); }
          });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close() { window.__closed = true; }, setHeight() {}, setWidth() {} } } };
})();
`;

export interface OpenedPage {
  page: Page;
  /** Server calls made by the page so far. */
  calls(): Promise<number>;
  close(): Promise<void>;
}

/** `width`: 300 for a sidebar (its fixed width in Sheets), wider for a dialog. */
export async function openPage(name: string, addon: Addon, opts: { width?: number; distDir?: string } = {}): Promise<OpenedPage> {
  const distDir = opts.distDir ?? 'dist';
  const file = path.resolve(distDir, `${name}.html`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  const b = await browser();
  const context = await b.newContext({ viewport: { width: opts.width ?? 980, height: 800 }, locale: 'ru-RU' });
  // Offline: Google's add-on CSS cannot load here; the page must work without it.
  await context.route(/^https?:/, (route) => route.abort());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.exposeFunction('__gasCall', async (fn: string, payload: string) => {
    try {
      const value = addon.callFromClient(fn, JSON.parse(payload) as unknown[]);
      return JSON.stringify({ ok: true, value });
    } catch (e) {
      return JSON.stringify({ ok: false, message: (e as Error).message });
    }
  });
  await page.addInitScript(SHIM);
  await page.goto(pathToFileURL(file).href);
  return {
    page,
    calls: () => page.evaluate(() => (window as unknown as { __gasCalls?: number }).__gasCalls ?? 0),
    close: async () => {
      await context.close();
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    },
  };
}
