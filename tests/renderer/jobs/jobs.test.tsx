import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobRef } from '../../../src/shared/api';
import type { IntakeOptions, IntakePort } from '../../../src/renderer/intake/intake-port';
import { jobRates } from '../../../src/renderer/jobs/job-rates';
import { item, jobEvent, jobEventOf, verifyReport } from '../fake-client';
import { renderApp } from '../render-app';

const actor = { name: 'A', organisation: 'B' };
const MB = 1024 * 1024;

afterEach(() => {
  vi.useRealTimers();
});

function fakePort(overrides: { [K in 'importFiles' | 'importDropped' | 'pickAndImport']?: IntakePort[K] } = {}) {
  return {
    transport: 'upload' as const,
    importFiles: vi.fn<IntakePort['importFiles']>(overrides.importFiles ?? (async () => ({ jobId: 'job-1' }))),
    importDropped: vi.fn<IntakePort['importDropped']>(overrides.importDropped ?? (async () => ({ jobId: 'job-1' }))),
    pickAndImport: vi.fn<IntakePort['pickAndImport']>(overrides.pickAndImport ?? (async () => ({ jobId: 'job-1' }))),
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('job progress', () => {
  it('shows count, size, rates, time left and the current file, and cancels through the API', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T12:00:10Z'));
    const { fake, user } = renderApp({ actor });
    await screen.findByText('No items yet.');

    act(() =>
      fake.emit(
        jobEvent({
          jobId: 'job-5',
          startedAt: '2026-03-01T12:00:00Z',
          done: 20,
          total: 100,
          bytesDone: 20 * MB,
          bytesTotal: 100 * MB,
          failed: 2,
          current: 'Scans/<b>1988</b>/نامه.jpg',
        }),
      ),
    );
    const panel = screen.getByRole('region', { name: 'Jobs' });
    const progress = within(panel).getByRole('progressbar', { name: 'Import progress' });
    expect(progress).toHaveAttribute('value', '20');
    expect(progress).toHaveAttribute('max', '100');
    expect(panel).toHaveTextContent('20 of 100 files');
    expect(panel).toHaveTextContent('20.0 MB of 100.0 MB');
    expect(panel).toHaveTextContent('2 failed');
    expect(panel).toHaveTextContent('2.0 files/s · 2.0 MB/s');
    expect(panel).toHaveTextContent('about 40 s left');
    expect(within(panel).getByText('Scans/<b>1988</b>/نامه.jpg')).toHaveAttribute('dir', 'auto');
    expect(panel.querySelector('b')).toBeNull();

    const cancel = within(panel).getByRole('button', { name: 'Cancel import' });
    expect(cancel).toHaveAttribute('title', expect.stringMatching(/already imported stay in the catalogue/));
    await user.click(cancel);
    expect(fake.api.cancelJob).toHaveBeenCalledWith({ jobId: 'job-5' });
    expect(within(panel).getByRole('button', { name: 'Cancelling…' })).toBeDisabled();
  });

  it('shows the previews phase once every file is in, without a cancel button', async () => {
    const { fake } = renderApp({ actor });
    act(() => fake.emit(jobEvent({ jobId: 'p', done: 40, total: 40, phase: 'previews', previewsDone: 12, previewsTotal: 38 })));
    const bar = screen.getByRole('progressbar', { name: 'Preview progress' });
    expect(bar).toHaveAttribute('value', '12');
    expect(bar).toHaveAttribute('max', '38');
    expect(screen.getByRole('region', { name: 'Jobs' })).toHaveTextContent('12 of 38 previews · 40 files imported');
    expect(screen.queryByRole('button', { name: 'Cancel import' })).toBeNull();
  });

  it('shows an indeterminate bar while the total is still being counted', async () => {
    const { fake } = renderApp({ actor });
    act(() => fake.emit(jobEvent({ jobId: 'j', done: 7, total: null, bytesDone: 3 * MB })));
    const progress = screen.getByRole('progressbar', { name: 'Import progress' });
    expect(progress).not.toHaveAttribute('value');
    expect(screen.getByRole('region', { name: 'Jobs' })).toHaveTextContent('7 files so far (still counting)');
  });

  it('computes rates and the time left from the start time, by bytes when the size is known', () => {
    const base = { startedAt: '2026-03-01T12:00:00Z', receivedAt: Date.parse('2026-03-01T12:01:40Z') };
    expect(jobRates({ ...base, done: 50, total: 150, bytesDone: 10 * MB, bytesTotal: 40 * MB })).toEqual({
      elapsed: 100,
      filesPerSecond: 0.5,
      bytesPerSecond: 0.1 * MB,
      secondsLeft: 300,
    });
    expect(jobRates({ ...base, done: 50, total: 150, bytesDone: 10 * MB, bytesTotal: null }).secondsLeft).toBe(200);
    expect(jobRates({ ...base, done: 50, total: null, bytesDone: 10 * MB, bytesTotal: null }).secondsLeft).toBeNull();
    expect(jobRates({ ...base, receivedAt: Date.parse('2026-03-01T12:00:00.500Z'), done: 1, total: 2, bytesDone: 1, bytesTotal: 2 }).filesPerSecond).toBeNull();
  });
});

describe('import summary', () => {
  const summary = {
    imported: 41,
    duplicates: 3,
    failed: [
      { path: 'DCIM/broken.jpg', reason: 'The file could not be read: input/output error.' },
      { path: '<img src=x onerror=alert(1)>.jpg', reason: 'Unsupported <b>type</b>' },
    ],
    warnings: [{ path: 'DCIM/IMG_0042.jpg', reason: 'EXIF date is not valid; the time taken is unknown.' }],
    cancelled: false,
  };

  it('lists every failed file and warning when the job ends, refreshes the items, and closes with Escape', async () => {
    const { fake, user } = renderApp({ actor, items: [item({ title: 'Before' })] });
    const grid = await screen.findByRole('grid', { name: 'Items' });
    await within(grid).findByText('Before');
    const calls = fake.api.listItems.mock.calls.length;

    act(() => fake.emit(jobEvent({ jobId: 'job-2', done: 10, total: 46 })));
    fake.data.items.unshift(item({ title: 'After' }));
    act(() => fake.emit(jobEvent({ jobId: 'job-2', state: 'done', done: 46, total: 46, summary })));

    const dialog = await screen.findByRole('dialog', { name: 'Import summary' });
    expect(dialog).toHaveTextContent('The import finished, but some files were not imported.');
    const counts = Object.fromEntries(
      Array.from(dialog.querySelectorAll('.summary-counts div')).map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]),
    );
    expect(counts).toEqual({ Imported: '41', Duplicates: '3', Failed: '2', Warnings: '1' });
    const failed = within(dialog).getByRole('region', { name: /Files not imported/ });
    expect(within(failed).getAllByRole('listitem')).toHaveLength(2);
    expect(within(failed).getByText('DCIM/broken.jpg')).toHaveAttribute('dir', 'auto');
    expect(within(failed).getByText('The file could not be read: input/output error.')).toBeInTheDocument();
    expect(within(failed).getByText('<img src=x onerror=alert(1)>.jpg')).toBeInTheDocument();
    expect(dialog.querySelector('img, b')).toBeNull();
    const warnings = within(dialog).getByRole('region', { name: /Warnings/ });
    expect(within(warnings).getByText('DCIM/IMG_0042.jpg')).toBeInTheDocument();
    expect(within(warnings).getByText('EXIF date is not valid; the time taken is unknown.')).toBeInTheDocument();

    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    expect(await within(grid).findByText('After')).toBeInTheDocument();
    expect(fake.api.listItems.mock.calls.length).toBeGreaterThan(calls);
    expect(screen.queryByRole('region', { name: 'Jobs' })).not.toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Import summary' })).not.toBeInTheDocument();
  });

  it('says a cancelled import kept what it had imported, and closes with the Close button', async () => {
    const { fake, user } = renderApp({ actor });
    act(() => fake.emit(jobEvent({ jobId: 'job-3', state: 'cancelled', done: 5, total: 40, summary: { ...summary, failed: [], warnings: [], cancelled: true } })));
    const dialog = await screen.findByRole('dialog', { name: 'Import summary' });
    expect(dialog).toHaveTextContent('The import was cancelled. Files imported before it stopped stay in the catalogue.');
    expect(within(dialog).queryByRole('region', { name: /Files not imported/ })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says why a failed job stopped', async () => {
    const { fake } = renderApp({ actor });
    act(() => fake.emit(jobEvent({ jobId: 'job-4', state: 'failed', done: 5, total: 40, error: 'The vault disk is full.' })));
    const dialog = await screen.findByRole('dialog', { name: 'Import summary' });
    expect(dialog).toHaveTextContent('The import stopped: The vault disk is full.');
  });
});

