/** Sizes of the built extension: every output file, and what each entrypoint loads, raw and gzip. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  /** Relative to the extension folder, with forward slashes. */
  path: string;
  raw: number;
  /** gzip -9 of the file on its own. */
  gzip: number;
}

export interface EntrySize {
  name: string;
  /** What loads it: 'content' (every matched problem page), 'background', 'page' (popup, side panel, options). */
  kind: 'content' | 'background' | 'page' | 'data';
  files: string[];
  raw: number;
  gzip: number;
}

export interface SizeReport {
  files: FileSize[];
  entries: EntrySize[];
}

interface Manifest {
  background?: { service_worker?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
}

function sizeOf(path: string): { raw: number; gzip: number } {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Static imports at the head of a Vite chunk (`import{a as b}from"./x.js";import"./y.js";`); lazy `import()` is not followed. */
function leadingImports(source: string): string[] {
  const found: string[] = [];
  const statement = /^\s*import\s*(?:[^"';]*?from\s*)?["']([^"']+)["'];?/;
  let rest = source;
  for (let match = statement.exec(rest); match; match = statement.exec(rest)) {
    found.push(match[1]!);
    rest = rest.slice(match[0].length);
  }
  return found;
}

/** Files an HTML page loads before it can render: its module script, preloaded chunks, stylesheets, and their static imports. */
function pageFiles(extensionDir: string, htmlFile: string): string[] {
  const html = readFileSync(join(extensionDir, htmlFile), 'utf8');
  const refs = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const ref = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!ref || /^[a-z]+:/i.test(ref)) continue;
    if (tag.startsWith('<link') && !/rel="(stylesheet|modulepreload)"/.test(tag)) continue;
    refs.add(posix.normalize(ref.replace(/^\//, '')));
  }
  const queue = [...refs].filter((f) => f.endsWith('.js'));
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const imported of leadingImports(readFileSync(join(extensionDir, file), 'utf8'))) {
      if (!imported.startsWith('.')) continue;
      const target = posix.join(posix.dirname(file), imported);
      if (!refs.has(target)) {
        refs.add(target);
        queue.push(target);
      }
    }
  }
  return [htmlFile, ...[...refs].sort()];
}

export function measureSizes(extensionDir: string, dataFile: string): SizeReport {
  const files = walk(extensionDir)
    .map((path) => ({ path: relative(extensionDir, path).split('\\').join('/'), ...sizeOf(path) }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const byPath = new Map(files.map((f) => [f.path, f]));
  const entry = (name: string, kind: EntrySize['kind'], paths: string[]): EntrySize => {
    const sized = paths.map((p) => {
      const file = byPath.get(p);
      if (!file) throw new Error(`${name} loads ${p}, which is not in ${extensionDir}`);
      return file;
    });
    return {
      name,
      kind,
      files: paths,
      raw: sized.reduce((sum, f) => sum + f.raw, 0),
      gzip: sized.reduce((sum, f) => sum + f.gzip, 0),
    };
  };

  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Manifest;
  const entries: EntrySize[] = [];
  const contentJs = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))];
  const contentCss = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.css ?? []))];
  for (const js of contentJs) entries.push(entry(js, 'content', [js]));
  // A problem page gets its own site's loader only: the budget applies to the largest of them.
  const largest = contentJs.map((js) => entry(js, 'content', [js])).sort((a, b) => b.gzip - a.gzip)[0];
  if (largest)
    entries.push({
      ...largest,
      name: `content scripts, all injected on a problem page before a detection (largest loader: ${largest.files[0]})`,
    });
  // Scripts the background injects (scripting.executeScript) into a related page only when its badge is opened.
  const onDemand = files
    .filter((f) => f.path.startsWith('content-scripts/') && f.path.endsWith('.js') && !contentJs.includes(f.path))
    .map((f) => f.path);
  for (const js of onDemand) entries.push(entry(`${js} (on opening the badge only)`, 'content', [js]));
  for (const css of contentCss) entries.push(entry(css, 'content', [css]));
  // CSS that WXT injects into the overlay's shadow root only once the overlay shows ("ui" injection mode).
  for (const css of files.filter((f) => f.path.startsWith('content-scripts/') && f.path.endsWith('.css'))) {
    if (!contentCss.includes(css.path)) entries.push(entry(`${css.path} (overlay only)`, 'content', [css.path]));
  }
  const worker = manifest.background?.service_worker;
  if (worker) entries.push(entry(worker, 'background', [worker]));
  for (const html of files.filter((f) => !f.path.includes('/') && f.path.endsWith('.html'))) {
    entries.push(entry(html.path, 'page', pageFiles(extensionDir, html.path)));
  }
  // The knowledge base as the pages load it: the catalogue first, each item on its own (data/generated/).
  const generated = dirname(dataFile);
  const catalogue = join(generated, 'catalogue.ts');
  entries.push({ name: 'knowledge: catalogue (every view)', kind: 'data', files: [catalogue], ...sizeOf(catalogue) });
  const items = walk(join(generated, 'items'));
  const itemSizes = items.map((item) => sizeOf(item));
  entries.push({
    name: `knowledge: ${items.length} items (each loaded by the view that shows it)`,
    kind: 'data',
    files: items,
    raw: itemSizes.reduce((n, x) => n + x.raw, 0),
    gzip: itemSizes.reduce((n, x) => n + x.gzip, 0),
  });
  return { files, entries };
}
