import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createImportProgressBar } from '../../src/cli/progress-bar';
import type { ImportProgress } from '../../src/shared/dto';

const MB = 1024 * 1024;
const base: ImportProgress = { phase: 'importing', done: 0, total: null, bytesDone: 0, bytesTotal: null, failed: 0, current: null, previewsDone: 0, previewsTotal: 0 };

function terminal() {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 200 });
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  // What is on screen, without the cursor movements.
  return { stream, shown: () => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '') };
}

describe('the CLI progress bar', () => {
  it('says it is counting until the total is known, then shows the count and the time left', async () => {
    const { stream, shown } = terminal();
    const bar = createImportProgressBar(stream);
    bar.update({ ...base, done: 2, bytesDone: 1 * MB, current: 'a\nb.jpg' });
    expect(shown()).toContain('2/? files');
    expect(shown()).not.toContain('█'); // an empty bar while counting, not a full one
    expect(shown()).toContain('counting files…');
    expect(shown()).toContain('a\\nb.jpg');
    await new Promise((resolve) => setTimeout(resolve, 150));
    bar.update({ ...base, done: 3, total: 10, bytesDone: 2 * MB, bytesTotal: 8 * MB, current: 'c.jpg' });
    bar.stop();
    expect(shown()).toContain('3/10 files');
    expect(shown()).toMatch(/about \d+ (s|min \d+ s) left/);
  });

  it('draws nothing when the output is not a terminal', () => {
    const stream = new PassThrough();
    let written = '';
    stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const bar = createImportProgressBar(stream);
    bar.update({ ...base, done: 1, total: 1 });
    bar.stop();
    expect(written).toBe('');
  });
});
