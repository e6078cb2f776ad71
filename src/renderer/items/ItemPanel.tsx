import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { CustodyEvent, ItemDetail, ItemOccurrence, ItemSummary, PhotoMetadata } from '../../shared/dto';
import type { ItemId } from '../../shared/ids';
import { useClient } from '../client/use-client';
import { ErrorMessage } from '../ui/ErrorMessage';
import { capitalise, formatBytes, formatHistoricalDate, formatNumber, formatUtc } from '../ui/format';
import { useRecordDetail } from '../ui/use-record-detail';
import { useVigilEvent } from '../ui/use-vigil-event';
import { UserText } from '../ui/UserText';
import { ItemEditForm } from './ItemEditForm';
import { ItemLinks } from './ItemLinks';
import { ItemTags } from './ItemTags';

const SENSITIVE_TITLE = 'This field can identify people or places. It can be left out when exporting.';

function SensitiveBadge() {
  return (
    <span className="badge badge-sensitive" title={SENSITIVE_TITLE}>
      Sensitive<span className="visually-hidden">: this field can identify people or places</span>
    </span>
  );
}

/** One dt/dd pair; a sensitive one carries a visible badge and says so to screen readers too. */
function Field({ label, sensitive = false, children }: { label: string; sensitive?: boolean; children: ReactNode }) {
  return (
    <>
      <dt className={sensitive ? 'sensitive-field' : undefined}>
        {label}
        {sensitive && (
          <>
            {' '}
            <SensitiveBadge />
          </>
        )}
      </dt>
      <dd className={sensitive ? 'sensitive-value' : undefined} data-sensitive={sensitive ? 'true' : undefined}>
        {children}
      </dd>
    </>
  );
}

function PanelSection({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={className ? `panel-section ${className}` : 'panel-section'} aria-labelledby={id}>
      <h4 id={id} className="panel-section-title">
        {title}
      </h4>
      {children}
    </section>
  );
}

/** `sensitiveFields` names like `gps` or `serial`; a dotted name (`gps.lat`) marks its field too. */
function sensitivityOf(fields: string[]): (key: string) => boolean {
  const names = fields.map((f) => f.toLowerCase());
  return (key) => {
    const k = key.toLowerCase();
    return names.some((name) => name === k || name.startsWith(`${k}.`));
  };
}

function pixelSize(width: number | null, height: number | null): string | null {
  return width !== null && height !== null ? `${formatNumber(width)} × ${formatNumber(height)} px` : null;
}

/**
 * The normalised photo fields of DESIGN.md §4, in reading order, with the key sensitiveFields uses. The time
 * taken and the pixel size are among the item's own fields above.
 */
const photoFields: Array<{ key: keyof PhotoMetadata; label: string; text(photo: PhotoMetadata): string | null }> = [
  {
    key: 'gps',
    label: 'GPS position',
    text: (p) => (p.gps ? `${p.gps.lat}, ${p.gps.lon}${p.gps.alt !== null ? ` (altitude ${p.gps.alt} m)` : ''}` : null),
  },
  { key: 'make', label: 'Camera make', text: (p) => p.make },
  { key: 'model', label: 'Camera model', text: (p) => p.model },
  { key: 'serial', label: 'Body serial number', text: (p) => p.serial },
  { key: 'lens', label: 'Lens', text: (p) => p.lens },
  { key: 'software', label: 'Software', text: (p) => p.software },
  { key: 'orientation', label: 'Orientation', text: (p) => (p.orientation === null ? null : String(p.orientation)) },
  { key: 'caption', label: 'Caption', text: (p) => p.caption },
  { key: 'keywords', label: 'Keywords', text: (p) => (p.keywords.length > 0 ? p.keywords.join(', ') : null) },
  { key: 'creator', label: 'Creator', text: (p) => p.creator },
  { key: 'copyright', label: 'Copyright', text: (p) => p.copyright },
];

function previewReason(item: ItemDetail, broken: boolean): string {
  if (broken) return 'the preview could not be loaded.';
  switch (item.preview) {
    case 'pending':
      return 'it is still being made.';
    case 'failed':
      return item.metadataWarnings.find((w) => /preview|thumbnail|decod|image|pixel/i.test(w)) ?? item.metadataWarnings[0] ?? 'it could not be made from this file.';
    case 'none':
    case 'ready':
      return item.kind === 'photo' ? 'Vigil could not make one from this file.' : `Vigil does not make previews of ${item.mime} files.`;
  }
}

function Preview({ item }: { item: ItemDetail }) {
  const { mediaUrl } = useClient();
  const [broken, setBroken] = useState(false);
  if (item.preview === 'ready' && !broken) {
    return (
      <figure className="detail-preview">
        <img src={mediaUrl(item.id, 'preview')} alt={`Preview of ${item.ref}`} onError={() => setBroken(true)} />
      </figure>
    );
  }
  return (
    <p className="detail-preview-missing">
      No preview: <UserText text={previewReason(item, broken)} />
    </p>
  );
}

