/**
 * Name resolution over the scopes built by analysis.ts: what module function a callee names (through
 * imports and aliases), light instance typing (`client = httpx.Client()`), and whether a local is read.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Analysis } from './analysis';
import type { Binding, Scope } from './scope';
import { calleeOf, children, memberParts, yieldsInBody } from './syntax';

/** Where a name read in `scope` is bound, or null when the code never binds it. */
export function lookup(name: string, scope: Scope): { scope: Scope; bindings: Binding[] } | null {
  const own = scope.bindings.get(name);
  if (own) return { scope, bindings: own };
  for (let outer = scope.parent; outer; outer = outer.parent) {
    // Class bodies do not enclose the functions defined in them.
    if (outer.kind === 'class') continue;
    const found = outer.bindings.get(name);
    if (found) return { scope: outer, bindings: found };
  }
  return null;
}

/**
 * The dotted name an expression refers to, e.g. "time.sleep" for `t.sleep` after `import time as t`.
 * A name nothing binds stands for itself: builtins such as `open`, and modules a pasted snippet uses
 * without importing them. Null when the name is local or rebound, since then we cannot know.
 */
export function qualifiedName(a: Analysis, expr: SyntaxNode, scope: Scope): string | null {
  if (expr.name === 'VariableName') {
    const name = a.text(expr);
    const found = lookup(name, scope);
    if (!found) return name;
    const [first, ...rest] = found.bindings;
    if (first?.kind !== 'import') return null;
    return rest.every((b) => b.kind === 'import' && b.qualname === first.qualname) ? first.qualname : null;
  }
  const parts = memberParts(expr);
  if (!parts) return null;
  const base = qualifiedName(a, parts[0], scope);
  return base === null ? null : `${base}.${a.text(parts[1])}`;
}

export const EVENT_LOOP = 'asyncio.AbstractEventLoop';
export const PATH = 'pathlib.Path';

/** Class names (as annotations or constructors) mapped to the type the rules know. */
const CLASS_TYPES: Record<string, string> = {
  'httpx.Client': 'httpx.Client',
  'requests.Session': 'requests.Session',
  'requests.sessions.Session': 'requests.Session',
  'urllib3.PoolManager': 'urllib3.PoolManager',
  'pathlib.Path': PATH,
  'pathlib.PosixPath': PATH,
  'pathlib.WindowsPath': PATH,
  'asyncio.AbstractEventLoop': EVENT_LOOP,
  'asyncio.BaseEventLoop': EVENT_LOOP,
};

/** Factory functions whose result type we know. */
const FACTORY_TYPES: Record<string, string> = {
  'requests.session': 'requests.Session',
  'asyncio.get_running_loop': EVENT_LOOP,
  'asyncio.get_event_loop': EVENT_LOOP,
  'asyncio.new_event_loop': EVENT_LOOP,
};

/** Path methods that return another Path. */
const PATH_TO_PATH = new Set([
  'joinpath',
  'with_name',
  'with_suffix',
  'with_stem',
  'resolve',
  'absolute',
  'expanduser',
]);

const MAX_TYPE_DEPTH = 6;

/** The known type of the value of `expr`, or null. Every binding of a name must agree on one type. */
export function instanceType(a: Analysis, expr: SyntaxNode, scope: Scope, depth = 0): string | null {
  if (depth > MAX_TYPE_DEPTH) return null;
  const next = (node: SyntaxNode, where: Scope) => instanceType(a, node, where, depth + 1);
  switch (expr.name) {
    case 'CallExpression': {
      const callee = calleeOf(expr);
      if (!callee) return null;
      const name = qualifiedName(a, callee, scope);
      if (name) return CLASS_TYPES[name] ?? FACTORY_TYPES[name] ?? null;
      const parts = memberParts(callee);
      if (parts && PATH_TO_PATH.has(a.text(parts[1])) && next(parts[0], scope) === PATH) return PATH;
      return null;
    }
    case 'ParenthesizedExpression': {
      const inner = children(expr)[1];
      return inner ? next(inner, scope) : null;
    }
    case 'BinaryExpression': {
      const [left, op] = children(expr);
      return left && op && a.text(op) === '/' && next(left, scope) === PATH ? PATH : null;
    }
    case 'VariableName': {
      const found = lookup(a.text(expr), scope);
      if (!found) return null;
      return agree(found.bindings.map((binding) => bindingType(a, binding, depth)));
    }
    case 'MemberExpression': {
      const parts = memberParts(expr);
      const classScope = parts && selfClass(a, parts[0], scope);
      const assigned = (parts && classScope?.selfAttributes.get(a.text(parts[1]))) ?? [];
      return agree(assigned.map(({ value, scope: where }) => next(value, where)));
    }
    default:
      return null;
  }
}

