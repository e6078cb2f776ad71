/**
 * The CatalogueApi, implemented once over the services (DESIGN.md §2). Each method only translates the
 * contract's arguments for a service; the rules live in the services.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogueApi } from '../../shared/api';
import type { PersonsExportSummary } from '../../shared/dto';
import { CatalogueError } from '../../shared/errors';
import type { CatalogueLayout } from '../catalogue/catalogue-layout';
import type { CustodyLog } from '../custody/custody-log';
import type { ImportService } from '../ingest/import-service';
import type { UploadStaging } from '../ingest/upload-staging';
import { walkSources, type WalkEntry } from '../ingest/walk-sources';
import type { JobRegistry } from '../jobs/job-registry';
import type { PersonsCsvService } from '../persons-csv/persons-csv-service';
import type { createSettingsService } from '../settings/settings-service';
import type { createVerifyService } from '../verify/verify-service';
import type { Wired } from './wire-services';

export interface ApiDeps {
  layout: CatalogueLayout;
  catalogueId: () => string;
  schemaVersion: number;
  wired: Wired;
  settings: ReturnType<typeof createSettingsService>;
  custody: CustodyLog;
  jobs: JobRegistry;
  importer: ImportService;
  staging: UploadStaging;
  csv: PersonsCsvService;
  verify: ReturnType<typeof createVerifyService>;
  /** Exports made for a browser, by id, until the catalogue closes (served by GET /download/<id>). */
  downloads: Map<string, { path: string; fileName: string }>;
  now: () => Date;
}

/** The path of a file to read: a staged browser upload, or a path the desktop app or CLI was given. */
function filePath(deps: ApiDeps, file: { uploadId: string } | { path: string }): { path: string; name: string } {
  if ('path' in file) return { path: file.path, name: file.path.split(/[\\/]/).pop() ?? file.path };
  const staged = deps.staging.peek(file.uploadId);
  if (!staged) throw new CatalogueError('NOT_FOUND', 'That file is no longer waiting to be read: choose it again.');
  return { path: staged.path, name: staged.originalName };
}

