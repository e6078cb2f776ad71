/**
 * The client the renderer uses in a browser served by `vigil web`, and the contract tests use over HTTP.
 * Only web-standard APIs (fetch, EventSource), so it runs in browsers and in Node alike. Authentication is
 * the host's cookie in a browser, or an explicit token header from Node.
 */
import type { ApiMethod } from './api';
import { createApiFromInvoke, type EventListener, type MediaVariant, type VigilClient } from './client';
import type { VigilEvent } from './dto';
import type { ApiResult } from './errors';

export interface HttpClientOptions {
  /** Origin of the web host, e.g. `http://127.0.0.1:5123`; empty for same-origin requests in a browser. */
  baseUrl?: string;
  /** Sent as `Authorization: Bearer` when given (Node callers); browsers use the host's cookie instead. */
  token?: string;
  fetch?: typeof fetch;
}

export const TOKEN_HEADER = 'authorization';

export function createHttpClient(options: HttpClientOptions = {}): VigilClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers[TOKEN_HEADER] = `Bearer ${options.token}`;

  const invoke = async (method: ApiMethod, args: unknown): Promise<ApiResult<unknown>> => {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/rpc/${method}`, {
        method: 'POST',
        headers,
        credentials: 'same-origin',
        body: JSON.stringify(args ?? null),
      });
    } catch (error) {
      return { ok: false, error: { code: 'IO', message: `Vigil's web host could not be reached (${String(error)}).` } };
    }
    try {
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return {
        ok: false,
        error: { code: 'IO', message: `Vigil's web host answered ${response.status} without a readable result.` },
      };
    }
  };

  const listeners = new Set<EventListener>();
  let source: EventSource | null = null;
  const onEvent = (listener: EventListener): (() => void) => {
    listeners.add(listener);
    if (!source && typeof EventSource !== 'undefined') {
      source = new EventSource(`${baseUrl}/events`, { withCredentials: false });
      source.onmessage = (message) => {
        let event: VigilEvent;
        try {
          event = JSON.parse(String(message.data)) as VigilEvent;
        } catch {
          return;
        }
        for (const l of listeners) l(event);
      };
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source) {
        source.close();
        source = null;
      }
    };
  };

  return {
    api: createApiFromInvoke(invoke),
    onEvent,
    mediaUrl: (itemId: number, variant: MediaVariant) => `${baseUrl}/media/${itemId}/${variant}`,
  };
}
