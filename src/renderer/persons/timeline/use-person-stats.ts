import { useEffect, useRef, useState } from 'react';
import type { PersonFilter, PersonStats } from '../../../shared/dto';
import { useClient } from '../../client/use-client';
import { errorMessage } from '../../ui/error-message';
import { useVigilEvent } from '../../ui/use-vigil-event';

/**
 * The timeline's counts for the persons the list shows (the same filter), asked again when the filter changes
 * and when persons, links or places change. Nothing is asked while the timeline is closed.
 */
export function usePersonStats(filter: PersonFilter, enabled: boolean): { stats: PersonStats | null; error: string | null; loading: boolean } {
  const { api } = useClient();
  const [stats, setStats] = useState<PersonStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);
  const request = useRef(0);
  const key = JSON.stringify(filter);
  const current = useRef(filter);
  useEffect(() => {
    current.current = filter;
  });

  useEffect(() => {
    if (!enabled) return;
    const mine = ++request.current;
    setLoading(true);
    api.personStats({ filter: current.current }).then(
      (next) => {
        if (mine !== request.current) return;
        setStats(next);
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (mine !== request.current) return;
        setError(errorMessage(caught));
        setLoading(false);
      },
    );
  }, [api, key, enabled, version]);

  useVigilEvent((event) => {
    if (event.type !== 'catalogue-changed') return;
    if (event.what.length === 0 || event.what.some((area) => area === 'persons' || area === 'links' || area === 'places')) setVersion((v) => v + 1);
  });

  return { stats, error, loading };
}
