/**
 * Copies and hashes files on worker threads, so hashing (the one CPU-heavy step of intake) runs beside the
 * main thread's metadata reading and database work instead of taking turns with it, and each worker uses
 * plain synchronous reads and writes (no thread-pool round trip per chunk).
 *
 * The worker is a short plain-JavaScript script passed as a string (`eval: true`): it needs only Node's
 * built-ins, and a string loads the same way under tsx, the CLI bundle and Electron's main-process bundle,
 * where a separate worker file would need its own build entry in each. Cancelling sets a flag in shared
 * memory that the worker checks between chunks.
 */
import { Worker } from 'node:worker_threads';
import { CatalogueError } from '../../shared/errors';

/** Read size: measured ~1.2 GB/s SHA-256 here with 1 MiB reads, against ~800 MB/s with 64 KiB. */
const CHUNK = 1024 * 1024;
/** Files up to this size are kept whole in memory for metadata reading (the file is read for hashing anyway). */
export const MAX_BUFFERED_BYTES = 256 * 1024 * 1024;
/** Larger files: metadata is read from this much of the start. */
export const HEAD_BYTES = 16 * 1024 * 1024;
/** How often a worker reports bytes copied, so progress bars move during large files. */
const REPORT_BYTES = 8 * 1024 * 1024;

