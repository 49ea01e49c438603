import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPython, type LintFinding } from '@/utils/lint';
import { generateLintBenchmarkSource } from '../../scripts/lib/bench-source';

const FIXTURES = join(__dirname, '../fixtures/lint');
const sources = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.py'))
  .map((name) => readFileSync(join(FIXTURES, name), 'utf8'));

/** Small deterministic PRNG (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectWellFormed(findings: LintFinding[], source: string) {
  const lineCount = source.split(/\r\n|\r|\n/).length;
  for (const f of findings) {
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.endLine).toBeLessThanOrEqual(lineCount);
    expect(f.col).toBeGreaterThanOrEqual(1);
  }
}

describe('linting code that is being typed', () => {
  it('never throws on any line-prefix of the fixtures', () => {
    for (const source of sources) {
      const lines = source.split('\n');
      for (let n = 0; n <= lines.length; n++) {
        const prefix = lines.slice(0, n).join('\n');
        expectWellFormed(lintPython(prefix), prefix);
      }
    }
  });

  it('never throws when characters are cut out or pasted in', () => {
    const next = random(20240601);
    const noise = ['(', ')', ':', '\n', '    ', 'await ', 'async ', '"', "'''", '#', '\\', ',', '=', '@'];
    for (const source of sources) {
      for (let round = 0; round < 25; round++) {
        const at = Math.floor(next() * source.length);
        const cut = source.slice(0, at) + source.slice(at + 1 + Math.floor(next() * 12));
        const pasted = source.slice(0, at) + noise[Math.floor(next() * noise.length)] + source.slice(at);
        expectWellFormed(lintPython(cut), cut);
        expectWellFormed(lintPython(pasted), pasted);
      }
    }
  });

  it('handles empty, odd and deeply nested input', () => {
    expect(lintPython('')).toEqual([]);
    expect(lintPython('# only a comment')).toEqual([]);
    expect(lintPython('\u0000\uffff\ud800 garbage ))) :::')).toEqual(expect.any(Array));
    const nested = (depth: number) =>
      `import time\nasync def f():\n    x = ${'('.repeat(depth)}time.sleep(1)${')'.repeat(depth)}\n`;
    expect(lintPython(nested(1000)).map((f) => f.rule)).toEqual(['blocking-sleep']);
    // Past its depth limit the parser gives up with error nodes; the linter must still not throw.
    expect(lintPython(nested(5000))).toEqual(expect.any(Array));
    const nestedDefs = Array.from({ length: 200 }, (_, i) => `${'    '.repeat(i)}async def f${i}():`).join('\n');
    expect(lintPython(`${nestedDefs}\n${'    '.repeat(200)}pass\n`)).toEqual([]);
  });

  it('reports nothing structural from broken statements', () => {
    const source = [
      'import asyncio, time',
      'async def f(:',
      '    time.sleep(1)',
      'async def g():',
      '    while not done',
      '        await asyncio.sleep(1)',
      'def h():',
      '    await',
      '',
    ].join('\n');
    expect(lintPython(source)).toEqual([]);
  });
});

describe('benchmark source', () => {
  it('is a realistic file of the requested length that lints without throwing', () => {
    const source = generateLintBenchmarkSource(300);
    expect(source.split('\n')).toHaveLength(300);
    const rules = new Set(lintPython(source).map((f) => f.rule));
    expect(rules.size).toBeGreaterThanOrEqual(5);
    expect(generateLintBenchmarkSource(120).split('\n')).toHaveLength(120);
  });
});
