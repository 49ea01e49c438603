/**
 * gather(..., return_exceptions=True) turns failures into ordinary results. When those results are thrown
 * away, every exception disappears without a trace. The exception: right after cancelling tasks, gathering
 * them only waits for the cancellation to finish, and their CancelledErrors are meant to be dropped.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Analysis, Site } from '../analysis';
import { executionScope, isNameRead, qualifiedName } from '../resolve';
import type { LintRule } from '../rule';
import { callArguments, calleeOf, children, memberParts, sameNode, soleChild } from '../syntax';

/** Where the value of `expr` goes: dropped as a statement, bound to a single name, or used otherwise. */
function destination(expr: SyntaxNode): { kind: 'dropped' } | { kind: 'name'; target: SyntaxNode } | null {
  const parent = expr.parent;
  if (!parent) return null;
  if (parent.name === 'AwaitExpression' || parent.name === 'ParenthesizedExpression') return destination(parent);
  if (parent.name === 'ExpressionStatement' && sameNode(soleChild(parent), expr)) return { kind: 'dropped' };
  if (parent.name !== 'AssignStatement') return null;
  const [target, op, value, ...rest] = children(parent).filter((kid) => kid.name !== 'TypeDef');
  if (rest.length > 0 || !sameNode(value, expr) || op?.name !== 'AssignOp' || target?.name !== 'VariableName')
    return null;
  return { kind: 'name', target };
}

/** Whether a `.cancel()` call runs earlier in the same function as `site`. */
function cancelsBefore(a: Analysis, site: Site): boolean {
  const run = executionScope(site.scope);
  return a.sitesOf('CallExpression').some((other) => {
    if (other.node.from >= site.node.from || executionScope(other.scope) !== run) return false;
    const callee = calleeOf(other.node);
    const method = callee ? memberParts(callee)?.[1] : undefined;
    return !!method && a.text(method) === 'cancel';
  });
}

export const gatherExceptionsDropped: LintRule = {
  id: 'gather-exceptions-dropped',
  concept: 'exceptions',
  card: 'return-exceptions',
  severity: 'warning',
  message:
    '`gather(..., return_exceptions=True)` returns failures as results, and they are discarded here, so errors vanish silently.',
  description:
    'The results of asyncio.gather(..., return_exceptions=True) thrown away or never read (other than right after cancelling tasks), so failures go unnoticed.',
  check(a, report) {
    for (const site of a.sitesOf('CallExpression')) {
      const callee = calleeOf(site.node);
      if (!callee || qualifiedName(a, callee, site.scope) !== 'asyncio.gather') continue;
      const flag = callArguments(site.node, (n) => a.text(n)).keywords.get('return_exceptions');
      if (!flag || a.text(flag) !== 'True') continue;
      const where = destination(site.node);
      if (!where || cancelsBefore(a, site)) continue;
      if (where.kind === 'name') {
        const name = a.text(where.target);
        const unread =
          name === '_' ||
          (site.scope.kind === 'function' &&
            !isNameRead(name, site.scope) &&
            !a.hasErrorIn(site.scope.node.from, site.scope.node.to));
        if (!unread) continue;
      }
      report(site, site.node, { to: callee.to });
    }
  },
};
