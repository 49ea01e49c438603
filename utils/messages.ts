/**
 * The one message protocol between contexts. Each message type declares its request schema, who may send
 * it and what it answers; `send` is the only way to send one, and the background validates every incoming
 * message once, at the boundary (utils/background/router.ts), before the one handler for its type runs.
 */
import * as v from 'valibot';
import { SITE_IDS } from '@/utils/page-snapshot';
import type { PageView } from '@/utils/page-view';

/** Limits keep a hostile page from handing the worker megabytes to scan. */
export const MAX_TEXT = 20_000;
export const MAX_CODE = 100_000;
const MAX_TITLE = 300;
/** Findings kept per tab: a 100 KB file can yield thousands, and storage.session holds 10 MB for all tabs. */
export const MAX_FINDINGS = 50;

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const count = (min: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(10_000_000));
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

export const FindingSchema = v.strictObject({
  line: count(1),
  col: count(1),
  endLine: count(1),
  endCol: count(1),
  rule: shortText(60),
  ref: v.optional(shortText(20)),
  message: shortText(400),
  severity: v.picklist(['error', 'warning', 'info']),
  concept: shortText(80),
  card: CardIdSchema,
});

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
  /** The problem on this tab, (re-)extracted. Answered with what to show. */
  'page/report': declare('page/report', 'content', { snapshot: PageSnapshotSchema }, replies<PageView>()),
  /** The overlay linted the editor's code: findings for the popup and side panel. Stored capped. */
  'page/findings': declare(
    'page/findings',
    'content',
    { findings: v.pipe(v.array(FindingSchema), v.maxLength(5_000)), total: count(0) },
    replies<null>(),
  ),
  /** This tab no longer shows a problem (SPA navigation away). */
  'page/clear': declare('page/clear', 'content', {}, replies<null>()),
  /** The page is relevant: inject the overlay and the main-world editor reader into this frame. */
  'overlay/load': declare('overlay/load', 'content', {}, replies<{ loaded: boolean }>()),
  /** Add question cards to the flashcard deck; ids the knowledge base does not know are refused. */
  'cards/add': declare(
    'cards/add',
    'any',
    { ids: v.pipe(v.array(CardIdSchema), v.minLength(1), v.maxLength(100)), source: v.picklist(['manual', 'problem']) },
    replies<{ added: number }>(),
  ),
  /** Open the side panel (on a user's click in the overlay) at a view. */
  'panel/open': declare(
    'panel/open',
    'content',
    { view: v.optional(v.picklist(['page', 'review'])) },
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
  PROTOCOL['page/findings'].schema,
  PROTOCOL['page/clear'].schema,
  PROTOCOL['overlay/load'].schema,
  PROTOCOL['cards/add'].schema,
  PROTOCOL['panel/open'].schema,
]);

export function parseMessage(raw: unknown): Message | null {
  const result = v.safeParse(MessageSchema, raw);
  return result.success ? result.output : null;
}
