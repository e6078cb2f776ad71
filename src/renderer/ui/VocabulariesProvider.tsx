import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Term, Vocabularies, VocabularyName } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { useVigilEvent } from './use-vigil-event';
import { VocabulariesContext, type VocabulariesState } from './vocabularies-context';

/** The catalogue's vocabularies (roles, fates, place types, link types, certainty), read once and on change. */
export function VocabulariesProvider({ children }: { children: ReactNode }) {
  const { api } = useClient();
  const [vocabularies, setVocabularies] = useState<Vocabularies | null>(null);
  const load = useCallback(() => {
    api.getVocabularies().then(setVocabularies, () => undefined);
  }, [api]);
  useEffect(load, [load]);
  useVigilEvent((event) => {
    if (event.type === 'catalogue-changed' && event.what.includes('vocabularies')) load();
  });

  const value = useMemo<VocabulariesState>(() => {
    const term = (vocabulary: VocabularyName, code: string | null | undefined): Term | null =>
      (code && (vocabularies?.[vocabulary] as Term[] | undefined)?.find((t) => t.code === code)) || null;
    return {
      vocabularies,
      term,
      label: (vocabulary, code) => term(vocabulary, code)?.labelEn ?? code ?? '',
    };
  }, [vocabularies]);
  return <VocabulariesContext.Provider value={value}>{children}</VocabulariesContext.Provider>;
}
