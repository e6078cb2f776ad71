import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CustodyHistory } from '../../../src/renderer/ui/CustodyHistory';
import { custodyEvent } from '../fake-client';

describe('a record’s custody history', () => {
  it('says what each event did, in words, with what an edit changed, the tag, and the CSV row it came from', () => {
    render(
      <CustodyHistory
        events={[
          custodyEvent({ seq: 1, action: 'record-created', details: { via: 'csv-import', file: 'roster.csv', row: 12 } }),
          custodyEvent({ seq: 2, action: 'record-edited', details: { before: { fate: null }, after: { fate: 'executed', deathDate: 'Mordad 1367' } } }),
          custodyEvent({ seq: 3, action: 'tagged', details: { tag: { labelEn: 'Torture', labelFa: 'شکنجه' } } }),
          custodyEvent({ seq: 4, action: 'something-new', actor: '<b>Maryam</b>' }),
        ]}
      />,
    );
    const rows = within(screen.getByRole('table', { name: 'Custody history' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[2]!.textContent)).toEqual([
      'Createdfrom roster.csv, row 12',
      'Editedfate, deathDate',
      'TaggedTorture',
      'something-new',
    ]);
    // Text from people is text, never markup.
    expect(within(rows[3]!).getByText('<b>Maryam</b>')).toBeInTheDocument();
  });

  it('shows the latest 30 events of a busy record until asked for all', async () => {
    const events = Array.from({ length: 45 }, (_, i) => custodyEvent({ seq: i + 1, action: 'linked' }));
    render(<CustodyHistory events={events} />);
    expect(screen.getByText(/The latest 30 of 45 events/)).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(31);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show all' }));
    expect(screen.getAllByRole('row')).toHaveLength(46);
  });
});
