import { useId, useState } from 'react';
import type { CustodyEvent } from '../../shared/dto';
import { formatNumber, formatUtc } from '../ui/format';
import { UserText } from '../ui/UserText';

/** What each kind of custody event says, in words; anything else is shown as recorded. */
const actions: Record<string, string> = {
  'record-created': 'Created',
  'record-edited': 'Edited',
  'record-deleted': 'Deleted',
  'record-restored': 'Restored',
  merged: 'Merged',
  'merge-undone': 'Merge undone',
};

/** The second line of an event: the fields an edit changed, or which place was merged into which. */
function eventNote(event: CustodyEvent): string | null {
  const details = event.details ?? {};
  if (event.action === 'record-edited' && details.after && typeof details.after === 'object') return Object.keys(details.after).join(', ') || null;
  if (event.action === 'merged' || event.action === 'merge-undone') {
    const merged = details.merged as { ref?: unknown } | undefined;
    return typeof merged?.ref === 'string' ? `${merged.ref} into ${event.targetRef ?? 'the place kept'}` : null;
  }
  return null;
}

/** A busy place (a prison hundreds of persons were linked to) shows its latest events until asked for all. */
const LATEST = 30;

/** The place's custody history, oldest first: when, who, what (with the fields an edit changed). */
export function PlaceCustody({ events }: { events: CustodyEvent[] }) {
  const id = useId();
  const [all, setAll] = useState(false);
  const shown = all || events.length <= LATEST ? events : events.slice(-LATEST);
  return (
    <section className="place-section" aria-labelledby={id}>
      <h4 id={id} className="place-section-title">
        Custody history
      </h4>
      {shown.length < events.length && (
        <p className="place-custody-more">
          The latest {formatNumber(shown.length)} of {formatNumber(events.length)} events.{' '}
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            Show all
          </button>
        </p>
      )}
      {events.length > 0 ? (
        <div className="custody-scroll">
          <table className="custody-table place-custody">
            <caption className="visually-hidden">Custody history</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((event) => {
                const note = eventNote(event);
                return (
                  <tr key={event.seq}>
                    <td className="custody-time">{formatUtc(event.at)}</td>
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
                      <UserText text={actions[event.action] ?? event.action} />
                      {note && <UserText text={note} className="muted place-custody-fields" />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No custody events.</p>
      )}
    </section>
  );
}
