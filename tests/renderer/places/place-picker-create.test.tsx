/** A place is chosen from a picker or created inline (issue 8 item 3): the New place form opens with the name typed. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { person, place } from '../fake-client';
import { renderApp } from '../render-app';

describe('creating a place from a picker', () => {
  it('offers the text typed as a new place, opens the form with it in its script, and links the place made', async () => {
    const farideh = person({ nameLatin: 'Farideh Akbarpour' });
    const { fake, user } = renderApp({ actor: { name: 'A', organisation: 'B' }, persons: [farideh], places: [place({ nameLatin: 'Evin' })] });
    await user.click(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('button', { name: 'Persons' }));
    const table = await screen.findByRole('table', { name: 'Persons in the catalogue' });
    await user.click(within(table).getAllByRole('button')[0]!);
    const details = screen.getByRole('complementary', { name: 'Record details' });
    await user.click(await within(details).findByRole('button', { name: 'Link a place' }));
    const form = within(details).getByRole('form', { name: 'Link a place' });
    await user.type(within(form).getByRole('combobox', { name: 'Place to link' }), 'خاوران');
    await user.click(await within(form).findByRole('option', { name: /New place “خاوران”/ }));

    const dialog = await screen.findByRole('dialog', { name: 'New place' });
    expect(within(dialog).getByRole('textbox', { name: 'Name in Persian script' })).toHaveValue('خاوران');
    expect(within(dialog).getByRole('textbox', { name: 'Name in Latin script' })).toHaveValue('');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Type' }), 'mass-grave');
    await user.click(within(dialog).getByRole('button', { name: 'Create place' }));
    expect(fake.api.createPlace).toHaveBeenCalledWith(expect.objectContaining({ type: 'mass-grave', nameFa: 'خاوران' }));
    expect(screen.queryByRole('dialog', { name: 'New place' })).not.toBeInTheDocument();
    // The place made is the one the link form now holds.
    expect(within(form).getByText('خاوران')).toBeInTheDocument();
    // Creating the place did not submit the link form around the picker.
    expect(fake.api.createLink).not.toHaveBeenCalled();
    await user.click(within(form).getByRole('button', { name: 'Link place' }));
    expect(fake.api.createLink).toHaveBeenCalledWith(expect.objectContaining({ personId: farideh.id, type: 'person-detained-at' }));
  });
});
