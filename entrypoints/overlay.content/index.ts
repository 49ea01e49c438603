import { lintPython } from '@/utils/lint';
import type { LintFinding } from '@/utils/lint/types';
import { MAX_FINDINGS } from '@/utils/messages';
import type { MountOptions, OverlayApi, OverlayHandle } from '@/utils/overlay-api';
import type { PageView } from '@/utils/page-view';
import { contentScriptExcludeMatches, contentScriptMatches } from '@/utils/sites/registry';
import { hostIndependentCss, mountOverlay } from './mount';
import { watchEditorCode } from './editor';
import overlayCss from './overlay.css?inline';
import themeCss from '@/components/styles/theme.css?inline';

/**
 * The hint overlay, its styles and the linter. Not in the manifest's content scripts: the background
 * injects it (scripting.executeScript, with the content script's own host permissions) into a frame
 * only after the loader's report showed the page is relevant. It registers itself for the loader on the
 * isolated world's global, then waits to be told what to show.
 */
export default defineContentScript({
  matches: contentScriptMatches(),
  excludeMatches: contentScriptExcludeMatches(),
  registration: 'runtime',
  main(ctx) {
    if (globalThis.__awaitwiseOverlay) return;
    const css = hostIndependentCss(`${themeCss}\n${overlayCss}`);
    let current: OverlayHandle | null = null;
    let stopWatch: (() => void) | null = null;
    const api: OverlayApi = {
      mount(options: MountOptions) {
        stopWatch?.();
        current?.remove();
        let view: PageView = options.view;
        let theme = options.theme;
        const handle = mountOverlay(options, css);
        const lintNow = (code: string) => {
          if (options.language === 'javascript' || !code.trim()) return;
          const all = safeLint(code);
          view = { ...view, findings: all.slice(0, MAX_FINDINGS), findingsTotal: all.length };
          handle.update(view, theme);
          options.actions.reportFindings(view.findings, all.length);
        };
        lintNow(options.code);
        stopWatch = watchEditorCode(ctx, options.editorScope, lintNow);
        const wrapped: OverlayHandle = {
          key: handle.key,
          attached: () => handle.attached(),
          update(next, nextTheme) {
            // Findings are the overlay's own: a re-report keeps them.
            view = { ...next, findings: view.findings, findingsTotal: view.findingsTotal };
            theme = nextTheme;
            handle.update(view, theme);
          },
          remove() {
            stopWatch?.();
            stopWatch = null;
            handle.remove();
            if (current === wrapped) current = null;
          },
        };
        current = wrapped;
        return wrapped;
      },
    };
    globalThis.__awaitwiseOverlay = api;
    // Once for the script's life, not once per mount (issue 16, item 6: a listener per remount leaked).
    ctx.onInvalidated(() => {
      current?.remove();
      globalThis.__awaitwiseOverlay = undefined;
    });
  },
});

/** The linter is error-tolerant, but a page's code must never be able to break the overlay. */
function safeLint(code: string): LintFinding[] {
  try {
    return lintPython(code);
  } catch (error) {
    console.error('[awaitwise] linter failed', error);
    return [];
  }
}
