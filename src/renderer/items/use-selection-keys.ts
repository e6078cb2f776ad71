import { useEffect, useRef, type RefObject } from 'react';
import { isTypingTarget } from '../shell/use-global-shortcuts';

/**
 * Ctrl/Cmd+A and Escape for the Items view's selection (issue 8). Ctrl/Cmd+A selects every item the filter
 * shows, instead of the page's text, when the keyboard is in the view (the grid, the table, the toolbar's
 * buttons) or nowhere in particular; in a text field it keeps its usual meaning, and in a dialog it is the
 * dialog's. Escape clears the selection from the same places (the grid clears it itself first).
 */
export function useSelectionKeys(view: RefObject<HTMLElement | null>, actions: { selectAll(): void; clear(): boolean }): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      const nowhere = !target || target === document.body || target === document.documentElement;
      if (!nowhere && !(view.current && view.current.contains(target))) return;
      if (target && (target.closest('dialog') || isTypingTarget(target))) return;
      const command = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
      if (command && event.key.toLowerCase() === 'a') {
        event.preventDefault();
        latest.current.selectAll();
      } else if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        if (latest.current.clear()) event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [view]);
}
