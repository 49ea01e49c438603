/**
 * Unit tests start no process: a test that needs Python, a CLI or a browser belongs in tests/python,
 * tests/cli or tests/e2e, where its cost is paid once, in its own step. Importing node:child_process still
 * works (modules/knowledge.ts imports it for its dev watcher); calling it fails the test.
 */
import { vi } from 'vitest';

// Hoisted with the mocks. A synchronous factory over the real module: an async one (importOriginal) is not
// applied from a setup file.
const { withoutProcesses } = vi.hoisted(() => ({
  withoutProcesses: () => {
    const real = process.getBuiltinModule('node:child_process');
    const stubs = Object.fromEntries(
      ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'].map((name) => [
        name,
        () => {
          throw new Error(
            `${name}() in a unit test: unit tests start no process. Move the test to tests/python or tests/cli.`,
          );
        },
      ]),
    );
    return { ...real, ...stubs, default: { ...real, ...stubs } };
  },
}));

vi.mock('node:child_process', withoutProcesses);
vi.mock('child_process', withoutProcesses);
