/** `npm run -s cards -- --json`: every knowledge-base item as one JSON array (stable contract). */
import { compileDataDir } from './lib/read-data';
import { blockText } from '@/utils/search';
import type { Snippet } from '@/utils/knowledge-types';
import { browserGapText } from '@/utils/knowledge/runtimes';

const { knowledge, errors } = compileDataDir();
if (errors.length) {
  console.error(`data/ has ${errors.length} problem(s); run npm run data for the list`);
  process.exit(1);
}
function snippetJson(s: Snippet) {
  return {
    code: s.code,
    runnable: s.runnable,
    bad: s.bad,
    minPython: s.minPython ?? null,
    output: s.output ?? null,
    outputs: s.outputs ?? {},
    runsIn: s.runsIn,
    ...(s.why ? { why: browserGapText[s.why] } : {}),
  };
}

const items = [
  ...knowledge.questions.map((q) => ({
    id: q.id,
    kind: 'question' as const,
    question: q.question,
    answer: q.short,
    fullAnswer: blockText(q.body),
    snippets: q.snippets.map(snippetJson),
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
    snippets: p.snippets.map(snippetJson),
    topics: p.concepts,
    hints: [...p.hints],
    difficulty: p.difficulty,
    matches: p.matches,
    cards: p.cards,
  })),
  // Predict-the-output quizzes: the correct choice's text is exactly what `code` prints.
  ...(knowledge.quizzes ?? []).map((z) => ({
    id: z.id,
    kind: 'quiz' as const,
    question: z.prompt,
    answer: z.choices.find((c) => c.correct)!.text,
    code: z.snippets[0].code,
    choices: z.choices.map((c) => ({ text: c.text, correct: c.correct, explanation: c.explanation })),
    snippets: z.snippets.map(snippetJson),
    topics: z.concepts,
    hints: [] as string[],
    difficulty: z.difficulty,
    level: z.level,
    keywords: z.keywords,
  })),
];
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
} else {
  for (const item of items) console.log(`${item.kind.padEnd(8)} ${item.id.padEnd(36)} ${item.question}`);
}
