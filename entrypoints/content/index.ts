import { contentScriptExcludeMatches, contentScriptMatches } from '@/utils/sites/matches';
import { startPageSession } from './session';
import './overlay/overlay.css';
import '@/components/styles/theme.css';

/**
 * Runs on the supported sites' problem pages only. It reads the page as text, asks the background whether
 * the problem is about asyncio, and shows the hint badge when it is; on any other problem it adds nothing.
 * No IndexedDB here: that would be the page's database. Everything durable goes through the background.
 */
export default defineContentScript({
  matches: contentScriptMatches(),
  excludeMatches: contentScriptExcludeMatches(),
  runAt: 'document_idle',
  // CSS goes into the overlay's shadow root, not the page.
  cssInjectionMode: 'ui',
  main(ctx) {
    startPageSession(ctx);
  },
});
