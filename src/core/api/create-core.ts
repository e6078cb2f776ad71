/**
 * The composition root of the core: opens a catalogue folder (creating it only when asked), locks it,
 * migrates it, and wires repositories and services into the CatalogueApi. Every host calls this and nothing
 * else in src/core.
 */
import { existsSync, statSync } from 'node:fs';
import type { Actor } from '../../shared/dto';
import { CatalogueError } from '../../shared/errors';
import { VIGIL_VERSION } from '../../shared/version';
import { changingMethods } from '../../shared/api';
import { acquireCatalogueLock } from '../catalogue/catalogue-lock';
import { catalogueLayout, catalogueState, ensureCatalogueFolders, type CatalogueLayout } from '../catalogue/catalogue-layout';
import { removeStrayTemporaryFiles } from '../catalogue/startup-cleanup';
import { createCustodyLog } from '../custody/custody-log';
import { createCustodyRepository } from '../custody/custody-repository';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { migrate, newerSchemaError } from '../db/migrate';
import { openDatabase, readSchemaVersion, type Db } from '../db/open-database';
import { createEventBus } from '../events/event-bus';
import { createCopyWorkers } from '../ingest/copy-workers';
import { createImportService, type ImportOptions } from '../ingest/import-service';
import { createPreviewSink } from '../ingest/preview-sink';
import { createUploadStaging } from '../ingest/upload-staging';
import { walkSources } from '../ingest/walk-sources';
import { createJobRegistry } from '../jobs/job-registry';
import { extractMetadata } from '../metadata/extract-metadata';
import { createPersonsCsvService } from '../persons-csv/persons-csv-service';
import { createPreviewQueue } from '../previews/preview-queue';
import { createSettingsRepository } from '../settings/settings-repository';
import { createSettingsService, ensureCatalogueId, readActor } from '../settings/settings-service';
import { derivedPath, vaultPath } from '../vault/vault-paths';
import { createIntegrityRepository } from '../verify/integrity-repository';
import { createVerifyService } from '../verify/verify-service';
import { createCatalogueApi } from './catalogue-api';
import type { Core, CoreOptions, DownloadFile, MediaFile } from './core-types';
import { createDispatcher } from './dispatcher';
import { wireServices } from './wire-services';

export const UNREGISTERED_WORKSTATION = 'unregistered';

export interface CreateCoreOptions extends CoreOptions {
  /** The CLI's `--actor NAME`: acts as this person without changing the catalogue's setting. */
  actor?: Actor;
  onInternalError?: (method: string, error: unknown) => void;
}

/** Refuses, before anything is written, a folder that is not a catalogue (unless asked to create one there). */
function checkFolder(layout: CatalogueLayout, create: boolean): void {
  const state = catalogueState(layout);
  if (state === 'a-file') throw new CatalogueError('INVALID_ARGUMENT', `${layout.root} is a file, not a catalogue folder.`);
  if (state === 'catalogue') return;
  if (!create) {
    throw new CatalogueError('NOT_FOUND', `There is no Vigil catalogue at ${layout.root} (no catalogue.sqlite there). Nothing was created.`);
  }
  if (state === 'not-a-catalogue') {
    throw new CatalogueError(
      'CONFLICT',
      `${layout.root} already holds other files and is not a Vigil catalogue. Choose a new or empty folder; nothing was written.`,
    );
  }
}

export async function createCore(options: CreateCoreOptions): Promise<Core> {
  const layout = catalogueLayout(options.catalogueDir);
  checkFolder(layout, options.create ?? false);
  ensureCatalogueFolders(layout);
  const lock = acquireCatalogueLock(layout);

  let db: Db | null = null;
  try {
    const found = readSchemaVersion(layout.database, options);
    if (found > LATEST_SCHEMA_VERSION) throw newerSchemaError(found);
    db = openDatabase(layout.database, options);
    // Nothing in these folders is part of the catalogue; an interrupted run may have left files there.
    await removeStrayTemporaryFiles([layout.vaultTemp, layout.derivedTemp, layout.staging, layout.exports]);
    return wire(db, layout, lock, options);
  } catch (error) {
    db?.close();
    lock.release();
    throw error;
  }
}

