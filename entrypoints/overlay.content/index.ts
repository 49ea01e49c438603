import type { OverlayHandle, OverlayModule } from '@/utils/overlay-api';
import { contentScriptExcludeMatches, contentScriptMatches } from '@/utils/sites/registry';
import { hostIndependentCss, mountOverlay } from './mount';
import overlayCss from './overlay.css?inline';
import themeCss from '@/components/styles/theme.css?inline';

/**
 * The popover, its UI and the linter. Not in the manifest's content scripts: the background injects it
 * (scripting.executeScript, with the content script's own host permissions) into the frame of a badge the
 * user opened or whose editor they typed in, and it takes that badge over (utils/overlay-api.ts).
 */
export default defineContentScript({
  matches: contentScriptMatches(),
  excludeMatches: contentScriptExcludeMatches(),
  registration: 'runtime',
  main(ctx) {
    if (globalThis.awaitwiseOverlay) return;
    const css = hostIndependentCss(`${themeCss}\n${overlayCss}`);
    let current: OverlayHandle | null = null;
    const module: OverlayModule = {
      mount(options) {
        current?.remove();
        const handle = mountOverlay(ctx, options, css);
        current = handle;
        return handle;
      },
    };
    globalThis.awaitwiseOverlay = module;
    // Once for the script's life, not once per mount (a listener per remount leaked).
    ctx.onInvalidated(() => {
      current?.remove();
      globalThis.awaitwiseOverlay = undefined;
    });
  },
});
