/** `places merge`: one place entered twice (the same prison as "Evin" and as "اوین") made one, as in the app. */
import type { Command } from 'commander';
import type { PlaceId } from '../../shared/ids';
import { refOf, type CliCore } from '../cli-core';
import type { CliContext } from '../cli-context';
import { terminalText } from '../terminal-text';

const nameOf = (place: { nameFa: string | null; nameLatin: string | null; ref: string }) => terminalText(place.nameLatin ?? place.nameFa ?? place.ref);

export function registerPlacesCommands(program: Command, ctx: CliContext, cli: CliCore): void {
  const places = program.command('places').description('work on places: prisons, cities, cemeteries, mass-grave sites');

  places
    .command('merge')
    .description(
      'merge MERGE_REF into KEEP_REF: its links, the places inside it and any name KEEP_REF lacks in a script move to KEEP_REF, ' +
        'and it is deleted as "Merged into KEEP_REF" (one change; undo takes it back)',
    )
    .argument('<keep>', 'the place to keep (PL-000123)')
    .argument('<merge>', 'the place merged into it (PL-000456)')
    .action(async (keepText: string, mergeText: string) => {
      const keep = refOf(keepText, ['place'], 'PL-000123');
      const merge = refOf(mergeText, ['place'], 'PL-000123');
      await cli.withCore(async (core) => {
        const merged = await core.api.getPlace({ id: merge.id as PlaceId });
        const { record: kept } = await core.api.mergePlaces({ keepId: keep.id as PlaceId, mergeId: merge.id as PlaceId });
        ctx.stdout.write(
          `Merged ${merged.ref} ${nameOf(merged)} into ${kept.ref} ${nameOf(kept)}: ${kept.personCount} person(s) now linked to ${kept.ref}; ` +
            `${merged.ref} is deleted as merged.\n`,
        );
      });
    });
}
