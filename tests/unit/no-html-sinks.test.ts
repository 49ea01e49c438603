/**
 * Page-derived text must never become markup. Our own code has no HTML sinks at all: snippets are
 * highlighted at build time into tokens rendered as elements, so not even our content needs one.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['entrypoints', 'components', 'utils'];
const SINKS =
  /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|createContextualFragment)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('HTML sinks', () => {
  const files = ROOTS.flatMap(sources);

  it('scans the extension source', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('%s writes no HTML strings into the DOM', (file) => {
    const offending = readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => ({ line: line.trim(), n: i + 1 }))
      .filter(({ line }) => SINKS.test(line) && !line.startsWith('//') && !line.startsWith('*'));
    expect(offending).toEqual([]);
  });
});
