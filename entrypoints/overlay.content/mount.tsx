/**
 * Renders the overlay (badge and popover) into the loader's closed shadow root, in place of the plain badge,
 * and lints the editor's code: at once, then after each pause in typing, in idle slices of the page's
 * main thread. What it finds shows in the badge and popover, and goes to the side panel through one small
 * stored item (utils/page-findings.ts).
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runInIdleSlices, type IdleRun } from '@/utils/idle-slices';
import type { LinterModule, OverlayHandle, OverlayMount } from '@/utils/overlay-api';
import { send } from '@/utils/send';
import { findingsToStore, pageFindingsItem, type PageFindings } from '@/utils/page-findings';
import type { PageView } from '@/utils/page-view';
import { OverlayContainer } from './OverlayContainer';
import { watchEditorCode } from './editor';

/** Events a page could synthesise to act for the user; untrusted ones stop at the shadow root. */
const GUARDED_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'submit',
] as const;
/** Keys typed in the overlay must not trigger the site's own shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/**
 * The overlay's CSS with every `rem` turned into px (1rem = 16px, the browser default): inside a shadow
 * root rem still follows the page's <html> font size, so `html { font-size: 62.5% }` would shrink it.
 */
export function hostIndependentCss(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rem\b/g, (_m, n: string) => `${Math.round(Number(n) * 16 * 100) / 100}px`);
}

export function mountOverlay(ctx: ContentScriptContext, options: OverlayMount, css: string): OverlayHandle {
  const { root, container, host, floating } = options.surface;
  const badgeHadFocus = root.activeElement !== null;
  const listening = new AbortController();
  const style = document.createElement('style');
  style.textContent = css;
  // Before the loader's badge styles, which are meant to win where both style the badge's box.
  root.prepend(style);

  const untrusted = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of GUARDED_EVENTS)
    root.addEventListener(type, untrusted, { capture: true, signal: listening.signal });
  const isolate = (event: Event) => event.stopPropagation();
  for (const type of ISOLATED_EVENTS) root.addEventListener(type, isolate, { signal: listening.signal });

  let view: PageView = options.view;
  let theme = options.theme;
  let findings: PageFindings | null = null;
  let hiding = false;
  const stored = pageFindingsItem(options.problem.tabId);

  const draw = () =>
    render(
      <OverlayContainer
        key={options.problem.key}
        view={view}
        findings={findings}
        theme={theme}
        floating={floating}
        host={host}
        shadow={root}
        initiallyOpen={options.open}
        onHiding={(now) => (hiding = now)}
        onGone={options.onGone}
      />,
      container,
    );

  let linting: IdleRun<unknown> | null = null;
  let linter: Promise<LinterModule> | null = null;
  const lint = async (code: string, source: PageFindings['source']) => {
    linting?.cancel();
    linting = null;
    const { lintSteps } = await (linter ??= loadLinter().catch((error: unknown) => {
      linter = null;
      throw error;
    }));
    const run = runInIdleSlices(lintSteps(code));
    linting = run;
    run.result.then(
      (all) => {
        if (linting !== run) return;
        findings = findingsToStore(options.problem.url, all, source);
        draw();
        void stored.setValue(findings).catch(() => undefined);
      },
      (error: unknown) => console.error('[awaitwise] linter failed', error),
    );
  };
  const stopWatch = watchEditorCode(ctx, options.editorScope, (read) => {
    // JavaScript (a site's other language) is not linted; empty code has nothing to find.
    if (options.language === 'javascript' || (read.language ?? '').includes('javascript') || !read.code.trim()) return;
    lint(read.code, read.source).catch((error: unknown) => console.warn('[awaitwise] could not lint the code', error));
  });

  container.replaceChildren();
  draw();
  if (badgeHadFocus) root.querySelector<HTMLElement>('.aw-badge')?.focus();

  return {
    update(next, nextTheme) {
      view = next;
      theme = nextTheme;
      draw();
    },
    hiding: () => hiding,
    remove() {
      stopWatch();
      linting?.cancel();
      linting = null;
      render(null, container);
      listening.abort();
      style.remove();
    },
  };
}

/** The linter, injected by the background into this frame the first time there is code to lint. */
async function loadLinter(): Promise<LinterModule> {
  if (!globalThis.awaitwiseLinter) {
    const { loaded } = await send('overlay/expand', { part: 'linter' });
    if (!loaded) throw new Error('the background did not load the linter');
  }
  if (!globalThis.awaitwiseLinter) throw new Error('the linter did not register');
  return globalThis.awaitwiseLinter;
}
