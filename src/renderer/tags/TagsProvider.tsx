import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TagDto } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { useVigilEvent } from '../ui/use-vigil-event';
import { TagsContext, type TagsState } from './tags-context';

/** Loads the tag list once and again whenever tags change anywhere (another window included). */
export function TagsProvider({ children }: { children: ReactNode }) {
  const { api } = useClient();
  const [tags, setTags] = useState<TagDto[]>([]);
  const [loaded, setLoaded] = useState(false);
  const request = useRef(0);
  const reload = useCallback(() => {
    const mine = ++request.current;
    api.listTags().then(
      (list) => {
        if (mine !== request.current) return;
        setTags(list);
        setLoaded(true);
      },
      () => undefined,
    );
  }, [api]);
  useEffect(reload, [reload]);
  useVigilEvent((event) => {
    if (event.type === 'catalogue-changed' && event.what.includes('tags')) reload();
  });
  const value = useMemo<TagsState>(() => ({ tags, loaded, reload }), [tags, loaded, reload]);
  return <TagsContext.Provider value={value}>{children}</TagsContext.Provider>;
}
