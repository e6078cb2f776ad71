import { isCatalogueError } from '../../shared/errors';

/** The sentence to show for a failure: a CatalogueError's own message, or a plain fallback. */
export function errorMessage(error: unknown): string {
  if (isCatalogueError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong, and Vigil did not say what.';
}
