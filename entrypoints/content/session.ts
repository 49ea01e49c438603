/**
 * The content script's lifecycle on one tab: find the problem (waiting, bounded, for late SPA content),
 * report it to the background, and show or remove the overlay. Every run gets a generation number; a run
 * that has been overtaken by a newer navigation stops at its next step, so stale work never lands.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adapterFor } from '@/utils/sites';
import type { SiteAdapter } from '@/utils/sites/types';
import type { PageSnapshot } from '@/utils/page-snapshot';
import type { PageView } from '@/utils/page-view';
import type { LintFinding } from '@/utils/lint';
import type { Message } from '@/utils/messages';
import { isSiteEnabled } from '@/utils/site-enabled';
import { mountOverlay, type OverlayHandle } from './overlay/mount';
import { readEditorCode, revealEditorLine, watchEditorCode } from './editor';
import { isDismissed, rememberDismissed } from './dismissed';

/** How long a run waits for a late-rendering problem before it uses what is there. */
const CONTENT_WAIT_MS = 8_000;
const OBSERVE_DEBOUNCE_MS = 250;

const send = <T>(message: Message) => browser.runtime.sendMessage(message) as Promise<T>;

export function startPageSession(ctx: ContentScriptContext): void {
  let generation = 0;
  let overlay: OverlayHandle | null = null;
  let reported = false;
  let stopCodeWatch: (() => void) | null = null;

  const teardown = () => {
    stopCodeWatch?.();
    stopCodeWatch = null;
    overlay?.remove();
    overlay = null;
  };

  const run = async () => {
    const gen = ++generation;
    const stale = () => gen !== generation || ctx.isInvalid;
    const url = new URL(location.href);
    const adapter = adapterFor(url);
    const enabled = adapter ? await isSiteEnabled(adapter.id) : false;
    if (stale()) return;
    if (!adapter || !adapter.isProblemUrl(url) || !enabled) {
      teardown();
      if (reported) {
        reported = false;
        await send({ type: 'page/clear' });
      }
      return;
    }
    const snapshot = await waitForProblem(ctx, adapter, url, stale);
    if (!snapshot || stale()) return;
    const editor = await readEditorCode(ctx, adapter.editorScope);
    if (stale()) return;
    if (editor) Object.assign(snapshot, { code: editor.code, language: editor.language ?? snapshot.language });
    const view = await send<PageView>({ type: 'page/report', snapshot });
    if (stale()) return;
    reported = true;
    const key = `${snapshot.site}:${snapshot.slug}`;
    if (!view?.relevant || (await isDismissed(key)) || stale()) {
      teardown();
      return;
    }
    await show(adapter, key, view);
  };

  const show = async (adapter: SiteAdapter, key: string, view: PageView) => {
    const theme = themeFor(adapter);
    if (overlay?.attached() && overlay.key === key) {
      overlay.update(view, theme);
      return;
    }
    teardown();
    let current = view;
    const handle = await mountOverlay(ctx, adapter.titleElement(document), key, view, theme, {
      addCards: async (ids) => (await send<{ added: number }>({ type: 'cards/add', ids, source: 'problem' })).added,
      openPanel: async () => (await send<{ opened: boolean }>({ type: 'panel/open', view: 'page' })).opened,
      dismiss: () => {
        teardown();
        void rememberDismissed(key);
      },
      revealLine: (finding: LintFinding) => void revealEditorLine(finding.line),
    });
    overlay = handle;
    stopCodeWatch = watchEditorCode(ctx, adapter.editorScope, async (code) => {
      const findings = await send<LintFinding[]>({ type: 'page/code', code });
      if (!overlay || overlay.key !== key) return;
      current = { ...current, findings };
      overlay.update(current, themeFor(adapter));
    });
  };

  // Runs are cheap to start but each navigation must supersede the last; schedule on a microtask tick.
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      run().catch((error: unknown) => {
        if (!ctx.isInvalid) console.warn('[awaitwise] could not read this page', error);
      });
    });
  };
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  schedule();
}

function themeFor(adapter: SiteAdapter): 'light' | 'dark' {
  const dark = adapter.themeIsDark(document) ?? window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  return dark ? 'dark' : 'light';
}

/** True once the page shows the problem the URL names (SPAs keep the previous problem on screen for a while). */
function looksReady(snapshot: PageSnapshot): boolean {
  if (!snapshot.title || snapshot.text.length < 40) return false;
  const words = snapshot.slug.split('-').filter((w) => /^[a-z]{3,}$/.test(w));
  if (words.length < 2) return true;
  const title = snapshot.title.toLowerCase();
  return words.filter((w) => title.includes(w)).length >= Math.ceil(words.length / 2);
}

/**
 * Extracts now, and if the problem is not on screen yet, again after DOM changes settle (debounced),
 * for at most CONTENT_WAIT_MS; then settles for the best it saw.
 */
function waitForProblem(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  url: URL,
  stale: () => boolean,
): Promise<PageSnapshot | null> {
  const first = adapter.extract(document, url);
  if (looksReady(first)) return Promise.resolve(first);
  return new Promise((resolve) => {
    let best = first;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: PageSnapshot | null) => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(deadline);
      resolve(result);
    };
    const check = () => {
      if (stale()) return finish(null);
      best = adapter.extract(document, url);
      if (looksReady(best)) finish(best);
    };
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(check, OBSERVE_DEBOUNCE_MS);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    const deadline = setTimeout(() => finish(stale() ? null : best.title || best.text ? best : null), CONTENT_WAIT_MS);
    ctx.onInvalidated(() => finish(null));
  });
}
