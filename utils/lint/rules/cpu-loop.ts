/**
 * Heuristic: a loop in a coroutine that never reaches an `await` keeps every other task waiting. We flag
 * only loops that are clearly long: `range()` over a constant of at least LONG_LOOP, or `while True`
 * with no way out. Low severity: the same code is fine in a script that runs nothing else.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Analysis, Site } from '../analysis';
import { inCoroutine, qualifiedName } from '../resolve';
import type { LintRule } from '../rule';
import {
  COMPREHENSIONS,
  callArguments,
  calleeOf,
  canSuspend,
  children,
  constantNumber,
  isGeneratorArgList,
} from '../syntax';

export const LONG_LOOP = 100_000;

/** The constant iteration count of `range(...)`, or null when it is not a constant range. */
function rangeLength(a: Analysis, site: Site, iterable: SyntaxNode | undefined): number | null {
  const callee = iterable?.name === 'CallExpression' ? calleeOf(iterable) : null;
  if (!iterable || !callee || qualifiedName(a, callee, site.scope) !== 'range') return null;
  const args = callArguments(iterable, (n) => a.text(n));
  const values = args.positional.map((arg) => constantNumber(arg, (n) => a.text(n)));
  if (args.starred || values.length === 0 || values.some((v) => v === null)) return null;
  const [start, stop, step = 1] = values.length === 1 ? [0, values[0]!] : (values as number[]);
  if (start === undefined || stop === undefined || step === 0) return null;
  return Math.max(0, Math.ceil((stop - start) / step));
}

/** The iterables of each `for ... in X` clause of a for statement or comprehension. */
function iterables(node: SyntaxNode): SyntaxNode[] {
  const kids = children(node);
  return kids.flatMap((kid, i) => (kid.name === 'in' && kids[i + 1] ? [kids[i + 1]!] : []));
}

function isConstantTrue(a: Analysis, test: SyntaxNode | undefined): boolean {
  if (!test) return false;
  if (test.name === 'Boolean') return a.text(test) === 'True';
  const value = constantNumber(test, (n) => a.text(n));
  return value !== null && value !== 0;
}

const NESTED_CODE = new Set(['FunctionDefinition', 'ClassDefinition', 'LambdaExpression']);

/** A break, return or raise that leaves this loop (a nested loop's break only leaves that loop). */
function canExit(loop: SyntaxNode): boolean {
  const stack = children(loop).map((node) => ({ node, nested: false }));
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, nested } = item;
    if (node.name === 'ReturnStatement' || node.name === 'RaiseStatement') return true;
    if (node.name === 'BreakStatement' && !nested) return true;
    if (NESTED_CODE.has(node.name)) continue;
    const isLoop = node.name === 'WhileStatement' || node.name === 'ForStatement';
    stack.push(...children(node).map((kid) => ({ node: kid, nested: nested || isLoop })));
  }
  return false;
}

export const cpuLoopInCoroutine: LintRule = {
  id: 'cpu-loop-in-coroutine',
  concept: 'cpu-bound',
  card: 'cpu-loop-in-coroutine',
  severity: 'info',
  message:
    'This long loop never awaits, so no other task runs until it ends; move it to a worker (`asyncio.to_thread`, a process pool).',
  description: `A loop in a coroutine with no await that runs range() over ${LONG_LOOP.toLocaleString('en')} or more, or while True with no exit.`,
  check(a, report) {
    const generatorArgs = a.sitesOf('CallExpression').flatMap(({ node, scope }) => {
      const args = node.getChild('ArgList');
      return args && isGeneratorArgList(args) ? [{ node: args, scope }] : [];
    });
    const loops = [
      ...['ForStatement', 'WhileStatement', ...COMPREHENSIONS].flatMap((kind) => a.sitesOf(kind)),
      ...generatorArgs,
    ].sort((x, y) => x.node.from - y.node.from);
    let reportedUntil = -1;
    for (const site of loops) {
      // Report the outermost loop only.
      if (site.node.from < reportedUntil || !inCoroutine(site.scope) || canSuspend(site.node)) continue;
      let message: string | undefined;
      if (site.node.name === 'WhileStatement') {
        const test = children(site.node)[1];
        if (!isConstantTrue(a, test) || canExit(site.node)) continue;
        message =
          'This `while True` loop never awaits and never exits, so it holds the event loop forever; add an `await` or move the work off the loop.';
      } else {
        const longest = Math.max(-1, ...iterables(site.node).map((it) => rangeLength(a, site, it) ?? -1));
        if (longest < LONG_LOOP) continue;
        message = `This loop runs ${longest.toLocaleString('en')} iterations without an \`await\`, so no other task runs meanwhile; offload it with \`asyncio.to_thread\` or a process pool.`;
      }
      const body = site.node.getChild('Body');
      report(site, site.node, {
        to: body ? body.from : undefined,
        whole: site.node,
        message,
      });
      reportedUntil = site.node.to;
    }
  },
};
