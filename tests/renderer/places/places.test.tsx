/** The Places screen (issue 8 items 3 and 9): list and filters, New place, the panel, edit, delete and restore. */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PLACE_FILTER_DEBOUNCE_MS } from '../../../src/renderer/places/PlacesView';
import { CatalogueError } from '../../../src/shared/errors';
import type { PlaceId } from '../../../src/shared/ids';
import { custodyEvent, item, itemEnd, link, person, personEnd, place, placeDetail, placeEnd, source, sourceBrief } from '../fake-client';
import { renderApp } from '../render-app';

const actor = { name: 'A', organisation: 'B' };

async function openPlaces(user: ReturnType<typeof renderApp>['user']) {
  await user.click(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('button', { name: 'Places' }));
}

function catalogue() {
  const tehran = place({ type: 'city', nameFa: 'تهران', nameLatin: 'Tehran' });
  const evin = place({ type: 'prison', nameFa: 'زندان اوین', nameLatin: 'Evin Prison', parentId: tehran.id, parentLabel: 'Tehran', personCount: 2 });
  const khavaran = place({ type: 'mass-grave', nameFa: 'خاوران', nameLatin: 'Khavaran', parentId: tehran.id, parentLabel: 'Tehran', personCount: 1 });
  return { tehran, evin, khavaran };
}

