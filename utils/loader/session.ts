/**
 * The loader's lifecycle on one tab: read the problem, report it to the background, and apply the
 * background's decision: draw the badge (utils/loader/badge.ts) or nothing. It never decides anything
 * itself and reads no settings: the background answers "show this" or "nothing, because…".
 *
 * Relevance is decided at once from what every layout has (URL slug against the known problems, <title>,
 * meta description, embedded JSON) and upgraded when the full statement renders. Every run gets a
 * generation number; a run overtaken by a newer navigation stops at its next step, so stale work never
 * lands. A change to the settings or the hidden badges (from the popup, Options, another device) has the
 * page reported again, so it takes effect at once.
 */
import { browser } from 'wxt/browser';
import type { PageDecision } from '@/utils/messages';
import type { OverlayHandle, OverlayModule } from '@/utils/overlay-api';
import type { PageSnapshot } from '@/utils/page-snapshot';
import { problemKeyOf, type PageView } from '@/utils/page-view';
import type { SiteAdapter } from '@/utils/sites/types';
import { send } from '@/utils/send';
import { drawBadge, type Badge } from './badge';
import { onFirstEdit } from './first-edit';
import { loaderLifetime, watchLocation, type Lifetime } from './lifetime';
import { isSettledRequest, type PageStatus } from './status';

/** How long a run keeps watching a late-rendering problem for a fuller statement. */
const CONTENT_WAIT_MS = 8_000;
const OBSERVE_DEBOUNCE_MS = 200;
/** storage.local keys whose change can change a decision: the settings (sites on/off) and the hidden badges. */
const DECISION_INPUTS = ['settings', 'dismissedProblems'];

/** The badge on this page, and the overlay once it has taken the badge over. */
interface PageOverlay {
  key: string;
  url: string;
  tabId: number;
  /** The language the site says the editor is in. */
  language: string | undefined;
  badge: Badge;
  view: PageView;
  theme: 'light' | 'dark';
  handle: OverlayHandle | null;
  loading: Promise<void> | null;
  /** The badge was clicked while the overlay was loading: it opens the popover when it mounts. */
  wantOpen: boolean;
  stopEditWatch: () => void;
}

