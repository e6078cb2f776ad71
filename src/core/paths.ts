/**
 * Where Vigil keeps things on a workstation. The CLI and web host compute the same user-data folder that
 * Electron's `app.getPath('userData')` gives the desktop app (for productName "Vigil"), so all three open the
 * same default catalogue. Roots pass the environment in; nothing here reads globals.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Vigil';

export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homedir: string;
}

export function defaultUserDataDir({ platform, env, homedir }: PlatformInfo): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir, '.config'), APP_DIR_NAME);
}

export function defaultCatalogueDir(userDataDir: string): string {
  return join(userDataDir, 'catalogue');
}

/** `--catalogue DIR`, else `VIGIL_CATALOGUE`, else the default catalogue in the user-data folder. */
export function resolveCatalogueDir(flag: string | undefined, info: PlatformInfo): string {
  if (flag) return flag;
  if (info.env.VIGIL_CATALOGUE) return info.env.VIGIL_CATALOGUE;
  return defaultCatalogueDir(defaultUserDataDir(info));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Each workstation has a random id, recorded with every custody event (DESIGN.md §7). It lives in the
 * user-data folder, not in a catalogue, because a catalogue moves between machines.
 */
export function loadWorkstationId(userDataDir: string): string {
  const file = join(userDataDir, 'workstation.json');
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { workstationId?: unknown };
    if (typeof parsed.workstationId === 'string' && UUID.test(parsed.workstationId)) return parsed.workstationId;
  } catch {
    // Missing or unreadable: make a new one below.
  }
  const workstationId = randomUUID();
  mkdirSync(userDataDir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ workstationId }, null, 2) + '\n');
  renameSync(temp, file);
  return workstationId;
}
