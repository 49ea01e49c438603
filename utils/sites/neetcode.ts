import { defineAdapter } from './extract';

export const neetcode = defineAdapter('neetcode', {
  // NeetCode is an Angular app: component tags (app-article…) are stable, generated attributes are not.
  statement: ['.my-article-component-container', 'app-article', '.question-tab', '[class*="question-content"]'],
  title: ['.question-tab h1', 'app-article h1', 'app-problem h1'],
  titleDecoration: /\s+-\s+NeetCode\s*$/i,
  difficulty: ['.difficulty-pill', '[class*="difficulty"]'],
  tags: '.topic-tag, .topic-tags a, .topic-tags button',
});