export function startPageSession(site: SiteAdapter): void {
  const life = loaderLifetime();
  let generation = 0;
  let overlay: PageOverlay | null = null;
  let stopObserving: (() => void) | null = null;
  let status: PageStatus = 'not-a-problem';
  // Runs scheduled or in flight; the "settled" answer waits until there are none.
  let pending = 0;
  let waiters: ((status: PageStatus) => void)[] = [];

  const track = <T>(work: () => Promise<T>): Promise<T> => {
    pending++;
    return work().finally(() => {
      if (--pending > 0) return;
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve(status);
    });
  };
  const whenSettled = (): Promise<PageStatus> =>
    pending === 0 ? Promise.resolve(status) : new Promise((resolve) => waiters.push(resolve));

  const teardown = () => {
    if (!overlay) return;
    overlay.stopEditWatch();
    overlay.handle?.remove();
    overlay.badge.remove();
    overlay = null;
  };

  const run = async () => {
    const gen = ++generation;
    stopObserving?.();
    stopObserving = null;
    const stale = () => gen !== generation || life.ended;
    const url = new URL(location.href);
    if (!site.isProblemUrl(url)) {
      // The background forgets the tab by itself when its URL leaves the problem (utils/background/navigation.ts).
      teardown();
      status = 'not-a-problem';
      return;
    }
    let snapshot = site.extract(document, url);
    await report(snapshot, stale);
    if (stale() || looksComplete(snapshot)) return;
    // Upgrade: the statement is still rendering. Report again when it is there (or better than before).
    stopObserving = observeUntil(
      life,
      () => {
        if (stale()) return true;
        const next = site.extract(document, url);
        if (next.text.length <= snapshot.text.length + 40 && next.title === snapshot.title) return false;
        snapshot = next;
        void track(() => report(next, stale));
        return looksComplete(next);
      },
      CONTENT_WAIT_MS,
    );
  };

  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && DECISION_INPUTS.some((key) => key in changes)) schedule();
  };
  // No stored input turns "not relevant" into anything else the page shows (a site turned off is read from the
  // settings by the popup), so only pages that got another answer watch the inputs: most problem pages never
  // touch the storage API.
  let watchingInputs = false;
  const watchInputs = () => {
    if (watchingInputs || life.ended) return;
    watchingInputs = true;
    browser.storage.onChanged.addListener(onStorage);
  };

  /** Reports a snapshot and applies the background's decision. */
  const report = async (snapshot: PageSnapshot, stale: () => boolean): Promise<void> => {
    let decision: PageDecision;
    try {
      decision = await send('page/report', { snapshot });
    } catch (error) {
      if (!stale()) status = 'failed';
      watchInputs();
      throw error;
    }
    if (stale()) return;
    apply(snapshot, decision);
    status = decision.show ? 'shown' : decision.why;
    if (status !== 'not-relevant') watchInputs();
  };

  const apply = (snapshot: PageSnapshot, decision: PageDecision) => {
    const key = problemKeyOf(snapshot);
    const current = overlay?.key === key && overlay.badge.attached() ? overlay : null;
    if (!decision.show) {
      // "Hide on this page" was just clicked here: its note (with Undo) stays until it runs out.
      if (decision.why === 'hidden' && current?.handle?.hiding()) return;
      teardown();
      return;
    }
    const theme = themeFor(site);
    if (current) {
      current.view = decision.view;
      current.theme = theme;
      current.language = snapshot.language;
      if (current.handle) current.handle.update(decision.view, theme);
      else current.badge.update(decision.view, theme);
      return;
    }
    teardown();
    const created: PageOverlay = {
      key,
      url: snapshot.url,
      tabId: decision.tabId,
      language: snapshot.language,
      view: decision.view,
      theme,
      handle: null,
      loading: null,
      wantOpen: false,
      badge: drawBadge(site.titleElement(document), decision.view, theme, () => void expand(created, true)),
      stopEditWatch: () => undefined,
    };
    created.stopEditWatch = onFirstEdit(life, () => void expand(created, false));
    overlay = created;
  };

  /** Has the overlay take over the badge: on a click (`open`) or the first edit in the editor. */
  const expand = (target: PageOverlay, open: boolean): Promise<void> => {
    target.wantOpen ||= open;
    target.loading ??= loadOverlay()
      .then((module) => {
        if (overlay !== target || life.ended) return;
        target.stopEditWatch();
        target.handle = module.mount({
          surface: target.badge.surface,
          problem: { key: target.key, url: target.url, tabId: target.tabId },
          view: target.view,
          theme: target.theme,
          editorScope: site.editorScope,
          language: target.language,
          open: target.wantOpen,
          onGone: () => {
            if (overlay === target) teardown();
          },
        });
      })
      .catch((error: unknown) => {
        // Refused or failed: the badge stays as it is, and the next click tries again.
        target.loading = null;
        if (!life.ended) console.warn('[awaitwise] could not open the hints', error);
      });
    return target.loading;
  };

  // Runs are cheap to start but each navigation must supersede the last; schedule on a microtask tick.
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    void track(async () => {
      await Promise.resolve();
      scheduled = false;
      await run().catch((error: unknown) => {
        if (!life.ended) console.warn('[awaitwise] could not read this page', error);
      });
    });
  };

  const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (status: PageStatus) => void) => {
    // Only the extension itself reaches a content script this way (tabs.sendMessage from its own pages).
    if (sender.id !== browser.runtime.id || !isSettledRequest(message)) return false;
    void whenSettled().then(sendResponse);
    // The answer comes later: keep the channel open (the same in Chrome and Firefox, with or without the polyfill).
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  life.onEnd(() => {
    if (watchingInputs) browser.storage.onChanged.removeListener(onStorage);
    browser.runtime.onMessage.removeListener(onMessage);
    stopObserving?.();
    teardown();
  });
  watchLocation(life, schedule);
  schedule();
}

/** The overlay's code, injected by the background into this frame the first time it is needed. */
async function loadOverlay(): Promise<OverlayModule> {
  if (!globalThis.awaitwiseOverlay) {
    const { loaded } = await send('overlay/expand', { part: 'popover' });
    if (!loaded) throw new Error('the background did not load the overlay');
  }
  if (!globalThis.awaitwiseOverlay) throw new Error('the overlay did not register');
  return globalThis.awaitwiseOverlay;
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
function observeUntil(life: Lifetime, check: () => boolean, limitMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (check()) stop();
    }, OBSERVE_DEBOUNCE_MS);
  });
  const deadline = setTimeout(() => stop(), limitMs);
  const unsubscribe = life.onEnd(stop);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(deadline);
    unsubscribe();
  }
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  return stop;
}
