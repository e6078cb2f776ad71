import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage } from './error-message';
import { ErrorMessage } from './ErrorMessage';
import { Modal } from './Modal';

/**
 * Asks before a change that matters (issue 8: a batch names how many records change; a delete asks why).
 * With `askReason`, the confirm button stays off until a reason is written; it is recorded with the change.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  askReason = false,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  askReason?: boolean;
  onConfirm(reason: string): Promise<void>;
  onClose(): void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || (askReason && !reason.trim())) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };
  return (
    <Modal title={title} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} className="modal-form">
        <div className="modal-message">{children}</div>
        {askReason && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>Reason (kept in the custody log)</label>
            <input id={`${id}-reason`} type="text" dir="auto" maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} aria-required="true" />
          </div>
        )}
        {error && <ErrorMessage message={error} />}
        <div className="modal-actions">
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary-button" disabled={busy || (askReason && !reason.trim())}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
