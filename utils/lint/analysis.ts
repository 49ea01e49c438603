/**
 * One pass over the @lezer/python tree that builds Python scopes (module, function, lambda, class) with
 * their bindings and name loads, and collects the nodes the rules look at, each with the scope it runs in.
 * Name resolution on top of this lives in resolve.ts.
 */
import { parser } from '@lezer/python';
import type { SyntaxNode, Tree } from '@lezer/common';
import { Scope } from './scope';
import { COMPREHENSIONS, children, isGeneratorArgList, paramNames, sameNode, splitOnCommas } from './syntax';

export interface Site {
  node: SyntaxNode;
  scope: Scope;
}

/** Node kinds collected for the rules, in document order. */
const SITE_KINDS = new Set([
  'CallExpression',
  'AwaitExpression',
  'ExpressionStatement',
  'AssignStatement',
  'WhileStatement',
  'ForStatement',
  'WithStatement',
  'FunctionDefinition',
  ...COMPREHENSIONS,
]);

/** How many nodes a step of build() handles: well under a millisecond each. */
const STEP_NODES = 200;

const PUNCTUATION = new Set(['*', ',', '(', ')', '[', ']']);

export class Analysis {
  readonly tree: Tree;
  readonly module: Scope;
  readonly sites = new Map<string, Site[]>();
  /** Class bodies by the start offset of their ClassDefinition, to find methods through the class name. */
  readonly classScopes = new Map<number, Scope>();
  /** Ranges of the parser's error nodes. */
  readonly errors: { from: number; to: number }[] = [];

  /**
   * `tree` is the source's parse when the caller already has it. With `inSteps`, nothing is analysed yet: the
   * caller runs `build()` step by step (the overlay lints in idle slices); otherwise it is done here.
   */
  constructor(
    readonly source: string,
    tree: Tree = parser.parse(source),
    inSteps = false,
  ) {
    this.tree = tree;
    this.module = new Scope('module', this.tree.topNode, null, false, true);
    if (inSteps) return;
    for (const steps = this.build(); !steps.next().done; );
  }

  /** The analysis, yielding every few hundred nodes. */
  *build(): Generator<void, void> {
    // Errors are collected before the walk, which asks whether a def header is well-formed before visiting it.
    const cursor = this.tree.cursor();
    for (let seen = 1; ; seen++) {
      if (cursor.type.isError) this.errors.push({ from: cursor.from, to: cursor.to });
      if (seen % STEP_NODES === 0) yield;
      if (cursor.firstChild()) continue;
      while (!cursor.nextSibling()) if (!cursor.parent()) return yield* this.walk();
    }
  }

  text(node: { from: number; to: number }): string {
    return this.source.slice(node.from, node.to);
  }

  sitesOf(kind: string): readonly Site[] {
    return this.sites.get(kind) ?? [];
  }

  /** Whether any parser error touches [from, to]; zero-width errors at either end count. */
  hasErrorIn(from: number, to: number): boolean {
    return this.errors.some((error) => error.from <= to && error.to >= from);
  }

  private *walk(): Generator<void, void> {
    // An explicit stack instead of recursion: pasted code can nest deeply enough to overflow the JS stack.
    const stack: Site[] = [{ node: this.tree.topNode, scope: this.module }];
    let visited = 0;
    for (let item = stack.pop(); item; item = stack.pop()) {
      if (++visited % STEP_NODES === 0) yield;
      const pushed: Site[] = [];
      this.visit(item.node, item.scope, (node, scope = item.scope) => pushed.push({ node, scope }));
      for (let i = pushed.length - 1; i >= 0; i--) stack.push(pushed[i]!);
    }
  }

