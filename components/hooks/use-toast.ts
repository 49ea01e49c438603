import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface ToastState {
  id: number;
  message: string;
  undo?: () => void | Promise<void>;
}

/** Long enough to read and reach Undo; a new toast replaces the old one. */
const TOAST_MS = 10_000;
let nextId = 1;

export function useToast() {
  const [toast, setToast] = useState<ToastState | null>(null);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast((t) => (t?.id === toast.id ? null : t)), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  const show = useCallback(
    (message: string, undo?: ToastState['undo']) => setToast({ id: nextId++, message, undo }),
    [],
  );
  const dismiss = useCallback(() => setToast(null), []);
  // Read through a ref so `takeBack` stays the same function (key listeners keep it) and sees the latest toast.
  const latest = useRef(toast);
  latest.current = toast;
  /** The toast's Undo, as its button or a key does it: dismissed, then undone. False when it has none. */
  const takeBack = useCallback(() => {
    const undo = latest.current?.undo;
    if (!undo) return false;
    setToast(null);
    void undo();
    return true;
  }, []);
  return { toast, show, dismiss, takeBack };
}
