/** The only SQL over person_names: names are verbatim; their search keys are derived here on every write. */
import type { NameScript, NameType } from '../../shared/dto';
import type { PersonId, PersonNameId, SourceId } from '../../shared/ids';
import { nameKey } from '../../shared/names/name-key';
import type { Db } from '../db/open-database';

export interface NameRecord {
  id: PersonNameId;
  globalId: string;
  personId: PersonId;
  name: string;
  script: NameScript;
  language: string | null;
  type: NameType;
  preferred: boolean;
  sourceId: SourceId | null;
  importColumn: string | null;
}

interface DbName {
  id: number;
  global_id: string;
  person_id: number;
  name: string;
  script: NameScript;
  language: string | null;
  name_type: NameType;
  is_preferred: number;
  source_id: number | null;
  import_column: string | null;
}

const toRecord = (r: DbName): NameRecord => ({
  id: r.id as PersonNameId,
  globalId: r.global_id,
  personId: r.person_id as PersonId,
  name: r.name,
  script: r.script,
  language: r.language,
  type: r.name_type,
  preferred: r.is_preferred === 1,
  sourceId: r.source_id as SourceId | null,
  importColumn: r.import_column,
});

export type NameFields = Omit<NameRecord, 'id'>;

export function createPersonNamesRepository(db: Db) {
  const forPerson = db.prepare(
    "SELECT * FROM person_names WHERE person_id = ? ORDER BY CASE script WHEN 'persian' THEN 0 WHEN 'latin' THEN 1 ELSE 2 END, is_preferred DESC, id",
  );
  const byId = db.prepare('SELECT * FROM person_names WHERE id = ?');
  const byGlobalId = db.prepare('SELECT * FROM person_names WHERE global_id = ?');
  const insert = db.prepare(`
    INSERT INTO person_names (id, global_id, person_id, name, script, language, name_type, is_preferred, search_key, source_id, import_column)
    VALUES (@id, @globalId, @personId, @name, @script, @language, @type, @preferred, @searchKey, @sourceId, @importColumn)`);
  const update = db.prepare(`
    UPDATE person_names SET name = @name, script = @script, language = @language, name_type = @type, is_preferred = @preferred,
      search_key = @searchKey, source_id = @sourceId, import_column = @importColumn WHERE id = @id`);
  const remove = db.prepare('DELETE FROM person_names WHERE id = ?');
  const unprefer = db.prepare('UPDATE person_names SET is_preferred = 0 WHERE person_id = ? AND script = ? AND id <> ? AND is_preferred = 1');
  const countForPerson = db.prepare('SELECT count(*) FROM person_names WHERE person_id = ?').pluck();

  const params = (fields: NameFields, id: number | null) => ({
    id,
    globalId: fields.globalId,
    personId: fields.personId,
    name: fields.name,
    script: fields.script,
    language: fields.language,
    type: fields.type,
    preferred: fields.preferred ? 1 : 0,
    searchKey: nameKey(fields.name),
    sourceId: fields.sourceId,
    importColumn: fields.importColumn,
  });

  return {
    forPerson(personId: number): NameRecord[] {
      return (forPerson.all(personId) as DbName[]).map(toRecord);
    },
    get(id: number): NameRecord | null {
      const row = byId.get(id) as DbName | undefined;
      return row ? toRecord(row) : null;
    },
    byGlobalId(globalId: string): NameRecord | null {
      const row = byGlobalId.get(globalId) as DbName | undefined;
      return row ? toRecord(row) : null;
    },
    /** Inserts a name; `id` restores a removed name under its old number (undo). One preferred name per script. */
    insert(fields: NameFields, id: number | null = null): PersonNameId {
      // The unique index allows one preferred name per script: the others give way first.
      if (fields.preferred) unprefer.run(fields.personId, fields.script, id ?? 0);
      return Number(insert.run(params(fields, id)).lastInsertRowid) as PersonNameId;
    },
    /** A name of a person just created, whose names are added in order: nothing to take the preferred mark from. */
    insertNew(fields: NameFields): PersonNameId {
      return Number(insert.run(params(fields, null)).lastInsertRowid) as PersonNameId;
    },
    update(id: number, fields: NameFields): void {
      if (fields.preferred) unprefer.run(fields.personId, fields.script, id);
      update.run(params(fields, id));
    },
    remove(id: number): void {
      remove.run(id);
    },
    count(personId: number): number {
      return countForPerson.get(personId) as number;
    },
  };
}

export type PersonNamesRepository = ReturnType<typeof createPersonNamesRepository>;
