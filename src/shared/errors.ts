/**
 * Errors are values at the boundary: every failure that crosses the contract carries a code a program can
 * act on and a sentence a person can act on. ACTOR_REQUIRED: a change was refused because nobody has said who
 * is making it (the UI asks; the CLI says how to set one).
 */
export const errorCodes = ['NOT_FOUND', 'INVALID_ARGUMENT', 'CONFLICT', 'IO', 'INTERNAL', 'ACTOR_REQUIRED'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export class CatalogueError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CatalogueError';
    this.code = code;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }

  static fromInfo(info: ErrorInfo): CatalogueError {
    return new CatalogueError(info.code, info.message);
  }
}

export function isCatalogueError(value: unknown): value is CatalogueError {
  return value instanceof CatalogueError;
}

/** The shape every transport carries back: a value, or an error a user can read. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
