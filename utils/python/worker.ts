/**
 * The body of the side panel's Python worker: one interpreter for one run. The page starts it with a
 * single message that carries a private MessagePort; everything after goes through that port, which no
 * user code can reach, so nothing user code posts or dispatches on the worker's global gets to the engine
 * or the page. The bundled Pyodide is loaded from the extension's own files (nothing from anywhere else),
 * or restored from the page's snapshot; then the global is locked down and the engine takes over.
 */
import type { PyodideConfig, PyodideInterface } from 'pyodide';
import * as v from 'valibot';
import { boot, createModuleOf, sizedFor } from './boot';
import type { EngineSources } from './engine';
import { lockDown } from './lockdown';
import { parseToEngine, type FromEngine, type StartRequest } from './protocol';

const StartSchema = v.strictObject({
  type: v.literal('start'),
  snapshot: v.nullable(v.union([v.instance(Blob), v.instance(Uint8Array)])),
  digest: v.nullable(v.string()),
  makeSnapshot: v.boolean(),
});

function loaderOf(module: unknown): { loadPyodide: (config: PyodideConfig) => Promise<PyodideInterface> } {
  const load: unknown = typeof module === 'object' && module !== null ? Reflect.get(module, 'loadPyodide') : null;
  if (typeof load !== 'function') throw new Error('the bundled pyodide.mjs has no loadPyodide');
  return { loadPyodide: (config) => Promise.resolve(Reflect.apply(load, undefined, [config])) };
}

async function start(request: StartRequest, port: MessagePort, sources: EngineSources): Promise<void> {
  const post = (message: FromEngine) =>
    port.postMessage(message, message.type === 'snapshot' ? [message.bytes.buffer] : []);
  try {
    const indexURL = new URL('/pyodide/', self.location.href).href;
    // Literal paths in the package (external in wxt.config.ts): store linters flag import() of a computed one.
    // @ts-expect-error -- a file of the built package (modules/pyodide.ts), not a module TypeScript resolves
    const loading: Promise<unknown> = import('/pyodide/pyodide.mjs');
    // @ts-expect-error -- as above
    const asm: unknown = await import('/pyodide/pyodide.asm.mjs');
    const loader = await loading;
    const { loadPyodide } = loaderOf(loader);
    const create = createModuleOf(asm);
    const lock = import.meta.env.AWAITWISE_PYODIDE_LOCK;
    const engine = await boot({
      request,
      sources,
      post,
      load: (snapshot) =>
        loadPyodide({
          indexURL,
          ...(lock ? { lockFileContents: lock } : {}),
          createPyodideModule: snapshot ? sizedFor(create, snapshot.length) : create,
          ...(snapshot ? { _loadSnapshot: snapshot } : {}),
        }),
      seal: () => lockDown(self),
    });
    port.onmessage = (event: MessageEvent<unknown>) => {
      const message = parseToEngine(event.data);
      if (message) engine.handle(message);
    };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    post({
      type: 'failed',
      message: /stack switching/i.test(text)
        ? 'this browser lacks WebAssembly stack switching, which Python here needs.'
        : text,
    });
  }
}

/** Waits for the page's one start message; the listener is gone before any Python exists. */
export function serveWorker(sources: EngineSources): void {
  self.onmessage = (event: MessageEvent<unknown>) => {
    self.onmessage = null;
    const request = v.safeParse(StartSchema, event.data);
    const port = event.ports[0];
    if (request.success && port) void start(request.output, port, sources);
  };
}
