/** SQL over exhibit sets and exhibits. */
import type { ExhibitSetSummary } from '../../shared/dto';
import type { ExhibitSetId } from '../../shared/ids';
import type { Db } from '../db/open-database';

export function createExhibitsRepository(db: Db) {
  const sets = db.prepare(`
    SELECT s.id, s.name, s.prefix,
      (SELECT count(*) FROM exhibits e WHERE e.set_id = s.id AND e.withdrawn_at IS NULL) AS exhibitCount
    FROM exhibit_sets s ORDER BY s.name`);
  return {
    listSets(): ExhibitSetSummary[] {
      return (sets.all() as Array<ExhibitSetSummary & { id: number }>).map((s) => ({
        ...s,
        id: s.id as ExhibitSetId,
      }));
    },
  };
}
