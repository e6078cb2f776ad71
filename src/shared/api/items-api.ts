/** Items: the catalogued files. */
import type { Changed, ItemDetail, ItemPatch, ItemSummary, Page } from '../dto';
import type { ItemId } from '../ids';
import type { EveryMethodListed, ItemListArgs, JobRef } from './common';

export interface ItemsApi {
  listItems(args?: ItemListArgs): Promise<Page<ItemSummary>>;
  getItem(args: { id: ItemId }): Promise<ItemDetail>;
  /** Changes an item's title, description, sensitivity or acquisition; logged with before and after. */
  updateItem(args: { id: ItemId; patch: ItemPatch }): Promise<Changed<ItemDetail>>;
  /** Starts importing files and folders (recursively) on this computer; progress arrives as job-progress events. */
  importPaths(args: { paths: string[] }): Promise<JobRef>;
  /** Starts importing files a browser uploaded to the web host's /upload (each upload's id). */
  importUploads(args: { uploadIds: string[] }): Promise<JobRef>;
}

export const itemsMethods = ['listItems', 'getItem', 'updateItem', 'importPaths', 'importUploads'] as const satisfies readonly (keyof ItemsApi)[];
const _items: EveryMethodListed<ItemsApi, typeof itemsMethods> = true;
void _items;
