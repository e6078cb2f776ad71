/**
 * Files a browser uploads to the web host wait in `<catalogue>/staging/` until `importUploads` takes them
 * through the normal pipeline (which copies them into the vault); they are deleted after, and any left by
 * a crash are removed at the next open. Upload ids are random; names are kept only as data, never used as
 * file-system paths.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CatalogueError } from '../../shared/errors';
import type { SourceFile } from './walk-sources';

export interface StagedUpload extends SourceFile {
  uploadId: string;
}

/** Per upload; a browser upload larger than this should be imported from disk with the CLI or desktop app. */
export const MAX_UPLOAD_BYTES = 64 * 1024 ** 3;

export function createUploadStaging(stagingDir: string) {
  const staged = new Map<string, StagedUpload>();

  return {
    async stage(body: Readable, info: { name: string; modifiedAt: string | null }): Promise<string> {
      const name = info.name.trim();
      if (!name || name.length > 4096 || name.includes('\0')) {
        throw new CatalogueError('INVALID_ARGUMENT', 'Each upload needs a file name (at most 4096 characters, no NUL).');
      }
      await mkdir(stagingDir, { recursive: true });
      const uploadId = randomUUID();
      const path = join(stagingDir, uploadId);
      let size = 0;
      try {
        await pipeline(
          body,
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              size += chunk.length;
              if (size > MAX_UPLOAD_BYTES) throw new CatalogueError('INVALID_ARGUMENT', 'The upload is larger than 64 GiB.');
              yield chunk;
            }
          },
          createWriteStream(path, { flags: 'wx', mode: 0o600 }),
        );
      } catch (error) {
        await rm(path, { force: true });
        if (error instanceof CatalogueError) throw error;
        throw new CatalogueError('IO', `The upload of "${name}" did not arrive complete: ${(error as Error).message}`);
      }
      // The browser gives a relative path for files inside a dropped folder; the last segment is the file name.
      const originalName = name.split('/').filter(Boolean).pop() ?? name;
      staged.set(uploadId, {
        uploadId,
        path,
        displayPath: name,
        originalName,
        size,
        modifiedAt: info.modifiedAt,
        createdAt: null,
      });
      return uploadId;
    },

    /** A staged file, left staged (a CSV file is read for its preview, then imported). */
    peek(uploadId: string): StagedUpload | null {
      return staged.get(uploadId) ?? null;
    },

    /** Hands over the staged files (removing them from the list); unknown ids are reported, not thrown. */
    take(uploadIds: readonly string[]): { files: StagedUpload[]; unknown: string[] } {
      const files: StagedUpload[] = [];
      const unknown: string[] = [];
      for (const id of uploadIds) {
        const upload = staged.get(id);
        if (upload) {
          staged.delete(id);
          files.push(upload);
        } else unknown.push(id);
      }
      return { files, unknown };
    },

    async discard(files: readonly StagedUpload[]): Promise<void> {
      await Promise.all(files.map((f) => rm(f.path, { force: true })));
    },
  };
}

export type UploadStaging = ReturnType<typeof createUploadStaging>;
