/**
 * Every change to the catalogue goes through here: one transaction, one change id for the custody events it
 * writes (the unit undo takes back), and one announcement to the windows once it has committed. A request
 * that changed nothing writes no event and announces nothing.
 */
import type { ChangedArea, Changed } from '../../shared/dto';
import type { CustodyLog } from '../custody/custody-log';
import type { Db } from '../db/open-database';
import type { EventBus } from '../events/event-bus';

export interface ChangeDeps {
  db: Db;
  custody: CustodyLog;
  events: EventBus;
}

export function createChangeRunner(deps: ChangeDeps) {
  return function runChange<T>(areas: ChangedArea[], body: () => T): Changed<T> {
    const { value, changeId } = deps.db.transaction(() => deps.custody.inChange(body))();
    if (changeId) deps.events.emit({ type: 'catalogue-changed', what: areas });
    return { changeId, record: value };
  };
}

export type RunChange = ReturnType<typeof createChangeRunner>;
