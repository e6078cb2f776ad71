/**
 * The item panel's changes (issue 8): the edit form, tags and links, each through the Undo machinery.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseHistoricalDate } from '../../../src/shared/dates/historical-date';
import type { ItemSummary } from '../../../src/shared/dto';
import { item, itemDetail, itemEnd, link, person, personEnd, place, source, tag, tagRef, type FakeData } from '../fake-client';
import { renderApp } from '../render-app';

const actor = { name: 'A', organisation: 'B' };

/** Opens an item in the panel by clicking its tile, and waits for its details. */
async function openItem(title: string) {
  const grid = await screen.findByRole('grid', { name: 'Items' });
  const tile = (await within(grid).findByText(title)).closest('[role="gridcell"]')!;
  act(() => (tile as HTMLElement).click());
  const panel = screen.getByRole('complementary', { name: 'Record details' });
  await within(panel).findByText('SHA-256');
  return panel;
}

function toast() {
  return document.querySelector<HTMLElement>('.toast-region')!;
}

function setup(data: Partial<FakeData> = {}, summary: ItemSummary = item({ title: 'Khavaran, 1988' })) {
  return { ...renderApp({ actor, items: [summary], ...data }), summary };
}

describe('editing an item', () => {
  it('sends only the changed fields, shows the saved item, and offers Undo', async () => {
    const amnesty = source({ title: 'Amnesty report 1990' });
    const summary = item({ title: 'Khavaran, 1988' });
    const { user, fake } = setup({ sources: [amnesty], details: new Map([[summary.id, itemDetail(summary, { description: 'Unmarked graves.' })]]) }, summary);
    const panel = await openItem('Khavaran, 1988');

    await user.click(within(panel).getByRole('button', { name: `Edit ${summary.ref}` }));
    const form = within(panel).getByRole('form', { name: `Edit ${summary.ref}` });
    const title = within(form).getByLabelText('Title');
    expect(title).toHaveFocus();
    expect(title).toHaveValue('Khavaran, 1988');
    expect(within(form).getByLabelText('Description')).toHaveValue('Unmarked graves.');

    await user.clear(title);
    await user.type(title, 'Khavaran cemetery, summer 1988');
    await user.selectOptions(within(form).getByLabelText('Sensitivity'), 'Confidential');
    await user.type(within(form).getByLabelText('Acquired by'), 'Shirin');
    await user.type(within(form).getByRole('combobox', { name: 'Source the item came from' }), 'amnesty');
    await user.click(await within(form).findByRole('option', { name: /Amnesty report 1990/ }));
    const date = within(form).getByLabelText('Date acquired');
    await user.type(date, 'Mordad 1367');
    // Read in both calendars as it is typed.
    expect(within(form).getByText(/^Read as /)).toHaveTextContent('1367');
    expect(within(form).getByText(/^Read as /)).toHaveTextContent('1988');

    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(fake.api.updateItem).toHaveBeenCalledTimes(1);
    expect(fake.api.updateItem).toHaveBeenCalledWith({
      id: summary.id,
      patch: {
        title: 'Khavaran cemetery, summer 1988',
        sensitivity: 'confidential',
        acquisition: { sourceId: amnesty.id, acquiredBy: 'Shirin', date: 'Mordad 1367' },
      },
    });

    expect(await within(panel).findByRole('heading', { name: 'Khavaran cemetery, summer 1988' })).toBeInTheDocument();
    expect(within(panel).queryByRole('form', { name: `Edit ${summary.ref}` })).not.toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: `Edit ${summary.ref}` })).toHaveFocus();
    const acquisition = within(panel).getByRole('region', { name: 'Acquisition' });
    expect(acquisition).toHaveTextContent('Amnesty report 1990');
    expect(acquisition).toHaveTextContent('Shirin');
    expect(acquisition).toHaveTextContent('Mordad 1367');

    // The change is announced with Undo, which takes it back through the core.
    expect(toast()).toHaveTextContent(`Edited ${summary.ref}`);
    await user.click(within(toast()).getByRole('button', { name: 'Undo' }));
    expect(fake.api.undo).toHaveBeenCalledWith({ changeId: 'change-1' });
  });

  it("keeps the form as typed and shows the core's sentence when a date is refused", async () => {
    const { user, fake, summary } = setup();
    const panel = await openItem('Khavaran, 1988');
    await user.click(within(panel).getByRole('button', { name: `Edit ${summary.ref}` }));
    const form = within(panel).getByRole('form', { name: `Edit ${summary.ref}` });
    await user.type(within(form).getByLabelText('Date acquired'), 'the summer of the executions');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(fake.api.updateItem).toHaveBeenCalledWith({ id: summary.id, patch: { acquisition: { date: 'the summer of the executions' } } });
    const refusal = parseHistoricalDate('the summer of the executions');
    if (refusal.ok) throw new Error('the test date should be unreadable');
    expect(await within(form).findByRole('alert')).toHaveTextContent(`Not saved: ${refusal.message}`);
    expect(within(form).getByLabelText('Date acquired')).toHaveValue('the summer of the executions');
    expect(toast()).not.toHaveTextContent('Edited');

    // Escape leaves the item as it was.
    await user.click(within(form).getByLabelText('Title'));
    await user.keyboard('{Escape}');
    expect(within(panel).queryByRole('form')).not.toBeInTheDocument();
    expect(fake.api.updateItem).toHaveBeenCalledTimes(1);
  });

  it('closes without a change when nothing was changed', async () => {
    const { user, fake, summary } = setup();
    const panel = await openItem('Khavaran, 1988');
    await user.click(within(panel).getByRole('button', { name: `Edit ${summary.ref}` }));
    await user.click(within(panel).getByRole('button', { name: 'Save' }));
    expect(within(panel).queryByRole('form')).not.toBeInTheDocument();
    expect(fake.api.updateItem).not.toHaveBeenCalled();
  });
});

