import type { KeyboardEvent, ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
  className?: string;
}

/**
 * A list screen's table. The first cell of each row is a button (named by the record's reference) so rows
 * are reachable with Tab; Up and Down move between rows and select as they go, a click anywhere selects.
 */
export function RecordTable<T>({
  caption,
  labelHeader = 'Ref',
  rows,
  columns,
  rowKey,
  rowLabel,
  selectedKey,
  onSelect,
}: {
  caption: string;
  labelHeader?: string;
  rows: T[];
  columns: Column<T>[];
  rowKey(row: T): string | number;
  rowLabel(row: T): ReactNode;
  selectedKey: string | number | null;
  onSelect(row: T): void;
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button.row-button'));
    const index = buttons.findIndex((button) => button === document.activeElement);
    if (index < 0) return;
    const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
    const target = buttons[next];
    const row = rows[next];
    if (!target || row === undefined) return;
    event.preventDefault();
    target.focus();
    onSelect(row);
  };

  return (
    <div className="table-scroll">
      <table className="record-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.map((row) => {
            const key = rowKey(row);
            const selected = key === selectedKey;
            return (
              <tr key={key} aria-current={selected ? 'true' : undefined} className={selected ? 'selected' : undefined} onClick={() => onSelect(row)}>
                <td className="ref-cell">
                  <button
                    type="button"
                    className="row-button"
                    onClick={(event) => {
                      event.stopPropagation();
                      onSelect(row);
                    }}
                  >
                    {rowLabel(row)}
                  </button>
                </td>
                {columns.map((column) => (
                  <td key={column.header} className={column.className}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
