import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LINT_REFS, LINT_RULE_META, LINT_RULES, lintPython } from '@/utils/lint';
import { parseExpectations, scoreFixtures, type FixtureResult } from '../support/fixture-score';

const FIXTURES = join(__dirname, '../fixtures/lint');
const fixtureNames = readdirSync(FIXTURES).filter((name) => name.endsWith('.py'));
const linted = fixtureNames.map((name) => {
  const source = readFileSync(join(FIXTURES, name), 'utf8');
  return {
    name,
    expectations: parseExpectations(source),
    findings: lintPython(source),
  };
});
const results: FixtureResult[] = linted;
const ruleIds = LINT_RULES.map((rule) => rule.id);
const conceptIds = new Set(
  (parse(readFileSync(join(__dirname, '../../data/concepts.yaml'), 'utf8')) as { id: string }[]).map((c) => c.id),
);

describe('rule registry', () => {
  it('gives every rule a unique kebab-case id, a message, a description, a concept and a card', () => {
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const rule of LINT_RULE_META) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.message.length, rule.id).toBeGreaterThan(20);
      expect(rule.message, rule.id).not.toContain('\n');
      expect(rule.description.length, rule.id).toBeGreaterThan(20);
      expect(conceptIds, `${rule.id} concept ${rule.concept}`).toContain(rule.concept);
      expect(rule.card).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
    }
  });

  it('links every rule to a question card that exists', () => {
    for (const rule of LINT_RULE_META) {
      expect(existsSync(join(__dirname, '../../data/questions', `${rule.card}.md`)), rule.card).toBe(true);
    }
  });

  it('maps ids to ruff / flake8-async codes', () => {
    expect(Object.keys(LINT_REFS).sort()).toEqual([...ruleIds].sort());
    for (const ref of Object.values(LINT_REFS)) if (ref) expect(ref).toMatch(/^(ASYNC\d{3}|RUF\d{3}|PLE\d{4})$/);
    expect(LINT_REFS['blocking-sleep']).toBe('ASYNC251');
    expect(LINT_REFS['dangling-task']).toBe('RUF006');
    expect(LINT_REFS['never-awaited']).toBeUndefined();
  });

  it('has every rule marked in at least one fixture, and only known rules marked', () => {
    const marked = new Set(results.flatMap((r) => r.expectations.map((e) => e.rule)));
    expect([...marked].filter((rule) => !ruleIds.includes(rule))).toEqual([]);
    expect(ruleIds.filter((rule) => !marked.has(rule))).toEqual([]);
  });
});

