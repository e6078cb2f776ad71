import type { CustodyEvent } from '../../../shared/dto';
import { formatUtc } from '../../ui/format';
import { UserText } from '../../ui/UserText';
import { PanelSection } from './PanelSection';

/** The person's custody history, newest last, as compact as the item panel's: time, actor, action. */
export function PersonCustody({ events }: { events: CustodyEvent[] }) {
  return (
    <PanelSection title="Custody history">
      {events.length > 0 ? (
        <div className="custody-scroll">
          <table className="custody-table person-custody">
            <caption className="visually-hidden">Custody history</caption>
            <thead>
              <tr>
                <th scope="col">Time (UTC)</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.seq}>
                  <td className="person-custody-time">{formatUtc(event.at).replace(/ UTC$/, '')}</td>
                  <td>
                    <UserText text={event.actor} />
                    {event.actorOrganisation && (
                      <>
                        {', '}
                        <UserText text={event.actorOrganisation} className="muted" />
                      </>
                    )}
                  </td>
                  <td>
                    <UserText text={event.action} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No custody events.</p>
      )}
    </PanelSection>
  );
}
