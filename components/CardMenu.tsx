/** Suspend, bury, reset, remove for the card under review. The two that lose progress ask first, in place. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardAction } from '@/utils/srs/card-actions';

export interface CardMenuProps {
  disabled: boolean;
  onAction: (action: CardAction) => void;
}

const CONFIRM: Record<'reset' | 'remove', { question: string; confirm: string }> = {
  reset: { question: 'Forget everything learnt about this card?', confirm: 'Reset card' },
  remove: { question: 'Remove this card and its review history?', confirm: 'Remove card' },
};

/** The keys Review gives these actions (as in Anki), shown next to them. */
const KEYS: Partial<Record<CardAction, string>> = { suspend: '@', bury: '-' };

export function CardMenu({ disabled, onAction }: CardMenuProps) {
  const [confirming, setConfirming] = useState<'reset' | 'remove' | null>(null);
  const menuRef = useRef<HTMLDetailsElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const close = () => {
    setConfirming(null);
    const menu = menuRef.current;
    if (menu) {
      menu.open = false;
      menu.querySelector('summary')?.focus();
    }
  };
  const run = (action: CardAction) => {
    close();
    onAction(action);
  };
  const item = (action: CardAction, label: string, onClick: () => void) => (
    <li>
      <button
        type="button"
        class="aw-link-button aw-menu-item"
        disabled={disabled}
        aria-keyshortcuts={KEYS[action]}
        onClick={onClick}
      >
        <span>{label}</span>
        {KEYS[action] && <kbd aria-hidden="true">{KEYS[action]}</kbd>}
      </button>
    </li>
  );

  return (
    <details
      ref={menuRef}
      class="aw-review-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && menuRef.current?.open) {
          e.preventDefault();
          close();
        }
      }}
    >
      <summary>Card actions</summary>
      <div class="aw-review-menu-body">
        {confirming ? (
          <div role="group" aria-label={CONFIRM[confirming].question}>
            <p>{CONFIRM[confirming].question}</p>
            <button
              ref={confirmRef}
              type="button"
              class="aw-button aw-small"
              disabled={disabled}
              onClick={() => run(confirming)}
            >
              {CONFIRM[confirming].confirm}
            </button>{' '}
            <button type="button" class="aw-button aw-secondary aw-small" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        ) : (
          <ul>
            {item('suspend', 'Suspend', () => run('suspend'))}
            {item('bury', 'Bury until tomorrow', () => run('bury'))}
            {item('reset', 'Reset…', () => setConfirming('reset'))}
            {item('remove', 'Remove…', () => setConfirming('remove'))}
          </ul>
        )}
      </div>
    </details>
  );
}
