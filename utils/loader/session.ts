/**
 * The loader's lifecycle on one tab: read the problem, report it to the background, and, once the
 * background says it is relevant, have the overlay injected and show it. Nothing else runs on a problem
 * page: an unrelated one gets no DOM node and no main-world script.
 *
 * Relevance is decided at once from what every layout has (URL slug against the known problems, <title>,
 * meta description, embedded JSON) and upgraded when the full statement renders. Every run gets a
 * generation number; a run overtaken by a newer navigation stops at its next step, so stale work never lands.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '@/utils/sites/types';
import type { PageSnapshot } from '@/utils/page-snapshot';
import type { PageView } from '@/utils/page-view';
import type { OverlayHandle } from '@/utils/overlay-api';
import { send } from '@/utils/send';
import { isSiteEnabled } from '@/utils/site-enabled';
import { isDismissed } from '@/utils/dismissed-read';

/** How long a run keeps watching a late-rendering problem for a fuller statement. */
const CONTENT_WAIT_MS = 8_000;
const OBSERVE_DEBOUNCE_MS = 200;

export function startPageSession(ctx: ContentScriptContext, site: SiteAdapter): void {
  let generation = 0;
  let overlay: OverlayHandle | null = null;
  let reported = false;
  let stopObserving: (() => void) | null = null;

  const teardown = () => {
    overlay?.remove();
    overlay = null;
  };

  const run = async () => {
    const gen = ++generation;
    stopObserving?.();
    stopObserving = null;
    const stale = () => gen !== generation || ctx.isInvalid;
    const url = new URL(location.href);
    const adapter = site.isProblemUrl(url) ? site : undefined;
    const enabled = adapter ? await isSiteEnabled(adapter.id) : false;
    if (stale()) return;
    if (!adapter || !enabled) {
      teardown();
      if (reported) {
        reported = false;
        await send('page/clear', {});
      }
      return;
    }
    let snapshot = adapter.extract(document, url);
    let shown = await report(adapter, snapshot, stale);
    if (stale() || looksComplete(snapshot)) return;
    // Upgrade: the statement is still rendering. Report again when it is there (or better than before).
    stopObserving = observeUntil(
      ctx,
      () => {
        if (stale()) return true;
        const next = adapter.extract(document, url);
        if (next.text.length <= snapshot.text.length + 40 && next.title === snapshot.title) return false;
        snapshot = next;
        void report(adapter, next, stale).then((ok) => (shown ||= ok));
        return looksComplete(next);
      },
      CONTENT_WAIT_MS,
    );
  };

  /** Reports a snapshot and shows or removes the overlay for the answer; true when the overlay shows. */
  const report = async (adapter: SiteAdapter, snapshot: PageSnapshot, stale: () => boolean): Promise<boolean> => {
    const view = await send('page/report', { snapshot });
    if (stale()) return false;
    reported = true;
    const key = `${snapshot.site}:${snapshot.slug}`;
    if (!view?.relevant || (await isDismissed(key)) || stale()) {
      if (!stale()) teardown();
      return false;
    }
    return show(adapter, key, view, snapshot, stale);
  };

  const show = async (
    adapter: SiteAdapter,
    key: string,
    view: PageView,
    snapshot: PageSnapshot,
    stale: () => boolean,
  ): Promise<boolean> => {
    const theme = themeFor(adapter);
    if (overlay?.attached() && overlay.key === key) {
      overlay.update(view, theme);
      return true;
    }
    if (!globalThis.__awaitwiseOverlay) {
      const { loaded } = await send('overlay/load', {});
      if (!loaded || stale()) return false;
    }
    const api = globalThis.__awaitwiseOverlay;
    if (!api || stale()) return false;
    teardown();
    overlay = api.mount({
      anchor: adapter.titleElement(document),
      problemKey: key,
      view,
      theme,
      editorScope: adapter.editorScope,
      code: snapshot.code,
      language: snapshot.language,
      actions: {
        addCards: async (ids) => (await send('cards/add', { ids, source: 'problem' })).added,
        openPanel: async () => (await send('panel/open', { view: 'page' })).opened,
        reportFindings: (findings, total) => void send('page/findings', { findings, total }).catch(() => undefined),
      },
    });
    return true;
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

/** True once the page shows the problem the URL names with a real statement (SPAs keep the previous one a while). */
function looksComplete(snapshot: PageSnapshot): boolean {
  if (!snapshot.title || snapshot.generic || snapshot.text.length < 200) return false;
  const words = snapshot.slug.split(/[-/]/).filter((w) => /^[a-z]{3,}$/.test(w));
  if (words.length < 2) return true;
  const title = snapshot.title.toLowerCase();
  return words.filter((w) => title.includes(w)).length >= Math.ceil(words.length / 2);
}

/**
 * Calls `check` after DOM changes settle (debounced) until it returns true or `limitMs` passes. Returns a
 * stop function; every observer, timer and invalidation listener it made is gone after it stops.
 */
function observeUntil(ctx: ContentScriptContext, check: () => boolean, limitMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (check()) stop();
    }, OBSERVE_DEBOUNCE_MS);
  });
  const deadline = setTimeout(() => stop(), limitMs);
  const unsubscribe = ctx.onInvalidated(() => stop());
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(deadline);
    unsubscribe();
  }
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  return stop;
}
