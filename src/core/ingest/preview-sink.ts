/**
 * Connects intake to the background preview queue: records each result on the item, tells the windows,
 * and answers the importer with a warning sentence when the preview failed or shows a damaged file.
 */
import type { EventBus } from '../events/event-bus';
import type { PreviewDone, PreviewQueue } from '../previews/preview-queue';
import type { ItemsRepository } from '../items/items-repository';
import type { PreviewSink } from './import-service';

export const PARTIAL_PREVIEW_NOTE = 'The file is damaged (for example truncated): its preview shows only what could be decoded.';

export function createPreviewSink(deps: {
  createQueue: (onDone: (result: PreviewDone) => void) => PreviewQueue;
  items: ItemsRepository;
  events: EventBus;
  derivedDir: string;
  isOpen: () => boolean;
  /** When false (a benchmark run), nothing is queued: items stay 'pending' and get previews at the next open. */
  enabled?: boolean;
}): PreviewSink & { queue: PreviewQueue; release(): void } {
  const waiting = new Map<number, Array<(warning: string | null) => void>>();
  const queue = deps.createQueue((result) => {
    const note = result.ok ? (result.partial ? PARTIAL_PREVIEW_NOTE : null) : (result.reason ?? 'No preview could be made.');
    if (deps.isOpen()) {
      deps.items.setPreviewState(result.itemId, result.ok ? 'ready' : 'failed', note);
      deps.events.emit({ type: 'preview-ready', itemId: result.itemId, state: result.ok ? 'ready' : 'failed' });
    }
    for (const resolve of waiting.get(result.itemId) ?? []) resolve(note);
    waiting.delete(result.itemId);
  });
  return {
    queue,
    /** Drops waiting jobs (closing): their items stay 'pending' and are queued again at the next open. */
    release() {
      queue.clear();
      for (const resolvers of waiting.values()) for (const resolve of resolvers) resolve(null);
      waiting.clear();
    },
    enqueue(job) {
      if (deps.enabled === false) return Promise.resolve(null);
      return new Promise<string | null>((resolve) => {
        waiting.set(job.itemId, [...(waiting.get(job.itemId) ?? []), resolve]);
        queue.enqueue({ ...job, derivedDir: deps.derivedDir });
      });
    },
  };
}
