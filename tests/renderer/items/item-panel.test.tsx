import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ItemDetail, PhotoMetadata } from '../../../src/shared/dto';
import { item, itemDetail, tag, tagRef } from '../fake-client';
import { renderApp } from '../render-app';

const actor = { name: 'A', organisation: 'B' };

const photo: PhotoMetadata = {
  takenAt: '1988-08-14T06:30:00',
  gps: { lat: 35.6416, lon: 51.5217, alt: 1180 },
  make: 'Canon',
  model: 'Canon EOS 5D',
  serial: '0820500813',
  lens: 'EF24-105mm f/4L IS USM',
  software: 'Digital Photo Professional',
  orientation: 1,
  width: 4368,
  height: 2912,
  caption: 'Khavaran cemetery, unmarked graves',
  keywords: ['Khavaran', 'خاوران'],
  creator: 'Anonymous witness',
  copyright: null,
};

/** Opens an item in the panel by clicking its tile, and waits for its details. */
async function openItem(title: string) {
  const grid = await screen.findByRole('grid', { name: 'Items' });
  const tile = (await within(grid).findByText(title)).closest('[role="gridcell"]')!;
  act(() => (tile as HTMLElement).click());
  const panel = screen.getByRole('complementary', { name: 'Record details' });
  await within(panel).findByText('SHA-256');
  return panel;
}

