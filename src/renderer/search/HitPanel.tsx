import type { SearchHit } from '../../shared/dto';
import type { ItemId, PersonId, PlaceId } from '../../shared/ids';
import { ItemPanel } from '../items/ItemPanel';
import { PersonPanel } from '../persons/PersonPanel';
import { PlacePanel } from '../places/PlacePanel';

/** The right-hand panel for a search result opened with Enter: the record's own panel, whatever its type. */
export function HitPanel({ hit }: { hit: SearchHit }) {
  // A hit's id is the id of a record of its type.
  if (hit.type === 'item') return <ItemPanel key={hit.id} itemId={hit.id as ItemId} />;
  if (hit.type === 'person') return <PersonPanel key={hit.id} personId={hit.id as PersonId} />;
  return <PlacePanel key={hit.id} placeId={hit.id as PlaceId} />;
}
