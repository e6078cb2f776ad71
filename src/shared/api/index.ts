/**
 * The one contract between the renderer and the core (DESIGN.md §2), grown by domain: each part declares its
 * methods and lists them, and `CatalogueApi` is their union, served by one dispatcher. The method lists and the
 * zod schemas (api-schemas/) are checked against the interfaces at compile time, so no channel name is ever
 * written by hand twice. This folder stays free of zod so the renderer and the preload do not bundle it.
 */
import type { HistoryApi } from './history-api';
import { historyMethods } from './history-api';
import type { ItemsApi } from './items-api';
import { itemsMethods } from './items-api';
import type { JobsApi } from './jobs-api';
import { jobsMethods } from './jobs-api';
import type { LinksApi } from './links-api';
import { linksMethods } from './links-api';
import type { PersonsApi } from './persons-api';
import { personsMethods } from './persons-api';
import type { PlacesApi } from './places-api';
import { placesMethods } from './places-api';
import type { SearchApi } from './search-api';
import { searchMethods } from './search-api';
import type { SettingsApi } from './settings-api';
import { settingsMethods } from './settings-api';
import type { SourcesApi } from './sources-api';
import { sourcesMethods } from './sources-api';
import type { TagsApi } from './tags-api';
import { tagsMethods } from './tags-api';
import type { EveryMethodListed } from './common';

export type * from './common';
export type { PersonListArgs } from './persons-api';
export type { SearchArgs } from './search-api';
export type { TaggingResult } from './tags-api';
export type { HistoryApi, ItemsApi, JobsApi, LinksApi, PersonsApi, PlacesApi, SearchApi, SettingsApi, SourcesApi, TagsApi };

export interface CatalogueApi
  extends SettingsApi,
    ItemsApi,
    PersonsApi,
    PlacesApi,
    SourcesApi,
    TagsApi,
    LinksApi,
    JobsApi,
    HistoryApi,
    SearchApi {}

export type ApiMethod = keyof CatalogueApi;
export type ApiArgs<M extends ApiMethod> = Parameters<CatalogueApi[M]>[0];
export type ApiValue<M extends ApiMethod> = Awaited<ReturnType<CatalogueApi[M]>>;

/** The largest page a list method returns at once. */
export const MAX_PAGE = 1000;

/**
 * Every method name, in a stable order: the allow-list of the preload and the routes of the hosts. Each part's
 * list is checked against its interface; the check below catches a part left out of this union.
 */
export const apiMethods = Object.freeze([
  ...settingsMethods,
  ...itemsMethods,
  ...personsMethods,
  ...placesMethods,
  ...sourcesMethods,
  ...tagsMethods,
  ...linksMethods,
  ...jobsMethods,
  ...historyMethods,
  ...searchMethods,
] as const);
const _everyMethodListed: EveryMethodListed<CatalogueApi, typeof apiMethods> = true;
void _everyMethodListed;

const methodSet: ReadonlySet<string> = new Set(apiMethods);
export function isApiMethod(name: string): name is ApiMethod {
  return methodSet.has(name);
}

/** Methods that change the catalogue: they need a named actor (issue 8) and refuse to run without one. */
export const changingMethods: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'updateItem',
  'importPaths',
  'importUploads',
  'createPerson',
  'updatePerson',
  'deletePerson',
  'restorePerson',
  'addPersonName',
  'updatePersonName',
  'removePersonName',
  'importPersonsCsv',
  'exportPersons',
  'createPlace',
  'updatePlace',
  'deletePlace',
  'restorePlace',
  'mergePlaces',
  'createSource',
  'updateSource',
  'createTag',
  'updateTag',
  'deleteTag',
  'tagItems',
  'tagPersons',
  'createLink',
  'updateLink',
  'deleteLink',
  'linkItems',
  'undo',
]);

/** IPC channel names carry the app's own prefix, so the preload and main process can refuse anything else. */
export const IPC_PREFIX = 'vigil:';
export const IPC_EVENT_CHANNEL = 'vigil:event';
/** The desktop shell's own capabilities (not part of the catalogue contract): the native open and save dialogs. */
export const IPC_PICK_PATHS_CHANNEL = 'vigil:pick-paths';
export const IPC_PICK_SAVE_PATH_CHANNEL = 'vigil:pick-save-path';
export const ipcChannel = (method: ApiMethod): string => `${IPC_PREFIX}${method}`;
