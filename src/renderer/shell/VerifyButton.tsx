import { useState } from 'react';
import { useClient } from '../client/use-client';
import type { Jobs } from '../jobs/use-jobs';
import { errorMessage } from '../ui/error-message';

/**
 * Starts verify (issue 8 item 5: a job like any other): the database, every vault file against its recorded
 * SHA-256, and the custody log's hash chain. Its progress shows in the jobs panel; a clean result is told in
 * the status bar, problems open the report.
 */
export function VerifyButton({ jobs }: { jobs: Pick<Jobs, 'running' | 'started'> }) {
  const { api } = useClient();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = jobs.running.some((job) => job.kind === 'verify');
  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const { jobId } = await api.verify();
      jobs.started(jobId);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setStarting(false);
    }
  };
  return (
    <span className="status-verify">
      {error && (
        <span role="alert" className="status-error" title={error}>
          Verify could not start: {error}
        </span>
      )}
      <button
        type="button"
        className="link-button"
        onClick={() => void start()}
        disabled={starting || running}
        title="Check the database, re-hash every file in the vault against the SHA-256 recorded at intake, and check the custody log's hash chain."
      >
        {running ? 'Verifying…' : 'Verify catalogue…'}
      </button>
    </span>
  );
}
