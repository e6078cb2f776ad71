/** The catalogue itself: its status, who is acting, and its vocabularies. */
import type { Actor, CatalogueStatus, Vocabularies } from '../dto';
import type { EveryMethodListed, NoArgs } from './common';

export interface SettingsApi {
  getStatus(args?: NoArgs): Promise<CatalogueStatus>;
  /** Saves who is cataloguing (recorded with every change); logged. */
  setActor(args: Actor): Promise<Actor>;
  getVocabularies(args?: NoArgs): Promise<Vocabularies>;
}

export const settingsMethods = ['getStatus', 'setActor', 'getVocabularies'] as const satisfies readonly (keyof SettingsApi)[];
const _settings: EveryMethodListed<SettingsApi, typeof settingsMethods> = true;
void _settings;
