/**
 * The place form's values as typed, and what they become for the contract: a PlaceInput for a new place, or
 * a PlacePatch holding only what changed. Coordinates are read here (Persian and Arabic-Indic digits too),
 * and refused with a sentence before anything is sent.
 */
import type { PlaceDetail, PlaceInput, PlacePatch, PlaceTypeTerm, Sensitivity } from '../../shared/dto';
import type { PlaceId } from '../../shared/ids';

export interface PlaceFormValues {
  type: string;
  nameFa: string;
  nameLatin: string;
  parent: { id: PlaceId; label: string } | null;
  lat: string;
  lon: string;
  coordinatesSensitivity: Sensitivity;
  /** True once the archivist chose the coordinates' sensitivity: a change of type then leaves it alone. */
  coordinatesSensitivityChosen: boolean;
  sensitivity: Sensitivity;
  notes: string;
}

export const sensitivities: Array<{ value: Sensitivity; label: string }> = [
  { value: 'public', label: 'Public' },
  { value: 'restricted', label: 'Restricted' },
  { value: 'confidential', label: 'Strictly confidential' },
];

export function sensitivityLabel(value: Sensitivity): string {
  return sensitivities.find((s) => s.value === value)?.label ?? value;
}

/** Grave coordinates are strictly confidential by default (DESIGN.md §4); other places' restricted. */
export function defaultCoordinatesSensitivity(type: PlaceTypeTerm | null | undefined): Sensitivity {
  return type?.graves ? 'confidential' : 'restricted';
}

export function emptyPlaceForm(types: readonly PlaceTypeTerm[], type?: string): PlaceFormValues {
  const chosen = types.find((t) => t.code === type) ?? types[0] ?? null;
  return {
    type: chosen?.code ?? '',
    nameFa: '',
    nameLatin: '',
    parent: null,
    lat: '',
    lon: '',
    coordinatesSensitivity: defaultCoordinatesSensitivity(chosen),
    coordinatesSensitivityChosen: false,
    sensitivity: 'restricted',
    notes: '',
  };
}

export function placeFormOf(place: PlaceDetail): PlaceFormValues {
  return {
    type: place.type,
    nameFa: place.nameFa ?? '',
    nameLatin: place.nameLatin ?? '',
    parent: place.parentId === null ? null : { id: place.parentId, label: place.parentLabel ?? `Place ${place.parentId}` },
    lat: place.lat === null ? '' : String(place.lat),
    lon: place.lon === null ? '' : String(place.lon),
    coordinatesSensitivity: place.coordinatesSensitivity,
    // A recorded place's sensitivity was decided already; a change of its type does not overturn it.
    coordinatesSensitivityChosen: true,
    sensitivity: place.sensitivity,
    notes: place.notes ?? '',
  };
}

/** A change of type: the coordinates' sensitivity follows the new type's default until it is chosen by hand. */
export function withType(values: PlaceFormValues, code: string, types: readonly PlaceTypeTerm[]): PlaceFormValues {
  const next = { ...values, type: code };
  if (!values.coordinatesSensitivityChosen) next.coordinatesSensitivity = defaultCoordinatesSensitivity(types.find((t) => t.code === code));
  return next;
}

const otherDigits = /[\u06f0-\u06f9\u0660-\u0669]/g;

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits as Latin ones, the Persian decimal separator (٫) as a point. */
export function latinDigits(text: string): string {
  return text
    .replace(otherDigits, (d) => String((d.codePointAt(0)! - (d >= '\u06f0' ? 0x06f0 : 0x0660)) % 10))
    .replace(/[\u066b]/g, '.')
    .replace(/[\u2212]/g, '-');
}

function readCoordinate(text: string, limit: number): number | null | 'invalid' {
  const trimmed = latinDigits(text.trim());
  if (trimmed === '') return null;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return 'invalid';
  const value = Number(trimmed);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : 'invalid';
}

export type PlaceFormErrors = Partial<Record<'type' | 'names' | 'lat' | 'lon', string>>;

export interface ReadPlaceForm {
  errors: PlaceFormErrors;
  input: PlaceInput | null;
}

/** The form as a PlaceInput, or the sentences that say what to fix. */
export function readPlaceForm(values: PlaceFormValues): ReadPlaceForm {
  const errors: PlaceFormErrors = {};
  if (!values.type) errors.type = 'Choose what kind of place this is.';
  const nameFa = values.nameFa.trim();
  const nameLatin = values.nameLatin.trim();
  if (!nameFa && !nameLatin) errors.names = 'Give the place a name in Persian script, in Latin script, or both.';
  const lat = readCoordinate(values.lat, 90);
  const lon = readCoordinate(values.lon, 180);
  if (lat === 'invalid') errors.lat = 'Latitude is a number of degrees from −90 to 90, for example 35.7983.';
  if (lon === 'invalid') errors.lon = 'Longitude is a number of degrees from −180 to 180, for example 51.3890.';
  if (!errors.lat && !errors.lon && (lat === null) !== (lon === null)) {
    if (lat === null) errors.lat = 'Give the latitude too, or neither.';
    else errors.lon = 'Give the longitude too, or neither.';
  }
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return {
    errors,
    input: {
      type: values.type,
      nameFa: nameFa || null,
      nameLatin: nameLatin || null,
      parentId: values.parent?.id ?? null,
      lat: lat as number | null,
      lon: lon as number | null,
      coordinatesSensitivity: values.coordinatesSensitivity,
      sensitivity: values.sensitivity,
      notes: values.notes.trim() || null,
    },
  };
}

/** Only the fields that differ from the place as recorded; empty when nothing changed. */
export function placePatch(place: PlaceDetail, input: PlaceInput): PlacePatch {
  const before: PlaceInput = {
    type: place.type,
    nameFa: place.nameFa,
    nameLatin: place.nameLatin,
    parentId: place.parentId,
    lat: place.lat,
    lon: place.lon,
    coordinatesSensitivity: place.coordinatesSensitivity,
    sensitivity: place.sensitivity,
    notes: place.notes,
  };
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(input) as Array<keyof PlaceInput>) {
    if (input[key] !== undefined && input[key] !== before[key]) patch[key] = input[key];
  }
  return patch as PlacePatch;
}
