/**
 * The 2,000 persons of fixtures/persons/persons.csv: imported, re-imported without a single change, exported,
 * and the export imported into a fresh catalogue as the same persons.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { useCores } from '../../helpers/open-core';
import { allPersons, comparable, custodyEvents, hasPersonsFixture, PERSONS_CSV } from './persons-csv-helpers';

describe.skipIf(!hasPersonsFixture)('the fixture persons', () => {
  const { openCore, tempDir } = useCores();

  it('import, re-import unchanged, export, and the export into a fresh catalogue gives the same persons', async () => {
    const dir = tempDir();
    const catalogueDir = join(dir, 'cat');
    let core = await openCore({ catalogueDir });
    // Every row of the fixture has a name (checked when this test was written): nothing is invalid.
    expect(await core.importPersonsCsv(PERSONS_CSV)).toEqual({ created: 2000, updated: 0, unchanged: 0, invalid: [], cancelled: false });
    await core.close();
    const events = custodyEvents(catalogueDir).length;

    core = await openCore({ catalogueDir, create: false });
    expect(await core.importPersonsCsv(PERSONS_CSV)).toEqual({ created: 0, updated: 0, unchanged: 2000, invalid: [], cancelled: false });
    await core.close();
    expect(custodyEvents(catalogueDir)).toHaveLength(events);

    core = await openCore({ catalogueDir, create: false });
    const out = join(dir, 'export.csv');
    expect(await core.exportPersons(out)).toMatchObject({ rows: 2000, cancelled: false });
    // The export holds the fixture's cells as they were written, plus global_id; but "unknown" is no place, and
    // a name the row gives twice (in name_latin and again in other_names) is one name.
    const fixture = parse(readFileSync(PERSONS_CSV), { columns: true, bom: true }) as Array<Record<string, string>>;
    const exported = parse(readFileSync(out), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(exported.map(({ global_id: _g, ...rest }) => rest)).toEqual(
      fixture.map((r) => ({
        ...r,
        burial_place: r.burial_place === 'unknown' ? '' : r.burial_place,
        other_names: (r.other_names ?? '')
          .split(';')
          .map((n) => n.trim())
          .filter((n) => n && n !== r.name_fa && n !== r.name_latin)
          .join('; '),
      })),
    );
    expect(await core.importPersonsCsv(out)).toMatchObject({ created: 0, updated: 0, unchanged: 2000, invalid: [] });
    const original = (await allPersons(core)).map(comparable);

    const fresh = await openCore();
    expect(await fresh.importPersonsCsv(out)).toEqual({ created: 2000, updated: 0, unchanged: 0, invalid: [], cancelled: false });
    expect((await allPersons(fresh)).map(comparable)).toEqual(original);
    expect(await fresh.importPersonsCsv(out)).toMatchObject({ created: 0, unchanged: 2000 });
    expect((await fresh.verify()).ok).toBe(true);
  }, 240_000);
});
