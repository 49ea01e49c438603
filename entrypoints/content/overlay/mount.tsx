/**
 * Mounts the hint overlay in a shadow root next to the problem title (or pinned to a corner when no title
 * is found). One overlay per page: mounting again replaces the previous one.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { OverlayContainer, type OverlayActions } from './OverlayContainer';
import type { PageView } from '@/utils/page-view';

export const OVERLAY_TAG = 'awaitwise-hints';

export interface OverlayHandle {
  /** The problem (`site:slug`) this overlay belongs to. */
  key: string;
  update(view: PageView, theme: 'light' | 'dark'): void;
  /** True while the overlay is still attached where it was mounted (SPAs replace the title element). */
  attached(): boolean;
  remove(): void;
}

export async function mountOverlay(
  ctx: ContentScriptContext,
  title: Element | null,
  problemKey: string,
  view: PageView,
  theme: 'light' | 'dark',
  actions: OverlayActions,
): Promise<OverlayHandle> {
  // A stray host left by an earlier instance (extension reload) would make two badges.
  for (const stray of document.querySelectorAll(OVERLAY_TAG)) stray.remove();
  // A title the page hides (collapsed panels, hostile styles) would hide the badge with it: float instead.
  const anchor = title && isShown(title) ? title : null;
  const floating = !anchor;
  let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  const draw = (v: PageView, t: 'light' | 'dark') => {
    if (!ui) return;
    render(
      <OverlayContainer key={problemKey} view={v} theme={t} floating={floating} actions={actions} />,
      ui.uiContainer,
    );
  };
  ui = await createShadowRootUi(ctx, {
    name: OVERLAY_TAG,
    position: 'inline',
    anchor: anchor ?? document.body,
    append: anchor ? 'after' : 'last',
    // Keys typed in the overlay must not trigger the site's own shortcuts.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(container, _shadow, host) {
      // Inline !important beats any page rule aimed at the host element itself.
      host.setAttribute(
        'style',
        'display:block !important;position:relative !important;visibility:visible !important;opacity:1 !important;' +
          'margin:6px 0 !important;padding:0 !important;border:0 !important;transform:none !important;' +
          'left:auto !important;top:auto !important;right:auto !important;bottom:auto !important;' +
          'width:auto !important;height:auto !important;z-index:2147483000 !important;',
      );
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  draw(view, theme);
  return {
    key: problemKey,
    update: draw,
    attached: () => (ui?.shadowHost.isConnected ?? false) && (!anchor || anchor.isConnected),
    remove: () => {
      ui?.remove();
      ui = undefined;
    },
  };
}

function isShown(element: Element): boolean {
  if (typeof element.checkVisibility === 'function')
    return element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  return element.getClientRects().length > 0;
}
