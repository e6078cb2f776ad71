import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { guardWebContents, installAppGuards, installSessionGuards, isAllowedRequestUrl } = await import(
  '../../src/main/security'
);

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function navigate(contents: FakeContents, name: string, url: string): boolean {
  const event = { url, preventDefault: vi.fn() };
  contents.emit(name, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

function guarded(): FakeContents {
  const contents = new FakeContents();
  guardWebContents(contents as never);
  return contents;
}

describe('web contents guards', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s blocks anything but the app', (name) => {
    const contents = guarded();
    expect(navigate(contents, name, 'https://example.org/')).toBe(true);
    expect(navigate(contents, name, 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, name, 'vigil://media/1/original')).toBe(true);
    expect(navigate(contents, name, 'vigil://app@example.org/')).toBe(true);
    expect(navigate(contents, name, 'vigil://app/index.html')).toBe(false);
  });

  it('denies every new window', () => {
    const contents = guarded();
    expect(contents.openHandler?.({ url: 'vigil://app/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const contents = guarded();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.org/' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('guards every web contents the app creates', () => {
    const app = new EventEmitter();
    installAppGuards(app as never);
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.openHandler).not.toBeNull();
    expect(navigate(contents, 'will-navigate', 'https://example.org/')).toBe(true);
  });
});

describe('session guards', () => {
  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  type CheckHandler = (...args: unknown[]) => boolean;
  type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

  function fakeSession() {
    const session = {
      requestHandler: null as RequestHandler | null,
      checkHandler: null as CheckHandler | null,
      beforeRequest: null as BeforeRequest | null,
      setPermissionRequestHandler(handler: RequestHandler) {
        session.requestHandler = handler;
      },
      setPermissionCheckHandler(handler: CheckHandler) {
        session.checkHandler = handler;
      },
      setSpellCheckerEnabled: vi.fn(),
      webRequest: {
        onBeforeRequest(handler: BeforeRequest) {
          session.beforeRequest = handler;
        },
      },
    };
    installSessionGuards(session as never);
    return session;
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])('denies the %s permission', (permission) => {
    const session = fakeSession();
    const callback = vi.fn();
    session.requestHandler!({}, permission, callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.checkHandler!({}, permission, 'vigil://app', {})).toBe(false);
  });

  it('turns the spellchecker off', () => {
    expect(fakeSession().setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });

  it.each([
    ['https://fonts.googleapis.com/css', true],
    ['http://127.0.0.1:8080/', true],
    ['ws://localhost/', true],
    ['file:///etc/passwd', true],
    ['ftp://example.org/', true],
    ['vigil://app/index.html', false],
    ['vigil://media/1/thumb', false],
    ['data:image/png;base64,AAAA', false],
    ['blob:vigil://app/5d1c', false],
    ['devtools://devtools/bundled/inspector.html', false],
  ])('cancels %s: %s', (url, cancel) => {
    const session = fakeSession();
    const callback = vi.fn();
    session.beforeRequest!({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel });
    expect(isAllowedRequestUrl(url)).toBe(!cancel);
  });

  it('cancels a URL that does not parse', () => {
    expect(isAllowedRequestUrl('not a url')).toBe(false);
  });
});
