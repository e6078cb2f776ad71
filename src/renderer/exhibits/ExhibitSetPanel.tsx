import type { ExhibitSetSummary } from '../../shared/dto';
import { DetailField } from '../ui/DetailField';
import { formatNumber } from '../ui/format';
import { UserText } from '../ui/UserText';

/** The right-hand panel for an exhibit set: its name, prefix and size. */
export function ExhibitSetPanel({ set }: { set: ExhibitSetSummary }) {
  return (
    <>
      <UserText as="h3" text={set.name} className="detail-title" />
      <dl className="detail-fields">
        <DetailField label="Prefix">
          <UserText text={set.prefix} />
        </DetailField>
        <DetailField label="Exhibits">{formatNumber(set.exhibitCount)}</DetailField>
      </dl>
    </>
  );
}
