/** The one search box over everything (DESIGN.md §5), and the exhibit sets. */
import type { ExhibitSetSummary, SearchHit } from '../dto';
import type { EveryMethodListed, NoArgs } from './common';

export interface SearchArgs {
  query: string;
  limit?: number;
}

export interface SearchApi {
  search(args: SearchArgs): Promise<SearchHit[]>;
  listExhibitSets(args?: NoArgs): Promise<ExhibitSetSummary[]>;
}

export const searchMethods = ['search', 'listExhibitSets'] as const satisfies readonly (keyof SearchApi)[];
const _search: EveryMethodListed<SearchApi, typeof searchMethods> = true;
void _search;
