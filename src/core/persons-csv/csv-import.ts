/**
 * Importing persons from a CSV file (fixtures/persons/README.md), idempotently.
 *
 * Matching: a row is the person whose global id is in its `global_id` cell (Vigil's own exports carry it),
 * else the person whose external reference is its `ref`, else a new person (who keeps `ref` as their external
 * reference). A second row of the file with the same ref or global id, or a row that would reach a person
 * another row already reached, is reported and skipped.
 *
 * Re-importing: each person keeps the normalised values of the row they were last imported from
 * (importRowJson). A row equal to them is `unchanged` and writes nothing. Otherwise only the columns whose
 * value differs from the stored row are applied, so what an archivist changed in Vigil in other fields stays.
 * A row matched by its global_id is a row of Vigil's own export (perhaps edited in a spreadsheet): it is
 * compared with the person as they are now (their own exported row) and applied like an archivist's edit,
 * leaving the stored row alone, so the source list's next import still sees only its own changes. A row
 * whose changes turn out to change nothing in the catalogue counts as unchanged.
 *
 * What the import owns, and so may take back when the file changes:
 * - names: those it added, recognised by their import column (name_fa, name_latin, other_names) and text;
 * - place links: the live link of a column's type to the place the stored row's cell names (by name key, in
 *   either script). When the cell changes, that link is removed and one to the new place is made; a name the
 *   archivist's link already points to is left as it is.
 * - facts: the person's fields and the citations of the row's source for the facts the row gives. A changed
 *   `source` re-cites those facts; existing place links keep the source they were made with.
 *
 * Batches: rows are applied in batches of BATCH_SIZE, each batch one transaction and one change (one change
 * id, one 'catalogue-changed' announcement). A batch is applied first without savepoints (they cost a
 * statement journal each); if one of its rows fails, the batch is rolled back and applied again with a
 * savepoint per row, so the failing row is reported and leaves nothing behind while the rest commits. A crash
 * loses at most the batch being written, never part of a person. Cancelling stops between batches; progress
 * is reported after each. Every custody event names the file and the row (details: via 'csv-import', file,
 * row), so a person's history shows where each change came from; undoing a batch's change takes back that
 * batch (undo works by change, and a change here is a batch).
 */
import { basename } from 'node:path';
import type { ChangedArea, CsvProblem, JobProgress, NameInput, PersonFact, PersonPatch, PersonsCsvMapping, PersonsImportSummary } from '../../shared/dto';
import { CatalogueError } from '../../shared/errors';
import type { PersonId, PlaceId, SourceId } from '../../shared/ids';
import { nameKey } from '../../shared/names/name-key';
import type { RecordServices } from '../api/wire-services';
import type { RecordContext } from '../changes/record-context';
import { proposeMapping, resolveMapping } from './column-mapping';
import { createPersonRowWriter, type RowPerson } from './create-person-row';
import { readCsvFile, type CsvRow } from './csv-reading';
import { guardCell } from './formula-guard';
import { EXPORT_HEADERS, LINK_TYPE_OF, namesPlace, personRowsById } from './person-row';
import type { PersonKey, PersonsCsvRepository } from './persons-csv-repository';
import {
  createRowReader,
  orderedValues,
  parseStoredValues,
  PLACE_COLUMNS,
  sameValue,
  sameValues,
  VALUE_COLUMNS,
  type PlaceColumn,
  type ReadRow,
  type RowValues,
  type ValueColumn,
} from './row-values';

/**
 * Rows per transaction. Measured on 30,000 rows (2 cores, idle, with the bulk checkpointing of
 * db/bulk-writes.ts): 1,000 → 9.2 s, 2,500 → 8.0 s (fewer commits, each index page written fewer times).
 * 2,500 rows are under a second of work here: a cancel or a crash loses at most that, and progress comes about
 * once a second.
 */
export const BATCH_SIZE = 2500;
const AREAS: ChangedArea[] = ['persons', 'places', 'sources', 'links'];
type Outcome = 'created' | 'updated' | 'unchanged';
/** A problem with the row as a whole rather than one of its cells. */
export const WHOLE_ROW = '(whole row)';

export interface CsvImportOptions {
  mapping?: PersonsCsvMapping;
  fileName?: string;
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
}

export interface CsvImportDeps {
  ctx: RecordContext;
  services: RecordServices;
  repo: PersonsCsvRepository;
}

