/**
 * What a store reviewer's scanner looks for in a built package, as pure functions over the package's files
 * (scripts/check-store.ts reads them from .output/): no address of remote code anywhere, eval only where the
 * vendored Pyodide glue has it, no HTML-string setter in our own bundles, and a manifest that asks for
 * exactly the documented permissions and CSP.
 */
import { parse, type AnyNode } from 'acorn';
import { zipEntries } from './zip-entries';

export interface PackageFile {
  /** Path inside the package, `/`-separated (`pyodide/pyodide.mjs`). */
  path: string;
  bytes: Uint8Array;
}

export interface StorePolicy {
  /** `content_security_policy.extension_pages`, exactly. */
  csp: string;
  permissions: readonly string[];
  hostPermissions: readonly string[];
  /** Firefox only: `browser_specific_settings.gecko.data_collection_permissions`. */
  dataCollection?: unknown;
  /** Files we ship as their authors built them (not our bundles): the HTML-setter rule does not apply. */
  vendored: readonly string[];
  /** Vendored files allowed to contain eval, each with the reason a reviewer will read. */
  evalAllowed: Readonly<Record<string, string>>;
  /** The only WebAssembly files allowed. */
  wasm: readonly string[];
}

export type Rule =
  | 'remote-code-url'
  | 'eval'
  | 'html-setter'
  | 'unparsable'
  | 'wasm'
  | 'stale-allowance'
  | 'manifest'
  | 'notes'
  | 'addon-lint';

export interface Finding {
  rule: Rule;
  file: string;
  detail: string;
}

/**
 * Hosts that serve code and packages. A URL on one of them is an address of code unless its path names a plain
 * document (`.json`, `.html`, `.md`, …): Pyodide's default index URL `https://cdn.jsdelivr.net/pyodide/v…/full/`
 * is a folder, and the loader fetches the interpreter and wheels from it.
 */
const CODE_HOSTS = [
  'cdn.jsdelivr.net',
  'fastly.jsdelivr.net',
  'unpkg.com',
  'cdnjs.cloudflare.com',
  'esm.sh',
  'esm.run',
  'cdn.skypack.dev',
  'ga.jspm.io',
  'jspm.dev',
  'cdn.pyodide.org',
  'files.pythonhosted.org',
  'raw.githubusercontent.com',
  'ajax.googleapis.com',
  'code.jquery.com',
  'deno.land',
];

/** Paths of scripts, modules, wasm, wheels, Python and archives. */
const CODE_PATH = /\.(?:[mc]?js|jsx|tsx?|wasm|whl|py[cw]?|egg|so|zip|tar|tgz|gz|bz2|xz|zst|7z|rar|jar)$/i;
const DOCUMENT_PATH = /\.(?:json|html?|md|txt|xml|svg|png|jpe?g|gif|webp|css)$/i;

