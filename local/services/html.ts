// HtmlService: outputs read from the built dist/*.html files, plus templates with <?= ?>, <?!= ?> and <? ?>
// scriptlets. Sandbox mode is recorded but has no effect, as in Apps Script (only IFRAME remains).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeEnv } from '../env';
import { asBlob } from './blob';
import type { ServiceOptions } from './context';
import { SandboxMode, XFrameOptionsMode, isMember } from './enums';
import { gasError, signatureError } from './errors';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export class FakeHtmlOutputMetaTag {
  readonly __className = 'HtmlOutputMetaTag';
  constructor(private readonly _name: string, private readonly _content: string) {}
  getName(): string { return this._name; }
  getContent(): string { return this._content; }
}

export class FakeHtmlOutput {
  readonly __className = 'HtmlOutput';
  _content: string;
  _title = '';
  _width: number | null = null;
  _height: number | null = null;
  _sandboxMode: string | null = null;
  _xFrameOptionsMode: string | null = null;
  _metaTags: { name: string; content: string }[] = [];

  constructor(content = '') { this._content = content; }

  getContent(): string { return this._content; }
  setContent(content: string): FakeHtmlOutput { this._content = String(content); return this; }
  append(addedContent: string): FakeHtmlOutput { this._content += String(addedContent); return this; }
  appendUntrusted(addedContent: string): FakeHtmlOutput { this._content += escapeHtml(String(addedContent)); return this; }
  clear(): FakeHtmlOutput { this._content = ''; return this; }
  getTitle(): string { return this._title; }
  setTitle(title: string): FakeHtmlOutput { this._title = String(title); return this; }
  getWidth(): number | null { return this._width; }
  setWidth(width: number): FakeHtmlOutput { this._width = positiveInt(width, 'width'); return this; }
  getHeight(): number | null { return this._height; }
  setHeight(height: number): FakeHtmlOutput { this._height = positiveInt(height, 'height'); return this; }
  setSandboxMode(mode: unknown): FakeHtmlOutput {
    if (!isMember(SandboxMode, mode)) throw signatureError('HtmlService.HtmlOutput.setSandboxMode', [mode]);
    this._sandboxMode = mode;
    return this;
  }
  setXFrameOptionsMode(mode: unknown): FakeHtmlOutput {
    if (!isMember(XFrameOptionsMode, mode)) throw signatureError('HtmlService.HtmlOutput.setXFrameOptionsMode', [mode]);
    this._xFrameOptionsMode = mode;
    return this;
  }
  addMetaTag(name: string, content: string): FakeHtmlOutput {
    this._metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): FakeHtmlOutputMetaTag[] { return this._metaTags.map((m) => new FakeHtmlOutputMetaTag(m.name, m.content)); }
  asTemplate(): FakeHtmlTemplate { return new FakeHtmlTemplate(this._content); }
}

function positiveInt(v: unknown, what: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw gasError(`Invalid argument: ${what}`);
  return n;
}

/** Turn scriptlet HTML into the body of a function of (scope, escape). */
function compileTemplate(source: string): string {
  let code = 'var __out = "";\nwith (__scope) {\n';
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    code += `__out += ${JSON.stringify(source.slice(last, m.index))};\n`;
    if (m[1] === '=') code += `__out += __escape(String(${m[2]}));\n`;
    else if (m[1] === '!=') code += `__out += String(${m[2]});\n`;
    else code += `${m[2]}\n`;
    last = m.index + m[0].length;
  }
  code += `__out += ${JSON.stringify(source.slice(last))};\n}\nreturn __out;`;
  return code;
}

export class FakeHtmlTemplate {
  readonly __className = 'HtmlTemplate';
  [variable: string]: unknown;

  constructor(private readonly _source: string) {}

  getRawContent(): string { return this._source; }
  getCode(): string { return compileTemplate(this._source); }

  /** Variables are the properties assigned on the template, as in `t.data = x; t.evaluate()`. */
  evaluate(): FakeHtmlOutput {
    const scope: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) if (!k.startsWith('_') && k !== '__className') scope[k] = v;
    // `with` is the way Apps Script templates see their variables; new Function bodies are sloppy-mode code.
    const fn = new Function('__scope', '__escape', compileTemplate(this._source)) as (s: object, e: (x: string) => string) => string;
    return new FakeHtmlOutput(fn(scope, escapeHtml));
  }
}

export class FakeHtmlService {
  readonly __className = 'HtmlService';
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(private readonly _env: FakeEnv, private readonly _distDir: string) {}

  /** Files are named without ".html" in Apps Script; a name that already has it is read as is. */
  _read(name: unknown): string {
    if (typeof name !== 'string') throw signatureError('HtmlService.createHtmlOutputFromFile', [name]);
    const base = name.replace(/\.html$/, '');
    const file = join(this._distDir, `${base}.html`);
    if (!base || base.includes('..') || !existsSync(file)) throw gasError(`No HTML file named ${name} was found.`);
    return readFileSync(file, 'utf8');
  }

  createHtmlOutput(htmlOrBlob?: unknown): FakeHtmlOutput {
    if (htmlOrBlob === undefined) return new FakeHtmlOutput();
    if (typeof htmlOrBlob === 'string') return new FakeHtmlOutput(htmlOrBlob);
    const blob = asBlob(htmlOrBlob);
    if (!blob) throw signatureError('HtmlService.createHtmlOutput', [htmlOrBlob]);
    return new FakeHtmlOutput(blob.getDataAsString());
  }

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput { return new FakeHtmlOutput(this._read(filename)); }

  createTemplate(htmlOrBlob: unknown): FakeHtmlTemplate {
    if (typeof htmlOrBlob === 'string') return new FakeHtmlTemplate(htmlOrBlob);
    const blob = asBlob(htmlOrBlob);
    if (!blob) throw signatureError('HtmlService.createTemplate', [htmlOrBlob]);
    return new FakeHtmlTemplate(blob.getDataAsString());
  }

  createTemplateFromFile(filename: string): FakeHtmlTemplate { return new FakeHtmlTemplate(this._read(filename)); }
}

export function createHtmlService(env: FakeEnv, opts: ServiceOptions = {}): FakeHtmlService {
  return new FakeHtmlService(env, opts.distDir ?? join(process.cwd(), 'dist'));
}
