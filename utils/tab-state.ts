/**
 * Per-tab page state, kept in storage.session so it survives the service worker being stopped and
 * restarted, and is gone when the browser closes. The background writes it; extension pages read it and
 * `.watch()` it themselves (content scripts cannot: storage.session is for trusted contexts only, which is
 * what keeps one tab's problem URL from another tab's content script). Every read is validated: a state
 * another version wrote, or a damaged one, reads as "nothing known about this tab".
 */
import * as v from 'valibot';
import { PageSnapshotSchema } from '@/utils/messages';
import type { PageView, TabState } from '@/utils/page-view';
import { validatedItem, type ValidatedItem } from '@/utils/stored-item';

const PageViewSchema = v.object({
  relevant: v.boolean(),
  score: v.number(),
  concepts: v.array(v.object({ id: v.string(), name: v.string() })),
  practice: v.nullable(
    v.object({
      id: v.string(),
      title: v.string(),
      hints: v.tuple([v.string(), v.string(), v.string()]),
      tests: v.number(),
      asyncioVersionOfThreads: v.optional(v.boolean()),
      solved: v.optional(v.boolean()),
    }),
  ),
  cards: v.array(v.object({ id: v.string(), question: v.string(), short: v.string() })),
});

const TabStateSchema = v.object({
  tabId: v.number(),
  frameId: v.number(),
  problem: v.pick(PageSnapshotSchema, ['site', 'url', 'slug', 'title', 'difficulty', 'tags', 'generic']),
  view: PageViewSchema,
  updatedAt: v.number(),
});

type Stored = v.InferOutput<typeof TabStateSchema>;
// A field added to TabState or PageView but not to the schemas above would be dropped on every read.
const everyFieldRead: [keyof TabState, keyof PageView] extends [keyof Stored, keyof Stored['view']] ? true : never =
  true;
void everyFieldRead;

const parseTabState = (raw: unknown): TabState | null => {
  const parsed = v.safeParse(TabStateSchema, raw);
  return parsed.success ? parsed.output : null;
};

/** The typed storage item of one tab. */
export function tabStateItem(tabId: number): ValidatedItem<TabState | null, TabState> {
  return validatedItem(`session:tab:${tabId}`, parseTabState);
}

export function getTabState(tabId: number): Promise<TabState | null> {
  return tabStateItem(tabId).getValue();
}

export async function setTabState(state: TabState): Promise<void> {
  await tabStateItem(state.tabId).setValue(state);
}

export async function dropTabState(tabId: number): Promise<void> {
  await tabStateItem(tabId).removeValue();
}

/** Calls back with the tab's new state (or null) whenever the background changes it. */
export function watchTabState(tabId: number, onChange: (state: TabState | null) => void): () => void {
  return tabStateItem(tabId).watch(onChange);
}
