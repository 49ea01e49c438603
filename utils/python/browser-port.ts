/**
 * Interpreters for extension pages: each one a module Worker, given a MessageChannel port with its start
 * message. The page listens on its end of the channel only, never on the Worker, so a message the worker's
 * global posts (or one user code would forge) reaches nobody.
 */
import type { Interpreter, StartInterpreter } from './pool';

export function browserInterpreters(createWorker: () => Worker): StartInterpreter {
  return (request) => {
    const worker = createWorker();
    const channel = new MessageChannel();
    worker.postMessage(request, [channel.port2]);
    const interpreter: Interpreter = {
      post: (message) => channel.port1.postMessage(message),
      onMessage: (listener) => {
        channel.port1.onmessage = (event: MessageEvent<unknown>) => listener(event.data);
      },
      onError: (listener) =>
        worker.addEventListener('error', (event) => {
          event.preventDefault();
          listener(event.message || 'the worker failed to load');
        }),
      terminate: () => {
        worker.terminate();
        channel.port1.close();
      },
    };
    return interpreter;
  };
}
