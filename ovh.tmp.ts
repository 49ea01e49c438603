import { readFileSync } from 'node:fs';
import { nodePythonClient } from './scripts/lib/pyodide-node';
const k = JSON.parse(readFileSync('data/generated/knowledge.json', 'utf8'));
const code = k.questions.find((q: any) => q.id === 'gather-basics').snippets[0].code;
const client = nodePythonClient();
for (let i = 0; i < 6; i++) {
  const r = await client.run(code);
  console.log('engine ms', Math.round(r.ms));
  await new Promise((res) => setTimeout(res, 2500));
}
const r2 = await client.run('import time, gc\nt=time.perf_counter()\ngc.collect()\nprint("gc ms", round((time.perf_counter()-t)*1000))\nt=time.perf_counter()\nimport asyncio\nasync def m(): pass\nasyncio.run(m())\nprint("asyncio.run ms", round((time.perf_counter()-t)*1000))');
console.log(r2.stdout);
client.dispose();
