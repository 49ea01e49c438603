/**
 * The page's Python runtime: one client per page, whose interpreters are Web Workers the side panel's entry
 * provides, with the interpreter snapshot in the extension's own IndexedDB. Nothing starts at page load:
 * runnable code asks for a warm interpreter once the view has painted and the browser is idle.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { browserInterpreters } from '@/utils/python/browser-port';
import { PythonClient, type RuntimeStatus } from '@/utils/python/client';
import { indexedDbSnapshotStore, snapshotKey } from '@/utils/python/snapshot-store';

let createWorker: (() => Worker) | null = null;
let shared: PythonClient | undefined;

/** Called by the page's entry (which may import its worker); pages without it get no Python. */
export function providePythonWorker(factory: () => Worker): void {
  createWorker = factory;
}

export function pythonClient(): PythonClient {
  shared ??= new PythonClient({
    start: browserInterpreters(() => {
      if (!createWorker) throw new Error('this page has no Python worker');
      return createWorker();
    }),
    store: indexedDbSnapshotStore(() =>
      snapshotKey(browser.runtime.getManifest().version, import.meta.env.AWAITWISE_PYODIDE_BUILD_ID ?? 'dev'),
    ),
  });
  return shared;
}

export function usePythonStatus(): RuntimeStatus {
  const client = pythonClient();
  const [status, setStatus] = useState(client.status);
  useEffect(() => client.subscribe(setStatus), [client]);
  return status;
}