function Occurrence({ occurrence }: { occurrence: ItemOccurrence }) {
  return (
    <li className="occurrence">
      <UserText text={occurrence.originalName} className="occurrence-name" />
      {occurrence.sourcePath && <UserText text={occurrence.sourcePath} className="occurrence-path" />}
      <span className="occurrence-times muted">
        Found {formatUtc(occurrence.seenAt)}
        {occurrence.modifiedAt && <> · modified {formatUtc(occurrence.modifiedAt)}</>}
        {occurrence.createdAt && <> · created {formatUtc(occurrence.createdAt)}</>}
      </span>
    </li>
  );
}

/** "2026-01-02 10:00:00 UTC" on two lines (day, then time), to fit the panel. */
function CustodyTime({ at }: { at: string }) {
  const text = formatUtc(at);
  const space = text.indexOf(' ');
  if (space < 0 || text === at) return <span>{text}</span>;
  return (
    <>
      <span className="custody-day">{text.slice(0, space)}</span> <span className="custody-clock">{text.slice(space + 1)}</span>
    </>
  );
}

function CustodyTable({ events }: { events: CustodyEvent[] }) {
  return (
    <div className="custody-scroll">
      <table className="custody-table">
        <caption className="visually-hidden">Custody history</caption>
        <thead>
          <tr>
            <th scope="col">Seq</th>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Hash</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.seq}>
              <td className="numeric">{event.seq}</td>
              <td className="custody-time">
                <CustodyTime at={event.at} /> <UserText text={event.timeZone} className="custody-zone muted" />
              </td>
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
              <td>
                <code className="hash-short" title={event.hash}>
                  {event.hash.slice(0, 12)}
                </code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RawMetadata({ raw }: { raw: Record<string, unknown> | null }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="raw-metadata">
      <button type="button" className="disclosure-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        Raw metadata
      </button>
      <div id={id} hidden={!open}>
        {/* Stringified only while open: a camera's maker notes can run to many kilobytes. */}
        {open &&
          (raw ? (
            <pre className="raw-metadata-json" dir="auto">
              {JSON.stringify(raw, null, 2)}
            </pre>
          ) : (
            <p className="muted">No metadata was read from this file.</p>
          ))}
      </div>
    </div>
  );
}

/** How the file came to the archive, read-only: the edit form changes it. */
function Acquisition({ item }: { item: ItemDetail }) {
  const a = item.acquisition;
  if (!a.source && !a.acquiredBy && !a.method && !a.date) return <p className="muted">Not recorded yet. Use Edit to say where the item came from.</p>;
  return (
    <dl className="detail-fields">
      <Field label="Source">
        {a.source ? (
          <>
            <UserText text={a.source.title} /> <span className="muted">({a.source.ref})</span>
          </>
        ) : (
          <span className="muted">Not recorded</span>
        )}
      </Field>
      <Field label="Acquired by">
        <UserText text={a.acquiredBy} fallback="Not recorded" />
      </Field>
      <Field label="Method">
        <UserText text={a.method} fallback="Not recorded" />
      </Field>
      <Field label="Date">
        {a.date ? (
          <>
            {formatHistoricalDate(a.date)}
            {a.date.original.trim() !== formatHistoricalDate(a.date) && (
              <span className="muted">
                {' '}
                (typed as <UserText text={a.date.original} />)
              </span>
            )}
          </>
        ) : (
          <span className="muted">Not recorded</span>
        )}
      </Field>
    </dl>
  );
}

