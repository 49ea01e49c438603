/**
 * What the overlay's linter found in the code on a tab, as one small storage.local item per tab
 * (`findings:<tabId>`). The overlay writes it (a content script cannot reach storage.session); the side
 * panel reads and watches it; the background removes it when the tab leaves its problem or closes, and
 * every leftover at browser start-up. Reads are validated: the content script's page is hostile ground.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { CodeSource } from '@/utils/editor-bridge';
import type { LintFinding } from '@/utils/lint/types';
import { validatedItem, type ValidatedItem } from '@/utils/stored-item';

/** Findings kept per tab: a 100 KB file can yield thousands; the rest is counted ("N more"), not stored. */
export const MAX_FINDINGS = 50;
const KEY_PREFIX = 'findings:';

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const position = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000_000));

export const FindingSchema = v.strictObject({
  line: position,
  col: position,
  endLine: position,
  endCol: position,
  rule: shortText(60),
  ref: v.optional(shortText(20)),
  message: shortText(400),
  severity: v.picklist(['error', 'warning', 'info']),
  concept: shortText(80),
  card: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,80}$/)),
});

const PageFindingsSchema = v.object({
  /** The problem page whose code was linted: findings show only beside that problem. */
  url: shortText(2048),
  findings: v.pipe(v.array(FindingSchema), v.maxLength(MAX_FINDINGS)),
  /** How many the linter found in all; more than `findings` when the list was cut. */
  total: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** `editor`: the editor's own text; `page`: what the page rendered (not verified as the editor's). */
  source: v.picklist(['editor', 'page']),
});

export interface PageFindings {
  url: string;
  findings: LintFinding[];
  total: number;
  source: CodeSource;
}

type Stored = v.InferOutput<typeof PageFindingsSchema>;
// A field added to PageFindings but not to the schema would be dropped on every read.
const everyFieldRead: keyof PageFindings extends keyof Stored ? true : never = true;
void everyFieldRead;

const parse = (raw: unknown): PageFindings | null => {
  const parsed = v.safeParse(PageFindingsSchema, raw);
  return parsed.success ? parsed.output : null;
};

export function pageFindingsItem(tabId: number): ValidatedItem<PageFindings | null, PageFindings> {
  return validatedItem(`local:${KEY_PREFIX}${tabId}`, parse);
}

/** The linter's full result, cut to what is stored. */
export function findingsToStore(url: string, all: readonly LintFinding[], source: CodeSource): PageFindings {
  return { url, findings: all.slice(0, MAX_FINDINGS), total: all.length, source };
}

/** Removes every tab's findings (at browser start-up: tab ids start again, the pages are gone). */
export async function clearAllPageFindings(): Promise<void> {
  const all: Record<string, unknown> = await browser.storage.local.get(null);
  const keys = Object.keys(all).filter((key) => key.startsWith(KEY_PREFIX));
  if (keys.length) await browser.storage.local.remove(keys);
}
