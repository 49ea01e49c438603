import { answerEditorRequests } from '@/utils/editor-bridge';
import { contentScriptExcludeMatches, contentScriptMatches } from '@/utils/sites/registry';

/**
 * Runs in the page's main world, where the editors' objects live, and answers the isolated content
 * script's requests for the editor's full text. Nothing else: no extension APIs exist here.
 */
export default defineContentScript({
  matches: contentScriptMatches(),
  excludeMatches: contentScriptExcludeMatches(),
  world: 'MAIN',
  // Injected by the background with the overlay, only into relevant pages (never on every problem page).
  registration: 'runtime',
  // An anonymous IIFE leaves no global behind for the page to trip over.
  globalName: false,
  main() {
    answerEditorRequests(window);
  },
});
