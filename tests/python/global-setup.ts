/** Before the python project runs: no slot left over from an earlier run that was killed. */
import { rmSync } from 'node:fs';
import { SLOTS_DIR } from './slots';

export default function setup(): void {
  rmSync(SLOTS_DIR, { recursive: true, force: true });
}
