/**
 * The contract between the loader (utils/loader, on every problem page) and the overlay
 * (entrypoints/overlay.content, injected by the background only once a page is relevant). Both run in the
 * extension's isolated world of the same frame, so the overlay registers itself on that world's global;
 * the page's own scripts live in another world and cannot see or replace it.
 */
import type { LintFinding } from '@/utils/lint/types';
import type { PageView } from '@/utils/page-view';

export interface OverlayActions {
  addCards(ids: string[]): Promise<number>;
  /** Resolves false when the browser would not open the panel. */
  openPanel(): Promise<boolean>;
  /** The overlay linted the editor's code: tell the background (popup and side panel show the count). */
  reportFindings(findings: LintFinding[], total: number): void;
}

export interface MountOptions {
  /** The problem title to sit after; null floats the badge in a corner. */
  anchor: Element | null;
  /** The problem (`site:slug`) this overlay belongs to. */
  problemKey: string;
  view: PageView;
  theme: 'light' | 'dark';
  /** Where the solution editor is, on pages with several (Codewars). */
  editorScope?: string;
  /** The code the page report carried (visible editor lines), linted at once. */
  code: string;
  /** The language the site says the editor is in; JavaScript is not linted. */
  language?: string;
  actions: OverlayActions;
}

export interface OverlayHandle {
  key: string;
  update(view: PageView, theme: 'light' | 'dark'): void;
  /** True while the overlay is still attached where it was mounted (SPAs replace the title element). */
  attached(): boolean;
  remove(): void;
}

export interface OverlayApi {
  mount(options: MountOptions): OverlayHandle;
}

/** The attribute that marks our host element (a plain div: a page cannot pre-define it as a custom element). */
export const OVERLAY_HOST_ATTRIBUTE = 'data-awaitwise-overlay';

declare global {
  var __awaitwiseOverlay: OverlayApi | undefined;
}
