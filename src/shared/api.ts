/**
 * The one contract between the renderer and the core (DESIGN.md §2). `CatalogueApi` is the single source of
 * truth: the method list below and the zod schemas in api-schemas.ts are both checked against it at compile
 * time, so no channel name is ever written by hand twice. This file stays free of zod so the renderer and
 * the preload do not bundle it.
 */
import type {
  Actor,
  CatalogueStatus,
  ExhibitSetSummary,
  ItemDetail,
  ItemKind,
  ItemSort,
  ItemSummary,
  Page,
  PersonSummary,
  PlaceSummary,
  SearchHit,
  VerifyReport,
} from './dto';

export interface PageArgs {
  offset?: number;
  limit?: number;
}

export interface ItemListArgs extends PageArgs {
  sort?: ItemSort;
  order?: 'asc' | 'desc';
  kind?: ItemKind;
  /** A tag label (English or Persian); only items with that tag. */
  tag?: string;
  /** ISO days (YYYY-MM-DD), inclusive, on the date the photo was taken. */
  takenFrom?: string;
  takenTo?: string;
}

export interface JobRef {
  jobId: string;
}

export interface SearchArgs {
  query: string;
  limit?: number;
}

/** Methods without arguments take an optional empty object so every method has the same shape. */
export type NoArgs = Record<string, never> | undefined;

export interface CatalogueApi {
  getStatus(args?: NoArgs): Promise<CatalogueStatus>;
  setActor(args: Actor): Promise<Actor>;
  listItems(args?: ItemListArgs): Promise<Page<ItemSummary>>;
  getItem(args: { id: number }): Promise<ItemDetail>;
  /** Starts importing files and folders (recursively) on this computer; progress arrives as job-progress events. */
  importPaths(args: { paths: string[] }): Promise<JobRef>;
  /** Starts importing files a browser uploaded to the web host's /upload (each upload's id). */
  importUploads(args: { uploadIds: string[] }): Promise<JobRef>;
  /** Asks a running job to stop; files already imported stay, the one in progress is rolled back. */
  cancelJob(args: JobRef): Promise<{ cancelled: boolean }>;
  listPersons(args?: PageArgs): Promise<Page<PersonSummary>>;
  listPlaces(args?: PageArgs): Promise<Page<PlaceSummary>>;
  listExhibitSets(args?: NoArgs): Promise<ExhibitSetSummary[]>;
  search(args: SearchArgs): Promise<SearchHit[]>;
  verify(args?: NoArgs): Promise<VerifyReport>;
}

export type ApiMethod = keyof CatalogueApi;
export type ApiArgs<M extends ApiMethod> = Parameters<CatalogueApi[M]>[0];
export type ApiValue<M extends ApiMethod> = Awaited<ReturnType<CatalogueApi[M]>>;

/** The largest page a list method returns at once. */
export const MAX_PAGE = 1000;

/**
 * Every method name, in a stable order: the allow-list of the preload and the routes of the hosts. The two
 * checks below make a missing or an unknown name a compile error, so this list and the interface cannot drift.
 */
export const apiMethods = Object.freeze([
  'getStatus',
  'setActor',
  'listItems',
  'getItem',
  'importPaths',
  'importUploads',
  'cancelJob',
  'listPersons',
  'listPlaces',
  'listExhibitSets',
  'search',
  'verify',
] as const satisfies readonly ApiMethod[]);
type MissingMethods = Exclude<ApiMethod, (typeof apiMethods)[number]>;
const _everyMethodListed: [MissingMethods] extends [never] ? true : MissingMethods = true;
void _everyMethodListed;

const methodSet: ReadonlySet<string> = new Set(apiMethods);
export function isApiMethod(name: string): name is ApiMethod {
  return methodSet.has(name);
}

/** IPC channel names carry the app's own prefix, so the preload and main process can refuse anything else. */
export const IPC_PREFIX = 'vigil:';
export const IPC_EVENT_CHANNEL = 'vigil:event';
/** The desktop shell's own capability (not part of the catalogue contract): the native open dialog. */
export const IPC_PICK_PATHS_CHANNEL = 'vigil:pick-paths';
export const ipcChannel = (method: ApiMethod): string => `${IPC_PREFIX}${method}`;
