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
  catalogueDir: string;
  stop(): Promise<void>;
}

/** `seed` may write rows straight into the new catalogue's database before the host opens it. */
export async function startVigilWeb(options: { seed?: (databaseFile: string) => void } = {}): Promise<RunningVigil> {
  const root = mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
  const catalogueDir = join(root, 'Evin archive');
  const env = { ...process.env, HOME: root, XDG_CONFIG_HOME: join(root, 'config') };
  if (options.seed) {
    execFileSync(process.execPath, [bin, '--catalogue', catalogueDir, 'init'], { env, stdio: 'ignore' });
    options.seed(join(catalogueDir, 'catalogue.sqlite'));
  }
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
  return {
    url,
    origin: new URL(url).origin,
    catalogueDir,
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
