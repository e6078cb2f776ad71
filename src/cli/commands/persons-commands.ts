/** `persons import` and `persons export`: lists of persons as CSV (fixtures/persons/README.md). */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CatalogueError } from '../../shared/errors';
import { ExitWith, type CliCore } from '../cli-core';
import { EXIT, type CliContext } from '../cli-context';
import { createJobProgressBar } from '../progress-bar';
import { terminalText } from '../terminal-text';

export function registerPersonsCommands(program: Command, ctx: CliContext, cli: CliCore): void {
  const persons = program.command('persons').description('import and export persons as CSV');
  const stderr = ctx.stderr as NodeJS.WritableStream & { isTTY?: boolean };

  persons
    .command('import')
    .description('import persons from a CSV file; re-importing the same file changes nothing, a changed row updates its person')
    .argument('<file>', 'the CSV file (columns: ref, name_fa, name_latin, ...)')
    .option('--json', 'print {"created", "updated", "unchanged", "invalid"} on stdout')
    .action(async (file: string, opts: { json?: boolean }) => {
      const bar = createJobProgressBar(stderr, { phase: 'Importing', unit: 'rows' });
      let summary;
      try {
        summary = await cli.withCore((core) => core.importPersonsCsv(file, { signal: ctx.signal, onProgress: (p) => bar.update(p) }));
      } finally {
        bar.stop();
      }
      if (opts.json) {
        const { cancelled, ...rest } = summary;
        ctx.stdout.write(JSON.stringify(cancelled ? { ...rest, cancelled } : rest) + '\n');
      } else {
        ctx.stdout.write(`Created ${summary.created} person(s); updated ${summary.updated}; ${summary.unchanged} unchanged; ${summary.invalid.length} problem(s).\n`);
        for (const p of summary.invalid) ctx.stdout.write(`  row ${p.row}, ${terminalText(p.column)}: ${terminalText(p.reason)}\n`);
        if (summary.cancelled) ctx.stdout.write('Stopped before the end: the rows before the stop are imported, the rest are not.\n');
      }
      if (summary.invalid.length > 0 || summary.cancelled) throw new ExitWith(EXIT.failed);
    });

  persons
    .command('export')
    .description('write every person (names verbatim, cells safe from spreadsheet formulas) to a CSV file that imports back')
    .argument('<file>', 'the CSV file to write')
    .option('--force', 'replace the file if it exists')
    .action(async (file: string, opts: { force?: boolean }) => {
      if (existsSync(file) && !opts.force) throw new CatalogueError('CONFLICT', `${file} already exists: choose another name, or add --force to replace it.`);
      const bar = createJobProgressBar(stderr, { phase: 'Exporting', unit: 'persons' });
      let summary;
      try {
        summary = await cli.withCore((core) => core.exportPersons(file, { signal: ctx.signal, onProgress: (p) => bar.update(p) }));
      } finally {
        bar.stop();
      }
      if (summary.cancelled) {
        ctx.stdout.write('Stopped before the end: nothing was written.\n');
        throw new ExitWith(EXIT.failed);
      }
      ctx.stdout.write(`Exported ${summary.rows} person(s) to ${terminalText(file)}.\n`);
    });
}
