/** Small helpers over @lezer/python syntax nodes, shared by the analysis and the rules. */
import type { SyntaxNode } from '@lezer/common';

export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name !== 'Comment') out.push(child);
  }
  return out;
}

/** Lezer hands out a fresh object on each navigation, so nodes are compared by type and range. */
export function sameNode(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  return !!a && !!b && a.type === b.type && a.from === b.from && a.to === b.to;
}

/** The only child of `node` (e.g. the expression of an ExpressionStatement), or null. */
export function soleChild(node: SyntaxNode): SyntaxNode | null {
  const kids = children(node);
  return kids.length === 1 ? kids[0]! : null;
}

/** Splits a flat child list on `,` tokens (lezer flattens comma-separated lists into siblings). */
export function splitOnCommas(nodes: SyntaxNode[]): SyntaxNode[][] {
  const groups: SyntaxNode[][] = [[]];
  for (const node of nodes) {
    if (node.name === ',') groups.push([]);
    else groups[groups.length - 1]!.push(node);
  }
  return groups.filter((group) => group.length > 0);
}

/** The comprehension node kinds: their `for` clauses run inline in the enclosing function. */
export const COMPREHENSIONS = new Set([
  'ComprehensionExpression',
  'ArrayComprehensionExpression',
  'SetComprehensionExpression',
  'DictionaryComprehensionExpression',
]);

/** `f(x for x in xs)`: the parser folds a lone generator argument into the ArgList itself. */
export function isGeneratorArgList(node: SyntaxNode): boolean {
  return node.name === 'ArgList' && node.getChild('for') !== null;
}

/** Compound statements, whose header ends where their first Body begins. */
const COMPOUND = new Set([
  'IfStatement',
  'WhileStatement',
  'ForStatement',
  'TryStatement',
  'WithStatement',
  'FunctionDefinition',
  'ClassDefinition',
  'DecoratedStatement',
  'MatchStatement',
]);

/**
 * The source range that decides whether a finding at `node` stands on well-formed code: the simple
 * statement around it, or only the header of the compound statement around it.
 */
export function statementSpan(node: SyntaxNode): { from: number; to: number } {
  for (let cur: SyntaxNode | null = node; cur; cur = cur.parent) {
    if (!cur.type.is('Statement')) continue;
    if (!COMPOUND.has(cur.name)) return { from: cur.from, to: cur.to };
    const body = cur.getChild('Body') ?? cur.getChild('MatchBody');
    return { from: cur.from, to: body ? body.from : cur.to };
  }
  return { from: node.from, to: node.to };
}

/** Parameter-name nodes of a ParamList, with their annotation (not defaults, which are VariableNames too). */
export function paramNames(paramList: SyntaxNode): { name: SyntaxNode; annotation: SyntaxNode | null }[] {
  const out: { name: SyntaxNode; annotation: SyntaxNode | null }[] = [];
  const nodes = children(paramList);
  nodes.forEach((node, i) => {
    if (node.name !== 'VariableName' || nodes[i - 1]?.name === 'AssignOp') return;
    const next = nodes[i + 1];
    const annotation = next?.name === 'TypeDef' ? (next.lastChild ?? null) : null;
    out.push({ name: node, annotation });
  });
  return out;
}

export interface CallArguments {
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  /** True when `*args` or `**kwargs` make the positions and keywords incomplete. */
  starred: boolean;
}

export function callArguments(call: SyntaxNode, text: (node: SyntaxNode) => string): CallArguments {
  const result: CallArguments = {
    positional: [],
    keywords: new Map(),
    starred: false,
  };
  const argList = call.getChild('ArgList');
  if (!argList) return result;
  const inner = children(argList).filter((n) => n.name !== '(' && n.name !== ')');
  for (const group of splitOnCommas(inner)) {
    const [first, second, third] = group;
    if (!first) continue;
    if (first.name === '*' || first.name === '**') result.starred = true;
    else if (first.name === 'VariableName' && second?.name === 'AssignOp' && third) {
      result.keywords.set(text(first), third);
    } else result.positional.push(first);
  }
  return result;
}

