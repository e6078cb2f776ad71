import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectScript, nameKey } from '../../../src/shared/names/name-key';
import { FIXTURES_DIR } from '../../helpers/fixtures';

const persianFile = `${FIXTURES_DIR}names/persian-normalisation.json`;

describe('nameKey', () => {
  it('folds case, diacritics, apostrophes and spaces in Latin names', () => {
    expect(nameKey("Ja'far  Pūr-Ḥasan")).toBe(nameKey('jafar purhasan'));
    expect(nameKey('Rezaei')).not.toBe(nameKey('Rezai'));
  });

  describe.skipIf(!existsSync(persianFile))('the Persian normalisation vectors', () => {
    const vectors = existsSync(persianFile)
      ? (JSON.parse(readFileSync(persianFile, 'utf8')) as { sameKey: Array<{ why: string; forms: string[] }>; differentKey: Array<{ why: string; forms: string[] }> })
      : { sameKey: [], differentKey: [] };
    it.each(vectors.sameKey.map((g) => [g.why, g.forms] as const))('gives one key to every form: %s', (_why, forms) => {
      expect(new Set(forms.map(nameKey)).size).toBe(1);
    });
    it.each(vectors.differentKey.map((g) => [g.why, g.forms] as const))('keeps different names apart: %s', (_why, forms) => {
      expect(new Set(forms.map(nameKey)).size).toBe(forms.length);
    });
  });

  it('detects the script a name is written in', () => {
    expect(detectScript('محمد رضایی')).toBe('persian');
    expect(detectScript('Mohammad Rezaei')).toBe('latin');
    expect(detectScript('Иван')).toBe('other');
  });
});
