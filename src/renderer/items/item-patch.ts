/** The item edit form's fields, and the patch they make. */
import type { ItemDetail, ItemPatch, Sensitivity } from '../../shared/dto';
import type { SourceId } from '../../shared/ids';

export interface ItemDraft {
  title: string;
  description: string;
  sensitivity: Sensitivity;
  source: { id: SourceId; label: string } | null;
  acquiredBy: string;
  method: string;
  /** The acquisition date as typed (the core reads it, and keeps the text as typed). */
  date: string;
}

export function draftOf(item: ItemDetail): ItemDraft {
  const a = item.acquisition;
  return {
    title: item.title ?? '',
    description: item.description ?? '',
    sensitivity: item.sensitivity,
    source: a.source ? { id: a.source.id, label: a.source.title } : null,
    acquiredBy: a.acquiredBy ?? '',
    method: a.method ?? '',
    date: a.date?.original ?? '',
  };
}

/** Blank text is no value. */
const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/**
 * Only the fields that differ from the record go to the core, so the custody log's before and after name
 * exactly what the archivist changed (and Undo takes back only that). Null when nothing changed.
 */
export function itemPatch(item: ItemDetail, draft: ItemDraft): ItemPatch | null {
  const patch: ItemPatch = {};
  const title = orNull(draft.title);
  if (title !== item.title) patch.title = title;
  const description = orNull(draft.description);
  if (description !== item.description) patch.description = description;
  if (draft.sensitivity !== item.sensitivity) patch.sensitivity = draft.sensitivity;

  const before = item.acquisition;
  const acquisition: NonNullable<ItemPatch['acquisition']> = {};
  const sourceId = draft.source?.id ?? null;
  if (sourceId !== (before.source?.id ?? null)) acquisition.sourceId = sourceId;
  const acquiredBy = orNull(draft.acquiredBy);
  if (acquiredBy !== before.acquiredBy) acquisition.acquiredBy = acquiredBy;
  const method = orNull(draft.method);
  if (method !== before.method) acquisition.method = method;
  // The date goes as typed, untrimmed: the core keeps the original text exactly.
  if (draft.date !== (before.date?.original ?? '')) acquisition.date = draft.date.trim() === '' ? null : draft.date;
  if (Object.keys(acquisition).length > 0) patch.acquisition = acquisition;

  return Object.keys(patch).length > 0 ? patch : null;
}
