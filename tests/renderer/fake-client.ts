/**
 * An in-memory VigilClient for component tests: arrays the test controls, spies on every method of the
 * contract, and an `emit` that pushes events as the core would. Search is a plain substring match, enough to
 * test the UI.
 *
 * Every method of CatalogueApi is a vi.fn with a small in-memory behaviour over `data` (a test can replace
 * any of them with mockResolvedValueOnce/mockRejectedValueOnce): changes update `data` and return
 * `{changeId: 'change-N', record}`, dates typed as text are read with the real date parser, and unknown ids
 * are refused with NOT_FOUND. What the fake leaves out: it emits no events by itself (a test emits the
 * `catalogue-changed` or `job-progress` it needs), it does not ask for an actor (reject with ACTOR_REQUIRED
 * to test that), jobs only return a JobRef, and list filters cover the common fields only.
 */
import { vi, type Mock } from 'vitest';
import type { CatalogueApi, ItemFilter, ItemSelection, PageArgs } from '../../src/shared/api';
import type { EventListener, VigilClient } from '../../src/shared/client';
import { parseHistoricalDate } from '../../src/shared/dates/historical-date';
import type {
  Actor,
  CatalogueStatus,
  Changed,
  ExhibitSetSummary,
  HistoricalDate,
  ItemDetail,
  ItemSummary,
  LinkEnd,
  LinkInput,
  LinkView,
  NameInput,
  Page,
  PersonDetail,
  PersonFilter,
  PersonName,
  PersonsCsvPreview,
  PersonSummary,
  PlaceDetail,
  PlaceSummary,
  SearchHit,
  SourceBrief,
  SourceSummary,
  TagDto,
  TagRef,
  TagSpec,
  VigilEvent,
  Vocabularies,
} from '../../src/shared/dto';
import { CatalogueError } from '../../src/shared/errors';
import type { ItemId, LinkId, PersonId, PersonNameId, PlaceId, SourceId, TagId } from '../../src/shared/ids';
import {
  globalId,
  itemDetail,
  itemEnd,
  nextRecordId,
  personDetail,
  personEnd,
  personName,
  place as makePlace,
  placeDetail,
  placeEnd,
  person as makePerson,
  source as makeSource,
  sourceBrief,
  tag as makeTag,
  tagRef,
  vocabularies,
} from './fake-records';

export * from './fake-records';

export interface FakeData {
  name: string;
  actor: Actor | null;
  items: ItemSummary[];
  persons: PersonSummary[];
  places: PlaceSummary[];
  exhibitSets: ExhibitSetSummary[];
  sources: SourceSummary[];
  /** Live tags, as listTags returns them. */
  tags: TagDto[];
  /** Every live link; getItem, getPerson and getPlace read an end's links from here unless given a detail. */
  links: LinkView[];
  vocabularies: Vocabularies;
  /** Full records for getItem, by id; an item without one gets a detail built from its summary. */
  details: Map<number, ItemDetail>;
  /** Full records for getPerson, by id; likewise built from the summary when missing. */
  personDetails: Map<number, PersonDetail>;
  /** Full records for getPlace, by id; likewise built from the summary when missing. */
  placeDetails: Map<number, PlaceDetail>;
  /** What previewPersonsCsv answers, whatever the file. */
  csvPreview: PersonsCsvPreview;
}

export interface FakeClient {
  client: VigilClient;
  api: { [M in keyof CatalogueApi]: Mock<CatalogueApi[M]> };
  data: FakeData;
  emit(event: VigilEvent): void;
  listenerCount(): number;
}

function page<T>(rows: T[], args?: PageArgs): Page<T> {
  const offset = args?.offset ?? 0;
  const limit = args?.limit ?? 100;
  return { rows: rows.slice(offset, offset + limit), total: rows.length, offset };
}

const now = () => new Date().toISOString();

function notFound(what: string, id: number): CatalogueError {
  return new CatalogueError('NOT_FOUND', `There is no ${what} ${id}.`);
}

/** Dates arrive as typed text: blank is no date, unreadable text is refused with the parser's sentence. */
function readDate(text: string | null | undefined): HistoricalDate | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const result = parseHistoricalDate(text);
  if (!result.ok) throw new CatalogueError('INVALID_ARGUMENT', result.message);
  return result.date;
}

/** Applies the fields a patch has (undefined: left as it was) onto a copy. */
function patched<T extends object>(record: T, patch: Partial<NoInfer<T>>): T {
  const next = { ...record };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  return next;
}