const WORKER_SOURCE = `
'use strict';
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

function fail(code, message) {
  const error = new Error(message);
  error.code = code;
  return error;
}

// Buffers handed back by the main thread once it has read the metadata: reusing memory that has already been
// touched avoids a page fault per 4 KiB of every file, which measured as more than half of the copy time.
const free = [];
let freeBytes = 0;
function takeBuffer(size) {
  let best = -1;
  for (let i = 0; i < free.length; i++) {
    if (free[i].byteLength >= size && (best < 0 || free[i].byteLength < free[best].byteLength)) best = i;
  }
  if (best >= 0) {
    const [buffer] = free.splice(best, 1);
    freeBytes -= buffer.byteLength;
    return Buffer.from(buffer, 0, size);
  }
  // Rounded up, so one buffer serves many files of similar size. Not zero-filled: only bytes written for this
  // file are handed on, and clearing memory about to be overwritten showed in the profile (memset, 3%).
  let capacity = 64 * 1024;
  while (capacity < size) capacity *= 2;
  return Buffer.from(Buffer.allocUnsafeSlow(capacity).buffer, 0, size);
}
// At most this much memory is kept for reuse per worker during an import, and all of it is let go once the
// worker has been idle a few seconds, so a long-running app does not hold it between imports.
const KEEP_BYTES = 256 * 1024 * 1024;
const IDLE_MS = 5000;
let idleTimer = null;
function giveBack(buffer) {
  if (freeBytes + buffer.byteLength <= KEEP_BYTES) {
    free.push(buffer);
    freeBytes += buffer.byteLength;
  }
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    free.length = 0;
    freeBytes = 0;
  }, IDLE_MS);
  idleTimer.unref();
}

// Where a JPEG's compressed image data begins: the end of its Start-of-Scan header. Every segment that holds
// metadata (EXIF, XMP, IPTC, ICC) and the frame header with the pixel size come before it, and the readers stop
// there too (exifr at SOS; sharp's header read). Written by hand because this worker takes no dependencies; it
// walks only well-formed segments and answers -1 for anything else, which keeps the whole file instead.
function jpegHeadLength(bytes) {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return -1;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return -1;
    const marker = bytes[offset + 1];
    if (marker === 0xff) { offset += 1; continue; } // fill byte
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) { offset += 2; continue; } // no length
    if (marker === 0xd9) return -1; // the image ends before any compressed data (metadata/jpeg-frame.ts agrees)
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2) return -1;
    const end = offset + 2 + length;
    if (marker === 0xda) return end <= bytes.length ? end : -1;
    offset = end;
  }
  return -1;
}

// Folders this worker has made or found, so each costs one mkdir per import, not one per file (every
// metadata operation can wait behind the file system's journal commits that the fsyncs cause).
const madeFolders = new Set();
function ensureFolder(folder) {
  if (madeFolders.has(folder)) return;
  fs.mkdirSync(folder, { recursive: true });
  if (madeFolders.size > 100000) madeFolders.clear();
  madeFolders.add(folder);
}

// Two chunk buffers per worker, made once: reading into memory that is already touched costs no page faults
// (reads into fresh buffers measured at over half the copy time here).
let chunkBuffer = null;
let checkBuffer = null;

function copy(task, cancelled, report) {
  if (!chunkBuffer || chunkBuffer.length !== task.chunk) {
    chunkBuffer = Buffer.allocUnsafeSlow(task.chunk);
    checkBuffer = Buffer.allocUnsafeSlow(task.chunk);
  }
  const input = fs.openSync(task.source, 'r');
  let output = null;
  let created = false;
  // The bytes the metadata readers need, handed to the main thread: a JPEG's head (see jpegHeadLength), any
  // other file whole up to maxBuffered, and the first headBytes of a larger one.
  let keep = null;
  let keepLength = 0;
  let whole = false;
  let jpeg = false;
  try {
    // Read and write: each chunk is read back through the same descriptor to check what was stored.
    const tempFolder = path.dirname(task.temp);
    ensureFolder(tempFolder);
    try {
      output = fs.openSync(task.temp, 'wx+', 0o600);
    } catch (error) {
      // The temporary folder was removed since it was made here: make it again, once.
      if (error.code !== 'ENOENT') throw error;
      madeFolders.delete(tempFolder);
      ensureFolder(tempFolder);
      output = fs.openSync(task.temp, 'wx+', 0o600);
    }
    created = true;
    const expected = fs.fstatSync(input).size;
    const hash = crypto.createHash('sha256');
    let size = 0;
    let reported = 0;
    for (;;) {
      if (Atomics.load(cancelled, 0) === 1) throw fail('ABORT_ERR', 'Cancelled.');
      // A whole file is read straight into the memory handed to the main thread; other reads go to the chunk buffer.
      const direct = whole && size < keep.length;
      const target = direct ? keep.subarray(size, Math.min(keep.length, size + task.chunk)) : chunkBuffer;
      const n = fs.readSync(input, target, 0, target.length, null);
      if (n === 0) break;
      const bytes = target.subarray(0, n);
      if (keep === null) {
        const head = jpegHeadLength(bytes);
        if (head > 0) {
          jpeg = true;
          keepLength = head;
        } else if (expected <= task.maxBuffered) {
          whole = true;
          keepLength = expected;
        } else keepLength = Math.min(task.headBytes, expected);
        // One byte more for a whole file, so a file that grew while it was read is noticed.
        keep = takeBuffer(whole ? expected + 1 : keepLength);
      }
      if (!direct && size < keepLength) bytes.copy(keep, size, 0, Math.min(n, keepLength - size));
      hash.update(bytes);
      let written = 0;
      while (written < n) written += fs.writeSync(output, bytes, written, n - written, size + written);
      // Verify the copy: read the chunk back and compare it with the bytes that were hashed.
      let back = 0;
      while (back < n) {
        const got = fs.readSync(output, checkBuffer, back, n - back, size + back);
        if (got === 0) break;
        back += got;
      }
      if (back !== n || !checkBuffer.subarray(0, n).equals(bytes)) throw fail('VIGIL_MISMATCH', '');
      size += n;
      if (size - reported >= task.reportBytes) {
        report(size - reported);
        reported = size;
      }
    }
    if (size !== expected) throw fail('VIGIL_CHANGED', 'The file changed while it was being read; import it again once it is complete.');
    if (fs.fstatSync(output).size !== size) throw fail('VIGIL_MISMATCH', '');
    const sha256 = hash.digest('hex');
    if (keep === null) {
      keep = Buffer.from(new ArrayBuffer(0));
      whole = true;
    }
    // The bytes not yet reported travel with the result: one message per file, not two.
    const result = { sha256, size, unreported: size - reported, placed: false, content: keep.buffer, contentLength: keepLength, complete: whole || jpeg };
    // Whether it goes into the vault now (see the message handler): only when its address is free.
    let place = null;
    if (task.vaultDir) {
      const folder = path.join(task.vaultDir, sha256.slice(0, 2), sha256.slice(2, 4));
      const target = path.join(folder, sha256);
      if (!fs.existsSync(target)) place = { fd: output, folder, target };
    }
    if (place === null) fs.closeSync(output);
    // From here the caller owns the descriptor (when placing) and the kept bytes.
    output = null;
    keep = null;
    return { result, place };
  } catch (error) {
    if (keep) giveBack(keep.buffer);
    if (output !== null) fs.closeSync(output);
    // Only ever remove a file this copy made: never one that was already there.
    if (created) try { fs.unlinkSync(task.temp); } catch {}
    throw error;
  } finally {
    fs.closeSync(input);
  }
}

function failed(task, error) {
  parentPort.postMessage({ id: task.id, ok: false, code: error && error.code, message: String(error && error.message) });
}

parentPort.on('message', (task) => {
  // Buffers the main thread is done with come back on their own or with the next task.
  if (task.recycle) for (const buffer of task.recycle) giveBack(buffer);
  if (task.id === undefined) return;
  const cancelled = new Int32Array(task.cancel);
  let copied;
  try {
    copied = copy(task, cancelled, (bytes) => parentPort.postMessage({ id: task.id, progress: bytes }));
  } catch (error) {
    failed(task, error);
    return;
  }
  const { result, place } = copied;
  if (place === null) {
    parentPort.postMessage({ id: task.id, ok: true, ...result }, [result.content]);
    return;
  }
  // Into the vault at its content address (the layout of vault-paths.ts: vault/ab/cd/<sha256>): on disk before
  // the move, read-only after it. The wait for the disk runs on libuv's threads while this worker copies the
  // next file (a worker that waited here measured a third of its time idle). A copy whose address is taken
  // already stays at its temporary path: the caller decides whether it is a duplicate or replaces a damaged
  // file there. The folder entry is made durable by the caller, once per batch of files.
  fs.fdatasync(place.fd, (syncError) => {
    try {
      if (syncError) throw syncError;
      fs.fchmodSync(place.fd, 0o444);
      fs.closeSync(place.fd);
      place.fd = null;
      ensureFolder(place.folder);
      try {
        fs.renameSync(task.temp, place.target);
      } catch (error) {
        // The folder was removed since it was made here: make it again, once.
        if (error.code !== 'ENOENT') throw error;
        madeFolders.delete(place.folder);
        ensureFolder(place.folder);
        fs.renameSync(task.temp, place.target);
      }
      parentPort.postMessage({ id: task.id, ok: true, ...result, placed: true }, [result.content]);
    } catch (error) {
      if (place.fd !== null) try { fs.closeSync(place.fd); } catch {}
      try { fs.unlinkSync(task.temp); } catch {}
      giveBack(result.content);
      failed(task, error);
    }
  });
});
`;

