/**
 * An in-memory VigilClient for component tests: arrays the test controls, spies on every method, and an
 * `emit` that pushes events as the core would. Search is a plain substring match, enough to test the UI.
 */
import { vi, type Mock } from 'vitest';
import type { CatalogueApi, PageArgs } from '../../src/shared/api';
import type { EventListener, VigilClient } from '../../src/shared/client';
import type {
  Actor,
  CatalogueStatus,
  ExhibitSetSummary,
  ItemDetail,
  ItemSummary,
  Page,
  PersonSummary,
  PlaceSummary,
  SearchHit,
  VigilEvent,
} from '../../src/shared/dto';
import { CatalogueError } from '../../src/shared/errors';
import type { ExhibitSetId, ItemId, PersonId, PlaceId } from '../../src/shared/ids';

export interface FakeData {
  name: string;
  actor: Actor | null;
  items: ItemSummary[];
  persons: PersonSummary[];
  places: PlaceSummary[];
  exhibitSets: ExhibitSetSummary[];
  /** Full records for getItem, by id; an item without one gets a detail built from its summary. */
  details: Map<number, ItemDetail>;
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

export function createFakeClient(initial: Partial<FakeData> = {}): FakeClient {
  const data: FakeData = {
    name: 'Test catalogue',
    actor: null,
    items: [],
    persons: [],
    places: [],
    exhibitSets: [],
    details: new Map(),
    ...initial,
  };
  let nextJob = 1;
  const listeners = new Set<EventListener>();

  const status = (): CatalogueStatus => ({
    name: data.name,
    catalogueId: 'cat-1',
    schemaVersion: 1,
    counts: {
      items: data.items.length,
      persons: data.persons.length,
      places: data.places.length,
      sources: 0,
      tags: 0,
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

  const api = {
    getStatus: vi.fn<CatalogueApi['getStatus']>(async () => status()),
    setActor: vi.fn<CatalogueApi['setActor']>(async (actor) => {
      data.actor = { ...actor };
      return data.actor;
    }),
    listItems: vi.fn<CatalogueApi['listItems']>(async (args) =>
      page(
        args?.kind ? data.items.filter((i) => i.kind === args.kind) : data.items,
        args,
      ),
    ),
    getItem: vi.fn<CatalogueApi['getItem']>(async ({ id }) => {
      const found = data.details.get(id);
      if (found) return found;
      const summary = data.items.find((i) => i.id === id);
      if (!summary) throw new CatalogueError('NOT_FOUND', `There is no item ${id}.`);
      return itemDetail(summary);
    }),
    importPaths: vi.fn<CatalogueApi['importPaths']>(async () => ({ jobId: `job-${nextJob++}` })),
    importUploads: vi.fn<CatalogueApi['importUploads']>(async () => ({ jobId: `job-${nextJob++}` })),
    cancelJob: vi.fn<CatalogueApi['cancelJob']>(async () => ({ cancelled: true })),
    listPersons: vi.fn<CatalogueApi['listPersons']>(async (args) => page(data.persons, args)),
    listPlaces: vi.fn<CatalogueApi['listPlaces']>(async (args) => page(data.places, args)),
    listExhibitSets: vi.fn<CatalogueApi['listExhibitSets']>(async () => [...data.exhibitSets]),
    search: vi.fn<CatalogueApi['search']>(async (args) => search(args.query)),
    verify: vi.fn<CatalogueApi['verify']>(async () => ({ ok: true, checks: [] })),
  };

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

let nextId = 1;

export function person(fields: Partial<PersonSummary> = {}): PersonSummary {
  const id = nextId++;
  return {
    id: id as PersonId,
    ref: `V-${String(id).padStart(6, '0')}`,
    nameFa: null,
    nameLatin: null,
    fate: null,
    deathDate: null,
    prison: null,
    ...fields,
  };
}

export function item(fields: Partial<ItemSummary> = {}): ItemSummary {
  const id = nextId++;
  return {
    id: id as ItemId,
    ref: `ITM-${String(id).padStart(6, '0')}`,
    kind: 'photo',
    title: null,
    originalName: `IMG_${id}.jpg`,
    mime: 'image/jpeg',
    size: 123456,
    sha256: 'a'.repeat(64),
    takenAt: null,
    width: 4000,
    height: 3000,
    sensitivity: 'restricted',
    sensitiveMetadata: false,
    preview: 'ready',
    importedAt: '2026-01-02T10:00:00Z',
    ...fields,
  };
}

/** A full item record around a summary: no metadata, one occurrence, one custody event, unless given. */
export function itemDetail(summary: ItemSummary, fields: Partial<ItemDetail> = {}): ItemDetail {
  return {
    ...summary,
    description: null,
    photo: null,
    document: null,
    sensitiveFields: [],
    metadataWarnings: [],
    rawMetadata: null,
    occurrences: [{ originalName: summary.originalName, sourcePath: null, modifiedAt: null, createdAt: null, seenAt: summary.importedAt }],
    tags: [],
    custody: [],
    ...fields,
  };
}

type JobEvent = Extract<VigilEvent, { type: 'job-progress' }>;

/** A job-progress event with plausible defaults. */
export function jobEvent(fields: Partial<JobEvent> = {}): JobEvent {
  return {
    type: 'job-progress',
    jobId: 'job-1',
    kind: 'import',
    state: 'running',
    done: 0,
    total: null,
    bytesDone: 0,
    bytesTotal: null,
    failed: 0,
    current: null,
    startedAt: new Date().toISOString(),
    phase: 'importing',
    previewsDone: 0,
    previewsTotal: 0,
    ...fields,
  };
}

export function place(fields: Partial<PlaceSummary> = {}): PlaceSummary {
  const id = nextId++;
  return {
    id: id as PlaceId,
    ref: `PL-${String(id).padStart(6, '0')}`,
    type: 'prison',
    nameFa: null,
    nameLatin: null,
    ...fields,
  };
}

export function exhibitSet(fields: Partial<ExhibitSetSummary> = {}): ExhibitSetSummary {
  const id = nextId++;
  return { id: id as ExhibitSetId, name: `Set ${id}`, prefix: 'IR88', exhibitCount: 0, ...fields };
}
