/**
 * One loader content script per site, from the site registry: each bundles only its own site's adapter and
 * runs only on that site's problem pages (entrypoints/<site>.content.ts is one line). It reads the page as
 * text and asks the background whether the problem is about asyncio; only then does the background inject
 * the overlay (entrypoints/overlay.content) and the main-world editor reader. No IndexedDB here: that
 * would be the page's database. Everything durable goes through the background.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { SiteAdapter } from '@/utils/sites/types';
import { startPageSession } from './session';

export function defineSiteLoader(adapter: SiteAdapter) {
  return defineContentScript({
    matches: [...adapter.matches],
    // Firefox refuses the whole add-on over an empty exclude_matches list, so it is left out when empty.
    ...(adapter.excludeMatches.length ? { excludeMatches: [...adapter.excludeMatches] } : {}),
    runAt: 'document_idle',
    main(ctx) {
      startPageSession(ctx, adapter);
    },
  });
}
