import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ItemSummary } from '../../../src/shared/dto';
import { gridLayout } from '../../../src/renderer/items/grid-layout';
import { item } from '../fake-client';
import { setGridViewport } from '../grid-viewport';
import { renderApp } from '../render-app';

const actor = { name: 'A', organisation: 'B' };

function manyItems(n: number, fields: (i: number) => Partial<ItemSummary> = () => ({})): ItemSummary[] {
  return Array.from({ length: n }, (_, i) => item({ title: `Photo ${i}`, ...fields(i) }));
}

/** The item panel's title, once its details have loaded (the summary's title is replaced meanwhile). */
async function expectPanelTitle(name: string) {
  const details = screen.getByRole('complementary', { name: 'Record details' });
  await waitFor(() => {
    expect(within(details).getByRole('heading', { name })).toBeInTheDocument();
    expect(within(details).getByText('SHA-256')).toBeInTheDocument();
  });
}

async function findGrid() {
  return screen.findByRole('grid', { name: 'Items' });
}

/** The grid cell showing a title, once its page has arrived. */
async function findTile(grid: HTMLElement, title: string) {
  const text = await within(grid).findByText(title);
  return text.closest<HTMLElement>('[role="gridcell"]')!;
}

describe('items grid', () => {
  it('renders only the rows in view, from the first page, with N columns from the width', async () => {
    setGridViewport(800, 600);
    const { fake } = renderApp({ actor, items: manyItems(1000) });
    const grid = await findGrid();
    await within(grid).findByText('Photo 0');

    const { columns, rowHeight } = gridLayout(800);
    expect(columns).toBe(4);
    expect(grid).toHaveAttribute('aria-colcount', '4');
    expect(grid).toHaveAttribute('aria-rowcount', '250');
    const cells = within(grid).getAllByRole('gridcell');
    // A screenful plus a few rows of overscan, not a thousand tiles.
    const visibleRows = Math.ceil(600 / rowHeight);
    expect(cells.length).toBeGreaterThanOrEqual(visibleRows * columns);
    expect(cells.length).toBeLessThanOrEqual((visibleRows + 4) * columns);
    expect(within(grid).getAllByRole('row')[0]).toHaveAttribute('aria-rowindex', '1');

    expect(fake.api.listItems).toHaveBeenCalledTimes(1);
    expect(fake.api.listItems).toHaveBeenCalledWith({ offset: 0, limit: 200, sort: 'imported', order: 'desc' });
    expect(screen.getByText('1,000 items')).toBeInTheDocument();
  });

  it('asks for the next page when its rows scroll into view, and shows them', async () => {
    setGridViewport(800, 600);
    const { fake } = renderApp({ actor, items: manyItems(1000) });
    const grid = await findGrid();
    await within(grid).findByText('Photo 0');
    expect(fake.api.listItems).toHaveBeenCalledTimes(1);

    // Row 62 holds items 248..251: page 2 starts at item 200.
    const { rowHeight } = gridLayout(800);
    act(() => {
      grid.scrollTop = 62 * rowHeight;
      fireEvent.scroll(grid);
    });
    expect(await within(grid).findByText('Photo 250')).toBeInTheDocument();
    const offsets = fake.api.listItems.mock.calls.map(([args]) => args?.offset);
    expect(offsets).toContain(200);
    expect(offsets).not.toContain(400);
    expect(within(grid).queryByText('Photo 0')).not.toBeInTheDocument();
    expect(fake.api.listItems.mock.calls.every(([args]) => args?.limit === 200)).toBe(true);

    // Back to the top: page 1 is cached, not asked for again.
    const calls = fake.api.listItems.mock.calls.length;
    act(() => {
      grid.scrollTop = 0;
      fireEvent.scroll(grid);
    });
    expect(await within(grid).findByText('Photo 0')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.api.listItems.mock.calls.length).toBe(calls);
  });

  it('shows a thumbnail, or a placeholder while the preview is pending, failed or absent, and updates on preview-ready', async () => {
    const items = [
      item({ title: 'Ready' }),
      item({ title: 'Pending', preview: 'pending' }),
      item({ title: 'Failed', preview: 'failed' }),
      item({ title: 'Scan', originalName: 'scan.pdf', kind: 'document', mime: 'application/pdf', preview: 'none' }),
      item({ title: 'Notes', originalName: 'README', kind: 'other', mime: 'application/octet-stream', preview: 'none' }),
      item({ title: 'Geotagged', sensitiveMetadata: true }),
    ];
    const { fake } = renderApp({ actor, items });
    const grid = await findGrid();

    const ready = await findTile(grid, 'Ready');
    const img = ready.querySelector('img')!;
    expect(img).toHaveAttribute('src', `fake://media/${items[0]!.id}/thumb`);
    expect(img).toHaveAttribute('alt', '');

    const pending = await findTile(grid, 'Pending');
    expect(pending.querySelector('img')).toBeNull();
    expect(pending).toHaveTextContent('Preview being made…');
    expect((await findTile(grid, 'Failed')).querySelector('img')).toBeNull();
    expect(await findTile(grid, 'Failed')).toHaveTextContent('No preview');
    expect(await findTile(grid, 'Scan')).toHaveTextContent('PDF document');
    expect(await findTile(grid, 'Notes')).toHaveTextContent('File');

    expect(await findTile(grid, 'Geotagged')).toHaveTextContent('Sensitive metadata');
    // Named by title, reference and size (and the marker), not by the placeholder's words.
    expect(within(grid).getByRole('gridcell', { name: `Geotagged ${items[5]!.ref} · 121 KB Sensitive metadata` })).toBeInTheDocument();
    expect(within(grid).getByRole('gridcell', { name: `Pending ${items[1]!.ref} · 121 KB` })).toBeInTheDocument();
    expect(ready).not.toHaveTextContent('Sensitive');

    act(() => fake.emit({ type: 'preview-ready', itemId: items[1]!.id, state: 'ready' }));
    await waitFor(() => expect(pending.querySelector('img')).toHaveAttribute('src', `fake://media/${items[1]!.id}/thumb`));
  });

  it('shows the original name when there is no title, and hostile names as text with dir="auto"', async () => {
    const hostile = '<img src=x onerror="window.pwned=1">سند.jpg';
    renderApp({ actor, items: [item({ title: null, originalName: hostile })] });
    const grid = await findGrid();
    const title = await within(grid).findByText(hostile);
    expect(title).toHaveAttribute('dir', 'auto');
    expect(grid.querySelectorAll('img[src="x"]')).toHaveLength(0);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('switches to the table view and back', async () => {
    const { user } = renderApp({ actor, items: [item({ title: 'Khavaran, 1989' })] });
    await findGrid();
    const view = screen.getByRole('group', { name: 'View as' });
    expect(within(view).getByRole('button', { name: 'Grid' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(view).getByRole('button', { name: 'Table' }));
    const table = await screen.findByRole('table', { name: 'Items in the catalogue' });
    expect(within(table).getByText('Khavaran, 1989')).toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
    expect(within(view).getByRole('button', { name: 'Table' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(view).getByRole('button', { name: 'Grid' }));
    expect(await findGrid()).toBeInTheDocument();
  });

  it('refreshes when the catalogue changes', async () => {
    const { fake } = renderApp({ actor, items: [item({ title: 'First' })] });
    const grid = await findGrid();
    await within(grid).findByText('First');
    fake.data.items.unshift(item({ title: 'Just imported' }));
    act(() => fake.emit({ type: 'catalogue-changed', what: ['items'] }));
    expect(await within(grid).findByText('Just imported')).toBeInTheDocument();
    expect(screen.getByText('2 items')).toBeInTheDocument();
  });
});

describe('items toolbar', () => {
  it('asks for the chosen sort, order, kind, dates and tag, leaving out empty filters', async () => {
    const { user, fake } = renderApp({ actor, items: manyItems(3, (i) => ({ kind: i === 0 ? 'document' : 'photo' })) });
    await findGrid();
    const last = () => fake.api.listItems.mock.calls.at(-1)?.[0];

    await user.selectOptions(screen.getByLabelText('Sort by'), 'Name');
    await waitFor(() => expect(last()).toEqual({ offset: 0, limit: 200, sort: 'name', order: 'asc' }));
    expect(screen.getByRole('option', { name: 'A to Z' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Order'), 'Z to A');
    await waitFor(() => expect(last()).toEqual({ offset: 0, limit: 200, sort: 'name', order: 'desc' }));

    await user.selectOptions(screen.getByLabelText('Sort by'), 'Date taken');
    await waitFor(() => expect(last()).toMatchObject({ sort: 'taken', order: 'desc' }));
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Size');
    await waitFor(() => expect(last()).toMatchObject({ sort: 'size', order: 'desc' }));

    await user.selectOptions(screen.getByLabelText('Kind'), 'Photos');
    await waitFor(() => expect(last()).toEqual({ offset: 0, limit: 200, sort: 'size', order: 'desc', kind: 'photo' }));
    expect(await screen.findByText('2 items match')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Taken from'), { target: { value: '1988-07-23' } });
    fireEvent.change(screen.getByLabelText('Taken to'), { target: { value: '1988-08-22' } });
    await waitFor(() => expect(last()).toMatchObject({ kind: 'photo', takenFrom: '1988-07-23', takenTo: '1988-08-22' }));

    const calls = fake.api.listItems.mock.calls.length;
    await user.type(screen.getByLabelText('Tag'), 'Khavaran');
    // Typing is not a query per key: one request once the typing pauses.
    await waitFor(() => expect(last()).toMatchObject({ tag: 'Khavaran', takenFrom: '1988-07-23' }));
    expect(fake.api.listItems.mock.calls.length).toBe(calls + 1);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(last()).toEqual({ offset: 0, limit: 200, sort: 'size', order: 'desc' }));
    expect(screen.getByLabelText('Tag')).toHaveValue('');
  });

  it('says when no item matches the filters, rather than that the catalogue is empty', async () => {
    const { user } = renderApp({ actor, items: [item({ kind: 'photo' })] });
    await findGrid();
    await user.selectOptions(screen.getByLabelText('Kind'), 'Documents');
    expect(await screen.findByText('No items match these filters.')).toBeInTheDocument();
    expect(screen.queryByText('No items yet.')).not.toBeInTheDocument();
  });
});

describe('items selection', () => {
  it('selects with click, Ctrl/Cmd+click and Shift+click, and opens the clicked item in the panel', async () => {
    const items = manyItems(8);
    const { fake } = renderApp({ actor, items });
    const grid = await findGrid();
    const tile = (i: number) => findTile(grid, `Photo ${i}`);
    const selectedTitles = () =>
      within(grid)
        .getAllByRole('gridcell')
        .filter((cell) => cell.getAttribute('aria-selected') === 'true')
        .map((cell) => cell.querySelector('.tile-title')?.textContent);

    fireEvent.click(await tile(1));
    expect(selectedTitles()).toEqual(['Photo 1']);
    await expectPanelTitle('Photo 1');
    expect(fake.api.getItem).toHaveBeenLastCalledWith({ id: items[1]!.id });

    fireEvent.click(await tile(3), { ctrlKey: true });
    expect(selectedTitles()).toEqual(['Photo 1', 'Photo 3']);
    fireEvent.click(await tile(1), { metaKey: true });
    expect(selectedTitles()).toEqual(['Photo 3']);
    expect(screen.getByText(/1 selected/)).toBeInTheDocument();

    // The anchor is the last item clicked, even to deselect it: the run goes from Photo 1.
    fireEvent.click(await tile(4), { shiftKey: true });
    expect(selectedTitles()).toEqual(['Photo 1', 'Photo 2', 'Photo 3', 'Photo 4']);

    fireEvent.click(await tile(3));
    fireEvent.click(await tile(6), { shiftKey: true });
    expect(selectedTitles()).toEqual(['Photo 3', 'Photo 4', 'Photo 5', 'Photo 6']);
    expect(screen.getByText(/4 selected/)).toBeInTheDocument();

    fireEvent.click(await tile(0));
    expect(selectedTitles()).toEqual(['Photo 0']);
  });

  it('moves with the arrow keys, toggles with Space, opens with Enter and clears with Escape', async () => {
    setGridViewport(800, 600); // 4 columns
    const items = manyItems(10);
    const { user } = renderApp({ actor, items });
    const grid = await findGrid();
    await within(grid).findByText('Photo 0');
    const active = () => {
      const id = grid.getAttribute('aria-activedescendant');
      return id ? document.getElementById(id)?.querySelector('.tile-title')?.textContent : null;
    };

    await user.tab(); // navigation
    grid.focus();
    await waitFor(() => expect(active()).toBe('Photo 0'));

    await user.keyboard('{ArrowRight}');
    expect(active()).toBe('Photo 1');
    await user.keyboard('{ArrowDown}');
    expect(active()).toBe('Photo 5');
    await user.keyboard('{ArrowDown}');
    expect(active()).toBe('Photo 9');
    await user.keyboard('{ArrowDown}'); // no row below: stays
    expect(active()).toBe('Photo 9');
    await user.keyboard('{ArrowLeft}{ArrowUp}');
    expect(active()).toBe('Photo 4');

    await user.keyboard(' ');
    expect(await findTile(grid, 'Photo 4')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowRight}{ArrowRight} ');
    expect(await findTile(grid, 'Photo 6')).toHaveAttribute('aria-selected', 'true');
    expect(await findTile(grid, 'Photo 4')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard(' ');
    expect(await findTile(grid, 'Photo 6')).toHaveAttribute('aria-selected', 'false');

    await user.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(screen.getByText(/2 selected/)).toBeInTheDocument(); // 6 back to 5, run from anchor 6

    await user.keyboard('{Enter}');
    await expectPanelTitle('Photo 5');
    expect(grid).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(within(grid).getAllByRole('gridcell').every((cell) => cell.getAttribute('aria-selected') !== 'true')).toBe(true);

    await user.keyboard('{Control>}{End}{/Control}');
    expect(active()).toBe('Photo 9');
    await user.keyboard('{Home}');
    expect(active()).toBe('Photo 8');
  });
});
