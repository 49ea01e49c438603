/**
 * How the loader (utils/loader, on every problem page) hands its badge to the overlay (entrypoints/
 * overlay.content: the popover, its UI framework and the linter), which the background injects into the
 * frame only when the user opens the badge or types in the editor. Both run in the extension's isolated
 * world of the same frame; MV3 gives two such scripts no channel of their own besides that world's global
 * (loading modules instead would need web_accessible_resources, which exposes the files to every page), so
 * the overlay registers itself there once. Page scripts live in another world and cannot see or replace it.
 * The page decision itself never goes through here: the loader gets it from the background's reply.
 */
import type { LintFinding } from '@/utils/lint/types';
import type { PageView } from '@/utils/page-view';

/** The attribute that marks our host element (a plain div: a page cannot pre-define it as a custom element). */
export const OVERLAY_HOST_ATTRIBUTE = 'data-awaitwise-overlay';

/** The loader's badge: a host element with a closed shadow root. */
export interface OverlaySurface {
  host: HTMLElement;
  root: ShadowRoot;
  /** What the overlay renders into (the loader's plain badge is in it until then). */
  container: HTMLElement;
  /** Pinned to a page corner because the problem title could not be found. */
  floating: boolean;
}

export interface OverlayMount {
  surface: OverlaySurface;
  problem: {
    /** `site:slug`. */
    key: string;
    url: string;
    tabId: number;
  };
  view: PageView;
  theme: 'light' | 'dark';
  /** Where the solution editor is, on pages with several (Codewars). */
  editorScope?: string;
  /** The language the site says the editor is in; JavaScript is not linted. */
  language?: string;
  /** The user clicked the badge: open the popover now (else an edit in the editor loaded the overlay). */
  open: boolean;
  /** The note after "Hide on this page" ran out: the loader removes the badge. */
  onGone: () => void;
}

export interface OverlayHandle {
  update: (view: PageView, theme: 'light' | 'dark') => void;
  /** Whether the "Badge hidden · Undo" note is showing (a "hidden" decision then leaves it alone). */
  hiding: () => boolean;
  remove: () => void;
}

export interface OverlayModule {
  mount: (options: OverlayMount) => OverlayHandle;
}

/** The linter, injected apart from the popover (entrypoints/linter.content), when there is code to lint. */
export interface LinterModule {
  lintSteps: (source: string) => Generator<void, LintFinding[]>;
}

/** The parts the background injects into a related page's frame on demand. */
export type OverlayPart = 'popover' | 'linter';

declare global {
  // The overlay's registration in the isolated world (see above); `var` because that is how a global is declared.
  var awaitwiseOverlay: OverlayModule | undefined;
  var awaitwiseLinter: LinterModule | undefined;
}