function fieldValue(panel: HTMLElement, label: string | RegExp): HTMLElement {
  const dt = within(panel).getByText(label, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
}

function renderWithDetail(fields: Partial<ItemDetail>, summary = item({ title: 'Khavaran, 1988' })) {
  const detail = itemDetail(summary, fields);
  return { ...renderApp({ actor, items: [summary], details: new Map([[summary.id, detail]]) }), detail, summary };
}

describe('item panel', () => {
  it('shows what the file is: preview, kind, type, size, pixel size, SHA-256, and the time taken as recorded', async () => {
    const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const summary = item({ title: 'Khavaran, 1988', sha256: sha, size: 2_345_678, width: 4368, height: 2912, takenAt: '1988-08-14T06:30:00+04:30' });
    const { fake } = renderWithDetail({ photo: { ...photo, takenAt: '1988-08-14T06:30:00+04:30' } }, summary);
    const panel = await openItem('Khavaran, 1988');

    expect(fake.api.getItem).toHaveBeenCalledWith({ id: summary.id });
    expect(within(panel).getByRole('img', { name: `Preview of ${summary.ref}` })).toHaveAttribute('src', `fake://media/${summary.id}/preview`);
    expect(fieldValue(panel, 'Kind')).toHaveTextContent('Photo');
    expect(fieldValue(panel, 'Type')).toHaveTextContent('image/jpeg');
    expect(fieldValue(panel, 'Size')).toHaveTextContent('2.2 MB (2,345,678 bytes)');
    expect(fieldValue(panel, 'Pixel size')).toHaveTextContent('4,368 × 2,912 px');
    const hash = within(fieldValue(panel, 'SHA-256')).getByText(sha);
    expect(hash.tagName).toBe('CODE');
    // Exactly as the camera recorded it: not converted to this computer's time zone.
    expect(fieldValue(panel, 'Taken at')).toHaveTextContent(/^1988-08-14T06:30:00\+04:30$/);
  });

  it('lists the photo metadata and marks the sensitive fields with a badge and an accessible label', async () => {
    renderWithDetail({ photo, sensitiveMetadata: true, sensitiveFields: ['gps', 'serial', 'creator'] });
    const panel = await openItem('Khavaran, 1988');

    const section = within(panel).getByRole('region', { name: 'Photo metadata' });
    expect(fieldValue(section, /^GPS position/)).toHaveTextContent('35.6416, 51.5217 (altitude 1180 m)');
    expect(fieldValue(section, /^Camera model/)).toHaveTextContent('Canon EOS 5D');
    expect(fieldValue(section, /^Keywords/)).toHaveTextContent('Khavaran, خاوران');
    expect(fieldValue(section, /^Caption/)).toHaveTextContent('Khavaran cemetery, unmarked graves');

    const sensitiveLabels = within(section)
      .getAllByText(/^Sensitive/, { selector: '.badge' })
      .map((badge) => badge.closest('dt')!.firstChild!.textContent);
    expect(sensitiveLabels).toEqual(['GPS position', 'Body serial number', 'Creator']);
    for (const label of [/^GPS position/, /^Body serial number/, /^Creator/]) {
      const dt = within(section).getByText(label, { selector: 'dt' });
      expect(dt).toHaveTextContent('Sensitive: this field can identify people or places');
      expect(dt.nextElementSibling).toHaveAttribute('data-sensitive', 'true');
    }
    expect(within(section).getByText(/^Lens/, { selector: 'dt' })).not.toHaveTextContent('Sensitive');
    expect(fieldValue(section, /^Lens/)).not.toHaveAttribute('data-sensitive');
    expect(within(panel).getByText(/This file's metadata can identify people or places/)).toHaveTextContent('(gps, serial, creator)');
  });

  it('shows each tag as a chip of text, in English and Persian where it has both', async () => {
    const both = tag({ labelEn: 'Mass grave', labelFa: 'گور جمعی' });
    const persianOnly = tag({ labelEn: null, labelFa: 'خاوران' });
    const hostile = tag({ labelEn: '<img src=x onerror=alert(1)>' });
    const { container } = renderWithDetail({ tags: [both, persianOnly, hostile].map(tagRef) });
    const panel = await openItem('Khavaran, 1988');

    const section = within(panel).getByRole('region', { name: 'Tags' });
    // Each tag is a chip: its label as text, and its own Remove button.
    const labels = within(section)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.user-text')?.textContent);
    expect(labels).toEqual(['Mass grave · گور جمعی', 'خاوران', '<img src=x onerror=alert(1)>']);
    expect(within(section).getByRole('button', { name: 'Remove tag <img src=x onerror=alert(1)>' })).toBeInTheDocument();
    expect(within(section).getByText('خاوران')).toHaveAttribute('dir', 'auto');
    expect(container.querySelector('img[src="x"]')).toBeNull();
  });

  it('shows document info, metadata warnings, every place the file was found, and the custody history', async () => {
    const summary = item({ title: null, originalName: 'letter.pdf', kind: 'document', mime: 'application/pdf', preview: 'none' });
    renderWithDetail(
      {
        document: { pageCount: 3, title: 'Letter to the prosecutor', author: 'M. R.', producer: 'Scanner 2000' },
        sensitiveFields: ['author'],
        metadataWarnings: ['The PDF is encrypted; its text could not be read.'],
        occurrences: [
          { originalName: 'letter.pdf', sourcePath: 'Scans/1988/letter.pdf', modifiedAt: '2019-05-01T08:00:00Z', createdAt: null, seenAt: '2026-01-02T10:00:00Z' },
          { originalName: 'copy of letter.pdf', sourcePath: 'USB/copy of letter.pdf', modifiedAt: null, createdAt: null, seenAt: '2026-01-03T11:30:00.250Z' },
        ],
        custody: [
          custody(1, 'acquired', 'Shirin Archivist', 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90'),
          custody(2, 'hash computed', 'Shirin Archivist', 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100'),
          custody(3, 'metadata extracted', 'vigil', '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'),
        ],
      },
      summary,
    );
    const panel = await openItem('letter.pdf');

    expect(within(panel).getByText(/^No preview:/)).toHaveTextContent('No preview: Vigil does not make previews of application/pdf files.');
    const doc = within(panel).getByRole('region', { name: 'Document' });
    expect(fieldValue(doc, 'Pages')).toHaveTextContent('3');
    expect(fieldValue(doc, /^Author/)).toHaveAttribute('data-sensitive', 'true');
    expect(fieldValue(doc, /^Producer/)).not.toHaveAttribute('data-sensitive');

    const warnings = within(panel).getByRole('region', { name: 'Metadata warnings' });
    expect(within(warnings).getByText('The PDF is encrypted; its text could not be read.')).toHaveAttribute('dir', 'auto');

    const found = within(panel).getByRole('region', { name: /Found as/ });
    expect(within(found).getAllByRole('listitem')).toHaveLength(2);
    expect(within(found).getByText('Scans/1988/letter.pdf')).toHaveAttribute('dir', 'auto');
    expect(within(found).getByText('USB/copy of letter.pdf')).toBeInTheDocument();
    expect(found).toHaveTextContent('Found 2026-01-03 11:30:00 UTC');

    const table = within(panel).getByRole('table', { name: 'Custody history' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const cells = within(rows[0]!).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual(['1', '2026-01-02 10:00:00 UTC Asia/Tehran', 'Shirin Archivist, Justice for Iran', 'acquired', 'a1b2c3d4e5f6']);
    expect(within(rows[0]!).getByText('a1b2c3d4e5f6')).toHaveAttribute('title', 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90');
    expect(within(rows[2]!).getAllByRole('cell')[3]).toHaveTextContent('metadata extracted');
  });

  it('renders hostile strings from the file as text, never as HTML, and shows the raw metadata on request', async () => {
    const hostile = '<img src=x onerror="window.pwned=1"><b>bold</b>';
    const rtl = '\u202Egpj.exe';
    renderWithDetail({
      title: hostile,
      photo: { ...photo, caption: hostile, make: rtl, creator: '<script>window.pwned=2</script>' },
      metadataWarnings: [`Could not read ${hostile}`],
      occurrences: [{ originalName: hostile, sourcePath: `dir/${hostile}`, modifiedAt: null, createdAt: null, seenAt: '2026-01-02T10:00:00Z' }],
      rawMetadata: { ImageDescription: hostile, XPComment: '</pre><script>window.pwned=3</script>' },
    });
    const panel = await openItem('Khavaran, 1988');

    expect(within(panel).getByRole('heading', { name: hostile })).toHaveAttribute('dir', 'auto');
    expect(within(panel).getAllByText(hostile).length).toBeGreaterThanOrEqual(2);
    expect(within(panel).getByText(rtl)).toHaveAttribute('dir', 'auto');
    expect(panel.querySelector('img[src="x"]')).toBeNull();
    expect(panel.querySelector('b')).toBeNull();
    expect(panel.querySelector('script')).toBeNull();

    const disclosure = within(panel).getByRole('button', { name: 'Raw metadata' });
    expect(disclosure).toHaveAttribute('aria-expanded', 'false');
    expect(panel.querySelector('pre')).toBeNull();
    act(() => disclosure.click());
    expect(disclosure).toHaveAttribute('aria-expanded', 'true');
    const pre = panel.querySelector('pre')!;
    expect(pre.textContent).toBe(JSON.stringify({ ImageDescription: hostile, XPComment: '</pre><script>window.pwned=3</script>' }, null, 2));
    expect(pre.children).toHaveLength(0);
    expect(panel.querySelector('script')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('explains a missing preview from the warnings or the state, and shows it once preview-ready arrives', async () => {
    const summary = item({ title: 'Pending photo', preview: 'pending' });
    const { fake, detail } = renderWithDetail({ preview: 'pending' }, summary);
    const panel = await openItem('Pending photo');
    expect(within(panel).getByText(/^No preview:/)).toHaveTextContent('No preview: it is still being made.');

    fake.data.details.set(summary.id, { ...detail, preview: 'failed', metadataWarnings: ['The HEIC image could not be decoded.'] });
    act(() => fake.emit({ type: 'preview-ready', itemId: summary.id, state: 'failed' }));
    await waitFor(() => expect(within(panel).getByText(/^No preview:/)).toHaveTextContent('No preview: The HEIC image could not be decoded.'));

    fake.data.details.set(summary.id, { ...detail, preview: 'ready' });
    act(() => fake.emit({ type: 'preview-ready', itemId: summary.id, state: 'ready' }));
    expect(await within(panel).findByRole('img', { name: `Preview of ${summary.ref}` })).toBeInTheDocument();
  });

  it('shows an error with a retry when the item cannot be loaded', async () => {
    const summary = item({ title: 'Gone' });
    const { fake, user } = renderApp({ actor, items: [summary] });
    fake.api.getItem.mockRejectedValueOnce(new Error('The catalogue is locked by another window.'));
    const grid = await screen.findByRole('grid', { name: 'Items' });
    await user.click(await within(grid).findByText('Gone'));
    const panel = screen.getByRole('complementary', { name: 'Record details' });
    expect(await within(panel).findByRole('alert')).toHaveTextContent('The catalogue is locked by another window.');
    await user.click(within(panel).getByRole('button', { name: 'Try again' }));
    expect(await within(panel).findByText('SHA-256')).toBeInTheDocument();
  });

  it('opens an item search result in the same panel', async () => {
    const summary = item({ title: 'Evin letter' });
    const { user, fake } = renderApp({ actor, items: [summary] });
    await user.click(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('button', { name: 'Search' }));
    await user.type(screen.getByRole('combobox', { name: 'Search the catalogue' }), 'evin');
    await screen.findByRole('option', { name: /Evin letter/ });
    await user.keyboard('{Enter}');
    const panel = screen.getByRole('complementary', { name: 'Record details' });
    expect(await within(panel).findByText('SHA-256')).toBeInTheDocument();
    expect(fake.api.getItem).toHaveBeenCalledWith({ id: summary.id });
  });
});

function custody(seq: number, action: string, actorName: string, hash: string) {
  return {
    seq,
    at: `2026-01-02T10:0${seq - 1}:00Z`,
    timeZone: 'Asia/Tehran',
    actor: actorName,
    actorOrganisation: 'Justice for Iran',
    action,
    targetType: 'item',
    targetRef: 'ITM-000001',
    targetGlobalId: '00000000-0000-4000-8000-000000000001',
    changeId: null,
    sha256Before: null,
    sha256After: null,
    tool: 'vigil',
    toolVersion: '0.1.0',
    details: {},
    hash,
  };
}
