/**
 * Weighted evidence for "this problem is about concurrency". Weights are in units of the decision
 * threshold's thirds: 3 points of net evidence make a page relevant, so one unambiguous term
 * ("semaphore", "multithreaded", "asyncio") suffices, while ambiguous words ("parallel", "lock",
 * "timeout") need company. Negative weights are the look-alikes' vocabulary: CPU scheduling,
 * prerequisites, meeting intervals, time-based designs, and optimisation answers.
 */

export interface Term {
  /** Shown in reasons. */
  label: string;
  /**
   * Substrings at least one of which occurs wherever `re` matches (lower-case for statement terms,
   * which run on lower-cased text). A cheap includes() rules most terms out before the regex runs:
   * scanning a statement with ninety regexes costs milliseconds, with ninety includes() microseconds.
   */
  anchors: readonly string[];
  re: RegExp;
  weight: number;
  /** Concept ids from data/concepts.yaml, main one first; empty for counter-evidence. */
  concepts: readonly string[];
  /**
   * How much of the term's weight goes to its concepts (default 1). Generic words ("async",
   * "promise", "threads") prove relevance but say little about the topic; "pool" or "timeout" do.
   */
  share: number;
}

const term = (
  label: string,
  anchors: readonly string[],
  re: RegExp,
  weight: number,
  concepts: readonly string[] = [],
  share = 1,
): Term => ({ label, anchors, re, weight, concepts, share });
/** Share for generic words (see Term.share). */
const GENERIC = 0.4;

