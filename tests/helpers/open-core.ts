/** Opens a core on a fresh temporary catalogue with a fixed clock; closes every core after the test. */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type CreateCoreOptions } from '../../src/core/api/create-core';
import type { Core } from '../../src/core/api/core-types';
import { useTempDirs } from './temp-dir';

export const TEST_WORKSTATION = '00000000-0000-4000-8000-000000000001';
/** Tests act as this archivist unless they pass `actor: undefined` to see what happens without one. */
export const TEST_ACTOR = { name: 'Test Archivist', organisation: 'Test Archive' };

export function useCores() {
  const tempDir = useTempDirs();
  const open: Core[] = [];
  afterEach(async () => {
    for (const core of open.splice(0)) await core.close();
  });
  return {
    tempDir,
    async openCore(options: Partial<CreateCoreOptions> = {}): Promise<Core> {
      const core = await createCore({
        catalogueDir: options.catalogueDir ?? join(tempDir('vigil-cat'), 'catalogue'),
        create: true,
        actor: TEST_ACTOR,
        workstationId: TEST_WORKSTATION,
        appVersion: '0.0.0-test',
        timeZone: 'Asia/Tehran',
        now: () => new Date('2026-11-27T10:00:00.000Z'),
        ...options,
      });
      open.push(core);
      return core;
    },
  };
}
