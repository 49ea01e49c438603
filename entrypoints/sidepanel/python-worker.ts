/** The side panel's Python worker (utils/python/worker.ts), with the project's Python modules. */
import runner from '@/utils/python/runner.py?raw';
import guard from '@/utils/python/guard.py?raw';
import harness from '@/utils/python/harness.py?raw';
import tracer from '@/utils/python/tracer.py?raw';
import { serveWorker } from '@/utils/python/worker';

serveWorker({ runner, guard, harness, tracer });
