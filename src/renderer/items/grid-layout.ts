/** The Items grid's geometry from the width it has: as many columns of at least MIN_TILE as fit. */

export const MIN_TILE = 150;
export const GAP = 12;
export const PADDING = 12;
/** The caption under each thumbnail (one line of title, one of details). */
export const CAPTION = 46;

export interface GridLayout {
  columns: number;
  tileWidth: number;
  /** One row of tiles, gap included: what the virtualiser steps by. */
  rowHeight: number;
}

export function gridLayout(width: number): GridLayout {
  const inner = Math.max(0, width - 2 * PADDING);
  const columns = Math.max(1, Math.floor((inner + GAP) / (MIN_TILE + GAP)));
  const tileWidth = Math.max(MIN_TILE, Math.floor((inner - GAP * (columns - 1)) / columns));
  return { columns, tileWidth, rowHeight: tileWidth + CAPTION + GAP };
}