function wire(db: Db, layout: CatalogueLayout, lock: { release(): void }, options: CreateCoreOptions): Core {
  let closed = false;
  const now = options.now ?? (() => new Date());
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const migration = migrate(db, { backupsDir: layout.backups, now: now() });

  const settings = createSettingsRepository(db);
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
      return actor ? { name: actor.name, organisation: actor.organisation || null } : null;
    },
  });

  db.transaction(() => {
    const ensured = ensureCatalogueId(settings);
    catalogueId = ensured.catalogueId;
    if (ensured.created) {
      custody.append({ action: 'catalogue-created', targetType: 'catalogue', targetRef: catalogueId, details: { schemaVersion: migration.to }, system: true });
    } else if (migration.from !== migration.to) {
      custody.append({
        action: 'schema-migrated',
        targetType: 'catalogue',
        targetRef: catalogueId,
        details: { from: migration.from, to: migration.to, backup: migration.backup ? migration.backup.slice(layout.root.length + 1) : null },
        system: true,
      });
    }
  })();

  const wired = wireServices({ db, custody, custodyRepo, events, now });
  const { repos } = wired;
  const settingsService = createSettingsService({ db, settings, custody, events });
  const verifyService = createVerifyService({ integrity: createIntegrityRepository(db), custody, items: repos.items, vaultDir: layout.vault });

  const previews = createPreviewSink({
    createQueue: (onDone) => createPreviewQueue({ onDone }),
    enabled: options.previews !== false,
    items: repos.items,
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
    items: repos.items,
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
  const jobs = createJobRegistry({ events, now, onError: (error) => options.onInternalError?.('job', error) });
  const staging = createUploadStaging(layout.staging);
  const csv = createPersonsCsvService(wired.ctx, { ...wired.services, repos });
  const downloads = new Map<string, { path: string; fileName: string }>();
  // Previews that an earlier run did not finish (closed or crashed) are made now, in the background.
  for (const pending of options.previews === false ? [] : repos.items.pendingPreviews()) {
    void previews.enqueue({ itemId: pending.id, sha256: pending.sha256, sourcePath: vaultPath(layout.vault, pending.sha256) });
  }
  // The walk stops at a cancel too, so a long listing does not outlive its import.
  const importPaths = async (paths: readonly string[], importOptions: ImportOptions = {}) => {
    custody.requireActor();
    return importer.importSources(walkSources(paths, importOptions.signal), importOptions);
  };

  const api = createCatalogueApi({
    layout,
    catalogueId: () => catalogueId,
    schemaVersion: LATEST_SCHEMA_VERSION,
    wired,
    settings: settingsService,
    custody,
    jobs,
    importer,
    staging,
    csv,
    verify: verifyService,
    downloads,
    now,
  });

  let closing: Promise<void> | null = null;
  return {
    catalogueDir: layout.root,
    importPaths,
    async importPersonsCsv(path, runOptions = {}) {
      custody.requireActor();
      return csv.importFile(path, runOptions);
    },
    previewPersonsCsv: (path) => csv.preview(path),
    async exportPersons(path, runOptions = {}) {
      custody.requireActor();
      const { rows, cancelled } = await csv.exportFile(path, runOptions);
      return { rows, cancelled, path, downloadId: null };
    },
    verify: (runOptions = {}) => verifyService.verify(runOptions.signal, runOptions.onProgress),
    stageUpload: (body, info) => staging.stage(body, info),
    async idle() {
      await jobs.idle();
      await previews.queue.idle();
    },
    api,
    dispatch: createDispatcher(api, {
      onInternalError: options.onInternalError,
      // A change without a named actor is refused before it starts (the custody log refuses it anyway).
      beforeCall: (method) => {
        if (changingMethods.has(method)) custody.requireActor();
      },
    }),
    onEvent: events.on,
    resolveMedia(itemId, variant): MediaFile {
      const info = Number.isSafeInteger(itemId) && itemId > 0 ? repos.items.fileInfo(itemId) : null;
      if (!info) throw new CatalogueError('NOT_FOUND', `There is no item ${itemId}.`);
      if (variant === 'original') return { path: vaultPath(layout.vault, info.sha256), mime: info.mime, size: info.size };
      const path = derivedPath(layout.derived, variant, info.sha256);
      if (!existsSync(path)) throw new CatalogueError('NOT_FOUND', `Item ${itemId} has no ${variant} yet.`);
      return { path, mime: 'image/webp', size: statSync(path).size };
    },
    resolveDownload(downloadId): DownloadFile {
      const found = downloads.get(downloadId);
      if (!found || !existsSync(found.path)) throw new CatalogueError('NOT_FOUND', 'There is no such export: make it again.');
      return { path: found.path, fileName: found.fileName, mime: 'text/csv; charset=utf-8', size: statSync(found.path).size };
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
