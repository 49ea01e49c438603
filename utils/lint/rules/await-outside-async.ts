/** PLE1142: `await`, `async for` and `async with` are only legal directly inside `async def`. */
import type { SyntaxNode } from '@lezer/common';
import type { Analysis, Site } from '../analysis';
import type { Scope } from '../scope';
import type { LintRule } from '../rule';
import type { LintOptions } from '../types';
import { COMPREHENSIONS, isGeneratorArgList, sameNode } from '../syntax';

/** Where the construct is, for the message; null when it is allowed there. */
function forbiddenPlace(a: Analysis, scope: Scope, options: LintOptions): string | null {
  switch (scope.kind) {
    case 'function':
      if (scope.isAsync) return null;
      return `\`${a.text(scope.node.getChild('VariableName') ?? scope.node)}\` is a plain \`def\``;
    case 'lambda':
      return 'a lambda cannot be async';
    case 'class':
      return 'a class body never runs as a coroutine';
    case 'module':
      return options.allowTopLevelAwait
        ? null
        : 'at module level it only works in the asyncio REPL and notebooks; wrap the code in `async def main()` and `asyncio.run(main())`';
  }
}

/** A generator expression with `await` or `async for` is an async generator: legal in any function. */
function inGeneratorExpression(site: Site): boolean {
  for (let node: SyntaxNode | null = site.node; node && !sameNode(node, site.scope.node); node = node.parent) {
    if (node.name === 'ComprehensionExpression' || isGeneratorArgList(node)) return true;
  }
  return false;
}

export const awaitOutsideAsync: LintRule = {
  id: 'await-outside-async',
  ref: 'PLE1142',
  concept: 'await',
  card: 'await-only-in-async-def',
  severity: 'error',
  message: '`await` is only allowed inside `async def`.',
  description:
    'await, async for or async with in a plain def, a lambda, a class body or (outside the REPL) at module level.',
  check(a, report, options) {
    const hosts = ['AwaitExpression', 'ForStatement', 'WithStatement', ...COMPREHENSIONS];
    for (const site of hosts.flatMap((kind) => a.sitesOf(kind))) {
      const keyword = site.node.getChild(site.node.name === 'AwaitExpression' ? 'await' : 'async');
      if (!keyword || inGeneratorExpression(site)) continue;
      const place = forbiddenPlace(a, site.scope, options);
      if (place === null) continue;
      const follower = keyword.name === 'async' ? keyword.nextSibling : null;
      const what = follower ? `async ${a.text(follower)}` : 'await';
      report(site, keyword, {
        to: follower?.to,
        message: `\`${what}\` is only allowed inside \`async def\`; ${place}.`,
      });
    }
  },
};
