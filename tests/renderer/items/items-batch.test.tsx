/**
 * The grid's selection made useful (issue 8): Ctrl/Cmd+A selects every item the filter shows (all pages),
 * Escape clears, and the selection bar tags or links the whole selection after a confirmation that names
 * how many items change.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ItemSummary } from '../../../src/shared/dto';
import { item, person, tag } from '../fake-client';
import { renderApp } from '../render-app';

const actor = { name: 'A', organisation: 'B' };

function manyItems(n: number, fields: (i: number) => Partial<ItemSummary> = () => ({})): ItemSummary[] {
  return Array.from({ length: n }, (_, i) => item({ title: `Photo ${i}`, ...fields(i) }));
}

async function findTile(grid: HTMLElement, title: string) {
  const text = await within(grid).findByText(title);
  return text.closest<HTMLElement>('[role="gridcell"]')!;
}

const bar = () => screen.queryByRole('region', { name: 'Selected items' });
const toast = () => document.querySelector<HTMLElement>('.toast-region')!;

describe('select all', () => {
  it('Ctrl+A in the grid selects every item the filter shows, on every page; a deselect is kept as an exception; Escape clears', async () => {
    // 450 photos over three pages of 200, and two documents the filter leaves out.
    const photos = manyItems(450);
    const documents = manyItems(2, () => ({ kind: 'document', mime: 'application/pdf' }));
    const { user, fake } = renderApp({ actor, items: [...photos, ...documents] });
    await user.selectOptions(await screen.findByLabelText('Kind'), 'Photos');
    expect(await screen.findByText('450 items match')).toBeInTheDocument();
    const grid = await screen.findByRole('grid', { name: 'Items' });
    await findTile(grid, 'Photo 0');
    grid.focus();
    const pagesAsked = fake.api.listItems.mock.calls.length;

    // The page's text is not selected: the key is the grid's.
    expect(fireEvent.keyDown(grid, { key: 'a', ctrlKey: true })).toBe(false);
    expect(within(bar()!).getByText('450 selected')).toBeInTheDocument();
    expect(within(grid).getAllByRole('gridcell').every((cell) => cell.getAttribute('aria-selected') === 'true')).toBe(true);
    // Nothing was fetched to select them: the selection is "every item the filter shows".
    expect(fake.api.listItems.mock.calls.length).toBe(pagesAsked);

    fireEvent.click(await findTile(grid, 'Photo 2'), { ctrlKey: true });
    expect(within(bar()!).getByText('449 selected')).toBeInTheDocument();
    expect(await findTile(grid, 'Photo 2')).toHaveAttribute('aria-selected', 'false');
    expect(await findTile(grid, 'Photo 3')).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{Escape}');
    expect(bar()).not.toBeInTheDocument();
    expect(within(grid).getAllByRole('gridcell').some((cell) => cell.getAttribute('aria-selected') === 'true')).toBe(false);

    // Cmd+A does the same on macOS.
    await user.keyboard('{Meta>}a{/Meta}');
    expect(within(bar()!).getByText('450 selected')).toBeInTheDocument();
  });

  it('leaves Ctrl+A alone in a text field: it selects the text there, not the items', async () => {
    const { user } = renderApp({ actor, items: manyItems(5) });
    const grid = await screen.findByRole('grid', { name: 'Items' });
    await findTile(grid, 'Photo 0');
    const tagFilter = screen.getByLabelText('Tag');
    await user.type(tagFilter, 'Evin');
    expect(fireEvent.keyDown(tagFilter, { key: 'a', ctrlKey: true })).toBe(true);
    await user.keyboard('{Control>}a{/Control}');
    expect(bar()).not.toBeInTheDocument();
    expect(tagFilter).toHaveValue('Evin');

    // The pointer's way to the same selection.
    await user.clear(tagFilter);
    await user.click(await screen.findByRole('button', { name: 'Select all 5' }));
    expect(within(bar()!).getByText('5 selected')).toBeInTheDocument();
  });

  it('tags every item the filter shows but the deselected one, after a confirmation naming the count, and announces the result with Undo', async () => {
    const torture = tag({ labelEn: 'Torture' });
    const photos = manyItems(1234);
    const { user, fake } = renderApp({ actor, items: [...photos, item({ title: 'A scan', kind: 'document' })], tags: [torture] });
    await user.selectOptions(await screen.findByLabelText('Kind'), 'Photos');
    await screen.findByText('1,234 items match');
    const grid = await screen.findByRole('grid', { name: 'Items' });
    await findTile(grid, 'Photo 0');
    grid.focus();
    await user.keyboard('{Control>}a{/Control}');
    fireEvent.click(await findTile(grid, 'Photo 1'), { metaKey: true }); // one left out: 1,233 remain
    fireEvent.click(await findTile(grid, 'Photo 1'), { metaKey: true }); // and back in
    fireEvent.click(await findTile(grid, 'Photo 0'), { ctrlKey: true });
    expect(within(bar()!).getByText('1,233 selected')).toBeInTheDocument();

    await user.click(within(bar()!).getByRole('button', { name: 'Tag…' }));
    const choose = await screen.findByRole('dialog', { name: 'Tag 1,233 items' });
    const add = within(choose).getByRole('combobox', { name: 'Tag to add to 1,233 items' });
    expect(add).toHaveFocus();
    await user.type(add, 'tortu');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(within(choose).getByRole('button', { name: 'Remove tag Torture' })).toBeInTheDocument();
    await user.click(within(choose).getByRole('button', { name: 'Tag…' }));
    expect(fake.api.tagItems).not.toHaveBeenCalled();

    const confirm = await screen.findByRole('dialog', { name: 'Tag the selected items?' });
    expect(confirm).toHaveTextContent('Tag 1,233 items with “Torture”?');
    await user.click(within(confirm).getByRole('button', { name: 'Tag 1,233 items' }));

    expect(fake.api.tagItems).toHaveBeenCalledTimes(1);
    expect(fake.api.tagItems).toHaveBeenCalledWith({ selection: { filter: { kind: 'photo' }, except: [photos[0]!.id] }, add: [{ id: torture.id }] });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(toast()).toHaveTextContent('Tagged 1,233 items');
    expect(within(toast()).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    // The selection stays, to link the same items next.
    expect(within(bar()!).getByText('1,233 selected')).toBeInTheDocument();
  });

  it('goes back to the choice when the confirmation is cancelled, and sends nothing', async () => {
    const { user, fake } = renderApp({ actor, items: manyItems(3), tags: [tag({ labelEn: 'Torture' })] });
    const grid = await screen.findByRole('grid', { name: 'Items' });
    fireEvent.click(await findTile(grid, 'Photo 0'));
    await user.click(within(bar()!).getByRole('button', { name: 'Tag…' }));
    const choose = await screen.findByRole('dialog', { name: 'Tag 1 item' });
    await user.type(within(choose).getByRole('combobox', { name: 'Tag to add to 1 item' }), 'Hunger strike');
    await user.keyboard('{Enter}'); // a new free tag
    await user.click(within(choose).getByRole('button', { name: 'Tag…' }));
    const confirm = await screen.findByRole('dialog', { name: 'Tag the selected items?' });
    expect(confirm).toHaveTextContent('Tag 1 item with “Hunger strike”?');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('dialog', { name: 'Tag 1 item' })).toBeInTheDocument();
    expect(fake.api.tagItems).not.toHaveBeenCalled();
  });

  it('links the chosen items to a person, after a confirmation naming the count and the role', async () => {
    const iraj = person({ nameLatin: 'Iraj Hatemi', nameFa: 'ایرج حاتمی' });
    const items = manyItems(5);
    const { user, fake } = renderApp({ actor, items, persons: [iraj] });
    const grid = await screen.findByRole('grid', { name: 'Items' });
    fireEvent.click(await findTile(grid, 'Photo 1'));
    fireEvent.click(await findTile(grid, 'Photo 3'), { ctrlKey: true });

    await user.click(within(bar()!).getByRole('button', { name: 'Link to person…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Link 2 items to a person' });
    await user.type(within(dialog).getByRole('combobox', { name: 'Find a person to link' }), 'iraj');
    await user.click(await within(dialog).findByRole('option', { name: /Iraj Hatemi/ }));
    await user.selectOptions(within(dialog).getByLabelText('Role of the item'), 'Depicts');
    await user.click(within(dialog).getByRole('button', { name: 'Link…' }));

    const confirm = await screen.findByRole('dialog', { name: 'Link the selected items?' });
    expect(confirm).toHaveTextContent('Link 2 items to “Iraj Hatemi” as “Depicts” (reported)?');
    expect(fake.api.linkItems).not.toHaveBeenCalled();
    await user.click(within(confirm).getByRole('button', { name: 'Link 2 items' }));
    expect(fake.api.linkItems).toHaveBeenCalledWith({
      selection: { ids: [items[1]!.id, items[3]!.id] },
      type: 'item-depicts-person',
      personId: iraj.id,
      certainty: 'reported',
      sourceId: null,
    });
    expect(await within(toast()).findByText('Linked 2 items to “Iraj Hatemi”')).toBeInTheDocument();

    // Linking them again changes nothing, and the bar says so rather than offering an empty Undo.
    await user.click(within(bar()!).getByRole('button', { name: 'Link to person…' }));
    const again = await screen.findByRole('dialog', { name: 'Link 2 items to a person' });
    await user.type(within(again).getByRole('combobox', { name: 'Find a person to link' }), 'iraj');
    await user.click(await within(again).findByRole('option', { name: /Iraj Hatemi/ }));
    await user.click(within(again).getByRole('button', { name: 'Link…' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Link the selected items?' })).getByRole('button', { name: 'Link 2 items' }));
    expect(await within(bar()!).findByRole('status')).toHaveTextContent('Nothing changed');
  });

  it('selects in the table too: checkboxes, Ctrl+A from a row, Escape', async () => {
    const { user } = renderApp({ actor, items: manyItems(4) });
    await screen.findByRole('grid', { name: 'Items' });
    await user.click(within(screen.getByRole('group', { name: 'View as' })).getByRole('button', { name: 'Table' }));
    const table = await screen.findByRole('table', { name: 'Items in the catalogue' });
    const boxes = () => within(table).getAllByRole('checkbox');

    await user.click(within(table).getAllByRole('checkbox')[1]!);
    expect(within(bar()!).getByText('1 selected')).toBeInTheDocument();

    within(table).getAllByRole('button')[0]!.focus();
    await user.keyboard('{Control>}a{/Control}');
    expect(within(bar()!).getByText('4 selected')).toBeInTheDocument();
    expect(boxes().every((box) => (box as HTMLInputElement).checked)).toBe(true);
    await user.click(boxes()[0]!);
    expect(within(bar()!).getByText('3 selected')).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(bar()).not.toBeInTheDocument();
  });
});
