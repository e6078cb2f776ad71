/** Everything the CLI takes from its process, passed in so tests run it in-process with plain values. */
export interface CliContext {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  homedir: string;
  /** The built renderer that `vigil web` serves. */
  rendererDir: string;
  /** Aborted on SIGINT/SIGTERM: long-running commands (web) stop cleanly. */
  signal: AbortSignal;
}

/** Exit statuses (DESIGN.md §9). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
