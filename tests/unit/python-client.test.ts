/** PythonClient against a scripted port: what the user is told when the interpreter never becomes ready. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PythonClient, type WorkerPort } from '@/utils/python/client';

function silentPort(): WorkerPort & { terminated: boolean } {
  const port = {
    terminated: false,
    post: () => undefined,
    onMessage: () => undefined,
    onError: () => undefined,
    terminate: () => {
      port.terminated = true;
    },
  };
  return port;
}

describe('PythonClient start-up', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a worker that never says ready ends the run with a message, and the next run starts a new worker', async () => {
    const ports: ReturnType<typeof silentPort>[] = [];
    const client = new PythonClient(() => {
      const port = silentPort();
      ports.push(port);
      return port;
    });
    const run = client.run('print(1)');
    expect(client.status.kind).toBe('loading');
    await vi.advanceTimersByTimeAsync(119_000);
    expect(client.status.kind).toBe('loading');
    await vi.advanceTimersByTimeAsync(2_000);
    const result = await run;
    expect(result.unavailable).toBe(true);
    expect(result.error).toMatch(/^Python could not start: it did not finish loading within 120 s\. Run again/);
    expect(client.status).toMatchObject({ kind: 'failed' });
    expect(ports[0]!.terminated).toBe(true);

    void client.run('print(2)');
    expect(ports).toHaveLength(2);
    expect(client.status.kind).toBe('loading');
    client.dispose();
  });
});
