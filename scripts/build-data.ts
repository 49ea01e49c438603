/**
 * Validates data/ and writes data/generated/knowledge.json (what extension pages load) and
 * data/generated/detect-index.json (the background's compact detection index).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDataDir, DATA_DIR } from './lib/read-data';
import { compactIndex } from '../utils/detect/compact';

const { knowledge, errors } = compileDataDir();
if (errors.length) {
  console.error(`data/ has ${errors.length} problem(s):\n${errors.map((e) => `  ${e}`).join('\n')}`);
  process.exit(1);
}
const out = join(DATA_DIR, 'generated');
mkdirSync(out, { recursive: true });
const json = JSON.stringify(knowledge);
writeFileSync(join(out, 'knowledge.json'), json);
// What the background needs for detection: concept names, card titles, practice matches and hints.
writeFileSync(join(out, 'detect-index.json'), JSON.stringify(compactIndex(knowledge)));
console.error(
  `data: ${knowledge.questions.length} questions, ${knowledge.practice.length} practice problems, ` +
    `${knowledge.quizzes?.length ?? 0} quizzes, ` +
    `${knowledge.concepts.length} concepts → data/generated/knowledge.json (${(json.length / 1024).toFixed(0)} KiB)`,
);
