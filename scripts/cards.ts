/** `npm run -s cards -- --json`: every knowledge-base item as one JSON array (stable contract). */
import { compileDataDir } from './lib/read-data';
import { blockText } from '@/utils/search';

const { knowledge, errors } = compileDataDir();
if (errors.length) {
  console.error(`data/ has ${errors.length} problem(s); run npm run data for the list`);
  process.exit(1);
}
const items = [
  ...knowledge.questions.map((q) => ({
    id: q.id,
    kind: 'question' as const,
    question: q.question,
    answer: q.short,
    fullAnswer: blockText(q.body),
    snippets: q.snippets.map((s) => ({
      code: s.code,
      runnable: s.runnable,
      bad: s.bad,
      minPython: s.minPython ?? null,
      output: s.output ?? null,
    })),
    topics: q.concepts,
    hints: [] as string[],
    difficulty: q.difficulty,
    level: q.level,
    keywords: q.keywords,
    related: q.related,
    pitfalls: q.pitfalls,
    versions: q.versions,
  })),
  ...knowledge.practice.map((p) => ({
    id: p.id,
    kind: 'practice' as const,
    question: p.title,
    answer: blockText(p.statement),
    fullAnswer: blockText(p.solution),
    snippets: p.snippets.map((s) => ({
      code: s.code,
      runnable: s.runnable,
      bad: s.bad,
      minPython: s.minPython ?? null,
      output: s.output ?? null,
    })),
    topics: p.concepts,
    hints: [...p.hints],
    difficulty: p.difficulty,
    matches: p.matches,
    cards: p.cards,
  })),
];
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
} else {
  for (const item of items) console.log(`${item.kind.padEnd(8)} ${item.id.padEnd(36)} ${item.question}`);
}
