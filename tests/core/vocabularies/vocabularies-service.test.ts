import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/core/db/migrate';
import { createVocabulariesRepository } from '../../../src/core/vocabularies/vocabularies-repository';
import { createVocabulariesService } from '../../../src/core/vocabularies/vocabularies-service';
import { useTempDirs } from '../../helpers/temp-dir';

describe('vocabularies service', () => {
  const tempDir = useTempDirs();

  function setup() {
    const db = new Database(':memory:');
    migrate(db, { backupsDir: tempDir(), now: new Date() });
    return { db, vocabularies: createVocabulariesService(createVocabulariesRepository(db)) };
  }

  it('reads the seeded terms of every vocabulary, with both labels and the link types’ shapes', () => {
    const { vocabularies } = setup();
    const all = vocabularies.all();
    expect(all.roles.map((t) => t.code)).toEqual(['victim', 'witness', 'relative', 'source', 'alleged-perpetrator']);
    expect(all.certainty.map((t) => t.code)).toEqual(['confirmed', 'reported', 'suspected', 'disputed']);
    expect(all.fates.find((t) => t.code === 'executed')).toMatchObject({ labelEn: 'Executed', labelFa: 'اعدام‌شده' });
    expect(vocabularies.linkType('person-buried-at')).toMatchObject({ shape: 'person-place', inverseLabelEn: 'Buried here' });
    expect(vocabularies.placeType('mass-grave').graves).toBe(true);
    expect(vocabularies.placeType('prison').graves).toBe(false);
  });

  it('refuses a code that is not a term with a sentence naming the vocabulary and its terms', () => {
    const { vocabularies } = setup();
    expect(() => vocabularies.require('fates', 'martyred')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('"martyred" is not a fate of this catalogue (its terms: executed, disappeared') }),
    );
    // A very long code is cut short in the sentence.
    expect(() => vocabularies.require('roles', 'x'.repeat(500))).toThrow(expect.objectContaining({ message: expect.not.stringContaining('x'.repeat(61)) }));
  });

  it('finds a term by code or by label in either language, as a CSV file may write it', () => {
    const { vocabularies } = setup();
    expect(vocabularies.find('fates', 'Executed')?.code).toBe('executed');
    expect(vocabularies.find('fates', ' died in custody ')?.code).toBe('died-in-custody');
    expect(vocabularies.find('fates', 'اعدام‌شده')?.code).toBe('executed');
    expect(vocabularies.find('roles', 'Alleged Perpetrator')?.code).toBe('alleged-perpetrator');
    expect(vocabularies.find('fates', 'martyred')).toBeNull();
  });

  it('keeps the terms it read until told a term was added', () => {
    const { db, vocabularies } = setup();
    expect(vocabularies.find('roles', 'lawyer')).toBeNull();
    db.prepare("INSERT INTO vocab_roles (code, label_en, label_fa, sort) VALUES ('lawyer', 'Lawyer', 'وکیل', 10)").run();
    expect(vocabularies.find('roles', 'lawyer')).toBeNull();
    vocabularies.invalidate();
    expect(vocabularies.require('roles', 'lawyer')).toMatchObject({ labelFa: 'وکیل' });
  });
});
