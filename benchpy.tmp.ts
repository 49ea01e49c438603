import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPythonBench } from './scripts/lib/bench-python';
const dir = join(mkdtempSync(join(tmpdir(), 'awaitwise-bench-')), 'chrome-mv3');
cpSync(process.argv[2] ?? '.output/chrome-mv3', dir, { recursive: true });
const rows = await runPythonBench({ executablePath: '/usr/bin/chromium', extensionDir: dir, reps: Number(process.argv[3] ?? 1), browserLabel: 'Chromium 156', log: console.log });
for (const r of rows) console.log(r.id, r.summary ? `median ${Math.round(r.summary.median)} min ${Math.round(r.summary.min)} max ${Math.round(r.summary.max)} n ${r.summary.n}` : r.note);
