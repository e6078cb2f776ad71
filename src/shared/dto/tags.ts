/** Tags: hierarchical vocabularies (fate, act types, place types) and free tags, labelled in both languages. */
import type { TagId } from '../ids';

/** A tag as attached to a record. */
export interface TagRef {
  id: TagId;
  vocabulary: string;
  labelEn: string | null;
  labelFa: string | null;
}

export interface TagDto extends TagRef {
  globalId: string;
  parentId: TagId | null;
  standardTerm: string | null;
  /** Items and persons carrying the tag (not counting deleted records). */
  itemCount: number;
  personCount: number;
}

export interface TagInput {
  vocabulary?: string;
  parentId?: TagId | null;
  labelEn?: string | null;
  labelFa?: string | null;
}

/** An existing tag by id, or one by label (in either language), made as a free tag when there is none. */
export type TagSpec = { id: TagId } | { label: string; vocabulary?: string };
