/**
 * The `vigil` command (DESIGN.md §9): the same core as the desktop app, for batch work and scripting.
 * Errors go to stderr as one sentence; `--json` output goes to stdout only. Exit 0 success, 1 failure,
 * 2 usage error. The commands live in commands/, one module per area.
 */
import { Command, CommanderError, Option } from 'commander';
import { CatalogueError } from '../shared/errors';
import { VIGIL_VERSION } from '../shared/version';
import { ACTOR_HINT, createCliCore, ExitWith } from './cli-core';
import { EXIT, type CliContext } from './cli-context';
import { registerCatalogueCommands } from './commands/catalogue-commands';
import { registerItemsCommands } from './commands/items-commands';
import { registerPersonsCommands } from './commands/persons-commands';
import { registerPlacesCommands } from './commands/places-commands';
import { registerRecordsCommands } from './commands/records-commands';
import { terminalText } from './terminal-text';

export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const program = new Command('vigil')
    .description('Vigil: an offline evidence catalogue. Every command works on one catalogue folder.')
    .version(VIGIL_VERSION)
    .addOption(new Option('--catalogue <dir>', 'the catalogue folder (default: $VIGIL_CATALOGUE, else the one in your user-data folder)'))
    .addOption(new Option('--actor <name>', 'who is acting, for the custody log (default: the name saved in the catalogue)'))
    .addOption(new Option('--organisation <name>', "the actor's organisation, with --actor"))
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) })
    .exitOverride()
    .showHelpAfterError('(run `vigil --help` for usage)');
  const cli = createCliCore(program, ctx);
  registerCatalogueCommands(program, ctx, cli);
  registerItemsCommands(program, ctx, cli);
  registerPersonsCommands(program, ctx, cli);
  registerPlacesCommands(program, ctx, cli);
  registerRecordsCommands(program, ctx, cli);
  // Subcommands (`persons import`, `actor set`) stop at their own errors too.
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ExitWith) return error.code;
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      if (error.code === 'vigil.usage') ctx.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof CatalogueError) {
      const hint = error.code === 'ACTOR_REQUIRED' ? ` ${ACTOR_HINT}` : '';
      ctx.stderr.write(`vigil: ${terminalText(error.message)}${hint}\n`);
      return EXIT.failed;
    }
    ctx.stderr.write(`vigil: unexpected error: ${terminalText((error as Error)?.message ?? String(error))}\n`);
    return EXIT.failed;
  }
}
