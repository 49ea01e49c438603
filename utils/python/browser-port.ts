/** The Web Worker transport for PythonClient, used by extension pages. */
import type { WorkerPort } from './client';

export function browserPort(): WorkerPort {
  const worker = new Worker(new URL('../../entrypoints/sidepanel/python-worker.ts', import.meta.url), {
    type: 'module',
    name: 'awaitwise-python',
  });
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.addEventListener('message', (event: MessageEvent<unknown>) => listener(event.data)),
    onError: (listener) =>
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener(event.message || 'the worker failed to load');
      }),
    terminate: () => worker.terminate(),
  };
}
