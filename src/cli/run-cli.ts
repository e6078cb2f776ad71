/**
 * The `vigil` command (DESIGN.md §9): the same core as the desktop app, for batch work and scripting.
 * Errors go to stderr as one sentence; `--json` output goes to stdout only. Exit 0 success, 1 failure,
 * 2 usage error.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { Actor, VerifyReport } from '../shared/dto';
import { CatalogueError } from '../shared/errors';
import { VIGIL_VERSION } from '../shared/version';
import { createCore } from '../core/api/create-core';
import type { Core } from '../core/api/core-types';
import { defaultUserDataDir, loadWorkstationId, resolveCatalogueDir } from '../core/paths';
import { startWebHost } from '../host/web-host';
import { EXIT, type CliContext } from './cli-context';
import { itemJson } from './item-json';
import { createImportProgressBar } from './progress-bar';
import { parseRef } from '../shared/ids';
import type { ImportSummary } from '../shared/dto';
import { terminalText } from './terminal-text';
import { MAX_PAGE } from '../shared/api';

class ExitWith extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

interface GlobalOptions {
  catalogue?: string;
  actor?: string;
  organisation?: string;
}

function formatVerify(report: VerifyReport): string {
  const lines = report.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}${c.ok ? '' : `: ${c.problems.length} problem(s)`}`);
  for (const check of report.checks) for (const p of check.problems) lines.push(`      ${terminalText(p)}`);
  for (const check of report.checks) for (const note of check.notes ?? []) lines.push(`note  ${terminalText(note)}`);
  lines.push(report.ok ? 'The catalogue is intact.' : 'The catalogue failed verification: see the problems above.');
  return lines.join('\n') + '\n';
}

export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const platformInfo = { platform: ctx.platform, env: ctx.env, homedir: ctx.homedir };
  const userDataDir = defaultUserDataDir(platformInfo);

  async function openCore(program: Command): Promise<Core> {
    const opts = program.opts<GlobalOptions>();
    const actor: Actor | undefined = opts.actor ? { name: opts.actor, organisation: opts.organisation ?? '' } : undefined;
    return createCore({
      catalogueDir: resolveCatalogueDir(opts.catalogue, platformInfo),
      workstationId: loadWorkstationId(userDataDir),
      appVersion: VIGIL_VERSION,
      actor,
    });
  }

  const program = new Command('vigil')
    .description('Vigil: an offline evidence catalogue. Every command works on one catalogue folder.')
    .version(VIGIL_VERSION)
    .addOption(new Option('--catalogue <dir>', 'the catalogue folder (default: $VIGIL_CATALOGUE, else the one in your user-data folder)'))
    .addOption(new Option('--actor <name>', 'who is acting, for the custody log (default: the name saved in the catalogue)'))
    .addOption(new Option('--organisation <name>', 'the actor\'s organisation, with --actor'))
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) })
    .exitOverride()
    .showHelpAfterError('(run `vigil --help` for usage)');

  program
    .command('init')
    .description('create the catalogue folder, or check that an existing one opens')
    .action(async () => {
      const catalogueDir = resolveCatalogueDir(program.opts<GlobalOptions>().catalogue, platformInfo);
      const existed = existsSync(join(catalogueDir, 'catalogue.sqlite'));
      const core = await openCore(program);
      try {
        const status = await core.api.getStatus();
        ctx.stdout.write(
          `${existed ? 'Catalogue ready' : 'Created catalogue'} "${status.name}" at ${core.catalogueDir} (schema ${status.schemaVersion}, id ${status.catalogueId}).\n`,
        );
      } finally {
        await core.close();
      }
    });

  program
    .command('import')
    .description('import files and folders (recursively) into the vault, with their metadata and custody events')
    .argument('<path...>', 'files or folders')
    .option('--json', 'print one summary object on stdout')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const core = await openCore(program);
      const bar = createImportProgressBar(ctx.stderr as NodeJS.WritableStream & { isTTY?: boolean });
      let summary: ImportSummary;
      try {
        summary = await core.importPaths(paths, { signal: ctx.signal, onProgress: (p) => bar.update(p) });
      } finally {
        bar.stop();
        await core.close();
      }
      if (opts.json) {
        const { cancelled, ...rest } = summary;
        ctx.stdout.write(JSON.stringify(cancelled ? { ...rest, cancelled } : rest) + '\n');
      } else {
        ctx.stdout.write(`Imported ${summary.imported} file(s); ${summary.duplicates} already in the catalogue; ${summary.failed.length} failed.\n`);
        for (const f of summary.failed) ctx.stdout.write(`  failed   ${terminalText(f.path)}: ${terminalText(f.reason)}\n`);
        for (const w of summary.warnings) ctx.stdout.write(`  warning  ${terminalText(w.path)}: ${terminalText(w.reason)}\n`);
        if (summary.cancelled) ctx.stdout.write('Stopped before the end: the files listed as imported are complete, the rest were not imported.\n');
      }
      if (summary.failed.length > 0 || summary.cancelled) throw new ExitWith(EXIT.failed);
    });

  program
    .command('list')
    .description('list the items: one line each, or JSON Lines with --json')
    .option('--json', 'one JSON object per item per line')
    .action(async (opts: { json?: boolean }) => {
      const core = await openCore(program);
      try {
        for (let offset = 0; ; offset += MAX_PAGE) {
          const page = await core.api.listItems({ offset, limit: MAX_PAGE, sort: 'imported' });
          for (const row of page.rows) {
            if (opts.json) ctx.stdout.write(JSON.stringify(itemJson(await core.api.getItem({ id: row.id }))) + '\n');
            else ctx.stdout.write(`${row.ref}\t${row.kind}\t${row.takenAt ?? '-'}\t${JSON.stringify(row.originalName)}\n`);
          }
          if (offset + page.rows.length >= page.total || page.rows.length === 0) break;
        }
      } finally {
        await core.close();
      }
    });

  program
    .command('show')
    .description('show one record by its reference (e.g. ITM-000123)')
    .argument('<ref>', 'the reference code')
    .option('--json', 'print the record as JSON')
    .action(async (ref: string, opts: { json?: boolean }) => {
      const parsed = parseRef(ref);
      if (!parsed) throw new CommanderError(EXIT.usage, 'vigil.usage', `"${ref}" is not a reference code such as ITM-000123.`);
      if (parsed.kind !== 'item') throw new CatalogueError('NOT_FOUND', `Showing ${ref} arrives with the issue that builds ${parsed.kind} records.`);
      const core = await openCore(program);
      try {
        const item = await core.api.getItem({ id: parsed.id });
        if (opts.json) {
          ctx.stdout.write(JSON.stringify({ ...itemJson(item), occurrences: item.occurrences, warnings: item.metadataWarnings, sensitiveFields: item.sensitiveFields, custody: item.custody }) + '\n');
        } else {
          const json = itemJson(item);
          for (const [key, value] of Object.entries(json)) {
            if (value === null || (Array.isArray(value) && value.length === 0)) continue;
            const sensitive = item.sensitiveFields.includes(key) ? '  [sensitive]' : '';
            ctx.stdout.write(`${key.padEnd(13)} ${typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value)}${sensitive}\n`);
          }
          for (const w of item.metadataWarnings) ctx.stdout.write(`warning       ${w}\n`);
          ctx.stdout.write(`custody       ${item.custody.length} event(s): ${item.custody.map((c) => c.action).join(', ')}\n`);
        }
      } finally {
        await core.close();
      }
    });

  program
    .command('verify')
    .description('check the database and the custody log; exits 1 and names each problem')
    .option('--json', 'print the report as JSON on stdout')
    .action(async (opts: { json?: boolean }) => {
      const core = await openCore(program);
      let report: VerifyReport;
      try {
        report = await core.api.verify();
      } finally {
        await core.close();
      }
      ctx.stdout.write(opts.json ? JSON.stringify(report) + '\n' : formatVerify(report));
      if (!report.ok) throw new ExitWith(EXIT.failed);
    });

  program
    .command('web')
    .description('serve Vigil to a browser on this computer only (127.0.0.1); prints the address to open')
    .option('--port <n>', 'port to listen on; 0 picks a free one', '0')
    .action(async (opts: { port: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new CommanderError(EXIT.usage, 'vigil.usage', `--port must be a whole number from 0 to 65535, not "${opts.port}".`);
      }
      if (!existsSync(join(ctx.rendererDir, 'index.html'))) {
        throw new CatalogueError('IO', 'The app\'s web files are missing: run `npm run build` in the Vigil folder, then try again.');
      }
      const core = await openCore(program);
      try {
        const host = await startWebHost({ core, rendererDir: ctx.rendererDir, port });
        ctx.stdout.write(`${host.url}\n`);
        if (ctx.stderr.isTTY) ctx.stderr.write(`Serving catalogue ${core.catalogueDir}. Press Ctrl+C to stop.\n`);
        await new Promise<void>((resolve) => {
          if (ctx.signal.aborted) resolve();
          ctx.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        await host.close();
      } finally {
        await core.close();
      }
    });

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
      ctx.stderr.write(`vigil: ${error.message}\n`);
      return EXIT.failed;
    }
    ctx.stderr.write(`vigil: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    return EXIT.failed;
  }
}
