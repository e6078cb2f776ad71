import type { ExhibitSetSummary } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { EmptyState } from '../ui/EmptyState';
import { formatNumber } from '../ui/format';
import { ListScreen } from '../ui/ListScreen';
import { RecordTable, type Column } from '../ui/RecordTable';
import { useRecordList } from '../ui/use-record-list';
import { UserText } from '../ui/UserText';

const columns: Column<ExhibitSetSummary>[] = [
  { header: 'Name', cell: (set) => <UserText text={set.name} />, className: 'grow' },
  { header: 'Exhibits', cell: (set) => formatNumber(set.exhibitCount), className: 'numeric' },
];

export function ExhibitsView({ selectedId, onSelect }: { selectedId: number | null; onSelect(set: ExhibitSetSummary): void }) {
  const { api } = useClient();
  // Exhibit sets are few and come in one answer; shaped as a page so the list screen is the same.
  const list = useRecordList(async () => {
    const rows = await api.listExhibitSets();
    return { rows, total: rows.length, offset: 0 };
  }, ['exhibitSets']);
  return (
    <ListScreen
      title="Exhibits"
      noun="exhibit sets"
      list={list}
      empty={
        <EmptyState title="No exhibit sets yet.">
          <p>An exhibit set is a numbered selection of items for a legal matter, handed to a court with proof that nothing changed since intake.</p>
          <p className="muted">Building exhibit sets, in this window and on the command line, arrives with a later version of Vigil.</p>
        </EmptyState>
      }
    >
      <RecordTable
        caption="Exhibit sets in the catalogue"
        labelHeader="Prefix"
        rows={list.rows}
        columns={columns}
        rowKey={(set) => set.id}
        rowLabel={(set) => <UserText text={set.prefix} />}
        selectedKey={selectedId}
        onSelect={onSelect}
      />
    </ListScreen>
  );
}
