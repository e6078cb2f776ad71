/**
 * Persons: create, change, soft-delete and restore, their names, the facts' sources, and the person panel.
 * Each public method is one change (one transaction, one change id); the `inChange` functions are the same
 * work for callers already inside a change (the CSV import, undo).
 */
import { randomUUID } from 'node:crypto';
import { personFacts } from '../../shared/dto';
import type {
  Changed,
  NameInput,
  NamePatch,
  Page,
  PersonDetail,
  PersonFact,
  PersonFilter,
  PersonInput,
  PersonPatch,
  PersonSort,
  PersonStats,
  PersonSummary,
  SourceBrief,
} from '../../shared/dto';
import { CatalogueError } from '../../shared/errors';
import type { PersonId, PersonNameId, SourceId } from '../../shared/ids';
import { detectScript } from '../../shared/names/name-key';
import { fieldDiff, undoEdit } from '../changes/field-diff';
import { registerLifecycleUndo } from '../changes/lifecycle-undo';
import { changedSince, notFound, type RecordContext } from '../changes/record-context';
import type { CustodyHistory } from '../custody/custody-history';
import { readDate } from '../db/date-columns';
import type { ItemsRepository } from '../items/items-repository';
import type { LinksRepository } from '../links/links-repository';
import type { SourcesRepository } from '../sources/sources-repository';
import type { TagsRepository } from '../tags/tags-repository';
import type { VocabulariesService } from '../vocabularies/vocabularies-service';
import type { NameFields, NameRecord, PersonNamesRepository } from './person-names-repository';
import type { PersonColumns, PersonRecord, PersonsRepository } from './persons-repository';

/** The facts of a person as a change sees them: dates as the text typed, roles sorted, each fact's source. */
type PersonState = Record<string, unknown>;

const FACT_FIELDS = ['fatherNameFa', 'fatherNameLatin', 'sex', 'fate', 'affiliation', 'biography', 'notes', 'sensitivity'] as const;
const DATE_FIELDS = { birthDate: 'Birth date', arrestDate: 'Arrest date', deathDate: 'Death date' } as const;

function nameSnapshot(name: NameRecord) {
  return {
    id: name.id,
    globalId: name.globalId,
    name: name.name,
    script: name.script,
    language: name.language,
    type: name.type,
    preferred: name.preferred,
    sourceId: name.sourceId,
    importColumn: name.importColumn,
  };
}