describe('tags on the item panel', () => {
  it('adds an existing tag, makes a free tag from new text, and removes a tag, each with tagItems on this item', async () => {
    const torture = tag({ labelEn: 'Torture', labelFa: 'شکنجه' });
    const grave = tag({ labelEn: 'Mass grave', labelFa: 'گور جمعی' });
    const summary = item({ title: 'Khavaran, 1988' });
    const { user, fake } = setup({ tags: [torture, grave], details: new Map([[summary.id, itemDetail(summary, { tags: [tagRef(grave)] })]]) }, summary);
    const panel = await openItem('Khavaran, 1988');
    const tags = within(panel).getByRole('region', { name: 'Tags' });
    const box = within(tags).getByRole('combobox', { name: `Add a tag to ${summary.ref}` });

    await user.type(box, 'tort');
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(fake.api.tagItems).toHaveBeenCalledWith({ selection: { ids: [summary.id] }, add: [{ id: torture.id }] }));
    expect(await within(tags).findByRole('button', { name: 'Remove tag Torture · شکنجه' })).toBeInTheDocument();
    expect(toast()).toHaveTextContent(`Tagged ${summary.ref} with “Torture · شکنجه”`);
    expect(within(toast()).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    expect(box).toHaveFocus();

    await user.type(box, 'Evin prison');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.api.tagItems).toHaveBeenLastCalledWith({ selection: { ids: [summary.id] }, add: [{ label: 'Evin prison' }] }));
    expect(await within(tags).findByRole('button', { name: 'Remove tag Evin prison' })).toBeInTheDocument();

    await user.click(within(tags).getByRole('button', { name: 'Remove tag Mass grave · گور جمعی' }));
    await waitFor(() => expect(fake.api.tagItems).toHaveBeenLastCalledWith({ selection: { ids: [summary.id] }, remove: [grave.id] }));
    await waitFor(() => expect(within(tags).queryByRole('button', { name: 'Remove tag Mass grave · گور جمعی' })).not.toBeInTheDocument());
    expect(fake.api.tagItems).toHaveBeenCalledTimes(3);
  });
});

