import { memo } from 'react';

/** A tile whose page has not arrived yet. */
export const LoadingTile = memo(function LoadingTile({ cellId, column, focused }: { cellId: string; column: number; focused: boolean }) {
  return (
    <div role="gridcell" id={cellId} aria-colindex={column + 1} aria-busy="true" className={focused ? 'tile tile-loading focused' : 'tile tile-loading'}>
      <div className="tile-thumb" />
      <div className="tile-caption">
        <span className="visually-hidden">Loading…</span>
      </div>
    </div>
  );
});
