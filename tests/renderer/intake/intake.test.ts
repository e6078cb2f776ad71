import { describe, expect, it, vi } from 'vitest';
import type { CatalogueApi } from '../../../src/shared/api';
import { pickIntake } from '../../../src/renderer/client/pick-client';
import { createInputFileChooser, CSV_INPUT_LABEL, FILES_INPUT_LABEL, FOLDER_INPUT_LABEL } from '../../../src/renderer/intake/file-chooser';
import { createPathCsvTransfer, createUploadCsvTransfer } from '../../../src/renderer/intake/csv-transfer';
import type { ChooseKind, UploadProgress } from '../../../src/renderer/intake/intake-port';
import { captureDrop } from '../../../src/renderer/intake/intake-port';
import { createPathIntake, isPathBridge, type PathBridge } from '../../../src/renderer/intake/path-intake';
import { createUploadIntake } from '../../../src/renderer/intake/upload-intake';
import { createFakeClient } from '../fake-client';

function file(name: string, bytes: number, lastModified = 1_600_000_000_000): File {
  return new File([new Uint8Array(bytes)], name, { lastModified, type: 'image/jpeg' });
}

/** A /upload that answers with a fresh id per file, or with an error for names in `refuse`. */
function fakeUploadHost(refuse: string[] = []) {
  let n = 0;
  const received: Array<{ url: string; init: RequestInit }> = [];
  const fetchSpy = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    received.push({ url: String(url), init: init! });
    const name = decodeURIComponent(new Headers(init!.headers).get('x-vigil-name') ?? '');
    if (refuse.includes(name)) {
      return new Response(JSON.stringify({ ok: false, error: { code: 'IO', message: 'The disk is full.' } }), { status: 507 });
    }
    n += 1;
    const uploadId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    return new Response(JSON.stringify({ ok: true, value: { uploadId } }), { status: 200 });
  });
  return { fetch: fetchSpy as unknown as typeof fetch, received, fetchSpy };
}

function uploadApi() {
  return { importUploads: vi.fn<CatalogueApi['importUploads']>(async () => ({ jobId: 'job-7' })) };
}

