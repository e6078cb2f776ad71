/**
 * The one intake pipeline (DESIGN.md §1, §3, §7): every import — CLI, Electron paths, browser uploads —
 * goes through `importSources`. Files are copied as soon as they are listed. For each file, a copy worker
 * streams it once into the vault's temporary folder while hashing, reads each chunk back to verify the copy,
 * syncs it and moves it to its content address (copy-workers.ts); meanwhile this thread reads the metadata
 * from the bytes the worker kept, then records the item, where it was found and the custody events. Sixteen
 * files are in flight at once, and the records are committed in batches (one database fsync, one round of
 * folder fsyncs, for many files) while the next files are copied. A file already in the vault becomes an
 * occurrence of the existing item, reported as a duplicate. Cancelling or a crash leaves every file either
 * fully imported or not at all.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ImportProblem, ImportProgress, ImportSummary, PreviewState } from '../../shared/dto';
import { formatRef } from '../../shared/ids';
import type { CustodyLog } from '../custody/custody-log';
import type { Db } from '../db/open-database';
import type { EventBus } from '../events/event-bus';
import type { ExtractedMetadata } from '../metadata/metadata-types';
import type { ItemsRepository } from '../items/items-repository';
import { vaultPath } from '../vault/vault-paths';
import type { CopyWorkers } from './copy-workers';
import { dispatchOrder } from './dispatch-order';
import { commitToVault, copyIntoVault, createVaultFolderSync, syncFile, type CopiedFile } from './vault-writer';
import type { SourceFile, WalkEntry } from './walk-sources';

export type { ImportProgress };

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Wait for the new items' previews before returning, so their warnings are in the summary (default true).
   * Previews are made in the background either way: the next file is read while they are made.
   */
  waitForPreviews?: boolean;
}

export interface PreviewSink {
  /** Queues a preview; resolves with a warning sentence when the preview failed or is partial, else null. */
  enqueue(job: { itemId: number; sha256: string; sourcePath: string }): Promise<string | null>;
}

export interface ImportDeps {
  db: Db;
  vaultDir: string;
  items: ItemsRepository;
  custody: CustodyLog;
  events: EventBus;
  now: () => Date;
  extract: (content: Buffer, fileName: string, complete: boolean) => Promise<ExtractedMetadata>;
  previews: PreviewSink;
  copier: CopyWorkers;
}

/** A batch commits after this many files, bytes or milliseconds, whichever comes first. */
const BATCH_FILES = 64;
const BATCH_BYTES = 256 * 1024 * 1024;
const BATCH_MS = 500;
/**
 * Files in flight at once, and the memory they may hold between them (small files are kept whole in memory,
 * a JPEG's metadata head only). Sixteen measured 5-7% faster than eight; more gave nothing.
 */
const IN_FLIGHT = 16;
const IN_FLIGHT_BYTES = 512 * 1024 * 1024;
/**
 * Files started and not yet recorded: those at work, and finished ones waiting for earlier ones (in walk
 * order). Bounds what a cancel still completes; three times IN_FLIGHT leaves room to take large files early.
 */
const MAX_OUTSTANDING = 3 * IN_FLIGHT;

/** Kinds whose previews sharp can make; everything else shows a placeholder by design. */
const PREVIEWABLE = new Set(['photo']);

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'The file disappeared before it could be read.';
  if (code === 'EACCES' || code === 'EPERM') return 'Vigil is not allowed to read this file.';
  if (code === 'EISDIR') return 'It is a folder, not a file.';
  if (code === 'ENOSPC') return 'The disk holding the catalogue is full.';
  if (code === 'EIO') return 'The disk reported a read error; the file may be damaged.';
  const message = (error as Error)?.message ?? String(error);
  return message.endsWith('.') ? message : `${message}.`;
}