describe('fixtures', () => {
  it.each(results.map((r) => [r.name, r] as const))('%s: reports exactly the marked findings', (_name, result) => {
    const { missed, unexpected } = scoreFixtures([result], ruleIds);
    expect({ missed, unexpected }).toEqual({ missed: [], unexpected: [] });
  });

  it('scores precision and recall of 1 for every rule', () => {
    const { rules } = scoreFixtures(results, ruleIds);
    for (const score of rules) {
      expect(score.expected, score.rule).toBeGreaterThan(0);
      expect([score.rule, score.precision, score.recall]).toEqual([score.rule, 1, 1]);
    }
  });

  it('finds nothing in correct code', () => {
    expect(lintPython(readFileSync(join(FIXTURES, 'clean.py'), 'utf8'))).toEqual([]);
  });

  it('fills findings from the rule registry, 1-based and without duplicates', () => {
    const meta = new Map(LINT_RULE_META.map((rule) => [rule.id, rule]));
    for (const { findings } of linted) {
      for (const finding of findings) {
        const rule = meta.get(finding.rule)!;
        expect(finding).toMatchObject({
          severity: rule.severity,
          concept: rule.concept,
          card: rule.card,
        });
        expect(finding.ref).toBe(rule.ref);
        expect(finding.line).toBeGreaterThanOrEqual(1);
        expect(finding.col).toBeGreaterThanOrEqual(1);
        expect([finding.endLine, finding.endCol]).not.toEqual([finding.line, finding.col]);
        expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
        expect(finding.message).not.toContain('\n');
      }
      const keys = findings.map((f) => `${f.line}:${f.col}:${f.rule}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe('lintPython', () => {
  const sample = ['import time', '', 'async def f():', '    x = 1; time.sleep(x)', ''].join('\n');

  it('reports 1-based positions of the call', () => {
    const [finding] = lintPython(sample);
    expect(finding).toMatchObject({
      line: 4,
      col: 12,
      endLine: 4,
      endCol: 22,
      rule: 'blocking-sleep',
    });
    expect(finding?.message).toContain('time.sleep');
  });

  it('counts lines the same with CRLF and CR line ends', () => {
    const lf = lintPython(sample);
    expect(lintPython(sample.replace(/\n/g, '\r\n'))).toEqual(lf);
    expect(lintPython(sample.replace(/\n/g, '\r'))).toEqual(lf);
  });

  it('names the alias and the real function in the message', () => {
    const [finding] = lintPython('import requests as r\nasync def f():\n    r.get("u")\n');
    expect(finding?.message).toContain('`r.get()` (requests.get)');
  });

  it('accepts top-level await only when asked to (asyncio REPL, notebooks)', () => {
    const source = 'import asyncio\nawait asyncio.sleep(1)\ndef f():\n    await asyncio.sleep(1)\n';
    expect(lintPython(source).map((f) => [f.line, f.rule])).toEqual([
      [2, 'await-outside-async'],
      [4, 'await-outside-async'],
    ]);
    expect(lintPython(source, { allowTopLevelAwait: true }).map((f) => [f.line, f.rule])).toEqual([
      [4, 'await-outside-async'],
    ]);
  });

  it('highlights only the header of a busy-wait loop', () => {
    const [finding] = lintPython(
      'import asyncio\nasync def f():\n    while not done:\n        await asyncio.sleep(1)\n',
    );
    expect(finding).toMatchObject({
      rule: 'busy-wait',
      line: 3,
      col: 5,
      endLine: 3,
      endCol: 19,
    });
  });

  it('drops findings from a statement with a syntax error but keeps the rest of the function', () => {
    const source = 'import time\nasync def f():\n    time.sleep(1 +)\n    time.sleep(2)\n';
    expect(lintPython(source).map((f) => [f.line, f.rule])).toEqual([[4, 'blocking-sleep']]);
  });

  it('lists findings in source order', () => {
    const findings = lintPython(readFileSync(join(FIXTURES, 'interview_solutions.py'), 'utf8'));
    const order = findings.map((f) => f.line * 1e4 + f.col);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('fixture scoring', () => {
  it('reads expectations from comments only', () => {
    const source = 'x = "# expect: blocking-sleep"\ny = 1  # expect: busy-wait, dangling-task\n';
    expect(parseExpectations(source)).toEqual([
      { line: 2, rule: 'busy-wait' },
      { line: 2, rule: 'dangling-task' },
    ]);
  });

  it('counts true and false positives and negatives per rule', () => {
    const { rules, missed, unexpected } = scoreFixtures(
      [
        {
          name: 'a.py',
          expectations: [
            { line: 1, rule: 'r1' },
            { line: 2, rule: 'r1' },
            { line: 3, rule: 'r2' },
          ],
          findings: [
            { line: 1, rule: 'r1' },
            { line: 3, rule: 'r1' },
            { line: 3, rule: 'r2' },
            { line: 3, rule: 'r2' },
          ],
        },
      ],
      ['r1', 'r2', 'r3'],
    );
    expect(rules).toEqual([
      {
        rule: 'r1',
        expected: 2,
        reported: 2,
        truePositives: 1,
        falsePositives: 1,
        falseNegatives: 1,
        precision: 0.5,
        recall: 0.5,
      },
      {
        rule: 'r2',
        expected: 1,
        reported: 2,
        truePositives: 1,
        falsePositives: 1,
        falseNegatives: 0,
        precision: 0.5,
        recall: 1,
      },
      {
        rule: 'r3',
        expected: 0,
        reported: 0,
        truePositives: 0,
        falsePositives: 0,
        falseNegatives: 0,
        precision: 1,
        recall: 1,
      },
    ]);
    expect(missed).toEqual([{ fixture: 'a.py', line: 2, rule: 'r1' }]);
    expect(unexpected).toEqual([
      { fixture: 'a.py', line: 3, rule: 'r1' },
      { fixture: 'a.py', line: 3, rule: 'r2' },
    ]);
  });
});
