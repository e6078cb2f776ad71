/**
 * Prepared statements for queries whose shape varies with a filter (a handful of shapes in practice): each
 * shape is prepared once and reused. The SQL text comes from fixed fragments; every value is bound.
 */
import type { Db } from './open-database';

export type Statement = ReturnType<Db['prepare']>;

export function createStatementCache(db: Db): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
}
