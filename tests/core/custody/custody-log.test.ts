import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCustodyLog, GENESIS_HASH, hashCustodyRow, SYSTEM_ACTOR } from '../../../src/core/custody/custody-log';
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

describe('custody log: actors, changes and the records an event names', () => {
  const tempDir = useTempDirs();

  function setup(actor: { name: string; organisation: string | null } | null) {
    const db = new Database(':memory:');
    migrate(db, { backupsDir: tempDir(), now: new Date() });
    const who = { current: actor };
    const repo = createCustodyRepository(db);
    const log = createCustodyLog(repo, {
      catalogueId: 'cat-1',
      workstationId: 'ws-1',
      toolVersion: '9.9.9',
      timeZone: 'Asia/Tehran',
      now: () => new Date(Date.UTC(2026, 10, 27, 10, 0, 0)),
      actor: () => who.current,
    });
    return { db, log, repo, who };
  }

  it('refuses an event without a named actor (ACTOR_REQUIRED), except Vigil’s own automatic steps', () => {
    const { log, who } = setup(null);
    expect(() => log.append({ action: 'record-created', targetType: 'person' })).toThrow(expect.objectContaining({ code: 'ACTOR_REQUIRED' }));
    expect(() => log.requireActor()).toThrow(expect.objectContaining({ code: 'ACTOR_REQUIRED' }));
    expect(log.count()).toBe(0);
    expect(log.append({ action: 'schema-migrated', system: true })).toMatchObject({ seq: 1, actor: SYSTEM_ACTOR, actorOrganisation: null });
    // The actor is read at each append: naming one lets changes through, under that name.
    who.current = { name: 'مریم', organisation: 'Archive' };
    expect(log.append({ action: 'record-created' })).toMatchObject({ seq: 2, actor: 'مریم', actorOrganisation: 'Archive' });
    expect(log.verifyChain()).toEqual([]);
  });

  it('gives every event of one change the same change id, and none when the change wrote nothing', () => {
    const { log, repo } = setup({ name: 'Archivist', organisation: 'Archive' });
    const outside = log.append({ action: 'acquired' });
    expect(outside.changeId).toBeUndefined();
    const { value, changeId } = log.inChange(() => {
      log.append({ action: 'tagged', targetGlobalId: '11111111-1111-4111-8111-111111111111' });
      // A change started inside a change is part of it.
      const inner = log.inChange(() => log.append({ action: 'tagged' }));
      return inner.changeId;
    });
    expect(changeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(value).toBe(changeId);
    expect(repo.forChange(changeId!).map((r) => r.seq)).toEqual([2, 3]);
    expect(log.inChange(() => 'nothing written')).toEqual({ value: 'nothing written', changeId: null });
    // A change that failed leaves no change open behind it.
    expect(() => log.inChange(() => { throw new Error('boom'); })).toThrow('boom');
    expect(log.append({ action: 'after' }).changeId).toBeUndefined();
    const second = log.inChange(() => log.append({ action: 'x' }));
    expect(second.changeId).not.toBe(changeId);
    expect(log.verifyChain()).toEqual([]);
  });

  it('hashes a target global id and change id when present, and finds an event from every record it names', () => {
    const { log, repo, db } = setup({ name: 'Archivist', organisation: null });
    const link = '22222222-2222-4222-8222-222222222222';
    const item = '33333333-3333-4333-8333-333333333333';
    const person = '44444444-4444-4444-8444-444444444444';
    const { value: row } = log.inChange(() => log.append({ action: 'linked', targetType: 'link', targetGlobalId: link, mentions: [item, person, null, item] }));
    expect(row.targetGlobalId).toBe(link);
    const { hash, ...rest } = row;
    expect(hashCustodyRow(rest)).toBe(hash);
    for (const id of [link, item, person]) expect(repo.forRecord(id).map((r) => r.seq)).toEqual([1]);
    expect(repo.forRecord('55555555-5555-4555-8555-555555555555')).toEqual([]);
    // Changing the stored global id breaks the row's hash.
    db.exec('DROP TRIGGER custody_events_no_update;');
    db.prepare('UPDATE custody_events SET target_global_id = ? WHERE seq = 1').run(person);
    expect(log.verifyChain()).toEqual([{ seq: 1, problem: 'its content no longer matches its hash' }]);
  });
});
