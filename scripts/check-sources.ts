/**
 * `npm run check:sources`: the reviewer's path for the Firefox sources archive, in full. Runs
 * `npm run zip:firefox`, unzips the sources archive into an empty temporary folder, runs `npm ci` there (from
 * npm's local cache: `--offline`), `npm run build:firefox`, and compares every file with the uploaded package.
 * About two minutes on two cores, so `npm test` runs the cheaper tests/unit/store-sources.cli.test.ts instead,
 * which links the existing node_modules rather than installing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { filesUnder, packageDifferences, rebuildFromSources, zipFiles } from './lib/sources-rebuild';

const started = performance.now();
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const zipped = spawnSync('npm', ['run', 'zip:firefox'], { stdio: 'inherit' });
if (zipped.status !== 0) process.exit(zipped.status ?? 1);

const sources = `.output/awaitwise-${version}-sources.zip`;
const uploaded = `.output/awaitwise-${version}-firefox.zip`;
const built = rebuildFromSources(sources, { install: { kind: 'ci' } });
const differences = packageDifferences(zipFiles(uploaded), filesUnder(built));
const seconds = ((performance.now() - started) / 1000).toFixed(0);
if (differences.length) {
  console.log(`✗ the package rebuilt from ${sources} differs from ${uploaded}:\n  ${differences.join('\n  ')}`);
  console.log(`(rebuild left in ${dirname(dirname(built))})`);
  process.exit(1);
}
rmSync(dirname(dirname(built)), { recursive: true, force: true });
console.log(
  `✓ ${sources}: npm ci + npm run build:firefox rebuilt every file of ${uploaded} byte for byte (${seconds} s)`,
);
