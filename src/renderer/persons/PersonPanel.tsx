import type { PersonId } from '../../shared/ids';
import { useClient } from '../client/use-client';
import { DetailField } from '../ui/DetailField';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatHistoricalDate } from '../ui/format';
import { useRecordDetail } from '../ui/use-record-detail';
import { UserText } from '../ui/UserText';

/** The right-hand panel for a person. */
export function PersonPanel({ personId }: { personId: PersonId }) {
  const { api } = useClient();
  const { record: person, error } = useRecordDetail(() => api.getPerson({ id: personId }), ['persons', 'links', 'items', 'tags']);
  if (error) return <ErrorMessage message={`Vigil could not load this person: ${error}`} />;
  if (!person) return <p className="muted">Loading…</p>;
  return (
    <>
      <UserText as="h3" text={person.nameFa ?? person.nameLatin} fallback="Unnamed person" className="detail-title" />
      <dl className="detail-fields">
        <DetailField label="Reference">{person.ref}</DetailField>
        <DetailField label="Death date">
          <UserText text={formatHistoricalDate(person.deathDate)} />
        </DetailField>
        <DetailField label="Prison">
          <UserText text={person.prison} />
        </DetailField>
      </dl>
    </>
  );
}
