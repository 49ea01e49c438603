/**
 * The background's message boundary: every incoming message is validated here once, checked against who
 * may send it, then handled by the one handler for its type. Malformed, unknown or misdirected messages
 * are logged and dropped; nothing a page sends can throw out of the listener.
 *
 * `page/report` is where a page decision is made, once: site enabled? badge hidden? problem relevant?
 * The answer is stored for the popup and the side panel and returned to the loader, which draws the badge
 * or nothing.
 */
import type { Runtime } from 'webextension-polyfill';
import {
  parseMessage,
  PROTOCOL,
  type Message,
  type MessageOf,
  type MessageType,
  type PageDecision,
  type ReplyOf,
} from '@/utils/messages';
import { detect } from '@/utils/detect';
import type { DetectIndex } from '@/utils/detect/compact';
import type { EditorRead } from '@/utils/editor-bridge';
import type { SiteId } from '@/utils/page-snapshot';
import { buildPageView, problemKeyOf, type PageView } from '@/utils/page-view';
import type { OverlayPart } from '@/utils/overlay-api';
import type { PanelRequest } from '@/utils/panel';
import { dropTabState, getTabState, setTabState } from '@/utils/tab-state';
import { inTabOrder } from './tab-queue';

export interface BackgroundServices {
  /** The compact knowledge index detection runs on (loaded on first use). */
  index: () => Promise<DetectIndex>;
  /** Whether the user lets the badge show on this site (Options). */
  siteEnabled: (site: SiteId) => Promise<boolean>;
  /** Whether the user hid the badge on this problem (`site:slug`). */
  isHidden: (problemKey: string) => Promise<boolean>;
  setHidden: (problemKey: string, hidden: boolean) => Promise<void>;
  /** Adds question cards to the deck; resolves with how many were new. */
  addCards: (ids: string[], source: 'manual' | 'problem') => Promise<number>;
  /** Shows the tab's match count (or the due count when `count` is null) on the toolbar button. */
  setTabBadge: (tabId: number, count: number | null) => Promise<void>;
  /** Forgets what a tab's overlay found in its code (the tab left its problem, or closed). */
  dropFindings: (tabId: number) => Promise<void>;
  /** Opens the side panel for a window at a view; false when the browser refused (no gesture, no API). */
  openPanel: (target: { tabId: number; windowId: number }, request: PanelRequest) => Promise<boolean>;
  /** Injects a part of the overlay (the popover, or the linter) into a tab's frame; false when refused. */
  loadOverlay: (target: { tabId: number; frameId: number }, part: OverlayPart) => Promise<boolean>;
  /** The editor's full text in a tab's frame, read in the page's world; null when there is no editor. */
  readEditor: (target: { tabId: number; frameId: number }, scope: string | undefined) => Promise<EditorRead | null>;
  /** When the user first solved a practice problem in the workbench, or null. */
  practiceSolvedAt: (problemId: string) => Promise<number | null>;
  now: () => number;
}

/** Who sent a message, once checked: a tab's content script, or one of our own pages. */
export interface Sender {
  tabId?: number;
  windowId?: number;
  frameId: number;
  /** The origin of the sending frame, when the browser says. */
  origin?: string;
}

/** A checked sender that is a tab's content script. */
type TabSender = Sender & { tabId: number };

type Handlers = {
  [K in MessageType]: (message: MessageOf<K>, sender: Sender, services: BackgroundServices) => Promise<ReplyOf<K>>;
};

/** checkSender() lets `content` messages through only with a tab; this says so to the types. */
function tabOf(sender: Sender): TabSender {
  if (sender.tabId === undefined) throw new Error('a content message without a tab');
  return { ...sender, tabId: sender.tabId };
}

async function viewFor(message: MessageOf<'page/report'>, services: BackgroundServices): Promise<PageView> {
  const index = await services.index();
  const view = buildPageView(detect(message.snapshot, index), index);
  if (!view.practice || (await services.practiceSolvedAt(view.practice.id)) === null) return view;
  return { ...view, practice: { ...view.practice, solved: true } };
}

