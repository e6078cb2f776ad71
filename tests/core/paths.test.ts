import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, loadWorkstationId, resolveCatalogueDir } from '../../src/core/paths';
import { useTempDirs } from '../helpers/temp-dir';

describe('paths', () => {
  const tempDir = useTempDirs();

  it('matches Electron userData for productName Vigil on each platform', () => {
    expect(defaultUserDataDir({ platform: 'linux', env: {}, homedir: '/home/a' })).toBe('/home/a/.config/Vigil');
    expect(defaultUserDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x' }, homedir: '/home/a' })).toBe('/x/Vigil');
    expect(defaultUserDataDir({ platform: 'darwin', env: {}, homedir: '/Users/a' })).toBe('/Users/a/Library/Application Support/Vigil');
    expect(defaultUserDataDir({ platform: 'win32', env: { APPDATA: 'C:/Users/a/AppData/Roaming' }, homedir: 'C:/Users/a' })).toBe(join('C:/Users/a/AppData/Roaming', 'Vigil'));
  });

  it('resolves the catalogue: --catalogue, then VIGIL_CATALOGUE, then the default', () => {
    const info = { platform: 'linux' as const, env: { VIGIL_CATALOGUE: '/env/cat' }, homedir: '/home/a' };
    expect(resolveCatalogueDir('/flag/cat', info)).toBe('/flag/cat');
    expect(resolveCatalogueDir(undefined, info)).toBe('/env/cat');
    expect(resolveCatalogueDir(undefined, { ...info, env: {} })).toBe('/home/a/.config/Vigil/catalogue');
  });

  it('keeps one random workstation id per user-data folder and replaces a corrupt one', () => {
    const dir = join(tempDir(), 'userdata');
    const id = loadWorkstationId(dir);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(loadWorkstationId(dir)).toBe(id);
    expect(loadWorkstationId(join(tempDir(), 'other'))).not.toBe(id);
    writeFileSync(join(dir, 'workstation.json'), '{"workstationId": "<script>"}');
    const replaced = loadWorkstationId(dir);
    expect(replaced).not.toBe('<script>');
    expect(JSON.parse(readFileSync(join(dir, 'workstation.json'), 'utf8')).workstationId).toBe(replaced);
  });
});