export function createImportService(deps: ImportDeps) {
  const { db, items, custody } = deps;
  const syncVaultFolders = createVaultFolderSync(deps.vaultDir);

  const recordDuplicate = (itemId: number, file: SourceFile, seenAt: string, sha256: string) => {
    items.addOccurrence({ itemId, originalName: file.originalName, sourcePath: file.displayPath, modifiedAt: file.modifiedAt, createdAt: file.createdAt, seenAt });
    custody.append({
      action: 'duplicate-seen',
      targetType: 'item',
      targetRef: formatRef('item', itemId),
      targetGlobalId: items.globalIds([itemId]).get(itemId) ?? null,
      sha256Before: sha256,
      sha256After: sha256,
      details: { originalName: file.originalName, sourcePath: file.displayPath, modifiedAt: file.modifiedAt },
    });
  };

  /** Records one file in one transaction; returns the new item id, or the existing one for a duplicate. */
  const record = db.transaction(
    (file: SourceFile, copy: CopiedFile, meta: ExtractedMetadata, seenAt: string): { itemId: number; duplicate: boolean } => {
      const existing = items.idBySha(copy.sha256);
      if (existing !== null) {
        recordDuplicate(existing, file, seenAt, copy.sha256);
        return { itemId: existing, duplicate: true };
      }
      const previewState: PreviewState = PREVIEWABLE.has(meta.kind) ? 'pending' : 'none';
      const globalId = randomUUID();
      const itemId = items.insert({
        globalId,
        sha256: copy.sha256,
        size: copy.size,
        mime: meta.mime,
        kind: meta.kind,
        originalName: file.originalName,
        originalModifiedAt: file.modifiedAt,
        originalCreatedAt: file.createdAt,
        metadataJson: JSON.stringify(meta.raw),
        metadataWarnings: meta.warnings,
        sensitiveFields: meta.sensitive,
        previewState,
        photo: meta.photo,
        document: meta.document,
        // Metadata that identifies people or places makes the item confidential until someone decides otherwise.
        sensitivity: meta.sensitive.length > 0 ? 'confidential' : 'restricted',
        importedAt: seenAt,
      });
      items.addOccurrence({ itemId, originalName: file.originalName, sourcePath: file.displayPath, modifiedAt: file.modifiedAt, createdAt: file.createdAt, seenAt });
      const ref = formatRef('item', itemId);
      custody.append({
        action: 'acquired',
        targetType: 'item',
        targetRef: ref,
        targetGlobalId: globalId,
        sha256After: copy.sha256,
        details: { originalName: file.originalName, sourcePath: file.displayPath, size: copy.size, modifiedAt: file.modifiedAt, createdAt: file.createdAt },
      });
      custody.append({
        action: 'hash-computed',
        targetType: 'item',
        targetRef: ref,
        targetGlobalId: globalId,
        sha256After: copy.sha256,
        details: { algorithm: 'SHA-256', verifiedCopy: true },
      });
      custody.append({
        action: 'metadata-extracted',
        targetType: 'item',
        targetRef: ref,
        targetGlobalId: globalId,
        sha256Before: copy.sha256,
        sha256After: copy.sha256,
        details: { mime: meta.mime, kind: meta.kind, sensitiveFields: meta.sensitive, warnings: meta.warnings },
      });
      return { itemId, duplicate: false };
    },
  );

  /** A file copied, verified and in the vault, waiting for its batch's database transaction. */
  interface Ready {
    file: SourceFile;
    copy: Omit<CopiedFile, 'content' | 'release'>;
    meta: ExtractedMetadata;
    seenAt: string;
    /** The vault folder the file was moved into, fsynced with its batch. */
    folder: string;
  }

  /** A file whose content is already an item: recorded (in walk order) as an occurrence of it. */
  interface Duplicate {
    duplicateOf: number;
    file: SourceFile;
    seenAt: string;
    sha256: string;
  }

  /**
   * Copies one file into the vault. A file whose content is already catalogued is recorded as a duplicate
   * at once (cheap, and its metadata is not read again); a new one is returned ready for its batch.
   */
  async function prepare(file: SourceFile, options: ImportOptions, onBytes: (n: number) => void): Promise<Ready | Duplicate> {
    if (file.size === 0) throw new Error('The file is empty (0 bytes); there is nothing to import');
    const copy = await copyIntoVault(file.path, deps.vaultDir, deps.copier, { signal: options.signal, onBytes });
    try {
      const seenAt = deps.now().toISOString();
      const known = items.idBySha(copy.sha256);
      if (known !== null) return { duplicateOf: known, file, seenAt, sha256: copy.sha256 };
      let meta: ExtractedMetadata;
      try {
        meta = await deps.extract(copy.content, file.originalName, copy.complete);
      } catch (error) {
        // The extractor is built never to throw; if it does, the file is still evidence and is imported.
        meta = { kind: 'other', mime: 'application/octet-stream', photo: null, document: null, raw: {}, sensitive: [], warnings: [`The metadata could not be read: ${reasonOf(error)}`] };
      }
      // The bytes in memory are no longer needed: hand them back to the copy worker for the next file.
      copy.release();
      // No check for cancelling from here on: a file that is copied and verified is recorded, so cancelling
      // never leaves a vault file without its item. A cancel reaches the worker while it copies instead.
      let folder = dirname(vaultPath(deps.vaultDir, copy.sha256));
      if (!copy.placed) {
        // Its address was taken (another file of this import, or a file left by an interrupted one).
        await syncFile(copy.tempPath);
        ({ folder } = await commitToVault(copy, deps.vaultDir));
      }
      const { content: _content, release: _release, ...kept } = copy;
      return { file, copy: kept, meta, seenAt, folder };
    } finally {
      copy.release();
      if (!copy.placed) await rm(copy.tempPath, { force: true });
    }
  }

  /**
   * Files are recorded in batches: one transaction (one fsync of the database) for many files. Each file is
   * already durable in the vault before its batch commits, so a crash loses at most the uncommitted batch,
   * whose files are then simply not imported (their vault copies are unreferenced and harmless).
   */
  const recordBatch = db.transaction((batch: Ready[]) => batch.map((r) => record(r.file, r.copy as CopiedFile, r.meta, r.seenAt)));

  return {
    async importSources(entries: AsyncIterable<WalkEntry> | Iterable<WalkEntry>, options: ImportOptions = {}): Promise<ImportSummary> {
      const summary: ImportSummary = { imported: 0, duplicates: 0, failed: [], warnings: [], cancelled: false };
      const files: SourceFile[] = [];
      const progress: ImportProgress = {
        phase: 'importing',
        previewsDone: 0,
        previewsTotal: 0,
        done: 0,
        total: null,
        bytesDone: 0,
        bytesTotal: null,
        failed: 0,
        current: null,
      };
      // Wakes the loop below when a file is listed, a copy finishes or the listing ends.
      let wake = null as (() => void) | null;

      // The sources are listed while the first files are copied: listing a large or slow source (a USB stick, a
      // network share) can take minutes, and nothing waits for it. The total, and so the time left, is known
      // once the listing ends; until then progress says it is still counting.
      let listed = false;
      let listingError: unknown = null;
      const listing = (async () => {
        let bytes = 0;
        try {
          for await (const entry of entries as AsyncIterable<WalkEntry>) {
            if (options.signal?.aborted) break;
            if (entry.type === 'file') {
              files.push(entry.file);
              bytes += entry.file.size;
            } else {
              (entry.type === 'failed' ? summary.failed : summary.warnings).push({ path: entry.path, reason: entry.reason });
              if (entry.type === 'failed') progress.failed += 1;
            }
            wake?.();
          }
        } catch (error) {
          listingError = error;
        } finally {
          listed = true;
          progress.total = files.length;
          progress.bytesTotal = bytes;
          options.onProgress?.({ ...progress });
          wake?.();
        }
      })();
      options.onProgress?.({ ...progress });
      const previews: Array<Promise<void>> = [];
      let changed = false;
      let batch: Ready[] = [];
      let batchBytes = 0;
      let batchStarted = 0;

      // Batches are recorded one after another, in walk order, while the next files are copied: waiting for a
      // batch's folders to reach the disk must not hold up the pipeline (measured: tens of milliseconds a batch).
      let recording: Promise<void> = Promise.resolve();
      const flush = () => {
        if (batch.length === 0) return;
        const pending = batch;
        batch = [];
        batchBytes = 0;
        const folders = syncVaultFolders(pending.map((r) => r.folder)).then(
          () => null,
          (error: unknown) => error,
        );
        recording = recording.then(async () => {
          const syncError = await folders;
          if (syncError !== null) {
            // The disk would not confirm the files are stored: record none of them (they can be imported again).
            for (const { file } of pending) summary.failed.push({ path: file.displayPath, reason: `The disk did not confirm the copy was stored: ${reasonOf(syncError)}` });
            progress.failed += pending.length;
            return;
          }
          recordPending(pending);
        });
      };

      const recordPending = (pending: Ready[]) => {
        // One transaction for the batch; if it fails, each file is tried on its own so one bad file cannot
        // take the others down with it.
        let outcomes: Array<{ itemId: number; duplicate: boolean } | { error: unknown }>;
        try {
          outcomes = recordBatch(pending);
        } catch {
          outcomes = pending.map((r) => {
            try {
              return recordBatch([r])[0]!;
            } catch (error) {
              return { error };
            }
          });
        }
        outcomes.forEach((outcome, i) => {
          const { file, copy, meta } = pending[i]!;
          if ('error' in outcome) {
            summary.failed.push({ path: file.displayPath, reason: `The catalogue could not record it: ${reasonOf(outcome.error)}` });
            progress.failed += 1;
            return;
          }
          changed = true;
          const { itemId, duplicate } = outcome;
          if (duplicate) {
            summary.duplicates += 1;
            return;
          }
          summary.imported += 1;
          for (const reason of meta.warnings) summary.warnings.push({ path: file.displayPath, reason });
          if (PREVIEWABLE.has(meta.kind)) {
            const path = file.displayPath;
            progress.previewsTotal += 1;
            previews.push(
              deps.previews.enqueue({ itemId, sha256: copy.sha256, sourcePath: vaultPath(deps.vaultDir, copy.sha256) }).then((reason) => {
                if (reason) summary.warnings.push({ path, reason });
                progress.previewsDone += 1;
                if (progress.phase === 'previews') options.onProgress?.({ ...progress });
              }),
            );
          }
        });
        options.onProgress?.({ ...progress });
      };

      // Several files in flight: large and small ones in turns (dispatch-order.ts), so the copy workers and this
      // thread are busy at the same time. Results are recorded in walk order, so item numbers follow the folders.
      type Outcome = Ready | Duplicate | { error: unknown };
      interface Started {
        file: SourceFile;
        read: { bytes: number };
        result: Promise<Outcome>;
        finished: boolean;
      }
      const started: Array<Started | undefined> = [];
      // While the listing goes on, files are started in walk order; once it has ended, the rest in dispatch order.
      let order: number[] | null = null;
      let nextInOrder = 0;
      let nextToRecord = 0;
      let running = 0;
      let runningBytes = 0;
      let waitingToRecord = 0;
      const nextToStart = (): number | null => {
        if (order === null && listed) {
          order = dispatchOrder(files.map((f) => f.size));
          nextInOrder = 0;
        }
        if (order === null) {
          while (nextInOrder < files.length && started[nextInOrder]) nextInOrder += 1;
          return nextInOrder < files.length ? nextInOrder : null;
        }
        while (nextInOrder < order.length && started[order[nextInOrder]!]) nextInOrder += 1;
        return nextInOrder < order.length ? order[nextInOrder]! : null;
      };

      const start = (index: number) => {
        const file = files[index]!;
        progress.current = file.displayPath;
        options.onProgress?.({ ...progress });
        const read = { bytes: 0 };
        running += 1;
        runningBytes += file.size;
        waitingToRecord += 1;
        const entry: Started = { file, read, finished: false, result: Promise.resolve({ error: null }) };
        entry.result = prepare(file, options, (n) => {
          read.bytes += n;
          progress.bytesDone += n;
          options.onProgress?.({ ...progress });
        })
          .catch((error: unknown): Outcome => ({ error }))
          .then((outcome) => {
            entry.finished = true;
            running -= 1;
            runningBytes -= file.size;
            wake?.();
            return outcome;
          });
        started[index] = entry;
      };

      const record = async (entry: Started) => {
        const { file, read } = entry;
        const outcome = await entry.result;
        waitingToRecord -= 1;
        if ('error' in outcome && options.signal?.aborted) {
          // Cut short by cancelling: rolled back (its temporary copy removed), so neither done nor failed.
          progress.bytesDone -= read.bytes;
          return;
        }
        // A failed or partly read file still counts as fully passed over, so the bar and time left stay right.
        progress.bytesDone += file.size - read.bytes;
        if ('duplicateOf' in outcome) {
          try {
            db.transaction(() => recordDuplicate(outcome.duplicateOf, outcome.file, outcome.seenAt, outcome.sha256))();
            summary.duplicates += 1;
            changed = true;
          } catch (error) {
            summary.failed.push({ path: file.displayPath, reason: `The catalogue could not record it: ${reasonOf(error)}` });
            progress.failed += 1;
          }
        } else if ('error' in outcome) {
          summary.failed.push({ path: file.displayPath, reason: reasonOf(outcome.error) } satisfies ImportProblem);
          progress.failed += 1;
        } else {
          if (batch.length === 0) batchStarted = Date.now();
          batch.push(outcome);
          batchBytes += file.size;
        }
        progress.done += 1;
        if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES || Date.now() - batchStarted >= BATCH_MS) flush();
        options.onProgress?.({ ...progress });
      };

      while (!listed || nextToRecord < files.length) {
        const cancelled = options.signal?.aborted ?? false;
        // Start files while there is room: a bounded number (and size) at work, and a bounded number started and
        // not yet recorded; past that, only the next file to record is started, if it is not yet.
        while (!cancelled && running < IN_FLIGHT && (running === 0 || runningBytes <= IN_FLIGHT_BYTES)) {
          if (waitingToRecord >= MAX_OUTSTANDING) {
            if (nextToRecord < files.length && !started[nextToRecord]) start(nextToRecord);
            break;
          }
          const next = nextToStart();
          if (next === null) break;
          start(next);
        }
        const head = nextToRecord < files.length ? started[nextToRecord] : undefined;
        if (nextToRecord < files.length && !head) {
          // Never started: the import was cancelled first. (Otherwise it is started above before anything waits.)
          if (cancelled) nextToRecord += 1;
          else start(nextToRecord);
          continue;
        }
        if (!head || !head.finished) {
          // Wait for any file to finish (it frees room to start another, or it is the one to record), or for the
          // listing to find more files or end.
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        nextToRecord += 1;
        await record(head);
      }
      await listing;
      flush();
      await recording;
      // Listing failed in a way the walk does not report per entry: what was copied is recorded, then the job fails.
      if (listingError !== null) throw listingError;
      summary.cancelled = options.signal?.aborted ?? false;
      progress.current = null;
      options.onProgress?.({ ...progress });
      if (changed) deps.events.emit({ type: 'catalogue-changed', what: ['items'] });
      if ((options.waitForPreviews ?? true) && previews.length > 0) {
        progress.phase = 'previews';
        options.onProgress?.({ ...progress });
        await Promise.all(previews);
      }
      return summary;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