describe('jobs of other kinds beside imports', () => {
  it('names a running verify or CSV job in the status bar too, and does not refresh the items when it ends', async () => {
    const { fake, user } = renderApp({ actor, items: [item({ title: 'Before' })] });
    const grid = await screen.findByRole('grid', { name: 'Items' });
    await within(grid).findByText('Before');
    const bar = screen.getByRole('contentinfo', { name: 'Status bar' });
    const listed = fake.api.listItems.mock.calls.length;

    act(() => fake.emit(jobEventOf('verify', { jobId: 'v1', done: 3, total: 10, current: 'vault/ab/cd' })));
    act(() => fake.emit(jobEventOf('persons-import', { jobId: 'c1', done: 120, total: null })));
    expect(bar).toHaveTextContent('Verify 3 of 10');
    expect(bar).toHaveTextContent('Persons import 120 so far');
    expect(screen.getByRole('region', { name: 'Jobs' })).toHaveTextContent('Importing persons');

    act(() => fake.emit(jobEventOf('persons-import', { jobId: 'c1', state: 'done', done: 130, total: 130, summary: { created: 130, updated: 0, unchanged: 0, invalid: [], cancelled: false } })));
    act(() => fake.emit(jobEventOf('verify', { jobId: 'v1', state: 'done', done: 10, total: 10, summary: verifyReport() })));
    expect(bar).toHaveTextContent('Verify finished: the catalogue is intact');
    // The CSV import ends with its summary; the clean verify only in the status bar.
    const dialog = await screen.findByRole('dialog', { name: 'Persons import summary' });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // Only an import's end refreshes the items.
    await act(async () => {});
    expect(fake.api.listItems.mock.calls.length).toBe(listed);
  });

  it('shows the endings one at a time, oldest first: a failed verify, then the import summary', async () => {
    const { fake, user } = renderApp({ actor });
    act(() => fake.emit(jobEventOf('verify', { jobId: 'v1', state: 'failed', error: 'The vault is not readable.' })));
    act(() => fake.emit(jobEvent({ jobId: 'job-7', state: 'done', done: 2, total: 2, summary: { imported: 2, duplicates: 0, failed: [], warnings: [], cancelled: false } })));
    const report = await screen.findByRole('dialog', { name: 'Verify report' });
    expect(report).toHaveTextContent('The check stopped: The vault is not readable.');
    await user.click(within(report).getByRole('button', { name: 'Close' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import summary' });
    expect(dialog).toHaveTextContent('The import finished.');
  });
});

describe('intake in the window', () => {
  it('imports with the toolbar buttons, showing upload progress until the job takes over', async () => {
    const upload = deferred<JobRef | null>();
    let options: IntakeOptions = {};
    const port = fakePort({
      pickAndImport: vi.fn(async (_kind, given) => {
        options = given ?? {};
        return upload.promise;
      }),
    });
    const { fake, user } = renderApp({ actor }, { intake: port });
    await screen.findByText('No items yet.');

    await user.click(screen.getByRole('button', { name: 'Import folder…' }));
    expect(port.pickAndImport).toHaveBeenCalledWith('folder', expect.anything());
    expect(screen.getByRole('button', { name: 'Import…' })).toBeDisabled();

    act(() => options.onUploadProgress?.({ filesDone: 3, filesTotal: 10, bytesDone: 12 * MB, bytesTotal: 40 * MB, current: 'Scans/a.jpg' }));
    const panel = screen.getByRole('region', { name: 'Jobs' });
    const bar = within(panel).getByRole('progressbar', { name: 'Upload progress' });
    expect(bar).toHaveAttribute('value', '3');
    expect(bar).toHaveAttribute('max', '10');
    expect(panel).toHaveTextContent('3 of 10 files');
    expect(panel).toHaveTextContent('12.0 MB of 40.0 MB');
    expect(within(panel).getByText('Scans/a.jpg')).toHaveAttribute('dir', 'auto');

    act(() => options.onProblem?.({ path: 'Scans/huge.tif', reason: 'Not uploaded: the disk is full.' }));
    await act(async () => upload.resolve({ jobId: 'job-9' }));
    expect(screen.queryByRole('progressbar', { name: 'Upload progress' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import…' })).toBeEnabled();

    act(() => fake.emit(jobEvent({ jobId: 'job-9', done: 2, total: 9 })));
    expect(screen.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('value', '2');

    act(() =>
      fake.emit(
        jobEvent({
          jobId: 'job-9',
          state: 'done',
          done: 9,
          total: 9,
          summary: { imported: 8, duplicates: 0, failed: [{ path: 'Scans/b.jpg', reason: 'Unreadable.' }], warnings: [], cancelled: false },
        }),
      ),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Import summary' });
    const failed = within(dialog).getByRole('region', { name: /Files not imported/ });
    expect(within(failed).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Scans/huge.tifNot uploaded: the disk is full.',
      'Scans/b.jpgUnreadable.',
    ]);
  });

  it('cancels an upload: nothing is imported, and the window says so', async () => {
    let signal: AbortSignal | undefined;
    const port = fakePort({
      importDropped: vi.fn(
        (_drop, given) =>
          new Promise<JobRef | null>((resolve) => {
            signal = given?.signal;
            given?.onUploadProgress?.({ filesDone: 0, filesTotal: 2, bytesDone: 0, bytesTotal: 2, current: 'a.jpg' });
            given?.signal?.addEventListener('abort', () => resolve(null));
          }),
      ),
    });
    const { user } = renderApp({ actor }, { intake: port });
    await screen.findByText('No items yet.');
    fireDrop([new File(['x'], 'a.jpg'), new File(['y'], 'b.jpg')], null);
    const panel = await screen.findByRole('region', { name: 'Jobs' });
    await user.click(await within(panel).findByRole('button', { name: 'Cancel upload' }));
    expect(signal?.aborted).toBe(true);
    expect(await screen.findByRole('status')).toHaveTextContent('Upload cancelled: nothing was imported.');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows a drop overlay while files are dragged over the window and imports what is dropped', async () => {
    const port = fakePort();
    renderApp({ actor }, { intake: port });
    await screen.findByText('No items yet.');

    fireEvent.dragEnter(window, { dataTransfer: { types: ['Files'] } });
    expect(screen.getByTestId('drop-overlay')).toHaveTextContent('Drop files or folders to import them');
    fireEvent.dragEnter(window, { dataTransfer: { types: ['Files'] } }); // entering a child element
    fireEvent.dragLeave(window, { dataTransfer: { types: ['Files'] } });
    expect(screen.getByTestId('drop-overlay')).toBeInTheDocument();
    fireEvent.dragLeave(window, { dataTransfer: { types: ['Files'] } });
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();

    // Dragging text around the page is not an import.
    fireEvent.dragEnter(window, { dataTransfer: { types: ['text/plain'] } });
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();

    const dropped = new File(['x'], 'IMG_1.jpg');
    const entry = { isFile: true, isDirectory: false, name: 'IMG_1.jpg', fullPath: '/IMG_1.jpg' };
    fireEvent.dragEnter(window, { dataTransfer: { types: ['Files'] } });
    const drop = fireDrop([dropped], entry);
    expect(drop.defaultPrevented).toBe(true);
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
    await waitFor(() => expect(port.importDropped).toHaveBeenCalledTimes(1));
    expect(port.importDropped.mock.calls[0]![0]).toEqual({ files: [dropped], entries: [entry] });
  });

  it('lists the problems when nothing could be imported at all, and reports a failure to start', async () => {
    const port = fakePort({
      importDropped: vi.fn(async (_drop, given) => {
        given?.onProblem?.({ path: 'clipboard.png', reason: 'Not imported: it is not a file on this computer.' });
        return null;
      }),
      pickAndImport: vi.fn(async () => {
        throw new Error('The catalogue is read-only.');
      }),
    });
    const { user } = renderApp({ actor }, { intake: port });
    await screen.findByText('No items yet.');
    fireDrop([new File(['x'], 'clipboard.png')], null);
    const dialog = await screen.findByRole('dialog', { name: 'Import summary' });
    expect(dialog).toHaveTextContent('Nothing was imported.');
    expect(dialog).toHaveTextContent('clipboard.png');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await user.click(screen.getByRole('button', { name: 'Import…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The import could not start: The catalogue is read-only.');
  });
});

function fireDrop(files: File[], entry: object | null): Event {
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', {
    value: { types: ['Files'], files, items: files.map(() => ({ kind: 'file', webkitGetAsEntry: () => entry })), dropEffect: 'none' },
  });
  act(() => {
    window.dispatchEvent(event);
  });
  return event;
}
