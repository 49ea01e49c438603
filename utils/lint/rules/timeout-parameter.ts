/** ASYNC109: an async function with its own `timeout` parameter re-implements what asyncio.timeout does. */
import type { LintRule } from '../rule';
import { paramNames } from '../syntax';

/** Signatures that are declared, not designed, here: overload stubs and overrides of a base class. */
const EXEMPT_DECORATORS = new Set(['@overload', '@typing.overload', '@override', '@typing.override']);

export const timeoutParameter: LintRule = {
  id: 'timeout-parameter',
  ref: 'ASYNC109',
  concept: 'timeout',
  card: 'asyncio-timeout-context',
  severity: 'info',
  message:
    'An async function taking `timeout` re-implements timeouts; let callers wrap it in `async with asyncio.timeout(...)`.',
  description: 'An async def with a parameter named timeout instead of leaving timeouts to asyncio.timeout / wait_for.',
  check(a, report) {
    for (const site of a.sitesOf('FunctionDefinition')) {
      const fn = site.node;
      if (fn.firstChild?.name !== 'async') continue;
      const decorators = fn.parent?.name === 'DecoratedStatement' ? fn.parent.getChildren('Decorator') : [];
      if (decorators.some((d) => EXEMPT_DECORATORS.has(a.text(d).replace(/\s+/g, '')))) continue;
      const params = fn.getChild('ParamList');
      for (const { name } of params ? paramNames(params) : []) {
        if (a.text(name) === 'timeout') report(site, name);
      }
    }
  },
};
