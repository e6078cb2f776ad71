import { describe, expect, it } from 'vitest';
import { dispatchOrder } from '../../../src/core/ingest/dispatch-order';

const MB = 1024 * 1024;

describe('dispatch order', () => {
  it('takes large and small files in turns, each kind in walk order, every file once', () => {
    // Walk order: six small files, then three large ones (a folder of scans after a folder of photos).
    const sizes = [10, 20, 30, 40, 50, 60, 5 * MB, 6 * MB, 7 * MB];
    const order = dispatchOrder(sizes);
    expect([...order].sort((a, b) => a - b)).toEqual(sizes.map((_, i) => i));
    expect(order).toEqual([6, 0, 1, 7, 2, 3, 8, 4, 5]);
    const large = order.filter((i) => sizes[i]! > MB);
    const small = order.filter((i) => sizes[i]! <= MB);
    expect(large).toEqual([6, 7, 8]);
    expect(small).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps walk order when the files are all of one kind, and copes with none', () => {
    expect(dispatchOrder([1, 2, 3])).toEqual([0, 1, 2]);
    expect(dispatchOrder([2 * MB, 3 * MB])).toEqual([0, 1]);
    expect(dispatchOrder([])).toEqual([]);
    // More large files than small: the small ones still spread out.
    expect(dispatchOrder([1, 2 * MB, 2 * MB, 2 * MB, 2 * MB])).toEqual([1, 2, 0, 3, 4]);
  });
});
