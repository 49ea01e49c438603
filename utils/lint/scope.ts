/** Python scopes (module, function, lambda, class) with what each binds and reads; filled by analysis.ts. */
import type { SyntaxNode } from '@lezer/common';

export type ScopeKind = 'module' | 'function' | 'lambda' | 'class';

export type Binding =
  /** `import a.b as c` binds c to "a.b"; `from a import b` binds b to "a.b". */
  | { kind: 'import'; qualname: string }
  | { kind: 'def'; node: SyntaxNode; isAsync: boolean; decorators: SyntaxNode[] }
  | { kind: 'class'; node: SyntaxNode }
  /** A plain `name = value` (or `with value as name`, `name := value`), kept for light type inference. */
  | { kind: 'assign'; value: SyntaxNode; scope: Scope }
  /** `scope` is where the annotation is evaluated: the scope around the def. */
  | { kind: 'param'; annotation: SyntaxNode | null; scope: Scope }
  /** Anything else that makes the name local: loop targets, unpacking, `except ... as`, patterns. */
  | { kind: 'other' };

export class Scope {
  readonly bindings = new Map<string, Binding[]>();
  /** How often each name is read in this scope (not in nested scopes). */
  readonly loads = new Map<string, number>();
  readonly children: Scope[] = [];
  /** Class scopes only: the values assigned to `self.<attr>` in the class's methods. */
  readonly selfAttributes = new Map<string, { value: SyntaxNode; scope: Scope }[]>();

  constructor(
    readonly kind: ScopeKind,
    /** Script, FunctionDefinition, LambdaExpression or ClassDefinition. */
    readonly node: SyntaxNode,
    readonly parent: Scope | null,
    readonly isAsync: boolean,
    /** False when the def/class header has a syntax error, so what the body runs in is uncertain. */
    readonly headerIsClean: boolean,
    /** Functions defined directly in a class body: the name of the instance/class parameter. */
    readonly selfName: string | null = null,
  ) {
    parent?.children.push(this);
  }

  bind(name: string, binding: Binding): void {
    const list = this.bindings.get(name);
    if (list) list.push(binding);
    else this.bindings.set(name, [binding]);
  }

  load(name: string): void {
    this.loads.set(name, (this.loads.get(name) ?? 0) + 1);
  }
}
