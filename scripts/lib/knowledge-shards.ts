/**
 * The knowledge base as the extension pages load it: a catalogue of every item without bodies (lists,
 * names, the fundamentals order) and one module per item, each loaded only by the view that shows it. All
 * of it is written as typed TypeScript, so `tsc` checks the compiled data against utils/knowledge-types.ts
 * at build time and no page needs a cast or a run-time check to use it. `knowledge.ts` gathers every item
 * again, for the views that need them all (mock interview, search) and for the tests.
 */
import type { Catalogue, Knowledge, KnowledgeItem } from '../../utils/knowledge-types';

export interface ShardFile {
  /** Relative to data/generated/. */
  path: string;
  text: string;
}

const KINDS = { question: 'QuestionCard', practice: 'PracticeProblem', quiz: 'QuizItem' } as const;
const HEADER = '// Written by scripts/lib/knowledge-shards.ts from data/ on every build; edits here are lost.\n';

export function catalogueOf(kb: Knowledge): Catalogue {
  return {
    concepts: kb.concepts.map(({ id, name }) => ({ id, name })),
    questions: kb.questions.map(({ id, kind, question, concepts, difficulty, level }) => ({
      id,
      kind,
      question,
      concepts,
      difficulty,
      level,
    })),
    practice: kb.practice.map(({ id, kind, title, concepts, difficulty }) => ({ id, kind, title, concepts, difficulty })),
    quizzes: (kb.quizzes ?? []).map(({ id, kind, concepts, difficulty, level, keywords }) => ({
      id,
      kind,
      concepts,
      difficulty,
      level,
      keywords,
    })),
  };
}

const itemPath = (item: KnowledgeItem) => `items/${item.kind}/${item.id}.ts`;
const importName = (item: KnowledgeItem, i: number) => `${item.kind}${i}`;

/** Every file of the sharded knowledge base, with its text. */
export function knowledgeShards(kb: Knowledge): ShardFile[] {
  const items: KnowledgeItem[] = [...kb.questions, ...kb.practice, ...(kb.quizzes ?? [])];
  const files: ShardFile[] = items.map((item) => ({
    path: itemPath(item),
    text:
      `${HEADER}import type { ${KINDS[item.kind]} } from '../../../../utils/knowledge-types';\n\n` +
      `const item: ${KINDS[item.kind]} = ${JSON.stringify(item)};\n\nexport default item;\n`,
  }));
  files.push({
    path: 'catalogue.ts',
    text:
      `${HEADER}import type { Catalogue } from '../../utils/knowledge-types';\n\n` +
      `export const catalogue: Catalogue = ${JSON.stringify(catalogueOf(kb))};\n`,
  });
  files.push({
    path: 'summaries.ts',
    text:
      `${HEADER}/** Each question's short answer, by id: for lists that show or filter by it (the deck). */\n` +
      `export const shortAnswers: Readonly<Record<string, string>> = ${JSON.stringify(
        Object.fromEntries(kb.questions.map((q) => [q.id, q.short])),
      )};\n`,
  });
  const loaders = (kind: KnowledgeItem['kind']) =>
    items
      .filter((item) => item.kind === kind)
      .map((item) => `  ${JSON.stringify(item.id)}: () => import('./${itemPath(item).replace(/\.ts$/, '')}'),`)
      .join('\n');
  files.push({
    path: 'item-loaders.ts',
    text:
      `${HEADER}/** One loader per item: each is its own chunk in the build. */\n` +
      `export const questionLoaders = {\n${loaders('question')}\n};\n\n` +
      `export const practiceLoaders = {\n${loaders('practice')}\n};\n\n` +
      `export const quizLoaders = {\n${loaders('quiz')}\n};\n`,
  });
  const imports = items
    .map((item, i) => `import ${importName(item, i)} from './${itemPath(item).replace(/\.ts$/, '')}';`)
    .join('\n');
  const list = (kind: KnowledgeItem['kind']) =>
    items
      .map((item, i) => [item, i] as const)
      .filter(([item]) => item.kind === kind)
      .map(([item, i]) => importName(item, i))
      .join(', ');
  files.push({
    path: 'knowledge.ts',
    text:
      `${HEADER}import type { Concept, Knowledge } from '../../utils/knowledge-types';\n${imports}\n\n` +
      `const concepts: Concept[] = ${JSON.stringify(kb.concepts)};\n\n` +
      `export const knowledge: Knowledge = {\n  concepts,\n  questions: [${list('question')}],\n` +
      `  practice: [${list('practice')}],\n  quizzes: [${list('quiz')}],\n};\n`,
  });
  return files;
}
