/**
 * What an AMO reviewer does with the sources archive: unzip it into an empty folder, install the locked
 * dependencies, build the Firefox package, and compare the files with the package that was uploaded.
 * Used by `npm run check:sources` (with `npm ci`) and by the sources test (with the worktree's node_modules
 * hard-linked in, which skips the slowest step).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { zipEntries } from './zip-entries';

/** Writes every file of a zip archive under `dir`. */
export function unzipTo(zip: string, dir: string): void {
  for (const entry of zipEntries(readFileSync(zip))) {
    const path = join(dir, ...entry.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, entry.bytes);
  }
}

/** Path → bytes of every file under `dir`. */
export function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path).split(sep).join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** What differs between the uploaded package and the rebuilt one: missing, extra and changed files. */
export function packageDifferences(uploaded: Map<string, Buffer>, rebuilt: Map<string, Buffer>): string[] {
  const differences: string[] = [];
  for (const [path, bytes] of uploaded) {
    const other = rebuilt.get(path);
    if (!other) differences.push(`${path}: not rebuilt`);
    else if (!bytes.equals(other)) differences.push(`${path}: rebuilt with different content`);
  }
  for (const path of rebuilt.keys()) if (!uploaded.has(path)) differences.push(`${path}: only in the rebuild`);
  return differences;
}

/**
 * The environment of a reviewer's shell: without a test runner's NODE_ENV=test (which makes Vite build Preact's
 * development branches, so the rebuild would differ for that reason alone) or its own variables.
 */
export function reviewerEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|MODE|TEST|VITEST.*)$/.test(name)),
  );
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: reviewerEnv() });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
}

/**
 * An installed node_modules inside `dir`, as `npm ci` would leave it, in a second: hard links to `from`'s files
 * (a copy where the file system cannot link). A symlink would not do: the bundler then sees the packages outside
 * the project and names chunks differently.
 */
export function linkNodeModules(from: string, dir: string): void {
  const to = join(dir, 'node_modules');
  if (spawnSync('cp', ['-al', from, to]).status !== 0) cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}

export interface RebuildOptions {
  /** `ci`: `npm ci --offline` from the lock file, as a reviewer would; `link`: use this node_modules folder. */
  install: { kind: 'ci' } | { kind: 'link'; nodeModules: string };
}

/** Unzips the sources into a new temporary folder, installs, builds Firefox; returns the built package's folder. */
export function rebuildFromSources(sourcesZip: string, options: RebuildOptions): string {
  const dir = mkdtempSync(join(tmpdir(), 'awaitwise-sources-'));
  unzipTo(sourcesZip, dir);
  if (options.install.kind === 'link') {
    linkNodeModules(options.install.nodeModules, dir);
    // What `npm ci` runs after installing (package.json "postinstall").
    run('npx', ['wxt', 'prepare'], dir);
  } else {
    run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], dir);
  }
  run('npm', ['run', 'build:firefox'], dir);
  return join(dir, '.output', 'firefox-mv3');
}

/** The package zip's files (as uploaded). */
export function zipFiles(zip: string): Map<string, Buffer> {
  return new Map(zipEntries(readFileSync(zip)).map((entry) => [entry.path, entry.bytes]));
}
