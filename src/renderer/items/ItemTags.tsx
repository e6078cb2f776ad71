import type { ItemDetail, TagRef, TagSpec } from '../../shared/dto';
import { useChanges } from '../changes/use-changes';
import { useClient } from '../client/use-client';
import { TagEditor } from '../tags/TagEditor';
import { tagLabel } from '../tags/tag-matching';
import { useTags } from '../tags/use-tags';

/**
 * An item's tags in its panel (issue 8): the keyboard-first tag editor, each addition or removal one change
 * (tagItems with this item's id), with Undo. A label no tag has becomes a new free tag.
 */
export function ItemTags({ item, onChanged }: { item: ItemDetail; onChanged(): void }) {
  const { api } = useClient();
  const changes = useChanges();
  const { tags, reload: reloadTags } = useTags();
  const selection = { ids: [item.id] };

  const add = async (spec: TagSpec) => {
    const label = 'id' in spec ? tagLabel(tags.find((t) => t.id === spec.id) ?? { labelEn: null, labelFa: null }) : spec.label;
    await changes.run(`Tagged ${item.ref} with “${label}”`, () => api.tagItems({ selection, add: [spec] }));
    if (!('id' in spec)) reloadTags(); // a new free tag: the editors should offer it from now on
    onChanged();
  };
  const remove = async (tag: TagRef) => {
    await changes.run(`Removed “${tagLabel(tag)}” from ${item.ref}`, () => api.tagItems({ selection, remove: [tag.id] }));
    onChanged();
  };

  return <TagEditor label={`Tags of ${item.ref}`} value={item.tags} onAdd={add} onRemove={remove} />;
}
