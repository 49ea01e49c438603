/** Calling a coroutine function as a statement creates a coroutine object and drops it: the body never runs. */
import { inCoroutine, isCoroutineFunction } from '../resolve';
import { snippet, type LintRule } from '../rule';
import { calleeOf, soleChild } from '../syntax';

export const neverAwaited: LintRule = {
  id: 'never-awaited',
  concept: 'coroutine',
  card: 'never-awaited-warning',
  severity: 'warning',
  message: 'This call creates a coroutine that never runs; `await` it or schedule it with `asyncio.create_task()`.',
  description:
    'A call to an async def of this code (or to asyncio.sleep and similar) used as a statement without await.',
  check(a, report) {
    for (const site of a.sitesOf('ExpressionStatement')) {
      const call = soleChild(site.node);
      if (call?.name !== 'CallExpression') continue;
      const callee = calleeOf(call);
      if (!callee || !isCoroutineFunction(a, callee, site.scope)) continue;
      const name = `\`${snippet(a, callee)}()\``;
      report(site, call, {
        message: inCoroutine(site.scope)
          ? `${name} creates a coroutine that never runs; \`await\` it or schedule it with \`asyncio.create_task()\`.`
          : `${name} creates a coroutine that never runs; start it with \`asyncio.run(...)\` or await it from a coroutine.`,
      });
    }
  },
};
