/** What a build folder given to `--peers` is: an unpacked MV3 extension, named as its manifest names it. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Candidate } from './bench-peers-report';

export interface Manifest {
  name?: string;
  version?: string;
  default_locale?: string;
  manifest_version?: number;
  action?: { default_popup?: string };
  side_panel?: { default_path?: string };
  background?: { service_worker?: string };
}

/** The manifest of an unpacked MV3 build; throws a sentence saying why DIR is not one. */
export function readManifest(dir: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${dir} has no manifest.json (give the folder of an unpacked build)`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  if (manifest.manifest_version !== 3) throw new Error(`${dir} is not a Manifest V3 build`);
  return manifest;
}

/** The extension's display name, a `__MSG_key__` name read from its default locale. */
function displayName(dir: string, manifest: Manifest): string {
  const name = manifest.name ?? basename(dir);
  const key = /^__MSG_(\w+)__$/.exec(name)?.[1];
  if (!key || !manifest.default_locale) return name;
  const file = join(dir, '_locales', manifest.default_locale, 'messages.json');
  if (!existsSync(file)) return name;
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message?: string }>;
  const found = Object.entries(messages).find(([k]) => k.toLowerCase() === key.toLowerCase());
  return found?.[1].message ?? name;
}

export function candidatesOf(ours: string, peers: readonly string[]): Candidate[] {
  const list = [ours, ...peers].map((dir, i) => {
    const manifest = readManifest(dir);
    return { name: displayName(dir, manifest), ours: i === 0, dir: resolve(dir), version: manifest.version ?? '?' };
  });
  // Two builds of one extension still get a column each.
  return list.map((c, i) =>
    list.some((o, j) => j !== i && o.name === c.name) ? { ...c, name: `${c.name} #${i}` } : c,
  );
}

/** Why the `--peers` folders cannot be measured, or null when each is an unpacked MV3 build. */
export function peerDirsProblem(dirs: readonly string[]): string | null {
  if (dirs.length === 0) return 'name at least one built extension folder';
  for (const dir of dirs) {
    try {
      readManifest(dir);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
  return null;
}
