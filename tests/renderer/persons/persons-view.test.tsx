import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { historicalDate, person } from '../fake-client';
import { renderApp } from '../render-app';

const actor = { name: 'A', organisation: 'B' };

describe('persons', () => {
  it('shows the death date in both calendars, in the list and in the panel', async () => {
    const { user } = renderApp({
      actor,
      persons: [
        person({ nameLatin: 'Iraj Hatemi', deathDate: historicalDate('Mordad 1367') }),
        person({ nameLatin: 'Unknown date' }),
      ],
    });
    await user.click(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('button', { name: 'Persons' }));
    const table = await screen.findByRole('table', { name: 'Persons in the catalogue' });
    const row = within(table).getByText('Iraj Hatemi').closest('tr')!;
    expect(row).toHaveTextContent('23 Jul – 22 Aug 1988 · Mordad 1367');
    expect(within(table).getByText('Unknown date').closest('tr')).toHaveTextContent('—');

    await user.click(within(row).getAllByRole('button')[0]!);
    const details = screen.getByRole('complementary', { name: 'Record details' });
    expect(within(details).getByText('23 Jul – 22 Aug 1988 · Mordad 1367')).toHaveAttribute('dir', 'auto');
  });

  it('shows a date typed as Gregorian in the Solar Hijri calendar too', async () => {
    const { user } = renderApp({ actor, persons: [person({ nameLatin: 'Farideh', deathDate: historicalDate('1988-08-23') })] });
    await user.click(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('button', { name: 'Persons' }));
    const table = await screen.findByRole('table', { name: 'Persons in the catalogue' });
    expect(within(table).getByText('Farideh').closest('tr')).toHaveTextContent('23 Aug 1988 · 1 Shahrivar 1367');
    expect(within(table).getByText('1 Shahrivar 1367')).toBeInTheDocument();
  });
});
