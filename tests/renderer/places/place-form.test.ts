import { describe, expect, it } from 'vitest';
import { defaultCoordinatesSensitivity, emptyPlaceForm, latinDigits, placePatch, readPlaceForm, withType } from '../../../src/renderer/places/place-form';
import { place, placeDetail, vocabularies } from '../fake-client';

const types = vocabularies().placeTypes;

describe('place form', () => {
  it('defaults the coordinates of a type with graves to strictly confidential, others to restricted', () => {
    expect(defaultCoordinatesSensitivity(types.find((t) => t.code === 'mass-grave'))).toBe('confidential');
    expect(defaultCoordinatesSensitivity(types.find((t) => t.code === 'prison'))).toBe('restricted');
    expect(emptyPlaceForm(types, 'mass-grave').coordinatesSensitivity).toBe('confidential');
    const chosen = { ...emptyPlaceForm(types), coordinatesSensitivity: 'public' as const, coordinatesSensitivityChosen: true };
    expect(withType(chosen, 'mass-grave', types).coordinatesSensitivity).toBe('public');
  });

  it('reads Persian and Arabic-Indic digits and refuses coordinates out of range or alone', () => {
    expect(latinDigits('۳۵٫۷۹۸۳')).toBe('35.7983');
    expect(latinDigits('٥١٫٣٨٩')).toBe('51.389');
    const base = { ...emptyPlaceForm(types), nameLatin: 'X' };
    expect(readPlaceForm({ ...base, lat: '−12.5', lon: '۴۰' }).input).toMatchObject({ lat: -12.5, lon: 40 });
    expect(readPlaceForm({ ...base, lat: '91', lon: '0' }).errors.lat).toMatch(/−90 to 90/);
    expect(readPlaceForm({ ...base, lat: '1e2', lon: '0' }).errors.lat).toBeDefined();
    expect(readPlaceForm({ ...base, lat: '', lon: '3' }).errors.lat).toBe('Give the latitude too, or neither.');
    expect(readPlaceForm({ ...base, nameLatin: '  ' }).errors.names).toBeDefined();
    expect(readPlaceForm(base).input).toMatchObject({ lat: null, lon: null, nameFa: null, nameLatin: 'X', notes: null });
  });

  it('patches only what changed', () => {
    const detail = placeDetail(place({ nameLatin: 'Evin', nameFa: 'اوین' }), { lat: 35.8, lon: 51.4, coordinatesSensitivity: 'restricted' });
    const input = readPlaceForm({ ...emptyPlaceForm(types), type: detail.type, nameFa: 'اوین', nameLatin: 'Evin', lat: '35.8', lon: '51.4', coordinatesSensitivity: 'confidential' }).input!;
    expect(placePatch(detail, input)).toEqual({ coordinatesSensitivity: 'confidential' });
  });
});
