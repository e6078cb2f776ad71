import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVaultFolderSync } from '../../../src/core/ingest/vault-writer';

describe('vault folder sync', () => {
  const vault = join('/catalogue', 'vault');
  const leaf = (ab: string, cd: string) => join(vault, ab, cd);

  function recorder() {
    const calls: string[][] = [];
    const sync = async (folders: Iterable<string>) => {
      calls.push([...folders].sort());
    };
    return { calls, sync };
  }

  it('syncs a folder used for the first time together with its parents, later only the folder itself', async () => {
    const { calls, sync } = recorder();
    const syncFolders = createVaultFolderSync(vault, sync);
    await syncFolders([leaf('ab', 'cd')]);
    expect(calls[0]).toEqual([vault, join(vault, 'ab'), leaf('ab', 'cd')].sort());
    // A new sibling folder: its parent gained an entry; the vault folder did not.
    await syncFolders([leaf('ab', 'cd'), leaf('ab', 'ef'), leaf('ab', 'cd')]);
    expect(calls[1]).toEqual([join(vault, 'ab'), leaf('ab', 'cd'), leaf('ab', 'ef')].sort());
    await syncFolders([leaf('ab', 'ef')]);
    expect(calls[2]).toEqual([leaf('ab', 'ef')]);
  });

  it('forgets nothing it could not sync: the parents are synced again with the next batch', async () => {
    const { calls, sync } = recorder();
    let diskFails = true;
    const syncFolders = createVaultFolderSync(vault, async (folders) => {
      if (diskFails) throw new Error('EIO');
      await sync(folders);
    });
    await expect(syncFolders([leaf('12', '34')])).rejects.toThrow('EIO');
    diskFails = false;
    await syncFolders([leaf('12', '34')]);
    expect(calls[0]).toEqual([vault, join(vault, '12'), leaf('12', '34')].sort());
  });
});
