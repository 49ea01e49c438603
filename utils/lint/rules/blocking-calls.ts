/**
 * Blocking calls made directly in a coroutine (not in a nested plain def or lambda, which may well run
 * in a worker thread): sleeping, HTTP, file opening, and processes. One table, seven rules, so each
 * keeps the id and ruff / flake8-async code people search for.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Analysis, Site } from '../analysis';
import { PATH, inCoroutine, instanceType, qualifiedName } from '../resolve';
import { snippet, type LintRule } from '../rule';
import { callArguments, calleeOf, memberParts } from '../syntax';

type BlockingRuleId =
  | 'blocking-sleep'
  | 'blocking-http'
  | 'blocking-http-client'
  | 'blocking-open'
  | 'blocking-process-start'
  | 'blocking-process-run'
  | 'blocking-process-wait';

const HTTP_VERBS = ['request', 'get', 'head', 'post', 'put', 'patch', 'delete', 'options'];

/** Module functions, by fully qualified name. */
const BLOCKING_FUNCTIONS = new Map<string, BlockingRuleId>([
  ['time.sleep', 'blocking-sleep'],
  ...HTTP_VERBS.map((verb) => [`requests.${verb}`, 'blocking-http'] as const),
  ...[...HTTP_VERBS, 'stream'].map((verb) => [`httpx.${verb}`, 'blocking-http'] as const),
  ['urllib.request.urlopen', 'blocking-http'],
  ['urllib.request.urlretrieve', 'blocking-http'],
  ['urllib3.request', 'blocking-http'],
  ['open', 'blocking-open'],
  ['builtins.open', 'blocking-open'],
  ['io.open', 'blocking-open'],
  ['io.open_code', 'blocking-open'],
  ['codecs.open', 'blocking-open'],
  ['subprocess.Popen', 'blocking-process-start'],
  ['os.popen', 'blocking-process-start'],
  ...['run', 'call', 'check_call', 'check_output', 'getoutput', 'getstatusoutput'].map(
    (fn) => [`subprocess.${fn}`, 'blocking-process-run'] as const,
  ),
  ['os.system', 'blocking-process-run'],
  ['os.posix_spawn', 'blocking-process-run'],
  ['os.posix_spawnp', 'blocking-process-run'],
  ...['wait', 'wait3', 'wait4', 'waitid', 'waitpid'].map((fn) => [`os.${fn}`, 'blocking-process-wait'] as const),
]);

/** `os.spawn*` waits for the child only in P_WAIT mode (the first argument). */
const OS_SPAWN = new Set(['spawnl', 'spawnle', 'spawnlp', 'spawnlpe', 'spawnv', 'spawnve', 'spawnvp', 'spawnvpe']);

/** Methods of objects whose type we could infer. */
const BLOCKING_METHODS: Record<string, { methods: Set<string>; rule: BlockingRuleId }> = {
  'httpx.Client': {
    methods: new Set([...HTTP_VERBS, 'stream', 'send']),
    rule: 'blocking-http-client',
  },
  'requests.Session': {
    methods: new Set([...HTTP_VERBS, 'send']),
    rule: 'blocking-http-client',
  },
  'urllib3.PoolManager': {
    methods: new Set(['request', 'urlopen', 'request_encode_url', 'request_encode_body']),
    rule: 'blocking-http-client',
  },
  [PATH]: {
    methods: new Set(['open', 'read_text', 'read_bytes', 'write_text', 'write_bytes']),
    rule: 'blocking-open',
  },
};

interface BlockingCall {
  site: Site;
  callee: SyntaxNode;
  rule: BlockingRuleId;
  /** What the call really is when an alias hides it, e.g. "requests.get" for `r.get`. */
  resolved: string;
}

const cache = new WeakMap<Analysis, BlockingCall[]>();

function blockingCalls(a: Analysis): BlockingCall[] {
  const cached = cache.get(a);
  if (cached) return cached;
  const found: BlockingCall[] = [];
  for (const site of a.sitesOf('CallExpression')) {
    if (!inCoroutine(site.scope)) continue;
    const callee = calleeOf(site.node);
    const match = callee && classify(a, site, callee);
    if (callee && match) found.push({ site, callee, ...match });
  }
  cache.set(a, found);
  return found;
}

function classify(a: Analysis, site: Site, callee: SyntaxNode): { rule: BlockingRuleId; resolved: string } | null {
  const name = qualifiedName(a, callee, site.scope);
  if (name) {
    const rule = BLOCKING_FUNCTIONS.get(name);
    if (rule) return { rule, resolved: name };
    const [module, fn = ''] = name.split('.');
    if (module === 'os' && OS_SPAWN.has(fn) && name === `os.${fn}`) {
      return {
        rule: spawnWaits(a, site) ? 'blocking-process-run' : 'blocking-process-start',
        resolved: name,
      };
    }
    return null;
  }
  const parts = memberParts(callee);
  if (!parts) return null;
  const type = instanceType(a, parts[0], site.scope);
  const method = a.text(parts[1]);
  const known = type ? BLOCKING_METHODS[type] : undefined;
  return type && known?.methods.has(method) ? { rule: known.rule, resolved: `${type}.${method}` } : null;
}