/** Statement and title terms, run on lower-cased text. Titles count 1.5 times (they name the point). */
export const STATEMENT_TERMS: readonly Term[] = [
  term(
    'asyncio',
    ['asyncio', 'aiohttp', 'asyncpg', 'anyio', 'trio'],
    /\b(?:asyncio|aiohttp|asyncpg|anyio|trio)\b/,
    3.5,
    ['event-loop', 'coroutine'],
    GENERIC,
  ),
  term('coroutine', ['coroutine'], /\bcoroutines?\b/, 3, ['coroutine', 'await'], GENERIC),
  term('event loop', ['loop'], /\bevent[- ]loop\b/, 3, ['event-loop']),
  term('multithreaded', ['multithread', 'multi-thread'], /\bmulti-?thread(?:ed|ing|s)?\b/, 3, ['threading'], GENERIC),
  term('thread-safe', ['safe'], /\bthread[- ]?safe(?:ty)?\b/, 3, ['lock', 'threading']),
  term('threads', ['thread'], /\bthreads?\b/, 2.5, ['threading'], GENERIC),
  // "three different threads", "two threads": a story told in threads is a concurrency story.
  term(
    'several threads',
    ['threads'],
    /\b(?:two|three|four|five|several|multiple|many|different|separate) (?:\w+ )?threads\b/,
    1,
    ['concurrency-puzzles'],
    GENERIC,
  ),
  term('mutex', ['mutex', 'mutual'], /\bmutex(?:es)?\b|\bmutual exclusion\b/, 3, ['lock']),
  term('semaphore', ['semaphore'], /\bsemaphores?\b/, 3, ['semaphore']),
  term('condition variable', ['condition'], /\bcondition variables?\b/, 3, ['condition']),
  term('race condition', ['race'], /\brace conditions?\b|\bdata races?\b/, 3, ['lock']),
  term('critical section', ['critical'], /\bcritical sections?\b/, 2.5, ['lock']),
  term('deadlock', ['lock'], /\bdead-?lock(?:s|ed)?\b/, 2.5, ['lock', 'concurrency-puzzles']),
  term('starvation', ['starv'], /\bstarv(?:e|es|ed|ation)\b/, 1, ['lock']),
  term('blocking queue', ['blocking'], /\bblocking queues?\b/, 3, ['queue', 'producer-consumer']),
  term('producer/consumer', ['producer'], /\bproducers?\b[\s\S]{0,300}\bconsumers?\b/, 3, [
    'producer-consumer',
    'queue',
  ]),
  term('dining philosophers', ['philosopher'], /\bdining philosophers?\b/, 3, ['lock', 'concurrency-puzzles']),
  term('goroutine', ['goroutine'], /\bgoroutines?\b/, 3, ['threading']),
  term('GIL', ['gil', 'global interpreter'], /\bgil\b|\bglobal interpreter lock\b/, 3, ['gil']),
  term('multiprocessing', ['multiprocessing'], /\bmultiprocessing\b/, 3, ['multiprocessing']),
  term('promise', ['promise'], /\bpromises?\b/, 2.5, ['promises'], GENERIC),
  term('promisify', ['promisif'], /\bpromisif(?:y|ied|ication)\b/, 2, ['promises', 'future']),
  term('Promise combinator', ['promise.'], /\bpromise\.(?:all|race|allsettled|any)\b/, 1.5, ['gather']),
  term('async', ['async'], /\basync(?:hronous(?:ly)?)?\b/, 2, ['await', 'coroutine'], GENERIC),
  term('await', ['await'], /\bawait(?:s|ed|ing)?\b/, 1.5, ['await'], GENERIC),
  term('concurrent', ['concurren'], /\bconcurren(?:t|cy|tly)\b/, 2, ['gather'], GENERIC),
  term('parallel', ['parallel'], /\bparallel(?:ism|ly)?\b/, 1, ['gather'], GENERIC),
  // Python problems about parallel work rarely say "asyncio" or "thread": they ask for parallel computation,
  // worker processes or all CPU cores (Exercism's parallel-letter-frequency, "parallel map" katas).
  term(
    'parallel computation',
    ['parallel'],
    /\bparallel (?:computation|computing|processing|execution)\b|\bparalleli[sz](?:e|ed|es|ing|ation)\b|\bin parallel\b/,
    2,
    ['multiprocessing', 'cpu-bound'],
    GENERIC,
  ),
  term(
    'worker processes',
    ['processes', 'worker process'],
    /\b(?:separate|multiple|several|worker|child) processes\b|\bworker process\b|\bprocess pool\b/,
    2.5,
    ['multiprocessing', 'executor'],
  ),
  term(
    'CPU cores',
    ['core'],
    /\b(?:cpu|processor) cores?\b|\bmulti-?core\b|\b(?:all|multiple|several|many|available) cores\b/,
    2,
    ['multiprocessing', 'cpu-bound'],
  ),
  term(
    'simultaneously',
    ['simultaneous', 'at the same', 'at once'],
    /\bsimultaneous(?:ly)?\b|\bat the same (?:time|moment)\b|\bat once\b/,
    0.8,
    ['gather'],
    GENERIC,
  ),
  term('synchronize', ['synchroni'], /\bsynchroni[sz](?:e|ed|es|ing|ation)\b/, 2, ['lock', 'event']),
  term(
    'wait/notify',
    ['notify', 'signal'],
    /\bnotify(?:all)?\b|\bwait and notify\b|\bsignal(?:s|led)? (?:the )?other\b/,
    1.5,
    ['condition'],
  ),
  term('barrier', ['barrier'], /\bbarriers?\b/, 0.8, ['event']),
  term('lock', ['lock'], /\b(?:locks?|locking|unlock(?:s|ed)?)\b/, 0.8, ['lock']),
  term('atomic', ['atomic'], /\batomic(?:ally|ity)?\b/, 1, ['lock']),
  term('busy-wait', ['busy', 'spin'], /\bbusy[- ]wait(?:s|ing)?\b|\bspin(?:s|ning)?\b/, 1, ['event']),
  term('non-blocking', ['blocking'], /\bnon-?blocking\b/, 2, ['blocking-call']),
  term('blocks until', ['block'], /\bblock(?:s|ed)? (?:until|while)\b|\bblocking\b/, 1.5, ['blocking-call', 'queue']),
  term('in flight', ['flight'], /\bin[- ]flight\b/, 1.5, ['semaphore', 'rate-limiting']),
  // "no more than k downloads in flight", "at most n promises pending at once": a concurrency limit.
  term(
    'concurrency limit',
    ['at most', 'more than', 'up to', 'exceed'],
    /\b(?:at most|no more than|never (?:have |having )?more than|up to|not exceed)\s+(?:\S+\s+){1,4}?(?:in[- ]flight|at (?:a|the same|any) (?:time|moment)|at once|concurrently|simultaneously|in parallel|running|pending)\b/,
    1.5,
    ['semaphore', 'rate-limiting'],
  ),
  term('pool', ['pool'], /\b(?:thread|process|worker|connection|promise) pools?\b|\bpool (?:limit|size)\b/, 2, [
    'semaphore',
    'executor',
  ]),
  term('executor', ['executor'], /\bexecutor(?:service)?s?\b/, 2, ['executor']),
  term('pending', ['pending'], /\bpending\b/, 0.8, ['future']),
  term('settle', ['settle'], /\bsettle[sd]?\b/, 0.8, ['promises'], GENERIC),
  term(
    'resolve/reject',
    ['resolv', 'reject'],
    /\bresolv(?:e|es|ed|ing)\b|\breject(?:s|ed|ion)?\b/,
    1,
    ['promises'],
    GENERIC,
  ),
  term('callback', ['callback'], /\bcallbacks?\b/, 0.8, ['event-loop'], GENERIC),
  term('setTimeout', ['timeout', 'interval'], /\b(?:set|clear)(?:timeout|interval)\b/, 2, ['event-loop', 'timeout']),
  term('timeout', ['timeout', 'time-out', 'time limit'], /\btime-?outs?\b|\btime limit(?:ed)?\b/, 0.8, ['timeout']),
  term('cancel', ['cancel'], /\bcancel(?:s|led|ling|lation|lable)?\b/, 1, ['cancellation']),
  term('sleep', ['sleep'], /\bsleep(?:s|ing)?\b/, 1, ['await']),
  term('debounce', ['debounc'], /\bdebounc(?:e|ed|es|ing)\b/, 2, ['cancellation', 'event-loop']),
  term('throttle', ['throttl'], /\bthrottl(?:e|ed|es|ing)\b/, 1.5, ['rate-limiting']),
  term('retry', ['retr'], /\bretr(?:y|ies|ied|ying)\b/, 0.8, ['retry-backoff']),
  term('backoff', ['backoff', 'back-off'], /\bback-?off\b/, 1.5, ['retry-backoff']),
  term(
    'network I/O',
    ['http', 'network', 'slow'],
    /\b(?:http|network) (?:calls?|requests?)\b|\bslow (?:http|network|i\/o)\b/,
    1,
    ['io-bound'],
  ),
  term('I/O-bound', ['i/o'], /\bi\/o[- ]bound\b/, 2, ['io-bound']),
  term('CPU-bound', ['cpu'], /\bcpu[- ](?:bound|heavy|intensive)\b/, 2, ['cpu-bound']),
  term('channel', ['channel'], /\bchannels?\b/, 0.5, ['queue']),
  // leetcode.cn and other Chinese statements
  term('线程', ['线程'], /线程/, 3, ['threading']),
  term('并发', ['并发'], /并发/, 2.5, ['gather']),
  term('异步', ['异步'], /异步/, 2.5, ['await']),
  term('协程', ['协程'], /协程/, 3, ['coroutine']),
  term('信号量', ['信号量'], /信号量/, 3, ['semaphore']),
  term('锁', ['互斥', '锁'], /互斥|锁/, 1, ['lock']),
  term('同步', ['同步'], /同步/, 1.5, ['lock']),
  term('事件循环', ['事件循环'], /事件循环/, 3, ['event-loop']),

  term('CPU scheduling', ['cpu'], /\bcpu (?:tasks?|intervals?|cycles?)\b|\bsingle-threaded cpu\b/, -3),
  // Operating-systems scheduling exercises talk about "several processes" without any concurrency in the code.
  term(
    'process scheduling',
    ['burst', 'round', 'quantum', 'turnaround'],
    /\bburst times?\b|\bround[- ]robin\b|\btime quantum\b|\bturnaround times?\b/,
    -3,
  ),
  term('idle', ['idle'], /\bidle\b/, -1),
  term('cooling', ['cool'], /\bcool(?:ing|down|-down)\b/, -2),
  term('prerequisites', ['prerequisite'], /\bprerequisites?\b/, -3),
  term('courses', ['course'], /\bcourses?\b/, -1),
  term('semesters', ['semester'], /\bsemesters?\b/, -2),
  term('meetings', ['meeting', 'conference'], /\bmeetings?\b|\bconference rooms?\b/, -2),
  term('intervals', ['interval'], /\bintervals?\b/, -0.7),
  term('logs', ['logs', 'log ', 'logger'], /\blogs\b|\blog (?:entries|lines|messages)\b|\blogger\b/, -0.7),
  term('timestamps', ['timestamp'], /\btimestamps?\b/, -1.5),
  term('rate limiter', ['rate'], /\brate[- ]limit(?:er|ing)?\b/, -1.5),
  term('hits', ['hit'], /\bhits?\b/, -1),
  term('org chart', ['manager', 'employee', 'subordinate'], /\bmanagers?\b|\bemployees?\b|\bsubordinates?\b/, -1.5),
  term(
    'queueing story',
    ['customer', 'till', 'checkout', 'pizza', 'train', 'platform', 'passenger'],
    /\bcustomers?\b|\btills?\b|\bcheckouts?\b|\bpizzas?\b|\btrains?\b|\bplatforms?\b|\bpassengers?\b/,
    -1,
  ),
  term('deadlines/profit', ['deadline', 'profit'], /\bdeadlines?\b|\bprofits?\b/, -1),
  term('call stack', ['call stack', 'exclusive time'], /\bcall stack\b|\bexclusive time\b/, -2),
  term('topological', ['topological'], /\btopological\b/, -2),
  term(
    'graph/tree',
    ['tree', 'graph', 'node', 'edge', 'hierarchy', 'linked list'],
    /\b(?:tree|graph|nodes?(?![-.])|edges?|hierarchy|linked list)\b/,
    -0.7,
  ),
  term('optimisation answer', ['minim', 'maxim'], /\b(?:minimum|maximum|minimi[sz]e|maximi[sz]e)\b/, -0.8),
  term(
    'algorithm vocabulary',
    ['subarray', 'substring', 'subsequence', 'palindrome', 'dynamic programming', 'binary search', 'prefix sum'],
    /\b(?:subarray|substring|subsequence|palindrome|dynamic programming|binary search|prefix sum)s?\b/,
    -1,
  ),
  term('modulo', ['10^9', 'modulo'], /\b10\^9\s*\+\s*7\b|\bmodulo\b/, -1),
  term('expiry', ['expir', 'ttl'], /\bexpir(?:e|es|ed|ation|y)\b|\bttl\b/, -1),
  term('event emitter', ['subscribe', 'emit'], /\b(?:un)?subscribe[sd]?\b|\bemit(?:s|ted)?\b/, -0.5),
  term('queries', ['queries'], /\bqueries\b/, -0.8),
];

