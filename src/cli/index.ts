/** The `vigil` executable's entry: binds runCli to this process (argv, streams, signals, exit status). */
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli';

// Built to out/cli/index.js; the renderer build sits beside it in out/renderer.
const here = dirname(fileURLToPath(import.meta.url));
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
// A reader that goes away (`vigil list --json | head`) closes the pipe: stop quietly, as command-line tools do,
// cancelling an import cleanly rather than crashing with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  controller.abort();
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  platform: process.platform,
  homedir: homedir(),
  rendererDir: process.env.VIGIL_RENDERER_DIR ?? join(here, '..', 'renderer'),
  signal: controller.signal,
});
