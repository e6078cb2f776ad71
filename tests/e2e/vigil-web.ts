/** Starts the built `vigil web` on a fresh temporary catalogue for one test file, and stops it after. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/vigil.js', import.meta.url));

export interface RunningVigil {
  url: string;
  origin: string;
  token: string;
  catalogueDir: string;
  /** Calls the catalogue's contract over the host's /rpc, as the page does: for seeding records. */
  rpc<T = unknown>(method: string, args?: unknown): Promise<T>;
  /** Runs `vigil` on the same catalogue (the host holds the lock: only while it is stopped, see `seed`). */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Saves this archivist in the catalogue before the host starts (otherwise the window asks). */
  actor?: { name: string; organisation: string };
  /** Runs `vigil` commands on the new catalogue before the host opens it (e.g. `persons import`). */
  cli?: string[][];
}

export async function startVigilWeb(options: StartOptions = {}): Promise<RunningVigil> {
  const root = mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
  const catalogueDir = join(root, 'Evin archive');
  const env = { ...process.env, HOME: root, XDG_CONFIG_HOME: join(root, 'config') };
  const actorArgs = options.actor ? ['--actor', options.actor.name, '--organisation', options.actor.organisation] : [];
  // A catalogue is only ever created by `vigil init`; `web` opens an existing one.
  execFileSync(process.execPath, [bin, '--catalogue', catalogueDir, ...actorArgs, 'init'], { env, stdio: 'ignore' });
  for (const argv of options.cli ?? []) execFileSync(process.execPath, [bin, '--catalogue', catalogueDir, '--actor', 'E2E setup', '--organisation', 'Tests', ...argv], { env, stdio: 'ignore' });
  const child: ChildProcess = spawn(process.execPath, [bin, '--catalogue', catalogueDir, 'web', '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => reject(new Error(`vigil web exited (${code}): ${err}`)));
  });
  const origin = new URL(url).origin;
  const token = new URL(url).searchParams.get('token') ?? '';
  return {
    url,
    origin,
    token,
    catalogueDir,
    async rpc<T>(method: string, args?: unknown): Promise<T> {
      const response = await fetch(`${origin}/rpc/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin },
        body: JSON.stringify(args ?? {}),
      });
      const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
      return result.value as T;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
