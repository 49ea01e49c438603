/** A page snapshot as the LeetCode loader reports "Print in Order": the related page the background tests send. */
export const PRINT_IN_ORDER_SNAPSHOT = {
  site: 'leetcode',
  generic: false,
  url: 'https://leetcode.com/problems/print-in-order/',
  slug: 'print-in-order',
  title: 'Print in Order',
  text: 'Three threads call first, second and third in any order; make sure they print in order using events.',
  tags: ['Concurrency'],
  difficulty: 'Easy',
  code: 'class Foo:\n    async def first(self):\n        pass\n',
  language: 'python3',
} as const;
