import type { ItemSummary } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { EmptyState } from '../components/EmptyState';
import { ListScreen } from '../components/ListScreen';
import { RecordTable, type Column } from '../components/RecordTable';
import { UserText } from '../components/UserText';
import { useRecordList } from '../hooks/use-record-list';
import { capitalise, formatBytes, formatDay } from './format';

const columns: Column<ItemSummary>[] = [
  { header: 'Title', cell: (item) => <UserText text={item.title ?? item.originalName} />, className: 'grow' },
  { header: 'Kind', cell: (item) => capitalise(item.kind) },
  { header: 'Taken', cell: (item) => <UserText text={item.takenAt} />, className: 'nowrap' },
  { header: 'Size', cell: (item) => formatBytes(item.size), className: 'numeric' },
  { header: 'Sensitivity', cell: (item) => <span className={`badge badge-${item.sensitivity}`}>{capitalise(item.sensitivity)}</span> },
  { header: 'Imported', cell: (item) => formatDay(item.importedAt), className: 'nowrap' },
];

export function ItemsView({ selectedId, onSelect }: { selectedId: number | null; onSelect(item: ItemSummary): void }) {
  const { api } = useClient();
  const list = useRecordList((offset, limit) => api.listItems({ offset, limit }), 'items');
  return (
    <ListScreen
      title="Items"
      noun="items"
      list={list}
      empty={
        <EmptyState title="No items yet.">
          <p>
            Import photos and scanned documents from the command line with <code>vigil import PATH</code>: each
            file is copied into the vault unchanged, hashed and recorded in the custody log.
          </p>
          <p className="muted">Importing from this window arrives with the intake feature; it is not here yet.</p>
        </EmptyState>
      }
    >
      <RecordTable
        caption="Items in the catalogue"
        rows={list.rows}
        columns={columns}
        rowKey={(item) => item.id}
        rowLabel={(item) => item.ref}
        selectedKey={selectedId}
        onSelect={onSelect}
      />
    </ListScreen>
  );
}
