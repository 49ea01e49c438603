/**
 * Awaitwise's documented store policy, gathered from where each fact is decided: the CSP (wxt.config.ts), the
 * permissions and their justifications (store/listing.ts), the host permissions (the site registry), Firefox's
 * data-collection answer (the privacy text) and the vendored Pyodide files (modules/pyodide.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DATA_COLLECTION } from '../../components/privacy-text';
import { PYODIDE_FILES } from '../../modules/pyodide';
import { documentedPermissions, HOST_PERMISSIONS_WHY, PERMISSIONS, type StoreBrowser } from '../../store/listing';
import { SITES } from '../../utils/sites/registry';
import { EXTENSION_PAGES_CSP } from '../../wxt.config';
import type { NotesFacts } from './reviewer-notes';
import type { StorePolicy } from './store-scan';

export const NOTES_PATH = 'store/REVIEWER-NOTES.md';
export const PACKAGES: Record<StoreBrowser, string> = { chrome: '.output/chrome-mv3', firefox: '.output/firefox-mv3' };
export const VENDORED = PYODIDE_FILES.map((file) => `pyodide/${file}`);

/** Why the one vendored file with eval may keep it (the reviewer notes say the same at more length). */
export const EVAL_ALLOWED: Record<string, string> = {
  'pyodide/pyodide.asm.mjs':
    "Emscripten's glue: eval builds EM_ASM/EM_JS snippets of dynamically loaded libraries (none is loaded) and runs " +
    "emscripten_run_script (nothing calls it); the extension pages' CSP has no 'unsafe-eval', so it would be refused.",
};

export function policyFor(browser: StoreBrowser): StorePolicy {
  return {
    csp: EXTENSION_PAGES_CSP,
    permissions: documentedPermissions(browser),
    hostPermissions: SITES.flatMap((site) => site.matches),
    dataCollection: browser === 'firefox' ? DATA_COLLECTION : undefined,
    vendored: VENDORED,
    evalAllowed: EVAL_ALLOWED,
    wasm: ['pyodide/pyodide.asm.wasm'],
  };
}

const pyodideDir = () => dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'));

/** The facts the reviewer notes state, read from a built package (`dir`). */
export function notesFacts(dir: string): NotesFacts {
  const upstream = pyodideDir();
  return {
    csp: EXTENSION_PAGES_CSP,
    permissions: PERMISSIONS,
    hostPermissions: SITES.flatMap((site) => site.matches),
    hostWhy: HOST_PERMISSIONS_WHY,
    vendored: VENDORED.filter((path) => existsSync(join(dir, path))).map((path) => {
      const original = join(upstream, path.replace(/^pyodide\//, ''));
      return {
        path,
        bytes: readFileSync(join(dir, path)),
        upstream: existsSync(original) ? readFileSync(original) : undefined,
      };
    }),
  };
}