/** ruff's reading: no mode argument, or `os.P_WAIT`, means the spawn runs to completion. */
function spawnWaits(a: Analysis, site: Site): boolean {
  const args = callArguments(site.node, (n) => a.text(n));
  const mode = args.keywords.get('mode') ?? args.positional[0];
  if (!mode) return !args.starred;
  return qualifiedName(a, mode, site.scope) === 'os.P_WAIT';
}

function blockingRule(
  meta: Omit<LintRule, 'check' | 'severity' | 'concept'> & { concept?: string },
  describe: (call: string) => string,
): LintRule {
  const id = meta.id as BlockingRuleId;
  return {
    severity: 'warning',
    concept: 'blocking-call',
    ...meta,
    check(a, report) {
      for (const call of blockingCalls(a)) {
        if (call.rule !== id) continue;
        const written = snippet(a, call.callee);
        const label = written === call.resolved ? `\`${written}()\`` : `\`${written}()\` (${call.resolved})`;
        report(call.site, call.callee, { message: describe(label) });
      }
    },
  };
}

export const blockingSleep = blockingRule(
  {
    id: 'blocking-sleep',
    ref: 'ASYNC251',
    card: 'time-sleep-vs-asyncio-sleep',
    message: '`time.sleep()` in a coroutine blocks the whole event loop; use `await asyncio.sleep()`.',
    description: 'time.sleep called inside async def, which stops every other task for the duration.',
  },
  (call) => `${call} in a coroutine blocks the whole event loop; use \`await asyncio.sleep()\`.`,
);

export const blockingHttp = blockingRule(
  {
    id: 'blocking-http',
    ref: 'ASYNC210',
    card: 'blocking-db-http-clients',
    message: 'A blocking HTTP call in a coroutine stalls the event loop; use an async client or asyncio.to_thread.',
    description: 'Module-level HTTP functions of requests, httpx, urllib and urllib3 called inside async def.',
  },
  (call) =>
    `${call} is a blocking HTTP call inside async def; use an async client (aiohttp, httpx.AsyncClient) or asyncio.to_thread.`,
);

export const blockingHttpClient = blockingRule(
  {
    id: 'blocking-http-client',
    ref: 'ASYNC212',
    card: 'blocking-db-http-clients',
    message: 'A synchronous HTTP client method in a coroutine stalls the event loop; use httpx.AsyncClient.',
    description:
      'Methods of a synchronous httpx.Client (also requests.Session and urllib3.PoolManager) called inside async def.',
  },
  (call) => `${call} on a synchronous HTTP client blocks the event loop; use \`httpx.AsyncClient\` and await it.`,
);

export const blockingOpen = blockingRule(
  {
    id: 'blocking-open',
    ref: 'ASYNC230',
    card: 'to-thread',
    message: 'Opening a file in a coroutine does blocking disk I/O; move it to asyncio.to_thread.',
    description: 'open(), io.open, codecs.open and pathlib.Path open/read/write methods called inside async def.',
  },
  (call) => `${call} does blocking file I/O inside async def; move it into a function run with \`asyncio.to_thread\`.`,
);

const processRule = (id: BlockingRuleId, ref: string, what: string, message: string) =>
  blockingRule(
    {
      id,
      ref,
      concept: 'subprocess',
      card: 'asyncio-subprocess',
      message,
      description: `${what} with a blocking API inside async def.`,
    },
    (call) => `${call} ${message.charAt(0).toLowerCase()}${message.slice(1)}`,
  );

export const blockingProcessStart = processRule(
  'blocking-process-start',
  'ASYNC220',
  'Starting a child process (subprocess.Popen, os.popen, os.spawn* without P_WAIT)',
  'Starts a process with a blocking API; use `await asyncio.create_subprocess_exec(...)`.',
);

export const blockingProcessRun = processRule(
  'blocking-process-run',
  'ASYNC221',
  'Running a process to completion (subprocess.run and friends, os.system, os.spawn* with P_WAIT)',
  'Runs a process and blocks the event loop until it exits; use `asyncio.create_subprocess_exec` and `await proc.communicate()`.',
);

export const blockingProcessWait = processRule(
  'blocking-process-wait',
  'ASYNC222',
  'Waiting for a child process (os.wait, os.waitpid and friends)',
  'Blocks the event loop while waiting for a process; await an asyncio subprocess instead, or use `asyncio.to_thread`.',
);
