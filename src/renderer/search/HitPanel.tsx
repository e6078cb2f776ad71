import type { SearchHit } from '../../shared/dto';
import type { ItemId } from '../../shared/ids';
import { ItemPanel } from '../items/ItemPanel';
import { DetailField } from '../ui/DetailField';
import { UserText } from '../ui/UserText';

const hitKinds = { item: 'Item', person: 'Person', place: 'Place' } as const;

/** The right-hand panel for a search result opened with Enter: an item's in full, the others' label and reference. */
export function HitPanel({ hit }: { hit: SearchHit }) {
  // The id of a hit of type item is an item's id.
  if (hit.type === 'item') return <ItemPanel key={hit.id} itemId={hit.id as ItemId} />;
  return (
    <>
      <UserText as="h3" text={hit.label} className="detail-title" />
      <dl className="detail-fields">
        <DetailField label="Reference">{hit.ref}</DetailField>
        <DetailField label="Record type">{hitKinds[hit.type]}</DetailField>
      </dl>
    </>
  );
}
