/**
 * Intake in the browser, as an archivist does it: choose files, watch the import, read the summary, then
 * find the photo in the grid and its metadata, preview and custody history in the panel.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { jpegWithExif, png } from '../helpers/sample-files';
import { startVigilWeb, type RunningVigil } from './vigil-web';

let vigil: RunningVigil;
let source: string;
test.beforeEach(async () => {
  vigil = await startVigilWeb();
  source = mkdtempSync(join(tmpdir(), 'vigil-e2e-src-'));
});
test.afterEach(async () => {
  await vigil.stop();
  rmSync(source, { recursive: true, force: true });
});

test('imports chosen files, summarises them, and shows the photo with its sensitive metadata', async ({ page }, testInfo) => {
  const photo = join(source, 'اوین <img src=x onerror=alert(1)>.jpg');
  writeFileSync(photo, await jpegWithExif({ width: 1200, height: 800, gps: true, description: 'Evin prison, summer 1367' }));
  writeFileSync(join(source, 'scan.png'), await png(4));
  writeFileSync(join(source, 'empty.jpg'), '');
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  await page.goto(vigil.url);
  // Nothing is imported anonymously: the archivist says who they are first.
  const who = page.getByRole('region', { name: 'Who is cataloguing?' });
  await who.getByLabel('Your name').fill('Maryam Rezaei');
  await who.getByLabel('Organisation').fill('Archive of 1988');
  await who.getByRole('button', { name: 'Save' }).click();
  await expect(who).toBeHidden();
  await page.locator('input[data-vigil-intake=files]').setInputFiles([photo, join(source, 'scan.png'), join(source, 'empty.jpg')]);

  const summary = page.getByRole('dialog', { name: 'Import summary' });
  await expect(summary).toBeVisible({ timeout: 20_000 });
  await expect(summary.getByRole('region', { name: /Files not imported \(1\)/ })).toContainText('empty.jpg');
  await expect(summary).toContainText(/Imported\s*2/);
  await summary.getByRole('button', { name: 'Close' }).click();

  const grid = page.getByRole('grid', { name: 'Items' });
  await expect(grid.getByRole('gridcell')).toHaveCount(2);
  const tile = grid.getByRole('gridcell', { name: /اوین/ });
  await expect(tile).toContainText('<img src=x onerror=alert(1)>');
  await tile.click();

  const panel = page.getByRole('complementary', { name: 'Record details' });
  const preview = panel.getByRole('img', { name: /Preview of ITM-000001/ });
  await expect(preview).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const metadata = panel.getByRole('region', { name: 'Photo metadata' });
  await expect(metadata).toContainText('TestCam');
  await expect(metadata.locator('dd[data-sensitive="true"]')).not.toHaveCount(0);
  await expect(metadata.getByText(/^Sensitive/).first()).toBeVisible();
  await expect(panel.getByRole('table', { name: 'Custody history' })).toContainText('metadata-extracted');
  await expect(panel).toContainText(/[0-9a-f]{64}/);
  expect(dialogs).toEqual([]);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // The panes scroll on their own: a long record panel must not make the page itself scroll.
  expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBe(0);
  await page.screenshot({ path: testInfo.outputPath('items.png'), fullPage: true });
});
