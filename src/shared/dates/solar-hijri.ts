/**
 * The Solar Hijri (Jalaali, Iranian) calendar: month names, reading Persian text, and conversion.
 *
 * Conversion and month lengths come from jalaali-js (Borkowski's algorithm, exact for the years
 * this catalogue holds). What is written by hand here is only what no library does: recognising
 * month names as archivists type them (Latin transliterations and Persian script with its Arabic
 * letter variants) and reading Persian (۰–۹) and Arabic-Indic (٠–٩) digits. Intl can write those
 * digits but cannot read them back.
 */
import { isValidJalaaliDate, jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import { formatIsoDay, type DayParts } from './iso-day';

/** Latin month names used for display (the forms most English-language sources use). */
export const SOLAR_HIJRI_MONTH_NAMES = [
  'Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar',
  'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand',
] as const;

/**
 * Spellings accepted on input, month by month. Case and diacritics do not matter (Mordād, ĀBĀN),
 * nor do Arabic yeh/kaf, ZWNJ or spaces inside a Persian name: foldDateText removes those
 * differences before lookup, from these keys as well as from the input.
 */
const MONTH_SPELLINGS: readonly (readonly string[])[] = [
  ['Farvardin', 'فروردین'],
  ['Ordibehesht', 'Ordibehest', 'اردیبهشت'],
  ['Khordad', 'خرداد'],
  ['Tir', 'تیر'],
  ['Mordad', 'Amordad', 'مرداد', 'امرداد'],
  ['Shahrivar', 'Sharivar', 'شهریور'],
  ['Mehr', 'مهر'],
  ['Aban', 'آبان'],
  ['Azar', 'آذر'],
  ['Dey', 'Dei', 'دی'],
  ['Bahman', 'بهمن'],
  ['Esfand', 'Isfand', 'اسفند'],
];

/** Persian writes "Mordad month" (مرداد ماه) as often as plain "Mordad"; the word adds nothing. */
const PERSIAN_WORD_MONTH = 'ماه';

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** True when the text has Persian or Arabic-Indic digits (such a year is read as Solar Hijri). */
export function hasEasternDigits(text: string): boolean {
  return /[\u06F0-\u06F9\u0660-\u0669]/.test(text);
}

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII 0–9; everything else unchanged. */
export function toLatinDigits(text: string): string {
  return text
    .replace(/[\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) - PERSIAN_ZERO))
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - ARABIC_INDIC_ZERO));
}

/**
 * A comparison form of date text, never stored: Latin digits, compatibility forms unfolded (so
 * Arabic presentation forms copied from PDFs and full-width digits read normally), diacritics and
 * Arabic vowel marks dropped (Ā → A, آ → ا), invisible format characters (ZWNJ, bidi marks) and
 * tatweel removed, Arabic yeh/alef maksura/kaf → Persian yeh/kaf, Arabic ? and , → ASCII,
 * lower case, single spaces.
 */
export function foldDateText(text: string): string {
  return toLatinDigits(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\p{Cf}\u0640]/gu, '')
    .replace(/[\u064A\u0649]/g, '\u06CC')
    .replace(/\u0643/g, '\u06A9')
    .replace(/\u061F/g, '?')
    .replace(/\u060C/g, ',')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

const MONTH_BY_SPELLING: ReadonlyMap<string, number> = new Map(
  MONTH_SPELLINGS.flatMap((spellings, index) => spellings.map((spelling) => [monthKey(spelling), index + 1] as const)),
);

function monthKey(word: string): string {
  return foldDateText(word).replace(/ /g, '');
}

/** Month number 1–12 for a month name as typed (already folded or not), or null. */
export function solarHijriMonthFromName(word: string): number | null {
  const key = monthKey(word);
  const direct = MONTH_BY_SPELLING.get(key);
  if (direct !== undefined) return direct;
  if (key.endsWith(PERSIAN_WORD_MONTH)) return MONTH_BY_SPELLING.get(key.slice(0, -PERSIAN_WORD_MONTH.length)) ?? null;
  return null;
}

export function solarHijriMonthName(month: number): string {
  return SOLAR_HIJRI_MONTH_NAMES[month - 1] ?? String(month);
}

export function solarHijriMonthLength(year: number, month: number): number {
  return jalaaliMonthLength(year, month);
}

export function isValidSolarHijriDate(year: number, month: number, day: number): boolean {
  return isValidJalaaliDate(year, month, day);
}

/** The Gregorian day, as 'YYYY-MM-DD', of a valid Solar Hijri date. */
export function solarHijriToIsoDay(year: number, month: number, day: number): string {
  const { gy, gm, gd } = toGregorian(year, month, day);
  return formatIsoDay({ year: gy, month: gm, day: gd });
}

/** The Solar Hijri date of a Gregorian day. */
export function gregorianToSolarHijri({ year, month, day }: DayParts): DayParts {
  const { jy, jm, jd } = toJalaali(year, month, day);
  return { year: jy, month: jm, day: jd };
}