  /** Records what `node` binds or reads in `scope`, and hands the children to walk next to `push`. */
  private visit(node: SyntaxNode, scope: Scope, push: (node: SyntaxNode, scope?: Scope) => void): void {
    if (SITE_KINDS.has(node.name)) {
      const list = this.sites.get(node.name);
      if (list) list.push({ node, scope });
      else this.sites.set(node.name, [{ node, scope }]);
    }
    const kids = children(node);
    switch (node.name) {
      case 'VariableName':
        scope.load(this.text(node));
        return;
      case 'FunctionDefinition':
        return this.visitFunction(node, scope, kids, push);
      case 'LambdaExpression': {
        const lambda = new Scope('lambda', node, scope, false, true);
        let inBody = false;
        for (const kid of kids) {
          if (kid.name === 'ParamList') this.visitParams(kid, lambda, scope, push);
          else if (inBody) push(kid, lambda);
          else if (kid.name === ':') inBody = true;
        }
        return;
      }
      case 'ClassDefinition': {
        const name = node.getChild('VariableName');
        if (name) scope.bind(this.text(name), { kind: 'class', node });
        const body = node.getChild('Body');
        const clean = body !== null && !this.hasErrorIn(node.from, body.from);
        const classScope = new Scope('class', node, scope, false, clean);
        this.classScopes.set(node.from, classScope);
        for (const kid of kids) {
          if (kid.name === 'VariableName') continue;
          push(kid, kid.name === 'Body' ? classScope : scope);
        }
        return;
      }
      case 'ImportStatement':
        return this.visitImport(kids, scope);
      case 'AssignStatement':
        return this.visitAssign(kids, scope, push);
      case 'UpdateStatement': {
        // `x += 1` both reads and rebinds x.
        const target = kids[0];
        if (target?.name === 'VariableName') scope.bind(this.text(target), { kind: 'other' });
        kids.forEach((kid) => push(kid));
        return;
      }
      case 'ForStatement':
        return this.visitForClauses(kids, scope, push);
      case 'WithStatement':
      case 'TryStatement':
        return this.visitAsTargets(node.name, kids, scope, push);
      case 'NamedExpression': {
        const [target, , value] = kids;
        if (target?.name === 'VariableName' && value) {
          scope.bind(this.text(target), { kind: 'assign', value, scope });
          push(value);
        } else kids.forEach((kid) => push(kid));
        return;
      }
      case 'ArgList':
        if (isGeneratorArgList(node)) return this.visitForClauses(kids, scope, push);
        // Keyword-argument names are not reads of a variable.
        kids.forEach((kid, i) => {
          if (!(kid.name === 'VariableName' && kids[i + 1]?.name === 'AssignOp')) push(kid);
        });
        return;
      case 'Decorator': {
        // `@a.b.c` is a dotted name of VariableNames; only the first is a read.
        const head = kids.find((kid) => kid.name === 'VariableName');
        if (head) push(head);
        kids.filter((kid) => kid.name === 'ArgList').forEach((kid) => push(kid));
        return;
      }
      case 'TypeDefinition': {
        const name = node.getChild('VariableName');
        if (name) scope.bind(this.text(name), { kind: 'other' });
        kids.filter((kid) => !sameNode(kid, name)).forEach((kid) => push(kid));
        return;
      }
      case 'MatchClause':
        return this.visitMatchClause(kids, scope, push);
      default:
        if (COMPREHENSIONS.has(node.name)) return this.visitForClauses(kids, scope, push);
        kids.forEach((kid) => push(kid));
    }
  }

  private visitFunction(
    node: SyntaxNode,
    scope: Scope,
    kids: SyntaxNode[],
    push: (node: SyntaxNode, scope?: Scope) => void,
  ): void {
    const isAsync = kids[0]?.name === 'async';
    const name = node.getChild('VariableName');
    const body = node.getChild('Body');
    const decorators = node.parent?.name === 'DecoratedStatement' ? node.parent.getChildren('Decorator') : [];
    if (name) scope.bind(this.text(name), { kind: 'def', node, isAsync, decorators });
    const isStatic = decorators.some((d) => this.text(d).replace(/\s+/g, '') === '@staticmethod');
    const params = node.getChild('ParamList');
    const first = params ? paramNames(params)[0] : undefined;
    const selfName = scope.kind === 'class' && !isStatic && first ? this.text(first.name) : null;
    const clean = body !== null && name !== null && !this.hasErrorIn(node.from, body.from);
    const fn = new Scope('function', node, scope, isAsync, clean, selfName);
    for (const kid of kids) {
      if (sameNode(kid, name)) continue;
      if (kid.name === 'ParamList') this.visitParams(kid, fn, scope, push);
      else push(kid, kid.name === 'Body' ? fn : scope);
    }
  }

  /** Parameter names bind in the new scope; defaults and annotations run in the enclosing one. */
  private visitParams(list: SyntaxNode, inner: Scope, outer: Scope, push: (node: SyntaxNode, scope?: Scope) => void) {
    const names = paramNames(list);
    for (const { name, annotation } of names) inner.bind(this.text(name), { kind: 'param', annotation, scope: outer });
    const nameNodes = new Set(names.map((p) => p.name.from));
    for (const kid of children(list)) {
      if (!(kid.name === 'VariableName' && nameNodes.has(kid.from))) push(kid, outer);
    }
  }

  private visitImport(kids: SyntaxNode[], scope: Scope): void {
    const names = (nodes: SyntaxNode[]) => nodes.map((n) => this.text(n));
    const importAt = kids.findIndex((kid) => kid.name === 'import');
    const isFrom = kids[0]?.name === 'from';
    const source = isFrom ? kids.slice(1, importAt) : [];
    // Relative imports (`from . import x`) name the user's own modules, which we cannot see.
    const relative = source[0]?.name === '.' || source[0]?.name === 'Ellipsis';
    const module = names(source.filter((kid) => kid.name === 'VariableName')).join('.');
    const list = kids.slice(importAt + 1).filter((kid) => kid.name !== '(' && kid.name !== ')');
    for (const group of splitOnCommas(list)) {
      const asAt = group.findIndex((kid) => kid.name === 'as');
      const dotted = names((asAt >= 0 ? group.slice(0, asAt) : group).filter((kid) => kid.name === 'VariableName'));
      const alias = asAt >= 0 ? group[asAt + 1] : undefined;
      if (dotted.length === 0 || group[0]?.name === '*') continue;
      if (isFrom) {
        const local = alias ? this.text(alias) : dotted[0]!;
        scope.bind(local, relative ? { kind: 'other' } : { kind: 'import', qualname: `${module}.${dotted.join('.')}` });
      } else if (alias) {
        scope.bind(this.text(alias), {
          kind: 'import',
          qualname: dotted.join('.'),
        });
      } else {
        // `import a.b` binds only `a`.
        scope.bind(dotted[0]!, { kind: 'import', qualname: dotted[0]! });
      }
    }
  }