export function createPersonsService(
  ctx: RecordContext,
  deps: {
    persons: PersonsRepository;
    names: PersonNamesRepository;
    sources: SourcesRepository;
    links: LinksRepository;
    items: ItemsRepository;
    tags: TagsRepository;
    vocabularies: VocabulariesService;
    history: CustodyHistory;
  },
) {
  const { persons, names } = deps;

  const require = (id: number): PersonRecord => {
    const person = persons.get(id);
    if (!person) throw notFound(`person ${id}`);
    return person;
  };

  /** The source cited for each fact, by fact in a fixed order, so two states compare equal when they cite the same. */
  function factSources(id: number): Record<string, number> {
    const out: Record<string, number> = {};
    const cited = deps.sources.citations('person', id).sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
    for (const c of cited) out[c.field] = c.sourceId;
    return out;
  }

  function state(person: PersonRecord): PersonState {
    return {
      roles: persons.roles(person.id),
      ...Object.fromEntries(FACT_FIELDS.map((f) => [f, person[f]])),
      birthDate: person.birthDate?.original ?? null,
      arrestDate: person.arrestDate?.original ?? null,
      deathDate: person.deathDate?.original ?? null,
      factSources: factSources(person.id),
    };
  }

  function checkRoles(roles: readonly string[] | undefined): string[] | undefined {
    if (roles === undefined) return undefined;
    for (const role of roles) deps.vocabularies.require('roles', role);
    return [...new Set(roles)].sort();
  }

  function checkSource(sourceId: SourceId | null | undefined): void {
    if (sourceId !== null && sourceId !== undefined && !deps.sources.get(sourceId)) throw notFound(`source ${sourceId}`);
  }

  /** The person's columns a patch sets, with its dates read and its codes checked. */
  function columnsOf(patch: PersonPatch): Partial<PersonColumns> {
    const columns: Partial<PersonColumns> = {};
    for (const f of FACT_FIELDS) if (patch[f] !== undefined) (columns as Record<string, unknown>)[f] = patch[f];
    if (patch.fate) deps.vocabularies.require('fates', patch.fate);
    for (const [field, label] of Object.entries(DATE_FIELDS) as Array<[keyof typeof DATE_FIELDS, string]>) {
      if (patch[field] !== undefined) columns[field] = readDate(patch[field], label);
    }
    return columns;
  }

  function nameFields(personId: PersonId, input: NameInput, importColumn: string | null = null): Omit<NameFields, 'preferred'> & { preferred: boolean | undefined } {
    checkSource(input.sourceId);
    return {
      globalId: randomUUID(),
      personId,
      name: input.name,
      script: input.script ?? detectScript(input.name),
      language: input.language ?? null,
      type: input.type ?? 'legal',
      preferred: input.preferred,
      sourceId: input.sourceId ?? null,
      importColumn,
    };
  }

  /**
   * Inside a change: a new person with their names (the first of each script preferred unless one is marked).
   * `options.factSources` cites a source for facts of the new person in the same event (the CSV import).
   */
  function create(
    input: PersonInput,
    extra: Record<string, unknown> = {},
    options: { externalRef?: string | null; importRowJson?: string | null; importColumns?: Array<string | null>; factSources?: Partial<Record<PersonFact, SourceId>> } = {},
  ): PersonRecord {
    if (input.names.length === 0) throw new CatalogueError('INVALID_ARGUMENT', 'A person needs at least one name.');
    const roles = checkRoles(input.roles ?? ['victim'])!;
    const columns = columnsOf(input);
    const globalId = randomUUID();
    const id = persons.insert({
      fatherNameFa: null,
      fatherNameLatin: null,
      sex: null,
      birthDate: null,
      arrestDate: null,
      fate: null,
      deathDate: null,
      affiliation: null,
      biography: null,
      notes: null,
      sensitivity: 'restricted',
      externalRef: options.externalRef ?? null,
      importRowJson: options.importRowJson ?? null,
      ...columns,
      globalId,
      createdAt: ctx.now(),
    });
    persons.setRoles(id, roles);
    const preferredScripts = new Set(input.names.filter((n) => n.preferred).map((n) => n.script ?? detectScript(n.name)));
    const added: NameRecord[] = [];
    input.names.forEach((n, i) => {
      const fields = nameFields(id, n, options.importColumns?.[i] ?? null);
      const preferred = fields.preferred ?? !preferredScripts.has(fields.script);
      if (preferred) preferredScripts.add(fields.script);
      added.push(names.get(names.insert({ ...fields, preferred }))!);
    });
    const cited = Object.entries(options.factSources ?? {}).filter((e): e is [string, SourceId] => e[1] !== null && e[1] !== undefined);
    for (const sourceId of new Set(cited.map(([, s]) => s))) checkSource(sourceId);
    for (const [fact, sourceId] of cited) deps.sources.setCitation('person', id, fact, sourceId, randomUUID(), ctx.now());
    const person = require(id);
    const after = state(person);
    ctx.custody.append({
      action: 'record-created',
      targetType: 'person',
      targetRef: person.ref,
      targetGlobalId: globalId,
      mentions: added.map((n) => n.globalId),
      details: { after, names: added.map(nameSnapshot), ...(options.externalRef ? { externalRef: options.externalRef } : {}), ...extra },
    });
    return person;
  }

  /** Inside a change: writes what the patch changes, logged with before and after; nothing if nothing differs. */
  function update(id: PersonId, patch: PersonPatch, extra: Record<string, unknown> = {}, options: { importRowJson?: string | null } = {}): PersonRecord {
    const person = require(id);
    if (person.deletedAt && !extra.undoOf) throw new CatalogueError('CONFLICT', `${person.ref} is deleted: restore it before changing it.`);
    const current = state(person);
    const next: PersonState = { ...patch };
    // A blank date is no date: recorded (and compared) as null, as create stores it.
    for (const field of Object.keys(DATE_FIELDS) as Array<keyof typeof DATE_FIELDS>) {
      if (typeof patch[field] === 'string' && patch[field].trim() === '') next[field] = null;
    }
    if (patch.roles !== undefined) next.roles = checkRoles(patch.roles);
    if (patch.factSources !== undefined) {
      const merged: Record<string, number> = { ...(current.factSources as Record<string, number>) };
      for (const [fact, sourceId] of Object.entries(patch.factSources)) {
        checkSource(sourceId);
        if (sourceId === null || sourceId === undefined) delete merged[fact];
        else merged[fact] = sourceId;
      }
      next.factSources = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    const diff = fieldDiff(current, next);
    if (!diff) {
      if (options.importRowJson !== undefined && options.importRowJson !== person.importRowJson) persons.update(id, { importRowJson: options.importRowJson }, person.updatedAt);
      return person;
    }
    const changed = diff.after as PersonPatch;
    persons.update(id, { ...columnsOf(changed), ...(options.importRowJson !== undefined ? { importRowJson: options.importRowJson } : {}) }, ctx.now());
    if (changed.roles !== undefined) persons.setRoles(id, changed.roles ?? []);
    if (diff.after.factSources !== undefined) {
      const wanted = (diff.after.factSources ?? {}) as Record<string, SourceId>;
      const had = (diff.before.factSources ?? {}) as Record<string, SourceId>;
      for (const fact of new Set([...Object.keys(wanted), ...Object.keys(had)])) {
        if (wanted[fact] !== had[fact]) deps.sources.setCitation('person', id, fact, wanted[fact] ?? null, randomUUID(), ctx.now());
      }
    }
    ctx.custody.append({ action: 'record-edited', targetType: 'person', targetRef: person.ref, targetGlobalId: person.globalId, details: { ...diff, ...extra } });
    return require(id);
  }

  function remove(id: number, reason: string, extra: Record<string, unknown> = {}): PersonRecord {
    const person = require(id);
    if (person.deletedAt) return person;
    persons.setDeleted(id, ctx.now(), reason, ctx.now());
    ctx.custody.append({ action: 'record-deleted', targetType: 'person', targetRef: person.ref, targetGlobalId: person.globalId, details: { reason, ...extra } });
    return require(id);
  }

  function restore(id: number, extra: Record<string, unknown> = {}): PersonRecord {
    const person = require(id);
    if (!person.deletedAt) return person;
    persons.setDeleted(id, null, null, ctx.now());
    ctx.custody.append({ action: 'record-restored', targetType: 'person', targetRef: person.ref, targetGlobalId: person.globalId, details: { ...extra } });
    return require(id);
  }

  function nameEvent(action: string, person: PersonRecord, name: NameRecord, details: Record<string, unknown>): void {
    ctx.custody.append({
      action,
      targetType: 'person-name',
      targetRef: person.ref,
      targetGlobalId: name.globalId,
      mentions: [person.globalId],
      details: { person: person.globalId, ...details },
    });
    persons.touch(person.id, ctx.now());
  }

  /** A deleted person's names change only by undo: like its facts, it is restored before being changed. */
  function requireLiveForNames(personId: number, extra: Record<string, unknown>): PersonRecord {
    const person = require(personId);
    if (person.deletedAt && !extra.undoOf) throw new CatalogueError('CONFLICT', `${person.ref} is deleted: restore it before changing its names.`);
    return person;
  }

  function addName(personId: PersonId, input: NameInput, extra: Record<string, unknown> = {}, importColumn: string | null = null, restoreAs?: { id: number; globalId: string }): NameRecord {
    const person = requireLiveForNames(personId, extra);
    const fields = nameFields(personId, input, importColumn);
    const preferred = fields.preferred ?? !names.forPerson(personId).some((n) => n.script === fields.script);
    const displaced = preferred ? displacedBy(personId, fields.script, null) : {};
    const id = names.insert({ ...fields, preferred, ...(restoreAs ? { globalId: restoreAs.globalId } : {}) }, restoreAs?.id ?? null);
    const name = names.get(id)!;
    nameEvent('name-added', person, name, { name: nameSnapshot(name), ...displaced, ...extra });
    return name;
  }

  /**
   * The name that loses the preferred mark when another name of its script takes it (one per script), recorded in
   * the event so that undo can give the mark back.
   */
  function displacedBy(personId: number, script: string, selfId: number | null): { unpreferred?: string } {
    const previous = names.forPerson(personId).find((n) => n.script === script && n.preferred && n.id !== selfId);
    return previous ? { unpreferred: previous.globalId } : {};
  }

  /** Undo's second half: the name an undone change took the preferred mark from gets it back, if none has it now. */
  function givePreferredBack(details: Record<string, unknown>, undoOf: string): void {
    const other = typeof details.unpreferred === 'string' ? names.byGlobalId(details.unpreferred) : null;
    if (!other || names.forPerson(other.personId).some((n) => n.script === other.script && n.preferred)) return;
    updateName(other.id, { preferred: true }, { undoOf });
  }

  function updateName(id: number, patch: NamePatch, extra: Record<string, unknown> = {}): NameRecord {
    const name = names.get(id);
    if (!name) throw notFound(`name ${id}`);
    requireLiveForNames(name.personId, extra);
    checkSource(patch.sourceId);
    const current = { name: name.name, script: name.script, language: name.language, type: name.type, preferred: name.preferred, sourceId: name.sourceId };
    const wanted: NamePatch = { ...patch };
    // A name rewritten in another script moves to that script, unless the edit says which script it is in.
    if (patch.name !== undefined && patch.script === undefined && detectScript(patch.name) !== detectScript(name.name)) {
      wanted.script = detectScript(patch.name);
    }
    const diff = fieldDiff(current, { ...wanted });
    if (!diff) return name;
    const next = { ...name, ...(diff.after as Partial<NameRecord>) };
    const displaced = next.preferred && (!name.preferred || next.script !== name.script) ? displacedBy(name.personId, next.script, id) : {};
    // A name taken out of the preferred slot leaves another of its script to be shown: the first one.
    names.update(id, next);
    nameEvent('name-edited', require(name.personId), names.get(id)!, { ...diff, ...displaced, ...extra });
    return names.get(id)!;
  }

  function removeName(id: number, extra: Record<string, unknown> = {}): void {
    const name = names.get(id);
    if (!name) throw notFound(`name ${id}`);
    requireLiveForNames(name.personId, extra);
    if (names.count(name.personId) <= 1) {
      throw new CatalogueError('CONFLICT', 'A person keeps at least one name: add another name before removing this one.');
    }
    names.remove(id);
    nameEvent('name-removed', require(name.personId), name, { name: nameSnapshot(name), ...extra });
  }

  registerLifecycleUndo(ctx, 'person', { idOf: (g) => persons.byGlobalId(g)?.id ?? null, isDeleted: (id) => require(id).deletedAt !== null, remove, restore });
  ctx.undoers.set('person:record-edited', (event, undoOf) => {
    const person = persons.byGlobalId(event.targetGlobalId ?? '');
    if (!person) throw notFound(`person ${event.targetRef ?? ''}`);
    undoEdit(person.ref, state(person), event.details, (before) => {
      const patch = { ...before } as PersonPatch & Record<string, unknown>;
      if (before.factSources !== undefined) {
        // The sources as they were: facts cited since get none again.
        const was = (before.factSources ?? {}) as Record<string, SourceId>;
        const now = factSources(person.id);
        patch.factSources = Object.fromEntries([...new Set([...Object.keys(was), ...Object.keys(now)])].map((f) => [f, was[f] ?? null]));
      }
      update(person.id, patch, { undoOf });
    }, changedSince);
  });
  const nameOf = (event: { targetGlobalId?: string; targetRef: string | null }) => {
    const name = names.byGlobalId(event.targetGlobalId ?? '');
    if (!name) throw changedSince(event.targetRef ?? '', 'the name was removed');
    return name;
  };
  ctx.undoers.set('person-name:name-added', (event, undoOf) => {
    removeName(nameOf(event).id, { undoOf });
    givePreferredBack(event.details, undoOf);
  });
  ctx.undoers.set('person-name:name-edited', (event, undoOf) => {
    const name = nameOf(event);
    const current = { name: name.name, script: name.script, language: name.language, type: name.type, preferred: name.preferred, sourceId: name.sourceId };
    undoEdit(event.targetRef ?? '', current, event.details, (before) => updateName(name.id, before as NamePatch, { undoOf }), changedSince);
    givePreferredBack(event.details, undoOf);
  });
  ctx.undoers.set('person-name:name-removed', (event, undoOf) => {
    const snap = event.details.name as ReturnType<typeof nameSnapshot>;
    const person = persons.byGlobalId(String(event.details.person ?? ''));
    if (!person) throw notFound(`person ${event.targetRef ?? ''}`);
    if (names.get(snap.id)) throw changedSince(event.targetRef ?? '', 'the name exists again');
    addName(person.id, { name: snap.name, script: snap.script, language: snap.language, type: snap.type, preferred: snap.preferred, sourceId: snap.sourceId as SourceId | null }, { undoOf }, snap.importColumn, { id: snap.id, globalId: snap.globalId });
  });

  function brief(id: number | null): SourceBrief | null {
    return deps.sources.brief(id);
  }

  /**
   * The source of each fact: its own citation, else the record's (a CSV row's source cites the whole row),
   * for the facts that have a value.
   */
  function sourcesOfFacts(person: PersonRecord): Partial<Record<PersonFact, SourceBrief>> {
    const own = factSources(person.id);
    const whole = deps.sources.recordCitation('person', person.id);
    const given: Record<PersonFact, boolean> = {
      // Roles are what Vigil gives a record (victim, by default), not what a list said: never cited from the whole record.
      roles: false,
      fatherName: !!(person.fatherNameFa || person.fatherNameLatin),
      sex: person.sex !== null,
      birthDate: person.birthDate !== null,
      arrestDate: person.arrestDate !== null,
      fate: person.fate !== null,
      deathDate: person.deathDate !== null,
      affiliation: person.affiliation !== null,
      biography: person.biography !== null,
    };
    const out: Partial<Record<PersonFact, SourceBrief>> = {};
    for (const fact of personFacts) {
      const sourceId = own[fact] ?? (given[fact] ? whole : null);
      const source = sourceId === null || sourceId === undefined ? null : brief(sourceId);
      if (source) out[fact] = source;
    }
    return out;
  }

  function detail(id: number): PersonDetail {
    const person = require(id);
    const summary = persons.summary(id)!;
    const allLinks = deps.links.forPerson(id);
    const itemLinks = allLinks.filter((l) => l.shape === 'item-person');
    const items = deps.items.summaries(itemLinks.map((l) => l.from.id));
    const byId = new Map(items.map((i) => [i.id as number, i]));
    return {
      ...summary,
      names: names.forPerson(id).map((n) => ({
        id: n.id as PersonNameId,
        globalId: n.globalId,
        name: n.name,
        script: n.script,
        language: n.language,
        type: n.type,
        preferred: n.preferred,
        source: brief(n.sourceId),
      })),
      fatherNameFa: person.fatherNameFa,
      fatherNameLatin: person.fatherNameLatin,
      sex: person.sex,
      birthDate: person.birthDate,
      arrestDate: person.arrestDate,
      affiliation: person.affiliation,
      biography: person.biography,
      notes: person.notes,
      externalRef: person.externalRef,
      factSources: sourcesOfFacts(person),
      createdAt: person.createdAt,
      updatedAt: person.updatedAt,
      deletedAt: person.deletedAt,
      deletedReason: person.deletedReason,
      places: allLinks.filter((l) => l.shape === 'person-place'),
      relatives: allLinks.filter((l) => l.shape === 'person-person'),
      items: itemLinks.flatMap((link) => {
        const item = byId.get(link.from.id);
        return item ? [{ link, item }] : [];
      }),
      tags: deps.tags.forPerson(id),
      custody: deps.history.forRecord(person.globalId),
    };
  }

  const areas = ['persons'] as const;
  return {
    list(args: { filter: PersonFilter; sort: PersonSort; order: 'asc' | 'desc'; offset: number; limit: number }): Page<PersonSummary> {
      return persons.page(args);
    },
    stats: (filter: PersonFilter): PersonStats => persons.stats(filter),
    detail,
    create: (input: PersonInput): Changed<PersonDetail> => ctx.runChange([...areas, 'places'], () => detail(create(input).id)),
    update: (id: PersonId, patch: PersonPatch): Changed<PersonDetail> => ctx.runChange([...areas], () => detail(update(id, patch).id)),
    remove: (id: PersonId, reason: string): Changed<PersonDetail> => ctx.runChange([...areas, 'places'], () => detail(remove(id, reason).id)),
    restore: (id: PersonId): Changed<PersonDetail> => ctx.runChange([...areas, 'places'], () => detail(restore(id).id)),
    addName: (personId: PersonId, input: NameInput): Changed<PersonDetail> => ctx.runChange([...areas], () => detail(addName(personId, input).personId)),
    updateName: (id: PersonNameId, patch: NamePatch): Changed<PersonDetail> => ctx.runChange([...areas], () => detail(updateName(id, patch).personId)),
    removeName: (id: PersonNameId): Changed<PersonDetail> =>
      ctx.runChange([...areas], () => {
        const name = names.get(id);
        if (!name) throw notFound(`name ${id}`);
        removeName(id);
        return detail(name.personId);
      }),
    /** The same work for callers already inside a change (the CSV import). */
    inChange: { create, update, remove, restore, addName, updateName, removeName, state },
  };
}

export type PersonsService = ReturnType<typeof createPersonsService>;