const URL_IN_TEXT = /https?:\/\/[^\s"'`<>()\\]+/g;

/** A repository's page showing a file (`github.com/o/r/blob/…/x.py`) is HTML, not the file. */
const SOURCE_VIEWER = /^(?:www\.)?(?:github\.com|gitlab\.com)$/;

/**
 * Why `url` points at code (a reason), or null when it does not. `hostsOnly` applies only the code-host rule:
 * for the Python standard library inside python_stdlib.zip, whose comments cite `.py` files as references
 * (CPython's and Pyodide's own source, read only by the interpreter, in a worker without network access).
 */
export function remoteCodeReason(url: string, hostsOnly = false): string | null {
  const trimmed = url.replace(/[.,;:!?]+$/, '');
  const match = /^https?:\/\/([^/?#]*)([^?#]*)/i.exec(trimmed);
  if (!match) return null;
  const host = (match[1] ?? '').toLowerCase().replace(/:\d+$/, '');
  const path = match[2] ?? '';
  const onCodeHost = CODE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
  if (onCodeHost && !DOCUMENT_PATH.test(path)) return `an address on ${host}, which serves code`;
  if (hostsOnly || (SOURCE_VIEWER.test(host) && /^\/[^/]+\/[^/]+\/(?:blob|tree)\//.test(path))) return null;
  if (CODE_PATH.test(path)) return 'the address of a script, module, wasm, wheel or archive';
  return null;
}

/** Every URL in a text that points at code, with the reason. */
export function remoteCodeUrls(text: string, hostsOnly = false): { url: string; reason: string }[] {
  const found: { url: string; reason: string }[] = [];
  for (const [url] of text.matchAll(URL_IN_TEXT)) {
    const reason = remoteCodeReason(url, hostsOnly);
    if (reason) found.push({ url, reason });
  }
  return found;
}

function walk(node: AnyNode, visit: (node: AnyNode) => void): void {
  visit(node);
  for (const value of Object.values(node) as unknown[]) {
    if (Array.isArray(value)) {
      for (const child of value as unknown[]) if (isNode(child)) walk(child, visit);
    } else if (isNode(value)) walk(value, visit);
  }
}

/** Acorn's nodes are plain objects with a string `type`; its types list every kind (AnyNode). */
const isNode = (value: unknown): value is AnyNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** `x.name`, `x['name']` → name; anything else → undefined. */
function memberName(node: AnyNode): string | undefined {
  if (node.type !== 'MemberExpression') return undefined;
  const { property, computed } = node;
  if (!computed && property.type === 'Identifier') return property.name;
  if (computed && property.type === 'Literal' && typeof property.value === 'string') return property.value;
  return undefined;
}

const identifierName = (node: AnyNode): string | undefined => (node.type === 'Identifier' ? node.name : undefined);

/** `window.x`, `globalThis.x`, `self.x` …: the same function as a bare `x`. */
const onGlobal = (node: AnyNode): boolean =>
  node.type === 'MemberExpression' && node.object.type === 'Identifier' && GLOBALS.has(node.object.name);

const HTML_PROPERTIES = new Set(['innerHTML', 'outerHTML']);
const HTML_METHODS = new Set(['insertAdjacentHTML', 'setHTMLUnsafe', 'createContextualFragment']);
const GLOBALS = new Set(['window', 'self', 'globalThis', 'top', 'parent', 'frames']);

export interface CodeFindings {
  evals: string[];
  htmlSetters: string[];
}

/**
 * eval-like calls and HTML-string setters in JavaScript source, found in the parsed program rather than the
 * text: our bundled Python snippets contain the word `eval` in strings, and that is not code.
 */
export function codeFindings(source: string): CodeFindings {
  let program: AnyNode;
  try {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true });
  } catch {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true });
  }
  const evals: string[] = [];
  const htmlSetters: string[] = [];
  walk(program, (node) => {
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      const callee = node.callee;
      if (callee.type === 'Super') return;
      const name = identifierName(callee) ?? (onGlobal(callee) ? memberName(callee) : undefined);
      if (name === 'eval') evals.push('eval(…)');
      if (name === 'Function') evals.push(node.type === 'NewExpression' ? 'new Function(…)' : 'Function(…)');
      const first = node.arguments[0];
      if ((name === 'setTimeout' || name === 'setInterval') && first) {
        if ((first.type === 'Literal' && typeof first.value === 'string') || first.type === 'TemplateLiteral')
          evals.push(`${name}(string)`);
      }
      const method = memberName(callee);
      if (method && HTML_METHODS.has(method)) htmlSetters.push(`${method}(…)`);
      if (
        (method === 'write' || method === 'writeln') &&
        callee.type === 'MemberExpression' &&
        callee.object.type === 'Identifier' &&
        callee.object.name === 'document'
      )
        htmlSetters.push(`document.${method}(…)`);
    }
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression') {
      const name = memberName(node.left);
      if (name && HTML_PROPERTIES.has(name)) htmlSetters.push(`${name} = …`);
    }
  });
  return { evals, htmlSetters };
}

