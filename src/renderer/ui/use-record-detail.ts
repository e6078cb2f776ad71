import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangedArea } from '../../shared/dto';
import { errorMessage } from './error-message';
import { useVigilEvent } from './use-vigil-event';

export interface RecordDetail<T> {
  record: T | null;
  error: string | null;
  loading: boolean;
  /** Shows a record a change returned at once (before the reload its announcement brings). */
  show(record: T): void;
  reload(): void;
}

/**
 * One record's full detail for a panel, read when the panel opens and again when the core announces a change
 * to any of `areas` (a link made elsewhere shows up here). Answers to superseded requests are dropped.
 */
export function useRecordDetail<T>(load: () => Promise<T>, areas: readonly ChangedArea[]): RecordDetail<T> {
  const [record, setRecord] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const request = useRef(0);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  const reload = useCallback(() => {
    const mine = ++request.current;
    setLoading(true);
    loader.current().then(
      (next) => {
        if (mine !== request.current) return;
        setRecord(next);
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (mine !== request.current) return;
        setError(errorMessage(caught));
        setLoading(false);
      },
    );
  }, []);

  useEffect(reload, [reload]);
  useVigilEvent((event) => {
    if (event.type === 'catalogue-changed' && event.what.some((area) => areas.includes(area))) reload();
  });

  const show = useCallback((next: T) => {
    request.current += 1;
    setRecord(next);
    setError(null);
    setLoading(false);
  }, []);

  return { record, error, loading, show, reload };
}
