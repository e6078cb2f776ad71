/**
 * Records for component tests, as the core would send them: each factory fills every field with a plain default
 * (no names, no dates, nothing linked) and takes the fields a test cares about. Ids come from one counter, so
 * records made in any order never share an id. Re-exported by fake-client.ts.
 */
import { parseHistoricalDate } from '../../src/shared/dates/historical-date';
import type {
  CustodyEvent,
  ExhibitSetSummary,
  HistoricalDate,
  ItemDetail,
  ItemSummary,
  JobKind,
  JobProgressEvent,
  LinkEnd,
  LinkView,
  PersonDetail,
  PersonName,
  PersonSummary,
  PlaceDetail,
  PlaceSummary,
  SourceBrief,
  SourceSummary,
  TagDto,
  TagRef,
  Term,
  VerifyReport,
  Vocabularies,
} from '../../src/shared/dto';
import type { ExhibitSetId, ItemId, LinkId, PersonId, PersonNameId, PlaceId, SourceId, TagId } from '../../src/shared/ids';

let nextId = 1;

/** A fresh id for any record (one counter for all kinds). */
export function nextRecordId(): number {
  return nextId++;
}

/** A well-formed, unique UUID (version 4 layout), for global ids. */
export function globalId(id: number = nextRecordId()): string {
  return `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`;
}

const at = '2026-01-02T10:00:00Z';

/** A date as the core stores it, read from text the way an archivist types it ('Mordad 1367', '1988-08-23'). */
export function historicalDate(text: string): HistoricalDate {
  const result = parseHistoricalDate(text);
  if (!result.ok) throw new Error(`historicalDate('${text}'): ${result.message}`);
  return result.date;
}

// ---------- Items ----------

export function item(fields: Partial<ItemSummary> = {}): ItemSummary {
  const id = nextRecordId();
  return {
    id: id as ItemId,
    ref: `ITM-${String(id).padStart(6, '0')}`,
    globalId: globalId(id),
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
    importedAt: at,
    ...fields,
  };
}

/** A full item record around a summary: no metadata, one occurrence, no custody events, unless given. */
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
    acquisition: { source: null, acquiredBy: null, method: null, date: null },
    tags: [],
    links: [],
    custody: [],
    ...fields,
  };
}

// ---------- Persons ----------

export function person(fields: Partial<PersonSummary> = {}): PersonSummary {
  const id = nextRecordId();
  return {
    id: id as PersonId,
    ref: `V-${String(id).padStart(6, '0')}`,
    globalId: globalId(id),
    nameFa: null,
    nameLatin: null,
    roles: [],
    fate: null,
    deathDate: null,
    prison: null,
    sensitivity: 'restricted',
    deleted: false,
    ...fields,
  };
}

export function personName(fields: Partial<PersonName> & Pick<PersonName, 'name'>): PersonName {
  const id = nextRecordId();
  return {
    id: id as PersonNameId,
    globalId: globalId(id),
    script: /[\u0600-\u06ff]/.test(fields.name) ? 'persian' : /[a-z]/i.test(fields.name) ? 'latin' : 'other',
    language: null,
    type: 'legal',
    preferred: false,
    source: null,
    ...fields,
  };
}

/** A full person record around a summary: its preferred names as names, nothing else known, unless given. */
export function personDetail(summary: PersonSummary, fields: Partial<PersonDetail> = {}): PersonDetail {
  const names = [summary.nameFa, summary.nameLatin]
    .filter((name): name is string => name !== null)
    .map((name) => personName({ name, preferred: true }));
  return {
    ...summary,
    names,
    fatherNameFa: null,
    fatherNameLatin: null,
    sex: null,
    birthDate: null,
    arrestDate: null,
    affiliation: null,
    biography: null,
    notes: null,
    externalRef: null,
    factSources: {},
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    deletedReason: null,
    places: [],
    relatives: [],
    items: [],
    tags: [],
    custody: [],
    ...fields,
  };
}

// ---------- Places ----------

export function place(fields: Partial<PlaceSummary> = {}): PlaceSummary {
  const id = nextRecordId();
  return {
    id: id as PlaceId,
    ref: `PL-${String(id).padStart(6, '0')}`,
    globalId: globalId(id),
    type: 'prison',
    nameFa: null,
    nameLatin: null,
    parentId: null,
    parentLabel: null,
    personCount: 0,
    deleted: false,
    ...fields,
  };
}

