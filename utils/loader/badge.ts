/**
 * The badge as the loader draws it on a related problem: a host <div> with a closed shadow root holding
 * one styled button, and nothing else (no framework, no popover, no linter). Clicking it, or typing in the
 * page's editor, has the background inject the overlay (entrypoints/overlay.content), which then renders
 * the badge and its popover into the same root.
 *
 * The host is a plain <div>: a page can pre-define a custom element's tag (then attachShadow throws), never
 * a div's. The root is closed, so page scripts cannot reach the button, and only a trusted (user) click
 * opens it. The labels are drawn by CSS from attributes, so the page's window.find() does not find them.
 */
import { BADGE_TITLE, badgeLabel, badgeName } from '@/utils/badge-label';
import { OVERLAY_HOST_ATTRIBUTE, type OverlaySurface } from '@/utils/overlay-api';
import type { PageView } from '@/utils/page-view';
import badgeCss from './badge.css?inline';

const HOST_STYLE =
  'all:initial !important;display:block !important;position:relative !important;visibility:visible !important;' +
  'opacity:1 !important;margin:6px 0 !important;padding:0 !important;border:0 !important;transform:none !important;' +
  'left:auto !important;top:auto !important;right:auto !important;bottom:auto !important;width:auto !important;' +
  'height:auto !important;z-index:2147483000 !important;font-size:16px !important;';

export interface Badge {
  surface: OverlaySurface;
  /** Redraws the plain badge (only until the overlay has taken the surface over). */
  update: (view: PageView, theme: 'light' | 'dark') => void;
  /** True while the host is still where it was put (SPAs replace the title element). */
  attached: () => boolean;
  remove: () => void;
}

/**
 * Draws the badge after `anchor` (the problem title), or pinned to a page corner when there is none or the
 * page hides it. `onOpen` runs on a trusted click.
 */
export function drawBadge(
  anchor: Element | null,
  view: PageView,
  theme: 'light' | 'dark',
  onOpen: () => void,
): Badge {
  // A stray host left by an earlier instance (extension reload) would make two badges.
  for (const stray of document.querySelectorAll(`[${OVERLAY_HOST_ATTRIBUTE}]`)) stray.remove();
  // A title the page hides (collapsed panels, hostile styles) would hide the badge with it: float instead.
  const shownAnchor = anchor && isShown(anchor) ? anchor : null;
  const host = document.createElement('div');
  host.setAttribute(OVERLAY_HOST_ATTRIBUTE, '');
  // Inline !important beats any page rule aimed at the host element itself.
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = badgeCss;
  const container = document.createElement('div');
  root.append(style, container);

  const draw = (next: PageView, nextTheme: 'light' | 'dark') => {
    const overlay = document.createElement('div');
    overlay.className = shownAnchor ? 'aw-theme aw-overlay' : 'aw-theme aw-overlay aw-floating';
    overlay.dataset.theme = nextTheme;
    const button = document.createElement('button');
    const label = badgeLabel(next);
    button.type = 'button';
    button.className = 'aw-badge';
    button.title = BADGE_TITLE;
    button.dataset.label = label;
    button.setAttribute('aria-label', badgeName(label, 0));
    button.setAttribute('aria-expanded', 'false');
    const mark = document.createElement('span');
    mark.className = 'aw-badge-mark';
    mark.setAttribute('aria-hidden', 'true');
    button.append(mark);
    button.addEventListener('click', (event) => {
      if (event.isTrusted) onOpen();
    });
    overlay.append(button);
    container.replaceChildren(overlay);
  };

  if (shownAnchor) shownAnchor.after(host);
  else document.body.append(host);
  draw(view, theme);
  return {
    surface: { host, root, container, floating: !shownAnchor },
    update: draw,
    attached: () => host.isConnected && (!shownAnchor || shownAnchor.isConnected),
    remove: () => host.remove(),
  };
}

function isShown(element: Element): boolean {
  if (typeof element.checkVisibility === 'function')
    return element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  return element.getClientRects().length > 0;
}
