import { useState } from 'react';
import type { ItemSelection } from '../../shared/api';
import type { PersonId, PlaceId } from '../../shared/ids';
import { useChanges } from '../changes/use-changes';
import { useClient } from '../client/use-client';
import { formatNumber } from '../ui/format';
import { itemsWord } from './batch-wording';
import { BatchLinkDialog } from './BatchLinkDialog';
import { BatchTagDialog, type TagBatch } from './BatchTagDialog';
import type { LinkChoice } from './LinkForm';

type Dialog = 'tag' | 'person' | 'place' | null;

/**
 * Shown while items are selected in the grid or the table (issue 8): how many, and what can be done to all of
 * them at once — tag, link to a person, link to a place — each asked in a dialog and confirmed with the number
 * of items it changes. The selection goes to the core as it is held: the ids, or, after Ctrl/Cmd+A, the
 * filter and the items taken out of it, so 100,000 items are one request. The result ("Tagged 1,234 items")
 * is announced with Undo; a batch that changed nothing says so here.
 */
export function SelectionBar({
  count,
  all,
  excluded,
  selection,
  onClear,
}: {
  count: number;
  /** True after Ctrl/Cmd+A: every item the filter shows (possibly but a few). */
  all: boolean;
  /** How many were deselected after Ctrl/Cmd+A. */
  excluded: number;
  selection(): ItemSelection;
  onClear(): void;
}) {
  const { api } = useClient();
  const changes = useChanges();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const open = (which: Dialog) => {
    setNotice(null);
    setDialog(which);
  };

  const tag = async (batch: TagBatch) => {
    const result = await changes.run(
      (record) => (batch.add.length > 0 ? `Tagged ${itemsWord(record.changed)}` : `Removed tags from ${itemsWord(record.changed)}`),
      () => api.tagItems({ selection: selection(), ...(batch.add.length > 0 ? { add: batch.add } : {}), ...(batch.remove.length > 0 ? { remove: batch.remove } : {}) }),
    );
    setDialog(null);
    if (!result.changeId || result.record.changed === 0) setNotice(`Nothing changed: the selected items already had these tags${batch.remove.length > 0 ? ', or did not have the ones to remove' : ''}.`);
  };

  const link = async (choice: LinkChoice) => {
    const result = await changes.run(
      (record) => `Linked ${itemsWord(record.linked)} to “${choice.record.label}”`,
      () =>
        api.linkItems({
          selection: selection(),
          type: choice.type,
          ...(choice.target === 'person' ? { personId: choice.record.id as PersonId } : { placeId: choice.record.id as PlaceId }),
          certainty: choice.certainty,
          sourceId: choice.source?.id ?? null,
        }),
    );
    setDialog(null);
    if (!result.changeId || result.record.linked === 0) setNotice(`Nothing changed: the selected items were already linked to “${choice.record.label}” this way.`);
  };

  return (
    <div className="selection-bar" role="region" aria-label="Selected items">
      <p className="selection-count" aria-live="polite">
        <strong>{formatNumber(count)} selected</strong>
        {all && <span className="muted"> · {excluded > 0 ? `all shown but ${formatNumber(excluded)}` : 'all shown'}</span>}
      </p>
      <div className="selection-actions">
        <button type="button" className="secondary-button" onClick={() => open('tag')} disabled={count === 0}>
          Tag…
        </button>
        <button type="button" className="secondary-button" onClick={() => open('person')} disabled={count === 0}>
          Link to person…
        </button>
        <button type="button" className="secondary-button" onClick={() => open('place')} disabled={count === 0}>
          Link to place…
        </button>
        <button type="button" className="link-button" onClick={onClear} aria-keyshortcuts="Escape">
          Clear selection
        </button>
      </div>
      {notice && (
        <p className="selection-notice" role="status">
          {notice}
        </p>
      )}
      {dialog === 'tag' && <BatchTagDialog count={count} onApply={tag} onClose={() => setDialog(null)} />}
      {(dialog === 'person' || dialog === 'place') && (
        <BatchLinkDialog key={dialog} target={dialog} count={count} onApply={link} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
