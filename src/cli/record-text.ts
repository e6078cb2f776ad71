/**
 * Persons and places as `vigil show` prints them: one `field  value` line each, untrusted text escaped for
 * the terminal, both calendars for dates.
 */
import { describeHistoricalDate, type HistoricalDate } from '../shared/dates/historical-date';
import type { PersonDetail, PlaceDetail } from '../shared/dto';
import { terminalText } from './terminal-text';

const line = (label: string, value: string | null | undefined) => (value ? `${label.padEnd(13)} ${terminalText(value)}\n` : '');

function dateText(date: HistoricalDate | null): string | null {
  if (!date) return null;
  const d = describeHistoricalDate(date);
  return `${d.gregorian} (${d.solarHijri}) — as recorded: "${date.original}"`;
}

export function personText(person: PersonDetail): string {
  let out = line('ref', person.ref) + line('global id', person.globalId);
  if (person.deletedAt) out += line('deleted', `${person.deletedAt}: ${person.deletedReason ?? ''}`);
  for (const name of person.names) {
    out += line('name', `${name.name}  [${name.script}, ${name.type}${name.preferred ? ', preferred' : ''}]${name.source ? ` source: ${name.source.title}` : ''}`);
  }
  out += line('roles', person.roles.join(', '));
  out += line('father', [person.fatherNameFa, person.fatherNameLatin].filter(Boolean).join(' / '));
  out += line('sex', person.sex);
  out += line('born', dateText(person.birthDate));
  out += line('arrested', dateText(person.arrestDate));
  out += line('fate', person.fate);
  out += line('died', dateText(person.deathDate));
  out += line('affiliation', person.affiliation);
  for (const link of person.places) out += line(link.type.replace(/^person-/, ''), `${link.to.label} (${link.to.ref}, ${link.certainty})`);
  for (const link of person.relatives) {
    const other = link.from.id === person.id ? link.to : link.from;
    out += line('relative', `${other.label} (${other.ref})${link.relationship ? `: ${link.relationship}` : ''}`);
  }
  for (const { link, item } of person.items) out += line(link.type.replace(/^item-|-person$/g, ''), `${item.ref} ${item.title ?? item.originalName}`);
  out += line('tags', person.tags.map((t) => t.labelEn ?? t.labelFa).join(', '));
  out += line('custody', `${person.custody.length} event(s): ${person.custody.map((c) => c.action).join(', ')}`);
  return out;
}

export function placeText(place: PlaceDetail): string {
  let out = line('ref', place.ref) + line('global id', place.globalId);
  out += line('type', place.type);
  out += line('name (fa)', place.nameFa) + line('name (latin)', place.nameLatin);
  out += line('inside', place.parentLabel);
  if (place.lat !== null && place.lon !== null) out += line('coordinates', `${place.lat}, ${place.lon}  [${place.coordinatesSensitivity}]`);
  out += line('persons', String(place.personCount));
  out += line('custody', `${place.custody.length} event(s): ${place.custody.map((c) => c.action).join(', ')}`);
  return out;
}
