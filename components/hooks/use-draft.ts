/**
 * The user's edited copy of a piece of code: loaded once, saved a moment after each edit (and at once when
 * the view goes away), and reset with a way back: the copy a reset threw away can be restored until the
 * next edit.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface DraftAccess {
  loadDraft: (key: string) => Promise<string | undefined>;
  saveDraft: (key: string, code: string) => Promise<void>;
  clearDraft: (key: string) => Promise<void>;
}

export interface Draft {
  /** false until the stored copy (if any) has been read. */
  loaded: boolean;
  /** The edited copy, or null when there is none. */
  code: string | null;
  edit: (code: string) => void;
  /** Starts an edited copy from the original (nothing is stored until the first real edit). */
  open: () => void;
  /** Drops the copy; `undo` brings it back. */
  reset: () => void;
  /** Set after a reset, until the next edit. */
  undo: (() => void) | null;
}

const SAVE_DELAY_MS = 300;

/** Saves a pending edit now (its timer would have). */
function flush(unsaved: { current: { timer: ReturnType<typeof setTimeout>; save(): void } | null }) {
  const pending = unsaved.current;
  unsaved.current = null;
  if (!pending) return;
  clearTimeout(pending.timer);
  pending.save();
}

export function useDraft(access: DraftAccess, key: string, original: string): Draft {
  const [loaded, setLoaded] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const [discarded, setDiscarded] = useState<string | null>(null);
  const unsaved = useRef<{ timer: ReturnType<typeof setTimeout>; save(): void } | null>(null);
  // What the load below reads; a new key is a new draft, a new `access` object on each render is not.
  const latest = useRef({ access, original });
  latest.current = { access, original };

  useEffect(() => {
    let live = true;
    setLoaded(false);
    setCode(null);
    setDiscarded(null);
    void latest.current.access.loadDraft(key).then((saved) => {
      if (!live) return;
      setCode(saved !== undefined && saved !== latest.current.original ? saved : null);
      setLoaded(true);
    });
    return () => {
      live = false;
      // Typing right before leaving the view is kept.
      flush(unsaved);
    };
  }, [key]);

  const edit = (next: string) => {
    // The editor reports the text it was given too (the original, after a reset): that is no edit.
    if (next === (code ?? original)) return;
    setCode(next);
    setDiscarded(null);
    if (unsaved.current) clearTimeout(unsaved.current.timer);
    const save = () => void access.saveDraft(key, next);
    unsaved.current = { timer: setTimeout(() => flush(unsaved), SAVE_DELAY_MS), save };
  };
  const open = () => {
    setCode(original);
    setDiscarded(null);
  };
  const reset = () => {
    if (unsaved.current) clearTimeout(unsaved.current.timer);
    unsaved.current = null;
    setDiscarded(code);
    setCode(null);
    void access.clearDraft(key);
  };
  const undo =
    discarded === null
      ? null
      : () => {
          setCode(discarded);
          setDiscarded(null);
          void access.saveDraft(key, discarded);
        };
  return { loaded, code, edit, open, reset, undo };
}
