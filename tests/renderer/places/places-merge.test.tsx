/**
 * Merging two places from the place panel (issue 8, "merge"): pick the duplicate, choose which to keep, confirm
 * a sentence that names both and counts the persons that move, then one change with Undo offered.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CatalogueError } from '../../../src/shared/errors';
import { link, person, personEnd, place, placeEnd } from '../fake-client';
import { renderApp } from '../render-app';

const actor = { name: 'A', organisation: 'B' };

function twoEvins() {
  const evin = place({ type: 'prison', nameLatin: 'Evin', personCount: 2 });
  const evinFa = place({ type: 'prison', nameFa: 'اوین', personCount: 1 });
  const ali = person({ nameLatin: 'Ali Rahimi' });
  const kazem = person({ nameLatin: 'Kazem Karimi' });
  const zahra = person({ nameFa: 'زهرا احمدی' });
  const links = [
    link({ from: personEnd(ali), to: placeEnd(evin), type: 'person-detained-at', shape: 'person-place' }),
    link({ from: personEnd(kazem), to: placeEnd(evin), type: 'person-detained-at', shape: 'person-place' }),
    link({ from: personEnd(zahra), to: placeEnd(evinFa), type: 'person-detained-at', shape: 'person-place' }),
  ];
  return { evin, evinFa, persons: [ali, kazem, zahra], links };
}

/** The radio that keeps a place (the accessible name puts spaces around the name's own element). */
const keepRadio = (name: string, ref: string) => ({ name: new RegExp(`^Keep “\\s*${name}\\s*” \\(${ref}\\)`) });

async function openMerge(user: ReturnType<typeof renderApp>['user'], ref: string) {
  await user.click(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('button', { name: 'Places' }));
  await user.click(await screen.findByRole('button', { name: ref }));
  const details = screen.getByRole('complementary', { name: 'Record details' });
  await user.click(await within(details).findByRole('button', { name: 'Merge with another place…' }));
  return { details, dialog: await screen.findByRole('dialog', { name: 'Merge with another place' }) };
}

describe('merging places', () => {
  it('picks the duplicate, keeps this place, names both and counts the persons, and merges as one undoable change', async () => {
    const { evin, evinFa, persons, links } = twoEvins();
    const { fake, user } = renderApp({ actor, places: [evin, evinFa], persons, links });
    const { details, dialog } = await openMerge(user, evin.ref);

    // Nothing to merge until the other place is chosen; the place itself is not offered.
    expect(within(dialog).getByRole('button', { name: 'Merge…' })).toBeDisabled();
    const picker = within(dialog).getByRole('combobox', { name: 'Find the place that is the same as Evin' });
    await user.type(picker, 'Evin');
    await act(async () => new Promise((r) => setTimeout(r, 300)));
    expect(within(dialog).queryByRole('option', { name: /Evin/ })).not.toBeInTheDocument();
    await user.clear(picker);
    await user.type(picker, 'اوین');
    await user.click(await within(dialog).findByRole('option', { name: /اوین/ }));

    const keep = within(dialog).getByRole('group', { name: 'Which one to keep?' });
    expect(within(keep).getByRole('radio', keepRadio('Evin', evin.ref))).toBeChecked();
    expect(within(keep).getByRole('radio', keepRadio('اوین', evinFa.ref))).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Merge…' }));

    const confirm = await screen.findByRole('dialog', { name: 'Merge these places?' });
    expect(confirm).toHaveTextContent(`Merge “اوین” (${evinFa.ref}) into “Evin” (${evin.ref})? 1 person linked to it will be linked to Evin instead.`);
    expect(confirm).toHaveTextContent('Evin gets its name in Persian script, “اوین”.');
    expect(confirm).toHaveTextContent(`deleted with the reason “Merged into ${evin.ref}”`);
    expect(fake.api.mergePlaces).not.toHaveBeenCalled();
    await user.click(within(confirm).getByRole('button', { name: 'Merge places' }));

    await waitFor(() => expect(fake.api.mergePlaces).toHaveBeenCalledWith({ keepId: evin.id, mergeId: evinFa.id }));
    expect(fake.api.mergePlaces).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // The panel shows the kept place with both names and all three persons.
    expect(await within(details).findByRole('heading', { name: 'اوین' })).toBeInTheDocument();
    expect(within(details).getByText('Evin')).toBeInTheDocument();
    expect(within(details).getByRole('region', { name: 'Persons' })).toHaveTextContent('Detained here (3)');
    expect(await screen.findByRole('button', { name: /Undo/ })).toBeInTheDocument();
    expect(screen.getByText(/Merged place “اوین” into “Evin”/)).toBeInTheDocument();
  });

  it('can keep the other place instead, goes back from the confirmation with the choice kept, and opens the kept place', async () => {
    const { evin, evinFa, persons, links } = twoEvins();
    const { fake, user } = renderApp({ actor, places: [evin, evinFa], persons, links });
    const { details, dialog } = await openMerge(user, evin.ref);
    await user.type(within(dialog).getByRole('combobox', { name: /Find the place/ }), 'اوین');
    await user.click(await within(dialog).findByRole('option', { name: /اوین/ }));
    await user.click(within(dialog).getByRole('radio', keepRadio('اوین', evinFa.ref)));
    await user.click(within(dialog).getByRole('button', { name: 'Merge…' }));

    let confirm = await screen.findByRole('dialog', { name: 'Merge these places?' });
    expect(confirm).toHaveTextContent(`Merge “Evin” (${evin.ref}) into “اوین” (${evinFa.ref})? 2 persons linked to it will be linked to اوین instead.`);
    expect(confirm).toHaveTextContent('gets its name in Latin script, “Evin”.');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    const back = await screen.findByRole('dialog', { name: 'Merge with another place' });
    expect(within(back).getByRole('radio', keepRadio('اوین', evinFa.ref))).toBeChecked();
    await user.click(within(back).getByRole('button', { name: 'Merge…' }));

    confirm = await screen.findByRole('dialog', { name: 'Merge these places?' });
    await user.click(within(confirm).getByRole('button', { name: 'Merge places' }));
    await waitFor(() => expect(fake.api.mergePlaces).toHaveBeenCalledWith({ keepId: evinFa.id, mergeId: evin.id }));
    // The place this panel showed is gone: the kept one opens in its place.
    expect(await within(details).findByRole('heading', { name: 'اوین' })).toBeInTheDocument();
    expect(within(details).getByText(evinFa.ref)).toBeInTheDocument();
  });

  it('shows the core’s refusal in the confirmation and changes nothing', async () => {
    const { evin, evinFa, persons, links } = twoEvins();
    const { fake, user } = renderApp({ actor, places: [evin, evinFa], persons, links });
    const { dialog } = await openMerge(user, evin.ref);
    await user.type(within(dialog).getByRole('combobox', { name: /Find the place/ }), 'اوین');
    await user.click(await within(dialog).findByRole('option', { name: /اوین/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Merge…' }));
    const confirm = await screen.findByRole('dialog', { name: 'Merge these places?' });
    fake.api.mergePlaces.mockRejectedValueOnce(new CatalogueError('CONFLICT', `${evinFa.ref} is deleted: restore it before merging it.`));
    await user.click(within(confirm).getByRole('button', { name: 'Merge places' }));
    expect(await within(confirm).findByRole('alert')).toHaveTextContent(`${evinFa.ref} is deleted: restore it before merging it.`);
    expect(within(confirm).getByRole('button', { name: 'Merge places' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: /Undo/ })).not.toBeInTheDocument();
  });
});