/** A full place record around a summary: no coordinates, children or links, unless given. */
export function placeDetail(summary: PlaceSummary, fields: Partial<PlaceDetail> = {}): PlaceDetail {
  return {
    ...summary,
    lat: null,
    lon: null,
    coordinatesSensitivity: 'confidential',
    sensitivity: 'restricted',
    notes: null,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    deletedReason: null,
    mergedIntoId: null,
    children: [],
    links: [],
    tags: [],
    custody: [],
    ...fields,
  };
}

// ---------- Exhibits, sources, tags ----------

export function exhibitSet(fields: Partial<ExhibitSetSummary> = {}): ExhibitSetSummary {
  const id = nextRecordId();
  return { id: id as ExhibitSetId, name: `Set ${id}`, prefix: 'IR88', exhibitCount: 0, ...fields };
}

export function source(fields: Partial<SourceSummary> = {}): SourceSummary {
  const id = nextRecordId();
  return {
    id: id as SourceId,
    ref: `SRC-${String(id).padStart(6, '0')}`,
    globalId: globalId(id),
    title: `Source ${id}`,
    reliability: 'unknown',
    kind: 'other',
    description: null,
    sensitivity: 'restricted',
    ...fields,
  };
}

/** A source as shown beside a fact or a link. */
export function sourceBrief(from: SourceSummary): SourceBrief {
  return { id: from.id, ref: from.ref, title: from.title, reliability: from.reliability };
}

/** A free tag with an English label, carried by nothing, unless given. */
export function tag(fields: Partial<TagDto> = {}): TagDto {
  const id = nextRecordId();
  return {
    id: id as TagId,
    globalId: globalId(id),
    vocabulary: 'free',
    labelEn: `Tag ${id}`,
    labelFa: null,
    parentId: null,
    standardTerm: null,
    itemCount: 0,
    personCount: 0,
    ...fields,
  };
}

/** A tag as a record carries it. */
export function tagRef(from: TagRef): TagRef {
  return { id: from.id, vocabulary: from.vocabulary, labelEn: from.labelEn, labelFa: from.labelFa };
}

// ---------- Links ----------

export function itemEnd(from: ItemSummary): LinkEnd {
  return { type: 'item', id: from.id, ref: from.ref, label: from.title ?? from.originalName };
}

export function personEnd(from: PersonSummary): LinkEnd {
  return { type: 'person', id: from.id, ref: from.ref, label: from.nameLatin ?? from.nameFa ?? from.ref, labelFa: from.nameFa };
}

export function placeEnd(from: PlaceSummary): LinkEnd {
  return { type: 'place', id: from.id, ref: from.ref, label: from.nameLatin ?? from.nameFa ?? from.ref, labelFa: from.nameFa };
}

