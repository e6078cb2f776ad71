import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCores } from '../../helpers/open-core';
import { png } from '../../helpers/sample-files';
import type { PlaceId } from '../../../src/shared/ids';

describe('search (foundation)', () => {
  const { openCore, tempDir } = useCores();

  it('finds persons by any name or father name, items and places, in either script; wildcards match themselves', async () => {
    const core = await openCore();
    const place = await core.api.createPlace({ type: 'prison', nameFa: 'زندان اوین', nameLatin: 'Evin Prison' });
    const person = await core.api.createPerson({
      names: [{ name: 'محمد رضایی' }, { name: 'Mohammad Rezaei' }],
      fatherNameLatin: 'Hossein',
    });
    await core.api.createLink({ type: 'person-detained-at', personId: person.record.id, placeId: place.record.id as PlaceId });
    const src = tempDir('src');
    writeFileSync(join(src, 'evin-1988.png'), await png(3));
    await core.importPaths([src]);

    expect(await core.api.search({ query: 'rezaei' })).toEqual([{ type: 'person', id: 1, ref: 'V-000001', label: 'Mohammad Rezaei', score: 1 }]);
    // Arabic yeh typed for the Persian one still finds the name.
    expect((await core.api.search({ query: 'رضايي' }))[0]).toMatchObject({ type: 'person', ref: 'V-000001' });
    expect((await core.api.search({ query: 'hossein' }))[0]).toMatchObject({ type: 'person' });
    expect((await core.api.search({ query: 'evin' })).map((h) => h.type).sort()).toEqual(['item', 'place']);
    expect(await core.api.search({ query: '%' })).toEqual([]);
    expect(await core.api.search({ query: '   ' })).toEqual([]);

    const persons = await core.api.listPersons({});
    expect(persons.total).toBe(1);
    expect(persons.rows[0]).toMatchObject({ ref: 'V-000001', nameFa: 'محمد رضایی', nameLatin: 'Mohammad Rezaei', roles: ['victim'], prison: 'Evin Prison' });
    expect((await core.api.getStatus()).counts).toMatchObject({ persons: 1, places: 1, items: 1 });
  });
});
