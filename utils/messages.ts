/**
 * The one message protocol between contexts. Every message the background receives is checked against
 * `MessageSchema` once, at the boundary (see utils/background/router.ts); everything past that point is typed.
 */
import * as v from 'valibot';
import { SITE_IDS } from '@/utils/page-snapshot';

/** Limits keep a hostile page from handing the worker megabytes to scan. */
export const MAX_TEXT = 20_000;
export const MAX_CODE = 100_000;
const MAX_TITLE = 300;

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const cardId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,80}$/));

export const PageSnapshotSchema = v.strictObject({
  site: v.picklist(SITE_IDS),
  generic: v.boolean(),
  // Problem pages are https; anything else (javascript:, data:) is not a page we read.
  url: v.pipe(v.string(), v.maxLength(2048), v.url(), v.startsWith('https://')),
  slug: shortText(200),
  title: shortText(MAX_TITLE),
  text: shortText(MAX_TEXT),
  tags: v.pipe(v.array(shortText(80)), v.maxLength(50)),
  difficulty: v.optional(shortText(40)),
  code: shortText(MAX_CODE),
  language: v.optional(shortText(40)),
});

export const MessageSchema = v.variant('type', [
  /** Content script: the problem on this tab, (re-)extracted. Answered with a PageView. */
  v.strictObject({ type: v.literal('page/report'), snapshot: PageSnapshotSchema }),
  /** Content script: the editor's code changed; answered with lint findings. */
  v.strictObject({ type: v.literal('page/code'), code: shortText(MAX_CODE) }),
  /** Content script: this tab no longer shows a problem (SPA navigation away). */
  v.strictObject({ type: v.literal('page/clear') }),
  /** Content script or page: add question cards to the flashcard deck. */
  v.strictObject({
    type: v.literal('cards/add'),
    ids: v.pipe(v.array(cardId), v.minLength(1), v.maxLength(100)),
    source: v.picklist(['manual', 'problem']),
  }),
  /** Content script: open the side panel (on a user's click) at a view. */
  v.strictObject({ type: v.literal('panel/open'), view: v.optional(v.picklist(['page', 'review'])) }),
  /** Extension page: the stored state of a tab. */
  v.strictObject({ type: v.literal('tab/get'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
]);

export type Message = v.InferOutput<typeof MessageSchema>;
export type MessageType = Message['type'];

export function parseMessage(raw: unknown): Message | null {
  const result = v.safeParse(MessageSchema, raw);
  return result.success ? result.output : null;
}
