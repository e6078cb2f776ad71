import { useId, useState, type ReactNode } from 'react';
import type { LinkTypeTerm, LinkView, PlaceDetail } from '../../shared/dto';
import type { PlaceId } from '../../shared/ids';
import { useChanges } from '../changes/use-changes';
import { useClient } from '../client/use-client';
import { useOpenRecord } from '../shell/open-record-context';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DetailField } from '../ui/DetailField';
import { errorMessage } from '../ui/error-message';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatNumber, formatUtc } from '../ui/format';
import { useRecordDetail } from '../ui/use-record-detail';
import { useVocabularies } from '../ui/use-vocabularies';
import { UserText } from '../ui/UserText';
import { MergePlaceDialog } from './MergePlaceDialog';
import { placeName } from './NewPlaceDialog';
import { placeFormOf, placePatch, sensitivityLabel } from './place-form';
import { PlaceCustody } from './PlaceCustody';
import { PlaceForm } from './PlaceForm';

function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={className ? `place-section ${className}` : 'place-section'} aria-labelledby={id}>
      <h4 id={id} className="place-section-title">
        {title}
      </h4>
      {children}
    </section>
  );
}

/** The coordinates, never without their sensitivity: a grave's position can put families and witnesses at risk. */
function Coordinates({ place }: { place: PlaceDetail }) {
  if (place.lat === null || place.lon === null) return <span className="muted">Not recorded</span>;
  return (
    <span className="place-coordinates-value" data-sensitivity={place.coordinatesSensitivity}>
      <span className={`badge badge-${place.coordinatesSensitivity}`}>{sensitivityLabel(place.coordinatesSensitivity)}</span>{' '}
      <span className="visually-hidden">coordinates: </span>
      <bdi className="place-latlon">
        {place.lat}, {place.lon}
      </bdi>
    </span>
  );
}

/** The linked record's reference, and how sure the link is ("confirmed" needs no saying) and who said so. */
function LinkMeta({ link, certaintyLabel }: { link: LinkView; certaintyLabel: string }) {
  return (
    <span className="place-link-meta muted">
      <span className="place-ref">{link.from.ref}</span>
      {link.certainty !== 'confirmed' && <> · {certaintyLabel}</>}
      {link.source && (
        <>
          {' · source: '}
          <UserText text={link.source.title} />
        </>
      )}
    </span>
  );
}

/** A long list (hundreds of persons detained at one prison) shows its first rows until asked for all. */
const SHOWN_AT_FIRST = 25;

function useShowAll(count: number): { shown: number; more: ReactNode } {
  const [all, setAll] = useState(false);
  if (all || count <= SHOWN_AT_FIRST) return { shown: count, more: null };
  return {
    shown: SHOWN_AT_FIRST,
    more: (
      <button type="button" className="link-button place-show-all" onClick={() => setAll(true)}>
        Show all {formatNumber(count)}
      </button>
    ),
  };
}

function PersonGroup({ title, links }: { title: string; links: LinkView[] }) {
  const openRecord = useOpenRecord();
  const { label } = useVocabularies();
  const { shown, more } = useShowAll(links.length);
  return (
    <div className="place-link-group">
      <p className="place-link-type">
        {title} <span className="muted">({formatNumber(links.length)})</span>
      </p>
      <ul className="place-links">
        {links.slice(0, shown).map((link) => (
          <li key={link.id}>
            <button type="button" className="link-button place-record-link" onClick={() => openRecord('person', link.from.id)} aria-label={`${link.from.label} (${link.from.ref})`}>
              <UserText text={link.from.label} />
              {link.from.labelFa && link.from.labelFa !== link.from.label && (
                <>
                  {' · '}
                  <UserText text={link.from.labelFa} className="persian" />
                </>
              )}
            </button>
            <LinkMeta link={link} certaintyLabel={label('certainty', link.certainty)} />
          </li>
        ))}
      </ul>
      {more}
    </div>
  );
}

/** Persons linked to the place, by link type in the vocabulary's order ("Detained here", "Buried here", …). */
function LinkedPersons({ links, types }: { links: LinkView[]; types: readonly LinkTypeTerm[] }) {
  const personLinks = links.filter((l) => l.shape === 'person-place');
  const known = types.filter((t) => t.shape === 'person-place').map((t) => t.code);
  const order = [...known, ...new Set(personLinks.map((l) => l.type).filter((code) => !known.includes(code)))];
  const groups = order.map((code) => ({ code, links: personLinks.filter((l) => l.type === code) })).filter((g) => g.links.length > 0);
  if (groups.length === 0) return <p className="muted">No persons are linked to this place.</p>;
  return (
    <>
      {groups.map(({ code, links: group }) => (
        <PersonGroup key={code} title={types.find((t) => t.code === code)?.inverseLabelEn ?? code} links={group} />
      ))}
    </>
  );
}