describe('upload intake (browser)', () => {
  it('posts each file to /upload with its encoded name and modification time, then imports the uploads', async () => {
    const host = fakeUploadHost();
    const api = uploadApi();
    const intake = createUploadIntake({ api, fetch: host.fetch, chooseFiles: async () => null });
    const persian = file('اعدام ۱۳۶۷ #1?.jpg', 10, 1_234_567);
    const plain = file('IMG_0001.jpg', 20);

    const progress: UploadProgress[] = [];
    const job = await intake.importFiles([persian, plain], { onUploadProgress: (p) => progress.push(p) });

    expect(job).toEqual({ jobId: 'job-7' });
    expect(host.received).toHaveLength(2);
    const first = host.received.find((r) => new Headers(r.init.headers).get('x-vigil-modified') === '1234567')!;
    expect(first.url).toBe('/upload');
    expect(first.init.method).toBe('POST');
    expect(first.init.body).toBe(persian);
    const headers = new Headers(first.init.headers);
    expect(headers.get('content-type')).toBe('application/octet-stream');
    expect(headers.get('x-vigil-name')).toBe(encodeURIComponent('اعدام ۱۳۶۷ #1?.jpg'));
    expect(headers.get('x-vigil-name')).toMatch(/^[\x21-\x7e]+$/); // a header value must be ASCII
    expect(api.importUploads).toHaveBeenCalledTimes(1);
    expect(api.importUploads.mock.calls[0]![0].uploadIds.sort()).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
    expect(progress[0]).toEqual({ filesDone: 0, filesTotal: 2, bytesDone: 0, bytesTotal: 30, current: null });
    expect(progress.at(-1)).toMatchObject({ filesDone: 2, filesTotal: 2, bytesDone: 30, bytesTotal: 30 });
  });

  it('sends a picked folder file under its relative path', async () => {
    const host = fakeUploadHost();
    const intake = createUploadIntake({ api: uploadApi(), fetch: host.fetch, chooseFiles: async () => null });
    const inFolder = file('b.jpg', 5);
    Object.defineProperty(inFolder, 'webkitRelativePath', { value: 'Scans/1988/b.jpg' });
    await intake.importFiles([inFolder]);
    expect(new Headers(host.received[0]!.init.headers).get('x-vigil-name')).toBe(encodeURIComponent('Scans/1988/b.jpg'));
  });

  it('reports a file the host refused, and still imports the others', async () => {
    const host = fakeUploadHost(['bad.jpg']);
    const api = uploadApi();
    const intake = createUploadIntake({ api, fetch: host.fetch, chooseFiles: async () => null });
    const problems: Array<{ path: string; reason: string }> = [];
    const job = await intake.importFiles([file('good.jpg', 1), file('bad.jpg', 1)], { onProblem: (p) => problems.push(p) });
    expect(job).toEqual({ jobId: 'job-7' });
    expect(problems).toEqual([{ path: 'bad.jpg', reason: 'Not uploaded: The disk is full.' }]);
    expect(api.importUploads.mock.calls[0]![0].uploadIds).toHaveLength(1);
  });

  it('starts no job when nothing could be uploaded, or when the upload is cancelled', async () => {
    const host = fakeUploadHost(['a.jpg']);
    const api = uploadApi();
    const intake = createUploadIntake({ api, fetch: host.fetch, chooseFiles: async () => null });
    expect(await intake.importFiles([file('a.jpg', 1)], { onProblem: () => undefined })).toBeNull();

    const controller = new AbortController();
    controller.abort();
    expect(await intake.importFiles([file('c.jpg', 1)], { signal: controller.signal })).toBeNull();
    expect(api.importUploads).not.toHaveBeenCalled();
  });

  it('walks dropped folders and keeps each file’s path relative to what was dropped', async () => {
    const host = fakeUploadHost();
    const api = uploadApi();
    const intake = createUploadIntake({ api, fetch: host.fetch, chooseFiles: async () => null });
    // 150 files in one folder: Chromium's readEntries hands them over 100 at a time.
    const many = Array.from({ length: 150 }, (_, i) => fileEntry(`/Scans/1988/p${i}.jpg`, file(`p${i}.jpg`, 1)));
    const tree = dirEntry('/Scans', [fileEntry('/Scans/letter.pdf', file('letter.pdf', 3)), dirEntry('/Scans/1988', many)]);
    const loose = fileEntry('/note.txt', file('note.txt', 2));

    await intake.importDropped({ files: [], entries: [tree, loose] });

    const names = host.received.map((r) => decodeURIComponent(new Headers(r.init.headers).get('x-vigil-name')!));
    expect(names).toHaveLength(152);
    expect(names).toContain('Scans/letter.pdf');
    expect(names).toContain('Scans/1988/p0.jpg');
    expect(names).toContain('Scans/1988/p149.jpg');
    expect(names).toContain('note.txt');
    expect(api.importUploads.mock.calls[0]![0].uploadIds).toHaveLength(152);
  });

  it('picks with the chooser and imports what was chosen; a cancelled pick imports nothing', async () => {
    const host = fakeUploadHost();
    const api = uploadApi();
    const chooseFiles = vi.fn(async (kind: ChooseKind) => (kind === 'files' ? [file('x.jpg', 1)] : null));
    const intake = createUploadIntake({ api, fetch: host.fetch, chooseFiles });
    expect(await intake.pickAndImport('folder')).toBeNull();
    expect(host.received).toHaveLength(0);
    expect(await intake.pickAndImport('files')).toEqual({ jobId: 'job-7' });
    expect(chooseFiles.mock.calls.map(([kind]) => kind)).toEqual(['folder', 'files']);
  });
});