/** Site tags, matched whole (case-insensitive). Sites curate these, so they weigh more than prose. */
export const TAG_WEIGHTS: ReadonlyMap<string, { weight: number; concepts: readonly string[] }> = new Map(
  (
    [
      ['concurrency', 4, ['concurrency-puzzles', 'threading']],
      ['multithreading', 4, ['threading']],
      ['multi-threading', 4, ['threading']],
      ['threads', 3, ['threading']],
      ['threading', 3, ['threading']],
      ['asynchronous', 4, ['await', 'coroutine']],
      ['async', 3, ['await', 'coroutine']],
      ['asyncio', 4, ['event-loop', 'coroutine']],
      ['promises', 3, ['promises']],
      ['promise', 3, ['promises']],
      ['goroutines', 3, ['threading']],
      ['parallel computing', 2, ['multiprocessing']],
      ['operating system', 0.8, ['threading']],
      ['operating systems', 0.8, ['threading']],
      ['并发', 4, ['concurrency-puzzles', 'threading']],
      ['多线程', 4, ['threading']],
      ['topological sort', -2, []],
      ['graph', -0.5, []],
      ['heap (priority queue)', -0.5, []],
      ['heap / priority queue', -0.5, []],
      ['heap', -0.5, []],
      ['greedy', -0.7, []],
      ['dynamic programming', -1, []],
      ['binary search', -0.7, []],
      ['prefix sum', -0.5, []],
      ['intervals', -1, []],
      ['simulation', -0.5, []],
      ['data stream', -0.5, []],
      ['two pointers', -0.5, []],
      ['sorting', -0.3, []],
      ['hash table', -0.3, []],
    ] as const
  ).map(([tag, weight, concepts]) => [tag, { weight, concepts }]),
);
/** Tags only ever tip the balance against; many tags must not bury a real concurrency statement. */
export const TAG_PENALTY_FLOOR = -2;

