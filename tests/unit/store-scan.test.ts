/**
 * The store check's rules (scripts/lib/store-scan.ts) on small packages built in memory, and the Preact patch
 * on the real preact.mjs: each rule turns red when what it forbids is put back.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { withoutHtmlSetter } from '../../modules/preact-no-html';
import {
  addonLintFindings,
  codeFindings,
  remoteCodeReason,
  scanPackage,
  type AddonLintReport,
  type PackageFile,
  type StorePolicy,
} from '../../scripts/lib/store-scan';
import { zipEntries } from '../../scripts/lib/zip-entries';
import { zipOf } from '../support/zip';

const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";
const PROBLEMS = ['https://problems.example/*'];

const POLICY: StorePolicy = {
  csp: CSP,
  permissions: ['storage', 'alarms'],
  hostPermissions: PROBLEMS,
  dataCollection: { required: ['none'] },
  vendored: ['vendor/loader.mjs', 'vendor/glue.mjs', 'vendor/engine.wasm', 'vendor/stdlib.zip'],
  evalAllowed: { 'vendor/glue.mjs': 'its glue evaluates asm snippets' },
  wasm: ['vendor/engine.wasm'],
};

const MANIFEST = {
  manifest_version: 3,
  permissions: ['storage', 'alarms'],
  host_permissions: PROBLEMS,
  content_security_policy: { extension_pages: CSP },
  content_scripts: [{ matches: PROBLEMS, js: ['content.js'] }],
  browser_specific_settings: { gecko: { id: 'x@example', data_collection_permissions: { required: ['none'] } } },
};

/** What Pyodide's loader holds, unpatched and patched. */
const CDN_LOADER = 'e.cdnUrl=k(e.packageBaseUrl??`https://cdn.jsdelivr.net/pyodide/v${U}/full/`);';
const PATCHED_LOADER = 'e.cdnUrl=k(e.packageBaseUrl??t);';

function pkg(files: Record<string, string | Uint8Array>, manifest: object = MANIFEST): PackageFile[] {
  const all = {
    'manifest.json': JSON.stringify(manifest),
    'vendor/loader.mjs': PATCHED_LOADER,
    'vendor/glue.mjs': 'export function run(ptr) { return eval(read(ptr)); }',
    'vendor/engine.wasm': new Uint8Array([0, 97, 115, 109]),
    'vendor/stdlib.zip': zipOf({ 'http/client.py': '"""See https://docs.python.org/3/library/http.client.html"""' }),
    ...files,
  };
  return Object.entries(all).map(([path, body]) => ({
    path,
    bytes: typeof body === 'string' ? Buffer.from(body) : body,
  }));
}

const rules = (files: PackageFile[], policy = POLICY) => scanPackage(files, policy).map((f) => `${f.rule} ${f.file}`);

describe('remote code addresses', () => {
  it.each([
    ['https://cdn.jsdelivr.net/pyodide/v${version}/full/', true],
    ['https://cdn.jsdelivr.net/npm/pyodide@0.27.0/pyodide.mjs', true],
    ['https://unpkg.com/preact', true],
    ['https://files.pythonhosted.org/packages/aa/bb/numpy-2.0-cp312-none-any.whl', true],
    ['http://somewhere.example/lib/loader.js', true],
    ['https://somewhere.example/engine.wasm?v=3', true],
    ['https://somewhere.example/release.tar.gz', true],
    ['https://cdn.jsdelivr.net/pyodide/v0.24.1/full/pyodide-lock.json', false],
    ['https://docs.python.org/3/library/asyncio-task.html', false],
    ['https://github.com/python/cpython/blob/main/Lib/asyncio/tasks.py', false],
    ['https://leetcode.com/problems/*', false],
    ['https://img.test/logo.png', false],
    ['http://www.w3.org/2000/svg', false],
  ])('%s → %s', (url, code) => {
    expect(remoteCodeReason(url) !== null).toBe(code);
  });

  it('inside an archive only code hosts count: CPython cites .py files in its comments', () => {
    expect(remoteCodeReason('http://www.example.org/files/python/platform.py', true)).toBeNull();
    expect(remoteCodeReason('https://cdn.jsdelivr.net/pyodide/v1/full/', true)).not.toBeNull();
  });
});

