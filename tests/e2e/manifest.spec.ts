/** The built packages: exactly the permissions we mean to ask for, no remote code, and the CSP we set. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse, type Node } from 'acorn';

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string';

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const value of Object.values(node) as unknown[]) {
    if (Array.isArray(value)) for (const child of value as unknown[]) if (isNode(child)) walk(child, visit);
    if (isNode(value)) walk(value, visit);
  }
}

/** The manifest fields these tests read. */
interface Manifest {
  permissions: string[];
  host_permissions: string[];
  optional_permissions?: string[];
  content_security_policy: Record<string, string>;
  content_scripts: { matches: string[]; js: string[]; world?: string }[];
  web_accessible_resources?: unknown[];
  browser_specific_settings?: { gecko: { id: string } };
  sidebar_action?: { default_panel: string };
  side_panel?: unknown;
}
const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

const PROBLEM_PAGES = [
  'https://exercism.org/tracks/*/exercises/*',
  'https://leetcode.cn/problems/*',
  'https://leetcode.com/problems/*',
  'https://neetcode.io/problems/*',
  'https://practice.geeksforgeeks.org/problems/*',
  'https://www.codewars.com/kata/*',
  'https://www.geeksforgeeks.org/problems/*',
  'https://www.hackerrank.com/challenges/*',
  'https://www.hackerrank.com/contests/*/challenges/*',
];

const EXPECTED: Record<string, { permissions: string[] }> = {
  // "scripting" injects the overlay into relevant problem pages only; it carries no install warning.
  'chrome-mv3': { permissions: ['alarms', 'scripting', 'sidePanel', 'storage'] },
  'firefox-mv3': { permissions: ['alarms', 'scripting', 'storage'] },
};

/**
 * Pyodide's files, copied unchanged from its npm package (modules/pyodide.ts). Its Emscripten loader holds
 * eval() for asm constants the build does not use; the CSP above forbids eval in every extension page.
 */
const PYODIDE_FILES = ['pyodide/pyodide.mjs', 'pyodide/pyodide.asm.mjs'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

for (const [target, expected] of Object.entries(EXPECTED)) {
  const dir = join('.output', target);
  test(`${target}: permissions and host access are exactly the expected set`, () => {
    const manifest = readManifest(dir);
    expect([...manifest.permissions].sort()).toEqual(expected.permissions);
    // Host access is exactly the content script's own problem pages, so the install warning does not grow.
    expect([...manifest.host_permissions].sort()).toEqual(PROBLEM_PAGES);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    // Only the extension pages' policy: every request to the extension's own files, wasm for the Python
    // worker, the editor's inline SVG images and style attributes; nothing loosened.
    expect(Object.keys(manifest.content_security_policy)).toEqual(['extension_pages']);
    expect(manifest.content_security_policy.extension_pages).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; img-src 'self' data:; " +
        "style-src 'self' 'unsafe-inline'",
    );
    // Only the per-site loaders are declared, one per site on its own pages; the overlay and the main-world
    // reader are injected on relevant pages only.
    const scripts = manifest.content_scripts;
    expect(scripts).toHaveLength(6);
    for (const script of scripts) {
      expect(script.js).toHaveLength(1);
      expect(script.js[0]).toMatch(
        /^(leetcode|hackerrank|codewars|geeksforgeeks|exercism|neetcode)-loader\.js$/,
      );
      expect(script.world).toBeUndefined();
    }
    const matches = scripts.flatMap((s) => s.matches);
    expect([...matches].sort()).toEqual(PROBLEM_PAGES);
    // Nothing a page can fetch to fingerprint the extension (and no pattern listed twice).
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    for (const list of [manifest.host_permissions, matches]) expect(new Set(list).size).toBe(list.length);
  });

  test(`${target}: no remote code and no eval in the package`, () => {
    const found: string[] = [];
    for (const path of files(dir)) {
      const text = readFileSync(path, 'utf8');
      if (path.endsWith('.html')) {
        if (/<script[^>]+src=["']https?:/i.test(text)) found.push(`${path}: remote script`);
      } else if (path.endsWith('.wasm')) {
        // The one WebAssembly file is Pyodide's own interpreter, as shipped in its npm package.
        if (relative(dir, path) !== 'pyodide/pyodide.asm.wasm') found.push(`${path}: unexpected wasm`);
      } else if (path.endsWith('.js') || (path.endsWith('.mjs') && !PYODIDE_FILES.includes(relative(dir, path)))) {
        // Parsed, not grepped: our bundled Python snippets legitimately contain the word eval in strings.
        const program = parse(text, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true });
        walk(program, (node) => {
          const callee = (node as { callee?: { type: string; name?: string } }).callee;
          if (node.type === 'CallExpression' && callee?.type === 'Identifier' && callee.name === 'eval')
            found.push(`${path}: eval()`);
          if (node.type === 'NewExpression' && callee?.type === 'Identifier' && callee.name === 'Function')
            found.push(`${path}: new Function()`);
          if (
            node.type === 'ImportExpression' ||
            (node.type === 'CallExpression' && callee?.type === 'Identifier' && callee.name === 'importScripts')
          ) {
            const arg =
              (node as { source?: { value?: unknown }; arguments?: { value?: unknown }[] }).source ??
              (node as { arguments?: { value?: unknown }[] }).arguments?.[0];
            if (typeof arg?.value === 'string' && /^https?:/.test(arg.value))
              found.push(`${path}: remote import ${arg.value}`);
          }
        });
      }
    }
    expect(found).toEqual([]);
  });
}

test('firefox-mv3 has a gecko id and a sidebar instead of a side panel', () => {
  const manifest = readManifest('.output/firefox-mv3');
  expect(manifest.browser_specific_settings?.gecko.id).toBe('awaitwise@awaitwise.dev');
  expect(manifest.sidebar_action?.default_panel).toBe('sidepanel.html');
  expect(manifest.side_panel).toBeUndefined();
});
