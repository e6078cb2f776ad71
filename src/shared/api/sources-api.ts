/** Sources: who or what gave the information. */
import type { Changed, Page, SourceInput, SourceSummary } from '../dto';
import type { SourceId } from '../ids';
import type { EveryMethodListed, PageArgs } from './common';

export interface SourcesApi {
  listSources(args?: PageArgs & { text?: string }): Promise<Page<SourceSummary>>;
  createSource(args: SourceInput): Promise<Changed<SourceSummary>>;
  updateSource(args: { id: SourceId; patch: Partial<SourceInput> }): Promise<Changed<SourceSummary>>;
}

export const sourcesMethods = ['listSources', 'createSource', 'updateSource'] as const satisfies readonly (keyof SourcesApi)[];
const _sources: EveryMethodListed<SourcesApi, typeof sourcesMethods> = true;
void _sources;
