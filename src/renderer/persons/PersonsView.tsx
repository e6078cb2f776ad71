import type { PersonSummary } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { EmptyState } from '../ui/EmptyState';
import { formatHistoricalDate } from '../ui/format';
import { ListScreen } from '../ui/ListScreen';
import { RecordTable, type Column } from '../ui/RecordTable';
import { useRecordList } from '../ui/use-record-list';
import { UserText } from '../ui/UserText';

const columns: Column<PersonSummary>[] = [
  { header: 'Name (Persian)', cell: (person) => <UserText text={person.nameFa} className="persian" />, className: 'grow' },
  { header: 'Name (Latin)', cell: (person) => <UserText text={person.nameLatin} />, className: 'grow' },
  { header: 'Fate', cell: (person) => <UserText text={person.fate} /> },
  { header: 'Death date', cell: (person) => <UserText text={formatHistoricalDate(person.deathDate)} />, className: 'nowrap' },
  { header: 'Prison', cell: (person) => <UserText text={person.prison} /> },
];

export function PersonsView({ selectedId, onSelect }: { selectedId: number | null; onSelect(person: PersonSummary): void }) {
  const { api } = useClient();
  const list = useRecordList((offset, limit) => api.listPersons({ offset, limit }), 'persons');
  return (
    <ListScreen
      title="Persons"
      noun="persons"
      list={list}
      empty={
        <EmptyState title="No persons yet.">
          <p>
            Import victims, witnesses and relatives from a spreadsheet saved as CSV with{' '}
            <code>vigil persons import FILE.csv</code>. Names in Persian script and in any Latin spelling are
            kept as written.
          </p>
          <p className="muted">Adding and editing persons in this window arrives with a later version.</p>
        </EmptyState>
      }
    >
      <RecordTable
        caption="Persons in the catalogue"
        rows={list.rows}
        columns={columns}
        rowKey={(person) => person.id}
        rowLabel={(person) => person.ref}
        selectedKey={selectedId}
        onSelect={onSelect}
      />
    </ListScreen>
  );
}
