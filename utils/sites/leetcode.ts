import { defineAdapter } from './extract';
import { isList, isRecord } from '@/utils/is-record';
import { difficultyFrom, htmlToText, jsonFromScript, stringField, uniqueTags } from './dom';

/** leetcode.cn labels difficulty in Chinese. */
const CN_DIFFICULTY: Record<string, string> = { 简单: 'easy', 中等: 'medium', 困难: 'hard' };

interface QuestionData {
  title: string;
  content: string;
  difficulty: string;
  tags: string[];
}

/**
 * The question as dehydrated into __NEXT_DATA__. Only trusted when its titleSlug is the URL's: after
 * a client-side navigation the blob still describes the first page loaded.
 */
function nextDataQuestion(doc: Document, slug: string, chinese: boolean): QuestionData | undefined {
  const data = jsonFromScript(doc, 'script#__NEXT_DATA__');
  if (data === undefined) return undefined;
  const merged: Record<string, unknown> = {};
  const queue: unknown[] = [data];
  for (let i = 0; i < queue.length && i < 50_000; i++) {
    const value = queue[i];
    if (isList(value)) queue.push(...value);
    else if (isRecord(value)) {
      if (value.titleSlug === slug) {
        for (const [k, v] of Object.entries(value)) if (merged[k] === undefined && v !== null) merged[k] = v;
      }
      queue.push(...Object.values(value));
    }
  }
  if (Object.keys(merged).length === 0) return undefined;
  const tags = Array.isArray(merged.topicTags)
    ? merged.topicTags.map((t) =>
        isRecord(t) ? stringField(t, ...(chinese ? ['translatedName', 'name'] : ['name'])) : '',
      )
    : [];
  return {
    title: stringField(merged, ...(chinese ? ['translatedTitle', 'title'] : ['title'])),
    content: stringField(merged, ...(chinese ? ['translatedContent', 'content'] : ['content'])),
    difficulty: stringField(merged, 'difficulty'),
    tags: uniqueTags(tags),
  };
}

export const leetcode = defineAdapter('leetcode', {
  /** The statement container carries a tracking attribute that has outlived several redesigns. */
  statement: [
    '[data-track-load="description_content"]',
    // the 2022 layout, before the tracking attribute
    '[class*="question-content__"]',
    '[data-cy="question-content"]',
  ],
  title: ['.text-title-large a[href^="/problems/"]', '.text-title-large', '[data-cy="question-title"]'],
  titleDecoration: /\s+-\s+(LeetCode|力扣（LeetCode）|力扣)\s*$/,
  difficulty: ['[class*="text-difficulty-"]', 'div[diff]', '[class*="difficulty"]'],
  difficultyLabel(text) {
    const cn = Object.keys(CN_DIFFICULTY).find((k) => text.includes(k));
    return cn ? CN_DIFFICULTY[cn] : difficultyFrom(text);
  },
  tags: 'a[href^="/tag/"]',
  readEmbedded(doc, { url, slug }) {
    const question = nextDataQuestion(doc, slug, url.hostname === 'leetcode.cn');
    if (!question) return undefined;
    return {
      title: question.title,
      statement: question.content ? htmlToText(question.content, doc) : '',
      difficulty: question.difficulty,
      tags: question.tags,
    };
  },
});
