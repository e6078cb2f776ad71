/** The `list --json` / `show --json` item shape (DESIGN.md §9), with the meanings of fixtures/photos/expected.json. */
import type { ItemDetail } from '../shared/dto';

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
    tags: item.tags,
    // Links between items and persons arrive with the linking issue; the field is there from the start.
    links: [] as Array<{ ref: string; role: string }>,
  };
}
