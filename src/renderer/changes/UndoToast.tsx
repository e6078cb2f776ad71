import { useEffect } from 'react';
import { UserText } from '../ui/UserText';

export interface ToastState {
  kind: 'done' | 'undone' | 'error';
  label: string;
  /** The change the Undo button takes back; null for an error. */
  changeId: string | null;
}

/** How long a toast stays; it stays while the pointer or focus is on it. */
const TOAST_MS = 8000;

/**
 * The announcement after a change, with its Undo button (a live region, so screen readers hear it; it never
 * takes focus away from where the archivist is working).
 */
export function UndoToast({ toast, onUndo, onDismiss }: { toast: ToastState | null; onUndo(changeId: string): void; onDismiss(): void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(onDismiss, TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast, onDismiss]);

  return (
    <div className="toast-region" aria-live="polite">
      {toast && (
        <div className={`toast toast-${toast.kind}`}>
          <span className="toast-text">
            {toast.kind === 'undone' ? 'Undone: ' : toast.kind === 'error' ? 'Could not undo: ' : ''}
            <UserText text={toast.label} />
          </span>
          {toast.changeId && (
            <button type="button" className="link-button toast-undo" aria-keyshortcuts="Control+Z Meta+Z" onClick={() => onUndo(toast.changeId!)}>
              {toast.kind === 'undone' ? 'Redo' : 'Undo'}
            </button>
          )}
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
