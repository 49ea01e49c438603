/** Every lint rule, in the order findings of equal position are listed. Add new rules here. */
import type { LintRule } from './rule';
import type { LintRuleMeta } from './types';
import { awaitOutsideAsync } from './rules/await-outside-async';
import {
  blockingHttp,
  blockingHttpClient,
  blockingOpen,
  blockingProcessRun,
  blockingProcessStart,
  blockingProcessWait,
  blockingSleep,
} from './rules/blocking-calls';
import { busyWait } from './rules/busy-wait';
import { cpuLoopInCoroutine } from './rules/cpu-loop';
import { danglingTask } from './rules/dangling-task';
import { gatherExceptionsDropped } from './rules/gather-exceptions';
import { neverAwaited } from './rules/never-awaited';
import { asyncioRunInCoroutine } from './rules/run-in-coroutine';
import { timeoutParameter } from './rules/timeout-parameter';

export const LINT_RULES: readonly LintRule[] = [
  awaitOutsideAsync,
  asyncioRunInCoroutine,
  blockingSleep,
  blockingHttp,
  blockingHttpClient,
  blockingOpen,
  blockingProcessStart,
  blockingProcessRun,
  blockingProcessWait,
  neverAwaited,
  danglingTask,
  gatherExceptionsDropped,
  busyWait,
  timeoutParameter,
  cpuLoopInCoroutine,
];

/** The rules without their implementation, for the UI and tests. */
export const LINT_RULE_META: readonly LintRuleMeta[] = LINT_RULES.map(
  ({ id, ref, concept, card, severity, message, description }) => ({
    id,
    ...(ref ? { ref } : {}),
    concept,
    card,
    severity,
    message,
    description,
  }),
);

/** Rule id → code of the equivalent ruff / flake8-async rule (absent where none exists). */
export const LINT_REFS: Readonly<Record<string, string | undefined>> = Object.fromEntries(
  LINT_RULES.map((rule) => [rule.id, rule.ref]),
);
