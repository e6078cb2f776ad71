/**
 * Racing a parser call against a time limit. This bounds the wait for parsers that yield to the event loop; it
 * cannot interrupt one that runs synchronously for a long time (only a worker thread can), but it does stop an
 * import from waiting forever on a call that never settles.
 */

export type LimitedResult<T> = { ok: true; value: T } | { ok: false; timedOut: true } | { ok: false; timedOut: false; error: unknown };

export async function withTimeLimit<T>(work: () => Promise<T>, ms: number): Promise<LimitedResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<LimitedResult<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, timedOut: true }), ms);
    timer.unref?.();
  });
  const attempt = (async (): Promise<LimitedResult<T>> => {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      return { ok: false, timedOut: false, error };
    }
  })();
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** An error's message as the end of a sentence: no trailing full stop, never empty. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  // Native libraries repeat themselves over several lines; the first line says it.
  const firstLine = message.split('\n').find((line) => line.trim() !== '') ?? '';
  const oneLine = firstLine.replace(/\s+/g, ' ').trim().replace(/[.\s]+$/, '');
  return oneLine === '' ? 'unknown error' : oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}
