import type { PersonSummary } from '../../shared/dto';
import { DetailField } from '../ui/DetailField';
import { formatHistoricalDate } from '../ui/format';
import { UserText } from '../ui/UserText';

/** The right-hand panel for a person: the summary the list already has, for now. */
export function PersonPanel({ person }: { person: PersonSummary }) {
  return (
    <>
      <UserText as="h3" text={person.nameFa ?? person.nameLatin} fallback="Unnamed person" className="detail-title" />
      <dl className="detail-fields">
        <DetailField label="Reference">{person.ref}</DetailField>
        <DetailField label="Name (Persian)">
          <UserText text={person.nameFa} className="persian" />
        </DetailField>
        <DetailField label="Name (Latin)">
          <UserText text={person.nameLatin} />
        </DetailField>
        <DetailField label="Fate">
          <UserText text={person.fate} />
        </DetailField>
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
