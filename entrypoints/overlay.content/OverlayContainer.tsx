import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { HintOverlay, type AddState } from '@/components/HintOverlay';
import type { OverlayActions } from '@/utils/overlay-api';
import { rememberDismissed, restoreDismissed } from '@/utils/dismissed';
import type { LintFinding } from '@/utils/lint/types';
import type { PageView } from '@/utils/page-view';
import { revealEditorLine } from './editor';

/** How long "Hidden on this page · Undo" stays before the overlay goes. */
export const UNDO_MS = 8_000;

/**
 * Holds the overlay's local UI state; keyed by problem, so a new problem starts closed with no hints shown.
 * Esc and a click outside close the popover and give focus back to the badge; focus never falls out of
 * the popover to the page (after the last hint, it moves to the popover itself).
 */
export function OverlayContainer(props: {
  view: PageView;
  theme: 'light' | 'dark';
  floating: boolean;
  host: HTMLElement;
  shadow: ShadowRoot;
  actions: OverlayActions;
  /** The problem (`site:slug`), for "Hide on this page". */
  problemKey: string;
  onDismissed: () => void;
}) {
  const { view, actions, shadow, host } = props;
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState(0);
  const [addState, setAddState] = useState<AddState>('idle');
  const [addedCount, setAddedCount] = useState(0);
  const [panelError, setPanelError] = useState(false);
  const [hidden, setHidden] = useState(false);
  const wasOpen = useRef(false);

  // The page may re-render the overlay while "hidden" counts down; the timer calls the latest callback.
  const onDismissed = useRef(props.onDismissed);
  onDismissed.current = props.onDismissed;

  // A layout effect, so Esc and a click outside work from the frame the popover first shows in; a plain
  // effect runs after paint, and a quick click outside (or a busy page) got in before the listeners.
  useLayoutEffect(() => {
    const badge = () => shadow.querySelector<HTMLElement>('.aw-badge');
    if (!open) {
      // Closing (Esc, click outside, ×) hands focus back to the badge, not to the page's body.
      if (wasOpen.current && (shadow.activeElement === null || !shadow.activeElement.isConnected)) badge()?.focus();
      wasOpen.current = false;
      return;
    }
    wasOpen.current = true;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !event.isTrusted) return;
      event.preventDefault();
      setOpen(false);
      badge()?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!event.isTrusted || event.composedPath().includes(host)) return;
      setOpen(false);
    };
    shadow.addEventListener('keydown', onKey as EventListener);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      shadow.removeEventListener('keydown', onKey as EventListener);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [open, host, shadow]);

  useLayoutEffect(() => {
    // Revealing the last hint removes the button that had focus: keep focus inside the popover, before a
    // key pressed in the meantime could go to the page.
    if (!open || revealed === 0) return;
    const active = shadow.activeElement;
    if (active && active.isConnected) return;
    const popover = shadow.querySelector<HTMLElement>('.aw-popover');
    const next = shadow.querySelector<HTMLElement>('.aw-hint:last-of-type') ?? popover;
    if (!next) return;
    if (!next.hasAttribute('tabindex')) next.setAttribute('tabindex', '-1');
    next.focus();
  }, [revealed, open, shadow]);

  useEffect(() => {
    if (!hidden) return;
    const timer = setTimeout(() => onDismissed.current(), UNDO_MS);
    return () => clearTimeout(timer);
  }, [hidden]);

  if (hidden) {
    return (
      <div class="aw-theme aw-overlay aw-undo" data-theme={props.theme} role="status">
        <span>Badge hidden on this problem.</span>{' '}
        <button
          type="button"
          class="aw-link-button"
          onClick={() => {
            setHidden(false);
            void restoreDismissed(props.problemKey);
          }}
        >
          Undo
        </button>
      </div>
    );
  }

  return (
    <HintOverlay
      view={view}
      theme={props.theme}
      floating={props.floating}
      open={open}
      revealed={revealed}
      addState={addState}
      addedCount={addedCount}
      panelError={panelError}
      onToggle={() => setOpen((o) => !o)}
      onReveal={setRevealed}
      onOpenPanel={() => {
        setPanelError(false);
        actions.openPanel().then(
          (ok) => setPanelError(!ok),
          () => setPanelError(true),
        );
      }}
      onAddCards={() => {
        setAddState('adding');
        actions.addCards(view.cards.slice(0, 3).map((c) => c.id)).then(
          (added) => {
            setAddedCount(added);
            setAddState('added');
          },
          () => setAddState('failed'),
        );
      }}
      onDismiss={() => {
        setOpen(false);
        setHidden(true);
        void rememberDismissed(props.problemKey);
      }}
      onSelectFinding={(finding: LintFinding) => void revealEditorLine(finding.line)}
    />
  );
}
