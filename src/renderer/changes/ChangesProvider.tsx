import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Changed } from '../../shared/dto';
import { isCatalogueError } from '../../shared/errors';
import { useClient } from '../client/use-client';
import { errorMessage } from '../ui/error-message';
import { ChangesContext, type Changes, type RecentChange } from './changes-context';
import { UndoToast, type ToastState } from './UndoToast';

const RECENT_LIMIT = 50;

/** True when the key press is meant for a text field, where Ctrl+Z undoes typing, not a change. */
function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

/**
 * Every change the UI makes goes through here (issue 8): the custody log's change id is kept so Undo (the
 * toast's button, or Ctrl/Cmd+Z outside text fields) can take the change back with a new change. When the
 * core refuses a change because no actor is named, `requestActor` asks the archivist (the App opens the
 * "Who is cataloguing?" form) and the change runs again once they have answered.
 */
export function ChangesProvider({ requestActor, children }: { requestActor(): Promise<boolean>; children: ReactNode }) {
  const { api } = useClient();
  const [recent, setRecent] = useState<RecentChange[]>([]);
  const [toast, setToast] = useState<ToastState | null>(null);
  const undone = useRef(new Set<string>());
  const askActor = useRef(requestActor);
  useEffect(() => {
    askActor.current = requestActor;
  });

  const run = useCallback(async <T,>(labelOf: string | ((record: T) => string), change: () => Promise<Changed<T>>): Promise<Changed<T>> => {
    let result: Changed<T>;
    try {
      result = await change();
    } catch (error) {
      if (!isCatalogueError(error) || error.code !== 'ACTOR_REQUIRED') throw error;
      if (!(await askActor.current())) throw error;
      result = await change();
    }
    const changeId = result.changeId;
    if (changeId) {
      const label = typeof labelOf === 'function' ? labelOf(result.record) : labelOf;
      setRecent((list) => [{ changeId, label }, ...list].slice(0, RECENT_LIMIT));
      setToast({ kind: 'done', label, changeId });
    }
    return result;
  }, []);

  const undo = useCallback(
    async (changeId?: string) => {
      const target = changeId ?? recent.find((c) => !undone.current.has(c.changeId))?.changeId;
      if (!target) return;
      const label = recent.find((c) => c.changeId === target)?.label ?? 'The change';
      try {
        const result = await api.undo({ changeId: target });
        undone.current.add(target);
        if (result.changeId) {
          const undoId = result.changeId;
          // The undo is a change too: it can itself be undone (redo).
          setRecent((list) => [{ changeId: undoId, label: `Undo: ${label}` }, ...list].slice(0, RECENT_LIMIT));
          setToast({ kind: 'undone', label, changeId: undoId });
        }
      } catch (error) {
        setToast({ kind: 'error', label: errorMessage(error), changeId: null });
      }
    },
    [api, recent],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      if (typingIn(event.target)) return;
      event.preventDefault();
      void undo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo]);

  const value = useMemo<Changes>(() => ({ run, undo, recent }), [run, undo, recent]);
  return (
    <ChangesContext.Provider value={value}>
      {children}
      <UndoToast toast={toast} onUndo={(id) => void undo(id)} onDismiss={() => setToast(null)} />
    </ChangesContext.Provider>
  );
}
