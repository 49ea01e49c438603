/**
 * Clients of the browser runtime (Pyodide under Node) shared by one test file's concurrent tests, each
 * running one program at a time, as the side panel's client does. A Pyodide run spends much of its time
 * sleeping (the practice suites' delays and time-outs), so two clients keep a core busy where one would not.
 */
import type { PythonClient } from '@/utils/python/client';
import { nodePythonClient } from '../../scripts/lib/pyodide-node';

export interface PyodideClients {
  /** Runs `work` with a client that is free, waiting for one if need be. */
  use<T>(work: (client: PythonClient) => Promise<T>): Promise<T>;
  dispose(): void;
}

export function pyodideClients(size = 2): PyodideClients {
  const all = Array.from({ length: size }, () => nodePythonClient());
  const free = [...all];
  const waiting: ((client: PythonClient) => void)[] = [];
  const take = () =>
    new Promise<PythonClient>((resolve) => {
      const client = free.pop();
      if (client) resolve(client);
      else waiting.push(resolve);
    });
  const give = (client: PythonClient) => {
    const next = waiting.shift();
    if (next) next(client);
    else free.push(client);
  };
  return {
    async use(work) {
      const client = await take();
      try {
        return await work(client);
      } finally {
        give(client);
      }
    },
    dispose: () => all.forEach((client) => client.dispose()),
  };
}
