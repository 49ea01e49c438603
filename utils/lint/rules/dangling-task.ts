/**
 * RUF006: the event loop keeps only weak references to tasks, so a task whose reference is dropped (a bare
 * `create_task(...)` statement, or a local that is never read) can be garbage-collected before it finishes.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Analysis, Site } from '../analysis';
import { EVENT_LOOP, instanceType, isNameRead, qualifiedName } from '../resolve';
import { snippet, type LintRule } from '../rule';
import { calleeOf, children, memberParts, soleChild } from '../syntax';

const SPAWNERS = new Set(['asyncio.create_task', 'asyncio.ensure_future']);

/** Whether `call` starts a task the caller alone must keep alive (TaskGroup.create_task is not: the group holds it). */
function spawnsTask(a: Analysis, call: SyntaxNode, site: Site): boolean {
  const callee = calleeOf(call);
  if (!callee) return false;
  if (SPAWNERS.has(qualifiedName(a, callee, site.scope) ?? '')) return true;
  const parts = memberParts(callee);
  return !!parts && a.text(parts[1]) === 'create_task' && instanceType(a, parts[0], site.scope) === EVENT_LOOP;
}

export const danglingTask: LintRule = {
  id: 'dangling-task',
  ref: 'RUF006',
  concept: 'task-references',
  card: 'task-references',
  severity: 'warning',
  message:
    'The task is not stored anywhere; the loop holds tasks only weakly, so it may be garbage-collected mid-flight.',
  description: 'The result of asyncio.create_task / ensure_future (or loop.create_task) thrown away or never read.',
  check(a, report) {
    for (const site of a.sitesOf('ExpressionStatement')) {
      const call = soleChild(site.node);
      if (call?.name === 'CallExpression' && spawnsTask(a, call, site)) {
        report(site, call, {
          message: `The task from \`${snippet(a, calleeOf(call) ?? call)}()\` is not stored; the loop holds tasks only weakly, so it may be garbage-collected mid-flight. Keep a reference (e.g. in a set) or await it.`,
        });
      }
    }
    for (const site of a.sitesOf('AssignStatement')) {
      // A module-level name keeps its task alive; inside a function the reference dies with the call.
      if (site.scope.kind !== 'function') continue;
      const [target, op, call, ...rest] = children(site.node).filter((kid) => kid.name !== 'TypeDef');
      if (rest.length > 0 || target?.name !== 'VariableName' || op?.name !== 'AssignOp') continue;
      if (call?.name !== 'CallExpression' || !spawnsTask(a, call, site)) continue;
      const name = a.text(target);
      // A use may hide in code the parser could not read.
      if (isNameRead(name, site.scope) || a.hasErrorIn(site.scope.node.from, site.scope.node.to)) continue;
      report(site, call, {
        message: `\`${name}\` is never used, so nothing keeps this task alive once the function returns; store it in a collection or await it.`,
      });
    }
  },
};
