import { memo, useState, type MouseEvent } from 'react';
import type { ItemSummary } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { formatBytes } from '../ui/format';
import { UserText } from '../ui/UserText';

/** What a tile shows instead of a thumbnail, by the item's preview state. */
function placeholderText(item: ItemSummary, broken: boolean): string {
  if (broken || item.preview === 'failed') return 'No preview';
  if (item.preview === 'pending') return 'Preview being made…';
  // What the file is, from its name's extension (the mime of an unknown file says little: octet-stream).
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(item.originalName)?.[1];
  if (item.kind === 'document') return extension ? `${extension.toUpperCase()} document` : 'Document';
  return extension ? `${extension.toUpperCase()} file` : 'File';
}

/**
 * One tile of the Items grid. Memoised: the grid re-renders on every scroll frame, and a tile whose item and
 * state did not change is skipped (its props are all stable values, the click handler included).
 */
export const ItemTile = memo(function ItemTile({
  item,
  index,
  cellId,
  column,
  selected,
  focused,
  opened,
  onTileClick,
}: {
  item: ItemSummary;
  index: number;
  cellId: string;
  column: number;
  selected: boolean;
  focused: boolean;
  opened: boolean;
  onTileClick(index: number, event: MouseEvent<HTMLDivElement>): void;
}) {
  const { mediaUrl } = useClient();
  const [broken, setBroken] = useState(false);
  const showImage = item.preview === 'ready' && !broken;
  const classes = ['tile', selected && 'selected', focused && 'focused', opened && 'opened'].filter(Boolean).join(' ');
  return (
    <div
      role="gridcell"
      id={cellId}
      aria-colindex={column + 1}
      aria-selected={selected}
      className={classes}
      aria-labelledby={`${cellId}-title ${cellId}-meta${item.sensitiveMetadata ? ` ${cellId}-sensitive` : ''}`}
      data-item-id={item.id}
      onClick={(event) => onTileClick(index, event)}
    >
      <div className="tile-thumb">
        {showImage ? (
          <img src={mediaUrl(item.id, 'thumb')} alt="" loading="lazy" decoding="async" draggable={false} onError={() => setBroken(true)} />
        ) : (
          <span className={`tile-placeholder tile-placeholder-${broken ? 'failed' : item.preview}`} aria-hidden="true">
            {placeholderText(item, broken)}
          </span>
        )}
        {item.sensitiveMetadata && (
          <span id={`${cellId}-sensitive`} className="tile-sensitive" title="The file's metadata identifies people or places (GPS, device serial numbers, creators).">
            Sensitive<span className="visually-hidden"> metadata</span>
          </span>
        )}
      </div>
      <div className="tile-caption">
        <span id={`${cellId}-title`} className="tile-title-wrap">
          <UserText text={item.title ?? item.originalName} className="tile-title" />
        </span>
        <span id={`${cellId}-meta`} className="tile-meta">
          {item.ref} · {formatBytes(item.size)}
        </span>
      </div>
    </div>
  );
});
