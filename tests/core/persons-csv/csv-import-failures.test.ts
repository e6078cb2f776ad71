/**
 * A row that fails half-way (here: matching its prison is refused after its person was made) is rolled back
 * to nothing and reported, the rest of its batch commits, and what the failed row had added to the import's
 * in-memory indexes (a new source) is forgotten, so later rows do not point at records that were rolled back.
 */
import { describe, expect, it, vi } from 'vitest';
import { CatalogueError } from '../../../src/shared/errors';
import { useCores } from '../../helpers/open-core';
import { allPersons, HEADER, row, writeCsv } from './persons-csv-helpers';

vi.mock('../../../src/core/places/places-service', async (original) => {
  const real = await original<typeof import('../../../src/core/places/places-service')>();
  return {
    ...real,
    createPlacesService: (...args: Parameters<typeof real.createPlacesService>) => {
      const service = real.createPlacesService(...args);
      return {
        ...service,
        findOrCreateByName: (name: string, type: string, index: Parameters<typeof service.findOrCreateByName>[2]) => {
          if (name === 'Refused place') throw new CatalogueError('CONFLICT', 'This place cannot be used.');
          return service.findOrCreateByName(name, type, index);
        },
      };
    },
  };
});

describe('persons CSV import, a row failing half-way', () => {
  const { openCore, tempDir } = useCores();

  it('rolls the row back, reports it, keeps the rest of the batch, and forgets what the row had made', async () => {
    const core = await openCore();
    const path = writeCsv(tempDir(), 'p.csv', [
      HEADER,
      row({ ref: 'A', name_latin: 'Ali', prison: 'Evin', source: 'Roster' }),
      row({ ref: 'B', name_latin: 'Hamid', prison: 'Refused place', birth_place: 'Rasht', source: 'Only in row three' }),
      row({ ref: 'C', name_latin: 'Maryam', prison: 'Evin', birth_place: 'Rasht', source: 'Only in row three' }),
    ]);
    const summary = await core.importPersonsCsv(path);
    expect(summary).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      invalid: [{ row: 3, column: 'ref', reason: 'This place cannot be used. The row was not imported.' }],
      cancelled: false,
    });
    const persons = await allPersons(core);
    expect(persons.map((p) => p.externalRef)).toEqual(['A', 'C']);
    const maryam = persons[1]!;
    expect(maryam.places.map((l) => [l.type, l.to.label, l.source?.title])).toEqual([
      ['person-born-at', 'Rasht', 'Only in row three'],
      ['person-detained-at', 'Evin', 'Only in row three'],
    ]);
    expect((await core.api.listSources({})).rows.map((s) => s.title).sort()).toEqual(['Only in row three', 'Roster']);
    expect((await core.verify()).ok).toBe(true);
  });
});
