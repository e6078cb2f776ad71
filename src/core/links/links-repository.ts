/** The only SQL over links. A link is read with both its ends, so either end can show it. */
import type { LinkEnd, LinkShape, LinkView, Reliability } from '../../shared/dto';
import { formatRef, type LinkId, type SourceId } from '../../shared/ids';
import type { Db } from '../db/open-database';

export interface LinkColumns {
  type: string;
  shape: LinkShape;
  itemId: number | null;
  personId: number | null;
  placeId: number | null;
  relatedItemId: number | null;
  relatedPersonId: number | null;
  relationship: string | null;
  certainty: string;
  sourceId: SourceId | null;
  note: string | null;
}

export interface LinkRecord extends LinkColumns {
  id: LinkId;
  globalId: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deletedReason: string | null;
}

interface DbLink {
  id: number;
  global_id: string;
  type: string;
  shape: LinkShape;
  item_id: number | null;
  person_id: number | null;
  place_id: number | null;
  related_item_id: number | null;
  related_person_id: number | null;
  relationship: string | null;
  certainty: string;
  source_id: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_reason: string | null;
}

const toRecord = (r: DbLink): LinkRecord => ({
  id: r.id as LinkId,
  globalId: r.global_id,
  type: r.type,
  shape: r.shape,
  itemId: r.item_id,
  personId: r.person_id,
  placeId: r.place_id,
  relatedItemId: r.related_item_id,
  relatedPersonId: r.related_person_id,
  relationship: r.relationship,
  certainty: r.certainty,
  sourceId: r.source_id as SourceId | null,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
  deletedReason: r.deleted_reason,
});

const personName = (alias: string, script: 'latin' | 'persian') =>
  `(SELECT name FROM person_names n WHERE n.person_id = ${alias}.id AND n.script = '${script}' ORDER BY n.is_preferred DESC, n.id LIMIT 1)`;

/** A link with the labels of both ends and its source, in one row. */
const VIEW = `
  SELECT l.*,
    coalesce(i.title, i.original_name) AS item_label,
    ${personName('p', 'latin')} AS person_latin, ${personName('p', 'persian')} AS person_fa,
    pl.name_latin AS place_latin, pl.name_fa AS place_fa,
    coalesce(ri.title, ri.original_name) AS related_item_label,
    ${personName('rp', 'latin')} AS related_latin, ${personName('rp', 'persian')} AS related_fa,
    s.title AS source_title, s.reliability AS source_reliability
  FROM links l
  LEFT JOIN items i ON i.id = l.item_id
  LEFT JOIN persons p ON p.id = l.person_id
  LEFT JOIN places pl ON pl.id = l.place_id
  LEFT JOIN items ri ON ri.id = l.related_item_id
  LEFT JOIN persons rp ON rp.id = l.related_person_id
  LEFT JOIN sources s ON s.id = l.source_id`;

interface DbView extends DbLink {
  item_label: string | null;
  person_latin: string | null;
  person_fa: string | null;
  place_latin: string | null;
  place_fa: string | null;
  related_item_label: string | null;
  related_latin: string | null;
  related_fa: string | null;
  source_title: string | null;
  source_reliability: Reliability | null;
}

