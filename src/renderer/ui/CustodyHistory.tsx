import { useState } from 'react';
import type { CustodyEvent } from '../../shared/dto';
import { formatNumber, formatUtc } from './format';
import { UserText } from './UserText';

/** What each kind of custody event says, in words; anything else is shown as recorded. */
const actions: Record<string, string> = {
  'record-created': 'Created',
  'record-edited': 'Edited',
  'record-deleted': 'Deleted',
  'record-restored': 'Restored',
  'name-added': 'Name added',
  'name-edited': 'Name edited',
  'name-removed': 'Name removed',
  linked: 'Linked',
  'link-edited': 'Link edited',
  unlinked: 'Unlinked',
  relinked: 'Link restored',
  tagged: 'Tagged',
  untagged: 'Tag removed',
  merged: 'Merged',
  'merge-undone': 'Merge undone',
};

/** The second line of an event: the fields an edit changed, the tag, or which place was merged into which. */
function eventNote(event: CustodyEvent): string | null {
  const details = event.details ?? {};
  if ((event.action === 'record-edited' || event.action === 'link-edited') && details.after && typeof details.after === 'object') {
    return Object.keys(details.after).join(', ') || null;
  }
  if (event.action === 'tagged' || event.action === 'untagged') {
    const tag = details.tag as { labelEn?: unknown; labelFa?: unknown } | undefined;
    const label = typeof tag?.labelEn === 'string' ? tag.labelEn : typeof tag?.labelFa === 'string' ? tag.labelFa : null;
    return label;
  }
  if (event.action === 'merged' || event.action === 'merge-undone') {
    const merged = details.merged as { ref?: unknown } | undefined;
    return typeof merged?.ref === 'string' ? `${merged.ref} into ${event.targetRef ?? 'the place kept'}` : null;
  }
  if (typeof details.via === 'string' && details.via === 'csv-import' && typeof details.file === 'string') {
    return `from ${details.file}${typeof details.row === 'number' ? `, row ${details.row}` : ''}`;
  }
  return null;
}

/** A busy record (a prison hundreds of persons were linked to) shows its latest events until asked for all. */
const LATEST = 30;

/** A record's custody history, oldest first: when (UTC), who, what (with what an edit changed). */
export function CustodyHistory({ events }: { events: CustodyEvent[] }) {
  const [all, setAll] = useState(false);
  if (events.length === 0) return <p className="muted">No custody events.</p>;
  const shown = all || events.length <= LATEST ? events : events.slice(-LATEST);
  return (
    <>
      {shown.length < events.length && (
        <p className="custody-more">
          The latest {formatNumber(shown.length)} of {formatNumber(events.length)} events.{' '}
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            Show all
          </button>
        </p>
      )}
      <div className="custody-scroll">
        <table className="custody-table record-custody">
          <caption className="visually-hidden">Custody history</caption>
          <thead>
            <tr>
              <th scope="col">Time (UTC)</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((event) => {
              const note = eventNote(event);
              return (
                <tr key={event.seq}>
                  <td className="custody-time">{formatUtc(event.at).replace(/ UTC$/, '')}</td>
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
                    {note && <UserText text={note} className="muted custody-note" />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
