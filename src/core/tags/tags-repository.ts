/** The only SQL over tags and the tagging of items and persons. */
import type { TagDto, TagRef } from '../../shared/dto';
import type { TagId } from '../../shared/ids';
import type { Db } from '../db/open-database';

export interface TagColumns {
  vocabulary: string;
  parentId: TagId | null;
  labelEn: string | null;
  labelFa: string | null;
}

interface DbTag {
  id: number;
  global_id: string;
  vocabulary: string;
  parent_id: number | null;
  label_en: string | null;
  label_fa: string | null;
  standard_term: string | null;
  deleted_at: string | null;
  item_count?: number;
  person_count?: number;
}

export interface TagRecord extends TagDto {
  deletedAt: string | null;
}

const toRecord = (r: DbTag): TagRecord => ({
  id: r.id as TagId,
  globalId: r.global_id,
  vocabulary: r.vocabulary,
  parentId: r.parent_id as TagId | null,
  labelEn: r.label_en,
  labelFa: r.label_fa,
  standardTerm: r.standard_term,
  itemCount: r.item_count ?? 0,
  personCount: r.person_count ?? 0,
  deletedAt: r.deleted_at,
});

const toRef = (r: { id: number; vocabulary: string; label_en: string | null; label_fa: string | null }): TagRef => ({
  id: r.id as TagId,
  vocabulary: r.vocabulary,
  labelEn: r.label_en,
  labelFa: r.label_fa,
});

const COUNTS = `
  (SELECT count(*) FROM item_tags it JOIN items i ON i.id = it.item_id WHERE it.tag_id = t.id AND i.deleted_at IS NULL) AS item_count,
  (SELECT count(*) FROM person_tags pt JOIN persons p ON p.id = pt.person_id WHERE pt.tag_id = t.id AND p.deleted_at IS NULL) AS person_count`;

