/** Runs the CLI in-process with captured output, or as a real child process (for locking and signals). */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run-cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], options: { env?: Record<string, string>; home?: string; rendererDir?: string; signal?: AbortSignal } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: options.env ?? {},
    platform: 'linux',
    homedir: options.home ?? '/nonexistent-home',
    rendererDir: options.rendererDir ?? '/nonexistent-renderer',
    signal: options.signal ?? new AbortController().signal,
  });
  return { code, stdout, stderr };
}

const entry = fileURLToPath(new URL('../../src/cli/index.ts', import.meta.url));

/** Spawns `vigil` from source through tsx, as a separate process. */
export function spawnCli(argv: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', entry, ...argv], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    let errors = '';
    child.stderr!.on('data', (c: Buffer) => (errors += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      text += c.toString();
      const nl = text.indexOf('\n');
      if (nl >= 0) resolve(text.slice(0, nl));
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before printing a line: ${errors}`)));
  });
}