/** The person's fields each column writes. */
const FIELD_OF: Partial<Record<ValueColumn, keyof PersonPatch>> = {
  father_name_fa: 'fatherNameFa',
  father_name_latin: 'fatherNameLatin',
  sex: 'sex',
  birth_date: 'birthDate',
  arrest_date: 'arrestDate',
  fate: 'fate',
  death_date: 'deathDate',
  affiliation: 'affiliation',
  notes: 'notes',
};

/** The facts a row's source is cited for, and the columns that give each. */
const FACT_COLUMNS: Array<[PersonFact, ValueColumn[]]> = [
  ['fatherName', ['father_name_fa', 'father_name_latin']],
  ['sex', ['sex']],
  ['birthDate', ['birth_date']],
  ['arrestDate', ['arrest_date']],
  ['fate', ['fate']],
  ['deathDate', ['death_date']],
  ['affiliation', ['affiliation']],
];

const NAME_COLUMNS = ['name_fa', 'name_latin'] as const;
const MASS_GRAVE = [nameKey('mass grave'), nameKey('گور جمعی'), nameKey('گورجمعی')];

/** The type a place named in a column is made with when no place has that name yet. */
export function placeTypeFor(column: PlaceColumn, text: string): string {
  switch (column) {
    case 'prison':
      return 'prison';
    case 'burial_place': {
      const key = nameKey(text);
      return MASS_GRAVE.some((k) => key.includes(k)) ? 'mass-grave' : 'burial-site';
    }
    case 'birth_place':
      return 'city';
    case 'death_place':
      return 'other';
  }
}

const str = (value: RowValues[ValueColumn]): string | null => (typeof value === 'string' ? value : null);
const list = (value: RowValues[ValueColumn]): string[] => (Array.isArray(value) ? value : []);

/** Rows that cannot be applied as they stand: too many cells, a second use of a ref or a global id. */
function fileProblems(rows: readonly CsvRow[], read: readonly ReadRow[], headerCount: number): Map<number, CsvProblem> {
  const problems = new Map<number, CsvProblem>();
  const refs = new Map<string, number>();
  const globals = new Map<string, number>();
  rows.forEach((row, i) => {
    const r = read[i]!;
    const extra = row.cells.slice(headerCount).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      problems.set(i, {
        row: row.row,
        column: WHOLE_ROW,
        reason: `This row has ${row.cells.length} cells but the header names ${headerCount} columns (a comma in an unquoted cell?), so its cells cannot be matched to columns. The row was not imported.`,
      });
      return;
    }
    if (!r.importable) return;
    if (r.globalId !== null) {
      const first = globals.get(r.globalId);
      if (first !== undefined) {
        problems.set(i, { row: row.row, column: 'global_id', reason: `Row ${first} has the same global_id: each person appears once in a file. The row was not imported.` });
        return;
      }
      globals.set(r.globalId, row.row);
    }
    if (r.ref !== null) {
      const first = refs.get(r.ref);
      if (first !== undefined) {
        problems.set(i, { row: row.row, column: 'ref', reason: `Row ${first} has the same ref "${r.ref.slice(0, 60)}": each person appears once in a file. The row was not imported.` });
        return;
      }
      refs.set(r.ref, row.row);
    }
  });
  return problems;
}

