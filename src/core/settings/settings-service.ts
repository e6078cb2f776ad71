/**
 * Catalogue identity and the current actor. The actor is a person, not a machine account (DESIGN.md §7):
 * set once on first use, changeable, and every change is written to the custody log.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../shared/dto';
import type { CustodyLog } from '../custody/custody-log';
import type { Db } from '../db/open-database';
import type { EventBus } from '../events/event-bus';
import type { SettingsRepository } from './settings-repository';

const KEYS = { catalogueId: 'catalogue.id', actorName: 'actor.name', actorOrganisation: 'actor.organisation' };

/** Returns the catalogue's random id, creating it (and logging the catalogue's creation) on first open. */
export function ensureCatalogueId(settings: SettingsRepository): { catalogueId: string; created: boolean } {
  const existing = settings.get(KEYS.catalogueId);
  if (existing) return { catalogueId: existing, created: false };
  const catalogueId = randomUUID();
  settings.set(KEYS.catalogueId, catalogueId);
  return { catalogueId, created: true };
}

export function readActor(settings: SettingsRepository): Actor | null {
  const name = settings.get(KEYS.actorName);
  if (!name) return null;
  return { name, organisation: settings.get(KEYS.actorOrganisation) ?? '' };
}

export function createSettingsService(deps: {
  db: Db;
  settings: SettingsRepository;
  custody: CustodyLog;
  events: EventBus;
}) {
  const { db, settings, custody, events } = deps;
  const setActor = db.transaction((actor: Actor): Actor => {
    const before = readActor(settings);
    if (before && before.name === actor.name && before.organisation === actor.organisation) return before;
    settings.set(KEYS.actorName, actor.name);
    settings.set(KEYS.actorOrganisation, actor.organisation);
    custody.append({
      action: 'settings-changed',
      targetType: 'settings',
      targetRef: 'actor',
      details: { before, after: actor },
    });
    return actor;
  });

  return {
    getActor: () => readActor(settings),
    setActor(actor: Actor): Actor {
      const saved = setActor(actor);
      events.emit({ type: 'catalogue-changed', what: ['settings'] });
      return saved;
    },
  };
}
