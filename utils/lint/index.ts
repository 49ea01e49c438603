/**
 * An asyncio linter for the Python in the page's editor, built on the @lezer/python parser (which never
 * throws: broken code yields error nodes, and findings that depend on them are dropped).
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import { Analysis } from './analysis';
import type { Scope } from './scope';
import { LINT_RULES } from './registry';
import type { Report } from './rule';
import { positionsIn } from './position';
import { statementSpan } from './syntax';
import type { LintFinding, LintOptions } from './types';

export type { LintFinding, LintOptions, LintRuleMeta, LintSeverity } from './types';
export { LINT_REFS, LINT_RULES, LINT_RULE_META } from './registry';

export function lintPython(source: string, options: LintOptions = {}): LintFinding[] {
  const steps = lintSteps(source, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The linter as small steps (a piece of parsing, the analysis, one rule), so a page's main thread can run it
 * in idle slices (utils/idle-slices.ts) instead of one long task. Same result as lintPython.
 */
export function* lintSteps(source: string, options: LintOptions = {}): Generator<void, LintFinding[]> {
  try {
    return yield* lint(source, options);
  } catch (error) {
    // Source nested deeper than the parser's tree builder can recurse (30,000 brackets): nothing to say
    // about asyncio there, and the editor and the command line keep working.
    if (error instanceof RangeError) return [];
    throw error;
  }
}

function* lint(source: string, options: LintOptions): Generator<void, LintFinding[]> {
  const parse = parser.startParse(source);
  let tree: Tree | null = null;
  while (!(tree = parse.advance())) yield;
  yield;
  const analysis = new Analysis(source, tree, true);
  yield* analysis.build();
  const position = positionsIn(source);
  const findings = new Map<string, LintFinding>();
  for (const rule of LINT_RULES) {
    yield;
    const report: Report = (site, node, { message, to, whole } = {}) => {
      if (!headersAreClean(site.scope) || dependsOnBrokenCode(analysis, node, whole)) return;
      const start = position(node.from);
      const end = position(to ?? node.to);
      const finding: LintFinding = {
        line: start.line,
        col: start.col,
        endLine: end.line,
        endCol: end.col,
        rule: rule.id,
        ...(rule.ref ? { ref: rule.ref } : {}),
        message: message ?? rule.message,
        severity: rule.severity,
        concept: rule.concept,
        card: rule.card,
      };
      // The UI keys findings by line, column and rule.
      const key = `${finding.line}:${finding.col}:${finding.rule}`;
      if (!findings.has(key)) findings.set(key, finding);
    };
    rule.check(analysis, report, options);
  }
  const order = new Map(LINT_RULES.map((rule, i) => [rule.id, i]));
  return [...findings.values()].sort(
    (x, y) => x.line - y.line || x.col - y.col || (order.get(x.rule) ?? 0) - (order.get(y.rule) ?? 0),
  );
}

function headersAreClean(scope: Scope): boolean {
  for (let current: Scope | null = scope; current; current = current.parent) {
    if (!current.headerIsClean) return false;
  }
  return true;
}

function dependsOnBrokenCode(analysis: Analysis, node: SyntaxNode, whole: SyntaxNode | undefined): boolean {
  const span = statementSpan(node);
  return analysis.hasErrorIn(span.from, span.to) || (!!whole && analysis.hasErrorIn(whole.from, whole.to));
}