describe('eval and HTML setters, found in the program rather than its text', () => {
  it.each([
    ['eval(code)', 'eval(…)'],
    ['window.eval(code)', 'eval(…)'],
    ['globalThis["eval"](code)', 'eval(…)'],
    ['new Function("a", "return a")', 'new Function(…)'],
    ['Function("return this")()', 'Function(…)'],
    ['setTimeout("tick()", 10)', 'setTimeout(string)'],
  ])('%s is eval', (source, found) => {
    expect(codeFindings(source).evals).toEqual([found]);
  });

  it('ignores eval in strings (our bundled Python snippets), methods that merely share the name, and timers with functions', () => {
    expect(codeFindings('const s = "pending = eval(code, ns)"; py.eval(x); setTimeout(() => 1, 5);').evals).toEqual([]);
  });

  it.each([
    ['el.innerHTML = html', 'innerHTML = …'],
    ['el["outerHTML"] = html', 'outerHTML = …'],
    ['el.insertAdjacentHTML("beforeend", html)', 'insertAdjacentHTML(…)'],
    ['document.write(html)', 'document.write(…)'],
    ['range.createContextualFragment(html)', 'createContextualFragment(…)'],
  ])('%s is an HTML setter', (source, found) => {
    expect(codeFindings(source).htmlSetters).toEqual([found]);
  });

  it('reading innerHTML or setting textContent is not', () => {
    expect(codeFindings('if (a.__html != el.innerHTML) el.textContent = a.__html;').htmlSetters).toEqual([]);
  });

  it("Preact's dist has one innerHTML setter, and the build's patch takes it out", () => {
    const preact = readFileSync(createRequire(import.meta.url).resolve('preact'), 'utf8');
    expect(codeFindings(preact).htmlSetters).toEqual(['innerHTML = …']);
    expect(codeFindings(withoutHtmlSetter(preact)).htmlSetters).toEqual([]);
    // An upgrade that reshapes the setter, or adds a second, fails the build instead of shipping it.
    expect(() => withoutHtmlSetter('el.innerHTML = value.__html')).toThrow(/found 0/);
    expect(() => withoutHtmlSetter('a.innerHTML=b.__html;c.innerHTML=d.__html')).toThrow(/found 2/);
  });
});