const handlers: Handlers = {
  'page/report': (message, sender, services) => {
    const { tabId, frameId } = tabOf(sender);
    const { snapshot } = message;
    return inTabOrder(tabId, async (): Promise<PageDecision> => {
      // A site the user turned off is not even read: no detection, no state, nothing shown.
      if (!(await services.siteEnabled(snapshot.site))) {
        await forgetNow(tabId, services);
        return { show: false, why: 'site-off' };
      }
      const view = await viewFor(message, services);
      if (!view.relevant) {
        await forgetNow(tabId, services);
        return { show: false, why: 'not-relevant' };
      }
      const { site, url, slug, title, difficulty, tags, generic } = snapshot;
      const previous = await getTabState(tabId);
      if (previous && previous.problem.url !== url) await services.dropFindings(tabId);
      await setTabState({
        tabId,
        frameId,
        problem: { site, url, slug, title, difficulty, tags, generic },
        view,
        updatedAt: services.now(),
      });
      await services.setTabBadge(tabId, view.cards.length);
      // A hidden badge still counts as a detection: the popup and the side panel offer to show it again.
      if (await services.isHidden(problemKeyOf(snapshot))) return { show: false, why: 'hidden' };
      return { show: true, tabId, view };
    });
  },
  'page/hide': async (message, sender, services) => {
    const state = await getTabState(tabOf(sender).tabId);
    if (state) await services.setHidden(problemKeyOf(state.problem), message.hidden);
    return null;
  },
  'overlay/expand': async (message, sender, services) => {
    const { tabId, frameId } = tabOf(sender);
    // Only into the frame that reported a relevant problem: nothing else ever gets the popover.
    const state = await getTabState(tabId);
    if (!state || state.frameId !== frameId) return { loaded: false };
    return { loaded: await services.loadOverlay({ tabId, frameId }, message.part) };
  },
  'editor/read': async (message, sender, services) => {
    const { tabId, frameId } = tabOf(sender);
    return services.readEditor({ tabId, frameId }, message.scope);
  },
  'cards/add': async (message, _sender, services) => {
    const known = new Set((await services.index()).questions.map((q) => q.id));
    // Only ids the knowledge base knows: an unknown id in the deck would make every later backup unrestorable.
    const ids = message.ids.filter((id) => known.has(id));
    if (ids.length === 0) return { added: 0 };
    return { added: await services.addCards(ids, message.source) };
  },
  'panel/open': async (message, sender, services) => {
    const { tabId, windowId } = tabOf(sender);
    if (windowId === undefined) return { opened: false };
    const request: PanelRequest = message.practice
      ? { view: 'practice', id: message.practice }
      : { view: message.view ?? 'page' };
    return { opened: await services.openPanel({ tabId, windowId }, request) };
  },
};

/** The extension itself, as the background knows it: its id and the URL prefix of its own pages. */
export interface Self {
  id?: string;
  /** e.g. chrome-extension://<id>/ */
  pagesUrl?: string;
}

/**
 * Checks the sender against the message's declared origin; null when it may not send it. A content script
 * is a sender in a tab whose URL is a web page: an extension page opened in a tab has `sender.tab` set too,
 * so the URL decides.
 */
export function checkSender(message: Message, raw: Runtime.MessageSender, self: Self = {}): Sender | null {
  // Another extension's message (only reachable through onMessageExternal, but be explicit).
  if (self.id !== undefined && raw.id !== undefined && raw.id !== self.id) return null;
  const ownPage = self.pagesUrl !== undefined && (raw.url ?? '').startsWith(self.pagesUrl);
  const fromContent = raw.tab?.id !== undefined && !ownPage;
  const origin = PROTOCOL[message.type].origin;
  if (origin === 'content' && !fromContent) return null;
  if (origin === 'extension' && fromContent) return null;
  let frameOrigin: string | undefined;
  try {
    frameOrigin = raw.url ? new URL(raw.url).origin : undefined;
  } catch {
    frameOrigin = undefined;
  }
  // A content script reports the page it runs in, never another site's.
  if (message.type === 'page/report' && frameOrigin && new URL(message.snapshot.url).origin !== frameOrigin)
    return null;
  // An extension page in a tab speaks for itself, not for the tab.
  if (!fromContent) return { frameId: 0, origin: frameOrigin };
  return { tabId: raw.tab?.id, windowId: raw.tab?.windowId, frameId: raw.frameId ?? 0, origin: frameOrigin };
}

export function handleMessage(
  raw: unknown,
  sender: Runtime.MessageSender,
  services: BackgroundServices,
  self: Self = {},
): Promise<unknown> | undefined {
  const message = parseMessage(raw);
  if (!message) {
    console.warn('[awaitwise] ignored a malformed or unknown message', describe(raw));
    return undefined;
  }
  const checked = checkSender(message, sender, self);
  if (!checked) {
    console.warn(`[awaitwise] refused ${message.type} from ${describeSender(sender)}`);
    return undefined;
  }
  return dispatch(message, checked, services).catch((error: unknown) => {
    console.error(`[awaitwise] ${message.type} failed`, error);
    throw error;
  });
}

/** The one switch over message types; each case hands its handler the message narrowed to its type. */
function dispatch(message: Message, sender: Sender, services: BackgroundServices): Promise<unknown> {
  switch (message.type) {
    case 'page/report':
      return handlers['page/report'](message, sender, services);
    case 'page/hide':
      return handlers['page/hide'](message, sender, services);
    case 'overlay/expand':
      return handlers['overlay/expand'](message, sender, services);
    case 'editor/read':
      return handlers['editor/read'](message, sender, services);
    case 'cards/add':
      return handlers['cards/add'](message, sender, services);
    case 'panel/open':
      return handlers['panel/open'](message, sender, services);
  }
}

export function forgetTab(
  tabId: number,
  services: Pick<BackgroundServices, 'setTabBadge' | 'dropFindings'>,
): Promise<void> {
  return inTabOrder(tabId, () => forgetNow(tabId, services));
}

/** Drops a tab's state, findings and badge; only inside inTabOrder. */
export async function forgetNow(
  tabId: number,
  services: Pick<BackgroundServices, 'setTabBadge' | 'dropFindings'>,
): Promise<void> {
  await dropTabState(tabId);
  await services.dropFindings(tabId);
  await services.setTabBadge(tabId, null);
}

function describeSender(sender: Runtime.MessageSender): string {
  try {
    return sender.url ? new URL(sender.url).origin : 'an unknown sender';
  } catch {
    return 'an unknown sender';
  }
}

function describe(raw: unknown): string {
  if (raw && typeof raw === 'object' && 'type' in raw) return `type=${String(raw.type).slice(0, 40)}`;
  return typeof raw;
}
