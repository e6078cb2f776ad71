/** The only SQL over the vocabulary tables: each term is a row (DESIGN.md §4). */
import type { LinkShape, LinkTypeTerm, PlaceTypeTerm, Term, Vocabularies } from '../../shared/dto';
import type { Db } from '../db/open-database';

interface DbTerm {
  code: string;
  label_en: string;
  label_fa: string;
  standard_term: string | null;
}

const toTerm = (r: DbTerm): Term => ({ code: r.code, labelEn: r.label_en, labelFa: r.label_fa, standardTerm: r.standard_term });

export function createVocabulariesRepository(db: Db) {
  const terms = (table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY sort, code`);
  const roles = terms('vocab_roles');
  const fates = terms('vocab_fates');
  const certainty = terms('vocab_certainty');
  const tagVocabularies = terms('tag_vocabularies');
  const placeTypes = terms('vocab_place_types');
  const linkTypes = terms('vocab_link_types');

  return {
    all(): Vocabularies {
      return {
        roles: (roles.all() as DbTerm[]).map(toTerm),
        fates: (fates.all() as DbTerm[]).map(toTerm),
        certainty: (certainty.all() as DbTerm[]).map(toTerm),
        tagVocabularies: (tagVocabularies.all() as DbTerm[]).map(toTerm),
        placeTypes: (placeTypes.all() as Array<DbTerm & { graves: number }>).map(
          (r): PlaceTypeTerm => ({ ...toTerm(r), graves: r.graves === 1 }),
        ),
        linkTypes: (linkTypes.all() as Array<DbTerm & { shape: LinkShape; inverse_label_en: string; inverse_label_fa: string }>).map(
          (r): LinkTypeTerm => ({ ...toTerm(r), shape: r.shape, inverseLabelEn: r.inverse_label_en, inverseLabelFa: r.inverse_label_fa }),
        ),
      };
    },
  };
}

export type VocabulariesRepository = ReturnType<typeof createVocabulariesRepository>;
