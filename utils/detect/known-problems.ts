/**
 * Curated problems, keyed `site:slug` (the adapters' slugs). Known concurrency problems are relevant
 * whatever their statement says; known look-alikes are not, however much scheduling vocabulary they use.
 */

/** Concurrency problems → concept ids, main concept first. */
export const KNOWN_PROBLEMS: Readonly<Record<string, readonly string[]>> = {
  // LeetCode's concurrency category
  'leetcode:print-in-order': ['concurrency-puzzles', 'event', 'threading'],
  'leetcode:print-foobar-alternately': ['concurrency-puzzles', 'semaphore', 'event'],
  'leetcode:print-zero-even-odd': ['concurrency-puzzles', 'semaphore', 'condition'],
  'leetcode:building-h2o': ['concurrency-puzzles', 'semaphore', 'condition'],
  'leetcode:fizz-buzz-multithreaded': ['concurrency-puzzles', 'condition', 'threading'],
  'leetcode:the-dining-philosophers': ['lock', 'concurrency-puzzles', 'threading'],
  'leetcode:design-bounded-blocking-queue': ['queue', 'producer-consumer', 'backpressure', 'condition'],
  'leetcode:web-crawler-multithreaded': ['io-bound', 'producer-consumer', 'queue', 'semaphore', 'threading'],
  'leetcode:traffic-light-controlled-intersection': ['lock', 'concurrency-puzzles'],
  // LeetCode's JavaScript promise and timer problems: each maps onto an asyncio idiom.
  'leetcode:sleep': ['await', 'promises', 'event-loop'],
  'leetcode:promise-time-limit': ['timeout', 'promises', 'cancellation'],
  'leetcode:promise-pool': ['semaphore', 'rate-limiting', 'promises'],
  'leetcode:add-two-promises': ['promises', 'gather', 'await'],
  'leetcode:execute-asynchronous-functions-in-parallel': ['gather', 'promises', 'exceptions'],
  // allSettled is gather(return_exceptions=True)
  'leetcode:parallel-execution-of-promises-for-individual-results-retrieval': ['gather', 'exceptions', 'promises'],
  'leetcode:delay-the-resolution-of-each-promise': ['promises', 'await', 'event-loop'],
  'leetcode:convert-callback-based-function-to-promise-based-function': ['future', 'promises'],
  'leetcode:design-cancellable-function': ['cancellation', 'promises', 'coroutine'],
  // Debounce and cancellable timers are call_later handles being cancelled and rescheduled.
  'leetcode:debounce': ['cancellation', 'event-loop', 'timeout'],
  'leetcode:throttle': ['rate-limiting', 'event-loop'],
  'leetcode:timeout-cancellation': ['cancellation', 'timeout', 'event-loop'],
  'leetcode:interval-cancellation': ['cancellation', 'event-loop'],
  // Exercism exercises whose point is concurrency, per track.
  'exercism:javascript/promises': ['promises', 'future', 'gather'],
  'exercism:javascript/translation-service': ['promises', 'retry-backoff', 'gather'],
  'exercism:python/bank-account': ['lock', 'threading'],
  'exercism:go/bank-account': ['lock', 'threading'],
  'exercism:java/bank-account': ['lock', 'threading'],
  'exercism:csharp/bank-account': ['lock', 'threading'],
  'exercism:go/parallel-letter-frequency': ['threading', 'cpu-bound', 'gather'],
  'exercism:rust/parallel-letter-frequency': ['threading', 'cpu-bound', 'gather'],
  'exercism:java/parallel-letter-frequency': ['threading', 'cpu-bound', 'gather'],
  'exercism:csharp/parallel-letter-frequency': ['threading', 'cpu-bound', 'gather'],
  'exercism:elixir/parallel-letter-frequency': ['multiprocessing', 'cpu-bound', 'gather'],
};

/**
 * Look-alikes: scheduling, intervals, timestamps and "parallel" in the algorithmic sense. The LeetCode
 * TTL cache is here on purpose: it is expiry bookkeeping that a timestamp solves, not concurrency.
 */
export const KNOWN_LOOKALIKES: ReadonlySet<string> = new Set([
  'leetcode:task-scheduler',
  'leetcode:task-scheduler-ii',
  'leetcode:course-schedule',
  'leetcode:course-schedule-ii',
  'leetcode:course-schedule-iii',
  'leetcode:course-schedule-iv',
  'leetcode:meeting-rooms',
  'leetcode:meeting-rooms-ii',
  'leetcode:meeting-rooms-iii',
  'leetcode:single-threaded-cpu',
  'leetcode:exclusive-time-of-functions',
  'leetcode:logger-rate-limiter',
  'leetcode:design-hit-counter',
  'leetcode:number-of-recent-calls',
  'leetcode:time-based-key-value-store',
  'leetcode:time-needed-to-inform-all-employees',
  'leetcode:parallel-courses',
  'leetcode:parallel-courses-ii',
  'leetcode:parallel-courses-iii',
  'leetcode:process-tasks-using-servers',
  'leetcode:cache-with-time-limit',
  'leetcode:event-emitter',
  'leetcode:web-crawler',
  'neetcode:task-scheduling',
  'neetcode:meeting-schedule',
  'neetcode:meeting-schedule-ii',
  'neetcode:course-schedule',
  'neetcode:course-schedule-ii',
  'neetcode:time-based-key-value-store',
  'codewars:57b06f90e298a7b53d000a86',
  'hackerrank:minimum-average-waiting-time',
  'geeksforgeeks:job-sequencing-problem',
  'geeksforgeeks:minimum-platforms',
  'exercism:python/circular-buffer',
  'exercism:javascript/react',
]);
