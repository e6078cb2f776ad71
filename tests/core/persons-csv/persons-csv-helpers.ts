/** What the persons CSV tests share: writing CSV files, reading persons back in a comparable form, counting events. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../../src/core/api/core-types';
import type { PersonDetail, PersonId } from '../../../src/shared/dto';
import { FIXTURES_DIR } from '../../helpers/fixtures';

export const PERSONS_CSV = `${FIXTURES_DIR}persons/persons.csv`;
export const hasPersonsFixture = existsSync(PERSONS_CSV);

export const HEADER = 'ref,name_fa,name_latin,other_names,father_name_fa,father_name_latin,sex,birth_date,birth_place,arrest_date,prison,fate,death_date,death_place,burial_place,affiliation,notes,source';

/** A row of the import format from the cells given by column name (the rest empty), as CSV text (quoted where needed). */
export function row(cells: Record<string, string>): string {
  return HEADER.split(',')
    .map((column) => {
      const value = cells[column] ?? '';
      return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    })
    .join(',');
}

export function writeCsv(dir: string, name: string, lines: string[], options: { bom?: boolean; eol?: string } = {}): string {
  const path = join(dir, name);
  writeFileSync(path, (options.bom ? '\ufeff' : '') + lines.join(options.eol ?? '\n') + (options.eol ?? '\n'));
  return path;
}

/** Every live person, in reference order, with everything the CSV carries. */
export async function allPersons(core: Core): Promise<PersonDetail[]> {
  const out: PersonDetail[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await core.api.listPersons({ offset, limit: 500, sort: 'ref' });
    for (const p of page.rows) out.push(await core.api.getPerson({ id: p.id as PersonId }));
    if (offset + 500 >= page.total) return out;
  }
}

/** A person as the CSV sees them, comparable across catalogues (no ids, no global ids, no times). */
export function comparable(p: PersonDetail) {
  const placesOf = (type: string) =>
    p.places
      .filter((l) => l.type === type)
      .map((l) => l.to.label)
      .sort();
  return {
    externalRef: p.externalRef,
    names: p.names.map((n) => `${n.script}:${n.name}`).sort(),
    fatherNameFa: p.fatherNameFa,
    fatherNameLatin: p.fatherNameLatin,
    sex: p.sex,
    fate: p.fate,
    birthDate: p.birthDate?.original ?? null,
    arrestDate: p.arrestDate?.original ?? null,
    deathDate: p.deathDate?.original ?? null,
    affiliation: p.affiliation,
    notes: p.notes,
    born: placesOf('person-born-at'),
    detained: placesOf('person-detained-at'),
    killed: placesOf('person-killed-at'),
    buried: placesOf('person-buried-at'),
  };
}

/** The number of custody events in a closed catalogue (the open core holds the database exclusively). */
export function custodyEvents(catalogueDir: string): Array<{ action: string; details: Record<string, unknown>; targetType: string | null }> {
  const db = new Database(join(catalogueDir, 'catalogue.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT action, details_json, target_type FROM custody_events ORDER BY seq').all() as Array<{ action: string; details_json: string; target_type: string | null }>).map((r) => ({
      action: r.action,
      details: JSON.parse(r.details_json) as Record<string, unknown>,
      targetType: r.target_type,
    }));
  } finally {
    db.close();
  }
}
