/**
 * How an interpreter starts, in the worker and in the Node child alike: restore the page's snapshot when it
 * has one (after checking it is the one that was stored), otherwise load Pyodide in full, import the
 * project's modules and, when asked, snapshot that state before any user code for later starts. A snapshot
 * that cannot be used is reported and the start goes on in full, so a Run never breaks over it.
 */
import type { PyodideConfig, PyodideInterface } from 'pyodide';
import { installModules, makeSnapshot, startEngine, type Engine, type EngineSources } from './engine';
import type { FromEngine, StartRequest } from './protocol';

export interface BootOptions {
  request: StartRequest;
  sources: EngineSources;
  /** Loads Pyodide, from `snapshot` when given. */
  load: (snapshot: Uint8Array | null) => Promise<PyodideInterface>;
  /** Takes away what user code must not reach in this environment; runs after the load, before 'ready'. */
  seal: () => void;
  post: (message: FromEngine) => void;
}

/** The same bytes, typed as backed by a plain ArrayBuffer (what Web Crypto and Blob accept). */
export function plainBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes;
  if (!(buffer instanceof ArrayBuffer)) throw new Error('expected bytes in an ArrayBuffer');
  return new Uint8Array(buffer, bytes.byteOffset, bytes.byteLength);
}

/** The snapshot's bytes, at the start of a buffer of their own: Pyodide reads its header as 32-bit words. */
async function bytesOf(data: Blob | Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  if (!(data instanceof Uint8Array)) return new Uint8Array(await data.arrayBuffer());
  return data.byteOffset % 8 === 0 ? plainBytes(data) : plainBytes(data.slice());
}

type CreateModule = NonNullable<PyodideConfig['createPyodideModule']>;

/** The module factory pyodide.asm.mjs exports, checked. */
export function createModuleOf(module: unknown): CreateModule {
  const create: unknown = typeof module === 'object' && module !== null ? Reflect.get(module, 'default') : null;
  if (typeof create !== 'function') throw new Error('the bundled pyodide.asm.mjs exports no module factory');
  return (settings) => Promise.resolve(Reflect.apply(create, undefined, [settings]));
}

/**
 * Pyodide 314 makes a 30 MB heap whatever the snapshot's size and copies the snapshot into it, which fails
 * for a larger one ("offset is out of bounds"). Growing the heap first (one allocation the size of the
 * snapshot, freed at once; the snapshot then overwrites the allocator's state too) makes any size restore.
 */
export function sizedFor(create: CreateModule, bytes: number): CreateModule {
  return async (settings) => {
    const module = await create(settings);
    const malloc: unknown = Reflect.get(module, '_malloc');
    const free: unknown = Reflect.get(module, '_free');
    if (module.HEAP8.length < bytes && typeof malloc === 'function' && typeof free === 'function') {
      const block: unknown = Reflect.apply(malloc, module, [bytes]);
      Reflect.apply(free, module, [block]);
    }
    return module;
  };
}

export async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', plainBytes(bytes)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function restore(options: BootOptions): Promise<PyodideInterface | null> {
  const { snapshot, digest } = options.request;
  if (!snapshot) return null;
  try {
    const bytes = await bytesOf(snapshot);
    if (digest && (await sha256(bytes)) !== digest) throw new Error('the stored snapshot is damaged');
    return await options.load(bytes);
  } catch (error) {
    options.post({ type: 'snapshot-rejected', message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

export async function boot(options: BootOptions): Promise<Engine> {
  const started = performance.now();
  let py = await restore(options);
  const restored = py !== null;
  if (!py) {
    py = await options.load(null);
    installModules(py, options.sources);
    if (options.request.makeSnapshot || options.request.snapshot) {
      const made = performance.now();
      try {
        const bytes = plainBytes(makeSnapshot(py));
        const digest = await sha256(bytes);
        options.post({ type: 'snapshot', bytes, digest, ms: performance.now() - made });
      } catch (error) {
        // Without a snapshot every start is a full one: slower, never broken.
        console.warn('Awaitwise: no Python snapshot this time:', error);
      }
    }
  }
  const engine = startEngine(py, options.post);
  options.seal();
  options.post({ type: 'ready', ms: performance.now() - started, restored });
  return engine;
}
