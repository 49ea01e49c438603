/**
 * The background's message boundary: every incoming message is validated here once, checked against who
 * may send it, then handled by the one handler for its type. Malformed, unknown or misdirected messages
 * are logged and dropped; nothing a page sends can throw out of the listener.
 */
import type { Runtime } from 'webextension-polyfill';
import {
  parseMessage,
  PROTOCOL,
  MAX_FINDINGS,
  type Message,
  type MessageOf,
  type MessageType,
  type ReplyOf,
} from '@/utils/messages';
import { detect } from '@/utils/detect';
import type { DetectIndex } from '@/utils/detect/compact';
import type { LintFinding } from '@/utils/lint/types';
import { buildPageView, type TabState } from '@/utils/page-view';
import { dropTabState, getTabState, setTabState } from '@/utils/tab-state';
import { inTabOrder } from './tab-queue';

export interface BackgroundServices {
  /** The compact knowledge index detection runs on. */
  index: DetectIndex;
  /** Adds question cards to the deck; resolves with how many were new. */
  addCards(ids: string[], source: 'manual' | 'problem'): Promise<number>;
  /** Shows the tab's match count (or the due count when `count` is null) on the toolbar button. */
  setTabBadge(tabId: number, count: number | null): Promise<void>;
  /** Opens the side panel for a window at a view; false when the browser refused (no gesture, no API). */
  openPanel(target: { tabId: number; windowId: number }, view: 'page' | 'review'): Promise<boolean>;
  /** Injects the overlay and the main-world editor reader into a tab's frame; false when refused. */
  loadOverlay(target: { tabId: number; frameId: number }): Promise<boolean>;
  /** When the user first solved a practice problem in the workbench, or null. */
  practiceSolvedAt(problemId: string): Promise<number | null>;
  now(): number;
}

/** Who sent a message, once checked: a tab's content script, or one of our own pages. */
export interface Sender {
  tabId?: number;
  windowId?: number;
  frameId: number;
  /** The origin of the sending frame, when the browser says. */
  origin?: string;
}

/** A stored tab entry never grows past this (storage.session is 10 MB for every tab together). */
export const MAX_TAB_ENTRY_CHARS = 64_000;

type Handlers = {
  [K in MessageType]: (message: MessageOf<K>, sender: Sender, services: BackgroundServices) => Promise<ReplyOf<K>>;
};

const handlers: Handlers = {
  'page/report': async (message, sender, services) => {
    const { snapshot } = message;
    const detection = detect(snapshot, services.index);
    const built = buildPageView(detection, [], services.index);
    const solvedAt = built.practice ? await services.practiceSolvedAt(built.practice.id) : null;
    const view =
      built.practice && solvedAt !== null ? { ...built, practice: { ...built.practice, solved: true } } : built;
    const tabId = sender.tabId;
    if (tabId === undefined) return view;
    return inTabOrder(tabId, async () => {
      if (view.relevant) {
        const { site, url, slug, title, difficulty, tags, generic } = snapshot;
        const previous = await getTabState(tabId);
        // Findings belong to the code on screen: a re-report of the same problem keeps the overlay's.
        const findings = previous?.problem.url === url ? previous.view.findings : [];
        await setTabState(
          capped({
            tabId,
            problem: { site, url, slug, title, difficulty, tags, generic },
            view: { ...view, findings },
            updatedAt: services.now(),
          }),
        );
        await services.setTabBadge(tabId, view.cards.length);
      } else {
        await dropTabState(tabId);
        await services.setTabBadge(tabId, null);
      }
      return view;
    });
  },
  'page/findings': (message, sender, services) => {
    const tabId = sender.tabId!;
    return inTabOrder(tabId, async () => {
      const state = await getTabState(tabId);
      if (state) {
        const findings: LintFinding[] = message.findings;
        await setTabState(
          capped({
            ...state,
            view: { ...state.view, findings, findingsTotal: Math.max(message.total, findings.length) },
            updatedAt: services.now(),
          }),
        );
      }
      return null;
    });
  },
  'page/clear': async (_message, sender, services) => {
    await forgetTab(sender.tabId!, services);
    return null;
  },
  'overlay/load': async (_message, sender, services) => ({
    loaded: await services.loadOverlay({ tabId: sender.tabId!, frameId: sender.frameId }),
  }),
  'cards/add': async (message, _sender, services) => {
    const known = new Set(services.index.questions.map((q) => q.id));
    // Only ids the knowledge base knows: an unknown id in the deck would make every later backup unrestorable.
    const ids = message.ids.filter((id) => known.has(id));
    if (ids.length === 0) return { added: 0 };
    return { added: await services.addCards(ids, message.source) };
  },
  'panel/open': async (message, sender, services) => {
    if (sender.windowId === undefined) return { opened: false };
    return {
      opened: await services.openPanel({ tabId: sender.tabId!, windowId: sender.windowId }, message.view ?? 'page'),
    };
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
  const handler = handlers[message.type] as (m: Message, s: Sender, x: BackgroundServices) => Promise<unknown>;
  return handler(message, checked, services).catch((error: unknown) => {
    console.error(`[awaitwise] ${message.type} failed`, error);
    throw error;
  });
}

export function forgetTab(tabId: number, services: Pick<BackgroundServices, 'setTabBadge'>): Promise<void> {
  return inTabOrder(tabId, () => forgetNow(tabId, services));
}

/** Drops a tab's state and badge; only inside inTabOrder. */
export async function forgetNow(tabId: number, services: Pick<BackgroundServices, 'setTabBadge'>): Promise<void> {
  await dropTabState(tabId);
  await services.setTabBadge(tabId, null);
}

/** Findings cut to MAX_FINDINGS, then to what fits MAX_TAB_ENTRY_CHARS; the cut is recorded, not hidden. */
export function capped(state: TabState): TabState {
  let findings = state.view.findings;
  const total = Math.max(state.view.findingsTotal ?? findings.length, findings.length);
  if (findings.length > MAX_FINDINGS) findings = findings.slice(0, MAX_FINDINGS);
  let next: TabState = { ...state, view: { ...state.view, findings, findingsTotal: total } };
  while (JSON.stringify(next).length > MAX_TAB_ENTRY_CHARS && findings.length > 0) {
    findings = findings.slice(0, Math.floor(findings.length / 2));
    next = { ...next, view: { ...next.view, findings } };
  }
  if (findings.length < total) next.degraded = 'findings-capped';
  else delete next.degraded;
  return next;
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
