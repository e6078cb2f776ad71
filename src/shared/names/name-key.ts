/**
 * Search keys for names (DESIGN.md §5): the verbatim name is always kept; the key is what matching compares.
 * This first key serves substring matching (the person picker, list filters, CSV place matching). It folds
 * what makes the same written name look different: Arabic and Persian letter forms, vowel marks, tatweel,
 * presentation forms, joiners and bidi marks, spaces and ZWNJ between parts, digits of any script; for Latin
 * letters, case, diacritics and apostrophes. Transliteration (x/kh, ou/u, ...) and fuzzy scoring belong to the
 * search issue, which can recompute every key from the verbatim names.
 *
 * Hand-written: no library folds Persian script this way (the fixtures in fixtures/names say what must match).
 */

/** Single letters folded to one form (Arabic forms to Persian, hamza carriers to their base letter). */
const LETTERS: Record<string, string> = {
  'ي': 'ی', // Arabic yeh
  'ى': 'ی', // alef maksura
  'ئ': 'ی', // yeh with hamza
  'ك': 'ک', // Arabic kaf
  'ہ': 'ه', // heh goal
  'ۀ': 'ه', // heh with yeh above
  'ة': 'ه', // teh marbuta
  'ؤ': 'و', // waw with hamza
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
};

/** Arabic vowel marks and other combining marks, tatweel, joiners, bidi controls, BOM. */
const DROPPED = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0654\u0655]/g;
const DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

function foldDigit(d: string): string {
  const code = d.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

export function nameKey(name: string): string {
  return (
    name
      // NFKC turns presentation forms and ligatures (ﷲ, ﻣﺤﻤﺪ) into ordinary letters.
      .normalize('NFKC')
      .replace(DROPPED, '')
      .replace(DIGITS, foldDigit)
      .replace(/[يىئكہۀةؤأإآٱ]/g, (c) => LETTERS[c] ?? c)
      // Latin: strip diacritics (é → e) through the decomposed form.
      .normalize('NFD')
      .replace(/\p{Mn}/gu, '')
      .toLowerCase()
      // Spaces, ZWNJ, apostrophes, ayn and hamza marks, hyphens: parts of a name may be joined or not.
      .replace(/[^\p{L}\p{N}]/gu, '')
  );
}

export type DetectedScript = 'persian' | 'latin' | 'other';

/** The script a name is written in: Persian (Arabic letters), Latin, or other. */
export function detectScript(name: string): DetectedScript {
  if (/[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]/.test(name)) return 'persian';
  if (/\p{Script=Latin}/u.test(name)) return 'latin';
  return 'other';
}