function toView(r: DbView): LinkView {
  const item = (id: number, label: string | null): LinkEnd => ({ type: 'item', id, ref: formatRef('item', id), label: label ?? formatRef('item', id) });
  const person = (id: number, latin: string | null, fa: string | null): LinkEnd => ({
    type: 'person',
    id,
    ref: formatRef('person', id),
    label: latin ?? fa ?? formatRef('person', id),
    labelFa: fa,
  });
  const place = (id: number): LinkEnd => ({
    type: 'place',
    id,
    ref: formatRef('place', id),
    label: r.place_latin ?? r.place_fa ?? formatRef('place', id),
    labelFa: r.place_fa,
  });
  let from: LinkEnd;
  let to: LinkEnd;
  switch (r.shape) {
    case 'item-person':
      [from, to] = [item(r.item_id!, r.item_label), person(r.person_id!, r.person_latin, r.person_fa)];
      break;
    case 'item-place':
      [from, to] = [item(r.item_id!, r.item_label), place(r.place_id!)];
      break;
    case 'person-place':
      [from, to] = [person(r.person_id!, r.person_latin, r.person_fa), place(r.place_id!)];
      break;
    case 'person-person':
      [from, to] = [person(r.person_id!, r.person_latin, r.person_fa), person(r.related_person_id!, r.related_latin, r.related_fa)];
      break;
    case 'item-item':
      [from, to] = [item(r.item_id!, r.item_label), item(r.related_item_id!, r.related_item_label)];
      break;
  }
  return {
    id: r.id as LinkId,
    globalId: r.global_id,
    type: r.type,
    shape: r.shape,
    certainty: r.certainty,
    source:
      r.source_id !== null
        ? { id: r.source_id as SourceId, ref: formatRef('source', r.source_id), title: r.source_title ?? '', reliability: r.source_reliability ?? 'unknown' }
        : null,
    note: r.note,
    relationship: r.relationship,
    from,
    to,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function createLinksRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO links (id, global_id, type, shape, item_id, person_id, place_id, related_item_id, related_person_id, relationship,
      certainty, source_id, note, created_at, updated_at)
    VALUES (@id, @globalId, @type, @shape, @itemId, @personId, @placeId, @relatedItemId, @relatedPersonId, @relationship,
      @certainty, @sourceId, @note, @at, @at)`);
  const update = db.prepare(`
    UPDATE links SET certainty = @certainty, source_id = @sourceId, note = @note, relationship = @relationship, updated_at = @at
    WHERE id = @id`);
  const setDeleted = db.prepare('UPDATE links SET deleted_at = ?, deleted_reason = ?, updated_at = ? WHERE id = ?');
  const setPlace = db.prepare('UPDATE links SET place_id = ?, updated_at = ? WHERE id = ?');
  const liveForPlace = db.prepare('SELECT * FROM links WHERE place_id = ? AND deleted_at IS NULL ORDER BY id');
  const byId = db.prepare('SELECT * FROM links WHERE id = ?');
  const byGlobalId = db.prepare('SELECT * FROM links WHERE global_id = ?');
  const viewById = db.prepare(`${VIEW} WHERE l.id = ?`);
  const live = db.prepare(`
    SELECT * FROM links WHERE deleted_at IS NULL AND type = @type AND coalesce(item_id, 0) = coalesce(@itemId, 0)
      AND coalesce(person_id, 0) = coalesce(@personId, 0) AND coalesce(place_id, 0) = coalesce(@placeId, 0)
      AND coalesce(related_item_id, 0) = coalesce(@relatedItemId, 0) AND coalesce(related_person_id, 0) = coalesce(@relatedPersonId, 0)`);
  const forItem = db.prepare(`${VIEW} WHERE l.deleted_at IS NULL AND (l.item_id = @id OR l.related_item_id = @id) ORDER BY l.type, l.id`);
  const forPerson = db.prepare(`${VIEW} WHERE l.deleted_at IS NULL AND (l.person_id = @id OR l.related_person_id = @id) ORDER BY l.type, l.id`);
  const forPlace = db.prepare(`${VIEW} WHERE l.deleted_at IS NULL AND l.place_id = @id ORDER BY l.type, l.id`);

  return {
    /** Inserts a link; `id` restores one under its old number (undo). */
    insert(fields: LinkColumns & { globalId: string; at: string }, id: number | null = null): LinkId {
      return Number(insert.run({ ...fields, id }).lastInsertRowid) as LinkId;
    },
    update(id: LinkId, fields: Pick<LinkColumns, 'certainty' | 'sourceId' | 'note' | 'relationship'>, at: string): void {
      update.run({ ...fields, id, at });
    },
    setDeleted(id: number, at: string | null, reason: string | null, updatedAt: string): void {
      setDeleted.run(at, reason, updatedAt, id);
    },
    /** Moves a link's place end to another place (merging two places). */
    setPlace(id: number, placeId: number, updatedAt: string): void {
      setPlace.run(placeId, updatedAt, id);
    },
    /** The live links with this place at one end, as stored. */
    liveForPlace(placeId: number): LinkRecord[] {
      return (liveForPlace.all(placeId) as DbLink[]).map(toRecord);
    },
    get(id: number): LinkRecord | null {
      const row = byId.get(id) as DbLink | undefined;
      return row ? toRecord(row) : null;
    },
    byGlobalId(globalId: string): LinkRecord | null {
      const row = byGlobalId.get(globalId) as DbLink | undefined;
      return row ? toRecord(row) : null;
    },
    view(id: number): LinkView | null {
      const row = viewById.get(id) as DbView | undefined;
      return row ? toView(row) : null;
    },
    /** The live link of this type between these records, if there is one. */
    findLive(fields: Pick<LinkColumns, 'type' | 'itemId' | 'personId' | 'placeId' | 'relatedItemId' | 'relatedPersonId'>): LinkRecord | null {
      const row = live.get(fields) as DbLink | undefined;
      return row ? toRecord(row) : null;
    },
    forItem(id: number): LinkView[] {
      return (forItem.all({ id }) as DbView[]).map(toView);
    },
    forPerson(id: number): LinkView[] {
      return (forPerson.all({ id }) as DbView[]).map(toView);
    },
    forPlace(id: number): LinkView[] {
      return (forPlace.all({ id }) as DbView[]).map(toView);
    },
  };
}

export type LinksRepository = ReturnType<typeof createLinksRepository>;