function DepictingItems({ links }: { links: LinkView[] }) {
  const openRecord = useOpenRecord();
  const { label } = useVocabularies();
  const items = links.filter((l) => l.shape === 'item-place');
  const { shown, more } = useShowAll(items.length);
  if (items.length === 0) return <p className="muted">No photos or documents are linked to this place.</p>;
  return (
    <>
      <ul className="place-links">
        {items.slice(0, shown).map((link) => (
          <li key={link.id}>
            <button type="button" className="link-button place-record-link" onClick={() => openRecord('item', link.from.id)} aria-label={`${link.from.label} (${link.from.ref})`}>
              <UserText text={link.from.label} />
            </button>
            <LinkMeta link={link} certaintyLabel={label('certainty', link.certainty)} />
          </li>
        ))}
      </ul>
      {more}
    </>
  );
}

function Details({
  place,
  onEdit,
  onMerge,
  onDelete,
  onRestore,
  actionError,
}: {
  place: PlaceDetail;
  onEdit(): void;
  onMerge(): void;
  onDelete(): void;
  onRestore(): void;
  actionError: string | null;
}) {
  const openRecord = useOpenRecord();
  const { label, vocabularies } = useVocabularies();
  const type = vocabularies?.placeTypes.find((t) => t.code === place.type);
  return (
    <>
      <div className="place-title">
        {/* The name in Persian script leads where there is one; the other is shown under it. */}
        {place.nameFa && <UserText as="h3" text={place.nameFa} className="place-title-main persian" />}
        {place.nameLatin && <UserText as={place.nameFa ? 'p' : 'h3'} text={place.nameLatin} className={place.nameFa ? 'place-title-sub' : 'place-title-main'} />}
        {!place.nameFa && !place.nameLatin && <h3 className="place-title-main muted">Unnamed place</h3>}
      </div>
      {place.deleted && (
        <div className="place-deleted-notice" role="note">
          <p>
            <strong>Deleted</strong>
            {place.deletedAt && <> on {formatUtc(place.deletedAt)}</>}
            {place.deletedReason && (
              <>
                : <UserText text={place.deletedReason} />
              </>
            )}
          </p>
          <p className="muted">
            {place.mergedIntoId !== null
              ? 'Its persons and items are now linked to the place it was merged into; its own history is kept here.'
              : 'It is kept, with its links and history, and can be restored.'}
          </p>
        </div>
      )}
      <div className="place-actions">
        {place.deleted ? (
          <button type="button" className="primary-button" onClick={onRestore}>
            Restore place
          </button>
        ) : (
          <>
            <button type="button" className="secondary-button" onClick={onEdit}>
              Edit
            </button>
            <button type="button" className="secondary-button" onClick={onMerge}>
              Merge with another place…
            </button>
            <button type="button" className="danger-button" onClick={onDelete}>
              Delete place…
            </button>
          </>
        )}
      </div>
      {actionError && <ErrorMessage message={actionError} />}
      <dl className="detail-fields">
        <DetailField label="Reference">{place.ref}</DetailField>
        <DetailField label="Type">
          <UserText text={label('placeTypes', place.type)} />
          {type?.graves && <span className="muted"> · holds graves</span>}
        </DetailField>
        <DetailField label="Inside">
          {place.parentId !== null ? (
            <button type="button" className="link-button place-record-link" onClick={() => openRecord('place', place.parentId!)}>
              <UserText text={place.parentLabel} fallback={`Place ${place.parentId}`} />
            </button>
          ) : (
            <span className="muted">Not inside another place</span>
          )}
        </DetailField>
        <DetailField label="Coordinates">
          <Coordinates place={place} />
        </DetailField>
        <DetailField label="Record">
          <span className={`badge badge-${place.sensitivity}`}>{sensitivityLabel(place.sensitivity)}</span>
        </DetailField>
        <DetailField label="Persons">{formatNumber(place.personCount)}</DetailField>
        <DetailField label="Updated">{formatUtc(place.updatedAt)}</DetailField>
      </dl>
      {place.notes && <UserText as="p" text={place.notes} className="place-notes" />}
      <Section title={place.children.length > 0 ? `Places inside (${formatNumber(place.children.length)})` : 'Places inside'}>
        {place.children.length > 0 ? (
          <ul className="place-links">
            {place.children.map((child) => (
              <li key={child.id}>
                <button type="button" className="link-button place-record-link" onClick={() => openRecord('place', child.id)}>
                  <UserText text={child.nameLatin ?? child.nameFa} fallback={child.ref} />
                </button>{' '}
                <span className="muted">
                  {label('placeTypes', child.type)}
                  {child.deleted ? ' · deleted' : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No places are recorded inside this one.</p>
        )}
      </Section>
      <Section title="Persons">
        <LinkedPersons links={place.links} types={vocabularies?.linkTypes ?? []} />
      </Section>
      <Section title="Photos and documents of this place">
        <DepictingItems links={place.links} />
      </Section>
      <PlaceCustody events={place.custody} />
    </>
  );
}

/**
 * The right-hand panel for a place (DESIGN.md §12): its names in both scripts, type, the place it is inside
 * and the places inside it, its coordinates marked with their sensitivity, the persons linked to it by how
 * (each opens the person's panel), the items showing it, and its custody history; edit, delete with a
 * reason, restore, merge with a duplicate. Every change goes through useChanges (undo, and the actor asked for first).
 */
export function PlacePanel({ placeId }: { placeId: PlaceId }) {
  const { api } = useClient();
  const changes = useChanges();
  const openRecord = useOpenRecord();
  const { vocabularies } = useVocabularies();
  const detail = useRecordDetail(() => api.getPlace({ id: placeId }), ['places', 'links', 'persons', 'items']);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [merging, setMerging] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const place = detail.record;

  if (detail.error && !place) return <ErrorMessage message={`Vigil could not load this place: ${detail.error}`} />;
  if (!place) return <p className="muted">Loading…</p>;

  const restore = async () => {
    setActionError(null);
    try {
      const { record } = await changes.run(`Restored place “${placeName(place)}”`, () => api.restorePlace({ id: place.id }));
      detail.show(record);
    } catch (caught) {
      setActionError(errorMessage(caught));
    }
  };

  return (
    <div className="place-panel">
      {editing && vocabularies ? (
        <>
          <h3 className="place-edit-title">
            Edit <UserText text={placeName(place)} />
          </h3>
          <PlaceForm
            key={place.updatedAt}
            initial={placeFormOf(place)}
            types={vocabularies.placeTypes}
            placeId={place.id}
            submitLabel="Save"
            compact
            onCancel={() => setEditing(false)}
            onSubmit={async (input) => {
              const patch = placePatch(place, input);
              if (Object.keys(patch).length > 0) {
                const { record } = await changes.run(`Edited place “${placeName(place)}”`, () => api.updatePlace({ id: place.id, patch }));
                detail.show(record);
              }
              setEditing(false);
            }}
          />
        </>
      ) : (
        <Details
          place={place}
          onEdit={() => {
            setActionError(null);
            setEditing(true);
          }}
          onMerge={() => {
            setActionError(null);
            setMerging(true);
          }}
          onDelete={() => setDeleting(true)}
          onRestore={() => void restore()}
          actionError={actionError}
        />
      )}
      {merging && (
        <MergePlaceDialog
          place={place}
          onClose={() => setMerging(false)}
          onMerge={async (kept, merged) => {
            const { record } = await changes.run(`Merged place “${placeName(merged)}” into “${placeName(kept)}”`, () =>
              api.mergePlaces({ keepId: kept.id, mergeId: merged.id }),
            );
            setMerging(false);
            // The panel shows the place kept: this one, or the other when that one was chosen.
            if (record.id === place.id) detail.show(record);
            else openRecord('place', record.id);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this place?"
          confirmLabel="Delete place"
          askReason
          onClose={() => setDeleting(false)}
          onConfirm={async (reason) => {
            const { record } = await changes.run(`Deleted place “${placeName(place)}”`, () => api.deletePlace({ id: place.id, reason }));
            detail.show(record);
          }}
        >
          <p>
            <UserText text={placeName(place)} /> ({place.ref}) will be hidden from lists and pickers. It is not erased: its
            links to {formatNumber(place.personCount)} {place.personCount === 1 ? 'person' : 'persons'} and its history stay,
            and it can be restored.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
