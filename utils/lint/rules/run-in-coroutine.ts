/** asyncio.run (or loop.run_until_complete) inside a coroutine fails: the thread's loop is already running. */
import { inCoroutine, qualifiedName } from '../resolve';
import type { LintRule } from '../rule';
import { calleeOf, memberParts } from '../syntax';

export const asyncioRunInCoroutine: LintRule = {
  id: 'asyncio-run-in-coroutine',
  concept: 'asyncio-run',
  card: 'asyncio-run-vs-await',
  severity: 'error',
  message:
    '`asyncio.run()` inside a coroutine raises "cannot be called from a running event loop"; `await` the coroutine instead.',
  description: 'asyncio.run or loop.run_until_complete called from inside async def.',
  check(a, report) {
    for (const site of a.sitesOf('CallExpression')) {
      if (!inCoroutine(site.scope)) continue;
      const callee = calleeOf(site.node);
      if (!callee) continue;
      const method = memberParts(callee)?.[1];
      if (qualifiedName(a, callee, site.scope) === 'asyncio.run') report(site, callee);
      else if (method && a.text(method) === 'run_until_complete') {
        report(site, callee, {
          message:
            '`run_until_complete()` inside a coroutine raises "This event loop is already running"; `await` the coroutine instead.',
        });
      }
    }
  },
};
