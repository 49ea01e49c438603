/**
 * How long a loader runs in its page, and where the page's URL goes meanwhile: the two things a loader needs
 * from WXT's ContentScriptContext, without the rest of it (its start-up announcement to other copies, a
 * window.postMessage, was a fifth of a loader's time on every problem page). No second copy of a loader
 * comes into a page: the manifest injects one per document, Chromium injects none into open tabs on an
 * update, and Firefox unloads the old copy before it injects the new one.
 */
import { browser } from 'wxt/browser';

export interface Lifetime {
  /**
   * True once the extension is gone (updated, reloaded, removed). Chromium keeps the old script running
   * without it and tells it nothing, so this looks at runtime.id; the first look that finds it gone ends
   * the lifetime.
   */
  readonly ended: boolean;
  /** Aborted when the lifetime ends: listeners added with it go with it. */
  readonly signal: AbortSignal;
  /** Calls `stop` when the lifetime ends; returns the function that cancels that. */
  onEnd: (stop: () => void) => () => void;
}

export function loaderLifetime(): Lifetime {
  const controller = new AbortController();
  const { signal } = controller;
  return {
    signal,
    get ended() {
      if (!signal.aborted && browser.runtime?.id === undefined) controller.abort();
      return signal.aborted;
    },
    onEnd(stop) {
      signal.addEventListener('abort', stop, { once: true });
      return () => signal.removeEventListener('abort', stop);
    },
  };
}

/**
 * Calls `onChange` when the tab moves to another URL (the sites route in place), until the lifetime ends.
 * The Navigation API says so as it starts; where there is none (older Firefox), the URL is read once a second.
 */
export function watchLocation(life: Lifetime, onChange: () => void): void {
  let last = location.href;
  const moved = (url: string) => {
    if (url === last) return;
    last = url;
    onChange();
  };
  if ('navigation' in globalThis) {
    navigation.addEventListener('navigate', (event) => moved(event.destination.url), { signal: life.signal });
    return;
  }
  const timer = setInterval(() => {
    if (!life.ended) moved(location.href);
  }, 1000);
  life.onEnd(() => clearInterval(timer));
}
