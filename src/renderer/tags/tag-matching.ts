/**
 * Suggestions for the tag editor, computed here from the whole tag list: each tag's keys are folded once
 * (nameKey: case, diacritics, Arabic/Persian letter forms), so filtering thousands of tags per keystroke
 * is a loop of substring tests.
 */
import type { TagDto } from '../../shared/dto';
import { nameKey } from '../../shared/names/name-key';

export interface IndexedTag {
  tag: TagDto;
  keys: string[];
  /** The broader terms' labels, for the suggestion's second line. */
  path: string;
}

export function tagLabel(tag: { labelEn: string | null; labelFa: string | null }): string {
  return tag.labelEn && tag.labelFa ? `${tag.labelEn} · ${tag.labelFa}` : (tag.labelEn ?? tag.labelFa ?? '');
}

export function indexTags(tags: readonly TagDto[]): IndexedTag[] {
  const byId = new Map(tags.map((t) => [t.id as number, t]));
  return tags.map((tag) => {
    const path: string[] = [];
    for (let parent = tag.parentId, steps = 0; parent !== null && steps < 20; steps += 1) {
      const p = byId.get(parent);
      if (!p) break;
      path.unshift(p.labelEn ?? p.labelFa ?? '');
      parent = p.parentId;
    }
    return { tag, keys: [tag.labelEn, tag.labelFa].filter((l): l is string => !!l).map(nameKey), path: path.join(' › ') };
  });
}

/** Tags whose label contains the text, those starting with it first, at most `limit`. */
export function suggestTags(index: readonly IndexedTag[], text: string, exclude: ReadonlySet<number>, limit = 12): IndexedTag[] {
  const key = nameKey(text);
  if (!key) return [];
  const starts: IndexedTag[] = [];
  const contains: IndexedTag[] = [];
  for (const entry of index) {
    if (exclude.has(entry.tag.id)) continue;
    if (entry.keys.some((k) => k.startsWith(key))) starts.push(entry);
    else if (entry.keys.some((k) => k.includes(key))) contains.push(entry);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}

/** True when a tag with exactly this label (folded) exists, so "create" is not offered. */
export function hasExactTag(index: readonly IndexedTag[], text: string): boolean {
  const key = nameKey(text);
  return index.some((entry) => entry.keys.includes(key));
}
