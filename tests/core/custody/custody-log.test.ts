import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCustodyLog, GENESIS_HASH, hashCustodyRow } from '../../../src/core/custody/custody-log';
import { migrate } from '../../../src/core/db/migrate';
import { createCustodyRepository } from '../../../src/core/custody/custody-repository';
import { useTempDirs } from '../../helpers/temp-dir';

describe('custody log', () => {
  const tempDir = useTempDirs();

  function setup() {
    const db = new Database(':memory:');
    migrate(db, { backupsDir: tempDir(), now: new Date() });
    let tick = 0;
    const log = createCustodyLog(createCustodyRepository(db), {
      catalogueId: 'cat-1',
      workstationId: 'ws-1',
      toolVersion: '9.9.9',
      timeZone: 'Europe/Stockholm',
      now: () => new Date(Date.UTC(2026, 10, 27, 10, 0, tick++)),
      actor: () => ({ name: 'Archivist', organisation: 'Archive' }),
    });
    const tamper = (sql: string) => {
      db.exec('DROP TRIGGER custody_events_no_update; DROP TRIGGER custody_events_no_delete;');
      db.exec(sql);
    };
    return { db, log, tamper };
  }

  it('chains each row to the one before and verifies clean', () => {
    const { log } = setup();
    const a = log.append({ action: 'acquired', targetType: 'item', targetRef: 'ITM-000001', sha256After: 'f'.repeat(64) });
    const b = log.append({ action: 'metadata-extracted', targetType: 'item', targetRef: 'ITM-000001', details: { fields: 3, note: 'ایران' } });
    expect(a.seq).toBe(1);
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    expect(a.at).toBe('2026-11-27T10:00:00.000Z');
    expect(a.timeZone).toBe('Europe/Stockholm');
    const { hash, ...rest } = b;
    expect(hashCustodyRow(rest)).toBe(hash);
    expect(log.head()).toEqual({ seq: 2, hash: b.hash });
    expect(log.verifyChain()).toEqual([]);
  });

  it('records strings with unpaired surrogates (possible in Windows file names) with U+FFFD, and verifies', () => {
    const { log } = setup();
    const row = log.append({ action: 'acquired', details: { originalName: 'bad\ud800name.jpg', ['key\udc00']: 1 } });
    expect(row.details).toEqual({ originalName: 'bad\ufffdname.jpg', ['key\ufffd']: 1 });
    log.append({ action: 'after' });
    expect(log.verifyChain()).toEqual([]);
  });

  it('names the row whose content was edited', () => {
    const { log, tamper } = setup();
    for (let i = 0; i < 4; i++) log.append({ action: 'record-edited', details: { i } });
    tamper("UPDATE custody_events SET actor = 'Someone else' WHERE seq = 3");
    expect(log.verifyChain()).toEqual([{ seq: 3, problem: 'its content no longer matches its hash' }]);
  });

  it('names the row after a deleted one', () => {
    const { log, tamper } = setup();
    for (let i = 0; i < 4; i++) log.append({ action: 'record-edited', details: { i } });
    tamper('DELETE FROM custody_events WHERE seq = 2');
    const problems = log.verifyChain();
    expect(problems.map((p) => p.seq)).toEqual([3, 3]);
    expect(problems[0]!.problem).toMatch(/missing or reordered/);
  });

  it('detects details rewritten in the JSON column', () => {
    const { log, tamper } = setup();
    log.append({ action: 'exported', details: { files: 10 } });
    tamper(`UPDATE custody_events SET details_json = '{"files":11}' WHERE seq = 1`);
    expect(log.verifyChain()).toEqual([{ seq: 1, problem: 'its content no longer matches its hash' }]);
  });

  it('detects a row whose hash was recomputed after an edit (the next row no longer links)', () => {
    const { log, tamper, db } = setup();
    log.append({ action: 'a' });
    log.append({ action: 'b' });
    const row = log.append({ action: 'c' });
    const first = db.prepare('SELECT * FROM custody_events WHERE seq = 1').get() as Record<string, unknown>;
    const forged = hashCustodyRow({
      seq: 1, at: first.at as string, timeZone: first.time_zone as string, actor: 'Forger', actorOrganisation: 'Archive',
      workstationId: 'ws-1', catalogueId: 'cat-1', action: 'a', targetType: null, targetRef: null, sha256Before: null,
      sha256After: null, tool: 'Vigil', toolVersion: '9.9.9', details: {}, prevHash: GENESIS_HASH,
    });
    tamper(`UPDATE custody_events SET actor = 'Forger', hash = '${forged}' WHERE seq = 1`);
    expect(log.verifyChain()).toEqual([{ seq: 2, problem: 'does not link to the row before it (previous hash differs)' }]);
    expect(row.seq).toBe(3);
  });
});
