/** Real URLs each site was checked against, including some that must not count as problem pages. */
import type { SiteId } from '@/utils/sites/registry';

export interface SiteTestUrl {
  url: string;
  problem: boolean;
  /** The slug the site must read off a problem URL. */
  slug?: string;
}

export const SITE_TEST_URLS: Record<SiteId, SiteTestUrl[]> = {
  leetcode: [
    { url: 'https://leetcode.com/problems/two-sum/', problem: true, slug: 'two-sum' },
    { url: 'https://leetcode.com/problems/two-sum/description/', problem: true, slug: 'two-sum' },
    { url: 'https://leetcode.com/problems/print-in-order/editorial/', problem: true, slug: 'print-in-order' },
    { url: 'https://leetcode.com/problems/promise-pool/solutions/', problem: true, slug: 'promise-pool' },
    { url: 'https://leetcode.com/problems/two-sum/submissions/', problem: true, slug: 'two-sum' },
    {
      url: 'https://leetcode.com/problems/merge-intervals/description/?envType=study-plan-v2&envId=top-interview-150',
      problem: true,
      slug: 'merge-intervals',
    },
    { url: 'https://leetcode.cn/problems/two-sum/', problem: true, slug: 'two-sum' },
    { url: 'https://leetcode.cn/problems/print-in-order/description/', problem: true, slug: 'print-in-order' },
    { url: 'https://leetcode.com/problemset/', problem: false },
    { url: 'https://leetcode.com/problemset/concurrency/', problem: false },
    { url: 'https://leetcode.com/tag/concurrency/', problem: false },
    { url: 'https://leetcode.com/discuss/interview-question', problem: false },
    { url: 'https://leetcode.cn/problemset/', problem: false },
    { url: 'https://leetcode.com/', problem: false },
  ],
  hackerrank: [
    { url: 'https://www.hackerrank.com/challenges/solve-me-first/problem', problem: true, slug: 'solve-me-first' },
    {
      url: 'https://www.hackerrank.com/challenges/py-hello-world/problem?isFullScreen=true',
      problem: true,
      slug: 'py-hello-world',
    },
    {
      url: 'https://www.hackerrank.com/challenges/minimum-average-waiting-time/problem',
      problem: true,
      slug: 'minimum-average-waiting-time',
    },
    {
      url: 'https://www.hackerrank.com/challenges/queue-using-two-stacks/submissions',
      problem: true,
      slug: 'queue-using-two-stacks',
    },
    { url: 'https://www.hackerrank.com/contests/projecteuler/challenges/euler001', problem: true, slug: 'euler001' },
    {
      url: 'https://www.hackerrank.com/contests/projecteuler/challenges/euler001/problem',
      problem: true,
      slug: 'euler001',
    },
    { url: 'https://www.hackerrank.com/domains/python', problem: false },
    { url: 'https://www.hackerrank.com/dashboard', problem: false },
    { url: 'https://www.hackerrank.com/contests/projecteuler/challenges', problem: false },
    { url: 'https://www.hackerrank.com/interview/interview-preparation-kit', problem: false },
  ],
  codewars: [
    { url: 'https://www.codewars.com/kata/50654ddff44f800200000004', problem: true, slug: '50654ddff44f800200000004' },
    {
      url: 'https://www.codewars.com/kata/50654ddff44f800200000004/train/python',
      problem: true,
      slug: '50654ddff44f800200000004',
    },
    {
      url: 'https://www.codewars.com/kata/57b06f90e298a7b53d000a86/train/javascript',
      problem: true,
      slug: '57b06f90e298a7b53d000a86',
    },
    {
      url: 'https://www.codewars.com/kata/5277c8a221e209d3f6000b56/solutions/python',
      problem: true,
      slug: '5277c8a221e209d3f6000b56',
    },
    { url: 'https://www.codewars.com/kata/multiply', problem: true, slug: 'multiply' },
    { url: 'https://www.codewars.com/kata/search/python?q=async', problem: false },
    { url: 'https://www.codewars.com/kata/new/python', problem: false },
    { url: 'https://www.codewars.com/dashboard', problem: false },
    { url: 'https://www.codewars.com/users/g964', problem: false },
  ],
  geeksforgeeks: [
    {
      url: 'https://www.geeksforgeeks.org/problems/reverse-a-linked-list/1',
      problem: true,
      slug: 'reverse-a-linked-list',
    },
    {
      url: 'https://www.geeksforgeeks.org/problems/job-sequencing-problem-1587115620/1',
      problem: true,
      slug: 'job-sequencing-problem',
    },
    {
      url: 'https://practice.geeksforgeeks.org/problems/minimum-platforms/0',
      problem: true,
      slug: 'minimum-platforms',
    },
    {
      url: 'https://practice.geeksforgeeks.org/problems/reverse-a-linked-list/1?page=1&sortBy=submissions',
      problem: true,
      slug: 'reverse-a-linked-list',
    },
    { url: 'https://www.geeksforgeeks.org/explore?page=1&category=Arrays', problem: false },
    { url: 'https://www.geeksforgeeks.org/python/asyncio-in-python/', problem: false },
    { url: 'https://practice.geeksforgeeks.org/explore', problem: false },
  ],
  exercism: [
    { url: 'https://exercism.org/tracks/python/exercises/bank-account', problem: true, slug: 'python/bank-account' },
    { url: 'https://exercism.org/tracks/javascript/exercises/promises', problem: true, slug: 'javascript/promises' },
    {
      url: 'https://exercism.org/tracks/javascript/exercises/translation-service/edit',
      problem: true,
      slug: 'javascript/translation-service',
    },
    {
      url: 'https://exercism.org/tracks/go/exercises/parallel-letter-frequency/iterations',
      problem: true,
      slug: 'go/parallel-letter-frequency',
    },
    { url: 'https://exercism.org/tracks/python/exercises/two-fer/solutions', problem: true, slug: 'python/two-fer' },
    { url: 'https://exercism.org/tracks/python/exercises', problem: false },
    { url: 'https://exercism.org/tracks/python', problem: false },
    { url: 'https://exercism.org/tracks/python/concepts/loops', problem: false },
    { url: 'https://exercism.org/dashboard', problem: false },
  ],
  neetcode: [
    { url: 'https://neetcode.io/problems/two-integer-sum', problem: true, slug: 'two-integer-sum' },
    {
      url: 'https://neetcode.io/problems/meeting-schedule-ii?list=neetcode150',
      problem: true,
      slug: 'meeting-schedule-ii',
    },
    { url: 'https://neetcode.io/problems/task-scheduling/question', problem: true, slug: 'task-scheduling' },
    { url: 'https://neetcode.io/practice', problem: false },
    { url: 'https://neetcode.io/roadmap', problem: false },
    { url: 'https://neetcode.io/courses/dsa-for-beginners/0', problem: false },
  ],
};
