/** The catalogue as a whole: status, actor, counts, custody events, verification, vocabularies. */
import type { LinkShape } from './links';

export interface Page<T> {
  rows: T[];
  total: number;
  offset: number;
}

export interface RecordCounts {
  items: number;
  persons: number;
  places: number;
  sources: number;
  tags: number;
  exhibitSets: number;
}

export interface Actor {
  name: string;
  organisation: string;
}

export interface CatalogueStatus {
  /** The catalogue folder's own name, shown in the status bar; never the full path. */
  name: string;
  catalogueId: string;
  schemaVersion: number;
  counts: RecordCounts;
  /** Who is recorded in the custody log for changes made now; null until the archivist has said. */
  actor: Actor | null;
}

export type Sensitivity = 'public' | 'restricted' | 'confidential';

export interface CustodyEvent {
  seq: number;
  at: string;
  timeZone: string;
  actor: string;
  actorOrganisation: string | null;
  action: string;
  targetType: string | null;
  targetRef: string | null;
  /** The record's global id (UUID), the same in every catalogue the record travels to. */
  targetGlobalId: string | null;
  /** Events written by one change share this id; undoing the change undoes them all. */
  changeId: string | null;
  sha256Before: string | null;
  sha256After: string | null;
  tool: string;
  toolVersion: string;
  details: Record<string, unknown>;
  hash: string;
}

/**
 * What every change to the catalogue returns: the changed record, and the id of the change (the custody
 * events it wrote) for undo; null when the request changed nothing.
 */
export interface Changed<T> {
  changeId: string | null;
  record: T;
}

export interface VerifyCheck {
  name: string;
  ok: boolean;
  problems: string[];
  /** What was found that is not a failure, such as a vault file no item refers to (untrusted text). */
  notes?: string[];
}

export interface VerifyReport {
  ok: boolean;
  checks: VerifyCheck[];
  /** True when the check was stopped before the end (what was checked is reported). */
  cancelled?: boolean;
}

/** A term of an open vocabulary (DESIGN.md §4): a row, addable without a schema change. */
export interface Term {
  code: string;
  labelEn: string;
  labelFa: string;
  /** The HURIDOCS Events Standard Formats term it corresponds to, where there is one. */
  standardTerm: string | null;
}

export interface PlaceTypeTerm extends Term {
  /** Places of this type hold graves: their coordinates are strictly confidential by default. */
  graves: boolean;
}

export interface LinkTypeTerm extends Term {
  shape: LinkShape;
  /** The label read from the other end ("Depicted in" for "Depicts"). */
  inverseLabelEn: string;
  inverseLabelFa: string;
}

export interface Vocabularies {
  roles: Term[];
  fates: Term[];
  certainty: Term[];
  placeTypes: PlaceTypeTerm[];
  linkTypes: LinkTypeTerm[];
  tagVocabularies: Term[];
}

export type VocabularyName = keyof Vocabularies;
