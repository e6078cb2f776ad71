import type { PlaceSummary } from '../../shared/dto';
import { DetailField } from '../ui/DetailField';
import { UserText } from '../ui/UserText';

/** The right-hand panel for a place: the summary the list already has, for now. */
export function PlacePanel({ place }: { place: PlaceSummary }) {
  return (
    <>
      <UserText as="h3" text={place.nameFa ?? place.nameLatin} fallback="Unnamed place" className="detail-title" />
      <dl className="detail-fields">
        <DetailField label="Reference">{place.ref}</DetailField>
        <DetailField label="Name (Persian)">
          <UserText text={place.nameFa} className="persian" />
        </DetailField>
        <DetailField label="Name (Latin)">
          <UserText text={place.nameLatin} />
        </DetailField>
        <DetailField label="Type">
          <UserText text={place.type} />
        </DetailField>
      </dl>
    </>
  );
}
