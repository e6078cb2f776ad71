import { useContext } from 'react';
import { TagsContext, type TagsState } from './tags-context';

export function useTags(): TagsState {
  const state = useContext(TagsContext);
  if (!state) throw new Error('useTags needs a TagsProvider above it.');
  return state;
}
