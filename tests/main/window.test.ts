import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { createMainWindow, mainWindowOptions } = await import('../../src/main/window');

describe('main window', () => {
  it('uses the secure web preferences', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('is created hidden, loads the app URL and shows when ready', () => {
    const created: FakeWindow[] = [];
    class FakeWindow extends EventEmitter {
      show = vi.fn();
      loadURL = vi.fn(async (_url: string) => {});
      constructor(readonly options: unknown) {
        super();
        created.push(this);
      }
    }
    const window = createMainWindow({ BrowserWindow: FakeWindow as never, preloadPath: '/p.cjs' }) as unknown as FakeWindow;
    expect(created).toHaveLength(1);
    expect(window.options).toMatchObject({ show: false, webPreferences: { preload: '/p.cjs', sandbox: true } });
    expect(window.loadURL).toHaveBeenCalledWith('vigil://app/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});