/** The expression being called: everything in a CallExpression before its ArgList. */
export function calleeOf(call: SyntaxNode): SyntaxNode | null {
  const first = call.firstChild;
  return first && first.name !== 'ArgList' ? first : null;
}

/** For `obj.attr` returns [obj, attr-node]; null for subscripts and anything else. */
export function memberParts(node: SyntaxNode): [SyntaxNode, SyntaxNode] | null {
  if (node.name !== 'MemberExpression') return null;
  const object = node.firstChild;
  const property = node.lastChild;
  if (!object || !property || property.name !== 'PropertyName') return null;
  return [object, property];
}

/** Evaluates small integer constant expressions such as `10**6`, `1_000_000` or `(2 * 500_000)`. */
export function constantNumber(node: SyntaxNode, text: (node: SyntaxNode) => string): number | null {
  switch (node.name) {
    case 'Number': {
      const value = Number(text(node).replace(/_/g, ''));
      return Number.isFinite(value) ? value : null;
    }
    case 'ParenthesizedExpression': {
      const inner = node.firstChild?.nextSibling;
      return inner ? constantNumber(inner, text) : null;
    }
    case 'UnaryExpression': {
      const [op, operand] = [node.firstChild, node.lastChild];
      if (!op || !operand || op === operand) return null;
      const value = constantNumber(operand, text);
      if (value === null) return null;
      return text(op) === '-' ? -value : text(op) === '+' ? value : null;
    }
    case 'BinaryExpression': {
      const [left, op, right] = children(node);
      if (!left || !op || !right || op.name !== 'ArithOp') return null;
      const a = constantNumber(left, text);
      const b = constantNumber(right, text);
      if (a === null || b === null) return null;
      const ops: Record<string, () => number> = {
        '+': () => a + b,
        '-': () => a - b,
        '*': () => a * b,
        '**': () => a ** b,
        '//': () => Math.floor(a / b),
        '/': () => a / b,
      };
      const value = ops[text(op)]?.();
      return value !== undefined && Number.isFinite(value) ? value : null;
    }
    default:
      return null;
  }
}

/** The statements directly in a Body, with `a; b` groups flattened. */
export function bodyStatements(body: SyntaxNode): SyntaxNode[] {
  return children(body).flatMap((node) =>
    node.name === 'StatementGroup'
      ? children(node).filter((kid) => kid.type.is('Statement'))
      : node.type.is('Statement')
        ? [node]
        : [],
  );
}

const NESTED_CODE = new Set(['FunctionDefinition', 'LambdaExpression', 'ClassDefinition']);
const ASYNC_HOSTS = new Set(['ForStatement', 'WithStatement', 'ArgList', ...COMPREHENSIONS]);

/** Whether a def's body yields (not counting nested defs): an `async def` that yields is an async generator. */
export function yieldsInBody(def: SyntaxNode): boolean {
  const body = def.getChild('Body');
  const stack = body ? [body] : [];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (current.name === 'YieldExpression' || current.name === 'YieldStatement') return true;
    if (!NESTED_CODE.has(current.name)) stack.push(...children(current));
  }
  return false;
}

/**
 * Whether running `node` can hand control back to the event loop: an `await`, `async for`, `async with`
 * or `yield` in it, not counting nested defs, lambdas and classes, which do not run as part of it.
 */
export function canSuspend(node: SyntaxNode): boolean {
  const stack = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    const name = current.name;
    if (name === 'AwaitExpression' || name === 'YieldExpression' || name === 'YieldStatement') return true;
    if (name === 'async' && ASYNC_HOSTS.has(current.parent?.name ?? '')) return true;
    if (!sameNode(current, node) && NESTED_CODE.has(name)) continue;
    stack.push(...children(current));
  }
  return false;
}
