/**
 * `npm run data`: validates data/ and writes data/generated/ by hand. `wxt build`, `wxt prepare`, `wxt` dev
 * and vitest do the same through modules/knowledge.ts; the dev server also runs this file on each change,
 * in a fresh process so that edits to the compiler itself take effect.
 */
import { DATA_DIR } from './lib/read-data';
import { formatErrors, generateData } from './lib/generate-data';

const result = generateData(DATA_DIR);
if (!result.ok) {
  console.error(formatErrors(result.errors));
  process.exit(1);
}
console.error(`data: ${result.summary}`);
