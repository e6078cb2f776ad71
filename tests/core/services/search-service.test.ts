import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { likePattern } from '../../../src/core/services/search-service';
import { useCores } from '../../helpers/open-core';

describe('search (foundation)', () => {
  const { openCore, tempDir } = useCores();

  it('escapes LIKE wildcards so they match literally', () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });

  it('finds persons by any name or father name, items and places, in either script', async () => {
    const dir = join(tempDir(), 'cat');
    await (await openCore({ catalogueDir: dir })).close();
    const db = new Database(join(dir, 'catalogue.sqlite'));
    const t = '2026-01-01T00:00:00Z';
    db.prepare("INSERT INTO places (type, name_fa, name_latin, created_at, updated_at) VALUES ('prison', 'زندان اوین', 'Evin Prison', ?, ?)").run(t, t);
    db.prepare('INSERT INTO persons (father_name, prison_id, created_at, updated_at) VALUES (?, 1, ?, ?)').run('Hossein', t, t);
    db.prepare("INSERT INTO person_names (person_id, name, script, is_preferred) VALUES (1, 'محمد رضایی', 'persian', 1), (1, 'Mohammad Rezaei', 'latin', 1)").run();
    db.prepare("INSERT INTO items (sha256, size, mime, kind, original_name, title, imported_at, updated_at) VALUES (?, 1, 'image/jpeg', 'photo', 'evin-1988.jpg', NULL, ?, ?)").run('b'.repeat(64), t, t);
    db.close();

    const core = await openCore({ catalogueDir: dir });
    expect(await core.api.search({ query: 'rezaei' })).toEqual([{ type: 'person', id: 1, ref: 'V-000001', label: 'Mohammad Rezaei', score: 1 }]);
    expect((await core.api.search({ query: 'رضایی' }))[0]).toMatchObject({ type: 'person', ref: 'V-000001' });
    expect((await core.api.search({ query: 'hossein' }))[0]).toMatchObject({ type: 'person' });
    expect((await core.api.search({ query: 'evin' })).map((h) => h.type).sort()).toEqual(['item', 'place']);
    expect(await core.api.search({ query: '%' })).toEqual([]);
    expect(await core.api.search({ query: '   ' })).toEqual([]);

    const persons = await core.api.listPersons({});
    expect(persons).toEqual({
      total: 1,
      offset: 0,
      rows: [{ id: 1, ref: 'V-000001', nameFa: 'محمد رضایی', nameLatin: 'Mohammad Rezaei', fate: null, deathDate: null, prison: 'Evin Prison' }],
    });
    expect((await core.api.getStatus()).counts).toMatchObject({ persons: 1, places: 1, items: 1 });
    expect((await core.api.listItems({ offset: 1 })).rows).toEqual([]);
  });
});
