import type { PlaceSummary } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { EmptyState } from '../ui/EmptyState';
import { capitalise } from '../ui/format';
import { ListScreen } from '../ui/ListScreen';
import { RecordTable, type Column } from '../ui/RecordTable';
import { useRecordList } from '../ui/use-record-list';
import { UserText } from '../ui/UserText';

const columns: Column<PlaceSummary>[] = [
  { header: 'Name (Persian)', cell: (place) => <UserText text={place.nameFa} className="persian" />, className: 'grow' },
  { header: 'Name (Latin)', cell: (place) => <UserText text={place.nameLatin} />, className: 'grow' },
  { header: 'Type', cell: (place) => <UserText text={capitalise(place.type.replace(/[-_]+/g, ' '))} /> },
];

export function PlacesView({ selectedId, onSelect }: { selectedId: number | null; onSelect(place: PlaceSummary): void }) {
  const { api } = useClient();
  const list = useRecordList((offset, limit) => api.listPlaces({ offset, limit }), 'places');
  return (
    <ListScreen
      title="Places"
      noun="places"
      list={list}
      empty={
        <EmptyState title="No places yet.">
          <p>
            Prisons, places of death and burial places are recorded when you import persons with{' '}
            <code>vigil persons import FILE.csv</code>: each place named in the file is matched to a place here or
            created.
          </p>
          <p className="muted">Adding and editing places in this window arrives with a later version.</p>
        </EmptyState>
      }
    >
      <RecordTable
        caption="Places in the catalogue"
        rows={list.rows}
        columns={columns}
        rowKey={(place) => place.id}
        rowLabel={(place) => place.ref}
        selectedKey={selectedId}
        onSelect={onSelect}
      />
    </ListScreen>
  );
}
