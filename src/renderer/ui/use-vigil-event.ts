import { useEffect, useRef } from 'react';
import type { VigilEvent } from '../../shared/dto';
import { useClient } from '../client/use-client';

/** Listens to the core's pushed events for as long as the component is mounted; the listener may change. */
export function useVigilEvent(listener: (event: VigilEvent) => void): void {
  const { onEvent } = useClient();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => onEvent((event) => latest.current(event)), [onEvent]);
}
