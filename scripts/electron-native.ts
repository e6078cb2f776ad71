/**
 * The pure parts of `npm start` (scripts/electron-start.ts): where things are, whether the Electron build of
 * better-sqlite3 is current, and how to build it. Kept apart so they are tested without Electron.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ELECTRON_SQLITE_BINDING, ELECTRON_SQLITE_DIR, SQLITE_BINDING_ENV } from '../src/main/native-binding';

/** A failure `npm start` reports as one sentence, without a stack trace. */
export class StartError extends Error {
  override readonly name = 'StartError';
}

export interface ProjectPaths {
  root: string;
  electronPackage: string;
  betterSqliteSource: string;
  /** The separate copy compiled for Electron; node_modules/better-sqlite3 is never touched. */
  betterSqliteCopy: string;
  binding: string;
  /** Written last, after a successful build, saying what the binding was built for. */
  stampFile: string;
  electronVite: string;
}

export function projectPaths(root: string): ProjectPaths {
  const betterSqliteCopy = join(root, ELECTRON_SQLITE_DIR);
  return {
    root,
    electronPackage: join(root, 'node_modules', 'electron'),
    betterSqliteSource: join(root, 'node_modules', 'better-sqlite3'),
    betterSqliteCopy,
    binding: join(root, ELECTRON_SQLITE_BINDING),
    stampFile: join(betterSqliteCopy, 'vigil-electron-build.json'),
    electronVite: join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
  };
}

export interface NativeStamp {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

export function readPackageVersion(packageDir: string): string {
  let version: unknown;
  try {
    version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version?: unknown }).version;
  } catch {
    throw new StartError(`${packageDir} is missing or unreadable; run npm install first.`);
  }
  if (typeof version !== 'string') throw new StartError(`${packageDir}/package.json has no version; run npm install again.`);
  return version;
}

export function readStamp(file: string): NativeStamp | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<NativeStamp>;
    const fields = [value.electron, value.betterSqlite3, value.platform, value.arch];
    return fields.every((field) => typeof field === 'string') ? (value as NativeStamp) : null;
  } catch {
    return null;
  }
}

export function writeStamp(file: string, stamp: NativeStamp): void {
  writeFileSync(file, `${JSON.stringify(stamp, null, 2)}\n`);
}

/** True when the binding exists and was built for this Electron, this better-sqlite3 and this machine. */
export function nativeBuildIsCurrent(paths: ProjectPaths, wanted: NativeStamp, exists = existsSync): boolean {
  if (!exists(paths.binding)) return false;
  const stamp = readStamp(paths.stampFile);
  return (
    stamp !== null &&
    stamp.electron === wanted.electron &&
    stamp.betterSqlite3 === wanted.betterSqlite3 &&
    stamp.platform === wanted.platform &&
    stamp.arch === wanted.arch
  );
}

/** The Electron executable electron's own install.js records in path.txt, or null while it is not there. */
export function electronExecutable(electronPackage: string, exists = existsSync): string | null {
  let relative: string;
  try {
    relative = readFileSync(join(electronPackage, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (!relative) return null;
  const executable = join(electronPackage, 'dist', relative);
  return exists(executable) ? executable : null;
}

export function prebuildInstallArgs(stamp: NativeStamp): string[] {
  return ['--runtime', 'electron', '--target', stamp.electron, '--arch', stamp.arch, '--platform', stamp.platform];
}

export function nodeGypArgs(stamp: NativeStamp): string[] {
  return [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${stamp.electron}`,
    `--arch=${stamp.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ];
}

export interface NodeGypSearch {
  env: Record<string, string | undefined>;
  /** process.execPath: npm ships beside node. */
  execPath: string;
  platform: NodeJS.Platform;
  /** `npm prefix -g`, when known. */
  npmGlobalPrefix?: string;
}

/** Where npm's own node-gyp may be, best first. npm sets npm_config_node_gyp for the scripts it runs. */
export function nodeGypCandidates(search: NodeGypSearch): string[] {
  const tail = ['node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'];
  const underPrefix = (prefix: string) =>
    search.platform === 'win32' ? [join(prefix, ...tail)] : [join(prefix, 'lib', ...tail), join(prefix, ...tail)];
  const candidates: string[] = [];
  if (search.env.npm_config_node_gyp) candidates.push(search.env.npm_config_node_gyp);
  const npmCli = search.env.npm_execpath;
  if (npmCli && /npm-cli\.js$/.test(npmCli)) {
    candidates.push(join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  }
  const nodeDir = dirname(search.execPath);
  candidates.push(...(search.platform === 'win32' ? underPrefix(nodeDir) : underPrefix(dirname(nodeDir))));
  if (search.npmGlobalPrefix) candidates.push(...underPrefix(search.npmGlobalPrefix));
  return [...new Set(candidates)];
}

/** The environment Electron is launched with: the binding named, and never in plain-Node mode. */
export function electronEnv(env: Record<string, string | undefined>, binding: string): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = { ...env, [SQLITE_BINDING_ENV]: binding };
  delete result.ELECTRON_RUN_AS_NODE;
  return result;
}

/**
 * The environment for prebuild-install and node-gyp. An npm `nodedir` (or target/runtime) setting would make
 * node-gyp build against Node's headers instead of Electron's, silently; these builds must not inherit it.
 */
export function nativeBuildEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const inherited = /^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|build_from_source)$/i;
  return Object.fromEntries(Object.entries(env).filter(([key]) => !inherited.test(key)));
}

/** The ABI (NODE_MODULE_VERSION) of the installed Electron, from the file its package ships. */
export function readElectronAbi(electronPackage: string): string | null {
  try {
    const abi = readFileSync(join(electronPackage, 'abi_version'), 'utf8').trim();
    return /^[0-9]+$/.test(abi) ? abi : null;
  } catch {
    return null;
  }
}

export type BindingCheck = 'electron' | 'node' | 'other' | 'unknown';

/**
 * What a binding was built for, judged from loading it in plain Node: Node loads its own builds, and refuses
 * others naming the ABI they were compiled against ("...using NODE_MODULE_VERSION 150. This version...").
 */
export function judgeBinding(load: { loaded: boolean; message: string }, electronAbi: string | null): BindingCheck {
  if (load.loaded) return 'node';
  const compiledFor = /using\s+NODE_MODULE_VERSION (\d+)/.exec(load.message)?.[1];
  if (!compiledFor || !electronAbi) return 'unknown';
  return compiledFor === electronAbi ? 'electron' : 'other';
}

/** Loads a binding in a child Node process (a crash or refusal must not take this process down). */
export function probeBinding(binding: string): { loaded: boolean; message: string } {
  const probe = spawnSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', binding], {
    encoding: 'utf8',
  });
  return { loaded: probe.status === 0, message: `${probe.stderr ?? ''}${probe.error?.message ?? ''}` };
}
