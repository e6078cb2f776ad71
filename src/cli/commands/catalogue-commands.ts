/** `init`, `actor`, `verify` and `web`: the catalogue itself. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { VerifyReport } from '../../shared/dto';
import { CatalogueError } from '../../shared/errors';
import { startWebHost } from '../../host/web-host';
import { ExitWith, usageError, type CliCore, type GlobalOptions } from '../cli-core';
import { EXIT, type CliContext } from '../cli-context';
import { createJobProgressBar } from '../progress-bar';
import { terminalText } from '../terminal-text';

function formatVerify(report: VerifyReport): string {
  const lines = report.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}${c.ok ? '' : `: ${c.problems.length} problem(s)`}`);
  for (const check of report.checks) for (const p of check.problems) lines.push(`      ${terminalText(p)}`);
  for (const check of report.checks) for (const note of check.notes ?? []) lines.push(`note  ${terminalText(note)}`);
  lines.push(
    report.cancelled
      ? 'Stopped before the end: only the checks above were made.'
      : report.ok
        ? 'The catalogue is intact.'
        : 'The catalogue failed verification: see the problems above.',
  );
  return lines.join('\n') + '\n';
}

export function registerCatalogueCommands(program: Command, ctx: CliContext, cli: CliCore): void {
  program
    .command('init')
    .description('create a catalogue in a new or empty folder, or check that an existing one opens; with --actor and --organisation, save who is cataloguing')
    .action(async () => {
      const dir = cli.catalogueDir();
      const existed = existsSync(join(dir, 'catalogue.sqlite'));
      const { actor, organisation } = program.opts<GlobalOptions>();
      if (actor && !organisation) throw usageError('To save who is cataloguing, give --organisation too (e.g. --actor "Maryam Rezaei" --organisation "Archive").');
      await cli.withCore(
        async (core) => {
          if (actor && organisation) await core.api.setActor({ name: actor, organisation });
          const status = await core.api.getStatus();
          ctx.stdout.write(
            `${existed ? 'Catalogue ready' : 'Created catalogue'} "${status.name}" at ${core.catalogueDir} (schema ${status.schemaVersion}, id ${status.catalogueId}).\n`,
          );
          if (status.actor) ctx.stdout.write(`Changes are recorded as made by ${terminalText(status.actor.name)} (${terminalText(status.actor.organisation)}).\n`);
          else ctx.stdout.write('Nobody is saved as the actor yet: run `vigil actor set NAME --organisation ORG` before changing anything.\n');
        },
        { create: true },
      );
    });

  const actor = program.command('actor').description('show who is recorded as making changes in this catalogue');
  actor.action(async () => {
    await cli.withCore(async (core) => {
      const status = await core.api.getStatus();
      if (status.actor) ctx.stdout.write(`${terminalText(status.actor.name)} (${terminalText(status.actor.organisation)})\n`);
      else {
        ctx.stdout.write('Nobody is saved as the actor of this catalogue. Save one with: vigil actor set NAME --organisation ORG\n');
        throw new ExitWith(EXIT.failed);
      }
    });
  });
  actor
    .command('set')
    .description('save who is cataloguing: recorded with every change from now on (the change itself is logged)')
    .argument('<name>', 'your name as it should appear in the custody log')
    // --organisation is the program's own option (it also goes with --actor), read from there.
    .usage('NAME --organisation ORG')
    .action(async (name: string) => {
      const { organisation } = program.opts<GlobalOptions>();
      if (!organisation) throw usageError('Give your organisation too: vigil actor set NAME --organisation ORG');
      await cli.withCore(async (core) => {
        const saved = await core.api.setActor({ name, organisation });
        ctx.stdout.write(`Changes are now recorded as made by ${terminalText(saved.name)} (${terminalText(saved.organisation)}).\n`);
      });
    });

  program
    .command('verify')
    .description('check the database, re-hash every vault file and check the custody log; exits 1 and names each problem')
    .option('--json', 'print the report as JSON on stdout')
    .action(async (opts: { json?: boolean }) => {
      const bar = createJobProgressBar(ctx.stderr as NodeJS.WritableStream & { isTTY?: boolean }, { phase: 'Verifying', unit: 'steps' });
      let report: VerifyReport;
      try {
        report = await cli.withCore((core) => core.verify({ signal: ctx.signal, onProgress: (p) => bar.update(p) }));
      } finally {
        bar.stop();
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
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(`--port must be a whole number from 0 to 65535, not "${opts.port}".`);
      if (!existsSync(join(ctx.rendererDir, 'index.html'))) {
        throw new CatalogueError('IO', "The app's web files are missing: run `npm run build` in the Vigil folder, then try again.");
      }
      await cli.withCore(async (core) => {
        const host = await startWebHost({ core, rendererDir: ctx.rendererDir, port });
        ctx.stdout.write(`${host.url}\n`);
        if (ctx.stderr.isTTY) ctx.stderr.write(`Serving catalogue ${core.catalogueDir}. Press Ctrl+C to stop.\n`);
        await new Promise<void>((resolve) => {
          if (ctx.signal.aborted) resolve();
          ctx.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        await host.close();
      });
    });
}