export function createTagsRepository(db: Db) {
  const all = db.prepare(`SELECT t.*, ${COUNTS} FROM tags t WHERE t.deleted_at IS NULL ORDER BY t.vocabulary, coalesce(t.label_en, t.label_fa) COLLATE NOCASE`);
  const byId = db.prepare(`SELECT t.*, ${COUNTS} FROM tags t WHERE t.id = ?`);
  const byGlobalId = db.prepare('SELECT * FROM tags WHERE global_id = ?');
  const byLabel = db.prepare(`
    SELECT * FROM tags WHERE deleted_at IS NULL AND (@vocabulary IS NULL OR vocabulary = @vocabulary)
      AND (label_en = @label COLLATE NOCASE OR label_fa = @label)
    ORDER BY CASE vocabulary WHEN 'free' THEN 1 ELSE 0 END, id LIMIT 1`);
  // The place of a tag is its vocabulary and broader term; a label is taken there by any tag whose English (any
  // case) or Persian label it is.
  const labelAt = db.prepare(`
    SELECT * FROM tags WHERE deleted_at IS NULL AND vocabulary = @vocabulary AND coalesce(parent_id, 0) = coalesce(@parentId, 0)
      AND id <> @exceptId AND (label_en = @label COLLATE NOCASE OR label_fa = @label)
    ORDER BY id LIMIT 1`);
  const deletedTwin = db.prepare(`
    SELECT * FROM tags WHERE deleted_at IS NOT NULL AND vocabulary = @vocabulary AND coalesce(parent_id, 0) = coalesce(@parentId, 0)
      AND coalesce(label_en, '') = coalesce(@labelEn, '') AND coalesce(label_fa, '') = coalesce(@labelFa, '') AND id <> @exceptId
    ORDER BY id LIMIT 1`);
  const insert = db.prepare(`
    INSERT INTO tags (global_id, vocabulary, parent_id, label_en, label_fa, created_at, updated_at)
    VALUES (@globalId, @vocabulary, @parentId, @labelEn, @labelFa, @at, @at)`);
  const update = db.prepare(`
    UPDATE tags SET vocabulary = @vocabulary, parent_id = @parentId, label_en = @labelEn, label_fa = @labelFa, updated_at = @at
    WHERE id = @id`);
  const setDeleted = db.prepare('UPDATE tags SET deleted_at = ?, deleted_reason = ?, updated_at = ? WHERE id = ?');
  const itemTags = db.prepare(`
    SELECT t.id, t.vocabulary, t.label_en, t.label_fa FROM item_tags it JOIN tags t ON t.id = it.tag_id
    WHERE it.item_id = ? AND t.deleted_at IS NULL ORDER BY coalesce(t.label_en, t.label_fa) COLLATE NOCASE`);
  const personTags = db.prepare(`
    SELECT t.id, t.vocabulary, t.label_en, t.label_fa FROM person_tags pt JOIN tags t ON t.id = pt.tag_id
    WHERE pt.person_id = ? AND t.deleted_at IS NULL ORDER BY coalesce(t.label_en, t.label_fa) COLLATE NOCASE`);
  const addItemTag = db.prepare('INSERT OR IGNORE INTO item_tags (item_id, tag_id) VALUES (?, ?)');
  const removeItemTag = db.prepare('DELETE FROM item_tags WHERE item_id = ? AND tag_id = ?');
  const addPersonTag = db.prepare('INSERT OR IGNORE INTO person_tags (person_id, tag_id) VALUES (?, ?)');
  const removePersonTag = db.prepare('DELETE FROM person_tags WHERE person_id = ? AND tag_id = ?');

  return {
    list(): TagDto[] {
      return (all.all() as DbTag[]).map((r) => {
        const { deletedAt: _deleted, ...dto } = toRecord(r);
        return dto;
      });
    },
    get(id: number): TagRecord | null {
      const row = byId.get(id) as DbTag | undefined;
      return row ? toRecord(row) : null;
    },
    byGlobalId(globalId: string): TagRecord | null {
      const row = byGlobalId.get(globalId) as DbTag | undefined;
      return row ? toRecord(row) : null;
    },
    /** A live tag whose English (any case) or Persian label is `label`; a vocabulary's own term before a free tag. */
    byLabel(label: string, vocabulary: string | null = null): TagRecord | null {
      const row = byLabel.get({ label, vocabulary }) as DbTag | undefined;
      return row ? toRecord(row) : null;
    },
    /** A live tag other than `exceptId` at the same place (vocabulary and broader term) with this label in either language. */
    labelTaken(label: string, at: Pick<TagColumns, 'vocabulary' | 'parentId'>, exceptId: number | null = null): TagRecord | null {
      const row = labelAt.get({ label, vocabulary: at.vocabulary, parentId: at.parentId, exceptId: exceptId ?? 0 }) as DbTag | undefined;
      return row ? toRecord(row) : null;
    },
    /** A deleted tag with exactly these labels at the same place (the unique index counts deleted tags too). */
    deletedTwin(columns: TagColumns, exceptId: number | null = null): TagRecord | null {
      const row = deletedTwin.get({ ...columns, exceptId: exceptId ?? 0 }) as DbTag | undefined;
      return row ? toRecord(row) : null;
    },
    insert(fields: TagColumns & { globalId: string; at: string }): TagId {
      return Number(insert.run(fields).lastInsertRowid) as TagId;
    },
    update(id: TagId, fields: TagColumns, at: string): void {
      update.run({ ...fields, id, at });
    },
    setDeleted(id: number, at: string | null, reason: string | null, updatedAt: string): void {
      setDeleted.run(at, reason, updatedAt, id);
    },
    forItem(itemId: number): TagRef[] {
      return (itemTags.all(itemId) as DbTag[]).map(toRef);
    },
    forPerson(personId: number): TagRef[] {
      return (personTags.all(personId) as DbTag[]).map(toRef);
    },
    /** True when the item did not have the tag before. */
    tagItem(itemId: number, tagId: number): boolean {
      return addItemTag.run(itemId, tagId).changes > 0;
    },
    untagItem(itemId: number, tagId: number): boolean {
      return removeItemTag.run(itemId, tagId).changes > 0;
    },
    tagPerson(personId: number, tagId: number): boolean {
      return addPersonTag.run(personId, tagId).changes > 0;
    },
    untagPerson(personId: number, tagId: number): boolean {
      return removePersonTag.run(personId, tagId).changes > 0;
    },
  };
}

export type TagsRepository = ReturnType<typeof createTagsRepository>;
