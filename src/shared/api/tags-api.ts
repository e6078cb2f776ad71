/** Tags, and tagging one record or a whole selection. */
import type { Changed, TagDto, TagInput, TagSpec } from '../dto';
import type { PersonId, TagId } from '../ids';
import type { EveryMethodListed, ItemSelection, NoArgs } from './common';

export interface TaggingResult {
  /** Records whose tags changed (a record that already had a tag added is not counted). */
  changed: number;
  /** The tags added, including free tags made for labels that had none. */
  tags: TagDto[];
}

export interface TagsApi {
  /** Every live tag: a few thousand at most, so editors filter them as the user types without asking again. */
  listTags(args?: NoArgs): Promise<TagDto[]>;
  createTag(args: TagInput): Promise<Changed<TagDto>>;
  updateTag(args: { id: TagId; patch: TagInput }): Promise<Changed<TagDto>>;
  /** A soft delete: the tag leaves every editor and list; records keep it in their history. */
  deleteTag(args: { id: TagId; reason: string }): Promise<Changed<TagDto>>;
  tagItems(args: { selection: ItemSelection; add?: TagSpec[]; remove?: TagId[] }): Promise<Changed<TaggingResult>>;
  tagPersons(args: { ids: PersonId[]; add?: TagSpec[]; remove?: TagId[] }): Promise<Changed<TaggingResult>>;
}

export const tagsMethods = ['listTags', 'createTag', 'updateTag', 'deleteTag', 'tagItems', 'tagPersons'] as const satisfies readonly (keyof TagsApi)[];
const _tags: EveryMethodListed<TagsApi, typeof tagsMethods> = true;
void _tags;
