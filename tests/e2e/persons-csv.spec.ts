/**
 * Persons CSV in the window, over the web host: choose a file, see its first rows and the proposed column
 * mapping, import it as a job, read the summary with every row that needs attention; export the persons as a
 * download that is formula-safe. And nothing is changed anonymously: an import started after "Not now" asks
 * who is cataloguing first.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { png } from '../helpers/sample-files';
import { startVigilWeb, type RunningVigil } from './vigil-web';

const HEADER = 'ref,name_fa,name_latin,other_names,father_name_fa,father_name_latin,sex,birth_date,birth_place,arrest_date,prison,fate,death_date,death_place,burial_place,affiliation,notes,source';

let vigil: RunningVigil;
let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-e2e-csv-'));
});
test.afterEach(async () => {
  await vigil.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('imports a CSV file through its preview and mapping, lists the rows that need attention, and exports', async ({ page }, testInfo) => {
  vigil = await startVigilWeb({ actor: { name: 'Maryam Rezaei', organisation: 'Archive of 1988' } });
  const file = join(dir, 'roster.csv');
  writeFileSync(
    file,
    '\uFEFF' +
      [
        HEADER,
        'R1,فریده اکبرپور,Farideh Akbarpour,,,,female,,,,اوین,executed,Mordad 1367,,خاوران,,"Said ""goodbye"", then nothing",Roster',
        'R2,,,,,,,,,,,,,,,,a row without a name,Roster',
        'R3,,"=HYPERLINK(""http://x"")",,,,male,,,,Evin,executed,1988-08-23,,,,,Roster',
      ].join('\r\n') +
      '\r\n',
  );
  await page.goto(vigil.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Persons', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await (await chooser).setFiles(file);

  const preview = page.getByRole('dialog', { name: 'Import persons from CSV' });
  await expect(preview.getByRole('region', { name: 'First rows of the file' })).toContainText('Farideh Akbarpour');
  await expect(preview.getByRole('region', { name: 'First rows of the file' })).toContainText('=HYPERLINK("http://x")');
  await page.screenshot({ path: testInfo.outputPath('1-csv-preview.png') });
  await preview.getByRole('button', { name: 'Import 3 rows' }).click();

  const summary = page.getByRole('dialog', { name: 'Persons import summary' });
  await expect(summary).toBeVisible({ timeout: 20_000 });
  await expect(summary).toContainText(/Created\s*2/);
  await expect(summary).toContainText('name_fa');
  await page.screenshot({ path: testInfo.outputPath('2-csv-summary.png') });
  await summary.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('table', { name: 'Persons in the catalogue' }).getByText('Farideh Akbarpour')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV…' }).click();
  const saved = join(dir, 'export.csv');
  await (await download).saveAs(saved);
  const text = readFileSync(saved, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  // The formula is kept verbatim behind one guarding apostrophe, and the Persian names come back as typed.
  expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  expect(text).toContain('فریده اکبرپور');
});

test('asks who is cataloguing before importing, when the question was put off', async ({ page }) => {
  vigil = await startVigilWeb();
  const photo = join(dir, 'khavaran.png');
  writeFileSync(photo, await png(3));
  await page.goto(vigil.url);
  await page.getByRole('region', { name: 'Who is cataloguing?' }).getByRole('button', { name: 'Not now' }).click();
  await page.locator('input[data-vigil-intake=files]').setInputFiles([photo]);

  // Nothing was imported yet; the question comes back, and the import goes on once it is answered.
  const who = page.getByRole('dialog', { name: 'Who is cataloguing?' });
  await expect(who).toBeVisible();
  expect((await vigil.rpc<{ total: number }>('listItems', {})).total).toBe(0);
  await who.getByLabel('Your name').fill('Shirin');
  await who.getByLabel('Organisation').fill('Archive');
  await who.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('gridcell')).toHaveCount(1, { timeout: 20_000 });
  const item = await vigil.rpc<{ custody: Array<{ actor: string }> }>('getItem', { id: 1 });
  expect(item.custody[0]!.actor).toBe('Shirin');
});
