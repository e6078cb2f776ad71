import { useEffect, useId, useRef } from 'react';
import type { ImportProblem } from '../../shared/dto';
import { formatNumber } from '../ui/format';
import { UserText } from '../ui/UserText';

export interface SummaryContent {
  state: 'done' | 'cancelled' | 'failed' | 'not-started';
  imported: number;
  duplicates: number;
  failed: ImportProblem[];
  warnings: ImportProblem[];
  /** Why the whole job stopped (state failed). */
  error?: string | null;
}

function outcome(content: SummaryContent): string {
  switch (content.state) {
    case 'done':
      return content.failed.length === 0 ? 'The import finished.' : 'The import finished, but some files were not imported.';
    case 'cancelled':
      return 'The import was cancelled. Files imported before it stopped stay in the catalogue.';
    case 'failed':
      return `The import stopped: ${content.error ?? 'Vigil did not say why.'} Files imported before it stopped stay in the catalogue.`;
    case 'not-started':
      return 'Nothing was imported.';
  }
}

function ProblemList({ title, problems, className }: { title: string; problems: ImportProblem[]; className: string }) {
  const id = useId();
  if (problems.length === 0) return null;
  return (
    <section className={`summary-problems ${className}`} aria-labelledby={id}>
      <h3 id={id}>
        {title} ({formatNumber(problems.length)})
      </h3>
      <ul>
        {problems.map((problem, i) => (
          <li key={i}>
            <UserText text={problem.path} className="problem-path" />
            <UserText text={problem.reason} className="problem-reason" />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The end of an import (DESIGN.md §12: a summary that lists every file that needs attention). A modal
 * dialog: Escape or Close dismisses it, and focus goes back where it was.
 */
export function ImportSummaryDialog({ content, onClose }: { content: SummaryContent; onClose(): void }) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
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
    close.current?.focus();
    return () => {
      if (element?.open && typeof element.close === 'function') element.close();
      if (before?.isConnected) before.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="summary-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault(); // React state decides when it closes
        onCloseRef.current();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCloseRef.current();
        }
      }}
    >
      <h2 id={titleId}>Import summary</h2>
      <p className={content.state === 'failed' ? 'summary-outcome error-text' : 'summary-outcome'}>{outcome(content)}</p>
      {content.state !== 'not-started' && (
        <dl className="summary-counts">
          <div>
            <dt>Imported</dt>
            <dd>{formatNumber(content.imported)}</dd>
          </div>
          <div>
            <dt>Duplicates</dt>
            <dd>{formatNumber(content.duplicates)}</dd>
          </div>
          <div>
            <dt>Failed</dt>
            <dd>{formatNumber(content.failed.length)}</dd>
          </div>
          <div>
            <dt>Warnings</dt>
            <dd>{formatNumber(content.warnings.length)}</dd>
          </div>
        </dl>
      )}
      {content.duplicates > 0 && <p className="muted summary-note">Duplicates were already in the catalogue and were not copied again.</p>}
      <ProblemList title="Files not imported" problems={content.failed} className="summary-failed" />
      <ProblemList title="Warnings" problems={content.warnings} className="summary-warnings" />
      <div className="summary-actions">
        <button ref={close} type="button" className="primary-button" onClick={() => onCloseRef.current()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
