/**
 * What every command shares: opening the catalogue (creating it only for `init`), the actor for this run,
 * exit statuses, and how a failure becomes one sentence on stderr.
 */
import type { Command } from 'commander';
import { CommanderError } from 'commander';
import type { Actor } from '../shared/dto';
import { CatalogueError } from '../shared/errors';
import { parseRef, type RefKind } from '../shared/ids';
import { VIGIL_VERSION } from '../shared/version';
import { createCore } from '../core/api/create-core';
import type { Core } from '../core/api/core-types';
import { defaultUserDataDir, loadWorkstationId, resolveCatalogueDir } from '../core/paths';
import { EXIT, type CliContext } from './cli-context';

/** Thrown to end a command with a status after its output is written. */
export class ExitWith extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export interface GlobalOptions {
  catalogue?: string;
  actor?: string;
  organisation?: string;
}

export function usageError(message: string): CommanderError {
  return new CommanderError(EXIT.usage, 'vigil.usage', message);
}

/** How to say who is acting, for the sentence that refuses an anonymous change. */
export const ACTOR_HINT =
  'Say who you are with --actor NAME --organisation ORG for this command, or save it for this catalogue with: vigil actor set NAME --organisation ORG';

export function createCliCore(program: Command, ctx: CliContext) {
  const platformInfo = { platform: ctx.platform, env: ctx.env, homedir: ctx.homedir };
  const userDataDir = defaultUserDataDir(platformInfo);

  const catalogueDir = () => resolveCatalogueDir(program.opts<GlobalOptions>().catalogue, platformInfo);

  function actorOption(): Actor | undefined {
    const opts = program.opts<GlobalOptions>();
    return opts.actor ? { name: opts.actor, organisation: opts.organisation ?? '' } : undefined;
  }

  async function open(options: { create?: boolean } = {}): Promise<Core> {
    const dir = catalogueDir();
    const actor = actorOption();
    try {
      return await createCore({
        catalogueDir: dir,
        create: options.create ?? false,
        workstationId: loadWorkstationId(userDataDir),
        appVersion: VIGIL_VERSION,
        ...(actor ? { actor } : {}),
      });
    } catch (error) {
      if (error instanceof CatalogueError && error.code === 'NOT_FOUND' && !options.create) {
        throw new CatalogueError('NOT_FOUND', `${error.message} To make a new catalogue there, run: vigil --catalogue "${dir}" init`);
      }
      throw error;
    }
  }

  /** Opens the catalogue, runs `body`, and always closes it. */
  async function withCore<T>(body: (core: Core) => Promise<T>, options: { create?: boolean } = {}): Promise<T> {
    const core = await open(options);
    try {
      return await body(core);
    } finally {
      await core.close();
    }
  }

  return { catalogueDir, actorOption, open, withCore };
}

export type CliCore = ReturnType<typeof createCliCore>;

/** Reads a reference code of one of the given kinds, or fails with a usage error naming what was expected. */
export function refOf(text: string, kinds: RefKind[], example: string): { kind: RefKind; id: number } {
  const parsed = parseRef(text);
  if (!parsed || !kinds.includes(parsed.kind)) throw usageError(`"${text}" is not a reference such as ${example}.`);
  return parsed;
}
