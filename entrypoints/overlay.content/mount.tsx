/**
 * Mounts the hint overlay in a closed shadow root next to the problem title (or pinned to a corner when no
 * title is found). One overlay per page: mounting again replaces the previous one.
 *
 * The host is a plain <div>: a page can pre-define a custom element's tag (then attachShadow throws), never
 * a div's. The root is closed, so page scripts cannot read the hints or reach the buttons, and only
 * trusted (user) events get through to them.
 */
import { render } from 'preact';
import { OverlayContainer } from './OverlayContainer';
import { OVERLAY_HOST_ATTRIBUTE, type MountOptions, type OverlayHandle } from '@/utils/overlay-api';
import type { PageView } from '@/utils/page-view';

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

const HOST_STYLE =
  'all:initial !important;display:block !important;position:relative !important;visibility:visible !important;' +
  'opacity:1 !important;margin:6px 0 !important;padding:0 !important;border:0 !important;transform:none !important;' +
  'left:auto !important;top:auto !important;right:auto !important;bottom:auto !important;width:auto !important;' +
  'height:auto !important;z-index:2147483000 !important;font-size:16px !important;';

/**
 * The overlay's CSS with every `rem` turned into px (1rem = 16px, the browser default): inside a shadow
 * root rem still follows the page's <html> font size, so `html { font-size: 62.5% }` would shrink it.
 */
export function hostIndependentCss(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rem\b/g, (_m, n: string) => `${Math.round(Number(n) * 16 * 100) / 100}px`);
}

export function mountOverlay(options: MountOptions, css: string): OverlayHandle {
  // A stray host left by an earlier instance (extension reload) would make two badges.
  for (const stray of document.querySelectorAll(`[${OVERLAY_HOST_ATTRIBUTE}]`)) stray.remove();
  // A title the page hides (collapsed panels, hostile styles) would hide the badge with it: float instead.
  const anchor = options.anchor && isShown(options.anchor) ? options.anchor : null;
  const floating = !anchor;
  const host = document.createElement('div');
  host.setAttribute(OVERLAY_HOST_ATTRIBUTE, '');
  // Inline !important beats any page rule aimed at the host element itself.
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  shadow.append(style, container);

  const untrusted = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of GUARDED_EVENTS) shadow.addEventListener(type, untrusted, { capture: true });
  const isolate = (event: Event) => event.stopPropagation();
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, isolate);

  if (anchor) anchor.after(host);
  else document.body.append(host);

  const draw = (view: PageView, theme: 'light' | 'dark') =>
    render(
      <OverlayContainer
        key={options.problemKey}
        view={view}
        theme={theme}
        floating={floating}
        host={host}
        shadow={shadow}
        actions={options.actions}
        problemKey={options.problemKey}
        onDismissed={() => remove()}
      />,
      container,
    );
  const remove = () => {
    render(null, container);
    host.remove();
  };
  draw(options.view, options.theme);
  return {
    key: options.problemKey,
    update: draw,
    attached: () => host.isConnected && (!anchor || anchor.isConnected),
    remove,
  };
}

function isShown(element: Element): boolean {
  if (typeof element.checkVisibility === 'function')
    return element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  return element.getClientRects().length > 0;
}
