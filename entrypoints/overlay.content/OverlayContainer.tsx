import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { HintOverlay, type AddState } from '@/components/HintOverlay';
import { cardsToAdd } from '@/components/add-set';
import type { LintFinding } from '@/utils/lint/types';
import type { PageFindings } from '@/utils/page-findings';
import type { PageView } from '@/utils/page-view';
import { send } from '@/utils/send';
import { revealEditorLine } from './editor';

/** How long "Badge hidden on this problem · Undo" stays before the overlay goes. */
export const UNDO_MS = 8_000;

/**
 * Holds the overlay's local UI state; keyed by problem, so a new problem starts closed with no hints shown.
 * Esc and a click outside close the popover and give focus back to the badge; focus never falls out of
 * the popover to the page (after the last hint, it moves to the popover itself). After "Hide on this
 * page" focus goes to Undo, and after Undo back to the badge.
 */
export function OverlayContainer(props: {
  view: PageView;
  findings: PageFindings | null;
  theme: 'light' | 'dark';
  floating: boolean;
  host: HTMLElement;
  shadow: ShadowRoot;
  initiallyOpen: boolean;
  /** Tells the loader while the "hidden" note shows, so a "hidden" decision leaves it in place. */
  onHiding: (hiding: boolean) => void;
  /** The note ran out: the loader removes the overlay. */
  onGone: () => void;
}) {
  const { view, shadow, host, onHiding } = props;
  const [open, setOpen] = useState(props.initiallyOpen);
  const [revealed, setRevealed] = useState(0);
  const [addState, setAddState] = useState<AddState>('idle');
  const [addedCount, setAddedCount] = useState(0);
  const [panelError, setPanelError] = useState(false);
  const [hidden, setHidden] = useState(false);
  const wasOpen = useRef(false);
  const wasHidden = useRef(false);
  // The page may re-render the overlay while "hidden" counts down; the timer calls the latest callback.
  const onGone = useRef(props.onGone);
  onGone.current = props.onGone;

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
    const onKey = (event: Event) => {
      if (!(event instanceof KeyboardEvent) || event.key !== 'Escape' || !event.isTrusted) return;
      event.preventDefault();
      setOpen(false);
      badge()?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!event.isTrusted || event.composedPath().includes(host)) return;
      setOpen(false);
    };
    const listening = new AbortController();
    shadow.addEventListener('keydown', onKey, { signal: listening.signal });
    document.addEventListener('pointerdown', onPointer, { capture: true, signal: listening.signal });
    return () => listening.abort();
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

  useLayoutEffect(() => {
    // Hide → focus on Undo; Undo → focus back on the badge. Never to the page's <body>.
    if (hidden) shadow.querySelector<HTMLElement>('.aw-undo button')?.focus();
    else if (wasHidden.current) shadow.querySelector<HTMLElement>('.aw-badge')?.focus();
    wasHidden.current = hidden;
    onHiding(hidden);
  }, [hidden, shadow, onHiding]);

  useEffect(() => {
    if (!hidden) return;
    const timer = setTimeout(() => onGone.current(), UNDO_MS);
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
            void send('page/hide', { hidden: false });
          }}
        >
          Undo
        </button>
      </div>
    );
  }

  const openPanel = (practice?: string) => {
    setPanelError(false);
    send('panel/open', practice ? { practice } : { view: 'page' }).then(
      ({ opened }) => setPanelError(!opened),
      () => setPanelError(true),
    );
  };

  return (
    <HintOverlay
      view={view}
      findings={props.findings}
      theme={props.theme}
      floating={props.floating}
      open={open}
      revealed={revealed}
      addState={addState}
      addedCount={addedCount}
      panelError={panelError}
      onToggle={() => setOpen((o) => !o)}
      onReveal={setRevealed}
      onOpenPanel={() => openPanel()}
      onSolveHere={(id) => openPanel(id)}
      onAddCards={() => {
        setAddState('adding');
        send('cards/add', { ids: cardsToAdd(view.cards).map((c) => c.id), source: 'problem' }).then(
          ({ added }) => {
            setAddedCount(added);
            setAddState('added');
          },
          () => setAddState('failed'),
        );
      }}
      onHide={() => {
        setOpen(false);
        setHidden(true);
        void send('page/hide', { hidden: true });
      }}
      onSelectFinding={(finding: LintFinding) => void revealEditorLine(finding.line)}
    />
  );
}
