/**
 * One loader script per site, from the site registry: each bundles only its own site's adapter and runs
 * only on that site's problem pages (entrypoints/<site>-loader.ts is one line; the manifest entry is
 * loaderContentScripts() in utils/sites/registry.ts). It reads the page as text and asks the background
 * whether the problem is about asyncio; only then does the background inject the overlay
 * (entrypoints/overlay.content) and the main-world editor reader. No IndexedDB here: that would be the
 * page's database. Everything durable goes through the background.
 *
 * A plain script rather than WXT's content-script entrypoint, whose context the loader does not need
 * (utils/loader/lifetime.ts says what it keeps of it).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { SiteAdapter } from '@/utils/sites/types';
import { startPageSession } from './session';

export function defineSiteLoader(adapter: SiteAdapter) {
  return defineUnlistedScript(() => startPageSession(adapter));
}
