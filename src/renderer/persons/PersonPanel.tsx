import { useState } from 'react';
import type { PersonDetail, TagRef, TagSpec } from '../../shared/dto';
import type { PersonId } from '../../shared/ids';
import { useChanges } from '../changes/use-changes';
import { useClient } from '../client/use-client';
import { tagLabel } from '../tags/tag-matching';
import { TagEditor } from '../tags/TagEditor';
import { useTags } from '../tags/use-tags';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { errorMessage } from '../ui/error-message';
import { ErrorMessage } from '../ui/ErrorMessage';
import { capitalise, formatUtc } from '../ui/format';
import { useRecordDetail } from '../ui/use-record-detail';
import { useVocabularies } from '../ui/use-vocabularies';
import { UserText } from '../ui/UserText';
import { PanelSection } from './panel/PanelSection';
import { PersonCustody } from './panel/PersonCustody';
import { PersonFacts } from './panel/PersonFacts';
import { PersonGallery } from './panel/PersonGallery';
import { PersonPlaces, PersonRelatives } from './panel/PersonLinks';
import { PersonNames } from './panel/PersonNames';

/** The preferred names in both scripts, the reference, roles, sensitivity, and whether the person is deleted. */
function Heading({ person }: { person: PersonDetail }) {
  const { label } = useVocabularies();
  const fa = person.nameFa;
  const latin = person.nameLatin;
  return (
    <div className="person-heading">
      {fa || latin ? (
        <h3 className="detail-title person-title">
          {fa && <UserText text={fa} className="person-title-fa persian" />}
          {latin && <UserText text={latin} className="person-title-latin" />}
        </h3>
      ) : (
        <h3 className="detail-title muted">Unnamed person</h3>
      )}
      <p className="person-meta">
        <span className="person-ref">{person.ref}</span>
        {person.roles.length > 0 && <span>{person.roles.map((r) => label('roles', r)).join(', ')}</span>}
        <span className={`badge badge-${person.sensitivity}`} title="Sensitivity">
          {capitalise(person.sensitivity)}
        </span>
        {person.deleted && <span className="badge badge-deleted">Deleted</span>}
      </p>
    </div>
  );
}

/** Tags of the person, with the keyboard-first editor; each change is one tagPersons call through useChanges. */
function PersonTags({ person, onChanged }: { person: PersonDetail; onChanged(): void }) {
  const { api } = useClient();
  const changes = useChanges();
  const { tags } = useTags();
  const add = async (spec: TagSpec) => {
    const known = 'id' in spec ? tags.find((t) => t.id === spec.id) : undefined;
    const name = 'label' in spec ? spec.label : known ? tagLabel(known) : '';
    await changes.run(`Tagged ${person.ref}${name ? ` “${name}”` : ''}`, () => api.tagPersons({ ids: [person.id], add: [spec] }));
    onChanged();
  };
  const remove = async (tag: TagRef) => {
    await changes.run(`Removed the tag “${tagLabel(tag)}” from ${person.ref}`, () => api.tagPersons({ ids: [person.id], remove: [tag.id] }));
    onChanged();
  };
  return (
    <PanelSection title="Tags">
      <TagEditor label={`Tags of ${person.ref}`} value={person.tags} onAdd={add} onRemove={remove} disabled={person.deleted} />
    </PanelSection>
  );
}

/** Delete (asks why; a soft delete) or, for a deleted person, the reason given and Restore. */
function Lifecycle({ person, onChanged }: { person: PersonDetail; onChanged(next: PersonDetail): void }) {
  const { api } = useClient();
  const changes = useChanges();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = person.nameLatin ?? person.nameFa ?? person.ref;

  if (person.deleted) {
    const restore = async () => {
      setError(null);
      try {
        const result = await changes.run(`Restored ${person.ref}`, () => api.restorePerson({ id: person.id }));
        onChanged(result.record);
      } catch (caught) {
        setError(errorMessage(caught));
      }
    };
    return (
      <div className="person-deleted-notice" role="note">
        <p>
          <strong>Deleted</strong>
          {person.deletedAt && <> on {formatUtc(person.deletedAt)}</>}
          {person.deletedReason && (
            <>
              . Reason: <UserText text={person.deletedReason} />
            </>
          )}
        </p>
        <button type="button" className="secondary-button" onClick={() => void restore()}>
          Restore person
        </button>
        {error && <ErrorMessage message={error} />}
      </div>
    );
  }
  return (
    <div className="person-lifecycle">
      <button type="button" className="danger-button" onClick={() => setConfirming(true)}>
        Delete person…
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Delete ${person.ref}?`}
          confirmLabel="Delete person"
          askReason
          onClose={() => setConfirming(false)}
          onConfirm={async (reason) => {
            const result = await changes.run(`Deleted ${person.ref}`, () => api.deletePerson({ id: person.id, reason }));
            onChanged(result.record);
          }}
        >
          <p>
            <UserText text={name} /> ({person.ref}) will be hidden from lists and searches. Nothing is erased: the
            person, their names and links stay in the catalogue and the custody log, and can be restored.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/**
 * The right-hand panel for a person (DESIGN.md §12): every name, the facts with their sources, places and
 * relatives as links, linked items as a gallery, tags, custody history; delete and restore. Every change goes
 * through useChanges, so it can be undone; the panel shows the changed record at once and reloads when the core
 * announces a change to persons, links, items, tags, places or sources.
 */
export function PersonPanel({ personId }: { personId: PersonId }) {
  const { api } = useClient();
  const detail = useRecordDetail(() => api.getPerson({ id: personId }), ['persons', 'links', 'items', 'tags', 'places', 'sources']);
  const { record: person, error } = detail;
  if (error && !person) return <ErrorMessage message={`Vigil could not load this person: ${error}`} />;
  if (!person) return <p className="muted">Loading…</p>;
  return (
    <div className="person-panel">
      <Heading person={person} />
      {person.deleted && <Lifecycle person={person} onChanged={detail.show} />}
      <PersonNames person={person} onChanged={detail.show} />
      <PersonFacts person={person} onChanged={detail.show} />
      <PersonPlaces person={person} onChanged={detail.reload} />
      <PersonRelatives person={person} onChanged={detail.reload} />
      <PersonGallery items={person.items} />
      <PersonTags person={person} onChanged={detail.reload} />
      <PersonCustody events={person.custody} />
      {!person.deleted && <Lifecycle person={person} onChanged={detail.show} />}
    </div>
  );
}