/**
 * Editor code. Capped in total so that code alone convinces only when it is unmistakably concurrent
 * (async def plus awaited asyncio calls), not on a stray `await` or `import threading`.
 */
export const CODE_TERMS: readonly Term[] = [
  term('asyncio.gather', ['gather'], /\basyncio\.gather\b/, 0.8, ['gather']),
  term('asyncio.create_task', ['create_task'], /\b(?:asyncio\.)?create_task\b/, 0.8, ['task']),
  term('TaskGroup', ['TaskGroup'], /\bTaskGroup\b/, 0.8, ['task-group']),
  term('asyncio.Semaphore', ['Semaphore'], /\basyncio\.(?:Bounded)?Semaphore\b/, 0.8, ['semaphore']),
  term('asyncio.Lock', ['asyncio.Lock'], /\basyncio\.Lock\b/, 0.8, ['lock']),
  term('asyncio.Event', ['asyncio.Event'], /\basyncio\.Event\b/, 0.8, ['event']),
  term('asyncio.Condition', ['asyncio.Condition'], /\basyncio\.Condition\b/, 0.8, ['condition']),
  term('asyncio.Queue', ['Queue'], /\basyncio\.(?:Priority|Lifo)?Queue\b/, 0.8, ['queue']),
  term('asyncio timeout', ['asyncio.'], /\basyncio\.(?:wait_for|timeout)\b/, 0.8, ['timeout']),
  term('asyncio.wait', ['asyncio.wait'], /\basyncio\.wait\b(?!_)/, 0.8, ['wait']),
  term('as_completed', ['as_completed'], /\bas_completed\b/, 0.8, ['as-completed']),
  term('to_thread', ['to_thread', 'run_in_executor'], /\basyncio\.to_thread\b|\brun_in_executor\b/, 0.8, [
    'to-thread',
    'executor',
  ]),
  term('asyncio.run', ['asyncio.run'], /\basyncio\.run\b/, 0.5, ['asyncio-run']),
  term(
    'threading',
    ['threading'],
    /\bthreading\.(?:Thread|R?Lock|Semaphore|BoundedSemaphore|Event|Condition|Barrier)\b|\bfrom\s+threading\s+import\b/,
    1.5,
    ['threading', 'lock'],
  ),
  term(
    'executor',
    ['concurrent.futures', 'PoolExecutor'],
    /\bconcurrent\.futures\b|\b(?:Thread|Process)PoolExecutor\b/,
    1.5,
    ['executor'],
  ),
  term('new Promise', ['Promise'], /\bnew\s+Promise\b/, 1.5, ['promises']),
  term('Promise combinator', ['Promise.'], /\bPromise\.(?:all|race|allSettled|any)\b/, 1, ['gather', 'promises']),
  term(
    'async function',
    ['async'],
    /\basync\s+function\b|\basync\s*\([^)]*\)\s*=>|\basync\s+\w+\s*=>/,
    1.2,
    ['await'],
    GENERIC,
  ),
  term('.then', ['.then'], /\.then\s*\(/, 0.8, ['promises']),
  term('setTimeout', ['Timeout', 'Interval'], /\bset(?:Timeout|Interval)\s*\(/, 0.8, ['event-loop', 'timeout']),
  term(
    'Java concurrency',
    [
      'synchronized',
      'ReentrantLock',
      'CountDownLatch',
      'CyclicBarrier',
      'java.util.concurrent',
      'ExecutorService',
      'notifyAll',
    ],
    /\bsynchronized\b|\bReentrantLock\b|\bCountDownLatch\b|\bCyclicBarrier\b|\bjava\.util\.concurrent\b|\bExecutorService\b|\bnotifyAll\s*\(/,
    1.5,
    ['lock', 'threading'],
  ),
  term(
    'Go concurrency',
    ['go', 'sync.', 'chan'],
    /\bgo\s+func\b|\bsync\.(?:WaitGroup|Mutex|RWMutex)\b|\bchan\s+\w/,
    1.5,
    ['threading'],
  ),
  term(
    'C++ concurrency',
    ['std::'],
    /\bstd::(?:thread|mutex|condition_variable|async|future|lock_guard|unique_lock|counting_semaphore)\b/,
    1.5,
    ['threading', 'lock'],
  ),
  // Generic markers last: the budget must never cut the specific calls, which name the topic.
  term('async def', ['async'], /\basync\s+def\b/, 1.5, ['coroutine'], GENERIC),
  term('await', ['await'], /\bawait\b/, 1, ['await'], GENERIC),
  term('asyncio import', ['asyncio'], /\bimport\s+asyncio\b|\bfrom\s+asyncio\s+import\b/, 1, ['event-loop'], GENERIC),
];
export const CODE_EVIDENCE_CAP = 4;
