import { useEffect, useId, useRef, type ReactNode } from 'react';
import { escapeBelongsToField } from './field-escape';

/**
 * A modal dialog (the platform's <dialog>, so focus stays inside and the page behind is inert). Escape or the
 * dialog's own buttons close it, and focus goes back where it was. `initialFocus` names the element to focus
 * first (by default the first field or button).
 */
export function Modal({
  title,
  onClose,
  children,
  className,
  wide = false,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
  wide?: boolean;
}) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const element = dialog.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    const first = element?.querySelector<HTMLElement>('[data-autofocus], input:not([type=hidden]), select, textarea, button');
    first?.focus();
    return () => {
      if (element?.open && typeof element.close === 'function') element.close();
      if (before?.isConnected) before.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={`modal${wide ? ' modal-wide' : ''}${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // React state decides when it closes; the keydown handler below has already decided for Escape.
        event.preventDefault();
      }}
      onKeyDown={(event) => {
        // An Escape that closes a suggestion list or clears a search box inside is the field's, not the dialog's.
        if (event.key === 'Escape' && !escapeBelongsToField(event)) {
          event.preventDefault();
          onCloseRef.current();
        }
      }}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
