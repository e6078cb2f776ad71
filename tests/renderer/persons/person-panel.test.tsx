import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PersonSummary } from '../../../src/shared/dto';
import {
  custodyEvent,
  historicalDate,
  item,
  itemEnd,
  link,
  person,
  personDetail,
  personEnd,
  personName,
  place,
  placeEnd,
  source,
  sourceBrief,
  tag,
  tagRef,
  type FakeData,
} from '../fake-client';
import { renderApp } from '../render-app';

// Whole-app renders with the timeline chart: slower than most when the suite runs in parallel.
vi.setConfig({ testTimeout: 20_000 });

const actor = { name: 'A', organisation: 'B' };

/** A victim with every part of the panel filled in. */
function catalogue() {
  const amnesty = source({ title: 'Amnesty list 1990', reliability: 'high' });
  const roster = source({ title: 'Prison roster' });
  const evin = place({ nameLatin: 'Evin Prison', nameFa: 'زندان اوین' });
  const khavaran = place({ type: 'mass-grave', nameLatin: 'Khavaran', nameFa: 'خاوران' });
  const photo = item({ title: 'Portrait of Iraj', preview: 'ready' });
  const letter = item({ kind: 'document', title: 'Letter from prison', mime: 'application/pdf', preview: 'none' });
  const brother = person({ nameLatin: 'Hamid Hatemi' });
  const iraj = person({
    nameFa: 'ایرج حاتمی',
    nameLatin: 'Iraj Hatemi',
    roles: ['victim'],
    fate: 'executed',
    deathDate: historicalDate('Mordad 1367'),
    sensitivity: 'confidential',
  });
  const detained = link({ from: personEnd(iraj), to: placeEnd(evin), type: 'person-detained-at', certainty: 'reported', source: sourceBrief(roster) });
  const relative = link({ from: personEnd(iraj), to: personEnd(brother), type: 'person-relative-of', relationship: 'brother' });
  const depicts = link({ from: itemEnd(photo), to: personEnd(iraj), type: 'item-depicts-person' });
  const mentions = link({ from: itemEnd(letter), to: personEnd(iraj), type: 'item-mentions-person' });
  const executions = tag({ labelEn: 'Mass execution', labelFa: 'اعدام جمعی' });
  const detail = personDetail(iraj, {
    names: [
      personName({ name: 'ایرج حاتمی', preferred: true }),
      personName({ name: 'Iraj Hatemi', preferred: true }),
      personName({ name: 'Iradj Hatami', type: 'variant', source: sourceBrief(amnesty) }),
    ],
    fatherNameLatin: 'Bahram',
    birthDate: historicalDate('1340'),
    affiliation: 'Fadaian (Majority)',
    factSources: { deathDate: sourceBrief(amnesty), fatherName: sourceBrief(roster) },
    places: [detained],
    relatives: [relative],
    items: [
      { link: depicts, item: photo },
      { link: mentions, item: letter },
    ],
    tags: [tagRef(executions)],
    custody: [custodyEvent({ action: 'person.create', actor: 'Shirin Archivist', at: '2026-01-02T10:00:00Z' })],
  });
  const data: Partial<FakeData> = {
    actor,
    persons: [iraj, brother],
    places: [evin, khavaran],
    items: [photo, letter],
    sources: [amnesty, roster],
    tags: [executions, tag({ labelEn: 'Evin' })],
    links: [detained, relative, depicts, mentions],
    personDetails: new Map([[iraj.id as number, detail]]),
  };
  return { data, iraj, evin, khavaran, photo, letter, amnesty, detained, executions };
}

async function openPanel(data: Partial<FakeData>, who: PersonSummary) {
  const app = renderApp(data);
  await app.user.click(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('button', { name: 'Persons' }));
  const table = await screen.findByRole('table', { name: 'Persons in the catalogue' });
  await app.user.click(within(table).getByRole('button', { name: who.ref }));
  const details = screen.getByRole('complementary', { name: 'Record details' });
  await within(details).findByRole('heading', { level: 3 });
  return { ...app, details };
}

const section = (details: HTMLElement, name: string | RegExp) => within(details).getByRole('region', { name });