export async function importPersonsCsv(deps: CsvImportDeps, path: string, options: CsvImportOptions = {}): Promise<PersonsImportSummary> {
  const { ctx, services, repo } = deps;
  const { persons, places, sources, links, vocabularies } = services;
  const table = await readCsvFile(path);
  const mapping = resolveMapping(table.headers, options.mapping ?? proposeMapping(table.headers));
  ctx.custody.requireActor();
  const fileName = options.fileName ?? basename(path);

  const readRow = createRowReader(mapping, vocabularies);
  const read = table.rows.map((r) => readRow(r.row, r.cells));
  const rejected = fileProblems(table.rows, read, table.headers.length);

  // A person's own exported row, read back as a row of a file: what a row of Vigil's own export is compared with.
  // Read for a whole batch at once (the rows of a batch are different persons, each changed only by its row).
  const exportReader = createRowReader(resolveMapping(EXPORT_HEADERS, proposeMapping(EXPORT_HEADERS)), vocabularies);
  let ownRows = new Map<number, string[]>();
  const ownValues = (id: number): RowValues => {
    const cells = ownRows.get(id) ?? personRowsById(repo, [id]).get(id);
    return cells ? exportReader(0, cells.map(guardCell)).values : {};
  };

  // Everything matching needs, read once: persons by global id and by external reference.
  const byId = new Map<number, PersonKey>();
  const byGlobalId = new Map<string, PersonKey>();
  const byRef = new Map<string, PersonKey>();
  const remember = (key: PersonKey) => {
    byId.set(key.id, key);
    byGlobalId.set(key.globalId, key);
    if (key.externalRef !== null) byRef.set(key.externalRef, key);
  };
  const forget = (id: number, globalId: string, externalRef: string | null) => {
    byId.delete(id);
    byGlobalId.delete(globalId);
    if (externalRef !== null) byRef.delete(externalRef);
  };
  for (const key of repo.keys()) remember(key);
  /** The person a merged record now lives on. */
  const live = (key: PersonKey | undefined): PersonKey | undefined => {
    for (let steps = 0; key && key.mergedIntoId !== null && steps < 100; steps++) key = byId.get(key.mergedIntoId);
    return key;
  };

  const placeIndex = services.repos.places.nameIndex();
  const createPersonFromRow = createPersonRowWriter(ctx, services.repos);
  const sourceIds = new Map<string, SourceId>();
  /**
   * What the rows not yet committed added to the in-memory indexes, newest last: taken back when their
   * transaction (or a row's savepoint) rolls back, so the indexes never point at records that are not there.
   */
  const journal: Array<() => void> = [];
  const takeBack = (mark: number) => {
    while (journal.length > mark) journal.pop()!();
  };

  const sourceFor = (title: string): SourceId => {
    let id = sourceIds.get(title);
    if (id === undefined) {
      id = sources.findOrCreate(title).id;
      sourceIds.set(title, id);
      journal.push(() => sourceIds.delete(title));
    }
    return id;
  };
  const placeFor = (column: PlaceColumn, text: string): PlaceId => {
    const key = nameKey(text);
    const had = placeIndex.has(key);
    const id = places.findOrCreateByName(text, placeTypeFor(column, text), placeIndex);
    if (!had) journal.push(() => placeIndex.delete(key));
    return id;
  };

  const details = (row: number) => ({ via: 'csv-import', file: fileName, row });

  function facts(values: RowValues, only?: ReadonlySet<ValueColumn>): PersonPatch {
    const patch: Record<string, unknown> = {};
    for (const [column, field] of Object.entries(FIELD_OF) as Array<[ValueColumn, keyof PersonPatch]>) {
      if (!(column in values) || (only && !only.has(column))) continue;
      patch[field] = str(values[column]);
    }
    return patch as PersonPatch;
  }

  function link(personId: PersonId, column: PlaceColumn, text: string, sourceId: SourceId | null, extra: Record<string, unknown>): void {
    links.ensure({ type: LINK_TYPE_OF[column], personId, placeId: placeFor(column, text), certainty: 'reported', sourceId }, extra);
  }

  const placeGlobalIds = new Map<number, string>();
  const placeGlobalId = (id: PlaceId): string => {
    let globalId = placeGlobalIds.get(id);
    if (globalId === undefined) {
      globalId = services.repos.places.get(id)!.globalId;
      placeGlobalIds.set(id, globalId);
    }
    return globalId;
  };

  function create(r: ReadRow): void {
    const v = r.values;
    const names: RowPerson['names'] = [];
    const add = (name: string, input: Omit<NameInput, 'name'>, column: string) => {
      if (names.some((n) => n.name === name)) return;
      names.push({ name, ...input, importColumn: column });
    };
    for (const column of NAME_COLUMNS) {
      const name = str(v[column]);
      if (name) add(name, { type: 'legal', preferred: true }, column);
    }
    for (const name of list(v.other_names)) add(name, { type: 'variant' }, 'other_names');
    const source = str(v.source);
    const sourceId = source ? sourceFor(source) : null;
    const places: RowPerson['places'] = [];
    for (const column of PLACE_COLUMNS) {
      const text = str(v[column]);
      if (!text) continue;
      const placeId = placeFor(column, text);
      const type = LINK_TYPE_OF[column];
      // The same place twice in one column type (two spellings of one place) is one link.
      if (!places.some((p) => p.type === type && p.placeId === placeId)) places.push({ type, placeId, placeGlobalId: placeGlobalId(placeId) });
    }
    const person = createPersonFromRow({ names, facts: facts(v), externalRef: r.ref, importRowJson: r.json, sourceId, places, details: details(r.row) });
    remember({ id: person.id, globalId: person.globalId, externalRef: r.ref, mergedIntoId: null, deleted: false });
    journal.push(() => forget(person.id, person.globalId, r.ref));
  }

  /**
   * Applies the columns that differ; true when anything in the catalogue changed. A row matched by its
   * global_id comes from Vigil's own export: it is compared with the person as they are now, and applied as an
   * archivist's edit, leaving the stored row of the list the person was imported from as it is. Any other
   * row is compared with that stored row, and becomes it.
   */
  function update(id: PersonId, r: ReadRow, viaGlobalId: boolean): boolean {
    let stored: RowValues | null = null;
    let base: RowValues;
    if (viaGlobalId) {
      base = ownValues(id);
      if (sameValues(r.values, base)) return false;
    } else {
      const storedJson = repo.importRowJson(id);
      if (storedJson === r.json) return false;
      stored = parseStoredValues(storedJson);
      if (stored && sameValues(r.values, stored)) return false;
      base = stored ?? ownValues(id);
    }
    const v = r.values;
    const changed = new Set(VALUE_COLUMNS.filter((c) => c in v && !sameValue(v[c], base[c])));
    const merged = orderedValues({ ...(stored ?? {}), ...v });
    const extra = details(r.row);
    const before = ctx.custody.head().seq;

    // Names: the new ones first, so removing an old one never leaves the person without a name.
    const wanted = new Set([...NAME_COLUMNS.map((c) => str(v[c])), ...list(v.other_names)].filter((n): n is string => n !== null));
    const removals: Array<{ column: string; name: string }> = [];
    const additions: Array<{ column: string; name: string; input: Omit<NameInput, 'name'> }> = [];
    for (const column of NAME_COLUMNS) {
      if (!changed.has(column)) continue;
      const was = str(base[column]);
      const now = str(v[column]);
      if (now) additions.push({ column, name: now, input: { type: 'legal', preferred: true } });
      if (was && was !== now) removals.push({ column, name: was });
    }
    if (changed.has('other_names')) {
      const was = list(base.other_names);
      const now = list(v.other_names);
      for (const name of now) if (!was.includes(name)) additions.push({ column: 'other_names', name, input: { type: 'variant' } });
      for (const name of was) if (!now.includes(name)) removals.push({ column: 'other_names', name });
    }
    if (additions.length > 0 || removals.length > 0) {
      const names = services.repos.names;
      for (const a of additions) {
        if (names.forPerson(id).some((n) => n.name === a.name)) continue;
        persons.inChange.addName(id, { name: a.name, ...a.input }, extra, a.column);
      }
      for (const rm of removals) {
        if (wanted.has(rm.name)) continue;
        const name = names.forPerson(id).find((n) => n.importColumn === rm.column && n.name === rm.name);
        if (name) persons.inChange.removeName(name.id, extra);
      }
    }

    // Facts, and the citations of the row's source for them.
    const patch = facts(v, changed);
    if ('source' in v) {
      const source = str(v.source);
      const sourceId = source ? sourceFor(source) : null;
      const cited: Partial<Record<PersonFact, SourceId | null>> = {};
      for (const [fact, columns] of FACT_COLUMNS) {
        const given = columns.some((c) => str(v[c]) !== null);
        if (changed.has('source') ? given : columns.some((c) => changed.has(c))) cited[fact] = given ? sourceId : null;
      }
      if (Object.keys(cited).length > 0) patch.factSources = cited;
    }
    persons.inChange.update(id, patch, extra, viaGlobalId ? {} : { importRowJson: JSON.stringify(merged) });

    // Place links.
    const placeColumns = PLACE_COLUMNS.filter((c) => changed.has(c));
    if (placeColumns.length > 0) {
      const current = repo.placeLinks([id]);
      const source = str(merged.source ?? null);
      const sourceId = source ? sourceFor(source) : null;
      for (const column of placeColumns) {
        const ofType = current.filter((l) => l.type === LINK_TYPE_OF[column]);
        const was = str(base[column]);
        const now = str(v[column]);
        const old = was !== null ? ofType.find((l) => namesPlace(was, l)) : undefined;
        const kept = now !== null ? ofType.find((l) => namesPlace(now, l)) : undefined;
        if (now !== null && !kept) link(id, column, now, sourceId, extra);
        if (old && old !== kept) links.removeInChange(old.id, 'Changed in the CSV file', extra);
      }
    }
    return ctx.custody.head().seq !== before;
  }

  const summary: PersonsImportSummary = { created: 0, updated: 0, unchanged: 0, invalid: [], cancelled: false };
  const touched = new Set<number>();
  let done = 0;
  let failed = 0;
  /** Progress is reported once a batch has committed (about every 0.1 s at the measured speed). */
  const report = (current: string | null) => options.onProgress?.({ done, total: read.length, failed, current });

  /** The outcome of a batch, added to the summary once its transaction has committed. */
  interface Batch {
    counts: Record<Outcome, number>;
    failed: number;
    problems: CsvProblem[];
    touched: Set<number>;
  }
  /** A row failed in a batch applied without savepoints: the batch is rolled back and applied again with them. */
  class RowFailed extends Error {}

  const inSavepoint = ctx.db.transaction((fn: () => Outcome): Outcome => fn());
  function apply(i: number, batch: Batch, savepoint: boolean): void {
    const r = read[i]!;
    batch.problems.push(...r.problems);
    const problem = rejected.get(i);
    if (problem) batch.problems.push(problem);
    if (!r.importable || problem) {
      batch.failed += 1;
      return;
    }
    const found = live((r.globalId !== null ? byGlobalId.get(r.globalId) : undefined) ?? (r.ref !== null ? byRef.get(r.ref) : undefined));
    const column = r.globalId !== null && byGlobalId.has(r.globalId) ? 'global_id' : 'ref';
    const refuse = (reason: string) => {
      batch.problems.push({ row: r.row, column, reason });
      batch.failed += 1;
    };
    if (found && (touched.has(found.id) || batch.touched.has(found.id))) {
      return refuse('An earlier row of this file was already imported into the same person. The row was not imported.');
    }
    if (found?.deleted) return refuse('This row is a person who is deleted in this catalogue: restore them to import this row into them. The row was not imported.');
    const work = (): Outcome => {
      if (!found) {
        create(r);
        return 'created';
      }
      return update(found.id as PersonId, r, column === 'global_id') ? 'updated' : 'unchanged';
    };
    const mark = journal.length;
    try {
      batch.counts[savepoint ? inSavepoint(work) : work()] += 1;
      if (found) batch.touched.add(found.id);
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      if (!savepoint) throw new RowFailed();
      takeBack(mark);
      refuse(`${error.message} The row was not imported.`);
    }
  }

  /** The persons the rows of a batch reach by their global_id. */
  const matchedByGlobalId = (start: number, end: number): number[] =>
    read.slice(start, end).flatMap((r) => {
      const key = r.globalId !== null ? live(byGlobalId.get(r.globalId)) : undefined;
      return key ? [key.id] : [];
    });

  /**
   * One batch: one transaction, one change. Applied first without savepoints (each costs a statement journal);
   * if a row fails, everything is rolled back and the batch is applied again with a savepoint per row.
   */
  function runBatch(start: number, end: number): Batch {
    for (const savepoint of [false, true]) {
      const batch: Batch = { counts: { created: 0, updated: 0, unchanged: 0 }, failed: 0, problems: [], touched: new Set() };
      const mark = journal.length;
      ownRows = personRowsById(repo, matchedByGlobalId(start, end));
      try {
        ctx.runChange(AREAS, () => {
          for (let i = start; i < end; i++) apply(i, batch, savepoint);
        });
        journal.length = 0;
        ownRows = new Map();
        return batch;
      } catch (error) {
        takeBack(mark);
        if (!(error instanceof RowFailed)) throw error;
      }
    }
    throw new Error('unreachable: a batch applied with savepoints reports failing rows instead of throwing');
  }

  report(null);
  for (let start = 0; start < read.length; start += BATCH_SIZE) {
    if (options.signal?.aborted) {
      summary.cancelled = true;
      break;
    }
    const end = Math.min(start + BATCH_SIZE, read.length);
    const batch = runBatch(start, end);
    for (const outcome of ['created', 'updated', 'unchanged'] as const) summary[outcome] += batch.counts[outcome];
    summary.invalid.push(...batch.problems);
    for (const id of batch.touched) touched.add(id);
    failed += batch.failed;
    done = end;
    report(`row ${read[end - 1]!.row}`);
    // Let a cancel, the progress and other work through between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  summary.invalid.sort((a, b) => a.row - b.row);
  return summary;
}
