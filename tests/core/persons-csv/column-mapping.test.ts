import { describe, expect, it } from 'vitest';
import { proposeMapping, resolveMapping } from '../../../src/core/persons-csv/column-mapping';
import { personsCsvColumns } from '../../../src/shared/dto';

describe('column mapping', () => {
  it('maps the exact column names, whatever their order', () => {
    const headers = [...personsCsvColumns].reverse();
    const mapping = proposeMapping(headers);
    for (const column of personsCsvColumns) expect(mapping[column]).toBe(column);
  });

  it('tolerates case, spaces, hyphens and underscores, and knows common synonyms', () => {
    const mapping = proposeMapping(['Reference', 'Name (Persian)', 'NAME-LATIN', "Father's name", 'Date of death', 'Place of Burial', 'Gender', 'Aliases', 'نام پدر', 'Comments', 'Unrelated']);
    expect(mapping).toMatchObject({
      ref: 'Reference',
      name_fa: 'Name (Persian)',
      name_latin: 'NAME-LATIN',
      father_name_latin: "Father's name",
      father_name_fa: 'نام پدر',
      death_date: 'Date of death',
      burial_place: 'Place of Burial',
      sex: 'Gender',
      other_names: 'Aliases',
      notes: 'Comments',
      prison: null,
      source: null,
    });
  });

  it('prefers an exact name to a synonym and uses each header once', () => {
    const mapping = proposeMapping(['Name', 'name_latin']);
    expect(mapping.name_latin).toBe('name_latin');
    expect(Object.values(mapping).filter((h) => h === 'Name')).toHaveLength(0);
  });

  it('refuses a mapping naming a header the file does not have, or no name column at all', () => {
    expect(() => resolveMapping(['ref', 'name'], { name_latin: 'Name' })).toThrow(/"Name" for name_latin, but the file has no such column/);
    expect(() => resolveMapping(['ref', 'name'], { ref: 'ref' })).toThrow(/No column of this file is read as a name/);
    expect(() => resolveMapping(['name', 'name'], { name_latin: 'name' })).toThrow(/two columns named "name"/);
  });

  it('finds the global_id column of Vigil’s own exports outside the mapping', () => {
    const headers = [...personsCsvColumns, 'global_id'];
    expect(resolveMapping(headers, proposeMapping(headers)).globalId).toBe(personsCsvColumns.length);
    expect(resolveMapping(['name_fa'], { name_fa: 'name_fa' }).globalId).toBeNull();
  });
});
