import { createContext } from 'react';
import type { Term, Vocabularies, VocabularyName } from '../../shared/dto';

export interface VocabulariesState {
  /** Null until loaded. */
  vocabularies: Vocabularies | null;
  /** The English label of a term (the code when the term is unknown, so nothing shows blank). */
  label(vocabulary: VocabularyName, code: string | null | undefined): string;
  term(vocabulary: VocabularyName, code: string | null | undefined): Term | null;
}

export const VocabulariesContext = createContext<VocabulariesState | null>(null);
