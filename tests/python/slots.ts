/**
 * How many interpreter processes the python project runs at once, across all of Vitest's workers: two slots
 * per core. A snippet or a practice suite spends much of its time asleep (its delays, a wrong solution's
 * time-outs), so one per core left the cores idle; the stress step (scripts/stress.ts) shows the stated
 * outputs hold on a machine far busier than this. The slots are files created exclusively in a folder
 * shared by the workers; a slot whose owner died is taken over.
 */
import { availableParallelism, tmpdir } from 'node:os';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SLOTS = Number(process.env.AWAITWISE_PYTHON_SLOTS) || 2 * availableParallelism();
/** Set by the python project's global setup, which empties it before a run. */
export const SLOTS_DIR = process.env.AWAITWISE_PYTHON_SLOTS_DIR ?? join(tmpdir(), 'awaitwise-python-slots');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function tryTake(file: string): boolean {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    let owner = 0;
    try {
      owner = Number(readFileSync(file, 'utf8'));
    } catch {
      // Freed in the meantime: the next look takes it.
    }
    if (owner && !alive(owner)) rmSync(file, { force: true });
    return false;
  }
}

/** Runs `work` once a slot is free; the slot is given back when it settles. */
export async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(SLOTS_DIR, { recursive: true });
  for (;;) {
    for (let i = 0; i < SLOTS; i++) {
      const file = join(SLOTS_DIR, `slot-${i}`);
      if (!tryTake(file)) continue;
      try {
        return await work();
      } finally {
        rmSync(file, { force: true });
      }
    }
    // Every slot is busy: look again shortly (a slot frees when another interpreter exits).
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
