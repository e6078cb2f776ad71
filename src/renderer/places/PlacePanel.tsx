import type { PlaceId } from '../../shared/ids';
import { useClient } from '../client/use-client';
import { DetailField } from '../ui/DetailField';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useRecordDetail } from '../ui/use-record-detail';
import { UserText } from '../ui/UserText';

/** The right-hand panel for a place. */
export function PlacePanel({ placeId }: { placeId: PlaceId }) {
  const { api } = useClient();
  const { record: place, error } = useRecordDetail(() => api.getPlace({ id: placeId }), ['places', 'links', 'persons']);
  if (error) return <ErrorMessage message={`Vigil could not load this place: ${error}`} />;
  if (!place) return <p className="muted">Loading…</p>;
  return (
    <>
      <UserText as="h3" text={place.nameFa ?? place.nameLatin} fallback="Unnamed place" className="detail-title" />
      <dl className="detail-fields">
        <DetailField label="Reference">{place.ref}</DetailField>
        <DetailField label="Type">
          <UserText text={place.type} />
        </DetailField>
      </dl>
    </>
  );
}
