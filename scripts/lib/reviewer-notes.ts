/**
 * The parts of store/REVIEWER-NOTES.md that state facts of the build, written from the build itself: the CSP,
 * the permissions with their justifications, and the shipped Pyodide files with their sha256. Each lives
 * between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`; `npm run store -- --text` rewrites them and
 * `npm run check:store` fails when they no longer match the package.
 */
import { createHash } from 'node:crypto';
import prettier from 'prettier';

export interface VendoredFile {
  path: string;
  bytes: Uint8Array;
  /** The same file in the npm package, when there is one to compare with. */
  upstream?: Uint8Array;
}

export interface NotesFacts {
  csp: string;
  permissions: Record<string, { browsers: readonly string[]; why: string }>;
  hostPermissions: readonly string[];
  hostWhy: string;
  vendored: readonly VendoredFile[];
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function generatedBlocks(facts: NotesFacts): Record<string, string> {
  const rows = facts.vendored.map((file) => {
    const hash = sha256(file.bytes);
    const upstream = !file.upstream
      ? 'not in the npm package'
      : sha256(file.upstream) === hash
        ? 'identical'
        : `changed at build time (npm file: ${sha256(file.upstream)})`;
    return `| \`${file.path}\` | ${file.bytes.length} | ${hash} | ${upstream} |`;
  });
  const permissions = Object.entries(facts.permissions).map(
    ([name, p]) =>
      `- \`${name}\`${p.browsers.length === 1 ? ` (${p.browsers[0] === 'chrome' ? 'Chrome' : 'Firefox'} only)` : ''}: ${p.why}`,
  );
  return {
    checksums: [
      "| shipped file | bytes | sha256 of the shipped file | the npm package's file |",
      '| --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
    csp: ['```', facts.csp, '```'].join('\n'),
    permissions: [
      ...permissions,
      `- Host permissions, ${facts.hostPermissions.map((h) => `\`${h}\``).join(', ')}: ${facts.hostWhy}`,
    ].join('\n'),
  };
}

/** `notes` with every generated block replaced; throws when a block's markers are missing. */
export function fillGenerated(notes: string, blocks: Record<string, string>): string {
  let text = notes;
  for (const [name, body] of Object.entries(blocks)) {
    const pattern = new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!pattern.test(text)) throw new Error(`store/REVIEWER-NOTES.md has no <!-- generated:${name} --> block`);
    text = text.replace(pattern, (_all, open: string, close: string) => `${open}\n${body}\n\n${close}`);
  }
  return text;
}

/** `notes` with its generated blocks filled in, formatted as `npm run format` would leave the file. */
export async function currentNotes(notes: string, blocks: Record<string, string>, path: string): Promise<string> {
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(fillGenerated(notes, blocks), { ...options, filepath: path });
}
