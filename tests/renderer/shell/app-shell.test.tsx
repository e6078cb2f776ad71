import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { exhibitSet, item, jobEvent, link, person, personEnd, place, placeEnd } from '../fake-client';
import { renderApp } from '../render-app';

const actor = { name: 'Shirin Archivist', organisation: 'Justice for Iran' };

describe('navigation', () => {
  it('switches the middle pane between the views and marks the current one', async () => {
    const { user, fake } = renderApp({
      actor,
      items: [item({ title: 'Khavaran, 1989' })],
      persons: [person({ nameLatin: 'Iraj Hatemi' })],
      places: [place({ nameLatin: 'Evin prison' })],
      exhibitSets: [exhibitSet({ name: 'Khavaran hearing', prefix: 'KH' })],
    });
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Items' })).toBeInTheDocument();
    expect(await screen.findByText('Khavaran, 1989')).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Items' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(nav).getByRole('button', { name: 'Persons' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Persons' })).toBeInTheDocument();
    expect(await screen.findByText('Iraj Hatemi')).toBeInTheDocument();
    expect(screen.queryByText('Khavaran, 1989')).not.toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Persons' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('button', { name: 'Items' })).not.toHaveAttribute('aria-current');

    await user.click(within(nav).getByRole('button', { name: 'Places' }));
    expect(await screen.findByText('Evin prison')).toBeInTheDocument();

    await user.click(within(nav).getByRole('button', { name: 'Exhibits' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Exhibits' })).toBeInTheDocument();
    expect(await screen.findByText('Khavaran hearing')).toBeInTheDocument();

    await user.click(within(nav).getByRole('button', { name: 'Search' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();

    expect(fake.api.listPersons).toHaveBeenCalled();
    expect(fake.api.listPlaces).toHaveBeenCalled();
    expect(fake.api.listExhibitSets).toHaveBeenCalled();
  });

  it('reaches the navigation with Tab, moves with the arrow keys and opens a view with Enter', async () => {
    const { user } = renderApp({ actor });
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    await screen.findByText('No items yet.');

    await user.tab();
    expect(within(nav).getByRole('button', { name: 'Items' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(nav).getByRole('button', { name: 'Persons' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(within(nav).getByRole('button', { name: 'Exhibits' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(within(nav).getByRole('button', { name: 'Places' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(within(nav).getByRole('button', { name: 'Search' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(nav).getByRole('button', { name: 'Items' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByRole('heading', { level: 1, name: 'Persons' })).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Persons' })).toHaveFocus();
  });
});

describe('empty states', () => {
  it('tells a new user what to do next on every list view', async () => {
    const { user } = renderApp({ actor });
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });

    expect(await screen.findByText('No items yet.')).toBeInTheDocument();
    expect(screen.getByText(/Drop photos and scanned documents anywhere on this window/)).toBeInTheDocument();
    expect(screen.getByText('vigil import PATH')).toBeInTheDocument();
    // No intake in this window (renderApp gives none): the empty state and the buttons say so.
    expect(screen.getByText(/Importing is not available in this window/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import…' })).toBeDisabled();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await user.click(within(nav).getByRole('button', { name: 'Persons' }));
    expect(await screen.findByText('No persons yet.')).toBeInTheDocument();
    expect(screen.getByText('vigil persons import FILE.csv')).toBeInTheDocument();

    await user.click(within(nav).getByRole('button', { name: 'Places' }));
    expect(await screen.findByText('No places yet.')).toBeInTheDocument();

    await user.click(within(nav).getByRole('button', { name: 'Exhibits' }));
    expect(await screen.findByText('No exhibit sets yet.')).toBeInTheDocument();
    // Exhibits arrive with a later issue: no command is offered that does not exist yet.
    expect(screen.queryByText(/vigil exhibits/)).not.toBeInTheDocument();
  });

  it('shows a list, not the empty state, once a record arrives', async () => {
    const { fake } = renderApp({ actor });
    await screen.findByText('No items yet.');
    fake.data.items.push(item({ title: 'Letter from Gohardasht' }));
    act(() => fake.emit({ type: 'catalogue-changed', what: ['items'] }));
    const grid = await screen.findByRole('grid', { name: 'Items' });
    expect(await within(grid).findByText('Letter from Gohardasht')).toBeInTheDocument();
    expect(screen.queryByText('No items yet.')).not.toBeInTheDocument();
  });

  it('shows a list error from the API as an alert', async () => {
    const { fake } = renderApp({ actor });
    fake.api.listItems.mockRejectedValueOnce(new Error('The catalogue is locked by another window.'));
    act(() => fake.emit({ type: 'catalogue-changed', what: ['items'] }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The catalogue is locked by another window.');
  });
});

describe('lists and details', () => {
  it('selects a row with a click or the arrow keys and shows it in the details panel', async () => {
    // The prison is a link to a place (one fact, one home); the list shows it as the summary's `prison`.
    const dastgerd = place({ nameLatin: 'Dastgerd' });
    const ferhad = person({ nameLatin: 'Ferhad Mostafavi', prison: 'Dastgerd' });
    const { user } = renderApp({
      actor,
      persons: [ferhad, person({ nameFa: 'فریده اکبرپور', prison: 'اوین' })],
      places: [dastgerd],
      links: [link({ from: personEnd(ferhad), to: placeEnd(dastgerd), type: 'person-detained-at' })],
    });
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    const details = screen.getByRole('complementary', { name: 'Record details' });
    expect(within(details).getByText('Select a record to see its details.')).toBeInTheDocument();

    await user.click(within(nav).getByRole('button', { name: 'Persons' }));
    const table = await screen.findByRole('table', { name: 'Persons in the catalogue' });
    const first = within(table).getAllByRole('button')[0]!;
    await user.click(first);
    expect(await within(details).findByRole('heading', { name: 'Ferhad Mostafavi' })).toBeInTheDocument();
    expect(within(details).getByText('Dastgerd')).toBeInTheDocument();

    await user.keyboard('{ArrowDown}');
    expect(await within(details).findByRole('heading', { name: 'فریده اکبرپور' })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')[2]).toHaveAttribute('aria-current', 'true');
  });
});

describe('status bar', () => {
  it('shows the catalogue name and counts, and refreshes them on catalogue-changed', async () => {
    const { fake } = renderApp({
      name: 'Khavaran archive',
      actor,
      items: [item(), item()],
      persons: [person({ nameLatin: 'A' })],
    });
    const bar = screen.getByRole('contentinfo', { name: 'Status bar' });
    await waitFor(() => expect(bar).toHaveTextContent('Khavaran archive'));
    expect(bar).toHaveTextContent('2 items · 1 person · 0 places · 0 exhibit sets');
    expect(bar).toHaveTextContent('Recording as Shirin Archivist, Justice for Iran');

    fake.data.persons.push(person({ nameLatin: 'B' }), person({ nameLatin: 'C' }));
    fake.data.name = 'Khavaran archive (copy)';
    act(() => fake.emit({ type: 'catalogue-changed', what: ['persons'] }));
    await waitFor(() => expect(bar).toHaveTextContent('2 items · 3 persons · 0 places'));
    expect(bar).toHaveTextContent('Khavaran archive (copy)');
    expect(fake.api.getStatus).toHaveBeenCalledTimes(2);
  });

  it('shows a running job in words, and its outcome once it ends', async () => {
    const { fake } = renderApp({ actor });
    const bar = screen.getByRole('contentinfo', { name: 'Status bar' });
    await waitFor(() => expect(bar).toHaveTextContent('Test catalogue'));

    act(() => fake.emit(jobEvent({ jobId: 'j1', done: 3, total: 40, current: 'IMG_0003.jpg' })));
    expect(bar).toHaveTextContent('Import 3 of 40');
    // The bar itself stays one line: the progress bar lives in the jobs panel above it.
    expect(within(bar).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Jobs' })).toBeInTheDocument();

    act(() => fake.emit(jobEvent({ jobId: 'j1', state: 'done', done: 40, total: 40, summary: { imported: 40, duplicates: 0, failed: [], warnings: [], cancelled: false } })));
    expect(bar).toHaveTextContent('Import finished: 40 of 40');
    expect(screen.queryByRole('region', { name: 'Jobs' })).not.toBeInTheDocument();
  });

  it('shows an alert and a way to retry when the catalogue status cannot be read', async () => {
    const { fake, user } = renderApp({ actor });
    await waitFor(() => expect(screen.getByRole('contentinfo', { name: 'Status bar' })).toHaveTextContent('Test catalogue'));
    fake.api.getStatus.mockRejectedValueOnce(new Error("Vigil's web host could not be reached."));
    act(() => fake.emit({ type: 'catalogue-changed', what: ['settings'] }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Vigil's web host could not be reached.");

    fake.data.name = 'Back again';
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('contentinfo', { name: 'Status bar' })).toHaveTextContent('Back again'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
