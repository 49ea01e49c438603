import type { SiteAdapter } from './types';
import { siteById } from './registry';
import { buildSnapshot, genericTitle, genericTitleElement, mainText, safeExtract } from './generic';
import {
  declaredTheme,
  difficultyFrom,
  documentTitle,
  first,
  htmlToText,
  isRecord,
  jsonFromScript,
  readableText,
  shortText,
  stringField,
  tagTexts,
  uniqueTags,
} from './dom';
import { visibleEditorText } from '@/utils/editor-bridge';

/** The statement container carries a tracking attribute that has outlived several redesigns. */
const DESCRIPTION_SELECTORS = [
  '[data-track-load="description_content"]',
  // the 2022 layout, before the tracking attribute
  '[class*="question-content__"]',
  '[data-cy="question-content"]',
];
const TITLE_SELECTORS = ['.text-title-large a[href^="/problems/"]', '.text-title-large', '[data-cy="question-title"]'];
const DIFFICULTY_SELECTORS = ['[class*="text-difficulty-"]', 'div[diff]', '[class*="difficulty"]'];
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
    if (Array.isArray(value)) queue.push(...value);
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

const slugOf = (url: URL): string => siteById('leetcode').slug(url);

function difficultyLabel(text: string): string | undefined {
  const cn = Object.keys(CN_DIFFICULTY).find((k) => text.includes(k));
  return cn ? CN_DIFFICULTY[cn] : difficultyFrom(text);
}

export const leetcode: SiteAdapter = {
  ...siteById('leetcode'),
  titleElement: (doc) => first(doc, TITLE_SELECTORS) ?? genericTitleElement(doc),
  themeIsDark: declaredTheme,
  extract(doc, url) {
    const slug = slugOf(url);
    return safeExtract('leetcode', doc, url, slug, () => {
      const chinese = url.hostname === 'leetcode.cn';
      const question = nextDataQuestion(doc, slug, chinese);
      const description = first(doc, DESCRIPTION_SELECTORS);
      const domText = readableText(description);
      const jsonText = question?.content ? htmlToText(question.content, doc) : '';
      const generic = !domText && !jsonText;
      const title =
        shortText(first(doc, TITLE_SELECTORS)) ||
        question?.title ||
        documentTitle(doc, /\s+-\s+(LeetCode|力扣（LeetCode）|力扣)\s*$/) ||
        genericTitle(doc);
      const difficulty =
        difficultyLabel(shortText(first(doc, DIFFICULTY_SELECTORS), 40)) ?? difficultyLabel(question?.difficulty ?? '');
      const tags = tagTexts(doc, 'a[href^="/tag/"]');
      return buildSnapshot('leetcode', url, slug, {
        title,
        text: domText || jsonText || mainText(doc),
        tags: tags.length > 0 ? tags : (question?.tags ?? []),
        difficulty,
        code: visibleEditorText(doc),
        generic,
      });
    });
  },
};
