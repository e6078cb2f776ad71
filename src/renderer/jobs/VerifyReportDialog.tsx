import { useId } from 'react';
import type { VerifyCheck } from '../../shared/dto';
import { capitalise, formatNumber } from '../ui/format';
import { Modal } from '../ui/Modal';
import { UserText } from '../ui/UserText';
import type { TrackedVerify } from './use-jobs';

function outcome(job: TrackedVerify): string {
  const report = job.summary;
  if (job.state === 'failed') return `The check stopped: ${job.error ?? 'Vigil did not say why.'}`;
  if (job.state === 'cancelled' || report?.cancelled) return 'The check was cancelled. What was checked before it stopped is reported below.';
  if (!report) return 'The check ended without a report.';
  const failed = report.checks.filter((c) => !c.ok).length;
  return report.ok
    ? 'The catalogue is intact: the database, every file in the vault and the custody log passed their checks.'
    : `Verify found problems: ${formatNumber(failed)} of ${formatNumber(report.checks.length)} checks failed.`;
}

function Lines({ title, lines, className }: { title: string; lines: string[]; className: string }) {
  const id = useId();
  if (lines.length === 0) return null;
  return (
    <div className={className}>
      <p id={id} className="verify-lines-title">
        {title} ({formatNumber(lines.length)})
      </p>
      <ul aria-labelledby={id}>
        {lines.map((line, i) => (
          <li key={i}>
            <UserText text={line} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Check({ check }: { check: VerifyCheck }) {
  return (
    <li className={check.ok ? 'verify-check verify-ok' : 'verify-check verify-failed'}>
      <p className="verify-check-head">
        <span className={check.ok ? 'badge badge-ok' : 'badge badge-confidential'}>{check.ok ? 'Passed' : 'Failed'}</span>{' '}
        <UserText text={capitalise(check.name)} className="verify-check-name" />
      </p>
      <Lines title="Problems" lines={check.problems} className="verify-problems" />
      <Lines title="Notes" lines={check.notes ?? []} className="verify-notes" />
    </li>
  );
}

/**
 * What verify found (the job's summary): each check with its problems and its notes (what is not a failure,
 * such as a vault file no item refers to). Opens by itself when something failed; the status bar's "Show
 * report" opens it after a clean run.
 */
export function VerifyReportDialog({ job, onClose }: { job: TrackedVerify; onClose(): void }) {
  const report = job.summary;
  const bad = job.state === 'failed' || (report !== undefined && !report.ok);
  return (
    <Modal title="Verify report" onClose={onClose} className="summary-modal" wide>
      <p className={bad ? 'summary-outcome error-text' : 'summary-outcome'}>{outcome(job)}</p>
      {report && report.checks.length > 0 && (
        <ul className="verify-checks" aria-label="Checks">
          {report.checks.map((check, i) => (
            <Check key={i} check={check} />
          ))}
        </ul>
      )}
      <div className="summary-actions">
        <button type="button" className="primary-button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
