/**
 * The composition root of the core: opens (or creates) a catalogue folder, locks it, migrates it, and wires
 * repositories and services into the CatalogueApi. Every host calls this and nothing else in src/core.
 */
import { existsSync, statSync } from 'node:fs';
import type { CatalogueApi } from '../../shared/api';
import type { Actor, CustodyEvent } from '../../shared/dto';
import { formatRef } from '../../shared/ids';
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
import { createCustodyRepository, type CustodyRow } from '../repositories/custody-repository';
import { createExhibitsRepository } from '../repositories/exhibits-repository';
import { createIntegrityRepository } from '../repositories/integrity-repository';
import { createItemsRepository } from '../repositories/items-repository';
import { createPersonsRepository } from '../repositories/persons-repository';
import { createPlacesRepository } from '../repositories/places-repository';
import { createSettingsRepository } from '../repositories/settings-repository';
import { createSearchService } from '../services/search-service';
import { createSettingsService, ensureCatalogueId, readActor } from '../services/settings-service';
import { createVerifyService } from '../services/verify-service';
import { removeStrayTemporaryFiles } from '../catalogue/startup-cleanup';
import { createCopyWorkers } from '../ingest/copy-workers';
import { createImportService, type ImportOptions } from '../ingest/import-service';
import { createJobRegistry } from '../ingest/job-registry';
import { createPreviewSink } from '../ingest/preview-sink';
import { createUploadStaging } from '../ingest/upload-staging';
import { walkSources, type WalkEntry } from '../ingest/walk-sources';
import { extractMetadata } from '../metadata/extract-metadata';
import { createPreviewQueue } from '../previews/preview-queue';
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

function toCustodyEvent(row: CustodyRow): CustodyEvent {
  return {
    seq: row.seq,
    at: row.at,
    timeZone: row.timeZone,
    actor: row.actor,
    actorOrganisation: row.actorOrganisation,
    action: row.action,
    targetRef: row.targetRef,
    sha256Before: row.sha256Before,
    sha256After: row.sha256After,
    tool: row.tool,
    toolVersion: row.toolVersion,
    details: row.details,
    hash: row.hash,
  };
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
    // Nothing in these folders is part of the catalogue; an interrupted import may have left files there.
    await removeStrayTemporaryFiles([layout.vaultTemp, layout.derivedTemp, layout.staging]);
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
  let closed = false;
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
  const custodyRepo = createCustodyRepository(db);
  const custody = createCustodyLog(custodyRepo, {
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
  const verifyService = createVerifyService({ integrity: createIntegrityRepository(db), custody, items, vaultDir: layout.vault });

  const previews = createPreviewSink({
    createQueue: (onDone) => createPreviewQueue({ onDone }),
    enabled: options.previews !== false,
    items,
    events,
    derivedDir: layout.derived,
    isOpen: () => !closed,
  });
  // Two copy workers (measured best on 2 cores; a third only contends): they never wait on the disk
  // themselves, so two keep both cores busy beside this thread's metadata reading.
  const copier = createCopyWorkers(2);
  const importer = createImportService({
    copier,
    db,
    vaultDir: layout.vault,
    items,
    custody,
    events,
    now,
    previews,
    extract: async (content, fileName, complete) => {
      const meta = await extractMetadata(content, fileName);
      if (!complete) meta.warnings.push('The file is very large: its metadata was read from its first 16 MiB only.');
      return meta;
    },
  });
  const jobs = createJobRegistry({ events, now, onError: (error) => options.onInternalError?.('import job', error) });
  const staging = createUploadStaging(layout.staging);
  // Previews that an earlier run did not finish (closed or crashed) are made now, in the background.
  for (const pending of options.previews === false ? [] : items.pendingPreviews()) {
    void previews.enqueue({ itemId: pending.id, sha256: pending.sha256, sourcePath: vaultPath(layout.vault, pending.sha256) });
  }
  // The walk stops at a cancel too, so a long listing does not outlive its import.
  const importPaths = (paths: readonly string[], importOptions: ImportOptions = {}) =>
    importer.importSources(walkSources(paths, importOptions.signal), importOptions);

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
      return items.page(args);
    },
    async getItem({ id }) {
      const detail = items.detail(id);
      if (!detail) throw new CatalogueError('NOT_FOUND', `There is no item ${formatRef('item', id)}.`);
      return { ...detail, custody: custodyRepo.forTarget('item', detail.ref).map(toCustodyEvent) };
    },
    async importPaths({ paths }) {
      const jobId = jobs.start('import', (signal, report) => importPaths(paths, { signal, onProgress: report }));
      return { jobId };
    },
    async importUploads({ uploadIds }) {
      const { files, unknown } = staging.take(uploadIds);
      if (files.length === 0) {
        throw new CatalogueError('NOT_FOUND', 'None of these uploads is waiting to be imported: upload the files again.');
      }
      const entries: WalkEntry[] = [
        ...files.map((file): WalkEntry => ({ type: 'file', file })),
        ...unknown.map((id): WalkEntry => ({ type: 'failed', path: `upload ${id}`, reason: 'This upload never arrived or was already imported.' })),
      ];
      const jobId = jobs.start('import', async (signal, report) => {
        try {
          return await importer.importSources(entries, { signal, onProgress: report });
        } finally {
          await staging.discard(files);
        }
      });
      return { jobId };
    },
    async cancelJob({ jobId }) {
      return { cancelled: jobs.cancel(jobId) };
    },
    async listPersons(args) {
      return persons.page(args?.offset ?? 0, args?.limit ?? 100);
    },
    async listPlaces(args) {
      return places.page(args?.offset ?? 0, args?.limit ?? 100);
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

  let closing: Promise<void> | null = null;
  return {
    catalogueDir: layout.root,
    importPaths,
    stageUpload: (body, info) => staging.stage(body, info),
    async idle() {
      await jobs.idle();
      await previews.queue.idle();
    },
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
      closing ??= (async () => {
        try {
          await jobs.stopAll();
          previews.release();
          await previews.queue.idle();
          await copier.close();
        } finally {
          closed = true;
          try {
            db.close();
          } finally {
            lock.release();
          }
        }
      })();
      return closing;
    },
  };
}
