import { useState } from 'preact/hooks';
import { HintOverlay, type AddState } from '@/components/HintOverlay';
import type { LintFinding } from '@/utils/lint';
import type { PageView } from '@/utils/page-view';

export interface OverlayActions {
  addCards(ids: string[]): Promise<number>;
  /** Resolves false when the browser would not open the panel. */
  openPanel(): Promise<boolean>;
  dismiss(): void;
  revealLine(finding: LintFinding): void;
}

/** Holds the overlay's local UI state; keyed by problem, so a new problem starts closed with no hints shown. */
export function OverlayContainer(props: {
  view: PageView;
  theme: 'light' | 'dark';
  floating: boolean;
  actions: OverlayActions;
}) {
  const { view, actions } = props;
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState(0);
  const [addState, setAddState] = useState<AddState>('idle');
  const [addedCount, setAddedCount] = useState(0);
  const [panelError, setPanelError] = useState(false);
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
      onDismiss={actions.dismiss}
      onSelectFinding={actions.revealLine}
    />
  );
}
