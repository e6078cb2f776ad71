/**
 * The desktop app's intake: the preload tells the page where a dropped or picked file lives on this computer
 * (Electron's webUtils.getPathForFile, and a native open dialog), and the core reads the files itself with
 * `importPaths`, folders included. Nothing is copied through the page.
 */
import type { CatalogueApi, JobRef } from '../../shared/api';
import type { OpenDialogKind, SaveDialogKind } from '../../shared/client';
import { createPathCsvTransfer } from './csv-transfer';
import { startInChunks, type DroppedItems, type IntakeOptions, type IntakePort } from './intake-port';

/** The optional members of `window.vigil` this needs (the preload adds them; older preloads lack them). */
export interface PathBridge {
  /** The file's path on this computer, or '' when it has none (dragged from another program's memory). */
  pathForFile(file: File): string;
  /** A native open dialog; [] when the user cancels. */
  pickPaths(kind: OpenDialogKind): Promise<string[]>;
  /** A native save dialog; null when the user cancels. Older preloads lack it: exports then cannot be made here. */
  pickSavePath?(kind: SaveDialogKind): Promise<string | null>;
}

/** importPaths takes at most this many paths per call (api-schemas). */
const PATHS_PER_JOB = 10_000;

export function isPathBridge(value: unknown): value is PathBridge {
  if (typeof value !== 'object' || value === null) return false;
  const bridge = value as Partial<Record<keyof PathBridge, unknown>>;
  return typeof bridge.pathForFile === 'function' && typeof bridge.pickPaths === 'function';
}

export function createPathIntake(deps: { api: Pick<CatalogueApi, 'importPaths'>; bridge: PathBridge }): IntakePort {
  const { api, bridge } = deps;
  const start = (paths: string[]): Promise<JobRef | null> =>
    paths.length === 0 ? Promise.resolve(null) : startInChunks(paths, PATHS_PER_JOB, (chunk) => api.importPaths({ paths: chunk }));

  const importFiles = async (files: File[], options?: IntakeOptions) => {
    const paths: string[] = [];
    for (const file of files) {
      let path = '';
      try {
        path = bridge.pathForFile(file);
      } catch {
        path = '';
      }
      if (typeof path === 'string' && path !== '') paths.push(path);
      else
        options?.onProblem?.({
          path: file.name,
          reason: 'Not imported: it is not a file on this computer (it may have come from another program). Save it to a folder first.',
        });
    }
    return start(paths);
  };

  return {
    transport: 'paths',
    csv: createPathCsvTransfer(bridge),
    importFiles,
    // A dropped folder has a path too; the core walks it, so there is nothing to read here.
    importDropped: (drop: DroppedItems, options?: IntakeOptions) => importFiles(drop.files, options),
    async pickAndImport(kind) {
      const paths = await bridge.pickPaths(kind);
      return start(Array.isArray(paths) ? paths.filter((p) => typeof p === 'string' && p !== '') : []);
    },
  };
}
