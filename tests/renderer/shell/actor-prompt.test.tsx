import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CatalogueError } from '../../../src/shared/errors';
import { renderApp } from '../render-app';

const prompt = () => screen.findByRole('region', { name: 'Who is cataloguing?' });

describe('first use: who is cataloguing', () => {
  it('asks for name and organisation while no actor is set, without blocking the catalogue', async () => {
    renderApp({ actor: null });
    const region = await prompt();
    expect(within(region).getByLabelText('Your name')).toBeInTheDocument();
    expect(within(region).getByLabelText('Organisation')).toBeInTheDocument();
    // Non-blocking: the rest of the app is there and usable.
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(await screen.findByText('No items yet.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('contentinfo', { name: 'Status bar' })).toHaveTextContent('No archivist set');
  });

  it('is not shown once an actor is set', async () => {
    renderApp({ actor: { name: 'A', organisation: 'B' } });
    await waitFor(() => expect(screen.getByRole('contentinfo', { name: 'Status bar' })).toHaveTextContent('Recording as A, B'));
    expect(screen.queryByRole('region', { name: 'Who is cataloguing?' })).not.toBeInTheDocument();
  });

  it('saves through api.setActor and shows the actor in the status bar', async () => {
    const { user, fake } = renderApp({ actor: null });
    const region = await prompt();
    await user.type(within(region).getByLabelText('Your name'), '  مریم رضایی ');
    await user.type(within(region).getByLabelText('Organisation'), 'Iran Human Rights Documentation');
    await user.click(within(region).getByRole('button', { name: 'Save' }));

    expect(fake.api.setActor).toHaveBeenCalledWith({ name: 'مریم رضایی', organisation: 'Iran Human Rights Documentation' });
    const bar = screen.getByRole('contentinfo', { name: 'Status bar' });
    await waitFor(() => expect(bar).toHaveTextContent('Recording as مریم رضایی, Iran Human Rights Documentation'));
    expect(within(bar).getByText('مریم رضایی')).toHaveAttribute('dir', 'auto');
    expect(screen.queryByRole('region', { name: 'Who is cataloguing?' })).not.toBeInTheDocument();
  });

  it('shows the API error message in an alert and keeps what was typed', async () => {
    const { user, fake } = renderApp({ actor: null });
    fake.api.setActor.mockRejectedValueOnce(new CatalogueError('IO', 'The catalogue settings could not be written: disk full.'));
    const region = await prompt();
    await user.type(within(region).getByLabelText('Your name'), 'Reza');
    await user.type(within(region).getByLabelText('Organisation'), 'Archive');
    await user.click(within(region).getByRole('button', { name: 'Save' }));

    expect(await within(region).findByRole('alert')).toHaveTextContent('The catalogue settings could not be written: disk full.');
    expect(within(region).getByLabelText('Your name')).toHaveValue('Reza');
    expect(screen.getByRole('contentinfo', { name: 'Status bar' })).toHaveTextContent('No archivist set');

    // Trying again after the problem is fixed works and clears the alert.
    await user.click(within(region).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('contentinfo', { name: 'Status bar' })).toHaveTextContent('Recording as Reza, Archive'));
    expect(fake.api.setActor).toHaveBeenCalledTimes(2);
  });

  it('does not call the API with a blank field, and says what is missing', async () => {
    const { user, fake } = renderApp({ actor: null });
    const region = await prompt();
    await user.type(within(region).getByLabelText('Your name'), '   ');
    await user.type(within(region).getByLabelText('Organisation'), 'Archive');
    await user.click(within(region).getByRole('button', { name: 'Save' }));
    expect(within(region).getByRole('alert')).toHaveTextContent('Enter your name.');
    expect(within(region).getByLabelText('Your name')).toHaveFocus();
    expect(within(region).getByLabelText('Your name')).toHaveAccessibleDescription('Enter your name.');
    expect(fake.api.setActor).not.toHaveBeenCalled();
  });

  it('can be put off with "Not now" and brought back from the status bar, and changes an existing actor', async () => {
    const { user, fake } = renderApp({ actor: null });
    await user.click(within(await prompt()).getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('region', { name: 'Who is cataloguing?' })).not.toBeInTheDocument();

    const bar = screen.getByRole('contentinfo', { name: 'Status bar' });
    await user.click(within(bar).getByRole('button', { name: 'Set archivist' }));
    let region = await prompt();
    await user.type(within(region).getByLabelText('Your name'), 'Reza');
    await user.type(within(region).getByLabelText('Organisation'), 'Archive');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(bar).toHaveTextContent('Recording as Reza, Archive'));

    await user.click(within(bar).getByRole('button', { name: 'Change archivist' }));
    region = await prompt();
    expect(within(region).getByLabelText('Your name')).toHaveValue('Reza');
    await user.clear(within(region).getByLabelText('Organisation'));
    await user.type(within(region).getByLabelText('Organisation'), 'Other archive');
    await user.click(within(region).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bar).toHaveTextContent('Recording as Reza, Other archive'));
    expect(fake.api.setActor).toHaveBeenLastCalledWith({ name: 'Reza', organisation: 'Other archive' });
    expect(screen.queryByRole('region', { name: 'Who is cataloguing?' })).not.toBeInTheDocument();
  });
});
