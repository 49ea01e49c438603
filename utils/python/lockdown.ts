/**
 * Empties the Python worker's global scope of everything user code could use to reach out: Pyodide's `js`
 * module is this global, so what stays here is all Python can touch. Runs after Pyodide has loaded and
 * before any user code; the CSP (`default-src 'self'`, no 'unsafe-eval') is the second fence.
 *
 * An allowlist, not a blocklist: enumerating the dedicated worker's global and its prototype chain in
 * Chromium 156 gave 355 names on the global, 31 on WorkerGlobalScope and 6 on EventTarget, and Firefox 153
 * ESR 242 + 34 + 5, among them the network (fetch, XMLHttpRequest, WebSocket, WebSocketStream,
 * WebTransport, EventSource, RTCDataChannel, FontFace and `fonts`, importScripts, createImageBitmap),
 * storage (indexedDB, caches, webkitRequestFileSystem(Sync), navigator.storage, navigator.storageBuckets,
 * FileSystem*Handle), coordination and messaging (navigator.locks, BroadcastChannel, MessageChannel,
 * postMessage, onmessage, addEventListener, dispatchEvent, close, Worker, SharedWorker), devices and
 * platform (navigator.usb, hid, serial, gpu, permissions, Notification, IdleDetector, PressureObserver,
 * LanguageModel, Summarizer, Translator) and whatever a later browser adds. Everything not kept below is
 * removed, so a new API is gone before anyone has heard of it.
 */

/** ECMAScript's own globals (and WebAssembly): computation only, nothing outside the worker. */
const LANGUAGE = [
  'AggregateError',
  'Array',
  'ArrayBuffer',
  'AsyncDisposableStack',
  'Atomics',
  'BigInt',
  'BigInt64Array',
  'BigUint64Array',
  'Boolean',
  'DataView',
  'Date',
  'DisposableStack',
  'Error',
  'EvalError',
  'FinalizationRegistry',
  'Float16Array',
  'Float32Array',
  'Float64Array',
  'Function',
  'Infinity',
  'Int16Array',
  'Int32Array',
  'Int8Array',
  'InternalError',
  'Intl',
  'Iterator',
  'JSON',
  'Map',
  'Math',
  'NaN',
  'Number',
  'Object',
  'Promise',
  'Proxy',
  'RangeError',
  'ReferenceError',
  'Reflect',
  'RegExp',
  'Set',
  'SharedArrayBuffer',
  'String',
  'SuppressedError',
  'Symbol',
  'SyntaxError',
  'Temporal',
  'TypeError',
  'URIError',
  'Uint16Array',
  'Uint32Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'WeakMap',
  'WeakRef',
  'WeakSet',
  'WebAssembly',
  'decodeURI',
  'decodeURIComponent',
  'encodeURI',
  'encodeURIComponent',
  'escape',
  'globalThis',
  'isFinite',
  'isNaN',
  'parseFloat',
  'parseInt',
  'undefined',
  'unescape',
] as const;

/**
 * Web APIs Pyodide or CPython use while running (the clock, random numbers for os.urandom and hash seeds,
 * text codecs, timers, error types its calls throw) and that reach nothing outside the worker.
 */
const RUNTIME = [
  'DOMException',
  'TextDecoder',
  'TextEncoder',
  'atob',
  'btoa',
  'clearInterval',
  'clearTimeout',
  'console',
  'crypto',
  'performance',
  'queueMicrotask',
  'self',
  'setInterval',
  'setTimeout',
  'structuredClone',
] as const;

/** The only navigator fields left: what a program may ask about the machine without reaching anything. */
const NAVIGATOR = ['hardwareConcurrency', 'language', 'languages', 'userAgent'] as const;

/** Every global name the lockdown keeps (the Node twin gives Python a sandbox of the same names). */
export const KEPT_GLOBALS: readonly string[] = [...LANGUAGE, ...RUNTIME];
const KEPT: ReadonlySet<string> = new Set(KEPT_GLOBALS);

export const BLOCKED_MESSAGE =
  'is not available to code run in Awaitwise: Python here has no network, no storage and no extension access.';

function blocked(name: string): PropertyDescriptor {
  const refuse = () => {
    throw new Error(`${name} ${BLOCKED_MESSAGE}`);
  };
  return { get: refuse, set: refuse, configurable: false };
}

/**
 * Removes every name not kept from `scope` and from its prototype chain up to Object.prototype, leaving a
 * getter that says why in its place. EventTarget's methods are shared with other event targets, so they
 * are shadowed on the global and refuse it as their receiver rather than being deleted. What stays on the
 * prototypes is WebIDL's constants (PERSISTENT, TEMPORARY: numbers, which cannot be deleted).
 */
export function lockDown(scope: typeof globalThis = globalThis): void {
  const navigator: unknown = Reflect.get(scope, 'navigator');
  const fields: Record<string, unknown> = {};
  if (typeof navigator === 'object' && navigator !== null)
    for (const name of NAVIGATOR) fields[name] = Reflect.get(navigator, name);

  const events: object = EventTarget.prototype;
  const names = new Set<string>();
  const shared = new Set<object>([Object.prototype, events]);
  for (let o: object | null = scope; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Reflect.ownKeys(o)) {
      if (typeof name === 'symbol' || name === 'constructor' || KEPT.has(name)) continue;
      names.add(name);
      if (!shared.has(o)) Reflect.deleteProperty(o, name);
    }
  }
  names.delete('navigator');
  for (const name of names) Object.defineProperty(scope, name, blocked(name));
  // Reached through the prototype (EventTarget.prototype.addEventListener.call(self, ...)), they still
  // refuse the global; the engine's port and Pyodide's own event targets keep them.
  for (const name of Object.getOwnPropertyNames(events)) {
    const method: unknown = Reflect.get(events, name);
    if (name === 'constructor' || typeof method !== 'function') continue;
    Object.defineProperty(events, name, {
      value: function (this: unknown, ...args: unknown[]): unknown {
        if (this === scope) throw new Error(`${name} ${BLOCKED_MESSAGE}`);
        const result: unknown = Reflect.apply(method, this, args);
        return result;
      },
      configurable: false,
      writable: false,
    });
  }
  Object.defineProperty(scope, 'navigator', { value: Object.freeze(fields), configurable: false, writable: false });
}
