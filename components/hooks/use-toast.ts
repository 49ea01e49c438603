import { useCallback, useEffect, useState } from 'preact/hooks';

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
  return { toast, show, dismiss };
}
