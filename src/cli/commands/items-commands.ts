/** `import`, `list` and `show`: items, and any record by its reference. */
import type { Command } from 'commander';
import type { ImportSummary } from '../../shared/dto';
import { CatalogueError } from '../../shared/errors';
import { MAX_PAGE } from '../../shared/api';
import type { ItemId, PersonId, PlaceId } from '../../shared/ids';
import { ExitWith, refOf, type CliCore } from '../cli-core';
import { EXIT, type CliContext } from '../cli-context';
import { itemJson } from '../item-json';
import { createImportProgressBar } from '../progress-bar';
import { personText, placeText } from '../record-text';
import { terminalText } from '../terminal-text';

export function registerItemsCommands(program: Command, ctx: CliContext, cli: CliCore): void {
  program
    .command('import')
    .description('import files and folders (recursively) into the vault, with their metadata and custody events')
    .argument('<path...>', 'files or folders')
    .option('--json', 'print one summary object on stdout')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const bar = createImportProgressBar(ctx.stderr as NodeJS.WritableStream & { isTTY?: boolean });
      let summary: ImportSummary;
      try {
        summary = await cli.withCore((core) => core.importPaths(paths, { signal: ctx.signal, onProgress: (p) => bar.update(p) }));
      } finally {
        bar.stop();
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
      await cli.withCore(async (core) => {
        for (let offset = 0; ; offset += MAX_PAGE) {
          const page = await core.api.listItems({ offset, limit: MAX_PAGE, sort: 'imported' });
          for (const row of page.rows) {
            if (opts.json) ctx.stdout.write(JSON.stringify(itemJson(await core.api.getItem({ id: row.id }))) + '\n');
            else ctx.stdout.write(`${row.ref}\t${row.kind}\t${row.takenAt ?? '-'}\t${JSON.stringify(row.originalName)}\n`);
          }
          if (offset + page.rows.length >= page.total || page.rows.length === 0) break;
        }
      });
    });

  program
    .command('show')
    .description('show one record by its reference: an item (ITM-000123), a person (V-000123) or a place (PL-000123)')
    .argument('<ref>', 'the reference code')
    .option('--json', 'print the record as JSON')
    .action(async (text: string, opts: { json?: boolean }) => {
      const ref = refOf(text, ['item', 'person', 'place'], 'ITM-000123, V-000123 or PL-000123');
      await cli.withCore(async (core) => {
        if (ref.kind === 'person') {
          const person = await core.api.getPerson({ id: ref.id as PersonId });
          ctx.stdout.write(opts.json ? JSON.stringify(person) + '\n' : personText(person));
          return;
        }
        if (ref.kind === 'place') {
          const place = await core.api.getPlace({ id: ref.id as PlaceId });
          ctx.stdout.write(opts.json ? JSON.stringify(place) + '\n' : placeText(place));
          return;
        }
        if (ref.kind !== 'item') throw new CatalogueError('NOT_FOUND', `There is no way to show ${text} yet.`);
        const item = await core.api.getItem({ id: ref.id as ItemId });
        if (opts.json) {
          ctx.stdout.write(
            JSON.stringify({ ...itemJson(item), globalId: item.globalId, description: item.description, sensitivity: item.sensitivity, acquisition: item.acquisition, occurrences: item.occurrences, warnings: item.metadataWarnings, sensitiveFields: item.sensitiveFields, custody: item.custody }) + '\n',
          );
          return;
        }
        for (const [key, value] of Object.entries(itemJson(item))) {
          if (value === null || (Array.isArray(value) && value.length === 0)) continue;
          const sensitive = item.sensitiveFields.includes(key) ? '  [sensitive]' : '';
          ctx.stdout.write(`${key.padEnd(13)} ${terminalText(JSON.stringify(value))}${sensitive}\n`);
        }
        for (const w of item.metadataWarnings) ctx.stdout.write(`warning       ${terminalText(w)}\n`);
        ctx.stdout.write(`custody       ${item.custody.length} event(s): ${item.custody.map((c) => c.action).join(', ')}\n`);
      });
    });
}
