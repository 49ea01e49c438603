/** The Web Worker transport for PythonClient, used by extension pages. */
import PythonWorker from '@/entrypoints/sidepanel/python-worker?worker';
import type { WorkerPort } from './client';

export function browserPort(): WorkerPort {
  const worker = new PythonWorker({ name: 'awaitwise-python' });
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
