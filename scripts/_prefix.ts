import { readFileSync, writeFileSync } from 'node:fs';
import { lintPython } from '../utils/lint';
const k = JSON.parse(readFileSync('data/generated/knowledge.json', 'utf8'));
const texts: [string, string][] = [];
for (const p of k.practice) { const s = p.snippets.find((x: any) => x.runnable); if (s) texts.push([p.id, s.code]); }
// Typing with auto-indent: each new line keeps the previous line's indentation, then the typed spaces add to it.
function autoIndented(code: string) { let out = ''; let indent = ''; for (const line of code.split('\n')) { const typed = indent + line; out += typed + '\n'; indent = typed.match(/^\s*/)![0] + (typed.trimEnd().endsWith(':') ? '    ' : ''); } return out; }
let worst = 0; let worstAt = '';
for (const [id, code] of texts) for (const variant of [code, autoIndented(code)]) {
  for (let i = 1; i <= variant.length; i += 1) {
    const prefix = variant.slice(0, i);
    writeFileSync('/tmp/hang/last.py', prefix);
    const t = performance.now(); lintPython(prefix); const d = performance.now() - t;
    if (d > worst) { worst = d; worstAt = `${id} len ${i}`; }
  }
  console.log(id, 'done', worst.toFixed(1), worstAt);
}
