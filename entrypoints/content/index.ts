import { contentScriptExcludeMatches, contentScriptMatches } from '@/utils/sites/registry';
import { startPageSession } from './session';

/**
 * The loader. Runs on the supported sites' problem pages only: it reads the page as text and asks the
 * background whether the problem is about asyncio. Only then does the background inject the overlay
 * (entrypoints/overlay.content) and the main-world editor reader; on any other problem nothing is added.
 * No IndexedDB here: that would be the page's database. Everything durable goes through the background.
 */
export default defineContentScript({
  matches: contentScriptMatches(),
  excludeMatches: contentScriptExcludeMatches(),
  runAt: 'document_idle',
  main(ctx) {
    startPageSession(ctx);
  },
});
