/**
 * The composition root of the core: opens (or creates) a catalogue folder, locks it, migrates it, and wires
 * repositories and services into the CatalogueApi. Every host calls this and nothing else in src/core.
 */
import { existsSync, statSync } from 'node:fs';
import type { CatalogueApi } from '../../shared/api';
import type { Actor } from '../../shared/dto';
import { VIGIL_VERSION } from '../../shared/version';
import { CatalogueError } from '../../shared/errors';
import { acquireCatalogueLock } from '../catalogue/catalogue-lock';
import { catalogueLayout, ensureCatalogueFolders } from '../catalogue/catalogue-layout';
import { createCustodyLog } from '../custody/custody-log';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { migrate, newerSchemaError } from '../db/migrate';
import { openDatabase, readSchemaVersion, type Db } from '../db/open-database';
import { createEventBus } from '../events/event-bus';
import { createCountsRepository } from '../repositories/counts-repository';
import { createCustodyRepository } from '../repositories/custody-repository';
import { createExhibitsRepository } from '../repositories/exhibits-repository';
import { createIntegrityRepository } from '../repositories/integrity-repository';
import { createItemsRepository } from '../repositories/items-repository';
import { createPersonsRepository } from '../repositories/persons-repository';
import { createPlacesRepository } from '../repositories/places-repository';
import { createSettingsRepository } from '../repositories/settings-repository';
import { createSearchService } from '../services/search-service';
import { createSettingsService, ensureCatalogueId, readActor } from '../services/settings-service';
import { createVerifyService } from '../services/verify-service';
import { derivedPath, vaultPath } from '../vault/vault-paths';
import type { Core, CoreOptions, MediaFile } from './core-types';
import { createDispatcher } from './dispatcher';

/** Recorded as the actor when nobody has said who they are yet; honest rather than invented. */
export const UNKNOWN_ACTOR = '(not set)';
export const UNREGISTERED_WORKSTATION = 'unregistered';

export interface CreateCoreOptions extends CoreOptions {
  /** The CLI's `--actor NAME`: acts as this person without changing the catalogue's setting. */
  actor?: Actor;
  onInternalError?: (method: string, error: unknown) => void;
}

export async function createCore(options: CreateCoreOptions): Promise<Core> {
  const layout = catalogueLayout(options.catalogueDir);
  if (existsSync(layout.root) && !statSync(layout.root).isDirectory()) {
    throw new CatalogueError('INVALID_ARGUMENT', `${layout.root} is a file, not a catalogue folder.`);
  }
  ensureCatalogueFolders(layout);
  const lock = acquireCatalogueLock(layout);

  let db: Db | null = null;
  try {
    const found = readSchemaVersion(layout.database, options);
    if (found > LATEST_SCHEMA_VERSION) throw newerSchemaError(found);
    db = openDatabase(layout.database, options);
    return wire(db, layout, lock, options);
  } catch (error) {
    db?.close();
    lock.release();
    throw error;
  }
}

function wire(
  db: Db,
  layout: ReturnType<typeof catalogueLayout>,
  lock: { release(): void },
  options: CreateCoreOptions,
): Core {
  const now = options.now ?? (() => new Date());
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const migration = migrate(db, { backupsDir: layout.backups, now: now() });

  const settings = createSettingsRepository(db);
  const items = createItemsRepository(db);
  const persons = createPersonsRepository(db);
  const places = createPlacesRepository(db);
  const exhibits = createExhibitsRepository(db);
  const counts = createCountsRepository(db);
  const events = createEventBus();

  let catalogueId = '';
  const custody = createCustodyLog(createCustodyRepository(db), {
    get catalogueId() {
      return catalogueId;
    },
    workstationId: options.workstationId ?? UNREGISTERED_WORKSTATION,
    toolVersion: options.appVersion ?? VIGIL_VERSION,
    timeZone,
    now,
    actor: () => {
      const actor = options.actor ?? readActor(settings);
      return actor ? { name: actor.name, organisation: actor.organisation || null } : { name: UNKNOWN_ACTOR, organisation: null };
    },
  });

  db.transaction(() => {
    const ensured = ensureCatalogueId(settings);
    catalogueId = ensured.catalogueId;
    if (ensured.created) {
      custody.append({ action: 'catalogue-created', targetType: 'catalogue', targetRef: catalogueId, details: { schemaVersion: migration.to } });
    } else if (migration.from !== migration.to) {
      custody.append({
        action: 'schema-migrated',
        targetType: 'catalogue',
        targetRef: catalogueId,
        details: { from: migration.from, to: migration.to, backup: migration.backup ? migration.backup.slice(layout.root.length + 1) : null },
      });
    }
  })();

  const settingsService = createSettingsService({ db, settings, custody, events });
  const searchService = createSearchService({ items, persons, places });
  const verifyService = createVerifyService({ integrity: createIntegrityRepository(db), custody });

  const page = (args?: { offset?: number; limit?: number }) => ({ offset: args?.offset ?? 0, limit: args?.limit ?? 100 });

  const api: CatalogueApi = {
    async getStatus() {
      return {
        name: layout.name,
        catalogueId,
        schemaVersion: LATEST_SCHEMA_VERSION,
        counts: counts.counts(),
        actor: settingsService.getActor(),
      };
    },
    async setActor(actor) {
      return settingsService.setActor(actor);
    },
    async listItems(args) {
      const { offset, limit } = page(args);
      return items.page(offset, limit);
    },
    async listPersons(args) {
      const { offset, limit } = page(args);
      return persons.page(offset, limit);
    },
    async listPlaces(args) {
      const { offset, limit } = page(args);
      return places.page(offset, limit);
    },
    async listExhibitSets() {
      return exhibits.listSets();
    },
    async search(args) {
      return searchService.search(args.query, args.limit);
    },
    async verify() {
      return verifyService.verify();
    },
  };

  let closed = false;
  return {
    catalogueDir: layout.root,
    api,
    dispatch: createDispatcher(api, { onInternalError: options.onInternalError }),
    onEvent: events.on,
    resolveMedia(itemId, variant): MediaFile {
      const info = Number.isSafeInteger(itemId) && itemId > 0 ? items.fileInfo(itemId) : null;
      if (!info) throw new CatalogueError('NOT_FOUND', `There is no item ${itemId}.`);
      if (variant === 'original') return { path: vaultPath(layout.vault, info.sha256), mime: info.mime, size: info.size };
      const path = derivedPath(layout.derived, variant, info.sha256);
      if (!existsSync(path)) throw new CatalogueError('NOT_FOUND', `Item ${itemId} has no ${variant} yet.`);
      return { path, mime: 'image/webp', size: statSync(path).size };
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        db.close();
      } finally {
        lock.release();
      }
    },
  };
}
