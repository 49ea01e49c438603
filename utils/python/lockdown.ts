/**
 * Takes away everything user code could harm or reach through Pyodide's `js` module (which is the
 * worker's global scope): network, storage, other workers, extension APIs. Run after the interpreter has
 * loaded its own files and before any user code. The CSP's `connect-src 'self'` is the second fence.
 */
const BLOCKED_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'RTCPeerConnection',
  'indexedDB',
  'IDBFactory',
  'caches',
  'CacheStorage',
  'importScripts',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'postMessage',
  'chrome',
  'browser',
] as const;

export const BLOCKED_MESSAGE =
  'is not available to code run in Awaitwise: Python here has no network, no storage and no extension access.';

function blocker(name: string) {
  return () => {
    throw new Error(`${name} ${BLOCKED_MESSAGE}`);
  };
}

/** Removes `name` from `target` and its prototype chain, then leaves a getter that explains why. */
function block(target: object, name: string): void {
  for (let o: object | null = target; o && o !== Object.prototype; o = Reflect.getPrototypeOf(o)) {
    if (Object.prototype.hasOwnProperty.call(o, name)) Reflect.deleteProperty(o, name);
  }
  Object.defineProperty(target, name, { get: blocker(name), set: blocker(name), configurable: false });
}

export function lockDown(scope: typeof globalThis = globalThis): void {
  for (const name of BLOCKED_GLOBALS) block(scope, name);
  // The origin-private file system and storage estimates hang off navigator.storage.
  const nav: unknown = Reflect.get(scope, 'navigator');
  if (nav && typeof nav === 'object') block(nav, 'storage');
}
