import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CatalogueError } from '../../../src/shared/errors';
import { renderApp } from '../render-app';

// Whole-app renders with the timeline chart: slower than most when the suite runs in parallel.
vi.setConfig({ testTimeout: 20_000 });

const actor = { name: 'A', organisation: 'B' };

/** Puts text in a box as a paste (one change), which keeps these long forms quick to fill. */
async function fill(user: ReturnType<typeof renderApp>['user'], box: HTMLElement, text: string) {
  await user.click(box);
  await user.paste(text);
}

async function openDialog(data: Parameters<typeof renderApp>[0] = { actor }) {
  const app = renderApp(data);
  await app.user.click(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('button', { name: 'Persons' }));
  await app.user.click(await screen.findByRole('button', { name: 'New person' }));
  const dialog = await screen.findByRole('dialog', { name: 'New person' });
  return { ...app, dialog };
}

describe('new person', () => {
  it('sends the names, roles and facts typed, dates as typed, and opens the new person', async () => {
    const { user, fake, dialog } = await openDialog();
    await fill(user, within(dialog).getByRole('textbox', { name: 'Name 1' }), 'ایرج حاتمی');
    expect(within(dialog).getByText('Detected: Persian script')).toBeInTheDocument();
    await fill(user, within(dialog).getByRole('textbox', { name: 'Name 2' }), 'Iraj Hatemi');
    await user.click(within(dialog).getByRole('button', { name: 'Add another name' }));
    await fill(user, within(dialog).getByRole('textbox', { name: 'Name 3' }), 'Iradj Hatami');
    const third = within(dialog).getByRole('textbox', { name: 'Name 3' }).closest('li')!;
    await user.selectOptions(within(third).getByRole('combobox', { name: 'Type' }), 'variant');

    // Victim is ticked by default; add witness.
    expect(within(dialog).getByRole('checkbox', { name: 'Victim' })).toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Witness' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Sex' }), 'male');
    await fill(user, within(dialog).getByRole('textbox', { name: 'Father’s name (Latin script)' }), 'Bahram');
    await fill(user, within(dialog).getByRole('textbox', { name: 'Death date' }), 'Mordad 1367');
    expect(within(dialog).getByText('Read as 23 Jul – 22 Aug 1988 · Mordad 1367')).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Fate' }), 'executed');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Sensitivity' }), 'confidential');
    await user.click(within(dialog).getByRole('button', { name: 'Add person' }));

    await waitFor(() => expect(fake.api.createPerson).toHaveBeenCalledTimes(1));
    expect(fake.api.createPerson).toHaveBeenCalledWith({
      names: [
        { name: 'ایرج حاتمی', type: 'legal' },
        { name: 'Iraj Hatemi', type: 'legal' },
        { name: 'Iradj Hatami', type: 'variant' },
      ],
      roles: ['victim', 'witness'],
      sex: 'male',
      fatherNameLatin: 'Bahram',
      deathDate: 'Mordad 1367',
      fate: 'executed',
      sensitivity: 'confidential',
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New person' })).not.toBeInTheDocument());
    const details = screen.getByRole('complementary', { name: 'Record details' });
    expect(await within(details).findByRole('heading', { name: /ایرج حاتمی/ })).toBeInTheDocument();
    // The change can be undone.
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it('refuses a date the parser cannot read before sending, with its message', async () => {
    const { user, fake, dialog } = await openDialog();
    await fill(user, within(dialog).getByRole('textbox', { name: 'Name 1' }), 'Farideh');
    const birth = within(dialog).getByRole('textbox', { name: 'Birth date' });
    await user.type(birth, 'sometime in summer');
    expect(birth).toHaveAttribute('aria-invalid', 'true');
    await user.click(within(dialog).getByRole('button', { name: 'Add person' }));
    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent(/Birth date: .*Examples: 1988-08-23/);
    expect(fake.api.createPerson).not.toHaveBeenCalled();
    expect(birth).toHaveFocus();
  });

  it('asks for a name and shows what the core refuses', async () => {
    const { user, fake, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Add person' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Write at least one name');
    expect(fake.api.createPerson).not.toHaveBeenCalled();

    fake.api.createPerson.mockRejectedValueOnce(new CatalogueError('INVALID_ARGUMENT', 'There is no role "victim".'));
    await fill(user, within(dialog).getByRole('textbox', { name: 'Name 1' }), 'Farideh');
    await user.click(within(dialog).getByRole('button', { name: 'Add person' }));
    expect(await within(dialog).findByText('The person was not added: There is no role "victim".')).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'New person' })).toBeInTheDocument();
  });
});