describe('the places list', () => {
  it('shows each place’s names in both scripts, type, the place it is inside and its persons, and filters by name and type', async () => {
    const { tehran, evin, khavaran } = catalogue();
    const { fake, user } = renderApp({ actor, places: [tehran, evin, khavaran] });
    await openPlaces(user);
    const table = await screen.findByRole('table', { name: 'Places in the catalogue' });
    const row = within(table).getByText('Evin Prison').closest('tr')!;
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual([evin.ref, 'زندان اوین', 'Evin Prison', 'Prison', 'Tehran', '2']);
    expect(within(row).getByText('زندان اوین')).toHaveAttribute('dir', 'auto');
    expect(within(table).getByText('Khavaran').closest('tr')).toHaveTextContent('Mass grave');
    expect(screen.getByText('3 places')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'mass-grave');
    await waitFor(() => expect(within(table).queryByText('Evin Prison')).not.toBeInTheDocument());
    expect(fake.api.listPlaces).toHaveBeenLastCalledWith(expect.objectContaining({ filter: { type: 'mass-grave' } }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), '');
    await user.type(screen.getByRole('searchbox', { name: 'Name' }), 'اوین');
    await waitFor(() => expect(fake.api.listPlaces).toHaveBeenLastCalledWith(expect.objectContaining({ filter: { text: 'اوین' } })), {
      timeout: PLACE_FILTER_DEBOUNCE_MS * 8,
    });
    await waitFor(() => expect(screen.getByRole('table', { name: 'Places in the catalogue' })).not.toHaveTextContent('Khavaran'));

    await user.clear(screen.getByRole('searchbox', { name: 'Name' }));
    await user.type(screen.getByRole('searchbox', { name: 'Name' }), 'nowhere');
    expect(await screen.findByText('No places match these filters.', {}, { timeout: PLACE_FILTER_DEBOUNCE_MS * 8 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('3 places')).toBeInTheDocument();
  });

  it('names only what exists when there are no places: New place here, and the command that imports persons', async () => {
    const { user } = renderApp({ actor });
    await openPlaces(user);
    const empty = await screen.findByText('No places yet.');
    const state = empty.parentElement!;
    expect(within(state).getByText('vigil persons import FILE.csv')).toBeInTheDocument();
    // No CSV transfer in this window: the Persons screen's Import CSV… is not promised.
    expect(state).not.toHaveTextContent('Import CSV');
    await user.click(within(state).getByRole('button', { name: 'New place' }));
    expect(await screen.findByRole('dialog', { name: 'New place' })).toBeInTheDocument();
  });

  it('shows the deleted places on request', async () => {
    const { tehran } = catalogue();
    const gone = place({ nameLatin: 'Old name', deleted: true });
    const { fake, user } = renderApp({ actor, places: [tehran, gone] });
    await openPlaces(user);
    await screen.findByText('Tehran');
    await user.click(screen.getByRole('checkbox', { name: 'Show deleted places' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Deleted places' })).toBeInTheDocument();
    expect(await screen.findByText('Old name')).toBeInTheDocument();
    expect(screen.queryByText('Tehran')).not.toBeInTheDocument();
    expect(fake.api.listPlaces).toHaveBeenLastCalledWith(expect.objectContaining({ filter: { deleted: true } }));
  });
});

describe('New place', () => {
  it('makes the coordinates of a place that holds graves strictly confidential by default, and says so', async () => {
    const { tehran } = catalogue();
    const { fake, user } = renderApp({ actor, places: [tehran] });
    await openPlaces(user);
    await user.click(await screen.findByRole('button', { name: 'New place' }));
    const dialog = await screen.findByRole('dialog', { name: 'New place' });
    const type = within(dialog).getByRole('combobox', { name: 'Type' });
    const coordinates = within(dialog).getByRole('combobox', { name: 'Sensitivity of the coordinates' });

    // A prison: restricted.
    expect(type).toHaveValue('prison');
    expect(coordinates).toHaveValue('restricted');
    expect(coordinates).toHaveAccessibleDescription('Coordinates are kept restricted unless you decide otherwise.');

    // A mass grave: strictly confidential, and the form says why.
    await user.selectOptions(type, 'mass-grave');
    expect(coordinates).toHaveValue('confidential');
    expect(coordinates).toHaveAccessibleDescription(/Mass grave: places of this type hold graves, so their coordinates are strictly confidential/);

    // Back to a city: the default follows the type while nobody chose it by hand.
    await user.selectOptions(type, 'city');
    expect(coordinates).toHaveValue('restricted');
    await user.selectOptions(type, 'mass-grave');

    await user.type(within(dialog).getByLabelText('Name in Persian script'), 'گورستان خاوران');
    await user.type(within(dialog).getByLabelText('Name in Latin script'), 'Khavaran cemetery');
    await user.type(within(dialog).getByRole('combobox', { name: /Inside which place/ }), 'Teh');
    await user.click(await within(dialog).findByRole('option', { name: /Tehran/ }));
    expect(within(dialog).getByText('Tehran')).toBeInTheDocument();
    // Persian digits and decimal separator are read as numbers.
    await user.type(within(dialog).getByLabelText('Latitude'), '۳۵٫۵۹۱');
    await user.type(within(dialog).getByLabelText('Longitude'), '51.5453');
    await user.type(within(dialog).getByLabelText('Notes'), 'Unmarked graves, 1988.');
    await user.click(within(dialog).getByRole('button', { name: 'Create place' }));

    await waitFor(() => expect(fake.api.createPlace).toHaveBeenCalledOnce());
    expect(fake.api.createPlace).toHaveBeenCalledWith({
      type: 'mass-grave',
      nameFa: 'گورستان خاوران',
      nameLatin: 'Khavaran cemetery',
      parentId: tehran.id,
      lat: 35.591,
      lon: 51.5453,
      coordinatesSensitivity: 'confidential',
      sensitivity: 'restricted',
      notes: 'Unmarked graves, 1988.',
    });
    // The new place opens in the panel, its coordinates marked.
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New place' })).not.toBeInTheDocument());
    const details = screen.getByRole('complementary', { name: 'Record details' });
    expect(await within(details).findByRole('heading', { name: 'گورستان خاوران' })).toBeInTheDocument();
    const coords = within(details).getByText('35.591, 51.5453').closest('[data-sensitivity]')!;
    expect(coords).toHaveAttribute('data-sensitivity', 'confidential');
    expect(coords).toHaveTextContent('Strictly confidential');
  });

  it('keeps a sensitivity chosen by hand when the type changes', async () => {
    const { user } = renderApp({ actor });
    await openPlaces(user);
    await screen.findByText('No places yet.');
    await user.click(screen.getAllByRole('button', { name: 'New place' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'New place' });
    const coordinates = within(dialog).getByRole('combobox', { name: 'Sensitivity of the coordinates' });
    await user.selectOptions(coordinates, 'public');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Type' }), 'mass-grave');
    expect(coordinates).toHaveValue('public');
  });

  it('says what to fix before sending anything: a name, and both coordinates or neither', async () => {
    const { fake, user } = renderApp({ actor });
    await openPlaces(user);
    await screen.findByText('No places yet.');
    await user.click(screen.getAllByRole('button', { name: 'New place' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'New place' });
    await user.type(within(dialog).getByLabelText('Latitude'), '35.6');
    await user.click(within(dialog).getByRole('button', { name: 'Create place' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Check the fields marked below.');
    expect(within(dialog).getByText('Give the place a name in Persian script, in Latin script, or both.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Longitude')).toHaveAccessibleDescription('Give the longitude too, or neither.');
    await user.type(within(dialog).getByLabelText('Name in Latin script'), 'Somewhere');
    await user.type(within(dialog).getByLabelText('Longitude'), '200');
    await user.click(within(dialog).getByRole('button', { name: 'Create place' }));
    expect(within(dialog).getByLabelText('Longitude')).toHaveAccessibleDescription(/Longitude is a number of degrees from −180 to 180/);
    expect(fake.api.createPlace).not.toHaveBeenCalled();
  });
});

describe('the place panel', () => {
  function linked() {
    const { tehran, evin, khavaran } = catalogue();
    const ferhad = person({ nameLatin: 'Ferhad Mostafavi' });
    const iraj = person({ nameFa: 'ایرج حاتمی', nameLatin: 'Iraj Hatemi' });
    const letter = item({ title: 'Photo of the gate' });
    const testimony = source({ title: 'Testimony of a cellmate' });
    const links = [
      link({ from: personEnd(ferhad), to: placeEnd(evin), type: 'person-detained-at', shape: 'person-place' }),
      link({ from: personEnd(iraj), to: placeEnd(evin), type: 'person-detained-at', shape: 'person-place', certainty: 'reported', source: sourceBrief(testimony) }),
      link({ from: personEnd(iraj), to: placeEnd(evin), type: 'person-buried-at', shape: 'person-place' }),
      link({ from: itemEnd(letter), to: placeEnd(evin), type: 'item-depicts-place', shape: 'item-place' }),
    ];
    const evinDetail = placeDetail(evin, {
      lat: 35.7983,
      lon: 51.389,
      coordinatesSensitivity: 'restricted',
      notes: 'Section 209 held political prisoners.',
      children: [place({ type: 'prison', nameLatin: 'Section 209', parentId: evin.id })],
      links,
      custody: [custodyEvent({ seq: 4, action: 'record-created', actor: 'Shirin Archivist' }), custodyEvent({ seq: 9, action: 'record-edited', details: { after: { notes: 'x' } } })],
    });
    return { tehran, evin, khavaran, ferhad, iraj, letter, evinDetail };
  }

  it('shows the hierarchy, coordinates with their sensitivity, persons by how they are linked, items and custody', async () => {
    const { tehran, evin, khavaran, ferhad, iraj, letter, evinDetail } = linked();
    const { user } = renderApp({
      actor,
      places: [tehran, evin, khavaran],
      persons: [ferhad, iraj],
      items: [letter],
      placeDetails: new Map([[evin.id, evinDetail]]),
    });
    await openPlaces(user);
    await user.click(await screen.findByRole('button', { name: evin.ref }));
    const details = screen.getByRole('complementary', { name: 'Record details' });
    expect(await within(details).findByRole('heading', { name: 'زندان اوین' })).toBeInTheDocument();
    expect(within(details).getByText('Evin Prison')).toBeInTheDocument();
    const coords = within(details).getByText('35.7983, 51.389').closest('[data-sensitivity]')!;
    expect(coords).toHaveTextContent('Restricted');
    expect(within(details).getByText('Section 209 held political prisoners.')).toHaveAttribute('dir', 'auto');

    const persons = within(details).getByRole('region', { name: 'Persons' });
    expect(persons).toHaveTextContent('Detained here (2)');
    expect(persons).toHaveTextContent('Buried here (1)');
    expect(persons).toHaveTextContent('Reported · source: Testimony of a cellmate');
    expect(within(details).getByRole('region', { name: 'Places inside (1)' })).toHaveTextContent('Section 209');
    expect(within(details).getByRole('region', { name: 'Photos and documents of this place' })).toHaveTextContent('Photo of the gate');
    const custody = within(details).getByRole('region', { name: 'Custody history' });
    expect(within(custody).getAllByRole('row')).toHaveLength(3);
    expect(custody).toHaveTextContent('Created');
    expect(custody).toHaveTextContent('Editednotes');

    // A person opens in the panel.
    await user.click(within(persons).getByRole('button', { name: `Ferhad Mostafavi (${ferhad.ref})` }));
    expect(await within(details).findByRole('heading', { name: 'Ferhad Mostafavi' })).toBeInTheDocument();
  });

  it('opens the place it is inside', async () => {
    const { tehran, evin } = catalogue();
    const { user } = renderApp({ actor, places: [tehran, evin] });
    await openPlaces(user);
    await user.click(await screen.findByRole('button', { name: evin.ref }));
    const details = screen.getByRole('complementary', { name: 'Record details' });
    await user.click(await within(details).findByRole('button', { name: 'Tehran' }));
    expect(await within(details).findByRole('heading', { name: 'تهران' })).toBeInTheDocument();
    // Evin is inside Tehran, so Tehran's panel lists it.
    expect(within(details).getByRole('region', { name: 'Places inside (1)' })).toHaveTextContent('Evin Prison');
  });

  it('refuses a loop in the hierarchy with the core’s sentence, in the form, and keeps what was typed', async () => {
    const { tehran, evin } = catalogue();
    const { fake, user } = renderApp({ actor, places: [tehran, evin] });
    await openPlaces(user);
    await user.click(await screen.findByRole('button', { name: tehran.ref }));
    const details = screen.getByRole('complementary', { name: 'Record details' });
    await user.click(await within(details).findByRole('button', { name: 'Edit' }));
    fake.api.updatePlace.mockRejectedValueOnce(new CatalogueError('INVALID_ARGUMENT', 'A place cannot be inside itself or inside one of its own places.'));
    await user.type(within(details).getByRole('combobox', { name: /Inside which place/ }), 'Evin');
    await user.click(await within(details).findByRole('option', { name: /Evin Prison/ }));
    await user.click(within(details).getByRole('button', { name: 'Save' }));

    expect(await within(details).findByRole('alert')).toHaveTextContent('A place cannot be inside itself or inside one of its own places.');
    expect(fake.api.updatePlace).toHaveBeenCalledWith({ id: tehran.id, patch: { parentId: evin.id } });
    expect(within(details).getByRole('button', { name: 'Save' })).toBeEnabled();
    expect(within(details).getByText('Evin Prison')).toBeInTheDocument();
  });

  it('edits only what changed, through useChanges, and offers undo', async () => {
    const { tehran } = catalogue();
    const { fake, user } = renderApp({ actor, places: [tehran] });
    await openPlaces(user);
    await user.click(await screen.findByRole('button', { name: tehran.ref }));
    const details = screen.getByRole('complementary', { name: 'Record details' });
    await user.click(await within(details).findByRole('button', { name: 'Edit' }));
    // The place itself is not offered as its own parent.
    await user.type(within(details).getByRole('combobox', { name: /Inside which place/ }), 'Teh');
    await act(async () => new Promise((r) => setTimeout(r, 300)));
    expect(within(details).queryByRole('option', { name: /Tehran/ })).not.toBeInTheDocument();
    await user.clear(within(details).getByRole('combobox', { name: /Inside which place/ }));

    await user.clear(within(details).getByLabelText('Name in Latin script'));
    await user.type(within(details).getByLabelText('Name in Latin script'), 'Tehran (city)');
    await user.click(within(details).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.api.updatePlace).toHaveBeenCalledWith({ id: tehran.id, patch: { nameLatin: 'Tehran (city)' } }));
    expect(await within(details).findByText('Tehran (city)')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: /Undo/ })).toBeInTheDocument();
  });

  it('deletes with a reason and restores', async () => {
    const { tehran, evin } = catalogue();
    const { fake, user } = renderApp({ actor, places: [tehran, evin] });
    await openPlaces(user);
    await user.click(await screen.findByRole('button', { name: evin.ref }));
    const details = screen.getByRole('complementary', { name: 'Record details' });
    await user.click(await within(details).findByRole('button', { name: 'Delete place…' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete this place?' });
    const button = within(confirm).getByRole('button', { name: 'Delete place' });
    expect(button).toBeDisabled();
    await user.type(within(confirm).getByLabelText(/Reason/), 'Duplicate of PL-1');
    await user.click(button);
    expect(fake.api.deletePlace).toHaveBeenCalledWith({ id: evin.id as PlaceId, reason: 'Duplicate of PL-1' });
    expect(await within(details).findByText('Duplicate of PL-1')).toBeInTheDocument();

    await user.click(within(details).getByRole('button', { name: 'Restore place' }));
    expect(fake.api.restorePlace).toHaveBeenCalledWith({ id: evin.id });
    expect(await within(details).findByRole('button', { name: 'Delete place…' })).toBeInTheDocument();
  });

  it('shows the first 25 persons of a long group until asked for all, and the latest custody events', async () => {
    const { tehran } = catalogue();
    const persons = Array.from({ length: 30 }, (_, i) => person({ nameLatin: `Person ${i + 1}` }));
    const detail = placeDetail(tehran, {
      links: persons.map((p) => link({ from: personEnd(p), to: placeEnd(tehran), type: 'person-buried-at', shape: 'person-place' })),
      custody: Array.from({ length: 40 }, (_, i) => custodyEvent({ seq: i + 1, action: 'linked' })),
    });
    const { user } = renderApp({ actor, places: [tehran], persons, placeDetails: new Map([[tehran.id, detail]]) });
    await openPlaces(user);
    await user.click(await screen.findByRole('button', { name: tehran.ref }));
    const details = screen.getByRole('complementary', { name: 'Record details' });
    const group = await within(details).findByRole('region', { name: 'Persons' });
    expect(group).toHaveTextContent('Buried here (30)');
    expect(within(group).getAllByRole('listitem')).toHaveLength(25);
    await user.click(within(group).getByRole('button', { name: 'Show all 30' }));
    expect(within(group).getAllByRole('listitem')).toHaveLength(30);

    const custody = within(details).getByRole('region', { name: 'Custody history' });
    expect(custody).toHaveTextContent('The latest 30 of 40 events.');
    expect(within(custody).getAllByRole('row')).toHaveLength(31);
    await user.click(within(custody).getByRole('button', { name: 'Show all' }));
    expect(within(custody).getAllByRole('row')).toHaveLength(41);
  });
});
