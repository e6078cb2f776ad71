import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { item, person, place } from '../fake-client';
import { renderApp } from '../render-app';

const actor = { name: 'A', organisation: 'B' };
const data = {
  actor,
  persons: [person({ nameLatin: 'Iraj Hatemi', nameFa: 'ایرج حاتمی' }), person({ nameLatin: 'Iraj Mesdaghi' })],
  items: [item({ title: 'Photo of Iraj at Evin' })],
  places: [place({ nameLatin: 'Evin', nameFa: 'اوین' })],
};

async function openSearch(user: ReturnType<typeof renderApp>['user']) {
  const nav = screen.getByRole('navigation', { name: 'Main navigation' });
  await user.click(within(nav).getByRole('button', { name: 'Search' }));
  return screen.getByRole('combobox', { name: 'Search the catalogue' });
}

describe('search', () => {
  it('shows results as you type, grouped by record type, asking once per pause', async () => {
    const { user, fake } = renderApp(data);
    const box = await openSearch(user);
    expect(box).toHaveFocus();

    await user.type(box, 'iraj');
    const results = await screen.findByRole('listbox', { name: 'Search results' });
    const persons = within(results).getByRole('group', { name: 'Persons' });
    const items = within(results).getByRole('group', { name: 'Items' });
    expect(within(persons).getAllByRole('option')).toHaveLength(2);
    expect(within(persons).getByRole('option', { name: /ایرج حاتمی/ })).toBeInTheDocument();
    expect(within(items).getByRole('option', { name: /Photo of Iraj at Evin/ })).toBeInTheDocument();
    expect(within(results).queryByRole('group', { name: 'Places' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('3 results in 2 groups.');
    // Debounced: typing four letters quickly sends one query, not four.
    expect(fake.api.search.mock.calls.map(([args]) => args.query)).toEqual(['iraj']);

    await user.clear(box);
    await user.type(box, 'evin');
    await waitFor(() => expect(within(results).getByRole('group', { name: 'Places' })).toBeInTheDocument());
    expect(within(results).queryByRole('group', { name: 'Persons' })).not.toBeInTheDocument();
  });

  it('says so when nothing matches', async () => {
    const { user } = renderApp(data);
    const box = await openSearch(user);
    await user.type(box, 'zzz');
    expect(await screen.findByText(/No records match/)).toHaveTextContent('No records match zzz.');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
  });

  it('moves through the results with the arrow keys and opens one with Enter', async () => {
    const { user, fake } = renderApp(data);
    const box = await openSearch(user);
    await user.type(box, 'iraj');
    const results = await screen.findByRole('listbox', { name: 'Search results' });
    const options = within(results).getAllByRole('option');
    expect(options).toHaveLength(3);
    expect(box).not.toHaveAttribute('aria-activedescendant');

    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', options[0]!.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', options[2]!.id);
    await user.keyboard('{ArrowUp}');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(options[2]).toHaveAttribute('aria-selected', 'false');
    expect(box).toHaveFocus();

    await user.keyboard('{Enter}');
    const details = screen.getByRole('complementary', { name: 'Record details' });
    // The person's own panel opens, with their full record.
    expect(await within(details).findByRole('heading', { name: 'Iraj Mesdaghi' })).toBeInTheDocument();
    expect(fake.api.getPerson).toHaveBeenCalledWith({ id: expect.any(Number) });
  });

  it('focuses the search box from anywhere with Ctrl+K, Cmd+K and /', async () => {
    const { user } = renderApp(data);
    await screen.findByRole('grid', { name: 'Items' });
    expect(screen.queryByRole('combobox', { name: 'Search the catalogue' })).not.toBeInTheDocument();

    await user.keyboard('{Control>}k{/Control}');
    const box = screen.getByRole('combobox', { name: 'Search the catalogue' });
    expect(box).toHaveFocus();

    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    await user.click(within(nav).getByRole('button', { name: 'Persons' }));
    expect(screen.queryByRole('combobox', { name: 'Search the catalogue' })).not.toBeInTheDocument();
    await user.keyboard('/');
    expect(screen.getByRole('combobox', { name: 'Search the catalogue' })).toHaveFocus();
    // The slash opened search; it was not typed into the box.
    expect(screen.getByRole('combobox', { name: 'Search the catalogue' })).toHaveValue('');

    await user.click(within(nav).getByRole('button', { name: 'Places' }));
    await user.keyboard('{Meta>}k{/Meta}');
    expect(screen.getByRole('combobox', { name: 'Search the catalogue' })).toHaveFocus();
  });

  it('leaves / alone while the user is typing in a field', async () => {
    const { user } = renderApp({ ...data, actor: null });
    const name = await screen.findByLabelText('Your name');
    await user.type(name, 'a/b');
    expect(name).toHaveValue('a/b');
    expect(name).toHaveFocus();
    expect(screen.queryByRole('combobox', { name: 'Search the catalogue' })).not.toBeInTheDocument();
  });

  it('keeps the query and results when the user comes back to search', async () => {
    const { user, fake } = renderApp(data);
    const box = await openSearch(user);
    await user.type(box, 'evin');
    await screen.findByRole('group', { name: 'Places' });
    await user.click(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('button', { name: 'Items' }));
    const again = await openSearch(user);
    expect(again).toHaveValue('evin');
    expect(await screen.findByRole('group', { name: 'Places' })).toBeInTheDocument();
    expect(fake.api.search.mock.calls.map(([args]) => args.query)).toEqual(['evin', 'evin']);
  });
});
