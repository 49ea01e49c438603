/**
 * `npm run check:store`: scans the built Chrome and Firefox packages (.output/chrome-mv3, .output/firefox-mv3) the
 * way store reviewers do (scripts/lib/store-scan.ts): no address of remote code anywhere, eval only in the
 * vendored Pyodide glue, no HTML-string setter in our bundles, the documented CSP and permissions, and the reviewer
 * notes' checksums matching the shipped Pyodide files. Build both first (`npm run build && npm run build:firefox`).
 *
 * `--web-ext-lint`: runs `web-ext lint` on the Firefox package with AMO's listed-add-on rules and passes when it
 * has no errors and warns only in vendored files the reviewer notes explain.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { currentNotes, generatedBlocks } from './lib/reviewer-notes';
import { EVAL_ALLOWED, NOTES_PATH, notesFacts, PACKAGES, policyFor, VENDORED } from './lib/store-policy';
import {
  addonLintFindings,
  addonLintSummary,
  formatFindings,
  scanPackage,
  type AddonLintReport,
  type Finding,
  type PackageFile,
} from './lib/store-scan';

function packageFiles(dir: string): PackageFile[] {
  const walk = (at: string): string[] =>
    readdirSync(at).flatMap((name) => {
      const path = join(at, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(dir).map((path) => ({ path: relative(dir, path).split(sep).join('/'), bytes: readFileSync(path) }));
}

/** The reviewer notes' generated blocks (CSP, permissions, Pyodide checksums) still state this package's facts. */
async function notesFindings(dir: string): Promise<Finding[]> {
  const notes = readFileSync(NOTES_PATH, 'utf8');
  const current = await currentNotes(notes, generatedBlocks(notesFacts(dir)), NOTES_PATH);
  if (current === notes) return [];
  const stale = notes.split('\n').filter((line, i) => line !== current.split('\n')[i])[0] ?? '';
  return [
    {
      rule: 'notes',
      file: NOTES_PATH,
      detail: `out of date for ${dir} (first stale line: ${stale.slice(0, 100)}); run npm run store -- --text`,
    },
  ];
}

async function checkPackages(): Promise<boolean> {
  let ok = true;
  for (const [browser, dir] of Object.entries(PACKAGES) as [keyof typeof PACKAGES, string][]) {
    if (!existsSync(join(dir, 'manifest.json'))) {
      console.log(`✗ ${dir}: not built (npm run build${browser === 'firefox' ? ':firefox' : ''})`);
      ok = false;
      continue;
    }
    const files = packageFiles(dir);
    const findings = [...scanPackage(files, policyFor(browser)), ...(await notesFindings(dir))];
    const megabytes = files.reduce((n, f) => n + f.bytes.length, 0) / 1e6;
    const head = `${dir}: ${files.length} files, ${megabytes.toFixed(1)} MB`;
    if (findings.length === 0)
      console.log(
        `✓ ${head}: no remote code, eval only in ${Object.keys(EVAL_ALLOWED).join(', ')}, no HTML setters in our bundles, CSP, permissions and reviewer notes as documented`,
      );
    else
      console.log(
        `✗ ${head}: ${findings.length} finding${findings.length === 1 ? '' : 's'}\n${formatFindings(findings)}`,
      );
    ok &&= findings.length === 0;
  }
  return ok;
}

function checkAddonLint(): boolean {
  const dir = '.output/firefox-mv3';
  // Without --self-hosted: the rules addons.mozilla.org applies to a listed add-on.
  const result = spawnSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  let report: AddonLintReport;
  try {
    report = JSON.parse(result.stdout) as AddonLintReport;
  } catch {
    console.log(`✗ web-ext lint gave no JSON report (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    return false;
  }
  const findings = addonLintFindings(report, VENDORED, readFileSync(NOTES_PATH, 'utf8'));
  console.log(`web-ext lint ${dir}: ${addonLintSummary(report)}`);
  if (findings.length) console.log(`✗ ${findings.length} not allowed:\n${formatFindings(findings)}`);
  else console.log(`✓ no errors; warnings only in vendored Pyodide files, each explained in ${NOTES_PATH}`);
  return findings.length === 0;
}

const ok = process.argv.includes('--web-ext-lint') ? checkAddonLint() : await checkPackages();
process.exit(ok ? 0 : 1);
