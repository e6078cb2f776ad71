import { useContext } from 'react';
import { VocabulariesContext, type VocabulariesState } from './vocabularies-context';

export function useVocabularies(): VocabulariesState {
  const state = useContext(VocabulariesContext);
  if (!state) throw new Error('useVocabularies needs a VocabulariesProvider above it.');
  return state;
}
