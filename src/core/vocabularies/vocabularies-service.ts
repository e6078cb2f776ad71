/**
 * The vocabularies, read once and kept (they change only when a term is added), and the checks that name a
 * term's vocabulary when a code is not one of its terms (rather than a bare foreign-key failure).
 */
import type { LinkTypeTerm, PlaceTypeTerm, Vocabularies, VocabularyName } from '../../shared/dto';
import { CatalogueError } from '../../shared/errors';
import type { VocabulariesRepository } from './vocabularies-repository';

const NAMES: Record<VocabularyName, string> = {
  roles: 'role',
  fates: 'fate',
  certainty: 'certainty',
  placeTypes: 'place type',
  linkTypes: 'link type',
  tagVocabularies: 'tag vocabulary',
};

export function createVocabulariesService(repo: VocabulariesRepository) {
  let cache: Vocabularies | null = null;
  const all = (): Vocabularies => (cache ??= repo.all());

  function require<V extends VocabularyName>(vocabulary: V, code: string): Vocabularies[V][number] {
    const term = (all()[vocabulary] as Array<Vocabularies[V][number]>).find((t) => t.code === code);
    if (!term) {
      const known = all()[vocabulary].map((t) => t.code).join(', ');
      throw new CatalogueError('INVALID_ARGUMENT', `"${code.slice(0, 60)}" is not a ${NAMES[vocabulary]} of this catalogue (its terms: ${known}).`);
    }
    return term;
  }

  return {
    all,
    require,
    linkType(code: string): LinkTypeTerm {
      return require('linkTypes', code) as LinkTypeTerm;
    },
    placeType(code: string): PlaceTypeTerm {
      return require('placeTypes', code) as PlaceTypeTerm;
    },
    /** The term whose code or label (either language, any case) is `text`, or null. */
    find<V extends VocabularyName>(vocabulary: V, text: string): Vocabularies[V][number] | null {
      const wanted = text.trim().toLowerCase();
      return (
        (all()[vocabulary] as Array<Vocabularies[V][number]>).find(
          (t) => t.code === wanted || t.labelEn.toLowerCase() === wanted || t.labelFa === text.trim() || t.code === wanted.replace(/\s+/g, '-'),
        ) ?? null
      );
    },
    invalidate(): void {
      cache = null;
    },
  };
}

export type VocabulariesService = ReturnType<typeof createVocabulariesService>;