export interface CopyResult {
  sha256: string;
  size: number;
  /**
   * True when the copy was moved to its content address in the vault (synced first, then made read-only);
   * false when it was left at the temporary path because the address was taken or no vault was given.
   */
  placed: boolean;
  /**
   * The bytes the metadata readers need: a JPEG up to its compressed image data (all its metadata segments and
   * its frame header), any other file whole up to MAX_BUFFERED_BYTES, and the first HEAD_BYTES of a larger one.
   * Valid until `release` is called.
   */
  content: Buffer;
  /** False only for the first bytes of a large non-JPEG file, whose metadata may lie beyond them. */
  complete: boolean;
  /** Hands the content's memory back to the worker for the next file; `content` must not be used after. */
  release(): void;
}

interface Pending {
  resolve(result: CopyResult): void;
  reject(error: Error): void;
  onBytes?: (n: number) => void;
}

type Reply =
  | { id: number; progress: number }
  | { id: number; ok: true; sha256: string; size: number; unreported: number; placed: boolean; content: ArrayBuffer; contentLength: number; complete: boolean }
  | { id: number; ok: false; code?: string; message: string };

function toError(reply: { code?: string; message: string }): Error {
  if (reply.code === 'VIGIL_MISMATCH') {
    return new Error('The copy in the vault did not match the file read (the source changed while it was read, or the disk is failing).');
  }
  const error = new Error(reply.message) as NodeJS.ErrnoException;
  if (reply.code && reply.code !== 'VIGIL_CHANGED') error.code = reply.code;
  return error;
}

/** A worker, its number of unfinished tasks, and the buffers to hand back to it with its next task. */
interface Slot {
  worker: Worker;
  busy: number;
  returns: ArrayBuffer[];
}

