/**
 * Builds the repositories and the record services over one open database. Composition only: every rule
 * lives in the services; this file says which needs which.
 */
import { createChangeRunner } from '../changes/change-runner';
import type { RecordContext, Undoer } from '../changes/record-context';
import { createCountsRepository } from '../catalogue/counts-repository';
import { createCustodyHistory } from '../custody/custody-history';
import type { CustodyLog } from '../custody/custody-log';
import type { CustodyRepository } from '../custody/custody-repository';
import type { Db } from '../db/open-database';
import type { EventBus } from '../events/event-bus';
import { createExhibitsRepository } from '../exhibits/exhibits-repository';
import { createUndoService } from '../history/undo-service';
import { createItemsRepository } from '../items/items-repository';
import { createItemsService } from '../items/items-service';
import { createLinksRepository } from '../links/links-repository';
import { createLinksService } from '../links/links-service';
import { createPersonNamesRepository } from '../persons/person-names-repository';
import { createPersonsRepository } from '../persons/persons-repository';
import { createPersonsService } from '../persons/persons-service';
import { createPlacesRepository } from '../places/places-repository';
import { createPlacesService } from '../places/places-service';
import { createSearchService } from '../search/search-service';
import { createSourcesRepository } from '../sources/sources-repository';
import { createSourcesService } from '../sources/sources-service';
import { createTagsRepository } from '../tags/tags-repository';
import { createTagsService } from '../tags/tags-service';
import { createVocabulariesRepository } from '../vocabularies/vocabularies-repository';
import { createVocabulariesService } from '../vocabularies/vocabularies-service';

export function wireServices(deps: { db: Db; custody: CustodyLog; custodyRepo: CustodyRepository; events: EventBus; now: () => Date }) {
  const { db } = deps;
  const repos = {
    items: createItemsRepository(db),
    persons: createPersonsRepository(db),
    names: createPersonNamesRepository(db),
    places: createPlacesRepository(db),
    sources: createSourcesRepository(db),
    tags: createTagsRepository(db),
    links: createLinksRepository(db),
    exhibits: createExhibitsRepository(db),
    counts: createCountsRepository(db),
  };
  const ctx: RecordContext = {
    db,
    custody: deps.custody,
    runChange: createChangeRunner({ db, custody: deps.custody, events: deps.events }),
    now: () => deps.now().toISOString(),
    undoers: new Map<string, Undoer>(),
  };
  const history = createCustodyHistory(deps.custodyRepo);
  const vocabularies = createVocabulariesService(createVocabulariesRepository(db));
  const sources = createSourcesService(ctx, repos.sources);
  const places = createPlacesService(ctx, { places: repos.places, links: repos.links, tags: repos.tags, vocabularies, history });
  const tags = createTagsService(ctx, { tags: repos.tags, items: repos.items, persons: repos.persons, vocabularies });
  const links = createLinksService(ctx, { links: repos.links, items: repos.items, persons: repos.persons, places: repos.places, sources: repos.sources, vocabularies });
  const persons = createPersonsService(ctx, {
    persons: repos.persons,
    names: repos.names,
    sources: repos.sources,
    links: repos.links,
    items: repos.items,
    tags: repos.tags,
    vocabularies,
    history,
  });
  const items = createItemsService(ctx, { items: repos.items, tags: repos.tags, links: repos.links, sources: repos.sources, history });
  const undo = createUndoService(ctx, deps.custodyRepo);
  const search = createSearchService({ items: repos.items, persons: repos.persons, places: repos.places });
  return { ctx, repos, services: { vocabularies, sources, places, tags, links, persons, items, undo, search, history } };
}

export type Wired = ReturnType<typeof wireServices>;
export type RecordServices = Wired['services'] & { repos: Wired['repos'] };
