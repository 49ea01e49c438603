/** Validates data/ and writes data/generated/knowledge.json, the only form of it the extension loads. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDataDir, DATA_DIR } from './lib/read-data';

const { knowledge, errors } = compileDataDir();
if (errors.length) {
  console.error(`data/ has ${errors.length} problem(s):\n${errors.map((e) => `  ${e}`).join('\n')}`);
  process.exit(1);
}
const out = join(DATA_DIR, 'generated');
mkdirSync(out, { recursive: true });
const json = JSON.stringify(knowledge);
writeFileSync(join(out, 'knowledge.json'), json);
console.error(
  `data: ${knowledge.questions.length} questions, ${knowledge.practice.length} practice problems, ` +
    `${knowledge.quizzes?.length ?? 0} quizzes, ` +
    `${knowledge.concepts.length} concepts → data/generated/knowledge.json (${(json.length / 1024).toFixed(0)} KiB)`,
);
