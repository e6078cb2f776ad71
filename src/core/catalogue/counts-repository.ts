/** Record counts for the status bar; soft-deleted and merged records are not counted. */
import type { RecordCounts } from '../../shared/dto';
import type { Db } from '../db/open-database';

export function createCountsRepository(db: Db) {
  const counts = db.prepare(`
    SELECT
      (SELECT count(*) FROM items WHERE deleted_at IS NULL) AS items,
      (SELECT count(*) FROM persons WHERE deleted_at IS NULL AND merged_into_id IS NULL) AS persons,
      (SELECT count(*) FROM places WHERE deleted_at IS NULL) AS places,
      (SELECT count(*) FROM sources WHERE deleted_at IS NULL) AS sources,
      (SELECT count(*) FROM tags) AS tags,
      (SELECT count(*) FROM exhibit_sets) AS exhibitSets`);
  return {
    counts(): RecordCounts {
      return counts.get() as RecordCounts;
    },
  };
}
