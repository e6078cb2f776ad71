import { useState } from 'react';
import type { LinkedItem } from '../../../shared/dto';
import { useClient } from '../../client/use-client';
import { useOpenRecord } from '../../shell/open-record-context';
import { useVocabularies } from '../../ui/use-vocabularies';
import { UserText } from '../../ui/UserText';
import { PanelSection } from './PanelSection';

function Thumb({ linked }: { linked: LinkedItem }) {
  const { mediaUrl } = useClient();
  const [broken, setBroken] = useState(false);
  const { item } = linked;
  const name = item.title ?? item.originalName;
  if (item.preview === 'ready' && !broken) {
    return <img src={mediaUrl(item.id, 'thumb')} alt={name} loading="lazy" onError={() => setBroken(true)} />;
  }
  const why = broken ? 'Preview could not be loaded' : item.preview === 'pending' ? 'Preview not ready yet' : item.kind === 'document' ? 'Document' : 'No preview';
  return (
    <span className="gallery-placeholder" role="img" aria-label={`${name}: ${why.toLowerCase()}`}>
      {why}
    </span>
  );
}

/**
 * The items linked to the person, as a gallery of thumbnails (issue 8): each opens the item's panel. What the
 * link says ("Depicted in", "Mentioned in") is read from the person's end.
 */
export function PersonGallery({ items }: { items: LinkedItem[] }) {
  const open = useOpenRecord();
  const { term } = useVocabularies();
  return (
    <PanelSection title={`Linked items (${items.length})`}>
      {items.length > 0 ? (
        <ul className="person-gallery">
          {items.map((linked) => {
            const linkType = term('linkTypes', linked.link.type) as { inverseLabelEn?: string; labelEn: string } | null;
            const relation = linkType?.inverseLabelEn ?? linkType?.labelEn ?? linked.link.type;
            const name = linked.item.title ?? linked.item.originalName;
            return (
              <li key={linked.link.id} className="gallery-tile">
                <button
                  type="button"
                  className="gallery-button"
                  aria-label={`Open ${linked.item.ref}: ${name} (${relation})`}
                  onClick={() => open('item', linked.item.id)}
                >
                  <span className="gallery-thumb">
                    <Thumb linked={linked} />
                  </span>
                  <span className="gallery-caption">
                    <UserText text={name} className="gallery-title" />
                    <span className="gallery-meta">
                      {relation} · {linked.item.ref}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">No items linked. Link photos and documents to this person from the item’s panel or from a selection in the Items grid.</p>
      )}
    </PanelSection>
  );
}
