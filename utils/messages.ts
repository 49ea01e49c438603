/**
 * The one message protocol from the content scripts and extension pages to the background. Each message
 * type declares its request schema, who may send it and what it answers; `send` is the only way to send
 * one, and the background validates every incoming message once, at the boundary
 * (utils/background/router.ts), before the one handler for its type runs.
 */
import * as v from 'valibot';
import { SITE_IDS } from '@/utils/page-snapshot';
import type { PageView } from '@/utils/page-view';
import type { EditorRead } from '@/utils/editor-bridge';

/** Limits keep a hostile page from handing the worker megabytes to scan. */
export const MAX_TEXT = 20_000;
export const MAX_CODE = 100_000;
const MAX_TITLE = 300;

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const CardIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,80}$/));

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

/**
 * The background's answer to a page report: show the badge with this view, or nothing, and why (the
 * popup and the side panel say the same "why" from the stored tab state and the settings).
 */
export type PageDecision =
  | { show: true; tabId: number; view: PageView }
  | { show: false; why: 'not-relevant' | 'site-off' | 'hidden' };

/**
 * Who may send a message: `content` only a content script (sender.tab set: the message is about that tab),
 * `extension` only the extension's own pages (sender.tab unset), `any` both.
 */
export type Origin = 'content' | 'extension' | 'any';

/** A phantom value that carries a reply type (never read). */
const replies = <R>(): R => undefined as R;

const declare = <T extends string, E extends v.ObjectEntries, R>(type: T, origin: Origin, entries: E, reply: R) => ({
  origin,
  schema: v.strictObject({ type: v.literal(type), ...entries }),
  reply,
});

export const PROTOCOL = {
  /**
   * The problem on this tab, (re-)extracted. The background decides everything the page gets (site
   * enabled, badge hidden, relevant), stores the tab's state and answers with the decision.
   */
  'page/report': declare('page/report', 'content', { snapshot: PageSnapshotSchema }, replies<PageDecision>()),
  /** "Hide on this page" (true) or its Undo (false), for the problem this tab reported. */
  'page/hide': declare('page/hide', 'content', { hidden: v.boolean() }, replies<null>()),
  /**
   * The user opened the badge or typed in the editor: inject the popover, or (once there is code to lint)
   * the linter, into this frame (only one that reported a relevant problem).
   */
  'overlay/expand': declare(
    'overlay/expand',
    'content',
    { part: v.picklist(['popover', 'linter']) },
    replies<{ loaded: boolean }>(),
  ),
  /** The full text of the solution editor in this frame, read in the page's own world by the background. */
  'editor/read': declare(
    'editor/read',
    'content',
    { scope: v.optional(shortText(200)) },
    replies<EditorRead | null>(),
  ),
  /** Add question cards to the flashcard deck; ids the knowledge base does not know are refused. */
  'cards/add': declare(
    'cards/add',
    'any',
    { ids: v.pipe(v.array(CardIdSchema), v.minLength(1), v.maxLength(100)), source: v.picklist(['manual', 'problem']) },
    replies<{ added: number }>(),
  ),
  /** Open the side panel (on a user's click in the overlay) at a view; `practice` names the workbench's problem. */
  'panel/open': declare(
    'panel/open',
    'content',
    { view: v.optional(v.picklist(['page', 'review'])), practice: v.optional(CardIdSchema) },
    replies<{ opened: boolean }>(),
  ),
};

type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
export type MessageOf<K extends MessageType> = v.InferOutput<Protocol[K]['schema']>;
export type Message = { [K in MessageType]: MessageOf<K> }[MessageType];
export type ReplyOf<K extends MessageType> = Protocol[K]['reply'];
/** What a message carries besides its type. */
export type RequestOf<K extends MessageType> = Omit<MessageOf<K>, 'type'>;

const MessageSchema = v.variant('type', [
  PROTOCOL['page/report'].schema,
  PROTOCOL['page/hide'].schema,
  PROTOCOL['overlay/expand'].schema,
  PROTOCOL['editor/read'].schema,
  PROTOCOL['cards/add'].schema,
  PROTOCOL['panel/open'].schema,
]);

export function parseMessage(raw: unknown): Message | null {
  const result = v.safeParse(MessageSchema, raw);
  return result.success ? result.output : null;
}
