/**
 * The single entry point both transports call (DESIGN.md §2): checks the method name, validates the untrusted
 * arguments with the method's zod schema, calls the implementation, and returns a result value. Errors never
 * escape as exceptions; unexpected ones become INTERNAL without internals leaking to the page.
 */
import { isApiMethod, type ApiMethod, type CatalogueApi } from '../../shared/api';
import { apiSchemas } from '../../shared/api-schemas';
import { CatalogueError, type ApiResult } from '../../shared/errors';
import type { Dispatch } from './core-types';

function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function createDispatcher(
  api: CatalogueApi,
  options: {
    onInternalError?: (method: string, error: unknown) => void;
    /** Runs after validation and before the call; a CatalogueError it throws is the answer (e.g. ACTOR_REQUIRED). */
    beforeCall?: (method: ApiMethod) => void;
  } = {},
): Dispatch {
  return async (method: string, args: unknown): Promise<ApiResult<unknown>> => {
    if (typeof method !== 'string' || !isApiMethod(method)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `There is no catalogue operation called "${String(method).slice(0, 80)}".` } };
    }
    const parsed = apiSchemas[method].safeParse(args === null ? undefined : args);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: `Invalid arguments for ${method}: ${describeIssues(parsed.error.issues)}.` },
      };
    }
    try {
      options.beforeCall?.(method);
      const call = api[method] as (a: unknown) => Promise<unknown>;
      const value = await call.call(api, parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof CatalogueError) return { ok: false, error: error.toInfo() };
      options.onInternalError?.(method, error);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `Vigil hit an unexpected problem while running ${method}. Nothing was changed by the failed step.` },
      };
    }
  };
}
