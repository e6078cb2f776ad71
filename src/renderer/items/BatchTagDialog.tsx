import { useRef, useState } from 'react';
import type { TagRef, TagSpec } from '../../shared/dto';
import type { TagId } from '../../shared/ids';
import { TagEditor } from '../tags/TagEditor';
import { tagLabel } from '../tags/tag-matching';
import { useTags } from '../tags/use-tags';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Modal } from '../ui/Modal';
import { batchQuestion, itemsWord } from './batch-wording';
import { keepFieldEscape } from '../ui/field-escape';

export interface TagBatch {
  add: TagSpec[];
  remove: TagId[];
  /** "Tag 1,234 items with “Torture”": what the confirmation asked, for the Undo toast to echo. */
  addLabels: string[];
  removeLabels: string[];
}

/** A tag chosen to add that does not exist yet: shown as a chip with a made-up negative id until it is sent. */
const NEW = -1;

/**
 * Tags a whole selection (issue 8): choose tags to add (existing ones, or a new free tag from the text) and
 * tags to take off, with the same keyboard-first editor as the item panel; then a confirmation names how many
 * items change before anything is sent. Cancel on the confirmation goes back to the choice, kept as it was.
 */
export function BatchTagDialog({ count, onApply, onClose }: { count: number; onApply(batch: TagBatch): Promise<void>; onClose(): void }) {
  const { tags } = useTags();
  const [add, setAdd] = useState<TagRef[]>([]);
  const [remove, setRemove] = useState<TagRef[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const nextNew = useRef(NEW);

  const refOf = (spec: TagSpec): TagRef | null => {
    if ('id' in spec) {
      const found = tags.find((t) => t.id === spec.id);
      return found ? { id: found.id, vocabulary: found.vocabulary, labelEn: found.labelEn, labelFa: found.labelFa } : null;
    }
    const persian = /[\u0600-\u06ff]/.test(spec.label);
    nextNew.current -= 1;
    return { id: (nextNew.current + 1) as TagId, vocabulary: 'free', labelEn: persian ? null : spec.label, labelFa: persian ? spec.label : null };
  };

  const batch: TagBatch = {
    add: add.map((t) => (t.id > 0 ? { id: t.id } : { label: t.labelEn ?? t.labelFa ?? '' })),
    remove: remove.map((t) => t.id),
    addLabels: add.map(tagLabel),
    removeLabels: remove.map(tagLabel),
  };
  const empty = add.length === 0 && remove.length === 0;

  if (confirming) {
    return (
      <ConfirmDialog
        title="Tag the selected items?"
        confirmLabel={batch.add.length > 0 ? `Tag ${itemsWord(count)}` : `Remove from ${itemsWord(count)}`}
        onConfirm={() => onApply(batch)}
        onClose={() => setConfirming(false)}
      >
        <p className="batch-question">{batchQuestion(count, batch)}</p>
        <p className="muted">Each item is changed in the custody log, and the whole batch can be undone in one step.</p>
      </ConfirmDialog>
    );
  }

  return (
    <Modal title={`Tag ${itemsWord(count)}`} onClose={onClose} className="batch-dialog">
      <form
        className="modal-form"
        onKeyDown={(event) => keepFieldEscape(event)}
        onSubmit={(event) => {
          event.preventDefault();
          if (empty) {
            setProblem('Choose at least one tag to add or to remove.');
            return;
          }
          setConfirming(true);
        }}
      >
        <div className="batch-tags">
          <h3 className="batch-heading">Add these tags</h3>
          <TagEditor
            label="Tags to add"
            inputLabel={`Tag to add to ${itemsWord(count)}`}
            placeholder="Type to find a tag, or a new one…"
            emptyText="None chosen."
            value={add}
            onAdd={async (spec) => {
              const ref = refOf(spec);
              if (!ref) return;
              setProblem(null);
              setAdd((list) => (list.some((t) => t.id === ref.id || tagLabel(t) === tagLabel(ref)) ? list : [...list, ref]));
              setRemove((list) => list.filter((t) => t.id !== ref.id));
            }}
            onRemove={async (tag) => setAdd((list) => list.filter((t) => t.id !== tag.id))}
          />
        </div>
        <div className="batch-tags">
          <h3 className="batch-heading">Remove these tags</h3>
          <TagEditor
            label="Tags to remove"
            inputLabel={`Tag to remove from ${itemsWord(count)}`}
            placeholder="Type to find a tag…"
            emptyText="None chosen."
            allowNew={false}
            value={remove}
            onAdd={async (spec) => {
              const ref = 'id' in spec ? refOf(spec) : null;
              if (!ref) return;
              setProblem(null);
              setRemove((list) => (list.some((t) => t.id === ref.id) ? list : [...list, ref]));
              setAdd((list) => list.filter((t) => t.id !== ref.id));
            }}
            onRemove={async (tag) => setRemove((list) => list.filter((t) => t.id !== tag.id))}
          />
        </div>
        {problem && <ErrorMessage message={problem} />}
        <div className="modal-actions">
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary-button">
            Tag…
          </button>
        </div>
      </form>
    </Modal>
  );
}
