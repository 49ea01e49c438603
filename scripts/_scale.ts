import { readFileSync } from 'node:fs';
import { lintPython } from '../utils/lint';
const k = JSON.parse(readFileSync('data/generated/knowledge.json', 'utf8'));
const code = k.practice.map((p: any) => p.snippets.find((x: any) => x.runnable)?.code ?? '').join('\n\n');
const stuck = readFileSync('/tmp/hang/stuck.py', 'utf8');
for (const [name, base] of [['solutions', code], ['deep-indent', stuck]] as const) for (const n of [1, 2, 4]) {
  const src = Array(n).fill(base).join('\n\n');
  lintPython(src);
  const t = performance.now(); lintPython(src); console.log(name, src.length, src.split('\n').length, 'lines', (performance.now() - t).toFixed(1), 'ms');
}
const flat = stuck.split('\n').map((l) => l.trimStart()).join('\n');
const t = performance.now(); lintPython(flat); console.log('stuck dedented', flat.length, (performance.now() - t).toFixed(1));