const isScript = (path: string) => /\.(?:m?js|cjs)$/i.test(path);

/** Binary files are read as Latin-1 so every URL in them is still a run of ASCII characters. */
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** Files the policy names that the package does not have, or that no longer need what the policy allows. */
function staleAllowances(files: readonly PackageFile[], policy: StorePolicy, evalFiles: Set<string>): Finding[] {
  const paths = new Set(files.map((f) => f.path));
  const findings: Finding[] = [];
  for (const path of Object.keys(policy.evalAllowed)) {
    if (!paths.has(path))
      findings.push({ rule: 'stale-allowance', file: path, detail: 'allowed eval, but not shipped' });
    else if (!evalFiles.has(path))
      findings.push({ rule: 'stale-allowance', file: path, detail: 'allowed eval, but has none: drop the allowance' });
  }
  for (const path of policy.wasm)
    if (!paths.has(path))
      findings.push({ rule: 'stale-allowance', file: path, detail: 'allowed wasm, but not shipped' });
  return findings;
}

/** Every rule over every file of one package (the manifest included). */
export function scanPackage(files: readonly PackageFile[], policy: StorePolicy): Finding[] {
  const findings: Finding[] = [];
  const evalFiles = new Set<string>();
  for (const file of files) {
    const urlTexts = file.path.endsWith('.zip')
      ? zipEntries(Buffer.from(file.bytes)).map((entry) => ({
          where: `${file.path}!${entry.path}`,
          body: text(entry.bytes),
          hostsOnly: true,
        }))
      : [{ where: file.path, body: text(file.bytes), hostsOnly: false }];
    for (const { where, body, hostsOnly } of urlTexts)
      for (const { url, reason } of remoteCodeUrls(body, hostsOnly))
        findings.push({ rule: 'remote-code-url', file: where, detail: `${url}: ${reason}` });

    if (file.path.endsWith('.wasm') && !policy.wasm.includes(file.path))
      findings.push({ rule: 'wasm', file: file.path, detail: 'WebAssembly that is not the documented Pyodide binary' });

    if (!isScript(file.path)) continue;
    let found: CodeFindings;
    try {
      found = codeFindings(Buffer.from(file.bytes).toString('utf8'));
    } catch (error) {
      findings.push({ rule: 'unparsable', file: file.path, detail: (error as Error).message });
      continue;
    }
    if (found.evals.length) evalFiles.add(file.path);
    if (!(file.path in policy.evalAllowed))
      for (const call of new Set(found.evals)) findings.push({ rule: 'eval', file: file.path, detail: call });
    if (!policy.vendored.includes(file.path))
      for (const setter of new Set(found.htmlSetters))
        findings.push({ rule: 'html-setter', file: file.path, detail: setter });
  }
  const manifest = files.find((f) => f.path === 'manifest.json');
  if (!manifest) findings.push({ rule: 'manifest', file: 'manifest.json', detail: 'missing' });
  else
    findings.push(
      ...manifestFindings(JSON.parse(Buffer.from(manifest.bytes).toString('utf8')) as Record<string, unknown>, policy),
    );
  findings.push(...staleAllowances(files, policy, evalFiles));
  return findings;
}

function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
  const x = [...new Set(a.map(String))].sort();
  const y = [...new Set(b.map(String))].sort();
  return x.length === a.length && JSON.stringify(x) === JSON.stringify(y);
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