export function createCatalogueApi(deps: ApiDeps): CatalogueApi {
  const { services, repos } = deps.wired;

  return {
    async getStatus() {
      return {
        name: deps.layout.name,
        catalogueId: deps.catalogueId(),
        schemaVersion: deps.schemaVersion,
        counts: repos.counts.counts(),
        actor: deps.settings.getActor(),
      };
    },
    async setActor(actor) {
      return deps.settings.setActor(actor);
    },
    async getVocabularies() {
      return services.vocabularies.all();
    },

    async listItems(args) {
      return repos.items.page(args);
    },
    async getItem({ id }) {
      return services.items.detail(id);
    },
    async updateItem({ id, patch }) {
      return services.items.update(id, patch);
    },
    async importPaths({ paths }) {
      deps.custody.requireActor();
      const jobId = deps.jobs.start('import', (signal, report) =>
        deps.importer.importSources(walkSources(paths, signal), { signal, onProgress: report }),
      );
      return { jobId };
    },
    async importUploads({ uploadIds }) {
      deps.custody.requireActor();
      const { files, unknown } = deps.staging.take(uploadIds);
      if (files.length === 0) {
        throw new CatalogueError('NOT_FOUND', 'None of these uploads is waiting to be imported: upload the files again.');
      }
      const entries: WalkEntry[] = [
        ...files.map((file): WalkEntry => ({ type: 'file', file })),
        ...unknown.map((id): WalkEntry => ({ type: 'failed', path: `upload ${id}`, reason: 'This upload never arrived or was already imported.' })),
      ];
      const jobId = deps.jobs.start('import', async (signal, report) => {
        try {
          return await deps.importer.importSources(entries, { signal, onProgress: report });
        } finally {
          await deps.staging.discard(files);
        }
      });
      return { jobId };
    },

    async listPersons(args) {
      return services.persons.list({
        filter: args?.filter ?? {},
        sort: args?.sort ?? 'ref',
        order: args?.order ?? 'asc',
        offset: args?.offset ?? 0,
        limit: args?.limit ?? 100,
      });
    },
    async getPerson({ id }) {
      return services.persons.detail(id);
    },
    async createPerson(input) {
      return services.persons.create(input);
    },
    async updatePerson({ id, patch }) {
      return services.persons.update(id, patch);
    },
    async deletePerson({ id, reason }) {
      return services.persons.remove(id, reason);
    },
    async restorePerson({ id }) {
      return services.persons.restore(id);
    },
    async addPersonName({ personId, name }) {
      return services.persons.addName(personId, name);
    },
    async updatePersonName({ id, patch }) {
      return services.persons.updateName(id, patch);
    },
    async removePersonName({ id }) {
      return services.persons.removeName(id);
    },
    async personStats(args) {
      return services.persons.stats(args?.filter ?? {});
    },
    async previewPersonsCsv({ file }) {
      return deps.csv.preview(filePath(deps, file).path);
    },
    async importPersonsCsv({ file, mapping }) {
      deps.custody.requireActor();
      const source = filePath(deps, file);
      const staged = 'uploadId' in file ? deps.staging.take([file.uploadId]).files : [];
      const jobId = deps.jobs.start('persons-import', async (signal, report) => {
        try {
          return await deps.csv.importFile(source.path, { signal, onProgress: report, fileName: source.name, ...(mapping ? { mapping } : {}) });
        } finally {
          await deps.staging.discard(staged);
        }
      });
      return { jobId };
    },
    async exportPersons(args) {
      deps.custody.requireActor();
      const filter = args?.filter ?? {};
      // Without a path (a browser), the file is kept for download under an id of its own, fixed before the job starts.
      const downloadId = args?.path ? null : randomUUID();
      const jobId = deps.jobs.start('persons-export', async (signal, report): Promise<PersonsExportSummary> => {
        let path = args?.path;
        if (!path) {
          await mkdir(deps.layout.exports, { recursive: true });
          path = join(deps.layout.exports, `${downloadId}.csv`);
        }
        const { rows, cancelled } = await deps.csv.exportFile(path, { filter, signal, onProgress: report });
        if (downloadId && !cancelled) {
          const day = deps.now().toISOString().slice(0, 10);
          deps.downloads.set(downloadId, { path, fileName: `vigil-persons-${day}.csv` });
        }
        return { rows, cancelled, downloadId: cancelled ? null : downloadId, path: args?.path ?? null };
      });
      return { jobId };
    },

    async listPlaces(args) {
      return services.places.list(args?.filter ?? {}, args?.offset ?? 0, args?.limit ?? 100);
    },
    async getPlace({ id }) {
      return services.places.detail(id);
    },
    async createPlace(input) {
      return services.places.create(input);
    },
    async updatePlace({ id, patch }) {
      return services.places.update(id, patch);
    },
    async deletePlace({ id, reason }) {
      return services.places.remove(id, reason);
    },
    async restorePlace({ id }) {
      return services.places.restore(id);
    },
    async mergePlaces({ keepId, mergeId }) {
      return services.places.merge(keepId, mergeId);
    },

    async listSources(args) {
      return services.sources.list(args?.text ?? '', args?.offset ?? 0, args?.limit ?? 100);
    },
    async createSource(input) {
      return services.sources.create(input);
    },
    async updateSource({ id, patch }) {
      return services.sources.update(id, patch);
    },

    async listTags() {
      return services.tags.list();
    },
    async createTag(input) {
      return services.tags.create(input);
    },
    async updateTag({ id, patch }) {
      return services.tags.update(id, patch);
    },
    async deleteTag({ id, reason }) {
      return services.tags.remove(id, reason);
    },
    async tagItems({ selection, add, remove }) {
      return services.tags.tagItems(selection, add ?? [], remove ?? []);
    },
    async tagPersons({ ids, add, remove }) {
      return services.tags.tagPersons(ids, add ?? [], remove ?? []);
    },

    async createLink(input) {
      return services.links.create(input);
    },
    async updateLink({ id, patch }) {
      return services.links.update(id, patch);
    },
    async deleteLink({ id, reason }) {
      return services.links.remove(id, reason);
    },
    async linkItems(args) {
      return services.links.linkItems(args);
    },

    async cancelJob({ jobId }) {
      return { cancelled: deps.jobs.cancel(jobId) };
    },
    async verify() {
      const jobId = deps.jobs.start('verify', (signal, report) => deps.verify.verify(signal, report));
      return { jobId };
    },
    async undo({ changeId }) {
      return services.undo.undo(changeId);
    },
    async search(args) {
      return services.search.search(args.query, args.limit);
    },
    async listExhibitSets() {
      return repos.exhibits.listSets();
    },
  };
}
