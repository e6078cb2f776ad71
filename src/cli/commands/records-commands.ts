/** `tag` and `link`: the archivist's daily edits, from the command line. */
import type { Command } from 'commander';
import type { ItemId, PersonId, PlaceId } from '../../shared/ids';
import { refOf, usageError, type CliCore } from '../cli-core';
import type { CliContext } from '../cli-context';
import { terminalText } from '../terminal-text';

const ROLES = { depicts: 'item-depicts-person', mentions: 'item-mentions-person', about: 'item-about-person' } as const;

export function registerRecordsCommands(program: Command, ctx: CliContext, cli: CliCore): void {
  program
    .command('tag')
    .description('tag an item or a person: each TAG is an existing tag (by its English or Persian label) or a new free tag')
    .argument('<ref>', 'the item (ITM-000123) or person (V-000123)')
    .argument('<tag...>', 'tag labels')
    .option('--remove', 'take these tags off instead')
    .action(async (text: string, labels: string[], opts: { remove?: boolean }) => {
      const ref = refOf(text, ['item', 'person'], 'ITM-000123 or V-000123');
      await cli.withCore(async (core) => {
        const tags = opts.remove ? await core.api.listTags() : [];
        const remove = opts.remove
          ? labels.map((label) => {
              const tag = tags.find((t) => t.labelEn?.toLowerCase() === label.toLowerCase() || t.labelFa === label);
              if (!tag) throw usageError(`There is no tag "${label}".`);
              return tag.id;
            })
          : [];
        const add = opts.remove ? [] : labels.map((label) => ({ label }));
        const result =
          ref.kind === 'item'
            ? await core.api.tagItems({ selection: { ids: [ref.id as ItemId] }, add, remove })
            : await core.api.tagPersons({ ids: [ref.id as PersonId], add, remove });
        const names = labels.map(terminalText).join(', ');
        ctx.stdout.write(
          result.record.changed === 0
            ? `${text.toUpperCase()} ${opts.remove ? 'did not have' : 'already had'}: ${names}. Nothing changed.\n`
            : `${opts.remove ? 'Removed from' : 'Tagged'} ${text.toUpperCase()}: ${names}.\n`,
        );
      });
    });

  program
    .command('link')
    .description('link an item to the person it shows or mentions (or to a place it shows)')
    .argument('<item>', 'the item (ITM-000123)')
    .argument('<record>', 'the person (V-000123) or place (PL-000123)')
    .option('--role <role>', 'for a person: depicts, mentions or about', 'depicts')
    .option('--certainty <level>', 'confirmed, reported, suspected or disputed', 'reported')
    .action(async (itemText: string, otherText: string, opts: { role: string; certainty: string }) => {
      const item = refOf(itemText, ['item'], 'ITM-000123');
      const other = refOf(otherText, ['person', 'place'], 'V-000123 or PL-000123');
      if (other.kind === 'person' && !(opts.role in ROLES)) throw usageError(`--role must be depicts, mentions or about, not "${opts.role}".`);
      await cli.withCore(async (core) => {
        const result = await core.api.createLink(
          other.kind === 'person'
            ? { type: ROLES[opts.role as keyof typeof ROLES], itemId: item.id as ItemId, personId: other.id as PersonId, certainty: opts.certainty }
            : { type: 'item-depicts-place', itemId: item.id as ItemId, placeId: other.id as PlaceId, certainty: opts.certainty },
        );
        const link = result.record;
        ctx.stdout.write(
          result.changeId
            ? `Linked ${link.from.ref} → ${link.to.ref} ${terminalText(link.to.label)} (${link.type}, ${link.certainty}).\n`
            : `${link.from.ref} was already linked to ${link.to.ref} that way. Nothing changed.\n`,
        );
      });
    });
}
