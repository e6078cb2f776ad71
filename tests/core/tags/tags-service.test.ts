/**
 * Tags through the CatalogueApi (issue 8 §4, §6): the seeded vocabularies, tags made and changed without
 * duplicates, batch tagging of a selection (by ids, or Ctrl+A's filter with exceptions), free tags made from
 * labels, counts, untagging, and a custody event on every record whose tags changed.
 */
import { describe, expect, it, vi } from 'vitest';
import type { TagDto } from '../../../src/shared/dto';
import type { TagId } from '../../../src/shared/ids';
import { useCores } from '../../helpers/open-core';
import { dispatchRefusal, eventsOf, importItems, recordEvents, refusal } from '../../helpers/records';

vi.mock('../../../src/core/db/open-database', async (original) => (await import('../../helpers/records')).observeDatabases(await original()));

const byLabel = (tags: TagDto[], label: string, vocabulary?: string) => {
  const found = tags.find((t) => t.labelEn === label && (!vocabulary || t.vocabulary === vocabulary));
  if (!found) throw new Error(`no tag ${label}`);
  return found;
};

describe('tags service', () => {
  const { openCore, tempDir } = useCores();
  const open = () => openCore({ previews: false });

  it('starts with the seeded vocabularies: fate, act types with broader and narrower terms, place types', async () => {
    const core = await open();
    const vocab = await core.api.getVocabularies();
    expect(vocab.tagVocabularies.map((v) => v.code)).toEqual(expect.arrayContaining(['free', 'fate', 'act-type', 'place-type']));
    const tags = await core.api.listTags();
    expect(tags.filter((t) => t.vocabulary === 'fate').map((t) => t.labelEn).sort()).toEqual(['Died in custody', 'Disappeared', 'Executed', 'Survived', 'Unknown']);
    const killing = byLabel(tags, 'Killing', 'act-type');
    expect(killing).toMatchObject({ parentId: null, labelFa: 'قتل', standardTerm: 'Killing' });
    const narrower = tags.filter((t) => t.parentId === killing.id).map((t) => t.labelEn).sort();
    expect(narrower).toEqual(['Execution after an unfair trial', 'Extrajudicial execution']);
    expect(byLabel(tags, 'Arbitrary detention').parentId).toBe(byLabel(tags, 'Deprivation of liberty').id);
    expect(tags.filter((t) => t.vocabulary === 'place-type').map((t) => t.labelEn)).toEqual(expect.arrayContaining(['Prison', 'Mass grave', 'Cemetery']));
    // Every seeded tag has both labels and a global id of its own.
    for (const tag of tags) {
      expect(tag.labelEn && tag.labelFa).toBeTruthy();
      expect(tag.globalId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(new Set(tags.map((t) => t.globalId)).size).toBe(tags.length);
  });

  it('creates and changes tags, refusing the same label twice at the same place in a vocabulary', async () => {
    const core = await open();
    const tags = await core.api.listTags();
    const killing = byLabel(tags, 'Killing', 'act-type');

    const created = await core.api.createTag({ labelEn: 'Khavaran 2008', labelFa: 'خاوران ۱۳۸۷' });
    expect(created.record).toMatchObject({ vocabulary: 'free', parentId: null, labelEn: 'Khavaran 2008', itemCount: 0 });
    expect(eventsOf(core, created.changeId)).toMatchObject([{ action: 'record-created', targetType: 'tag', targetGlobalId: created.record.globalId }]);

    // The same label again (any case, or the Persian one) at the same place is refused.
    for (const input of [{ labelEn: 'Khavaran 2008' }, { labelEn: 'KHAVARAN 2008' }, { labelFa: 'خاوران ۱۳۸۷' }]) {
      const clash = await refusal(core.api.createTag(input));
      expect(clash.code).toBe('CONFLICT');
      expect(clash.message).toContain('Khavaran 2008');
    }
    expect((await refusal(core.api.createTag({ vocabulary: 'act-type', labelEn: 'Extrajudicial execution', parentId: killing.id }))).code).toBe('CONFLICT');
    // Elsewhere it is another term: under another broader term, or in another vocabulary.
    const elsewhere = await core.api.createTag({ vocabulary: 'act-type', labelEn: 'Extrajudicial execution' });
    expect(elsewhere.record.parentId).toBeNull();
    expect((await core.api.createTag({ vocabulary: 'place-type', labelEn: 'Khavaran 2008' })).record.vocabulary).toBe('place-type');
    // ...but only once there too, even when a term with that label exists at another place first.
    expect((await refusal(core.api.createTag({ vocabulary: 'act-type', labelEn: 'Extrajudicial execution' }))).code).toBe('CONFLICT');

    // Renaming onto an existing label at the same place is refused as well, and changes nothing.
    const other = (await core.api.createTag({ labelEn: 'Evin photos' })).record;
    const rename = await refusal(core.api.updateTag({ id: other.id, patch: { labelEn: 'khavaran 2008' } }));
    expect(rename.code).toBe('CONFLICT');
    expect((await core.api.listTags()).find((t) => t.id === other.id)!.labelEn).toBe('Evin photos');
    const renamed = await core.api.updateTag({ id: other.id, patch: { labelEn: 'Evin, 1988', labelFa: 'اوین' } });
    expect(eventsOf(core, renamed.changeId)[0]).toMatchObject({
      action: 'record-edited',
      targetGlobalId: other.globalId,
      details: { before: { labelEn: 'Evin photos', labelFa: null }, after: { labelEn: 'Evin, 1988', labelFa: 'اوین' } },
    });
    expect((await core.api.updateTag({ id: other.id, patch: { labelEn: 'Evin, 1988' } })).changeId).toBeNull();
  });

  it('refuses an unknown vocabulary, a tag without a label, a loop, and a broader term in another vocabulary', async () => {
    const core = await open();
    const tags = await core.api.listTags();
    const killing = byLabel(tags, 'Killing', 'act-type');
    const extrajudicial = byLabel(tags, 'Extrajudicial execution');
    expect((await refusal(core.api.createTag({ vocabulary: 'colours', labelEn: 'Red' }))).message).toContain('not a tag vocabulary');
    expect((await refusal(core.api.createTag({ labelEn: null, labelFa: null }))).code).toBe('INVALID_ARGUMENT');
    expect((await refusal(core.api.updateTag({ id: killing.id, patch: { parentId: extrajudicial.id } }))).message).toMatch(/under itself/);
    expect((await refusal(core.api.createTag({ labelEn: 'Odd', parentId: killing.id }))).message).toMatch(/same vocabulary/);
    expect((await refusal(core.api.updateTag({ id: 9999 as TagId, patch: { labelEn: 'x' } }))).code).toBe('NOT_FOUND');
  });

  it('tags a selection of items by ids, logging one event per record that changed, all in one change', async () => {
    const core = await open();
    const ids = await importItems(core, tempDir('photos'), 5);
    const executed = byLabel(await core.api.listTags(), 'Executed', 'fate');
    const events = recordEvents(core);

    const { changeId, record } = await core.api.tagItems({ selection: { ids: [ids[0]!, ids[1]!, ids[1]!] }, add: [{ id: executed.id }] });
    expect(record.changed).toBe(2);
    expect(record.tags.map((t) => [t.id, t.itemCount])).toEqual([[executed.id, 2]]);
    const logged = eventsOf(core, changeId);
    expect(logged).toHaveLength(2);
    for (const [i, id] of [ids[0]!, ids[1]!].entries()) {
      const item = await core.api.getItem({ id });
      expect(item.tags.map((t) => t.id)).toEqual([executed.id]);
      expect(logged[i]).toMatchObject({ action: 'tagged', targetType: 'item', targetRef: item.ref, targetGlobalId: item.globalId });
      expect(logged[i]!.details.tag).toMatchObject({ globalId: executed.globalId, vocabulary: 'fate', labelEn: 'Executed' });
      expect(item.custody.at(-1)).toMatchObject({ action: 'tagged', changeId });
    }
    expect(events.changes()).toEqual([{ type: 'catalogue-changed', what: ['tags', 'items'] }]);

    // Tagging again changes nothing: no change id, no event, no announcement.
    const again = await core.api.tagItems({ selection: { ids: [ids[0]!] }, add: [{ id: executed.id }] });
    expect(again).toEqual({ changeId: null, record: { changed: 0, tags: [expect.objectContaining({ id: executed.id })] } });
    expect(events.changes()).toHaveLength(1);
    // Ids of items that do not exist are left out.
    expect((await core.api.tagItems({ selection: { ids: [ids[2]!, 9999 as (typeof ids)[number]] }, add: [{ id: executed.id }] })).record.changed).toBe(1);
  });

  it('tags every item a filter shows except the ones deselected (Ctrl+A), and counts only records that changed', async () => {
    const core = await open();
    const ids = await importItems(core, tempDir('photos'), 6);
    const tag = (await core.api.createTag({ labelEn: 'Batch' })).record;
    await core.api.tagItems({ selection: { ids: [ids[0]!] }, add: [{ id: tag.id }] });

    const { changeId, record } = await core.api.tagItems({ selection: { filter: {}, except: [ids[2]!, ids[4]!] }, add: [{ id: tag.id }] });
    expect(record.changed).toBe(3);
    const tagged = eventsOf(core, changeId).map((e) => e.targetRef);
    const refs = new Map((await core.api.listItems({ limit: 100 })).rows.map((r) => [r.id, r.ref]));
    expect(tagged).toEqual([ids[1]!, ids[3]!, ids[5]!].map((id) => refs.get(id)).sort());
    expect((await core.api.listItems({ tag: 'Batch' })).total).toBe(4);
    expect((await core.api.listTags()).find((t) => t.id === tag.id)!.itemCount).toBe(4);
    // A filter that selects nothing changes nothing.
    expect((await core.api.tagItems({ selection: { filter: { kind: 'document' } }, add: [{ id: tag.id }] })).changeId).toBeNull();
  });

  it('makes free tags from labels it does not know, and uses a vocabulary’s own term for a label it does', async () => {
    const core = await open();
    const [item] = await importItems(core, tempDir('photos'), 1);
    const { record } = await core.api.tagItems({ selection: { ids: [item!] }, add: [{ label: 'Khavaran, 2008' }, { label: 'torture' }, { label: 'شکنجه' }] });
    expect(record.tags.map((t) => [t.vocabulary, t.labelEn])).toEqual([
      ['free', 'Khavaran, 2008'],
      ['act-type', 'Torture'],
    ]);
    const tags = await core.api.listTags();
    expect(tags.filter((t) => t.labelEn === 'Khavaran, 2008')).toHaveLength(1);
    expect(byLabel(tags, 'Torture', 'act-type').itemCount).toBe(1);
    // The same label later reuses the tag made the first time.
    await core.api.tagItems({ selection: { ids: [item!] }, add: [{ label: 'khavaran, 2008' }] });
    expect((await core.api.listTags()).filter((t) => t.labelEn?.toLowerCase() === 'khavaran, 2008')).toHaveLength(1);
  });

  it('untags, logging each record on its own and naming the tag; counts follow', async () => {
    const core = await open();
    const ids = await importItems(core, tempDir('photos'), 3);
    const tag = (await core.api.createTag({ labelEn: 'To review' })).record;
    await core.api.tagItems({ selection: { ids }, add: [{ id: tag.id }] });
    const { changeId, record } = await core.api.tagItems({ selection: { ids: [ids[0]!, ids[1]!] }, remove: [tag.id] });
    expect(record.changed).toBe(2);
    const logged = eventsOf(core, changeId);
    expect(logged.map((e) => e.action)).toEqual(['untagged', 'untagged']);
    expect(logged.every((e) => (e.details.tag as { globalId: string }).globalId === tag.globalId)).toBe(true);
    expect((await core.api.getItem({ id: ids[0]! })).tags).toEqual([]);
    expect((await core.api.listTags()).find((t) => t.id === tag.id)!.itemCount).toBe(1);
    expect((await core.api.tagItems({ selection: { ids: [ids[0]!] }, remove: [tag.id] })).changeId).toBeNull();
  });

  it('tags persons too, with an event in each person’s history', async () => {
    const core = await open();
    const a = (await core.api.createPerson({ names: [{ name: 'Ali Rahimi' }] })).record;
    const b = (await core.api.createPerson({ names: [{ name: 'زهرا احمدی' }] })).record;
    const executed = byLabel(await core.api.listTags(), 'Executed', 'fate');
    const { changeId, record } = await core.api.tagPersons({ ids: [a.id, b.id], add: [{ id: executed.id }] });
    expect(record.changed).toBe(2);
    expect(eventsOf(core, changeId).map((e) => e.targetGlobalId)).toEqual([a.globalId, b.globalId]);
    const detail = await core.api.getPerson({ id: b.id });
    expect(detail.tags.map((t) => t.labelEn)).toEqual(['Executed']);
    expect(detail.custody.at(-1)).toMatchObject({ action: 'tagged', targetGlobalId: b.globalId, changeId });
    expect((await core.api.listTags()).find((t) => t.id === executed.id)!.personCount).toBe(2);
    expect((await refusal(core.api.tagPersons({ ids: [a.id, 99 as typeof a.id], add: [{ id: executed.id }] }))).code).toBe('NOT_FOUND');
    expect((await core.api.getPerson({ id: a.id })).tags).toHaveLength(1);
  });

  it('soft-deletes a tag: it leaves listTags and the records’ panels, and can no longer be added by id', async () => {
    const core = await open();
    const [item] = await importItems(core, tempDir('photos'), 1);
    const tag = (await core.api.createTag({ labelEn: 'Mistake' })).record;
    await core.api.tagItems({ selection: { ids: [item!] }, add: [{ id: tag.id }] });
    expect((await dispatchRefusal(core, 'deleteTag', { id: tag.id })).code).toBe('INVALID_ARGUMENT');
    const deleted = await core.api.deleteTag({ id: tag.id, reason: 'Misspelt' });
    expect(eventsOf(core, deleted.changeId)).toMatchObject([{ action: 'record-deleted', targetGlobalId: tag.globalId, details: { reason: 'Misspelt' } }]);
    expect((await core.api.listTags()).map((t) => t.id)).not.toContain(tag.id);
    expect((await core.api.getItem({ id: item! })).tags).toEqual([]);
    expect((await refusal(core.api.tagItems({ selection: { ids: [item!] }, add: [{ id: tag.id }] }))).code).toBe('CONFLICT');
    // The item's history still shows it was tagged.
    expect((await core.api.getItem({ id: item! })).custody.map((e) => e.action)).toContain('tagged');

    // Typing the same label again brings the tag back (same identity) rather than failing on the old one; a
    // restored tag is back on the records it was on when deleted, as after undoing the deletion.
    const again = await core.api.tagItems({ selection: { ids: [item!] }, add: [{ label: 'Mistake' }] });
    expect(again.record).toMatchObject({ changed: 0, tags: [{ id: tag.id, globalId: tag.globalId, itemCount: 1 }] });
    expect(eventsOf(core, again.changeId)).toMatchObject([{ action: 'record-restored', targetGlobalId: tag.globalId }]);
    expect((await core.api.getItem({ id: item! })).tags.map((t) => t.id)).toEqual([tag.id]);
    expect((await core.api.listTags()).filter((t) => t.labelEn === 'Mistake')).toHaveLength(1);
    // Renaming another tag onto a deleted one's labels is refused with a sentence, not a database error.
    await core.api.deleteTag({ id: tag.id, reason: 'Misspelt' });
    const other = (await core.api.createTag({ labelEn: 'Other' })).record;
    const rename = await refusal(core.api.updateTag({ id: other.id, patch: { labelEn: 'Mistake' } }));
    expect(rename.code).toBe('CONFLICT');
    expect(rename.message).toMatch(/deleted tag "Mistake"/);
  });
});