  private visitAssign(kids: SyntaxNode[], scope: Scope, push: (node: SyntaxNode, scope?: Scope) => void): void {
    const groups: SyntaxNode[][] = [[]];
    for (const kid of kids) {
      if (kid.name === 'AssignOp') groups.push([]);
      else groups[groups.length - 1]!.push(kid);
    }
    const valueGroup = groups.length > 1 ? groups.pop()! : [];
    const valueParts = splitOnCommas(valueGroup);
    const value = valueParts.length === 1 ? valueParts[0]![0] : undefined;
    for (const group of groups) {
      const targets = splitOnCommas(group.filter((kid) => kid.name !== 'TypeDef'));
      group.filter((kid) => kid.name === 'TypeDef').forEach((kid) => push(kid));
      const single = targets.length === 1 && targets[0]!.length === 1;
      for (const target of targets.flat()) this.bindTarget(target, scope, single ? value : undefined, push);
    }
    valueGroup.forEach((kid) => push(kid));
  }

  private bindTarget(
    target: SyntaxNode,
    scope: Scope,
    value: SyntaxNode | undefined,
    push: (node: SyntaxNode, scope?: Scope) => void,
  ): void {
    switch (target.name) {
      case 'VariableName':
        scope.bind(this.text(target), value ? { kind: 'assign', value, scope } : { kind: 'other' });
        return;
      case 'TupleExpression':
      case 'ArrayExpression':
      case 'ParenthesizedExpression':
        for (const kid of children(target)) this.bindTarget(kid, scope, undefined, push);
        return;
      case 'MemberExpression':
        this.recordSelfAttribute(target, scope, value);
        push(target);
        return;
      default:
        // Punctuation and `*` of unpacking targets; subscripts are reads of the container.
        if (!PUNCTUATION.has(target.name)) push(target);
    }
  }

  /** Remembers `self.attr = value` in a method so `self.attr.get(...)` can be typed later. */
  private recordSelfAttribute(target: SyntaxNode, scope: Scope, value: SyntaxNode | undefined): void {
    const object = target.firstChild;
    const property = target.lastChild;
    const classScope = scope.kind === 'function' ? scope.parent : null;
    if (!object || property?.name !== 'PropertyName' || classScope?.kind !== 'class') return;
    if (object.name !== 'VariableName' || this.text(object) !== scope.selfName) return;
    const attr = this.text(property);
    const list = classScope.selfAttributes.get(attr) ?? [];
    // An assignment we cannot type (unpacking, augmented) still counts, so the attribute stays untyped.
    list.push({ value: value ?? target, scope });
    classScope.selfAttributes.set(attr, list);
  }

  /** `for` statements and comprehension clauses: the names between `for` and `in` are bound. */
  private visitForClauses(kids: SyntaxNode[], scope: Scope, push: (node: SyntaxNode, scope?: Scope) => void): void {
    let inTargets = false;
    for (const kid of kids) {
      if (kid.name === 'for') inTargets = true;
      else if (kid.name === 'in') inTargets = false;
      else if (inTargets) this.bindTarget(kid, scope, undefined, push);
      else push(kid);
    }
  }

  /** `with x as name` (typed by x) and `except E as name`. */
  private visitAsTargets(
    kind: string,
    kids: SyntaxNode[],
    scope: Scope,
    push: (node: SyntaxNode, scope?: Scope) => void,
  ): void {
    kids.forEach((kid, i) => {
      if (kids[i - 1]?.name !== 'as') return push(kid);
      const value = kids[i - 2];
      const typed = kind === 'WithStatement' && kid.name === 'VariableName' && value;
      if (typed) scope.bind(this.text(kid), { kind: 'assign', value, scope });
      else this.bindTarget(kid, scope, undefined, push);
    });
  }

  /** Names in a case pattern are captures, except class names and dotted constants. */
  private visitMatchClause(kids: SyntaxNode[], scope: Scope, push: (node: SyntaxNode, scope?: Scope) => void): void {
    for (const kid of kids) {
      if (kid.name === 'Body' || kid.name === 'Guard') {
        push(kid);
        continue;
      }
      const cursor = kid.cursor();
      do {
        if (cursor.name !== 'VariableName') continue;
        const parent = cursor.node.parent;
        const isRead = parent?.name === 'AttributePattern' || parent?.name === 'ClassPattern';
        if (isRead) scope.load(this.text(cursor));
        else if (!(parent?.name === 'KeywordPattern' && parent.firstChild?.from === cursor.from)) {
          scope.bind(this.text(cursor), { kind: 'other' });
        }
      } while (cursor.next() && cursor.from < kid.to);
    }
  }
}
