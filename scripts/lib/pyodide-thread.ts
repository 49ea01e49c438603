/**
 * The Node twin of the extension's Python worker (utils/python/worker.ts): a worker thread (a JavaScript
 * realm of its own, as a Web Worker is) that starts one interpreter, restored from the parent's snapshot or
 * loaded in full, and runs one thing through the same engine, for the command-line tools and CI.
 *
 * User code must reach nothing of Node. Pyodide's `js` module here is a sandbox object, not Node's global:
 * the names the browser worker keeps, and for every other name Node's global has (process, fetch, Buffer,
 * ...) a getter that says why it is not there. Code generation from strings is taken out of this realm
 * (eval and the Function constructors), so no JavaScript written by Python can find the real global either;
 * `pyodide_js` is unregistered by the engine; and the thread's port to the parent is taken before any
 * Python exists. Bundled by pyodide-node.ts (no TypeScript loader runs inside the thread).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { loadPyodide, type PyodideConfig } from 'pyodide';
import * as v from 'valibot';
import { boot, createModuleOf, sizedFor } from '../../utils/python/boot';
import { BLOCKED_MESSAGE, KEPT_GLOBALS } from '../../utils/python/lockdown';
import { parseToEngine, type FromEngine } from '../../utils/python/protocol';

const port = parentPort;
const root = v.parse(v.object({ root: v.string() }), workerData).root;
const post = (message: FromEngine) => port?.postMessage(message);

const StartSchema = v.strictObject({
  type: v.literal('start'),
  snapshot: v.nullable(v.instance(Uint8Array)),
  digest: v.nullable(v.string()),
  makeSnapshot: v.boolean(),
});

/** Names the sandbox leaves out although the browser keeps them: without a CSP, they compile strings. */
const CODE_FROM_STRINGS = new Set(['eval', 'Function']);

/** What Python sees as `js`. */
function sandboxGlobals(): object {
  const sandbox: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const refuse = (name: string) => () => {
    throw new Error(`${name} ${BLOCKED_MESSAGE}`);
  };
  for (let o: object | null = globalThis; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null)
    for (const name of Object.getOwnPropertyNames(o))
      if (!(name in sandbox))
        Object.defineProperty(sandbox, name, { get: refuse(name), set: refuse(name), configurable: true });
  for (const name of KEPT_GLOBALS) {
    const value: unknown = Reflect.get(globalThis, name);
    if (name in globalThis && !CODE_FROM_STRINGS.has(name)) Object.defineProperty(sandbox, name, { value });
  }
  Object.defineProperty(sandbox, 'globalThis', { value: sandbox });
  Object.defineProperty(sandbox, 'self', { value: sandbox });
  return Object.freeze(sandbox);
}

/**
 * Replaces the constructors every function can reach (`f.constructor`) with ones that refuse, so a
 * function handed to Python cannot be turned into `Function("return process")`. Their names stay, for
 * code that tells functions apart by them.
 */
function sealCodeGeneration(): void {
  const kinds = [function () {}, async function () {}, function* () {}, async function* () {}];
  for (const kind of kinds) {
    const prototype = Object.getPrototypeOf(kind) as object;
    const original: unknown = Reflect.get(prototype, 'constructor');
    const name = typeof original === 'function' ? original.name : 'Function';
    const refused = () => {
      throw new EvalError(`${name} ${BLOCKED_MESSAGE}`);
    };
    Object.defineProperty(refused, 'name', { value: name });
    Object.defineProperty(prototype, 'constructor', { value: refused, writable: false, configurable: false });
  }
  Object.defineProperty(globalThis, 'eval', { value: undefined, writable: false, configurable: false });
}

async function start(raw: unknown) {
  const request = v.parse(StartSchema, raw);
  const indexURL = `${dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'))}/`;
  const jsglobals = sandboxGlobals();
  const create = createModuleOf(await import('pyodide/pyodide.asm.mjs'));
  const source = (name: string) => readFileSync(join(root, 'utils/python', name), 'utf8');
  const engine = await boot({
    request,
    sources: {
      runner: source('runner.py'),
      guard: source('guard.py'),
      harness: source('harness.py'),
      tracer: source('tracer.py'),
    },
    post,
    load: (snapshot) => {
      const config: PyodideConfig = { indexURL, jsglobals };
      if (!snapshot) return loadPyodide(config);
      return loadPyodide({
        ...config,
        _loadSnapshot: snapshot,
        createPyodideModule: sizedFor(create, snapshot.length),
      });
    },
    seal: sealCodeGeneration,
  });
  port?.on('message', (message: unknown) => {
    const parsed = parseToEngine(message);
    if (parsed) engine.handle(parsed);
  });
}

port?.once('message', (raw: unknown) => {
  start(raw).catch((error: unknown) => {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  });
});