describe('links on the item panel', () => {
  it('links a person found by a Persian name, with the role and certainty chosen, and opens them from the link', async () => {
    const iraj = person({ nameLatin: 'Iraj Hatemi', nameFa: 'ایرج حاتمی' });
    const other = person({ nameLatin: 'Someone Else' });
    const { user, fake, summary } = setup({ persons: [iraj, other] });
    const panel = await openItem('Khavaran, 1988');
    const links = within(panel).getByRole('region', { name: 'Linked persons and places' });
    expect(links).toHaveTextContent('Not linked to any person or place yet.');

    await user.click(within(links).getByRole('button', { name: 'Link a person…' }));
    const form = within(links).getByRole('form', { name: 'Link to a person' });
    const find = within(form).getByRole('combobox', { name: 'Find a person to link' });
    expect(find).toHaveFocus();
    await user.type(find, 'حاتمی');
    expect(await within(form).findByRole('option', { name: /Iraj Hatemi/ })).toBeInTheDocument();
    expect(within(form).queryByRole('option', { name: /Someone Else/ })).not.toBeInTheDocument();
    await user.keyboard('{ArrowDown}{Enter}');

    // The keyboard goes on to the role; the certainty starts at "reported".
    const role = within(form).getByLabelText('Role of the item');
    await waitFor(() => expect(role).toHaveFocus());
    expect(within(form).getByText('Iraj Hatemi')).toBeInTheDocument();
    await user.selectOptions(role, 'Mentions');
    expect(within(form).getByLabelText('Certainty')).toHaveValue('reported');
    await user.click(within(form).getByRole('button', { name: 'Add link' }));

    expect(fake.api.createLink).toHaveBeenCalledWith({ type: 'item-mentions-person', itemId: summary.id, personId: iraj.id, certainty: 'reported', sourceId: null });
    const row = (await within(links).findByText('Mentions')).closest('li')!;
    expect(row).toHaveTextContent('Iraj Hatemi · ایرج حاتمی');
    expect(row).toHaveTextContent(iraj.ref);
    expect(within(row).getByLabelText(/^Certainty of/)).toHaveValue('reported');
    expect(within(links).getByRole('button', { name: 'Link a person…' })).toHaveFocus();
    expect(toast()).toHaveTextContent(`Linked ${summary.ref} to “Iraj Hatemi” (Mentions)`);

    await user.click(within(row).getByRole('button', { name: 'Iraj Hatemi · ایرج حاتمی' }));
    await waitFor(() => expect(fake.api.getPerson).toHaveBeenCalledWith({ id: iraj.id }));
  });

  it('links a place with the place picker', async () => {
    const khavaran = place({ nameLatin: 'Khavaran', nameFa: 'خاوران', type: 'mass-grave' });
    const { user, fake, summary } = setup({ places: [khavaran] });
    const panel = await openItem('Khavaran, 1988');
    const links = within(panel).getByRole('region', { name: 'Linked persons and places' });
    await user.click(within(links).getByRole('button', { name: 'Link a place…' }));
    const form = within(links).getByRole('form', { name: 'Link to a place' });
    await user.type(within(form).getByRole('combobox', { name: 'Find a place to link' }), 'khav');
    await user.click(await within(form).findByRole('option', { name: /Khavaran/ }));
    // One link type joins items and places: no role to choose, the keyboard is on the certainty.
    expect(within(form).queryByLabelText('Link type')).not.toBeInTheDocument();
    await waitFor(() => expect(within(form).getByLabelText('Certainty')).toHaveFocus());
    await user.selectOptions(within(form).getByLabelText('Certainty'), 'Confirmed');
    await user.click(within(form).getByRole('button', { name: 'Add link' }));
    expect(fake.api.createLink).toHaveBeenCalledWith({ type: 'item-depicts-place', itemId: summary.id, placeId: khavaran.id, certainty: 'confirmed', sourceId: null });
    const places = await within(links).findByRole('list');
    expect(places).toHaveTextContent('Depicts');
    expect(places).toHaveTextContent('Khavaran · خاوران');
  });

  it('changes the certainty of a link, and asks a reason before removing one', async () => {
    const iraj = person({ nameLatin: 'Iraj Hatemi' });
    const summary = item({ title: 'Khavaran, 1988' });
    const existing = link({ from: itemEnd(summary), to: personEnd(iraj), certainty: 'reported' });
    const { user, fake } = setup({ persons: [iraj], links: [existing] }, summary);
    const panel = await openItem('Khavaran, 1988');
    const links = within(panel).getByRole('region', { name: 'Linked persons and places' });
    const row = within(links).getByText('Depicts').closest('li')!;

    await user.selectOptions(within(row).getByLabelText('Certainty of “Depicts Iraj Hatemi”'), 'Disputed');
    await waitFor(() => expect(fake.api.updateLink).toHaveBeenCalledWith({ id: existing.id, patch: { certainty: 'disputed' } }));
    expect(toast()).toHaveTextContent('Marked the link to “Iraj Hatemi” disputed');

    await user.click(within(links).getByRole('button', { name: `Remove the link “${summary.ref} Depicts Iraj Hatemi”` }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this link?' });
    const remove = within(dialog).getByRole('button', { name: 'Remove link' });
    expect(remove).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Reason (kept in the custody log)'), 'Wrong person: the photo shows his brother.');
    expect(fake.api.deleteLink).not.toHaveBeenCalled();
    await user.click(remove);
    expect(fake.api.deleteLink).toHaveBeenCalledWith({ id: existing.id, reason: 'Wrong person: the photo shows his brother.' });
    await waitFor(() => expect(within(links).queryByText('Depicts')).not.toBeInTheDocument());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(toast()).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });
});
