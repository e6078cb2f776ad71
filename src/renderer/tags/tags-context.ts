import { createContext } from 'react';
import type { TagDto } from '../../shared/dto';

export interface TagsState {
  /** Every live tag (a few thousand at most), filtered here as the user types: no request per key. */
  tags: TagDto[];
  loaded: boolean;
  reload(): void;
}

export const TagsContext = createContext<TagsState | null>(null);
