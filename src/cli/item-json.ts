/** The `list --json` / `show --json` item shape (DESIGN.md §9), with the meanings of fixtures/photos/expected.json. */
import type { ItemDetail, LinkView } from '../shared/dto';

/** A link's role as the command line names it: `depicts`, `mentions`, `about`, `derived-from`, ... */
export function linkRole(link: LinkView): string {
  return link.type.replace(/^item-/, '').replace(/-(person|place)$/, '');
}

export function itemJson(item: ItemDetail) {
  const photo = item.photo;
  return {
    ref: item.ref,
    kind: item.kind,
    sha256: item.sha256,
    size: item.size,
    mime: item.mime,
    originalName: item.originalName,
    title: item.title,
    takenAt: photo?.takenAt ?? null,
    gps: photo?.gps ?? null,
    make: photo?.make ?? null,
    model: photo?.model ?? null,
    serial: photo?.serial ?? null,
    lens: photo?.lens ?? null,
    software: photo?.software ?? null,
    orientation: photo?.orientation ?? null,
    width: item.width,
    height: item.height,
    caption: photo?.caption ?? null,
    keywords: photo?.keywords ?? [],
    creator: photo?.creator ?? item.document?.author ?? null,
    copyright: photo?.copyright ?? null,
    tags: item.tags.map((t) => t.labelEn ?? t.labelFa ?? ''),
    // Read from the item's end: the other record's reference and what the item is to it.
    links: item.links
      .filter((l) => l.from.type === 'item' && l.from.id === item.id)
      .map((l) => ({ ref: l.to.ref, role: linkRole(l) })),
  };
}