function bindingType(a: Analysis, binding: Binding, depth: number): string | null {
  if (binding.kind === 'assign') return instanceType(a, binding.value, binding.scope, depth + 1);
  if (binding.kind === 'param' && binding.annotation) {
    const name = qualifiedName(a, binding.annotation, binding.scope);
    return name ? (CLASS_TYPES[name] ?? null) : null;
  }
  return null;
}

function agree(types: (string | null)[]): string | null {
  const [first] = types;
  return first && types.every((t) => t === first) ? first : null;
}

/** Whether the name bound in `scope` is read there or in a nested scope that does not rebind it. */
export function isNameRead(name: string, scope: Scope): boolean {
  if ((scope.loads.get(name) ?? 0) > 0) return true;
  return scope.children.some((child) => !child.bindings.has(name) && isNameRead(name, child));
}

/** The nearest enclosing function, lambda or module: class bodies run in the code around them. */
export function executionScope(scope: Scope): Scope {
  let current = scope;
  while (current.kind === 'class' && current.parent) current = current.parent;
  return current;
}

/** Whether code in `scope` runs inside a coroutine (directly, not in a nested plain def or lambda). */
export function inCoroutine(scope: Scope): boolean {
  const run = executionScope(scope);
  return run.kind === 'function' && run.isAsync;
}

/** asyncio coroutine functions whose call does nothing until awaited. */
const ASYNCIO_COROUTINE_FUNCTIONS = new Set([
  'asyncio.sleep',
  'asyncio.wait_for',
  'asyncio.wait',
  'asyncio.to_thread',
  'asyncio.open_connection',
  'asyncio.start_server',
  'asyncio.create_subprocess_exec',
  'asyncio.create_subprocess_shell',
]);

/** Decorators that leave an `async def` a coroutine function; any other may wrap it in anything. */
const TRANSPARENT_DECORATORS = new Set([
  '@staticmethod',
  '@classmethod',
  '@abstractmethod',
  '@abc.abstractmethod',
  '@override',
  '@typing.override',
  '@typing_extensions.override',
]);

/** Every binding is an `async def` that returns a coroutine: not decorated into something else, not a generator. */
function isPlainAsyncDef(a: Analysis, bindings: Binding[]): boolean {
  return bindings.every(
    (b) =>
      b.kind === 'def' &&
      b.isAsync &&
      b.decorators.every((d) => TRANSPARENT_DECORATORS.has(a.text(d).replace(/\s+/g, ''))) &&
      !yieldsInBody(b.node),
  );
}

/**
 * Whether calling `callee` just creates a coroutine: an `async def` of this code (a function in scope, or
 * a method through `self`/`cls`), or a known asyncio coroutine function.
 */
export function isCoroutineFunction(a: Analysis, callee: SyntaxNode, scope: Scope): boolean {
  const name = qualifiedName(a, callee, scope);
  if (name && ASYNCIO_COROUTINE_FUNCTIONS.has(name)) return true;
  if (callee.name === 'VariableName') {
    const found = lookup(a.text(callee), scope);
    return found !== null && isPlainAsyncDef(a, found.bindings);
  }
  const parts = memberParts(callee);
  const classScope = parts && classOf(a, parts[0], scope);
  const methods = parts && classScope?.bindings.get(a.text(parts[1]));
  return !!methods && isPlainAsyncDef(a, methods);
}

/** The class body that a class name, or `self`/`cls` in a method, refers to. */
function classOf(a: Analysis, expr: SyntaxNode, scope: Scope): Scope | null {
  const found = expr.name === 'VariableName' ? lookup(a.text(expr), scope) : null;
  const [binding, ...rest] = found?.bindings ?? [];
  if (binding?.kind === 'class' && rest.length === 0) return a.classScopes.get(binding.node.from) ?? null;
  return selfClass(a, expr, scope);
}

/** The class body whose method binds `expr` as its first (`self`/`cls`) parameter. */
function selfClass(a: Analysis, expr: SyntaxNode, scope: Scope): Scope | null {
  if (expr.name !== 'VariableName') return null;
  const name = a.text(expr);
  const owner = lookup(name, scope)?.scope;
  const parent = owner?.parent;
  return owner?.selfName === name && parent?.kind === 'class' ? parent : null;
}
