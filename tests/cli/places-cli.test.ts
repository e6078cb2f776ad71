/** `vigil places merge`: one place entered twice made one from the command line, with the app's rules. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/api/create-core';
import type { PlaceId } from '../../src/shared/ids';
import { cli } from '../helpers/cli';
import { useTempDirs } from '../helpers/temp-dir';

describe('vigil places merge', () => {
  const tempDir = useTempDirs();

  it('merges the second place into the first, says what moved, and refuses what cannot be merged', async () => {
    const cat = join(tempDir(), 'cat');
    expect((await cli(['--catalogue', cat, '--actor', 'Maryam', '--organisation', 'Archive', 'init'])).code).toBe(0);
    const setup = await createCore({ catalogueDir: cat, actor: { name: 'Setup', organisation: 'Tests' } });
    const evin = (await setup.api.createPlace({ type: 'prison', nameLatin: 'Evin' })).record;
    const evinFa = (await setup.api.createPlace({ type: 'prison', nameFa: 'اوین' })).record;
    const person = (await setup.api.createPerson({ names: [{ name: 'زهرا احمدی' }] })).record;
    await setup.api.createLink({ type: 'person-detained-at', personId: person.id, placeId: evinFa.id });
    await setup.close();

    // Usage errors: not place references, or one missing.
    expect((await cli(['--catalogue', cat, 'places', 'merge', 'PL-000001', 'V-000001'])).code).toBe(2);
    expect((await cli(['--catalogue', cat, 'places', 'merge', 'PL-000001'])).code).toBe(2);
    // Refused by the core, with its sentence: itself, a place that is not there.
    const self = await cli(['--catalogue', cat, 'places', 'merge', evin.ref, evin.ref]);
    expect(self).toMatchObject({ code: 1, stdout: '' });
    expect(self.stderr).toMatch(/^vigil: A place cannot be merged with itself/);
    expect((await cli(['--catalogue', cat, 'places', 'merge', evin.ref, 'PL-000099'])).code).toBe(1);

    const merged = await cli(['--catalogue', cat, 'places', 'merge', evin.ref, evinFa.ref]);
    expect(merged).toMatchObject({
      code: 0,
      stdout: `Merged ${evinFa.ref} اوین into ${evin.ref} Evin: 1 person(s) now linked to ${evin.ref}; ${evinFa.ref} is deleted as merged.\n`,
      stderr: '',
    });
    // Merging it again is refused: it is deleted now.
    const again = await cli(['--catalogue', cat, 'places', 'merge', evin.ref, evinFa.ref]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${evinFa.ref} is deleted`);

    const check = await createCore({ catalogueDir: cat, actor: { name: 'Check', organisation: 'Tests' } });
    try {
      expect(await check.api.getPlace({ id: evin.id as PlaceId })).toMatchObject({ nameFa: 'اوین', nameLatin: 'Evin', personCount: 1 });
      const gone = await check.api.getPlace({ id: evinFa.id as PlaceId });
      expect(gone).toMatchObject({ deleted: true, deletedReason: `Merged into ${evin.ref}` });
      expect(gone.custody.at(-1)).toMatchObject({ action: 'record-deleted', actor: 'Maryam' });
    } finally {
      await check.close();
    }
  });
});