function Details({ item, onShow, onChanged }: { item: ItemDetail; onShow(next: ItemDetail): void; onChanged(): void }) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // Closing the form (saved or not) puts the keyboard back on Edit.
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const sensitive = sensitivityOf(item.sensitiveFields);
  const photo = item.photo;
  const photoRows = photo ? photoFields.map((field) => ({ ...field, value: field.text(photo) })).filter((row) => row.value !== null) : [];
  const doc = item.document;
  const takenAt = photo?.takenAt ?? item.takenAt;
  return (
    <>
      <Preview key={`${item.id}:${item.preview}`} item={item} />
      {editing ? (
        <ItemEditForm
          item={item}
          onSaved={(next) => {
            onShow(next);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="detail-heading">
          <UserText as="h3" text={item.title ?? item.originalName} className="detail-title" />
          <button ref={editButton} type="button" className="secondary-button detail-edit" aria-label={`Edit ${item.ref}`} onClick={() => setEditing(true)}>
            Edit
          </button>
        </div>
      )}
      {item.sensitiveMetadata && (
        <p className="sensitive-notice">
          <strong>Sensitive metadata.</strong> This file&apos;s metadata can identify people or places
          {item.sensitiveFields.length > 0 && <> ({item.sensitiveFields.join(', ')})</>}. It can be left out when exporting.
        </p>
      )}
      {!editing && item.description && <UserText as="p" text={item.description} className="detail-description" />}
      <dl className="detail-fields detail-fields-spaced">
        <Field label="Reference">{item.ref}</Field>
        <Field label="Kind">{capitalise(item.kind)}</Field>
        <Field label="Type">
          <UserText text={item.mime} />
        </Field>
        <Field label="Size">
          {formatBytes(item.size)} <span className="muted">({formatNumber(item.size)} bytes)</span>
        </Field>
        {pixelSize(item.width ?? photo?.width ?? null, item.height ?? photo?.height ?? null) && (
          <Field label="Pixel size">{pixelSize(item.width ?? photo?.width ?? null, item.height ?? photo?.height ?? null)}</Field>
        )}
        <Field label="Taken at" sensitive={takenAt !== null && sensitive('takenAt')}>
          <UserText text={takenAt} fallback="Not recorded" />
        </Field>
        <Field label="Sensitivity">
          <span className={`badge badge-${item.sensitivity}`}>{capitalise(item.sensitivity)}</span>
        </Field>
        <Field label="Imported">{formatUtc(item.importedAt)}</Field>
        <Field label="Original file name">
          <UserText text={item.originalName} />
        </Field>
        <Field label="SHA-256">
          <code className="hash selectable">{item.sha256}</code>
        </Field>
      </dl>
      {!editing && (
        <PanelSection title="Acquisition">
          <Acquisition item={item} />
        </PanelSection>
      )}
      <PanelSection title="Tags">
        <ItemTags item={item} onChanged={onChanged} />
      </PanelSection>
      <PanelSection title="Linked persons and places">
        <ItemLinks item={item} onChanged={onChanged} />
      </PanelSection>
      {photo && (
        <PanelSection title="Photo metadata">
          {photoRows.length > 0 ? (
            <dl className="detail-fields">
              {photoRows.map((row) => (
                <Field key={row.key} label={row.label} sensitive={sensitive(row.key)}>
                  <UserText text={row.value} />
                </Field>
              ))}
            </dl>
          ) : (
            <p className="muted">The file carries no camera metadata.</p>
          )}
        </PanelSection>
      )}
      {doc && (
        <PanelSection title="Document">
          <dl className="detail-fields">
            <Field label="Pages">{doc.pageCount === null ? <span className="muted">Unknown</span> : formatNumber(doc.pageCount)}</Field>
            {doc.title && (
              <Field label="Title in file" sensitive={sensitive('title')}>
                <UserText text={doc.title} />
              </Field>
            )}
            {doc.author && (
              <Field label="Author" sensitive={sensitive('author')}>
                <UserText text={doc.author} />
              </Field>
            )}
            {doc.producer && (
              <Field label="Producer" sensitive={sensitive('producer')}>
                <UserText text={doc.producer} />
              </Field>
            )}
          </dl>
        </PanelSection>
      )}
      {item.metadataWarnings.length > 0 && (
        <PanelSection title="Metadata warnings" className="warnings">
          <ul className="warning-list">
            {item.metadataWarnings.map((warning, i) => (
              <li key={i}>
                <UserText text={warning} />
              </li>
            ))}
          </ul>
        </PanelSection>
      )}
      <PanelSection title={item.occurrences.length === 1 ? 'Found as' : `Found as (${formatNumber(item.occurrences.length)} times)`}>
        {item.occurrences.length > 0 ? (
          <ul className="occurrence-list">
            {item.occurrences.map((occurrence, i) => (
              <Occurrence key={i} occurrence={occurrence} />
            ))}
          </ul>
        ) : (
          <p className="muted">No record of where the file was found.</p>
        )}
      </PanelSection>
      <PanelSection title="Custody history">
        {item.custody.length > 0 ? <CustodyTable events={item.custody} /> : <p className="muted">No custody events.</p>}
      </PanelSection>
      <RawMetadata raw={item.rawMetadata} />
    </>
  );
}

/**
 * The right-hand panel for an item (DESIGN.md §12): preview, title and description (editable, with the
 * acquisition), tags, linked persons and places, what the file is, its metadata with the sensitive fields
 * marked, where it was found, and its custody history. Everything that came from the file or from people
 * (names, paths, EXIF strings, warnings) is text with dir="auto", never HTML. It reloads when the core
 * announces a change to items, tags or links (made here, in another window, or by a batch), and when the
 * item's preview is ready.
 */
export function ItemPanel({ itemId, summary }: { itemId: ItemId; summary?: ItemSummary | null }) {
  const { api } = useClient();
  const detail = useRecordDetail(() => api.getItem({ id: itemId }), ['items', 'tags', 'links', 'persons', 'places', 'sources']);
  const { reload } = detail;
  useVigilEvent((event) => {
    if (event.type === 'preview-ready' && event.itemId === itemId) reload();
  });

  const current = detail.record && detail.record.id === itemId ? detail.record : null;
  if (current) return <Details item={current} onShow={detail.show} onChanged={reload} />;
  return (
    <>
      {summary && <UserText as="h3" text={summary.title ?? summary.originalName} className="detail-title" />}
      {detail.error ? (
        <>
          <ErrorMessage message={`Vigil could not load this item: ${detail.error}`} />
          <button type="button" className="secondary-button" onClick={reload}>
            Try again
          </button>
        </>
      ) : (
        <p className="muted">Loading details…</p>
      )}
    </>
  );
}
