import { lintSteps } from '@/utils/lint';
import { contentScriptExcludeMatches, contentScriptMatches } from '@/utils/sites/registry';

/**
 * The asyncio linter (the Python parser and the rules), apart from the popover so that opening the badge
 * waits only for the popover's own code. The background injects it when the overlay first has code to lint;
 * it registers itself for the overlay in the extension's isolated world (utils/overlay-api.ts).
 */
export default defineContentScript({
  matches: contentScriptMatches(),
  excludeMatches: contentScriptExcludeMatches(),
  registration: 'runtime',
  main(ctx) {
    if (globalThis.awaitwiseLinter) return;
    globalThis.awaitwiseLinter = { lintSteps };
    ctx.onInvalidated(() => {
      globalThis.awaitwiseLinter = undefined;
    });
  },
});
