/** Links between records: one at a time, or from a selection of items to one person or place. */
import type { Changed, LinkInput, LinkPatch, LinkView } from '../dto';
import type { LinkId, PersonId, PlaceId, SourceId } from '../ids';
import type { EveryMethodListed, ItemSelection } from './common';

export interface LinksApi {
  createLink(args: LinkInput): Promise<Changed<LinkView>>;
  updateLink(args: { id: LinkId; patch: LinkPatch }): Promise<Changed<LinkView>>;
  /** A soft delete with a reason; the link stays in the custody history and can be undone. */
  deleteLink(args: { id: LinkId; reason: string }): Promise<Changed<LinkView>>;
  /** Links every selected item to one person or place; items already linked that way are left as they are. */
  linkItems(args: {
    selection: ItemSelection;
    type: string;
    personId?: PersonId;
    placeId?: PlaceId;
    certainty?: string;
    sourceId?: SourceId | null;
  }): Promise<Changed<{ linked: number }>>;
}

export const linksMethods = ['createLink', 'updateLink', 'deleteLink', 'linkItems'] as const satisfies readonly (keyof LinksApi)[];
const _links: EveryMethodListed<LinksApi, typeof linksMethods> = true;
void _links;
