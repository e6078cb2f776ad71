/** The folders and files of a catalogue on disk (DESIGN.md §3). */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { derivedTempDir } from '../vault/vault-paths';

export interface CatalogueLayout {
  root: string;
  name: string;
  database: string;
  vault: string;
  derived: string;
  backups: string;
  /** Browser uploads waiting to be imported. */
  staging: string;
  /** Partial copies on their way into the vault. */
  vaultTemp: string;
  /** Previews being written (see make-previews.ts). */
  derivedTemp: string;
  /** Exports waiting to be downloaded by a browser; removed at the next open. */
  exports: string;
  lock: string;
}

export function catalogueLayout(dir: string): CatalogueLayout {
  const root = resolve(dir);
  return {
    root,
    name: basename(root),
    database: join(root, 'catalogue.sqlite'),
    vault: join(root, 'vault'),
    derived: join(root, 'derived'),
    backups: join(root, 'backups'),
    staging: join(root, 'staging'),
    vaultTemp: join(root, 'vault', '.tmp'),
    derivedTemp: derivedTempDir(join(root, 'derived')),
    exports: join(root, 'derived', 'exports'),
    lock: join(root, 'catalogue.lock'),
  };
}

export function ensureCatalogueFolders(layout: CatalogueLayout): void {
  for (const dir of [layout.root, layout.vault, layout.derived, layout.backups]) {
    mkdirSync(dir, { recursive: true });
  }
}

/** What is at a catalogue path: a catalogue, nothing yet (or an empty folder), or something else. */
export type CatalogueState = 'catalogue' | 'empty' | 'not-a-catalogue' | 'a-file';

export function catalogueState(layout: CatalogueLayout): CatalogueState {
  if (!existsSync(layout.root)) return 'empty';
  if (!statSync(layout.root).isDirectory()) return 'a-file';
  if (existsSync(layout.database)) return 'catalogue';
  return readdirSync(layout.root).length === 0 ? 'empty' : 'not-a-catalogue';
}
