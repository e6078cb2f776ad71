import { useCallback, useState } from 'react';
import type { Changed } from '../../../shared/dto';
import { useChanges } from '../../changes/use-changes';
import { errorMessage } from '../../ui/error-message';

/**
 * A panel section's changes: each runs through useChanges (undo, the actor prompt), and a refusal is kept as the
 * core's sentence for the section to show where the archivist acted. Resolves to true when the change was made.
 */
export function useSectionAction() {
  const changes = useChanges();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = useCallback(
    async <T,>(label: string, change: () => Promise<Changed<T>>, then?: (result: Changed<T>) => void): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        const result = await changes.run(label, change);
        then?.(result);
        return true;
      } catch (caught) {
        setError(errorMessage(caught));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [changes],
  );
  return { error, setError, busy, act };
}
