// scripts/electron-start.ts (npm start) cannot launch Electron here; its pure parts and its failure output can.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
} from '../../scripts/electron-native';

const stamp: NativeStamp = { electron: '45.5.0', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-electron-start-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeBinding(root: string) {
  const paths = projectPaths(root);
  mkdirSync(join(paths.binding, '..'), { recursive: true });
  writeFileSync(paths.binding, 'binary');
  return paths;
}

describe('projectPaths', () => {
  it('keeps the Electron build apart from node_modules', () => {
    const paths = projectPaths('/project');
    expect(paths.binding).toBe(join('/project', '.electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(paths.binding.startsWith(paths.betterSqliteSource)).toBe(false);
    expect(paths.stampFile.startsWith(paths.betterSqliteCopy)).toBe(true);
  });
});

describe('nativeBuildIsCurrent', () => {
  it('is false without a binding, even with a matching stamp', () => {
    const paths = projectPaths(dir);
    mkdirSync(paths.betterSqliteCopy, { recursive: true });
    writeStamp(paths.stampFile, stamp);
    expect(nativeBuildIsCurrent(paths, stamp)).toBe(false);
  });

  it('is false without a stamp or with an unreadable one', () => {
    const paths = writeBinding(dir);
    expect(nativeBuildIsCurrent(paths, stamp)).toBe(false);
    writeFileSync(paths.stampFile, '{"electron": 45');
    expect(nativeBuildIsCurrent(paths, stamp)).toBe(false);
  });

  it('is true only for the same Electron, better-sqlite3, platform and arch', () => {
    const paths = writeBinding(dir);
    writeStamp(paths.stampFile, stamp);
    expect(nativeBuildIsCurrent(paths, stamp)).toBe(true);
    expect(nativeBuildIsCurrent(paths, { ...stamp, electron: '46.0.0' })).toBe(false);
    expect(nativeBuildIsCurrent(paths, { ...stamp, betterSqlite3: '12.12.0' })).toBe(false);
    expect(nativeBuildIsCurrent(paths, { ...stamp, arch: 'arm64' })).toBe(false);
    expect(nativeBuildIsCurrent(paths, { ...stamp, platform: 'darwin' })).toBe(false);
  });
});

describe('electronExecutable', () => {
  it('is null until install.js has written path.txt and the binary', () => {
    const pkg = join(dir, 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    expect(electronExecutable(pkg)).toBeNull();
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(electronExecutable(pkg)).toBeNull();
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(electronExecutable(pkg)).toBe(join(pkg, 'dist', 'electron'));
  });
});

describe('versions', () => {
  it('reads a package version, and says what to do when it cannot', () => {
    mkdirSync(join(dir, 'pkg'));
    writeFileSync(join(dir, 'pkg', 'package.json'), '{"version":"1.2.3"}');
    expect(readPackageVersion(join(dir, 'pkg'))).toBe('1.2.3');
    expect(() => readPackageVersion(join(dir, 'missing'))).toThrow(StartError);
    expect(() => readPackageVersion(join(dir, 'missing'))).toThrow(/npm install/);
  });

  it("reads the installed Electron's ABI", () => {
    const electronDir = createRequire(import.meta.url).resolve('electron/package.json');
    expect(readElectronAbi(join(electronDir, '..'))).toMatch(/^[0-9]+$/);
    expect(readElectronAbi(dir)).toBeNull();
  });
});

describe('build commands', () => {
  it('target Electron headers and prebuilt binaries, not Node', () => {
    expect(prebuildInstallArgs(stamp)).toEqual(['--runtime', 'electron', '--target', '45.5.0', '--arch', 'x64', '--platform', 'linux']);
    expect(nodeGypArgs(stamp)).toEqual(expect.arrayContaining(['rebuild', '--target=45.5.0', '--dist-url=https://electronjs.org/headers']));
  });

  it('drop npm settings that would silently build against Node headers', () => {
    const env = { PATH: '/bin', npm_config_nodedir: '/usr', NPM_CONFIG_TARGET: '20.0.0', npm_config_runtime: 'node', npm_config_cache: '/c' };
    expect(nativeBuildEnv(env)).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });

  it("finds npm's node-gyp, npm's own hint first", () => {
    const posix = nodeGypCandidates({
      env: { npm_config_node_gyp: '/hint/node-gyp.js', npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' },
      execPath: '/usr/bin/node',
      platform: 'linux',
      npmGlobalPrefix: '/opt/npm',
    });
    expect(posix[0]).toBe('/hint/node-gyp.js');
    expect(posix).toContain(join('/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'));
    expect(posix).toContain(join('/opt/npm/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'));
    expect(new Set(posix).size).toBe(posix.length);

    const windows = nodeGypCandidates({ env: {}, execPath: join('C:', 'nodejs', 'node.exe'), platform: 'win32' });
    expect(windows).toEqual([join('C:', 'nodejs', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')]);
  });

  it('ignores an npm_execpath that is not npm', () => {
    const found = nodeGypCandidates({ env: { npm_execpath: '/x/pnpm.cjs' }, execPath: '/usr/bin/node', platform: 'linux' });
    expect(found.some((path) => path.startsWith('/x'))).toBe(false);
  });
});

describe('electronEnv', () => {
  it('names the binding and never runs Electron as plain Node', () => {
    const env = { PATH: '/bin', ELECTRON_RUN_AS_NODE: '1' };
    expect(electronEnv(env, '/b.node')).toEqual({ PATH: '/bin', VIGIL_SQLITE_BINDING: '/b.node' });
    expect(env).toEqual({ PATH: '/bin', ELECTRON_RUN_AS_NODE: '1' });
  });
});

describe('judgeBinding', () => {
  // Node's own wording, line breaks included.
  const refused = (abi: string) =>
    `The module '/x.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION ${abi}. This version of Node.js requires\nNODE_MODULE_VERSION 115. Please try re-compiling or re-installing`;

  it('tells an Electron build from a Node build and from other runtimes', () => {
    expect(judgeBinding({ loaded: false, message: refused('150') }, '150')).toBe('electron');
    expect(judgeBinding({ loaded: false, message: refused('127') }, '150')).toBe('other');
    expect(judgeBinding({ loaded: true, message: '' }, '150')).toBe('node');
    expect(judgeBinding({ loaded: false, message: 'invalid ELF header' }, '150')).toBe('unknown');
  });

  it("recognises node_modules' own better-sqlite3 as a Node build", () => {
    const nodeBuild = join(createRequire(import.meta.url).resolve('better-sqlite3/package.json'), '..', 'build', 'Release', 'better_sqlite3.node');
    expect(judgeBinding(probeBinding(nodeBuild), '150')).toBe('node');
    writeFileSync(join(dir, 'fake.node'), 'not a library');
    expect(judgeBinding(probeBinding(join(dir, 'fake.node')), '150')).toBe('unknown');
  });
});

describe('npm start failures', () => {
  it('end with exit code 1 and one sentence saying what to do', () => {
    const script = fileURLToPath(new URL('../../scripts/electron-start.ts', import.meta.url));
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', `import { main } from ${JSON.stringify(script)}; main(${JSON.stringify(dir)});`],
      { encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)) },
    );
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Vigil could not start: .*run npm install first\.$/);
  });
});
