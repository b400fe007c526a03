// Builds the add-on for Apps Script with esbuild (no plugins):
//  - dist/Code.js: the server bundle as an IIFE assigned to one global, followed by one top-level stub per
//    export of src/main.ts (Apps Script only sees top-level function declarations). Custom functions, the
//    exports of src/addon/functions.ts, get their JSDoc and parameter names copied onto the stub, because
//    Sheets reads autocomplete and `@customfunction` from the top-level declaration.
//  - dist/<Name>.html: each sidebar/<name>/ page with its script and styles inlined (HtmlService serves one file).
//  - dist/appsscript.json: the manifest.
// The build fails with a clear message when a custom function has no JSDoc or an export has no stub.
import { build as esbuild } from 'esbuild';
import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GLOBAL_NAME = 'Nastavnik';

export class BuildError extends Error {}

/** The exported names of the entry, as esbuild sees them after resolving every re-export. */
async function entryExports(entry) {
  const result = await esbuild({
    entryPoints: [entry], bundle: true, format: 'esm', write: false, metafile: true,
    platform: 'neutral', target: 'es2020', outfile: 'exports.js', logLevel: 'silent',
  });
  const outputs = Object.values(result.metafile.outputs);
  return outputs[0].exports ?? [];
}

/** Exported functions of the custom-functions module with their JSDoc text and parameter names. */
export function customFunctionDocs(file) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  const docs = new Map();
  const exported = (node) => node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const record = (name, node, params) => {
    const jsdoc = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
    const text = jsdoc.length ? source.text.slice(jsdoc[jsdoc.length - 1].getStart(source), jsdoc[jsdoc.length - 1].end) : null;
    docs.set(name, { jsdoc: text, params: params.map((p) => p.name.getText(source)) });
  };
  for (const stmt of source.statements) {
    if (ts.isFunctionDeclaration(stmt) && stmt.name && exported(stmt)) {
      record(stmt.name.text, stmt, stmt.parameters);
    } else if (ts.isVariableStatement(stmt) && exported(stmt)) {
      for (const decl of stmt.declarationList.declarations) {
        const init = decl.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && ts.isIdentifier(decl.name)) {
          record(decl.name.text, stmt, init.parameters);
        }
      }
    }
  }
  return docs;
}

function stub(name, doc) {
  const params = doc ? doc.params.join(', ') : '';
  const head = doc ? `${doc.jsdoc}\n` : '';
  return `${head}function ${name}(${params}) {\n  return ${GLOBAL_NAME}.${name}.apply(this, arguments);\n}\n`;
}

/**
 * Build the server bundle. Options let tests build a fixture entry (to prove the checks fail).
 * @returns {Promise<{code: string, exports: string[], customFunctions: string[]}>}
 */
export async function buildServer({ entry = 'src/main.ts', functionsFile = 'src/addon/functions.ts', outFile = 'dist/Code.js' } = {}) {
  const exports = await entryExports(entry);
  if (exports.length === 0) throw new BuildError(`${entry} exports nothing: Apps Script would see no functions`);
  const docs = fs.existsSync(functionsFile) ? customFunctionDocs(functionsFile) : new Map();
  const customFunctions = [];
  for (const [name, doc] of docs) {
    if (!exports.includes(name)) continue;
    if (!doc.jsdoc) throw new BuildError(`custom function ${name} in ${functionsFile} has no JSDoc: Sheets would not offer it; add /** ... @customfunction */`);
    if (!/@customfunction\b/.test(doc.jsdoc)) throw new BuildError(`custom function ${name} in ${functionsFile}: its JSDoc lacks the @customfunction tag`);
    for (const p of doc.params) {
      if (!new RegExp(`@param\\s+(\\{[^}]*\\}\\s+)?\\[?${p}\\b`).test(doc.jsdoc)) {
        throw new BuildError(`custom function ${name} in ${functionsFile}: parameter ${p} is not documented with @param`);
      }
    }
    if (name.endsWith('_')) throw new BuildError(`custom function ${name} must not end with "_": Sheets hides such functions`);
    customFunctions.push(name);
  }
  const result = await esbuild({
    entryPoints: [entry], bundle: true, format: 'iife', globalName: GLOBAL_NAME, write: false,
    platform: 'neutral', target: 'es2020', charset: 'utf8', legalComments: 'none', logLevel: 'silent',
    mainFields: ['module', 'main'],
  });
  // `var` so the global is visible to gas-local's vm context and to Apps Script's shared global scope.
  let code = result.outputFiles[0].text.replace(/^var /, 'var ');
  const stubs = exports.map((name) => stub(name, docs.get(name)?.jsdoc ? docs.get(name) : undefined));
  code = `${code}\n${stubs.join('\n')}`;
  for (const name of exports) {
    if (!new RegExp(`^function ${name}\\(`, 'm').test(code)) throw new BuildError(`export ${name} of ${entry} has no top-level stub`);
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, code);
  return { code, exports, customFunctions };
}

/** Bundle each sidebar/<name>/main.ts for the browser and inline it with style.css into dist/<Name>.html. */
export async function buildSidebars({ dir = 'sidebar', outDir = 'dist' } = {}) {
  const pages = [];
  if (!fs.existsSync(dir)) return pages;
  for (const name of fs.readdirSync(dir).sort()) {
    const pageDir = path.join(dir, name);
    const htmlFile = path.join(pageDir, 'index.html');
    if (!fs.statSync(pageDir).isDirectory() || !fs.existsSync(htmlFile)) continue;
    let html = fs.readFileSync(htmlFile, 'utf8');
    const script = path.join(pageDir, 'main.ts');
    if (fs.existsSync(script)) {
      const js = await esbuild({
        entryPoints: [script], bundle: true, format: 'iife', platform: 'browser', target: 'es2020',
        write: false, charset: 'utf8', logLevel: 'silent', minify: false,
      });
      const text = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
      if (!html.includes('<!-- script -->')) throw new BuildError(`${htmlFile} has no <!-- script --> marker`);
      html = html.replace('<!-- script -->', () => `<script>\n${text}</script>`);
    }
    const cssFiles = [path.join(dir, 'common.css'), path.join(pageDir, 'style.css')].filter((f) => fs.existsSync(f));
    if (cssFiles.length) {
      const css = cssFiles.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      if (!html.includes('<!-- style -->')) throw new BuildError(`${htmlFile} has no <!-- style --> marker`);
      html = html.replace('<!-- style -->', () => `<style>\n${css}</style>`);
    }
    const outName = name.charAt(0).toUpperCase() + name.slice(1);
    fs.writeFileSync(path.join(outDir, `${outName}.html`), html);
    pages.push(outName);
  }
  return pages;
}

export async function buildAll() {
  fs.rmSync('dist', { recursive: true, force: true });
  fs.mkdirSync('dist', { recursive: true });
  const server = await buildServer();
  const pages = await buildSidebars();
  fs.copyFileSync('appsscript.json', 'dist/appsscript.json');
  return { ...server, pages };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildAll().then(
    (r) => console.log(`dist/Code.js: ${r.exports.length} globals (${r.customFunctions.length} custom functions); pages: ${r.pages.join(', ') || 'none'}`),
    (e) => {
      console.error(e instanceof BuildError ? `build failed: ${e.message}` : e);
      process.exit(1);
    },
  );
}
