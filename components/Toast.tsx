/** A short confirmation at the bottom of the view, with an Undo when the action can be taken back. */
export interface ToastProps {
  message: string;
  /** Shown as a button when given. */
  onUndo?: () => void;
  onDismiss: () => void;
}

export function Toast({ message, onUndo, onDismiss }: ToastProps) {
  return (
    <div class="aw-toast" role="status">
      <span class="aw-toast-text">{message}</span>
      {onUndo && (
        <button type="button" class="aw-button aw-small" aria-keyshortcuts="U" onClick={onUndo}>
          Undo
        </button>
      )}
      <button type="button" class="aw-link-button aw-toast-close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
