/**
 * The background's message boundary: every incoming message is validated here once, then handled by an
 * exhaustive switch. Malformed or unknown messages are logged and dropped; nothing a page sends can throw
 * out of the listener.
 */
import type { Runtime } from 'webextension-polyfill';
import { parseMessage, type Message } from '@/utils/messages';
import { detect } from '@/utils/detect';
import { lintPython, type LintFinding } from '@/utils/lint';
import { knowledge } from '@/utils/knowledge';
import { buildPageView, type PageView, type TabState } from '@/utils/page-view';
import { dropTabState, getTabState, setTabState } from '@/utils/tab-state';

export interface BackgroundServices {
  /** Adds question cards to the deck; resolves with how many were new. */
  addCards(ids: string[], source: 'manual' | 'problem'): Promise<number>;
  /** Shows the tab's match count (or the due count when `count` is null) on the toolbar button. */
  setTabBadge(tabId: number, count: number | null): Promise<void>;
  /** Opens the side panel for a window at a view; false when the browser refused (no gesture, no API). */
  openPanel(target: { tabId: number; windowId: number }, view: 'page' | 'review'): Promise<boolean>;
  now(): number;
}

export type Reply = PageView | LintFinding[] | { added: number } | { opened: boolean } | TabState | null | void;

export function handleMessage(
  raw: unknown,
  sender: Runtime.MessageSender,
  services: BackgroundServices,
): Promise<Reply> | undefined {
  const message = parseMessage(raw);
  if (!message) {
    console.warn('[awaitwise] ignored a malformed or unknown message', describe(raw));
    return undefined;
  }
  return dispatch(message, sender, services).catch((error: unknown) => {
    console.error(`[awaitwise] ${message.type} failed`, error);
    throw error;
  });
}

async function dispatch(message: Message, sender: Runtime.MessageSender, services: BackgroundServices): Promise<Reply> {
  const tabId = sender.tab?.id;
  switch (message.type) {
    case 'page/report': {
      const { snapshot } = message;
      const detection = detect(snapshot, knowledge);
      const findings = detection.relevant && snapshot.language !== 'javascript' ? safeLint(snapshot.code) : [];
      const view = buildPageView(detection, findings, knowledge);
      if (tabId !== undefined) {
        const { site, url, slug, title, difficulty, tags, generic } = snapshot;
        if (view.relevant) {
          await setTabState({
            tabId,
            problem: { site, url, slug, title, difficulty, tags, generic },
            view,
            updatedAt: services.now(),
          });
          await services.setTabBadge(tabId, view.cards.length);
        } else {
          await dropTabState(tabId);
          await services.setTabBadge(tabId, null);
        }
      }
      return view;
    }
    case 'page/code': {
      const findings = safeLint(message.code);
      if (tabId !== undefined) {
        const state = await getTabState(tabId);
        if (state) await setTabState({ ...state, view: { ...state.view, findings }, updatedAt: services.now() });
      }
      return findings;
    }
    case 'page/clear':
      if (tabId !== undefined) await forgetTab(tabId, services);
      return null;
    case 'cards/add':
      return { added: await services.addCards(message.ids, message.source) };
    case 'panel/open': {
      if (tabId === undefined || sender.tab?.windowId === undefined) return { opened: false };
      return { opened: await services.openPanel({ tabId, windowId: sender.tab.windowId }, message.view ?? 'page') };
    }
    case 'tab/get':
      return getTabState(message.tabId);
    default: {
      const unreachable: never = message;
      return unreachable;
    }
  }
}

export async function forgetTab(tabId: number, services: Pick<BackgroundServices, 'setTabBadge'>): Promise<void> {
  await dropTabState(tabId);
  await services.setTabBadge(tabId, null);
}

/** The linter is error-tolerant, but a page's code must never be able to break the report. */
function safeLint(code: string): LintFinding[] {
  try {
    return code.trim() ? lintPython(code) : [];
  } catch (error) {
    console.error('[awaitwise] linter failed', error);
    return [];
  }
}

function describe(raw: unknown): string {
  if (raw && typeof raw === 'object' && 'type' in raw)
    return `type=${String((raw as { type: unknown }).type).slice(0, 40)}`;
  return typeof raw;
}