describe('a package', () => {
  it('passes when it holds only what the policy allows', () => {
    expect(rules(pkg({ 'content.js': 'document.title = "x"' }))).toEqual([]);
  });

  it("fails on Pyodide's CDN default put back into the vendored loader", () => {
    expect(rules(pkg({ 'vendor/loader.mjs': CDN_LOADER }))).toEqual(['remote-code-url vendor/loader.mjs']);
  });

  it('fails on a script address in our own data, and looks inside archives', () => {
    expect(rules(pkg({ 'chunks/data.js': 'const links = ["https://cdn.test/x.js"];' }))).toEqual([
      'remote-code-url chunks/data.js',
    ]);
    const stdlib = zipOf({ 'pyodide/loader.py': 'BASE = "https://cdn.jsdelivr.net/pyodide/v0.27.0/full/"' });
    expect(rules(pkg({ 'vendor/stdlib.zip': stdlib }))).toEqual([
      'remote-code-url vendor/stdlib.zip!pyodide/loader.py',
    ]);
  });

  it('fails on an innerHTML setter in our bundle, not in a vendored file', () => {
    expect(rules(pkg({ 'chunks/ui.js': 'function f(t, h) { t.innerHTML = h.__html; }' }))).toEqual([
      'html-setter chunks/ui.js',
    ]);
    expect(rules(pkg({ 'vendor/loader.mjs': 'x.innerHTML = y;' }))).toEqual([]);
  });

  it('fails on eval outside the allowed vendored file, and on an allowance nothing needs any more', () => {
    expect(rules(pkg({ 'background.js': 'eval(s)' }))).toEqual(['eval background.js']);
    expect(rules(pkg({ 'vendor/glue.mjs': 'export const run = () => 1;' }))).toEqual([
      'stale-allowance vendor/glue.mjs',
    ]);
  });

  it('fails on WebAssembly that is not the documented one, and on code that does not parse', () => {
    expect(rules(pkg({ 'extra.wasm': new Uint8Array([0, 97, 115, 109]) }))).toEqual(['wasm extra.wasm']);
    expect(rules(pkg({ 'broken.js': 'function (' }))).toEqual(['unparsable broken.js']);
  });

  it.each<[string, object]>([
    ['a looser CSP', { content_security_policy: { extension_pages: `${CSP}; script-src 'unsafe-eval'` } }],
    ['a second CSP key', { content_security_policy: { extension_pages: CSP, sandbox: 'sandbox allow-scripts' } }],
    ['an undocumented permission', { permissions: ['storage', 'alarms', 'tabs'] }],
    ['a missing permission', { permissions: ['storage'] }],
    ['wider host access', { host_permissions: [...PROBLEMS, '<all_urls>'] }],
    ['optional permissions', { optional_permissions: ['tabs'] }],
    ['web-accessible resources', { web_accessible_resources: [{ resources: ['x.js'], matches: ['<all_urls>'] }] }],
    [
      'a content script outside the hosts',
      { content_scripts: [{ matches: ['https://other.example/*'], js: ['c.js'] }] },
    ],
    [
      'another data-collection answer',
      { browser_specific_settings: { gecko: { data_collection_permissions: { required: ['browsingActivity'] } } } },
    ],
  ])('fails on %s in the manifest', (_what, change) => {
    expect(rules(pkg({}, { ...MANIFEST, ...change }))).toEqual(['manifest manifest.json']);
  });
});

describe('web-ext lint with the listed-add-on rules', () => {
  const report = (warnings: AddonLintReport['warnings'], errors: AddonLintReport['errors'] = []): AddonLintReport => ({
    summary: { errors: errors.length, warnings: warnings.length, notices: 0 },
    errors,
    warnings,
    notices: [],
  });
  const notes = 'Warnings in `vendor/glue.mjs`: its Emscripten eval.';
  const evalIn = (file: string) => ({ code: 'DANGEROUS_EVAL', message: 'eval can be harmful.', file });

  it('passes with warnings only in vendored files the notes explain', () => {
    expect(addonLintFindings(report([evalIn('vendor/glue.mjs')]), POLICY.vendored, notes)).toEqual([]);
  });

  it('fails on any error, on a warning in our bundles, and on a vendored warning the notes do not explain', () => {
    const found = addonLintFindings(
      report(
        [evalIn('chunks/ui.js'), evalIn('vendor/loader.mjs')],
        [{ code: 'MANIFEST_FIELD_INVALID', message: 'bad', file: 'manifest.json' }],
      ),
      POLICY.vendored,
      notes,
    );
    expect(found.map((f) => f.file)).toEqual(['manifest.json', 'chunks/ui.js', 'vendor/loader.mjs']);
  });
});

describe('zip entries', () => {
  it('reads back what was zipped, directories left out', () => {
    const entries = zipEntries(zipOf({ 'a.txt': 'alpha', 'dir/b.py': 'print("b")' }));
    expect(entries.map((e) => [e.path, e.bytes.toString()])).toEqual([
      ['a.txt', 'alpha'],
      ['dir/b.py', 'print("b")'],
    ]);
    expect(() => zipEntries(Buffer.from('not a zip'))).toThrow(/not a zip/);
  });
});
