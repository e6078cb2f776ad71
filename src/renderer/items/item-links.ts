/**
 * Links as the item panel and the selection bar show and make them: read from the item's end, with the link
 * type's label ("Depicts", "Mentions"), and the choices offered for a new link (the link types that join an
 * item to a person or a place, the certainty levels). The terms come from the catalogue's vocabularies, so a
 * term added there shows up here without a change to this code.
 */
import type { LinkEnd, LinkShape, LinkTypeTerm, LinkView, Term, Vocabularies } from '../../shared/dto';

export type LinkTarget = 'person' | 'place';

export const shapeOf: Record<LinkTarget, LinkShape> = { person: 'item-person', place: 'item-place' };

/** The link types that join an item to a person (depicts, mentions, is about) or to a place. */
export function linkTypesFor(vocabularies: Vocabularies | null, target: LinkTarget): LinkTypeTerm[] {
  return (vocabularies?.linkTypes ?? []).filter((t) => t.shape === shapeOf[target]);
}

/** "Reported" unless the catalogue has no such level: a link made without a word of certainty is a report. */
export function defaultCertainty(vocabularies: Vocabularies | null): string {
  const levels = vocabularies?.certainty ?? [];
  return levels.find((t) => t.code === 'reported')?.code ?? levels[0]?.code ?? 'reported';
}

export function termLabel(terms: readonly Term[] | undefined, code: string): string {
  return terms?.find((t) => t.code === code)?.labelEn ?? code;
}

/** A person's or place's name as lists show it: the Latin name, and the Persian one beside it when different. */
export function endName(end: Pick<LinkEnd, 'label' | 'labelFa'>): string {
  return end.labelFa && end.labelFa !== end.label ? `${end.label} · ${end.labelFa}` : end.label;
}

export interface ItemLinkRow {
  link: LinkView;
  /** The type's label read from the item ("Depicts"), or its inverse when the item is the other end. */
  label: string;
  /** The record at the other end. */
  other: LinkEnd;
}

/** Each link of an item, read from the item's end. */
export function linksFromItem(links: readonly LinkView[], itemId: number, vocabularies: Vocabularies | null): ItemLinkRow[] {
  return links.map((link) => {
    const term = vocabularies?.linkTypes.find((t) => t.code === link.type);
    const fromHere = link.from.type === 'item' && link.from.id === itemId;
    return {
      link,
      label: (fromHere ? term?.labelEn : term?.inverseLabelEn) ?? link.type,
      other: fromHere ? link.to : link.from,
    };
  });
}
