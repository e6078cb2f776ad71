/**
 * The one contract between the renderer and the core (DESIGN.md §2). `CatalogueApi` is the single source of
 * truth; `apiSchemas` must have a zod schema for every method (the mapped type makes a missing or extra key a
 * compile error), and the method list that the preload allows and the hosts route is derived from it, so no
 * channel name is ever written by hand twice.
 */
import { z } from 'zod';
import type {
  Actor,
  CatalogueStatus,
  ExhibitSetSummary,
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

export interface SearchArgs {
  query: string;
  limit?: number;
}

/** Methods without arguments take an optional empty object so every method has the same shape. */
export type NoArgs = Record<string, never> | undefined;

export interface CatalogueApi {
  getStatus(args?: NoArgs): Promise<CatalogueStatus>;
  setActor(args: Actor): Promise<Actor>;
  listItems(args?: PageArgs): Promise<Page<ItemSummary>>;
  listPersons(args?: PageArgs): Promise<Page<PersonSummary>>;
  listPlaces(args?: PageArgs): Promise<Page<PlaceSummary>>;
  listExhibitSets(args?: NoArgs): Promise<ExhibitSetSummary[]>;
  search(args: SearchArgs): Promise<SearchHit[]>;
  verify(args?: NoArgs): Promise<VerifyReport>;
}

export type ApiMethod = keyof CatalogueApi;
export type ApiArgs<M extends ApiMethod> = Parameters<CatalogueApi[M]>[0];
export type ApiValue<M extends ApiMethod> = Awaited<ReturnType<CatalogueApi[M]>>;

export const MAX_PAGE = 1000;

const noArgs = z.object({}).strict().optional();
const pageArgs = z
  .object({
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(MAX_PAGE).optional(),
  })
  .strict()
  .optional();

/** Trimmed, not blank, no control characters other than ordinary spaces. */
const personText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

export const apiSchemas: { [M in ApiMethod]: z.ZodType<ApiArgs<M>> } = {
  getStatus: noArgs,
  setActor: z.object({ name: personText(200), organisation: personText(200) }).strict(),
  listItems: pageArgs,
  listPersons: pageArgs,
  listPlaces: pageArgs,
  listExhibitSets: noArgs,
  search: z
    .object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() })
    .strict(),
  verify: noArgs,
} as { [M in ApiMethod]: z.ZodType<ApiArgs<M>> };

/** Every method name, in a stable order; the allow-list of the preload and the routes of the web host. */
export const apiMethods = Object.freeze(Object.keys(apiSchemas) as ApiMethod[]);

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiSchemas, name);
}

/** IPC channel names carry the app's own prefix, so the preload and main process can refuse anything else. */
export const IPC_PREFIX = 'vigil:';
export const IPC_EVENT_CHANNEL = 'vigil:event';
export const ipcChannel = (method: ApiMethod): string => `${IPC_PREFIX}${method}`;
