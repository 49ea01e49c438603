/**
 * Finds Debian's Chromium for the end-to-end tests, the demo and the benchmark (Playwright cannot
 * download its own browsers here). When it is missing and we are root with apt-get, installs it, saying so;
 * otherwise stops with one line naming the command.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

function canApt(): boolean {
  return process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;
}

export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (!canApt()) {
    console.error('Chromium not found. Install it with: sudo apt-get install -y chromium  (or set CHROMIUM_PATH)');
    process.exit(1);
  }
  console.error("Chromium not found: installing Debian's chromium (apt-get install -y chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  const installed = findChromium();
  if (!installed) {
    console.error(
      'apt-get finished but no chromium binary was found. Install it with: sudo apt-get install -y chromium',
    );
    process.exit(1);
  }
  return installed;
}

/** Flags that keep Chromium from reaching for the network on its own (the machine has none). */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
    '--disable-dev-shm-usage',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
  ];
}

export function chromiumVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}
