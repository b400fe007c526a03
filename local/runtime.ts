// One offline Apps Script: a fresh set of counting fakes, and the built add-on (dist/Code.js) loaded into a
// Node vm context over them with gas-local, as Apps Script would load the pushed file.
import path from 'node:path';
import { createRequire } from 'node:module';
import { counted } from './counter';
import { createEnv, type AuthModeName, type ExecutionContext, type FakeEnv } from './env';
import { adoptSpreadsheet, createSpreadsheetApp, FakeSpreadsheet } from './spreadsheet';
import { createServices, type FakeServices } from './services';
import { createAdvancedDocs } from './advanced-docs';

const require = createRequire(import.meta.url);
const gasLocal = require('gas-local') as { require(dir: string, globals: object, opts?: { filter(f: string): boolean }): Record<string, unknown> };

export interface RuntimeOptions {
  /** The workbook the add-on is opened in; a blank one when omitted. */
  spreadsheet?: FakeSpreadsheet;
  now?: Date;
  timeZone?: string;
  authMode?: AuthModeName;
  context?: ExecutionContext;
  distDir?: string;
}

export interface LocalRuntime {
  env: FakeEnv;
  services: FakeServices;
  /** The active spreadsheet (raw fake: reading it in a test is not counted). */
  spreadsheet: FakeSpreadsheet;
  /** The globals the add-on sees: every service wrapped so its calls are counted. */
  globals: Record<string, unknown>;
  distDir: string;
}

export function createRuntime(opts: RuntimeOptions = {}): LocalRuntime {
  const env = createEnv({ now: opts.now, timeZone: opts.timeZone, authMode: opts.authMode, context: opts.context });
  // Apps Script runs the script in its own time zone: a Date's local getters give the script's calendar date.
  process.env.TZ = env.timeZone;
  const distDir = opts.distDir ?? 'dist';
  const spreadsheet = opts.spreadsheet ?? new FakeSpreadsheet(env, 'Трекер наставничества');
  adoptSpreadsheet(env, spreadsheet);
  const services = createServices(env, { documentId: () => spreadsheet.getId(), distDir, addonName: 'Наставник: дорожная карта' });
  const documentStore = services.properties.documentStore(spreadsheet.getId());
  for (const [k, v] of spreadsheet._documentProperties) documentStore.set(k, v);
  const spreadsheetApp = createSpreadsheetApp(env, { active: spreadsheet, getUi: () => counted(services.ui, 'Ui', env.counter) });
  const globals: Record<string, unknown> = {
    SpreadsheetApp: counted(spreadsheetApp, 'SpreadsheetApp', env.counter),
    Docs: createAdvancedDocs(env, services.drive),
    MimeType: services.globals.MimeType,
    // Only the enum the add-on uses: chart types for EmbeddedChartBuilder.setChartType.
    Charts: { ChartType: Object.fromEntries(['AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP'].map((t) => [t, t])) },
    console,
  };
  for (const [name, service] of Object.entries(services.globals)) {
    if (name !== 'MimeType') globals[name] = counted(service as object, name, env.counter);
  }
  globals.Date = clockDate(env);
  return { env, services, spreadsheet, globals, distDir };
}

/**
 * The add-on's `Date`: the host's Date (so values cross into the fakes and exceljs unchanged) whose "now" is
 * the runtime's clock, so a test can put the add-on on any day.
 */
function clockDate(env: FakeEnv): DateConstructor {
  class ClockDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(env.now().getTime());
      else super(...(args as [number]));
    }
    static override now(): number {
      return env.now().getTime();
    }
  }
  return ClockDate as unknown as DateConstructor;
}

/** The document properties the add-on stored for its spreadsheet (saved with it by saveXlsx). */
export function documentPropertiesOf(runtime: LocalRuntime): ReadonlyMap<string, string> {
  return runtime.services.properties.documentStore(runtime.spreadsheet.getId());
}

export interface Addon {
  runtime: LocalRuntime;
  /** The vm context: the bundle's top-level functions are its properties. */
  context: Record<string, unknown>;
  /** Names the runtime put into the context before the bundle loaded (services, console, Date). */
  injected: readonly string[];
  /** Call a top-level function as Apps Script would (menu item, trigger). */
  run<T = unknown>(name: string, ...args: unknown[]): T;
  /** Call as google.script.run does: plain JSON values in and out, private (`name_`) functions refused. */
  callFromClient(name: string, args: unknown[]): unknown;
  /** Call a custom function as a cell would: in AuthMode.CUSTOM_FUNCTION. */
  custom<T = unknown>(name: string, ...args: unknown[]): T;
}

export function loadAddon(runtime: LocalRuntime, file = path.join(runtime.distDir, 'Code.js')): Addon {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  const injected = Object.keys(runtime.globals);
  const context = gasLocal.require(dir, runtime.globals, { filter: (f) => path.basename(f) === base });
  const fn = (name: string) => {
    const f = context[name];
    if (typeof f !== 'function') throw new Error(`Script function not found: ${name}`);
    return f as (...a: unknown[]) => unknown;
  };
  const addon: Addon = {
    runtime,
    context,
    injected,
    run: <T>(name: string, ...args: unknown[]) => fn(name)(...args) as T,
    callFromClient(name, args) {
      if (name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
      const result = fn(name)(...wire(args, 'argument'));
      return result === undefined ? null : wire(result, 'return value');
    },
    custom<T>(name: string, ...args: unknown[]) {
      const { env } = runtime;
      const saved = [env.authMode, env.context] as const;
      env.authMode = 'CUSTOM_FUNCTION';
      env.context = 'custom-function';
      try {
        return fn(name)(...args) as T;
      } finally {
        [env.authMode, env.context] = saved;
      }
    },
  };
  return addon;
}

/** google.script.run's wire format: Dates and functions are refused, undefined in arrays becomes null. */
function wire<T>(value: T, what: string): T {
  const text = JSON.stringify(value, (k, v) => {
    if (typeof v === 'function') throw new Error(`Invalid ${what}: a function cannot be passed through google.script.run (${k})`);
    if (Object.prototype.toString.call(v) === '[object Date]') throw new Error(`Invalid ${what}: a Date cannot be passed through google.script.run (${k})`);
    return v;
  });
  return text === undefined ? (null as T) : (JSON.parse(text) as T);
}
