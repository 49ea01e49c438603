/** ASYNC110: a `while` loop that only sleeps (and checks its exit) is polling for something an Event could signal. */
import type { SyntaxNode } from '@lezer/common';
import type { Analysis, Site } from '../analysis';
import { inCoroutine, qualifiedName } from '../resolve';
import type { LintRule } from '../rule';
import { bodyStatements, calleeOf, children } from '../syntax';

const SLEEPS = new Set(['asyncio.sleep', 'trio.sleep', 'trio.sleep_until', 'anyio.sleep', 'anyio.sleep_until']);

function isSleepStatement(a: Analysis, site: Site, statement: SyntaxNode): boolean {
  const awaited = statement.name === 'ExpressionStatement' ? statement.getChild('AwaitExpression') : null;
  const call = awaited?.getChild('CallExpression');
  const callee = call && calleeOf(call);
  return !!callee && SLEEPS.has(qualifiedName(a, callee, site.scope) ?? '');
}

/** `if <condition>: break` (or return), with no elif/else: the loop's own exit test. */
function isExitCheck(statement: SyntaxNode): boolean {
  if (statement.name !== 'IfStatement') return false;
  const kids = children(statement);
  const bodies = kids.filter((kid) => kid.name === 'Body');
  if (bodies.length !== 1 || kids.some((kid) => kid.name === 'elif' || kid.name === 'else')) return false;
  const inner = bodyStatements(bodies[0]!);
  return inner.length > 0 && inner.every((s) => s.name === 'BreakStatement' || s.name === 'ReturnStatement');
}

export const busyWait: LintRule = {
  id: 'busy-wait',
  ref: 'ASYNC110',
  concept: 'event',
  card: 'event-primitive',
  severity: 'warning',
  message: 'This loop polls with `asyncio.sleep()`; wait on an `asyncio.Event` that the other side sets instead.',
  description:
    'A while loop in a coroutine whose body only awaits asyncio.sleep (and tests its own exit): a busy wait.',
  check(a, report) {
    for (const site of a.sitesOf('WhileStatement')) {
      if (!inCoroutine(site.scope)) continue;
      const bodies = site.node.getChildren('Body');
      const body = bodies[0];
      if (!body || bodies.length > 1) continue;
      const statements = bodyStatements(body);
      const sleeps = statements.filter((s) => isSleepStatement(a, site, s)).length;
      if (sleeps === 0 || sleeps + statements.filter(isExitCheck).length !== statements.length) continue;
      report(site, site.node, { to: body.from, whole: site.node });
    }
  },
};
