// The real entry point, with Electron and the core mocked: it must hand runApp the real pieces.
import type { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  dir: '',
  lock: false,
  app: null as unknown as EventEmitter & Record<string, ReturnType<typeof vi.fn>>,
  createCore: null as unknown as ReturnType<typeof vi.fn>,
  showErrorBox: null as unknown as ReturnType<typeof vi.fn>,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  state.app = Object.assign(new Emitter(), {
    isPackaged: true,
    getPath: vi.fn(() => state.dir),
    setPath: vi.fn(),
    getAppPath: vi.fn(() => state.dir),
    getVersion: vi.fn(() => '1.2.3'),
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    whenReady: vi.fn(async () => {}),
    quit: vi.fn(),
    exit: vi.fn(),
  }) as never;
  state.showErrorBox = vi.fn();
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  return {
    app: state.app,
    BrowserWindow: Object.assign(vi.fn(), { getAllWindows: () => [] }),
    dialog: { showErrorBox: state.showErrorBox },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: session },
  };
});

vi.mock('../../src/core/api/create-core', () => {
  state.createCore = vi.fn(async () => {
    throw new Error('This catalogue was written by a newer Vigil.');
  });
  return { createCore: state.createCore };
});

beforeEach(() => {
  state.dir = mkdtempSync(join(tmpdir(), 'vigil-main-index-'));
  vi.resetModules();
});
afterEach(() => {
  rmSync(state.dir, { recursive: true, force: true });
  vi.clearAllMocks();
});

async function flush() {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('src/main/index.ts', () => {
  it('leaves without opening anything when another instance runs', async () => {
    state.lock = false;
    await import('../../src/main/index');
    await flush();
    expect(state.app.quit).toHaveBeenCalledOnce();
    expect(state.createCore).not.toHaveBeenCalled();
  });

  it('shows createCore failures in a dialog and exits', async () => {
    state.lock = true;
    vi.stubEnv('VIGIL_CATALOGUE', '/evidence/from-env');
    await import('../../src/main/index');
    await flush();
    vi.unstubAllEnvs();
    expect(state.createCore).toHaveBeenCalledWith(
      expect.objectContaining({ catalogueDir: '/evidence/from-env', appVersion: '1.2.3' }),
    );
    expect(state.showErrorBox).toHaveBeenCalledWith(expect.any(String), 'This catalogue was written by a newer Vigil.');
    expect(state.app.exit).toHaveBeenCalledWith(1);
    // The workstation id was made in the (temporary) user-data folder, nowhere else.
    expect(readdirSync(state.dir).length).toBeGreaterThan(0);
  });
});