/** The manifest asks for exactly what the policy documents, and nothing that widens it. */
export function manifestFindings(manifest: Record<string, unknown>, policy: StorePolicy): Finding[] {
  const findings: Finding[] = [];
  const say = (detail: string) => findings.push({ rule: 'manifest', file: 'manifest.json', detail });
  const csp = manifest.content_security_policy as Record<string, unknown> | undefined;
  if (!csp || JSON.stringify(Object.keys(csp)) !== '["extension_pages"]' || csp.extension_pages !== policy.csp)
    say(`content_security_policy is ${JSON.stringify(csp)}, documented {"extension_pages":"${policy.csp}"}`);
  const permissions = list(manifest.permissions);
  if (!sameSet(permissions, policy.permissions))
    say(`permissions are [${permissions.join(', ')}], documented [${policy.permissions.join(', ')}]`);
  const hosts = list(manifest.host_permissions);
  if (!sameSet(hosts, policy.hostPermissions))
    say(`host_permissions are [${hosts.join(', ')}], documented [${policy.hostPermissions.join(', ')}]`);
  for (const key of ['optional_permissions', 'optional_host_permissions', 'web_accessible_resources'])
    if (list(manifest[key]).length) say(`${key} should be absent, is ${JSON.stringify(manifest[key])}`);
  if (manifest.externally_connectable) say('externally_connectable should be absent');
  const scripts = list(manifest.content_scripts) as { matches?: unknown }[];
  for (const pattern of scripts.flatMap((s) => list(s.matches)))
    if (!policy.hostPermissions.includes(String(pattern)))
      say(`content script matches ${String(pattern)}, which is not a documented host permission`);
  if (policy.dataCollection !== undefined) {
    const gecko = (manifest.browser_specific_settings as { gecko?: { data_collection_permissions?: unknown } })?.gecko;
    const declared = gecko?.data_collection_permissions;
    if (JSON.stringify(declared) !== JSON.stringify(policy.dataCollection))
      say(
        `data_collection_permissions is ${JSON.stringify(declared)}, the policy says ${JSON.stringify(policy.dataCollection)}`,
      );
  }
  return findings;
}

/** One line per finding, grouped by rule, for the terminal. */
export function formatFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `  ${f.rule.padEnd(16)} ${f.file}: ${f.detail}`).join('\n');
}

/** The parts of `web-ext lint --output json` this check reads. */
export interface AddonLintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: AddonLintMessage[];
  warnings: AddonLintMessage[];
  notices: AddonLintMessage[];
}

export interface AddonLintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

/**
 * AMO's linter with the listed-add-on rules: no errors, and warnings only in files the reviewer notes explain
 * (each allowed file must be named in the notes). Returns what is wrong, empty when it passes.
 */
export function addonLintFindings(report: AddonLintReport, allowed: readonly string[], notes: string): Finding[] {
  const findings: Finding[] = [];
  for (const error of report.errors)
    findings.push({
      rule: 'addon-lint',
      file: error.file ?? '(package)',
      detail: `error ${error.code}: ${error.message}`,
    });
  for (const warning of report.warnings) {
    const file = warning.file ?? '(package)';
    if (!allowed.includes(file))
      findings.push({
        rule: 'addon-lint',
        file,
        detail: `warning ${warning.code} outside the vendored files: ${warning.message}`,
      });
    else if (!notes.includes(`\`${file}\``))
      findings.push({
        rule: 'addon-lint',
        file,
        detail: `warning ${warning.code} not explained in the reviewer notes`,
      });
  }
  return findings;
}

/** "pyodide/pyodide.asm.mjs: 6 DANGEROUS_EVAL, 3 UNSAFE_VAR_ASSIGNMENT" per file, for the report. */
export function addonLintSummary(report: AddonLintReport): string {
  const byFile = new Map<string, Map<string, number>>();
  for (const [kind, messages] of [
    ['error', report.errors],
    ['warning', report.warnings],
    ['notice', report.notices],
  ] as const)
    for (const m of messages) {
      const codes = byFile.get(m.file ?? '(package)') ?? new Map<string, number>();
      const key = `${kind} ${m.code}`;
      codes.set(key, (codes.get(key) ?? 0) + 1);
      byFile.set(m.file ?? '(package)', codes);
    }
  const lines = [...byFile].map(
    ([file, codes]) => `  ${file}: ${[...codes].map(([code, n]) => `${n} ${code}`).join(', ')}`,
  );
  const { errors, warnings, notices } = report.summary;
  return [`${errors} errors, ${warnings} warnings, ${notices} notices`, ...lines].join('\n');
}