describe('path intake (Electron)', () => {
  function bridge(paths: Record<string, string>, picked: string[] = []): PathBridge {
    return {
      pathForFile: vi.fn((f: File) => paths[f.name] ?? ''),
      pickPaths: vi.fn(async () => picked),
    };
  }

  it('asks the preload for each file’s path and imports the paths, folders included, without uploading', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const api = { importPaths: vi.fn<CatalogueApi['importPaths']>(async () => ({ jobId: 'job-3' })) };
    const b = bridge({ 'IMG_1.jpg': '/home/a/IMG_1.jpg', Scans: '/home/a/Scans' });
    const intake = createPathIntake({ api, bridge: b });
    const problems: Array<{ path: string; reason: string }> = [];

    const job = await intake.importDropped(
      { files: [file('IMG_1.jpg', 1), file('Scans', 0), file('from-browser.png', 1)], entries: [] },
      { onProblem: (p) => problems.push(p) },
    );

    expect(job).toEqual({ jobId: 'job-3' });
    expect(api.importPaths).toHaveBeenCalledWith({ paths: ['/home/a/IMG_1.jpg', '/home/a/Scans'] });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('from-browser.png');
    expect(fetchSpy).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('imports what the native dialog picked, and nothing when it was cancelled', async () => {
    const api = { importPaths: vi.fn<CatalogueApi['importPaths']>(async () => ({ jobId: 'job-4' })) };
    const b = bridge({}, ['/media/usb/DCIM']);
    const intake = createPathIntake({ api, bridge: b });
    expect(await intake.pickAndImport('folder')).toEqual({ jobId: 'job-4' });
    expect(b.pickPaths).toHaveBeenCalledWith('folder');
    expect(api.importPaths).toHaveBeenCalledWith({ paths: ['/media/usb/DCIM'] });

    const cancelled = createPathIntake({ api, bridge: bridge({}, []) });
    expect(await cancelled.pickAndImport('files')).toBeNull();
    expect(api.importPaths).toHaveBeenCalledTimes(1);
  });
});

describe('pickIntake', () => {
  const chooseFiles = async () => null;

  it('uses paths when the bridge offers pathForFile and pickPaths', async () => {
    const fake = createFakeClient();
    const vigil = { invoke: vi.fn(), onEvent: vi.fn(), pathForFile: () => '/x/a.jpg', pickPaths: async () => [] };
    expect(isPathBridge(vigil)).toBe(true);
    const intake = pickIntake({ vigil }, fake.client, { chooseFiles })!;
    expect(intake.transport).toBe('paths');
    await intake.importFiles([file('a.jpg', 1)]);
    expect(fake.api.importPaths).toHaveBeenCalledWith({ paths: ['/x/a.jpg'] });
    expect(fake.api.importUploads).not.toHaveBeenCalled();
  });

  it('offers no intake in Electron when the preload lacks them, and uploads in a browser', () => {
    const fake = createFakeClient();
    expect(pickIntake({ vigil: { invoke: vi.fn(), onEvent: vi.fn(), pathForFile: 'no' } }, fake.client, { chooseFiles })).toBeNull();
    expect(pickIntake({}, fake.client, { chooseFiles })!.transport).toBe('upload');
  });
});

describe('file chooser', () => {
  it('keeps two labelled hidden inputs, resolves a pick with the chosen files, and hands unrequested files to listeners', async () => {
    const chooser = createInputFileChooser(document);
    const filesInput = document.querySelector<HTMLInputElement>(`input[aria-label="${FILES_INPUT_LABEL}"]`)!;
    const folderInput = document.querySelector<HTMLInputElement>(`input[aria-label="${FOLDER_INPUT_LABEL}"]`)!;
    expect(filesInput.type).toBe('file');
    expect(filesInput.multiple).toBe(true);
    expect(folderInput.hasAttribute('webkitdirectory')).toBe(true);

    const chosen = [file('a.jpg', 1)];
    const click = vi.spyOn(filesInput, 'click').mockImplementation(() => {
      Object.defineProperty(filesInput, 'files', { configurable: true, value: chosen });
      filesInput.dispatchEvent(new Event('change'));
    });
    await expect(chooser.choose('files')).resolves.toEqual(chosen);
    expect(click).toHaveBeenCalled();

    const cancelled = chooser.choose('folder');
    folderInput.dispatchEvent(new Event('cancel'));
    await expect(cancelled).resolves.toBeNull();

    const heard: File[][] = [];
    chooser.onFiles((files) => heard.push(files));
    Object.defineProperty(folderInput, 'files', { configurable: true, value: chosen });
    folderInput.dispatchEvent(new Event('change'));
    expect(heard).toEqual([chosen]);
    chooser.dispose();
    expect(document.querySelector(`input[aria-label="${FILES_INPUT_LABEL}"]`)).toBeNull();
  });

  it('keeps a third input for one CSV file, whose unrequested files are not imported', async () => {
    const chooser = createInputFileChooser(document);
    const csvInput = document.querySelector<HTMLInputElement>(`input[aria-label="${CSV_INPUT_LABEL}"]`)!;
    expect(csvInput.multiple).toBe(false);
    expect(csvInput.accept).toBe('.csv,text/csv');
    const list = [new File(['ref\r\n'], 'persons.csv')];
    vi.spyOn(csvInput, 'click').mockImplementation(() => {
      Object.defineProperty(csvInput, 'files', { configurable: true, value: list });
      csvInput.dispatchEvent(new Event('change'));
    });
    await expect(chooser.choose('csv')).resolves.toEqual(list);

    const heard: File[][] = [];
    chooser.onFiles((files) => heard.push(files));
    csvInput.dispatchEvent(new Event('change'));
    expect(heard).toEqual([]);
    chooser.dispose();
    expect(document.querySelector(`input[aria-label="${CSV_INPUT_LABEL}"]`)).toBeNull();
  });
});

describe('CSV files in a browser', () => {
  it('asks the chooser for one CSV file and uploads it under its name', async () => {
    const host = fakeUploadHost();
    const chooseFiles = vi.fn(async () => [new File(['ref,name_fa\r\n'], 'فهرست ۶۷.csv', { type: 'text/csv' })]);
    const csv = createUploadCsvTransfer({ chooseFiles, fetch: host.fetch });
    const chosen = await csv.chooseCsv();
    expect(chooseFiles).toHaveBeenCalledWith('csv');
    expect(chosen).toEqual({ file: { uploadId: '00000000-0000-4000-8000-000000000001' }, name: 'فهرست ۶۷.csv' });
    expect(host.received[0]!.url).toBe('/upload');
    expect(new Headers(host.received[0]!.init.headers).get('x-vigil-name')).toBe(encodeURIComponent('فهرست ۶۷.csv'));
  });

  it('answers null when nothing was chosen, and a sentence when the host refused the file', async () => {
    const host = fakeUploadHost(['big.csv']);
    expect(await createUploadCsvTransfer({ chooseFiles: async () => null, fetch: host.fetch }).chooseCsv()).toBeNull();
    const refused = createUploadCsvTransfer({ chooseFiles: async () => [new File(['x'], 'big.csv')], fetch: host.fetch });
    await expect(refused.chooseCsv()).rejects.toThrow(/^“big\.csv” could not be sent to Vigil: The disk is full\.$/);
  });

  it('exports as a download, never to a path, fetched from /download/<id>', async () => {
    const download = vi.fn();
    const csv = createUploadCsvTransfer({ chooseFiles: async () => null, download });
    expect(await csv.chooseExportTarget()).toEqual({ download: true });
    expect(csv.downloadUrl('3f2b8c1e-5d4a-4c2b-9e8f-0123456789ab')).toBe('/download/3f2b8c1e-5d4a-4c2b-9e8f-0123456789ab');
    expect(csv.downloadUrl('../x')).toBe('/download/..%2Fx');
    csv.startDownload('3f2b8c1e-5d4a-4c2b-9e8f-0123456789ab');
    expect(download).toHaveBeenCalledWith('/download/3f2b8c1e-5d4a-4c2b-9e8f-0123456789ab');
  });
});

describe('CSV files in the desktop app', () => {
  it('opens one CSV file with the native dialog and saves where the save dialog says', async () => {
    const bridge = { pickPaths: vi.fn(async () => ['/home/a/lists/persons.csv', '/home/a/other.csv']), pickSavePath: vi.fn(async () => '/home/a/out.csv') };
    const csv = createPathCsvTransfer(bridge);
    expect(await csv.chooseCsv()).toEqual({ file: { path: '/home/a/lists/persons.csv' }, name: 'persons.csv' });
    expect(bridge.pickPaths).toHaveBeenCalledWith('csv');
    expect(await csv.chooseExportTarget()).toEqual({ path: '/home/a/out.csv' });
    expect(bridge.pickSavePath).toHaveBeenCalledWith('persons-csv');
    bridge.pickPaths.mockResolvedValueOnce([]);
    bridge.pickSavePath.mockResolvedValueOnce(null as never);
    expect(await csv.chooseCsv()).toBeNull();
    expect(await csv.chooseExportTarget()).toBeNull();
  });

  it('says so when the preload has no save dialog', async () => {
    const csv = createPathCsvTransfer({ pickPaths: async () => [] });
    await expect(csv.chooseExportTarget()).rejects.toThrow(/vigil persons export FILE.csv/);
  });

  it('comes with the path intake, and with the upload intake in a browser', () => {
    const fake = createFakeClient();
    const vigil = { invoke: vi.fn(), onEvent: vi.fn(), pathForFile: () => '', pickPaths: async () => [], pickSavePath: async () => null };
    expect(pickIntake({ vigil }, fake.client, { chooseFiles: async () => null })!.csv?.transport).toBe('paths');
    expect(pickIntake({}, fake.client, { chooseFiles: async () => null })!.csv?.transport).toBe('upload');
  });
});

describe('captureDrop', () => {
  it('reads the files and their entries while the drop event runs', () => {
    const a = file('a.jpg', 1);
    const entry = fileEntry('/a.jpg', a);
    const data = {
      files: [a],
      items: [
        { kind: 'file', webkitGetAsEntry: () => entry },
        { kind: 'string', webkitGetAsEntry: () => null },
      ],
    } as unknown as DataTransfer;
    expect(captureDrop(data)).toEqual({ files: [a], entries: [entry] });
  });
});

// Minimal File and Directory Entries API stand-ins (happy-dom has none).
function fileEntry(fullPath: string, f: File): FileSystemFileEntry {
  return {
    isFile: true,
    isDirectory: false,
    name: fullPath.split('/').pop()!,
    fullPath,
    file: (ok: (file: File) => void) => queueMicrotask(() => ok(f)),
  } as unknown as FileSystemFileEntry;
}

function dirEntry(fullPath: string, children: FileSystemEntry[]): FileSystemDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split('/').pop()!,
    fullPath,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (entries: FileSystemEntry[]) => void) =>
          queueMicrotask(() => {
            const batch = children.slice(at, at + 100);
            at += batch.length;
            ok(batch);
          }),
      };
    },
  } as unknown as FileSystemDirectoryEntry;
}
