/** `npm run -s search -- --json "<query>"`: the best matches, best first (stable contract). */
import { compileDataDir } from './lib/read-data';
import { searchIndexFor } from '@/utils/search';

const args = process.argv.slice(2);
const json = args.includes('--json');
const query = args
  .filter((a) => a !== '--json')
  .join(' ')
  .trim();
if (!query) {
  console.error('usage: npm run -s search -- [--json] "<query>"');
  process.exit(2);
}
const { knowledge } = compileDataDir();
const hits = searchIndexFor(knowledge).search(query, 10);
if (json) {
  process.stdout.write(
    `${JSON.stringify(hits.map((h) => ({ id: h.id, question: h.title, score: h.score, kind: h.kind })))}\n`,
  );
} else if (hits.length === 0) {
  console.log('No matches.');
} else {
  for (const h of hits) console.log(`${h.score.toFixed(2).padStart(7)}  ${h.id.padEnd(36)} ${h.title}`);
}
