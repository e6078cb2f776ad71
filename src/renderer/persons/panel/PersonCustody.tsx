import type { CustodyEvent } from '../../../shared/dto';
import { CustodyHistory } from '../../ui/CustodyHistory';
import { PanelSection } from './PanelSection';

/** The person's custody history: every event about them, their names, links and tags. */
export function PersonCustody({ events }: { events: CustodyEvent[] }) {
  return (
    <PanelSection title="Custody history">
      <CustodyHistory events={events} />
    </PanelSection>
  );
}
