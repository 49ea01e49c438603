/** The contract between the linter core (index.ts) and each rule. */
import type { SyntaxNode } from '@lezer/common';
import type { Analysis, Site } from './analysis';
import type { LintOptions, LintRuleMeta } from './types';

export interface ReportOptions {
  /** Replaces the rule's default message, e.g. to name the exact call. */
  message?: string;
  /** End the highlighted range here instead of at the end of the node. */
  to?: number;
  /** The whole construct the finding is about (a loop, a def); it must be free of syntax errors. */
  whole?: SyntaxNode;
}

/**
 * Reports a finding at `node`. The core drops it when the statement around `node`, `whole`, or the header
 * of an enclosing def/class contains a syntax error: half-typed code must not produce structural noise.
 */
export type Report = (site: Site, node: SyntaxNode, options?: ReportOptions) => void;

export interface LintRule extends LintRuleMeta {
  check(analysis: Analysis, report: Report, options: LintOptions): void;
}

/** Short source text for messages: whitespace collapsed, long expressions shortened. */
export function snippet(a: Analysis, node: SyntaxNode, max = 40): string {
  const text = a.text(node).split(/\s+/).join(' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
