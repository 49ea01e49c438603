/**
 * Scores the linter against hand-marked fixtures: a finding is expected on a line carrying a
 * `# expect: rule-id[, rule-id...]` comment. Used by the tests and for the precision/recall report.
 */
import { parser } from '@lezer/python';
import { positionsIn } from '@/utils/lint/position';
import type { LintFinding } from '@/utils/lint/types';

export interface Expectation {
  line: number;
  rule: string;
}

const MARKER = 'expect:';

/** Reads the expectations from the comments of a fixture (found by the parser, so strings are not mistaken for them). */
export function parseExpectations(source: string): Expectation[] {
  const position = positionsIn(source);
  const expectations: Expectation[] = [];
  parser.parse(source).iterate({
    enter(node) {
      if (node.name !== 'Comment') return;
      const text = source.slice(node.from + 1, node.to).trim();
      if (!text.startsWith(MARKER)) return;
      const { line } = position(node.from);
      for (const rule of text.slice(MARKER.length).split(',')) {
        if (rule.trim()) expectations.push({ line, rule: rule.trim() });
      }
    },
  });
  return expectations;
}

export interface FixtureResult {
  name: string;
  expectations: Expectation[];
  findings: Pick<LintFinding, 'line' | 'rule'>[];
}

export interface RuleScore {
  rule: string;
  expected: number;
  reported: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** 1 when the rule reported nothing. */
  precision: number;
  /** 1 when nothing was expected. */
  recall: number;
}

export interface Mismatch {
  fixture: string;
  line: number;
  rule: string;
}

export interface FixtureScore {
  rules: RuleScore[];
  missed: Mismatch[];
  unexpected: Mismatch[];
}

/** Compares findings with expectations per (fixture, line, rule), counting repeats on one line. */
export function scoreFixtures(results: readonly FixtureResult[], ruleIds: readonly string[]): FixtureScore {
  const counts = new Map(ruleIds.map((rule) => [rule, { expected: 0, reported: 0, truePositives: 0 }]));
  const missed: Mismatch[] = [];
  const unexpected: Mismatch[] = [];
  for (const { name, expectations, findings } of results) {
    const tally = new Map<string, { line: number; rule: string; expected: number; reported: number }>();
    const entry = (line: number, rule: string) => {
      const key = `${line}\u0000${rule}`;
      const existing = tally.get(key) ?? {
        line,
        rule,
        expected: 0,
        reported: 0,
      };
      tally.set(key, existing);
      return existing;
    };
    expectations.forEach(({ line, rule }) => entry(line, rule).expected++);
    findings.forEach(({ line, rule }) => entry(line, rule).reported++);
    for (const { line, rule, expected, reported } of tally.values()) {
      const count = counts.get(rule) ?? {
        expected: 0,
        reported: 0,
        truePositives: 0,
      };
      counts.set(rule, count);
      count.expected += expected;
      count.reported += reported;
      count.truePositives += Math.min(expected, reported);
      for (let i = reported; i < expected; i++) missed.push({ fixture: name, line, rule });
      for (let i = expected; i < reported; i++) unexpected.push({ fixture: name, line, rule });
    }
  }
  const rules = [...counts].map(([rule, { expected, reported, truePositives }]) => ({
    rule,
    expected,
    reported,
    truePositives,
    falsePositives: reported - truePositives,
    falseNegatives: expected - truePositives,
    precision: reported === 0 ? 1 : truePositives / reported,
    recall: expected === 0 ? 1 : truePositives / expected,
  }));
  const byPlace = (x: Mismatch, y: Mismatch) =>
    x.fixture.localeCompare(y.fixture) || x.line - y.line || x.rule.localeCompare(y.rule);
  return {
    rules,
    missed: missed.sort(byPlace),
    unexpected: unexpected.sort(byPlace),
  };
}
