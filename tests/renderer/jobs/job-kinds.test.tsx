/**
 * Jobs of every kind (issue 8 item 5): CSV import and export and verify show in the jobs panel with count,
 * rate, time left and cancel, and each ends its own way — the CSV import's summary lists every invalid row,
 * verify's report its checks, an export is downloaded (browser) or named by its path (desktop).
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CsvTransfer, ExportTarget, IntakePort } from '../../../src/renderer/intake/intake-port';
import { CatalogueError } from '../../../src/shared/errors';
import { jobEventOf, person, verifyReport } from '../fake-client';
import { renderApp } from '../render-app';

const actor = { name: 'A', organisation: 'B' };

afterEach(() => {
  vi.useRealTimers();
});

function fakeCsv(transport: 'upload' | 'paths', target: ExportTarget | null) {
  return {
    transport,
    chooseCsv: vi.fn<CsvTransfer['chooseCsv']>(async () => ({ file: { uploadId: 'up-1' }, name: 'persons.csv' })),
    chooseExportTarget: vi.fn<CsvTransfer['chooseExportTarget']>(async () => target),
    downloadUrl: vi.fn((id: string) => `/download/${id}`),
    startDownload: vi.fn<CsvTransfer['startDownload']>(),
  };
}

function portWith(csv: CsvTransfer): IntakePort {
  return {
    transport: csv.transport,
    csv,
    importFiles: vi.fn(async () => null),
    importDropped: vi.fn(async () => null),
    pickAndImport: vi.fn(async () => null),
  };
}

async function openPersons(user: ReturnType<typeof renderApp>['user']) {
  await user.click(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('button', { name: 'Persons' }));
  await screen.findByRole('heading', { level: 1, name: 'Persons' });
}

describe('the jobs panel shows every kind of job', () => {
  it.each([
    ['persons-import', 'Importing persons', 'Persons import progress', '1,200 of 30,000 rows', '120.0 rows/s', 'Cancel import'],
    ['persons-export', 'Exporting persons', 'Persons export progress', '1,200 of 30,000 rows', '120.0 rows/s', 'Cancel export'],
    ['verify', 'Verifying the catalogue', 'Verify progress', '1,200 of 30,000 steps', '120.0 steps/s', 'Cancel verify'],
  ] as const)('%s: count, rate, time left, what it is on, and cancel', async (kind, name, bar, count, rate, cancel) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T12:00:10Z'));
    const { fake, user } = renderApp({ actor });
    act(() =>
      fake.emit(jobEventOf(kind, { jobId: 'job-42', startedAt: '2026-03-01T12:00:00Z', done: 1200, total: 30000, failed: 3, current: '<b>V-001200</b> ایرج' })),
    );
    const panel = screen.getByRole('region', { name: 'Jobs' });
    expect(panel).toHaveTextContent(name);
    const progress = within(panel).getByRole('progressbar', { name: bar });
    expect(progress).toHaveAttribute('value', '1200');
    expect(progress).toHaveAttribute('max', '30000');
    expect(panel).toHaveTextContent(count);
    expect(panel).toHaveTextContent(rate);
    // 28,800 left at 120 a second: four minutes.
    expect(panel).toHaveTextContent('about 4 min left');
    expect(within(panel).getByText('<b>V-001200</b> ایرج')).toHaveAttribute('dir', 'auto');
    expect(panel.querySelector('b')).toBeNull();

    await user.click(within(panel).getByRole('button', { name: cancel }));
    expect(fake.api.cancelJob).toHaveBeenCalledWith({ jobId: 'job-42' });
    expect(within(panel).getByRole('button', { name: 'Cancelling…' })).toBeDisabled();
  });

  it('says so when the job had already finished, and an indeterminate bar while the total is unknown', async () => {
    const { fake, user } = renderApp({ actor });
    fake.api.cancelJob.mockResolvedValueOnce({ cancelled: false });
    act(() => fake.emit(jobEventOf('persons-export', { jobId: 'e1', done: 50, total: null })));
    const panel = screen.getByRole('region', { name: 'Jobs' });
    expect(within(panel).getByRole('progressbar', { name: 'Persons export progress' })).not.toHaveAttribute('value');
    expect(panel).toHaveTextContent('50 rows so far');
    await user.click(within(panel).getByRole('button', { name: 'Cancel export' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('Could not cancel: The export had already finished.');
  });

  it('shows several jobs at once, and leaves when they end', async () => {
    const { fake } = renderApp({ actor });
    act(() => fake.emit(jobEventOf('verify', { jobId: 'v', done: 1, total: 4 })));
    act(() => fake.emit(jobEventOf('persons-import', { jobId: 'c', done: 10, total: 20 })));
    const panel = screen.getByRole('region', { name: 'Jobs' });
    expect(within(panel).getAllByRole('progressbar')).toHaveLength(2);
    act(() => fake.emit(jobEventOf('verify', { jobId: 'v', state: 'cancelled', done: 2, total: 4, summary: verifyReport({ cancelled: true }) })));
    act(() => fake.emit(jobEventOf('persons-import', { jobId: 'c', state: 'cancelled', done: 12, total: 20, summary: { created: 12, updated: 0, unchanged: 0, invalid: [], cancelled: true } })));
    expect(screen.queryByRole('region', { name: 'Jobs' })).not.toBeInTheDocument();
    // A late progress event does not bring a finished job back.
    act(() => fake.emit(jobEventOf('verify', { jobId: 'v', done: 3, total: 4 })));
    expect(screen.queryByRole('region', { name: 'Jobs' })).not.toBeInTheDocument();
  });
});

describe('the CSV import summary', () => {
  const invalid = [
    { row: 14, column: 'name_fa', reason: 'The row has no name: fill in name_fa or name_latin. The row was not imported.' },
    { row: 27, column: 'death_date', reason: '"<img src=x onerror=alert(1)>" is not a date Vigil can read, for example 1367/05/08. Left out.' },
    { row: 27, column: 'sex', reason: '"m" is not a sex Vigil records (male, female, other, unknown, or empty); left out.' },
  ];

  it('lists created, updated and unchanged, and every invalid row with its row, column and reason, as text', async () => {
    const { fake, user } = renderApp({ actor });
    act(() =>
      fake.emit(jobEventOf('persons-import', { jobId: 'c2', state: 'done', done: 2000, total: 2000, summary: { created: 1990, updated: 4, unchanged: 3, invalid, cancelled: false } })),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Persons import summary' });
    expect(dialog).toHaveTextContent('The persons import finished, but some rows need attention.');
    const counts = Object.fromEntries(
      Array.from(dialog.querySelectorAll('.summary-counts div')).map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]),
    );
    expect(counts).toEqual({ Created: '1,990', Updated: '4', Unchanged: '3', 'Rows with problems': '2' });

    const table = within(dialog).getByRole('table', { name: /Invalid rows/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual(invalid.map((p) => [String(p.row), p.column, p.reason]));
    expect(within(table).getByText(invalid[1]!.reason)).toHaveAttribute('dir', 'auto');
    expect(dialog.querySelector('img')).toBeNull();

    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    // The status bar keeps the outcome, and the summary can be read again.
    const bar = screen.getByRole('contentinfo', { name: 'Status bar' });
    expect(bar).toHaveTextContent('Persons import finished: 1,990 created, 4 updated, 3 unchanged, 3 problems');
    await user.click(within(bar).getByRole('button', { name: 'Show summary' }));
    expect(await screen.findByRole('dialog', { name: 'Persons import summary' })).toHaveTextContent('1,990');
  });

  it('says why an import stopped, and that a re-import changed nothing', async () => {
    const { fake, user } = renderApp({ actor });
    act(() => fake.emit(jobEventOf('persons-import', { jobId: 'c3', state: 'failed', error: 'The file is not UTF-8.' })));
    const failed = await screen.findByRole('dialog', { name: 'Persons import summary' });
    expect(failed).toHaveTextContent('The persons import stopped: The file is not UTF-8.');
    await user.click(within(failed).getByRole('button', { name: 'Close' }));

    act(() => fake.emit(jobEventOf('persons-import', { jobId: 'c4', state: 'done', done: 5, total: 5, summary: { created: 0, updated: 0, unchanged: 5, invalid: [], cancelled: false } })));
    const again = await screen.findByRole('dialog', { name: 'Persons import summary' });
    expect(again).toHaveTextContent('nothing changed');
    expect(within(again).queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('verify', () => {
  it('starts from the status bar, tells a clean result there, and shows the report on request', async () => {
    const { fake, user } = renderApp({ actor });
    const bar = screen.getByRole('contentinfo', { name: 'Status bar' });
    const start = await within(bar).findByRole('button', { name: 'Verify catalogue…' });
    await user.click(start);
    expect(fake.api.verify).toHaveBeenCalledOnce();
    const { jobId } = await fake.api.verify.mock.results[0]!.value;

    act(() => fake.emit(jobEventOf('verify', { jobId, done: 2, total: 5 })));
    expect(within(bar).getByRole('button', { name: 'Verifying…' })).toBeDisabled();

    const report = verifyReport({
      checks: [
        { name: 'database integrity', ok: true, problems: [] },
        { name: 'unrecorded vault files (1)', ok: true, problems: [], notes: ['vault/ab/cd/abcd…: no item refers to it'] },
      ],
    });
    act(() => fake.emit(jobEventOf('verify', { jobId, state: 'done', done: 5, total: 5, summary: report })));
    expect(bar).toHaveTextContent('Verify finished: the catalogue is intact');
    await act(async () => {});
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(within(bar).getByRole('button', { name: 'Show report' }));
    const dialog = await screen.findByRole('dialog', { name: 'Verify report' });
    expect(dialog).toHaveTextContent('The catalogue is intact');
    const checks = within(dialog).getByRole('list', { name: 'Checks' });
    expect(within(checks).getAllByText('Passed')).toHaveLength(2);
    expect(within(checks).getByText('vault/ab/cd/abcd…: no item refers to it')).toHaveAttribute('dir', 'auto');
    expect(within(bar).getByRole('button', { name: 'Verify catalogue…' })).toBeEnabled();
  });

  it('opens the report by itself when a check failed, listing every problem', async () => {
    const { fake } = renderApp({ actor });
    const report = verifyReport({
      ok: false,
      checks: [
        { name: 'database integrity', ok: true, problems: [] },
        { name: 'vault files', ok: false, problems: ['IR-000004: the file’s SHA-256 does not match the one recorded at intake', 'IR-000009: the file is missing'] },
        { name: 'custody log chain', ok: false, problems: ['custody log row 12: hash does not match'] },
      ],
    });
    act(() => fake.emit(jobEventOf('verify', { jobId: 'v9', state: 'done', done: 9, total: 9, failed: 2, summary: report })));
    const dialog = await screen.findByRole('dialog', { name: 'Verify report' });
    expect(dialog).toHaveTextContent('Verify found problems: 2 of 3 checks failed.');
    expect(within(dialog).getAllByText('Failed')).toHaveLength(2);
    expect(within(dialog).getByText('IR-000009: the file is missing')).toBeInTheDocument();
    expect(within(dialog).getByText('custody log row 12: hash does not match')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo', { name: 'Status bar' })).toHaveTextContent('Verify finished: problems found');
  });

  it('says why verify could not start', async () => {
    const { fake, user } = renderApp({ actor });
    fake.api.verify.mockRejectedValueOnce(new CatalogueError('IO', 'The catalogue is closing.'));
    const bar = screen.getByRole('contentinfo', { name: 'Status bar' });
    await user.click(await within(bar).findByRole('button', { name: 'Verify catalogue…' }));
    expect(await within(bar).findByRole('alert')).toHaveTextContent('Verify could not start: The catalogue is closing.');
  });
});

describe('CSV import in the window', () => {
  const preview = {
    headers: ['Ref', 'نام', 'Name', 'Date of death', 'Notes'],
    rows: [
      ['V-1', 'ایرج حاتمی', 'Iraj Hatemi', '1367/05/08', '<script>alert(1)</script>'],
      ['V-2', '', 'Farideh Akbarpour', 'Mordad 1367', ''],
    ],
    mapping: { ref: 'Ref', notes: 'Notes' },
    rowCount: 2000,
  };

  it('previews the first rows, lets the mapping be chosen, and imports with the mapping chosen', async () => {
    const csv = fakeCsv('upload', { download: true });
    const { fake, user } = renderApp({ actor, csvPreview: preview }, { intake: portWith(csv) });
    await openPersons(user);
    await user.click(screen.getByRole('button', { name: 'Import CSV…' }));
    expect(csv.chooseCsv).toHaveBeenCalledOnce();
    const dialog = await screen.findByRole('dialog', { name: 'Import persons from CSV' });
    expect(fake.api.previewPersonsCsv).toHaveBeenCalledWith({ file: { uploadId: 'up-1' } });
    expect(dialog).toHaveTextContent('persons.csv · 2,000 rows of persons');

    // The first rows, as read, as text.
    const rows = within(dialog).getByRole('region', { name: 'First rows of the file' });
    expect(within(rows).getByText('ایرج حاتمی')).toHaveAttribute('dir', 'auto');
    expect(within(rows).getByText('<script>alert(1)</script>')).toBeInTheDocument();
    expect(dialog.querySelector('script')).toBeNull();

    // Proposed: ref and notes; nothing names the persons yet, so Import waits.
    const select = (label: RegExp) => within(dialog).getByRole('combobox', { name: label });
    expect(select(/^Reference in the list/)).toHaveValue('Ref');
    expect(select(/^Name in Persian script/)).toHaveValue('');
    const importButton = within(dialog).getByRole('button', { name: 'Import 2,000 rows' });
    expect(importButton).toBeDisabled();
    expect(dialog).toHaveTextContent('Choose the column of names in Persian script or in Latin script');

    await user.selectOptions(select(/^Name in Persian script/), 'نام');
    await user.selectOptions(select(/^Name in Latin script/), 'Name');
    await user.selectOptions(select(/^Death date/), 'Date of death');
    await user.selectOptions(select(/^Notes/), '');
    expect(importButton).toBeEnabled();
    await user.click(importButton);

    expect(fake.api.importPersonsCsv).toHaveBeenCalledOnce();
    const [args] = fake.api.importPersonsCsv.mock.calls[0]!;
    expect(args.file).toEqual({ uploadId: 'up-1' });
    expect(args.mapping).toMatchObject({ ref: 'Ref', name_fa: 'نام', name_latin: 'Name', death_date: 'Date of death', notes: null, prison: null });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // The job takes over: progress and cancel in the jobs panel.
    const { jobId } = await fake.api.importPersonsCsv.mock.results[0]!.value;
    act(() => fake.emit(jobEventOf('persons-import', { jobId, done: 1200, total: 2000 })));
    const panel = screen.getByRole('region', { name: 'Jobs' });
    expect(panel).toHaveTextContent('1,200 of 2,000 rows');
    expect(within(panel).getByRole('button', { name: 'Cancel import' })).toBeEnabled();
  });

  it('asks who is cataloguing before importing, then imports', async () => {
    const csv = fakeCsv('paths', null);
    csv.chooseCsv.mockResolvedValueOnce({ file: { path: '/home/a/list.csv' }, name: 'list.csv' });
    const { fake, user } = renderApp({ actor: null, csvPreview: { ...preview, mapping: { name_latin: 'Name' } } }, { intake: portWith(csv) });
    await user.click(await screen.findByRole('button', { name: 'Not now' }));
    await openPersons(user);
    fake.api.importPersonsCsv.mockRejectedValueOnce(new CatalogueError('ACTOR_REQUIRED', 'Say who is cataloguing first.'));
    await user.click(screen.getByRole('button', { name: 'Import CSV…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import persons from CSV' });
    await user.click(await within(dialog).findByRole('button', { name: 'Import 2,000 rows' }));

    const prompt = await screen.findByRole('form', { name: /Who is cataloguing/ });
    // A modal of its own, above the import dialog that made everything else inert.
    expect(prompt.closest('dialog')).toHaveClass('actor-dialog');
    expect(within(prompt).getByLabelText('Your name')).toHaveFocus();
    await user.type(within(prompt).getByLabelText('Your name'), 'Shirin');
    await user.type(within(prompt).getByLabelText('Organisation'), 'Archive');
    await user.click(within(prompt).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.api.importPersonsCsv).toHaveBeenCalledTimes(2));
    expect(fake.api.importPersonsCsv.mock.calls[1]![0].file).toEqual({ path: '/home/a/list.csv' });
  });

  it('says when the file could not be read, and imports nothing', async () => {
    const csv = fakeCsv('upload', { download: true });
    const { fake, user } = renderApp({ actor }, { intake: portWith(csv) });
    fake.api.previewPersonsCsv.mockRejectedValueOnce(new CatalogueError('INVALID_ARGUMENT', 'The file is not UTF-8 text.'));
    await openPersons(user);
    await user.click(screen.getByRole('button', { name: 'Import CSV…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import persons from CSV' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Vigil could not read this file: The file is not UTF-8 text.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.api.importPersonsCsv).not.toHaveBeenCalled();
  });

  it('shows an upload failure, and nothing when the choice was cancelled', async () => {
    const csv = fakeCsv('upload', { download: true });
    csv.chooseCsv.mockResolvedValueOnce(null).mockRejectedValueOnce(new Error('“persons.csv” could not be sent to Vigil: the disk is full.'));
    const { fake, user } = renderApp({ actor }, { intake: portWith(csv) });
    await openPersons(user);
    await user.click(screen.getByRole('button', { name: 'Import CSV…' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import CSV…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('the disk is full');
    expect(fake.api.previewPersonsCsv).not.toHaveBeenCalled();
  });

  it('offers no CSV buttons where the window cannot carry files', async () => {
    const { user } = renderApp({ actor });
    await openPersons(user);
    expect(screen.queryByRole('button', { name: 'Import CSV…' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export CSV…' })).not.toBeInTheDocument();
  });
});

describe('CSV export', () => {
  it('in a browser: exports on the host and downloads the file this window asked for once it is made', async () => {
    const csv = fakeCsv('upload', { download: true });
    const { fake, user } = renderApp({ actor, persons: [person({ nameLatin: 'Iraj Hatemi' })] }, { intake: portWith(csv) });
    await openPersons(user);
    await user.click(await screen.findByRole('button', { name: 'Export CSV…' }));
    await waitFor(() => expect(fake.api.exportPersons).toHaveBeenCalledOnce());
    const [args] = fake.api.exportPersons.mock.calls[0]!;
    expect(args).not.toHaveProperty('path');
    expect(args?.filter).toBeDefined();
    const { jobId } = await fake.api.exportPersons.mock.results[0]!.value;

    act(() => fake.emit(jobEventOf('persons-export', { jobId, done: 1, total: 1 })));
    expect(screen.getByRole('region', { name: 'Jobs' })).toHaveTextContent('Exporting persons');
    const downloadId = '3f2b8c1e-5d4a-4c2b-9e8f-0123456789ab';
    act(() => fake.emit(jobEventOf('persons-export', { jobId, state: 'done', done: 1, total: 1, summary: { rows: 1, cancelled: false, downloadId, path: null } })));
    await waitFor(() => expect(csv.startDownload).toHaveBeenCalledWith(downloadId));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const bar = screen.getByRole('contentinfo', { name: 'Status bar' });
    expect(bar).toHaveTextContent('Exported 1 person');
    expect(within(bar).getByRole('link', { name: 'Download again' })).toHaveAttribute('href', `/download/${downloadId}`);

    // Another window's export is not downloaded here.
    act(() => fake.emit(jobEventOf('persons-export', { jobId: 'elsewhere', state: 'done', done: 1, total: 1, summary: { rows: 1, cancelled: false, downloadId: 'other', path: null } })));
    await act(async () => {});
    expect(csv.startDownload).toHaveBeenCalledOnce();
  });

  it('in the desktop app: writes to the path the save dialog gave, and names it when done', async () => {
    const csv = fakeCsv('paths', { path: '/home/shirin/Documents/فهرست.csv' });
    const { fake, user } = renderApp({ actor, persons: [person({ nameLatin: 'Iraj Hatemi' })] }, { intake: portWith(csv) });
    await openPersons(user);
    await user.click(await screen.findByRole('button', { name: 'Export CSV…' }));
    await waitFor(() => expect(fake.api.exportPersons).toHaveBeenCalledOnce());
    expect(fake.api.exportPersons.mock.calls[0]![0]).toMatchObject({ path: '/home/shirin/Documents/فهرست.csv' });
    const { jobId } = await fake.api.exportPersons.mock.results[0]!.value;
    act(() =>
      fake.emit(jobEventOf('persons-export', { jobId, state: 'done', done: 2000, total: 2000, summary: { rows: 2000, cancelled: false, downloadId: null, path: '/home/shirin/Documents/فهرست.csv' } })),
    );
    const bar = screen.getByRole('contentinfo', { name: 'Status bar' });
    expect(bar).toHaveTextContent('Exported 2,000 persons to /home/shirin/Documents/فهرست.csv');
    expect(within(bar).getByText('/home/shirin/Documents/فهرست.csv')).toHaveAttribute('dir', 'auto');
    expect(csv.startDownload).not.toHaveBeenCalled();
  });

  it('does nothing when the save dialog is cancelled, and opens the ending when the export fails', async () => {
    const csv = fakeCsv('paths', null);
    const { fake, user } = renderApp({ actor, persons: [person({ nameLatin: 'Iraj Hatemi' })] }, { intake: portWith(csv) });
    await openPersons(user);
    await user.click(await screen.findByRole('button', { name: 'Export CSV…' }));
    await waitFor(() => expect(csv.chooseExportTarget).toHaveBeenCalledOnce());
    expect(fake.api.exportPersons).not.toHaveBeenCalled();

    act(() => fake.emit(jobEventOf('persons-export', { jobId: 'e5', state: 'failed', error: 'The disk is full.' })));
    const dialog = await screen.findByRole('dialog', { name: 'Persons export' });
    expect(dialog).toHaveTextContent('The export stopped: The disk is full. No file was made.');
  });
});