/** Never set: the flag of copies that cannot be cancelled. */
const NEVER_CANCELLED = new SharedArrayBuffer(4);
/** One shared flag per abort signal (an import), set once when it aborts, checked by workers between chunks. */
const cancelFlags = new WeakMap<AbortSignal, SharedArrayBuffer>();

function cancelFlag(signal: AbortSignal | undefined): SharedArrayBuffer {
  if (!signal) return NEVER_CANCELLED;
  let flag = cancelFlags.get(signal);
  if (!flag) {
    const made = new SharedArrayBuffer(4);
    flag = made;
    cancelFlags.set(signal, made);
    if (signal.aborted) Atomics.store(new Int32Array(made), 0, 1);
    else signal.addEventListener('abort', () => Atomics.store(new Int32Array(made), 0, 1), { once: true });
  }
  return flag;
}

export function createCopyWorkers(count: number) {
  const workers: Slot[] = [];
  const pending = new Map<number, Pending & { slot: Slot }>();
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    const slot: Slot = { worker, busy: 0, returns: [] };
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const task = pending.get(reply.id);
      if (!task) return;
      if ('progress' in reply) {
        task.onBytes?.(reply.progress);
        return;
      }
      pending.delete(reply.id);
      slot.busy -= 1;
      if (slot.busy === 0 && slot.returns.length > 0) {
        const recycle = slot.returns.splice(0);
        worker.postMessage({ recycle }, recycle);
      }
      if (reply.ok) {
        if (reply.unreported > 0) task.onBytes?.(reply.unreported);
        let released = false;
        task.resolve({
          sha256: reply.sha256,
          size: reply.size,
          placed: reply.placed,
          content: Buffer.from(reply.content, 0, reply.contentLength),
          complete: reply.complete,
          release() {
            if (released || closed || !workers.includes(slot)) return;
            released = true;
            // A busy worker gets it with its next task (a message saved); an idle one at once.
            if (slot.busy > 0) {
              slot.returns.push(reply.content);
              return;
            }
            try {
              worker.postMessage({ recycle: [reply.content] }, [reply.content]);
            } catch {
              // Already detached or gone: the worker simply allocates a new buffer next time.
            }
          },
        });
      } else task.reject(toError(reply));
    });
    // A worker that dies (out of memory, say) fails its own tasks; the next copy gets a new worker.
    const lost = (error: Error) => {
      const index = workers.indexOf(slot);
      if (index >= 0) workers.splice(index, 1);
      for (const [id, task] of pending) {
        if (task.slot !== slot) continue;
        pending.delete(id);
        task.reject(new CatalogueError('INTERNAL', `Copying stopped unexpectedly (${error.message}).`));
      }
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`worker exited with ${code}`)));
    workers.push(slot);
    return slot;
  }

  return {
    /**
     * Copies `source` to `temp` (which must not exist), hashing and verifying it; rejects with the reason.
     * With `vaultDir`, the copy is then synced and moved to its content address unless that is taken (see
     * `CopyResult.placed`); a copy left at `temp` is not yet durable (vault-writer's `syncFile`).
     */
    copy(source: string, temp: string, options: { signal?: AbortSignal; onBytes?: (n: number) => void; vaultDir?: string } = {}): Promise<CopyResult> {
      if (closed) return Promise.reject(new CatalogueError('INTERNAL', 'The catalogue is closing.'));
      options.signal?.throwIfAborted();
      let slot = workers.find((w) => w.busy === 0);
      if (!slot) slot = workers.length < count ? spawn() : workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      slot.busy += 1;
      const id = nextId++;
      const cancel = cancelFlag(options.signal);
      const chosen = slot;
      return new Promise<CopyResult>((resolve, reject) => {
        pending.set(id, { resolve, reject, onBytes: options.onBytes, slot: chosen });
        const recycle = chosen.returns.splice(0);
        chosen.worker.postMessage(
          { id, source, temp, vaultDir: options.vaultDir, cancel, recycle, chunk: CHUNK, maxBuffered: MAX_BUFFERED_BYTES, headBytes: HEAD_BYTES, reportBytes: REPORT_BYTES },
          recycle,
        );
      });
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all(workers.splice(0).map((w) => w.worker.terminate()));
    },
  };
}

export type CopyWorkers = ReturnType<typeof createCopyWorkers>;
