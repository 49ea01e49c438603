/** The solutions every practice suite is checked against: its reference, and the wrong ones in fixtures. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PracticeProblem } from '../../utils/knowledge-types';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'practice');

/** The reference solution: the first runnable snippet of ## Solution. */
export function referenceSolution(p: PracticeProblem): string {
  for (const block of p.solution)
    if (block.k === 'snippet' && p.snippets[block.i]!.runnable) return p.snippets[block.i]!.code;
  throw new Error(`${p.id}: no runnable snippet in ## Solution`);
}

export function wrongSolutions(id: string): { name: string; code: string }[] {
  const dir = join(FIXTURES, id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.py'))
    .sort()
    .map((name) => ({ name, code: readFileSync(join(dir, name), 'utf8') }));
}