const defaultCsvPreview: PersonsCsvPreview = {
  headers: ['ref', 'name_fa', 'name_latin', 'death_date'],
  rows: [['V-1', 'ایرج حاتمی', 'Iraj Hatemi', '1367/05/08']],
  mapping: { ref: 'ref', name_fa: 'name_fa', name_latin: 'name_latin', death_date: 'death_date' },
  rowCount: 1,
};

export function createFakeClient(initial: Partial<FakeData> = {}): FakeClient {
  const data: FakeData = {
    name: 'Test catalogue',
    actor: null,
    items: [],
    persons: [],
    places: [],
    exhibitSets: [],
    sources: [],
    tags: [],
    links: [],
    vocabularies: vocabularies(),
    details: new Map(),
    personDetails: new Map(),
    placeDetails: new Map(),
    csvPreview: defaultCsvPreview,
    ...initial,
  };
  let nextJob = 1;
  let nextChange = 1;
  const listeners = new Set<EventListener>();

  const startJob = async () => ({ jobId: `job-${nextJob++}` });
  const changed = <T>(record: T): Changed<T> => ({ changeId: `change-${nextChange++}`, record });

  const status = (): CatalogueStatus => ({
    name: data.name,
    catalogueId: 'cat-1',
    schemaVersion: 1,
    counts: {
      items: data.items.length,
      persons: data.persons.length,
      places: data.places.length,
      sources: data.sources.length,
      tags: data.tags.length,
      exhibitSets: data.exhibitSets.length,
    },
    actor: data.actor,
  });

  const search = (query: string): SearchHit[] => {
    const q = query.trim().toLowerCase();
    const hits: SearchHit[] = [];
    const match = (...texts: Array<string | null>) => texts.some((t) => t !== null && t.toLowerCase().includes(q));
    for (const p of data.persons) {
      if (match(p.nameFa, p.nameLatin)) hits.push({ type: 'person', id: p.id, ref: p.ref, label: p.nameFa ?? p.nameLatin ?? p.ref, score: 1 });
    }
    for (const i of data.items) {
      if (match(i.title, i.originalName)) hits.push({ type: 'item', id: i.id, ref: i.ref, label: i.title ?? i.originalName, score: 1 });
    }
    for (const p of data.places) {
      if (match(p.nameFa, p.nameLatin)) hits.push({ type: 'place', id: p.id, ref: p.ref, label: p.nameLatin ?? p.nameFa ?? p.ref, score: 1 });
    }
    return hits;
  };

  // ---------- Finding records ----------

  const findItem = (id: number): ItemSummary => {
    const found = data.items.find((i) => i.id === id);
    if (!found) throw notFound('item', id);
    return found;
  };
  const findPerson = (id: number): PersonSummary => {
    const found = data.persons.find((p) => p.id === id);
    if (!found) throw notFound('person', id);
    return found;
  };
  const findPlace = (id: number): PlaceSummary => {
    const found = data.places.find((p) => p.id === id);
    if (!found) throw notFound('place', id);
    return found;
  };
  const findSource = (id: number): SourceSummary => {
    const found = data.sources.find((s) => s.id === id);
    if (!found) throw notFound('source', id);
    return found;
  };
  const briefOf = (id: SourceId | null | undefined): SourceBrief | null => (id === null || id === undefined ? null : sourceBrief(findSource(id)));
  const touches = (l: LinkView, type: LinkEnd['type'], id: number) => (l.from.type === type && l.from.id === id) || (l.to.type === type && l.to.id === id);

  /** The stored detail, or one built from the summary with the links that touch it. */
  const itemDetailOf = (id: number): ItemDetail =>
    data.details.get(id) ?? itemDetail(findItem(id), { links: data.links.filter((l) => touches(l, 'item', id)) });
  const personDetailOf = (id: number): PersonDetail => {
    const stored = data.personDetails.get(id);
    if (stored) return stored;
    const mine = data.links.filter((l) => touches(l, 'person', id));
    return personDetail(findPerson(id), {
      places: mine.filter((l) => l.shape === 'person-place'),
      relatives: mine.filter((l) => l.shape === 'person-person'),
      items: mine.filter((l) => l.shape === 'item-person').flatMap((l) => {
        const linked = data.items.find((i) => i.id === l.from.id);
        return linked ? [{ link: l, item: linked }] : [];
      }),
    });
  };
  const placeDetailOf = (id: number): PlaceDetail => {
    const stored = data.placeDetails.get(id);
    if (stored) return stored;
    return placeDetail(findPlace(id), {
      children: data.places.filter((p) => p.parentId === id),
      links: data.links.filter((l) => touches(l, 'place', id)),
    });
  };

  // ---------- Keeping summaries and details together ----------

  const replaceIn = <T extends { id: number }>(rows: T[], record: T) => {
    const index = rows.findIndex((r) => r.id === record.id);
    if (index >= 0) rows[index] = record;
    else rows.push(record);
  };
  const saveItem = (detail: ItemDetail): ItemDetail => {
    data.details.set(detail.id, detail);
    const summary = findItem(detail.id);
    replaceIn(data.items, { ...summary, title: detail.title, sensitivity: detail.sensitivity });
    return detail;
  };
  const preferredName = (names: PersonName[], script: PersonName['script']) =>
    (names.find((n) => n.script === script && n.preferred) ?? names.find((n) => n.script === script))?.name ?? null;
  const savePerson = (detail: PersonDetail): PersonDetail => {
    const next = { ...detail, nameFa: preferredName(detail.names, 'persian'), nameLatin: preferredName(detail.names, 'latin'), updatedAt: now() };
    data.personDetails.set(next.id, next);
    const summary: PersonSummary = {
      id: next.id,
      ref: next.ref,
      globalId: next.globalId,
      nameFa: next.nameFa,
      nameLatin: next.nameLatin,
      roles: next.roles,
      fate: next.fate,
      deathDate: next.deathDate,
      prison: next.prison,
      sensitivity: next.sensitivity,
      deleted: next.deleted,
    };
    replaceIn(data.persons, summary);
    return next;
  };
  const parentLabelOf = (parentId: PlaceId | null) => {
    const parent = parentId === null ? undefined : data.places.find((p) => p.id === parentId);
    return parent ? (parent.nameLatin ?? parent.nameFa) : null;
  };
  const savePlace = (detail: PlaceDetail): PlaceDetail => {
    const next = { ...detail, parentLabel: parentLabelOf(detail.parentId), updatedAt: now() };
    data.placeDetails.set(next.id, next);
    const summary: PlaceSummary = {
      id: next.id,
      ref: next.ref,
      globalId: next.globalId,
      type: next.type,
      nameFa: next.nameFa,
      nameLatin: next.nameLatin,
      parentId: next.parentId,
      parentLabel: next.parentLabel,
      personCount: next.personCount,
      deleted: next.deleted,
    };
    replaceIn(data.places, summary);
    return next;
  };

  // ---------- Names ----------

  const nameOf = (input: NameInput): PersonName =>
    personName({
      name: input.name,
      ...(input.script ? { script: input.script } : {}),
      language: input.language ?? null,
      type: input.type ?? 'legal',
      preferred: input.preferred ?? false,
      source: briefOf(input.sourceId),
    });
  /** The first name in each script is preferred unless one is marked; marking one unmarks the others. */
  const withPreferred = (names: PersonName[], marked?: PersonName): PersonName[] => {
    const chosen = new Map<string, number>();
    if (marked) chosen.set(marked.script, marked.id);
    for (const n of names) if (n.preferred && !chosen.has(n.script)) chosen.set(n.script, n.id);
    for (const n of names) if (!chosen.has(n.script)) chosen.set(n.script, n.id);
    return names.map((n) => ({ ...n, preferred: chosen.get(n.script) === n.id }));
  };
  const ownerOfName = (id: PersonNameId): PersonDetail => {
    for (const p of data.persons) {
      const detail = personDetailOf(p.id);
      if (detail.names.some((n) => n.id === id)) return detail;
    }
    throw notFound('name', id);
  };

  // ---------- Filters and selections ----------

  const personMatches = (p: PersonSummary, filter: PersonFilter = {}): boolean => {
    if (p.deleted !== (filter.deleted ?? false)) return false;
    if (filter.role && !p.roles.includes(filter.role)) return false;
    if (filter.fate && p.fate !== filter.fate) return false;
    const text = filter.text?.trim().toLowerCase();
    if (text && ![p.nameFa, p.nameLatin].some((n) => n?.toLowerCase().includes(text))) return false;
    if (filter.deathFrom && (!p.deathDate || p.deathDate.latest < filter.deathFrom)) return false;
    if (filter.deathTo && (!p.deathDate || p.deathDate.earliest > filter.deathTo)) return false;
    if (filter.placeId !== undefined && !placeLinksOf(p.id).some((l) => l.to.id === filter.placeId && (!filter.placeLink || l.type === filter.placeLink))) return false;
    return true;
  };
  /** The person's links to places (person-place links, the person at the `from` end). */
  const placeLinksOf = (personId: number): LinkView[] =>
    data.links.filter((l) => l.shape === 'person-place' && l.from.type === 'person' && l.from.id === personId);
  /** personStats' counts by place for one link type, largest first, as the core orders them. */
  const placeCounts = (persons: PersonSummary[], type: string) => {
    const counts = new Map<number, { placeId: number; label: string; labelFa: string | null; count: number }>();
    for (const p of persons) {
      for (const placeId of new Set(placeLinksOf(p.id).filter((l) => l.type === type).map((l) => l.to.id))) {
        const place = data.places.find((pl) => pl.id === placeId);
        const entry = counts.get(placeId) ?? { placeId, label: place?.nameLatin ?? place?.nameFa ?? String(placeId), labelFa: place?.nameFa ?? null, count: 0 };
        entry.count += 1;
        counts.set(placeId, entry);
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  };
  /** Items a filter shows: by kind, as listItems filters them. */
  const itemMatches = (i: ItemSummary, filter: ItemFilter) => !filter.kind || i.kind === filter.kind;
  const selected = (selection: ItemSelection): ItemSummary[] =>
    'ids' in selection
      ? selection.ids.map(findItem)
      : data.items.filter((i) => itemMatches(i, selection.filter) && !(selection.except ?? []).includes(i.id));

  // ---------- Tags ----------

  const findTag = (id: number): TagDto => {
    const found = data.tags.find((t) => t.id === id);
    if (!found) throw notFound('tag', id);
    return found;
  };
  /** A tag by id, or by label in either language; a label no tag has becomes a new free tag. */
  const resolveTag = (spec: TagSpec): TagDto => {
    if ('id' in spec) return findTag(spec.id);
    const label = spec.label.trim().toLowerCase();
    const existing = data.tags.find((t) => t.labelEn?.toLowerCase() === label || t.labelFa?.toLowerCase() === label);
    if (existing) return existing;
    const persian = /[\u0600-\u06ff]/.test(spec.label);
    const created = makeTag({ vocabulary: spec.vocabulary ?? 'free', labelEn: persian ? null : spec.label.trim(), labelFa: persian ? spec.label.trim() : null });
    data.tags.push(created);
    return created;
  };
  /** The tags after adding and removing; null when nothing changed. */
  const retagged = (tags: TagRef[], add: TagDto[], remove: TagId[] = []): TagRef[] | null => {
    const kept = tags.filter((t) => !remove.includes(t.id));
    const added = add.filter((t) => !kept.some((k) => k.id === t.id)).map(tagRef);
    return kept.length === tags.length && added.length === 0 ? null : [...kept, ...added];
  };
  const recount = () => {
    for (const t of data.tags) {
      t.itemCount = [...data.details.values()].filter((d) => d.tags.some((r) => r.id === t.id)).length;
      t.personCount = [...data.personDetails.values()].filter((d) => d.tags.some((r) => r.id === t.id)).length;
    }
  };

  // ---------- Links ----------

  const linkType = (code: string) => {
    const found = data.vocabularies.linkTypes.find((t) => t.code === code);
    if (!found) throw new CatalogueError('INVALID_ARGUMENT', `There is no link type "${code}".`);
    return found;
  };
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new CatalogueError('INVALID_ARGUMENT', `This link needs ${what}.`);
    return value;
  };
  const endsOf = (input: LinkInput, shape: LinkView['shape']): [LinkEnd, LinkEnd] => {
    switch (shape) {
      case 'item-person':
        return [itemEnd(findItem(required(input.itemId, 'an item'))), personEnd(findPerson(required(input.personId, 'a person')))];
      case 'item-place':
        return [itemEnd(findItem(required(input.itemId, 'an item'))), placeEnd(findPlace(required(input.placeId, 'a place')))];
      case 'person-place':
        return [personEnd(findPerson(required(input.personId, 'a person'))), placeEnd(findPlace(required(input.placeId, 'a place')))];
      case 'person-person':
        return [personEnd(findPerson(required(input.personId, 'a person'))), personEnd(findPerson(required(input.relatedPersonId, 'a related person')))];
      case 'item-item':
        return [itemEnd(findItem(required(input.itemId, 'an item'))), itemEnd(findItem(required(input.relatedItemId, 'a related item')))];
    }
  };
  const findLink = (id: LinkId): LinkView => {
    const found = data.links.find((l) => l.id === id);
    if (!found) throw notFound('link', id);
    return found;
  };
  /** Puts a link (new, changed, or null: removed) into the stored details of both its ends. */
  const syncLink = (link: LinkView, removed = false) => {
    const put = (links: LinkView[]) => [...links.filter((l) => l.id !== link.id), ...(removed ? [] : [link])];
    for (const end of [link.from, link.to]) {
      if (end.type === 'item') {
        const stored = data.details.get(end.id);
        if (stored) data.details.set(end.id, { ...stored, links: put(stored.links) });
      } else if (end.type === 'place') {
        const stored = data.placeDetails.get(end.id);
        if (stored) data.placeDetails.set(end.id, { ...stored, links: put(stored.links) });
      } else {
        const stored = data.personDetails.get(end.id);
        if (!stored) continue;
        if (link.shape === 'person-place') data.personDetails.set(end.id, { ...stored, places: put(stored.places) });
        else if (link.shape === 'person-person') data.personDetails.set(end.id, { ...stored, relatives: put(stored.relatives) });
        else {
          const rest = stored.items.filter((i) => i.link.id !== link.id);
          const linked = data.items.find((i) => i.id === link.from.id);
          data.personDetails.set(end.id, { ...stored, items: removed || !linked ? rest : [...rest, { link, item: linked }] });
        }
      }
    }
  };
  const createLink = (input: LinkInput): LinkView => {
    const type = linkType(input.type);
    const [from, to] = endsOf(input, type.shape);
    const id = nextRecordId();
    const at = now();
    const created: LinkView = {
      id: id as LinkId,
      globalId: globalId(id),
      type: type.code,
      shape: type.shape,
      certainty: input.certainty ?? 'confirmed',
      source: briefOf(input.sourceId),
      note: input.note ?? null,
      relationship: input.relationship ?? null,
      from,
      to,
      createdAt: at,
      updatedAt: at,
    };
    data.links.push(created);
    syncLink(created);
    return created;
  };

  const api = {
    // Settings
    getStatus: vi.fn<CatalogueApi['getStatus']>(async () => status()),
    setActor: vi.fn<CatalogueApi['setActor']>(async (actor) => {
      data.actor = { ...actor };
      return data.actor;
    }),
    getVocabularies: vi.fn<CatalogueApi['getVocabularies']>(async () => data.vocabularies),

    // Items
    listItems: vi.fn<CatalogueApi['listItems']>(async (args) =>
      page(
        args?.kind ? data.items.filter((i) => i.kind === args.kind) : data.items,
        args,
      ),
    ),
    getItem: vi.fn<CatalogueApi['getItem']>(async ({ id }) => itemDetailOf(id)),
    updateItem: vi.fn<CatalogueApi['updateItem']>(async ({ id, patch }) => {
      const before = itemDetailOf(id);
      const { acquisition, ...fields } = patch;
      const next = patched(before, fields);
      if (acquisition) {
        next.acquisition = {
          source: acquisition.sourceId === undefined ? before.acquisition.source : briefOf(acquisition.sourceId),
          acquiredBy: acquisition.acquiredBy === undefined ? before.acquisition.acquiredBy : acquisition.acquiredBy,
          method: acquisition.method === undefined ? before.acquisition.method : acquisition.method,
          date: acquisition.date === undefined ? before.acquisition.date : readDate(acquisition.date),
        };
      }
      return changed(saveItem(next));
    }),
    importPaths: vi.fn<CatalogueApi['importPaths']>(startJob),
    importUploads: vi.fn<CatalogueApi['importUploads']>(startJob),

    // Persons
    listPersons: vi.fn<CatalogueApi['listPersons']>(async (args) => {
      let rows = data.persons.filter((p) => personMatches(p, args?.filter));
      if (args?.sort) {
        const key = (p: PersonSummary) =>
          args.sort === 'name' ? (p.nameLatin ?? p.nameFa ?? '').toLowerCase() : args.sort === 'death' ? (p.deathDate?.earliest ?? '\uffff') : p.ref;
        rows = [...rows].sort((a, b) => key(a).localeCompare(key(b)) * (args.order === 'desc' ? -1 : 1));
      }
      return page(rows, args);
    }),
    getPerson: vi.fn<CatalogueApi['getPerson']>(async ({ id }) => personDetailOf(id)),
    createPerson: vi.fn<CatalogueApi['createPerson']>(async (input) => {
      if (input.names.length === 0) throw new CatalogueError('INVALID_ARGUMENT', 'A person needs at least one name.');
      const summary = makePerson();
      const { names, ...facts } = input;
      const detail = personDetail(summary, {
        names: withPreferred(names.map(nameOf)),
        roles: facts.roles ?? [],
        fatherNameFa: facts.fatherNameFa ?? null,
        fatherNameLatin: facts.fatherNameLatin ?? null,
        sex: facts.sex ?? null,
        birthDate: readDate(facts.birthDate),
        arrestDate: readDate(facts.arrestDate),
        fate: facts.fate ?? null,
        deathDate: readDate(facts.deathDate),
        affiliation: facts.affiliation ?? null,
        biography: facts.biography ?? null,
        notes: facts.notes ?? null,
        sensitivity: facts.sensitivity ?? 'restricted',
      });
      return changed(savePerson(detail));
    }),
    updatePerson: vi.fn<CatalogueApi['updatePerson']>(async ({ id, patch }) => {
      const before = personDetailOf(id);
      const { birthDate, arrestDate, deathDate, factSources, ...fields } = patch;
      const next = patched(before, fields as Partial<PersonDetail>);
      if (birthDate !== undefined) next.birthDate = readDate(birthDate);
      if (arrestDate !== undefined) next.arrestDate = readDate(arrestDate);
      if (deathDate !== undefined) next.deathDate = readDate(deathDate);
      if (factSources) {
        const sources = { ...before.factSources };
        for (const [fact, sourceId] of Object.entries(factSources) as Array<[keyof PersonDetail['factSources'], SourceId | null]>) {
          const brief = briefOf(sourceId);
          if (brief) sources[fact] = brief;
          else delete sources[fact];
        }
        next.factSources = sources;
      }
      return changed(savePerson(next));
    }),
    deletePerson: vi.fn<CatalogueApi['deletePerson']>(async ({ id, reason }) =>
      changed(savePerson({ ...personDetailOf(id), deleted: true, deletedAt: now(), deletedReason: reason })),
    ),
    restorePerson: vi.fn<CatalogueApi['restorePerson']>(async ({ id }) =>
      changed(savePerson({ ...personDetailOf(id), deleted: false, deletedAt: null, deletedReason: null })),
    ),
    addPersonName: vi.fn<CatalogueApi['addPersonName']>(async ({ personId, name }) => {
      const before = personDetailOf(personId);
      const added = nameOf(name);
      return changed(savePerson({ ...before, names: withPreferred([...before.names, added], added.preferred ? added : undefined) }));
    }),
    updatePersonName: vi.fn<CatalogueApi['updatePersonName']>(async ({ id, patch }) => {
      const before = ownerOfName(id);
      const { sourceId, ...fields } = patch;
      let marked: PersonName | undefined;
      const names = before.names.map((n) => {
        if (n.id !== id) return n;
        const next = patched(n, fields);
        if (sourceId !== undefined) next.source = briefOf(sourceId);
        if (fields.preferred) marked = next;
        return next;
      });
      return changed(savePerson({ ...before, names: withPreferred(names, marked) }));
    }),
    removePersonName: vi.fn<CatalogueApi['removePersonName']>(async ({ id }) => {
      const before = ownerOfName(id);
      if (before.names.length === 1) throw new CatalogueError('CONFLICT', 'A person keeps at least one name: add another before removing this one.');
      return changed(savePerson({ ...before, names: withPreferred(before.names.filter((n) => n.id !== id)) }));
    }),
    personStats: vi.fn<CatalogueApi['personStats']>(async (args) => {
      const persons = data.persons.filter((p) => personMatches(p, args?.filter));
      const deaths = new Map<string, { earliest: string; latest: string; count: number }>();
      for (const p of persons) {
        if (!p.deathDate) continue;
        const key = `${p.deathDate.earliest}/${p.deathDate.latest}`;
        const entry = deaths.get(key) ?? { earliest: p.deathDate.earliest, latest: p.deathDate.latest, count: 0 };
        entry.count += 1;
        deaths.set(key, entry);
      }
      return { total: persons.length, deaths: [...deaths.values()], undated: persons.filter((p) => !p.deathDate).length, prisons: placeCounts(persons, 'person-detained-at'), burialPlaces: placeCounts(persons, 'person-buried-at') };
    }),
    previewPersonsCsv: vi.fn<CatalogueApi['previewPersonsCsv']>(async () => data.csvPreview),
    importPersonsCsv: vi.fn<CatalogueApi['importPersonsCsv']>(startJob),
    exportPersons: vi.fn<CatalogueApi['exportPersons']>(startJob),

    // Places
    listPlaces: vi.fn<CatalogueApi['listPlaces']>(async (args) => {
      const filter = args?.filter ?? {};
      const text = filter.text?.trim().toLowerCase();
      const rows = data.places.filter(
        (p) =>
          p.deleted === (filter.deleted ?? false) &&
          (!filter.type || p.type === filter.type) &&
          (!text || [p.nameFa, p.nameLatin].some((n) => n?.toLowerCase().includes(text))),
      );
      return page(rows, args);
    }),
    getPlace: vi.fn<CatalogueApi['getPlace']>(async ({ id }) => placeDetailOf(id)),
    createPlace: vi.fn<CatalogueApi['createPlace']>(async (input) => {
      if (!input.nameFa && !input.nameLatin) throw new CatalogueError('INVALID_ARGUMENT', 'A place needs a name in Persian or Latin script.');
      if (input.parentId !== undefined && input.parentId !== null) findPlace(input.parentId);
      const graves = data.vocabularies.placeTypes.find((t) => t.code === input.type)?.graves ?? false;
      const summary = makePlace({ type: input.type, nameFa: input.nameFa ?? null, nameLatin: input.nameLatin ?? null, parentId: input.parentId ?? null });
      const detail = placeDetail(summary, {
        lat: input.lat ?? null,
        lon: input.lon ?? null,
        coordinatesSensitivity: input.coordinatesSensitivity ?? (graves ? 'confidential' : 'restricted'),
        sensitivity: input.sensitivity ?? 'restricted',
        notes: input.notes ?? null,
      });
      return changed(savePlace(detail));
    }),
    updatePlace: vi.fn<CatalogueApi['updatePlace']>(async ({ id, patch }) => {
      if (patch.parentId !== undefined && patch.parentId !== null) findPlace(patch.parentId);
      return changed(savePlace(patched(placeDetailOf(id), patch)));
    }),
    deletePlace: vi.fn<CatalogueApi['deletePlace']>(async ({ id, reason }) =>
      changed(savePlace({ ...placeDetailOf(id), deleted: true, deletedAt: now(), deletedReason: reason })),
    ),
    restorePlace: vi.fn<CatalogueApi['restorePlace']>(async ({ id }) =>
      changed(savePlace({ ...placeDetailOf(id), deleted: false, deletedAt: null, deletedReason: null })),
    ),
    mergePlaces: vi.fn<CatalogueApi['mergePlaces']>(async ({ keepId, mergeId }) => {
      if (keepId === mergeId) throw new CatalogueError('INVALID_ARGUMENT', 'A place cannot be merged with itself: choose the other place.');
      const kept = placeDetailOf(keepId);
      const merged = placeDetailOf(mergeId);
      for (const p of [kept, merged]) if (p.deleted) throw new CatalogueError('CONFLICT', `${p.ref} is deleted: restore it before merging it.`);
      // Links move to the kept place, except one it already has (same type, same other end): that one goes.
      const personsOf = (id: number) => new Set(data.links.filter((l) => l.shape === 'person-place' && l.to.id === id).map((l) => l.from.id));
      const keptPersons = personsOf(keepId);
      const overlap = [...personsOf(mergeId)].filter((p) => keptPersons.has(p)).length;
      for (const l of data.links.filter((l) => l.to.type === 'place' && l.to.id === mergeId)) {
        data.links = data.links.filter((other) => other.id !== l.id);
        syncLink(l, true);
        if (data.links.some((k) => k.type === l.type && k.from.type === l.from.type && k.from.id === l.from.id && k.to.type === 'place' && k.to.id === keepId)) continue;
        const moved = { ...l, to: placeEnd(findPlace(keepId)), updatedAt: now() };
        data.links.push(moved);
        syncLink(moved);
      }
      for (const child of data.places.filter((p) => p.parentId === mergeId && p.id !== keepId)) {
        savePlace({ ...placeDetailOf(child.id), parentId: keepId });
      }
      savePlace({ ...merged, deleted: true, deletedAt: now(), deletedReason: `Merged into ${kept.ref}` });
      const after = placeDetailOf(keepId);
      return changed(
        savePlace({
          ...after,
          nameFa: after.nameFa ?? merged.nameFa,
          nameLatin: after.nameLatin ?? merged.nameLatin,
          personCount: after.personCount + merged.personCount - overlap,
          children: data.places.filter((p) => p.parentId === keepId && !p.deleted),
        }),
      );
    }),

    // Sources
    listSources: vi.fn<CatalogueApi['listSources']>(async (args) => {
      const text = args?.text?.trim().toLowerCase();
      return page(text ? data.sources.filter((s) => s.title.toLowerCase().includes(text)) : data.sources, args);
    }),
    createSource: vi.fn<CatalogueApi['createSource']>(async (input) => {
      const created = makeSource({
        title: input.title,
        kind: input.kind ?? 'other',
        reliability: input.reliability ?? 'unknown',
        description: input.description ?? null,
        sensitivity: input.sensitivity ?? 'restricted',
      });
      data.sources.push(created);
      return changed(created);
    }),
    updateSource: vi.fn<CatalogueApi['updateSource']>(async ({ id, patch }) => {
      const next = patched(findSource(id), patch);
      replaceIn(data.sources, next);
      return changed(next);
    }),

    // Tags
    listTags: vi.fn<CatalogueApi['listTags']>(async () => [...data.tags]),
    createTag: vi.fn<CatalogueApi['createTag']>(async (input) => {
      if (!input.labelEn && !input.labelFa) throw new CatalogueError('INVALID_ARGUMENT', 'A tag needs a label in English or Persian.');
      const created = makeTag({ vocabulary: input.vocabulary ?? 'free', parentId: input.parentId ?? null, labelEn: input.labelEn ?? null, labelFa: input.labelFa ?? null });
      data.tags.push(created);
      return changed(created);
    }),
    updateTag: vi.fn<CatalogueApi['updateTag']>(async ({ id, patch }) => {
      const next = patched(findTag(id), patch);
      replaceIn(data.tags, next);
      return changed(next);
    }),
    deleteTag: vi.fn<CatalogueApi['deleteTag']>(async ({ id }) => {
      const removed = findTag(id);
      data.tags = data.tags.filter((t) => t.id !== id);
      return changed(removed);
    }),
    tagItems: vi.fn<CatalogueApi['tagItems']>(async ({ selection, add = [], remove = [] }) => {
      const items = selected(selection);
      const tags = add.map(resolveTag);
      let count = 0;
      for (const i of items) {
        const detail = itemDetailOf(i.id);
        const next = retagged(detail.tags, tags, remove);
        if (!next) continue;
        data.details.set(i.id, { ...detail, tags: next });
        count += 1;
      }
      recount();
      return changed({ changed: count, tags });
    }),
    tagPersons: vi.fn<CatalogueApi['tagPersons']>(async ({ ids, add = [], remove = [] }) => {
      const details = ids.map(personDetailOf);
      const tags = add.map(resolveTag);
      let count = 0;
      for (const detail of details) {
        const next = retagged(detail.tags, tags, remove);
        if (!next) continue;
        data.personDetails.set(detail.id, { ...detail, tags: next });
        count += 1;
      }
      recount();
      return changed({ changed: count, tags });
    }),

    // Links
    createLink: vi.fn<CatalogueApi['createLink']>(async (input) => changed(createLink(input))),
    updateLink: vi.fn<CatalogueApi['updateLink']>(async ({ id, patch }) => {
      const { sourceId, ...fields } = patch;
      const next = { ...patched(findLink(id), fields), updatedAt: now() };
      if (sourceId !== undefined) next.source = briefOf(sourceId);
      replaceIn(data.links, next);
      syncLink(next);
      return changed(next);
    }),
    deleteLink: vi.fn<CatalogueApi['deleteLink']>(async ({ id }) => {
      const removed = findLink(id);
      data.links = data.links.filter((l) => l.id !== id);
      syncLink(removed, true);
      return changed(removed);
    }),
    linkItems: vi.fn<CatalogueApi['linkItems']>(async ({ selection, type, personId, placeId, certainty, sourceId }) => {
      const items = selected(selection);
      const target = personId !== undefined ? { type: 'person', id: personId } : { type: 'place', id: placeId };
      let linked = 0;
      for (const i of items) {
        if (data.links.some((l) => l.type === type && l.from.type === 'item' && l.from.id === i.id && l.to.type === target.type && l.to.id === target.id)) continue;
        createLink({ type, itemId: i.id as ItemId, personId: personId as PersonId | undefined, placeId: placeId as PlaceId | undefined, certainty, sourceId });
        linked += 1;
      }
      return changed({ linked });
    }),

    // Jobs
    cancelJob: vi.fn<CatalogueApi['cancelJob']>(async () => ({ cancelled: true })),
    verify: vi.fn<CatalogueApi['verify']>(startJob),

    // History: the fake keeps no history, so undo undoes nothing unless a test says otherwise.
    undo: vi.fn<CatalogueApi['undo']>(async () => changed({ undone: 0 })),

    // Search and exhibits
    search: vi.fn<CatalogueApi['search']>(async (args) => search(args.query)),
    listExhibitSets: vi.fn<CatalogueApi['listExhibitSets']>(async () => [...data.exhibitSets]),
  } satisfies FakeClient['api'];

  const client: VigilClient = {
    api,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    mediaUrl: (id, variant) => `fake://media/${id}/${variant}`,
  };

  return {
    client,
    api,
    data,
    emit(event) {
      for (const listener of [...listeners]) listener(event);
    },
    listenerCount: () => listeners.size,
  };
}
