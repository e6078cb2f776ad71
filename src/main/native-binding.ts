/**
 * Where the development build of better-sqlite3 for Electron lives, shared by the main process and
 * scripts/electron-start.ts. node_modules keeps the Node build so `npm test` and the CLI still work.
 */
import { join } from 'node:path';

/** The env var the start script uses to hand the main process the Electron build. */
export const SQLITE_BINDING_ENV = 'VIGIL_SQLITE_BINDING';
/** The copy of better-sqlite3 compiled for Electron, relative to the project root. */
export const ELECTRON_SQLITE_DIR = join('.electron-native', 'better-sqlite3');
export const ELECTRON_SQLITE_BINDING = join(ELECTRON_SQLITE_DIR, 'build', 'Release', 'better_sqlite3.node');