describe('person panel', () => {
  it('shows every name, the facts with their sources, places, relatives, the gallery, tags and custody', async () => {
    const { data, iraj, photo } = catalogue();
    const { details, user, fake } = await openPanel(data, iraj);

    const heading = within(details).getByRole('heading', { level: 3 });
    expect(within(heading).getByText('ایرج حاتمی')).toHaveAttribute('dir', 'auto');
    expect(heading).toHaveTextContent('Iraj Hatemi');
    expect(within(details).getByText(iraj.ref)).toBeInTheDocument();
    expect(within(details).getByText('Confidential')).toBeInTheDocument();

    const names = section(details, 'Names (3)');
    expect(within(names).getAllByText('Preferred')).toHaveLength(2);
    const variant = within(names).getByText('Iradj Hatami').closest('li')!;
    expect(variant).toHaveTextContent('Latin script · Variant (as found in a source)');
    expect(variant).toHaveTextContent('Source: SRC-');
    expect(variant).toHaveTextContent('Amnesty list 1990 (reliability high)');

    const facts = section(details, 'Facts');
    const death = within(facts).getByText('Death date').nextElementSibling as HTMLElement;
    expect(death).toHaveTextContent('23 Jul – 22 Aug 1988 · Mordad 1367');
    expect(death).toHaveTextContent('Source: SRC-');
    expect(death).toHaveTextContent('Amnesty list 1990');
    const father = within(facts).getByText('Father’s name').nextElementSibling as HTMLElement;
    expect(father).toHaveTextContent('Bahram');
    expect(father).toHaveTextContent('Prison roster');
    expect(within(facts).getByText('Birth date').nextElementSibling).toHaveTextContent('(recorded as “1340”)');

    const places = section(details, 'Places');
    const evinRow = within(places).getByText('Detained at:').closest('li')!;
    expect(evinRow).toHaveTextContent('Reported');
    expect(evinRow).toHaveTextContent('Prison roster');
    expect(within(evinRow).getByText('زندان اوین')).toHaveAttribute('dir', 'auto');

    const relatives = section(details, 'Relatives');
    expect(within(relatives).getByText('Hamid Hatemi')).toBeInTheDocument();
    expect(within(relatives).getByText('brother')).toBeInTheDocument();

    const gallery = section(details, 'Linked items (2)');
    const img = within(gallery).getByRole('img', { name: 'Portrait of Iraj' });
    expect(img).toHaveAttribute('src', `fake://media/${photo.id}/thumb`);
    expect(within(gallery).getByRole('img', { name: 'Letter from prison: document' })).toBeInTheDocument();
    expect(within(gallery).getByRole('button', { name: /Portrait of Iraj \(Depicted in\)/ })).toBeInTheDocument();

    const tags = section(details, 'Tags');
    expect(within(tags).getByText('Mass execution · اعدام جمعی')).toBeInTheDocument();

    const custody = section(details, 'Custody history');
    expect(within(custody).getByRole('table')).toHaveTextContent('person.create');

    // A gallery tile opens the item's panel; a place opens the place's.
    await user.click(within(gallery).getByRole('button', { name: /Portrait of Iraj/ }));
    await waitFor(() => expect(fake.api.getItem).toHaveBeenCalledWith({ id: photo.id }));
  });

  it('opens a linked place in the panel', async () => {
    const { data, iraj, evin } = catalogue();
    const { details, user, fake } = await openPanel(data, iraj);
    await user.click(within(section(details, 'Places')).getByRole('button', { name: /^Open PL-.*Evin Prison/ }));
    await waitFor(() => expect(fake.api.getPlace).toHaveBeenCalledWith({ id: evin.id }));
  });

  it('adds a name through useChanges, with Undo', async () => {
    const { data, iraj } = catalogue();
    const { details, user, fake } = await openPanel(data, iraj);
    const names = section(details, 'Names (3)');
    await user.click(within(names).getByRole('button', { name: 'Add a name' }));
    const form = within(names).getByRole('form', { name: 'Add a name' });
    await user.type(within(form).getByRole('textbox', { name: 'Name, as written' }), 'Iredj Hatemi');
    expect(within(form).getByText('Detected: Latin script')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Add name' }));
    await waitFor(() =>
      expect(fake.api.addPersonName).toHaveBeenCalledWith({ personId: iraj.id, name: { name: 'Iredj Hatemi', type: 'variant', preferred: false } }),
    );
    expect(await within(details).findByText('Iredj Hatemi')).toBeInTheDocument();
    expect(within(details).getByRole('region', { name: 'Names (4)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it("shows the core's sentence when the last name is removed", async () => {
    const single = person({ nameLatin: 'Only Name' });
    const { details, user, fake } = await openPanel({ actor, persons: [single], personDetails: new Map([[single.id as number, personDetail(single)]]) }, single);
    await user.click(within(details).getByRole('button', { name: 'Remove the name Only Name' }));
    await waitFor(() => expect(fake.api.removePersonName).toHaveBeenCalledTimes(1));
    expect(await within(details).findByRole('alert')).toHaveTextContent('A person keeps at least one name');
    expect(within(details).getByText('Only Name', { selector: '.person-name-text' })).toBeInTheDocument();
  });

  it('links a place with a link type, certainty and source, through useChanges', async () => {
    const { data, iraj, khavaran, amnesty } = catalogue();
    const { details, user, fake } = await openPanel(data, iraj);
    const places = section(details, 'Places');
    await user.click(within(places).getByRole('button', { name: 'Link a place' }));
    const form = within(places).getByRole('form', { name: 'Link a place' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Link type' }), 'person-buried-at');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Certainty' }), 'reported');
    await user.type(within(form).getByRole('combobox', { name: 'Place to link' }), 'Khav');
    await user.click(await within(form).findByRole('option', { name: /Khavaran/ }));
    expect(within(form).getByText('Khavaran')).toBeInTheDocument();
    await user.type(within(form).getByRole('combobox', { name: 'Source for this link' }), 'Amnesty');
    await user.click(await within(form).findByRole('option', { name: /Amnesty list 1990/ }));
    await user.click(within(form).getByRole('button', { name: 'Link place' }));
    await waitFor(() =>
      expect(fake.api.createLink).toHaveBeenCalledWith({
        type: 'person-buried-at',
        personId: iraj.id,
        placeId: khavaran.id,
        certainty: 'reported',
        sourceId: amnesty.id,
      }),
    );
    expect(await within(section(details, 'Places')).findByText('Buried at:')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it('removes a place link with a reason', async () => {
    const { data, iraj, detained } = catalogue();
    const { details, user, fake } = await openPanel(data, iraj);
    await user.click(within(section(details, 'Places')).getByRole('button', { name: /^Remove the link: Detained at Evin Prison/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this link?' });
    expect(within(dialog).getByRole('button', { name: 'Remove link' })).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Wrong prison: he was in Gohardasht');
    await user.click(within(dialog).getByRole('button', { name: 'Remove link' }));
    await waitFor(() => expect(fake.api.deleteLink).toHaveBeenCalledWith({ id: detained.id, reason: 'Wrong prison: he was in Gohardasht' }));
    await waitFor(() => expect(within(section(details, 'Places')).queryByText('Detained at:')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it('adds a relative', async () => {
    const { data, iraj } = catalogue();
    const sister = person({ nameLatin: 'Mina Hatemi' });
    const { details, user, fake } = await openPanel({ ...data, persons: [...data.persons!, sister] }, iraj);
    const relatives = section(details, 'Relatives');
    await user.click(within(relatives).getByRole('button', { name: 'Add a relative' }));
    const form = within(relatives).getByRole('form', { name: 'Add a relative' });
    await user.type(within(form).getByRole('combobox', { name: 'Relative to link' }), 'Mina');
    await user.click(await within(form).findByRole('option', { name: /Mina Hatemi/ }));
    await user.type(within(form).getByRole('textbox', { name: 'Their relation to this person' }), 'sister');
    await user.click(within(form).getByRole('button', { name: 'Add relative' }));
    await waitFor(() =>
      expect(fake.api.createLink).toHaveBeenCalledWith({
        type: 'person-relative-of',
        personId: iraj.id,
        relatedPersonId: sister.id,
        relationship: 'sister',
        certainty: 'confirmed',
        sourceId: null,
      }),
    );
    expect(await within(section(details, 'Relatives')).findByText('Mina Hatemi')).toBeInTheDocument();
  });

  it('tags the person with tagPersons, through useChanges', async () => {
    const { data, iraj, executions } = catalogue();
    const { details, user, fake } = await openPanel(data, iraj);
    const tags = section(details, 'Tags');
    await user.type(within(tags).getByRole('combobox', { name: `Add a tag to ${iraj.ref}` }), 'Khavaran burial{Enter}');
    await waitFor(() => expect(fake.api.tagPersons).toHaveBeenCalledWith({ ids: [iraj.id], add: [{ label: 'Khavaran burial' }] }));
    expect(await within(section(details, 'Tags')).findByText('Khavaran burial')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();

    await user.click(within(section(details, 'Tags')).getByRole('button', { name: 'Remove tag Mass execution · اعدام جمعی' }));
    await waitFor(() => expect(fake.api.tagPersons).toHaveBeenLastCalledWith({ ids: [iraj.id], remove: [executions.id] }));
  });

  it('edits the facts and cites a source for one, with Save', async () => {
    const { data, iraj, amnesty } = catalogue();
    const { details, user, fake } = await openPanel(data, iraj);
    await user.click(within(section(details, 'Facts')).getByRole('button', { name: `Edit the facts of ${iraj.ref}` }));
    const form = within(details).getByRole('form', { name: `Edit the facts of ${iraj.ref}` });
    const affiliation = within(form).getByRole('textbox', { name: 'Affiliation' });
    await user.clear(affiliation);
    await user.type(affiliation, 'Mojahedin');
    await user.type(within(form).getByRole('combobox', { name: 'Source for Affiliation' }), 'Amnesty');
    await user.click(await within(form).findByRole('option', { name: /Amnesty list 1990/ }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(fake.api.updatePerson).toHaveBeenCalledWith({ id: iraj.id, patch: { affiliation: 'Mojahedin', factSources: { affiliation: amnesty.id } } }),
    );
    const facts = section(details, 'Facts');
    expect(await within(facts).findByText('Mojahedin')).toBeInTheDocument();
    expect(within(facts).getByText('Affiliation').nextElementSibling).toHaveTextContent('Amnesty list 1990');
  });

  it('refuses an unreadable date in the fact editor before sending', async () => {
    const { data, iraj } = catalogue();
    const { details, user, fake } = await openPanel(data, iraj);
    await user.click(within(section(details, 'Facts')).getByRole('button', { name: `Edit the facts of ${iraj.ref}` }));
    const form = within(details).getByRole('form', { name: `Edit the facts of ${iraj.ref}` });
    const arrest = within(form).getByRole('textbox', { name: 'Arrest date' });
    await user.type(arrest, 'the spring');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(/^Arrest date: .*Examples:/);
    expect(fake.api.updatePerson).not.toHaveBeenCalled();
  });

  it('deletes with a reason, then restores', async () => {
    const { data, iraj } = catalogue();
    const { details, user, fake } = await openPanel(data, iraj);
    await user.click(within(details).getByRole('button', { name: 'Delete person…' }));
    const dialog = await screen.findByRole('dialog', { name: `Delete ${iraj.ref}?` });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Duplicate of V-000002');
    await user.click(within(dialog).getByRole('button', { name: 'Delete person' }));
    await waitFor(() => expect(fake.api.deletePerson).toHaveBeenCalledWith({ id: iraj.id, reason: 'Duplicate of V-000002' }));
    expect(await within(details).findByText('Duplicate of V-000002')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();

    await user.click(within(details).getByRole('button', { name: 'Restore person' }));
    await waitFor(() => expect(fake.api.restorePerson).toHaveBeenCalledWith({ id: iraj.id }));
    expect(await within(details).findByRole('button', { name: 'Delete person…' })).toBeInTheDocument();
  });
});
