import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { item, person } from '../fake-client';
import { renderApp } from '../render-app';

const hostile = '<img src=x onerror=alert(1)>';

describe('text from people and files', () => {
  it('renders a hostile person name as text, never as HTML', async () => {
    const { user, container } = renderApp({
      actor: { name: '<b>bold</b>', organisation: 'Org' },
      persons: [person({ nameLatin: hostile, prison: '<script>alert(2)</script>' })],
    });
    await user.click(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('button', { name: 'Persons' }));
    const cell = await screen.findByText(hostile);
    expect(cell.textContent).toBe(hostile);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('<script>alert(2)</script>')).toBeInTheDocument();

    // The details panel and the status bar do the same.
    await user.click(within(screen.getByRole('table')).getAllByRole('button')[0]!);
    const details = screen.getByRole('complementary', { name: 'Record details' });
    expect(within(details).getByRole('heading', { name: hostile })).toBeInTheDocument();
    expect(within(screen.getByRole('contentinfo', { name: 'Status bar' })).getByText('<b>bold</b>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('gives Persian names dir="auto" and the user-text font class, wherever they appear', async () => {
    const { user } = renderApp({
      name: 'بایگانی خاوران',
      actor: { name: 'A', organisation: 'B' },
      persons: [person({ nameFa: 'فریده اکبرپور', nameLatin: 'Farideh Akbarpour', prison: 'اوین' })],
      items: [item({ title: 'نامه از زندان' })],
    });
    const title = await screen.findByText('نامه از زندان');
    expect(title).toHaveAttribute('dir', 'auto');

    const catalogueName = within(screen.getByRole('contentinfo', { name: 'Status bar' })).getByText('بایگانی خاوران');
    expect(catalogueName).toHaveAttribute('dir', 'auto');

    await user.click(within(screen.getByRole('navigation', { name: 'Main navigation' })).getByRole('button', { name: 'Persons' }));
    for (const text of ['فریده اکبرپور', 'Farideh Akbarpour', 'اوین']) {
      const element = await screen.findByText(text);
      expect(element).toHaveAttribute('dir', 'auto');
      expect(element).toHaveClass('user-text');
    }
    // The UI itself stays left-to-right English.
    expect(screen.getByRole('heading', { level: 1, name: 'Persons' })).not.toHaveAttribute('dir');
  });
});
