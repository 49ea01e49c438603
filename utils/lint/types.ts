/** Shapes shared by the asyncio linter, its rules, the CLI and the UI. */

export type LintSeverity = 'error' | 'warning' | 'info';

/**
 * One problem found in the user's code. Lines and columns are 1-based; `endLine`/`endCol` point just past
 * the flagged text (exclusive end). Columns count UTF-16 code units, as the page's editor does.
 */
export interface LintFinding {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  rule: string;
  /** The code of the equivalent ruff / flake8-async rule, where one exists. */
  ref?: string;
  message: string;
  severity: LintSeverity;
  /** An id from data/concepts.yaml. */
  concept: string;
  /** The id of the knowledge-base question card that explains the problem. */
  card: string;
}

/** What the UI and tests can enumerate about a rule, without its implementation. */
export interface LintRuleMeta {
  /** Kebab-case, stable: stored with findings and used in fixture expectations. */
  id: string;
  ref?: string;
  concept: string;
  card: string;
  severity: LintSeverity;
  /** The default one-line finding message; rules may name the exact call instead. */
  message: string;
  /** One sentence on what the rule looks for, for a settings or help page. */
  description: string;
}

export interface LintOptions {
  /**
   * Accept `await` at module level, as the `python -m asyncio` REPL and notebooks do. Off by default:
   * in a script it is a SyntaxError.
   */
  allowTopLevelAwait?: boolean;
}
