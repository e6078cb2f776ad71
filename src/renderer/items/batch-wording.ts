/** The words of the selection bar and its confirmations: counts, and the tags named in quotes. */
import { formatNumber } from '../ui/format';

const quoted = (labels: string[]) => {
  const q = labels.map((l) => `“${l}”`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
};

export function itemsWord(count: number): string {
  return `${formatNumber(count)} ${count === 1 ? 'item' : 'items'}`;
}

/** "Tag 1,234 items with “Torture”?", "Remove “Rumour” from 3 items?", or both in one sentence. */
export function batchQuestion(count: number, batch: { addLabels: string[]; removeLabels: string[] }): string {
  const items = itemsWord(count);
  const { addLabels, removeLabels } = batch;
  if (addLabels.length > 0 && removeLabels.length > 0) return `Tag ${items} with ${quoted(addLabels)} and remove ${quoted(removeLabels)} from them?`;
  if (addLabels.length > 0) return `Tag ${items} with ${quoted(addLabels)}?`;
  return `Remove ${quoted(removeLabels)} from ${items}?`;
}
