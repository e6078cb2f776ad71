/** Fan-out of core events to every host (IPC windows, SSE clients). A throwing listener cannot break others. */
import type { VigilEvent } from '../../shared/dto';

export type EventListener = (event: VigilEvent) => void;

export function createEventBus() {
  const listeners = new Set<EventListener>();
  return {
    on(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event: VigilEvent): void {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // A broken window or closed stream must not stop the others from hearing about changes.
        }
      }
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
