import { readFileSync } from 'node:fs';
import { lintPython } from '../utils/lint';
const src = readFileSync(process.argv[2]!, 'utf8');
const t = performance.now(); const f = lintPython(src); console.log((performance.now() - t).toFixed(1), 'ms', f.length);
