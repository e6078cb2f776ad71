import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { historicalDate, link, person, personEnd, place, placeEnd } from '../fake-client';
import { renderApp } from '../render-app';

// Whole-app renders with the timeline chart: slower than most when the suite runs in parallel.
vi.setConfig({ testTimeout: 20_000 });

const actor = { name: 'A', organisation: 'B' };

async function openPersons(user: ReturnType<typeof renderApp>['user']) {
  await user.click(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('button', { name: 'Persons' }));
  return screen.findByRole('table', { name: 'Persons in the catalogue' });
}

/** The filter of the most recent listPersons call. */
function lastFilter(fake: ReturnType<typeof renderApp>['fake']) {
  return fake.api.listPersons.mock.lastCall?.[0]?.filter;
}

describe('persons list', () => {
  it('shows the preferred name in each script, roles, fate, death date in both calendars and prison', async () => {
    const { user } = renderApp({
      actor,
      persons: [
        person({ nameFa: 'ایرج حاتمی', nameLatin: 'Iraj Hatemi', roles: ['victim', 'witness'], fate: 'executed', deathDate: historicalDate('1367/05/08'), prison: 'Evin' }),
      ],
    });
    const table = await openPersons(user);
    const row = within(table).getByText('Iraj Hatemi').closest('tr')!;
    expect(within(row).getByText('ایرج حاتمی')).toHaveAttribute('dir', 'auto');
    expect(row).toHaveTextContent('Victim, Witness');
    expect(row).toHaveTextContent('Executed');
    expect(row).toHaveTextContent('30 Jul 1988 · 8 Mordad 1367');
    expect(row).toHaveTextContent('Evin');
  });

  it('asks listPersons with the filters and sort of the toolbar', async () => {
    const { user, fake } = renderApp({
      actor,
      persons: [person({ nameLatin: 'Iraj Hatemi', roles: ['victim'], fate: 'executed' }), person({ nameLatin: 'Farideh Akbarpour', roles: ['witness'] })],
    });
    await openPersons(user);
    expect(lastFilter(fake)).toEqual({});

    await user.type(screen.getByRole('searchbox', { name: 'Name' }), 'iraj');
    await waitFor(() => expect(lastFilter(fake)).toEqual({ text: 'iraj' }));
    const table = screen.getByRole('table', { name: 'Persons in the catalogue' });
    await waitFor(() => expect(within(table).queryByText('Farideh Akbarpour')).not.toBeInTheDocument());

    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'victim');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Fate' }), 'executed');
    await waitFor(() => expect(lastFilter(fake)).toEqual({ text: 'iraj', role: 'victim', fate: 'executed' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'death');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Order' }), 'desc');
    await waitFor(() => expect(fake.api.listPersons.mock.lastCall?.[0]).toMatchObject({ sort: 'death', order: 'desc' }));

    // The timeline counts the same persons the list shows.
    await waitFor(() => expect(fake.api.personStats.mock.lastCall?.[0]?.filter).toEqual({ text: 'iraj', role: 'victim', fate: 'executed' }));

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(lastFilter(fake)).toEqual({}));
  });

  it('shows the deleted persons instead of the others with the Deleted switch', async () => {
    const { user, fake } = renderApp({ actor, persons: [person({ nameLatin: 'Kept' }), person({ nameLatin: 'Gone', deleted: true })] });
    const table = await openPersons(user);
    expect(within(table).queryByText('Gone')).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Show deleted' }));
    const deleted = await screen.findByRole('table', { name: 'Deleted persons' });
    expect(within(deleted).getByText('Gone')).toBeInTheDocument();
    expect(within(deleted).queryByText('Kept')).not.toBeInTheDocument();
    expect(lastFilter(fake)).toEqual({ deleted: true });
  });

  it('says what to do when there are no persons, naming only what exists', async () => {
    const { user } = renderApp({ actor });
    await user.click(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('button', { name: 'Persons' }));
    expect(await screen.findByText('No persons yet.')).toBeInTheDocument();
    expect(screen.getByText('vigil persons import FILE.csv')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New person' })).toBeInTheDocument();
  });

  it('moves through the rows with the arrow keys, showing each in the panel', async () => {
    const { user } = renderApp({ actor, persons: [person({ nameLatin: 'First' }), person({ nameLatin: 'Second' })] });
    const table = await openPersons(user);
    const buttons = within(table).getAllByRole('button');
    await user.click(buttons[0]!);
    const details = screen.getByRole('complementary', { name: 'Record details' });
    expect(await within(details).findByRole('heading', { name: 'First' })).toBeInTheDocument();
    await user.keyboard('{ArrowDown}');
    expect(await within(details).findByRole('heading', { name: 'Second' })).toBeInTheDocument();
    expect(buttons[1]).toHaveFocus();
  });
});

describe('persons timeline', () => {
  const evin = place({ nameLatin: 'Evin', nameFa: 'اوین' });
  const khavaran = place({ type: 'mass-grave', nameLatin: 'Khavaran', nameFa: 'خاوران' });
  const a = person({ nameLatin: 'Died in August', deathDate: historicalDate('1988-08-23') });
  const b = person({ nameLatin: 'Died in Mordad', deathDate: historicalDate('Mordad 1367') });
  const c = person({ nameLatin: 'Died in September', deathDate: historicalDate('1988-09-06') });
  const links = [
    link({ from: personEnd(a), to: placeEnd(evin), type: 'person-detained-at' }),
    link({ from: personEnd(c), to: placeEnd(evin), type: 'person-detained-at' }),
    link({ from: personEnd(b), to: placeEnd(khavaran), type: 'person-buried-at' }),
  ];
  const data = () => ({ actor, persons: [a, b, c], places: [evin, khavaran], links });

  it('draws deaths by week, uncertain dates as ranges, with a legend', async () => {
    const { user } = renderApp(data());
    await openPersons(user);
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    expect(await within(timeline).findByRole('button', { name: /^Week of 20 – 26 Aug 1988 · 29 Mordad – 4 Shahrivar 1367: 1 known to the week/ })).toBeInTheDocument();
    // Mordad 1367 is one range across its weeks, not a known death in any one of them.
    expect(within(timeline).getByRole('button', { name: '1 person with a death date known only as 23 Jul – 22 Aug 1988 · Mordad 1367' })).toBeInTheDocument();
    expect(within(timeline).getByRole('button', { name: /^Week of 23 – 29 Jul 1988 .*: 0 known to the week, 1 possibly/ })).toBeInTheDocument();
    expect(within(timeline).getByText(/Known only as a longer range/)).toBeInTheDocument();
  });

  it('filters the list by the week whose bar is clicked, and the chip takes it off', async () => {
    const { user, fake } = renderApp(data());
    const table = await openPersons(user);
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    await user.click(await within(timeline).findByRole('button', { name: /^Week of 20 – 26 Aug 1988/ }));

    await waitFor(() => expect(lastFilter(fake)).toEqual({ deathFrom: '1988-08-20', deathTo: '1988-08-26' }));
    // The exact death of that week and the Mordad range that overlaps it; not September's.
    await waitFor(() => expect(within(table).queryByText('Died in September')).not.toBeInTheDocument());
    expect(within(table).getByText('Died in August')).toBeInTheDocument();
    expect(within(table).getByText('Died in Mordad')).toBeInTheDocument();
    const chips = screen.getByRole('list', { name: 'Filters from the timeline' });
    expect(chips).toHaveTextContent('Death date in 20 – 26 Aug 1988 · 29 Mordad – 4 Shahrivar 1367');

    await user.click(within(chips).getByRole('button', { name: 'Remove the death date filter' }));
    await waitFor(() => expect(lastFilter(fake)).toEqual({}));
    expect(await within(table).findByText('Died in September')).toBeInTheDocument();
  });

  it('reaches the weeks from the keyboard', async () => {
    const { user, fake } = renderApp(data());
    await openPersons(user);
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    const first = await within(timeline).findByRole('button', { name: /^Week of 23 – 29 Jul 1988/ });
    first.focus();
    await user.keyboard('{End}');
    expect(within(timeline).getByRole('button', { name: /^Week of 3 – 9 Sep 1988/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(lastFilter(fake)).toEqual({ deathFrom: '1988-09-03', deathTo: '1988-09-09' }));
  });

  it('filters by a prison or a burial place clicked in their bars', async () => {
    const { user, fake } = renderApp(data());
    const table = await openPersons(user);
    await user.click(screen.getByRole('tab', { name: /Prisons/ }));
    const prisons = await screen.findByRole('list', { name: 'Persons by prison' });
    await user.click(within(prisons).getByRole('button', { name: /Evin/ }));
    await waitFor(() => expect(lastFilter(fake)).toEqual({ placeId: evin.id, placeLink: 'person-detained-at' }));
    await waitFor(() => expect(within(table).queryByText('Died in Mordad')).not.toBeInTheDocument());
    expect(screen.getByRole('list', { name: 'Filters from the timeline' })).toHaveTextContent('Detained at: Evin (اوین)');

    await user.click(screen.getByRole('tab', { name: /Burial places/ }));
    // Only persons detained at Evin are counted now: none of them has a burial place.
    expect(await screen.findByText('None of these persons is linked to a burial place.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove the place filter' }));
    const all = await screen.findByRole('list', { name: 'Persons by burial place' });
    await user.click(await within(all).findByRole('button', { name: /Khavaran/ }));
    await waitFor(() => expect(lastFilter(fake)).toEqual({ placeId: khavaran.id, placeLink: 'person-buried-at' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(within(table).getByText('Died in Mordad')).toBeInTheDocument();
  });
});
