import { useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Modal } from '../ui/Modal';
import { UserText } from '../ui/UserText';
import { itemsWord } from './batch-wording';
import { keepFieldEscape } from '../ui/field-escape';
import type { LinkTarget } from './item-links';
import { LinkForm, type LinkChoice } from './LinkForm';

/**
 * Links a whole selection to one person or place (issue 8): pick the record, the role (depicts, mentions, is
 * about), the certainty and optionally a source; then a confirmation names how many items change before
 * anything is sent. Items already linked that way are left as they are (the result says how many changed).
 */
export function BatchLinkDialog({
  target,
  count,
  onApply,
  onClose,
}: {
  target: LinkTarget;
  count: number;
  onApply(choice: LinkChoice): Promise<void>;
  onClose(): void;
}) {
  const [choice, setChoice] = useState<LinkChoice | null>(null);
  // Cancel on the confirmation goes back to the form with the same choices.
  const [last, setLast] = useState<LinkChoice | undefined>(undefined);
  const items = itemsWord(count);

  if (choice) {
    return (
      <ConfirmDialog title="Link the selected items?" confirmLabel={`Link ${items}`} onConfirm={() => onApply(choice)} onClose={() => {
          setLast(choice);
          setChoice(null);
        }}
      >
        <p className="batch-question">
          Link {items} to “<UserText text={choice.record.label} />” as “{choice.typeLabel}” ({choice.certaintyLabel.toLowerCase()})?
        </p>
        {choice.source && (
          <p>
            Source: <UserText text={choice.source.label} />
          </p>
        )}
        <p className="muted">Items already linked to them this way are left as they are. The whole batch can be undone in one step.</p>
      </ConfirmDialog>
    );
  }

  return (
    <Modal title={target === 'person' ? `Link ${items} to a person` : `Link ${items} to a place`} onClose={onClose} className="batch-dialog">
      <div onKeyDown={(event) => keepFieldEscape(event)}>
        <LinkForm target={target} initial={last} submitLabel="Link…" onSubmit={async (picked) => setChoice(picked)} onCancel={onClose} />
      </div>
    </Modal>
  );
}
