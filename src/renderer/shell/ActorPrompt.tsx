import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Actor } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { errorMessage } from '../ui/error-message';
import { ErrorMessage } from '../ui/ErrorMessage';

/**
 * While a change waits for the answer, the prompt is a modal dialog of its own: the change may have been
 * asked for from another modal dialog (a form, the CSV import), which makes everything outside it inert; a
 * dialog opened after it sits above it and can be answered. Escape puts it off, like "Not now".
 */
function PromptDialog({ labelledBy, onDismiss, children }: { labelledBy: string; onDismiss(): void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  });
  useEffect(() => {
    const element = dialog.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    element?.querySelector<HTMLInputElement>('input')?.focus();
    return () => {
      if (element?.open && typeof element.close === 'function') element.close();
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="actor-dialog"
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        dismiss.current();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          dismiss.current();
        }
      }}
    >
      {children}
    </dialog>
  );
}

/**
 * Asks who is cataloguing (DESIGN.md §7): the custody log records a person, not a machine account. Shown as
 * a banner, not a modal, so the catalogue can still be browsed; saving goes through api.setActor. When a
 * change is waiting for the answer (`waiting`), it is a modal dialog instead (see PromptDialog).
 */
export function ActorPrompt({
  current,
  onSaved,
  onDismiss,
  waiting = false,
}: {
  current: Actor | null;
  onSaved(actor: Actor): void;
  onDismiss(): void;
  waiting?: boolean;
}) {
  const { api } = useClient();
  const id = useId();
  const [name, setName] = useState(current?.name ?? '');
  const [organisation, setOrganisation] = useState(current?.organisation ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const organisationInput = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    const actor = { name: name.trim(), organisation: organisation.trim() };
    if (!actor.name || !actor.organisation) {
      setError(
        !actor.name && !actor.organisation
          ? 'Enter your name and your organisation.'
          : !actor.name
            ? 'Enter your name.'
            : 'Enter your organisation.',
      );
      (actor.name ? organisationInput : nameInput).current?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = await api.setActor(actor);
      onSaved(saved);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  const prompt = (
    <section className="actor-banner" aria-labelledby={`${id}-title`}>
      <div className="actor-intro">
        <h2 id={`${id}-title`}>Who is cataloguing?</h2>
        <p>
          Vigil records the person behind every change in the custody log. Enter your name and organisation as
          they should appear there. You can change them later from the status bar.
        </p>
      </div>
      <form className="actor-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby={`${id}-title`}>
        <div className="field">
          <label htmlFor={`${id}-name`}>Your name</label>
          <input
            ref={nameInput}
            id={`${id}-name`}
            type="text"
            dir="auto"
            autoComplete="name"
            maxLength={200}
            aria-required="true"
            aria-describedby={error ? `${id}-error` : undefined}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-organisation`}>Organisation</label>
          <input
            ref={organisationInput}
            id={`${id}-organisation`}
            type="text"
            dir="auto"
            autoComplete="organization"
            maxLength={200}
            aria-required="true"
            aria-describedby={error ? `${id}-error` : undefined}
            value={organisation}
            onChange={(event) => setOrganisation(event.target.value)}
          />
        </div>
        <div className="actor-actions">
          <button type="submit" className="primary-button" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="secondary-button" onClick={onDismiss}>
            Not now
          </button>
        </div>
        {error && (
          <div id={`${id}-error`} className="actor-error">
            <ErrorMessage message={error} />
          </div>
        )}
      </form>
    </section>
  );
  return waiting ? (
    <PromptDialog labelledBy={`${id}-title`} onDismiss={onDismiss}>
      {prompt}
    </PromptDialog>
  ) : (
    prompt
  );
}
