/** Runs Python through Pyodide under Node: the same client and engine as the extension, over a child process. */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { PythonClient, type WorkerPort } from '../../utils/python/client';

const CHILD = join(import.meta.dirname, 'pyodide-child.ts');

export function nodePort(): WorkerPort {
  const child = fork(CHILD, [], {
    // asyncio.run inside Pyodide needs WebAssembly stack switching (JSPI); Node 20 has it behind a flag.
    execArgv: ['--experimental-wasm-stack-switching', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    post: (message) => child.send(message),
    onMessage: (listener) => child.on('message', listener),
    onError: (listener) => {
      child.on('error', (error) => listener(error.message));
      child.on('exit', (code, signal) => {
        if (!child.killed) listener(`the Python process ended (${signal ?? `exit ${code}`})`);
      });
    },
    terminate: () => child.kill('SIGKILL'),
  };
}

/** A client for scripts and tests; dispose() it when done, or the child keeps the process alive. */
export function nodePythonClient(): PythonClient {
  return new PythonClient(nodePort);
}
