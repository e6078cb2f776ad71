import { useCallback, useEffect, useRef, useState } from 'react';
import type { Actor, CatalogueStatus } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { errorMessage } from '../ui/error-message';
import { useVigilEvent } from '../ui/use-vigil-event';

export interface CatalogueStatusState {
  status: CatalogueStatus | null;
  error: string | null;
  reload(): Promise<void>;
  /** Shows a newly saved actor at once, before the reload that confirms it. */
  showActor(actor: Actor): void;
}

/** The catalogue's name, counts and actor, read on mount and again whenever the core says it changed. */
export function useCatalogueStatus(): CatalogueStatusState {
  const { api } = useClient();
  const [status, setStatus] = useState<CatalogueStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++request.current;
    try {
      const next = await api.getStatus();
      if (mine !== request.current) return;
      setStatus(next);
      setError(null);
    } catch (caught) {
      if (mine !== request.current) return;
      setError(errorMessage(caught));
    }
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useVigilEvent((event) => {
    if (event.type === 'catalogue-changed') void reload();
  });

  const showActor = useCallback((actor: Actor) => {
    request.current += 1; // an older answer in flight must not put the old actor back
    setStatus((previous) => (previous ? { ...previous, actor } : previous));
  }, []);

  return { status, error, reload, showActor };
}
