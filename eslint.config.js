// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Shipped code: what ends up in the extension. */
const SHIPPED = ['entrypoints/**', 'components/**', 'utils/**', 'modules/**'];

/** Page-derived text must never become markup, and no code is built from strings. */
const HTML_AND_EVAL = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, not HTML.' },
  // `Object.assign(el, { innerHTML })` reaches the same sink without a member access.
  { selector: 'Property[key.name=/^(innerHTML|outerHTML)$/]', message: 'Render text, not HTML.' },
  { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'data/generated/**',
      'test-results/**',
      'playwright-report/**',
      'reports/**',
      'screenshots/**',
      '.tmp-*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Named here as well as in recommendedTypeChecked so that the gate does not depend on a preset's contents.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text, not HTML.' },
        { property: 'outerHTML', message: 'Render text, not HTML.' },
        { property: 'insertAdjacentHTML', message: 'Render text, not HTML.' },
        { property: 'createContextualFragment', message: 'Render text, not HTML.' },
        { object: 'document', property: 'write', message: 'Render text, not HTML.' },
        { object: 'document', property: 'writeln', message: 'Render text, not HTML.' },
      ],
      'no-restricted-syntax': ['error', ...HTML_AND_EVAL],
    },
  },
  {
    // Preact code: the components, the pages and the tests that render them. (Playwright's fixtures call a
    // `use` of their own, which is not a hook.)
    files: [...SHIPPED, 'tests/unit/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // A double cast switches the type checker off at exactly the place a value should be validated.
    files: SHIPPED,
    rules: {
      'no-restricted-syntax': [
        'error',
        ...HTML_AND_EVAL,
        {
          selector:
            "TSAsExpression[expression.type='TSAsExpression'][expression.typeAnnotation.type='TSUnknownKeyword']",
          message: 'No `as unknown as`: validate the value (valibot) or give it its real type.',
        },
      ],
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // `expect(obj.method).toHaveBeenCalled()` and `vi.spyOn` hand methods around without calling them:
      // that is the point of a spy, so there is no `this` to lose.
      '@typescript-eslint/unbound-method': 'off',
      // Fakes stand in for asynchronous APIs (storage areas, services) and answer at once: `async` without
      // `await` is how they keep the interface's promise.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Playwright fixtures must destructure their dependencies, even when there are none.
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // Plain JavaScript (this file, CommonJS helpers) has no types to check.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
