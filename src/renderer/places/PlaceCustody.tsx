import { useId } from 'react';
import type { CustodyEvent } from '../../shared/dto';
import { CustodyHistory } from '../ui/CustodyHistory';

/** The place's custody history: its own events and those of every link to it. */
export function PlaceCustody({ events }: { events: CustodyEvent[] }) {
  const id = useId();
  return (
    <section className="place-section" aria-labelledby={id}>
      <h4 id={id} className="place-section-title">
        Custody history
      </h4>
      <CustodyHistory events={events} />
    </section>
  );
}
