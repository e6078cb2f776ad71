/**
 * `npm start`: makes sure the Electron binary and an Electron build of better-sqlite3 exist, builds the app
 * with electron-vite and launches it. The Electron build lives in .electron-native/, so node_modules keeps
 * the Node build that `npm test` and the CLI use. Each failure ends with one sentence saying what to do.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  electronEnv,
  electronExecutable,
  judgeBinding,
  nativeBuildEnv,
  nativeBuildIsCurrent,
  nodeGypArgs,
  nodeGypCandidates,
  prebuildInstallArgs,
  probeBinding,
  projectPaths,
  readElectronAbi,
  readPackageVersion,
  StartError,
  writeStamp,
  type NativeStamp,
  type ProjectPaths,
} from './electron-native';

const isWindows = process.platform === 'win32';

/** Runs a command with its output shown; true when it exited with 0. */
function run(command: string, args: string[], options: SpawnSyncOptions = {}): boolean {
  // npx is a .cmd on Windows, which Node only spawns through a shell.
  const result = spawnSync(command, args, { stdio: 'inherit', shell: isWindows && command !== process.execPath, ...options });
  return !result.error && result.status === 0;
}

export function ensureElectron(paths: ProjectPaths): string {
  const existing = electronExecutable(paths.electronPackage);
  if (existing) return existing;
  // npm's allowScripts skip electron's postinstall (so installs work offline); download it now, once.
  console.log('Downloading the Electron binary (once)...');
  run(process.execPath, [join(paths.electronPackage, 'install.js')], { cwd: paths.electronPackage });
  const installed = electronExecutable(paths.electronPackage);
  if (!installed) {
    throw new StartError(
      'The Electron binary could not be downloaded; check the network connection (or set ELECTRON_MIRROR) and run npm start again.',
    );
  }
  return installed;
}

function resolveFrom(packageDir: string, request: string): string | undefined {
  try {
    return createRequire(join(packageDir, 'package.json')).resolve(request);
  } catch {
    return undefined;
  }
}

function npmGlobalPrefix(): string | undefined {
  const result = spawnSync('npm', ['prefix', '-g'], { encoding: 'utf8', shell: isWindows });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

export function ensureNativeSqlite(paths: ProjectPaths, stamp: NativeStamp): string {
  if (nativeBuildIsCurrent(paths, stamp)) return paths.binding;
  console.log(`Preparing better-sqlite3 ${stamp.betterSqlite3} for Electron ${stamp.electron} in ${relative(paths.root, paths.betterSqliteCopy)}...`);

  rmSync(paths.betterSqliteCopy, { recursive: true, force: true });
  // The Node build in build/ stays behind: a stale binary must never pass for the Electron one.
  const skip = join(paths.betterSqliteSource, 'build');
  cpSync(paths.betterSqliteSource, paths.betterSqliteCopy, {
    recursive: true,
    filter: (source) => source !== skip && !source.startsWith(skip + sep),
  });
  const cwd = paths.betterSqliteCopy;
  const env = nativeBuildEnv(process.env);

  // better-sqlite3 depends on prebuild-install, so npm has installed it next to it.
  const prebuildBin = resolveFrom(paths.betterSqliteSource, 'prebuild-install/bin.js');
  let built = prebuildBin
    ? run(process.execPath, [prebuildBin, ...prebuildInstallArgs(stamp)], { cwd, env })
    : run('npx', ['--yes', 'prebuild-install', ...prebuildInstallArgs(stamp)], { cwd, env });
  built &&= existsSync(paths.binding);

  if (!built) {
    console.log('No prebuilt binary was found; compiling better-sqlite3 for Electron with node-gyp...');
    const search = { env: process.env, execPath: process.execPath, platform: process.platform };
    let gyp = nodeGypCandidates(search).find((file) => existsSync(file));
    gyp ??= nodeGypCandidates({ ...search, npmGlobalPrefix: npmGlobalPrefix() }).find((file) => existsSync(file));
    built = gyp
      ? run(process.execPath, [gyp, ...nodeGypArgs(stamp)], { cwd, env })
      : run('npx', ['--yes', 'node-gyp', ...nodeGypArgs(stamp)], { cwd, env });
    built &&= existsSync(paths.binding);
  }
  if (!built) {
    throw new StartError(
      `better-sqlite3 could not be built for Electron ${stamp.electron}: no prebuilt binary could be downloaded and compiling it failed (that needs the network once for Electron's headers, Python and a C++ compiler; the messages above say which was missing).`,
    );
  }
  assertBuiltForElectron(paths, stamp);
  writeStamp(paths.stampFile, stamp);
  return paths.binding;
}

/** Refuses to stamp a binding that plain Node can load or that names another ABI: it would crash Electron. */
function assertBuiltForElectron(paths: ProjectPaths, stamp: NativeStamp): void {
  const verdict = judgeBinding(probeBinding(paths.binding), readElectronAbi(paths.electronPackage));
  if (verdict === 'node' || verdict === 'other') {
    rmSync(paths.binding, { force: true });
    throw new StartError(
      `better-sqlite3 was compiled for another runtime than Electron ${stamp.electron} (check that no nodedir or target is set in your npm config) and was removed.`,
    );
  }
}

export function buildApp(paths: ProjectPaths): void {
  if (!run(process.execPath, [paths.electronVite, 'build'], { cwd: paths.root })) {
    throw new StartError('The app could not be built; electron-vite printed the reason above.');
  }
}

function launch(executable: string, paths: ProjectPaths, binding: string): void {
  const child = spawn(executable, ['.'], { cwd: paths.root, stdio: 'inherit', env: electronEnv(process.env, binding) });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('error', (error) => {
    console.error(`Vigil could not start: Electron did not launch (${error.message}).`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

export function main(root: string): void {
  try {
    const paths = projectPaths(root);
    const stamp: NativeStamp = {
      electron: readPackageVersion(paths.electronPackage),
      betterSqlite3: readPackageVersion(paths.betterSqliteSource),
      platform: process.platform,
      arch: process.arch,
    };
    const executable = ensureElectron(paths);
    const binding = ensureNativeSqlite(paths, stamp);
    buildApp(paths);
    launch(executable, paths, binding);
  } catch (error) {
    const reason = error instanceof StartError ? error.message : `an unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    console.error(`Vigil could not start: ${reason}`);
    process.exit(1);
  }
}

// Run when invoked as a script (npm start), not when imported.
if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) main(fileURLToPath(new URL('..', import.meta.url)));