/** A confirmed link without a source; `from` and `to` are ends made with itemEnd, personEnd or placeEnd. */
export function link(fields: Partial<LinkView> & Pick<LinkView, 'from' | 'to'>): LinkView {
  const id = nextRecordId();
  const shape = fields.shape ?? (`${fields.from.type}-${fields.to.type}` as LinkView['shape']);
  return {
    id: id as LinkId,
    globalId: globalId(id),
    type: defaultLinkType[shape],
    shape,
    certainty: 'confirmed',
    source: null,
    note: null,
    relationship: null,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

const defaultLinkType: Record<LinkView['shape'], string> = {
  'item-person': 'item-depicts-person',
  'item-place': 'item-depicts-place',
  'person-place': 'person-detained-at',
  'person-person': 'person-relative-of',
  'item-item': 'item-duplicate-of',
};

// ---------- Custody, jobs, verify ----------

export function custodyEvent(fields: Partial<CustodyEvent> = {}): CustodyEvent {
  const seq = fields.seq ?? nextRecordId();
  return {
    seq,
    at,
    timeZone: 'Asia/Tehran',
    actor: 'Shirin Archivist',
    actorOrganisation: 'Justice for Iran',
    action: 'item.import',
    targetType: 'item',
    targetRef: null,
    targetGlobalId: null,
    changeId: null,
    sha256Before: null,
    sha256After: null,
    tool: 'vigil',
    toolVersion: '0.1.0',
    details: {},
    hash: String(seq).padStart(64, '0'),
    ...fields,
  };
}

export type ImportJobEvent = Extract<JobProgressEvent, { kind: 'import' }>;

/** An import's job-progress event with plausible defaults (running, nothing done yet). */
export function jobEvent(fields: Partial<ImportJobEvent> = {}): ImportJobEvent {
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

export type OtherJobKind = Exclude<JobKind, 'import'>;
export type JobEventOf<K extends JobKind> = Extract<JobProgressEvent, { kind: K }>;

/** A job-progress event of another kind than import (CSV import or export, verify), running, nothing done yet. */
export function jobEventOf<K extends OtherJobKind>(kind: K, fields: Partial<Omit<JobEventOf<K>, 'kind'>> = {}): JobEventOf<K> {
  const event = {
    type: 'job-progress',
    jobId: 'job-1',
    kind,
    state: 'running',
    done: 0,
    total: null,
    failed: 0,
    current: null,
    startedAt: new Date().toISOString(),
    ...fields,
  };
  // Every kind but import has exactly these fields, so the object is the event of its kind.
  return event as unknown as JobEventOf<K>;
}

/** What verify's job ends with when everything is intact. */
export function verifyReport(fields: Partial<VerifyReport> = {}): VerifyReport {
  return { ok: true, checks: [{ name: 'database', ok: true, problems: [] }], ...fields };
}

// ---------- Vocabularies ----------

function term(code: string, labelEn: string, labelFa: string, standardTerm: string | null = null): Term {
  return { code, labelEn, labelFa, standardTerm };
}

/** A small fixed set of terms, the codes as the core seeds them (enough for editors and filters). */
export function vocabularies(): Vocabularies {
  return {
    roles: [term('victim', 'Victim', 'قربانی', 'Victim'), term('witness', 'Witness', 'شاهد', 'Source'), term('relative', 'Relative', 'خویشاوند')],
    fates: [term('executed', 'Executed', 'اعدام‌شده', 'Killing'), term('disappeared', 'Disappeared', 'ناپدیدشده', 'Disappearance'), term('unknown', 'Unknown', 'نامعلوم')],
    certainty: [term('confirmed', 'Confirmed', 'تأییدشده'), term('reported', 'Reported', 'گزارش‌شده'), term('disputed', 'Disputed', 'مورد مناقشه')],
    placeTypes: [
      { ...term('prison', 'Prison', 'زندان', 'Prison'), graves: false },
      { ...term('mass-grave', 'Mass grave', 'گور جمعی', 'Mass grave'), graves: true },
      { ...term('city', 'City or town', 'شهر', 'City'), graves: false },
    ],
    linkTypes: [
      { ...term('item-depicts-person', 'Depicts', 'تصویرِ'), shape: 'item-person', inverseLabelEn: 'Depicted in', inverseLabelFa: 'در تصویرِ' },
      { ...term('item-mentions-person', 'Mentions', 'نام می‌برد از'), shape: 'item-person', inverseLabelEn: 'Mentioned in', inverseLabelFa: 'نام‌برده در' },
      { ...term('item-depicts-place', 'Depicts', 'تصویرِ'), shape: 'item-place', inverseLabelEn: 'Depicted in', inverseLabelFa: 'در تصویرِ' },
      { ...term('person-detained-at', 'Detained at', 'بازداشت در'), shape: 'person-place', inverseLabelEn: 'Detained here', inverseLabelFa: 'بازداشت‌شده در اینجا' },
      { ...term('person-buried-at', 'Buried at', 'به خاک سپرده در'), shape: 'person-place', inverseLabelEn: 'Buried here', inverseLabelFa: 'به خاک سپرده در اینجا' },
      { ...term('person-relative-of', 'Relative of', 'خویشاوندِ'), shape: 'person-person', inverseLabelEn: 'Relative of', inverseLabelFa: 'خویشاوندِ' },
      { ...term('item-duplicate-of', 'Duplicate of', 'نسخه‌ی دیگرِ'), shape: 'item-item', inverseLabelEn: 'Has duplicate', inverseLabelFa: 'نسخه‌ی دیگر دارد' },
    ],
    tagVocabularies: [term('free', 'Free tags', 'برچسب‌های آزاد'), term('fate', 'Fate', 'سرنوشت', 'Status of victim')],
  };
}
