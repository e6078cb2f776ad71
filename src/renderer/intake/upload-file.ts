/**
 * One file's bytes to the web host's POST /upload (`vigil web`): the body is the file, its name (URI-encoded,
 * as header values must be ASCII) and modification time go in headers, and the host answers with the id the
 * core knows the staged file by. Used for imports and for CSV files of persons alike.
 */
import type { ApiResult } from '../../shared/errors';

export const UPLOAD_URL = '/upload';

/** A refusal worth showing as it is: the host's own sentence, or what went wrong on the way. */
export class UploadError extends Error {}

async function readUploadId(response: Response): Promise<string> {
  let body: ApiResult<{ uploadId: string }>;
  try {
    body = (await response.json()) as ApiResult<{ uploadId: string }>;
  } catch {
    throw new UploadError(`the web host answered ${response.status} without a readable result`);
  }
  if (!body || typeof body !== 'object') throw new UploadError(`the web host answered ${response.status} without a readable result`);
  if (!body.ok) throw new UploadError(body.error?.message || `the web host refused it (${response.status})`);
  const id = body.value?.uploadId;
  if (typeof id !== 'string' || id === '') throw new UploadError('the web host did not say where it kept the upload');
  return id;
}

/** Sends one file; resolves with its upload id. An abort rejects with the abort's reason, untouched. */
export async function uploadFile(doFetch: typeof fetch, file: File, name: string, signal?: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await doFetch(UPLOAD_URL, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/octet-stream',
        'x-vigil-name': encodeURIComponent(name),
        'x-vigil-modified': String(file.lastModified),
      },
      body: file,
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new UploadError("Vigil's web host could not be reached");
  }
  return readUploadId(response);
}
