import { useContext } from 'react';
import { ChangesContext, type Changes } from './changes-context';

export function useChanges(): Changes {
  const changes = useContext(ChangesContext);
  if (!changes) throw new Error('useChanges needs a ChangesProvider above it.');
  return changes;
}
