/**
 * Review's keyboard, as Anki has it: Space or Enter shows the answer and then rates Good, 1–4 rate, U or
 * Ctrl/Cmd+Z undo, `-` buries and `@` suspends. Pure: it reads the key event and the model, nothing else.
 */
import { GRADES, Rating, type Grade } from '@/utils/srs/scheduler';

export type Shortcut =
  { kind: 'reveal' } | { kind: 'undo' } | { kind: 'rate'; grade: Grade } | { kind: 'act'; action: 'bury' | 'suspend' };

/** What the keys need to know about the review. */
export interface KeyContext {
  /** The card on screen; undefined while the queue loads or when nothing is due. */
  cardId: string | undefined;
  /** True while the queue is still loading: Space then shows the answer of the card about to arrive. */
  loading: boolean;
  revealed: boolean;
  /** A quiz card picks and rates with its own keys (QuizCard); only undo, bury and suspend are shared. */
  quiz: boolean;
}

export type KeyInput = Pick<
  KeyboardEvent,
  'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'repeat' | 'defaultPrevented' | 'target'
>;

const TEXT_ENTRY = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
/** Space and Enter already activate these; the shortcut must not act a second time. */
const ACTIVATABLE = 'button, a[href], summary, [role="button"], [role="link"], [role="menuitem"], [role="tab"]';
/** Activating the tab that is already selected does nothing, so Space there belongs to the review. */
const SELECTED_TAB = '[role="tab"][aria-selected="true"]';

/** True when the element a key is aimed at acts on it itself (a text field, a button other than the selected tab). */
export function targetTakesKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest(TEXT_ENTRY) || (!!target.closest(ACTIVATABLE) && !target.closest(SELECTED_TAB));
}

/** What a key press does in the review, or null to leave it to the browser. */
export function shortcutFor(event: KeyInput, context: KeyContext): Shortcut | null {
  if (event.defaultPrevented || event.repeat) return null;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(TEXT_ENTRY)) return null;
  const { key } = event;
  const command = event.ctrlKey || event.metaKey;
  if (command && !event.altKey && !event.shiftKey && (key === 'z' || key === 'Z')) return { kind: 'undo' };
  // AltGr reports Ctrl+Alt on Windows: "@" typed that way is still "@".
  const altGr = event.ctrlKey && event.altKey && !event.metaKey;
  if ((command || event.altKey) && !altGr) return null;
  if (key === 'u' || key === 'U') return { kind: 'undo' };
  const card = context.cardId !== undefined;
  if (key === '-' && card) return { kind: 'act', action: 'bury' };
  if (key === '@' && card) return { kind: 'act', action: 'suspend' };
  if (context.quiz) return null;
  if (key === ' ' || key === 'Enter') {
    if (targetTakesKeys(target)) return null;
    if (!card) return context.loading ? { kind: 'reveal' } : null;
    return context.revealed ? { kind: 'rate', grade: Rating.Good } : { kind: 'reveal' };
  }
  const grade = GRADES.find((g) => String(g) === key);
  if (grade !== undefined && card && context.revealed) return { kind: 'rate', grade };
  return null;
}
