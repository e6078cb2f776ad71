/**
 * Issue 8's daily work in the real renderer, in Chromium, over the built `vigil web`: a person is created, an
 * imported photo is linked to them and tagged, the person's gallery shows it; and the timeline draws the
 * 2,000 fixture persons and filters the list by a week. Screenshots of each step are kept with the results.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { jpegWithExif } from '../helpers/sample-files';
import { startVigilWeb, type RunningVigil } from './vigil-web';

const FIXTURE_PERSONS = fileURLToPath(new URL('../../../shared/fixtures/persons/persons.csv', import.meta.url));

test.describe('a person, a photo, a link and a tag', () => {
  let vigil: RunningVigil;
  let source: string;
  test.beforeEach(async () => {
    vigil = await startVigilWeb({ actor: { name: 'Maryam Rezaei', organisation: 'Archive of 1988' } });
    source = mkdtempSync(join(tmpdir(), 'vigil-e2e-src-'));
  });
  test.afterEach(async () => {
    await vigil.stop();
    rmSync(source, { recursive: true, force: true });
  });

  test('creates a person, links a photo to them, tags it, and sees it in their gallery', async ({ page }, testInfo) => {
    test.setTimeout(60_000);
    const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
    await page.goto(vigil.url);

    // A person, as an archivist enters one: names in both scripts, a Solar Hijri death date.
    await page.getByRole('navigation').getByRole('button', { name: 'Persons', exact: true }).click();
    await page.getByRole('button', { name: 'New person' }).click();
    const dialog = page.getByRole('dialog', { name: 'New person' });
    await dialog.getByRole('textbox', { name: 'Name 1' }).fill('فریده اکبرپور');
    await dialog.getByRole('button', { name: 'Add another name' }).click();
    await dialog.getByRole('textbox', { name: 'Name 2' }).fill('Farideh Akbarpour');
    await dialog.getByRole('textbox', { name: 'Death date' }).fill('۶ مرداد ۱۳۶۷');
    await expect(dialog).toContainText('28 Jul 1988');
    await shot('1-new-person');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await expect(dialog).toBeHidden();
    const details = page.getByRole('complementary', { name: 'Record details' });
    await expect(details.getByRole('heading', { name: /فریده اکبرپور/ })).toBeVisible();

    // A photo, imported through the window.
    writeFileSync(join(source, 'evin-1988.jpg'), await jpegWithExif({ width: 1200, height: 800, description: 'Visit to Evin, summer 1367' }));
    await page.getByRole('navigation').getByRole('button', { name: 'Items', exact: true }).click();
    await page.locator('input[data-vigil-intake=files]').setInputFiles([join(source, 'evin-1988.jpg')]);
    const summary = page.getByRole('dialog', { name: 'Import summary' });
    await expect(summary).toContainText(/Imported\s*1/, { timeout: 20_000 });
    await summary.getByRole('button', { name: 'Close' }).click();
    const grid = page.getByRole('grid', { name: 'Items' });
    await expect(grid.getByRole('gridcell')).toHaveCount(1);
    await grid.getByRole('gridcell').first().click();

    // Linked to the person found by name as it is typed, then tagged.
    await details.getByRole('button', { name: 'Link a person…' }).click();
    await details.getByRole('combobox', { name: 'Find a person to link' }).fill('Akbar');
    await details.getByRole('option', { name: /Farideh Akbarpour/ }).click();
    await details.getByRole('button', { name: 'Add link' }).click();
    const personLink = details.getByRole('button', { name: /^Farideh Akbarpour · فریده اکبرپور$/ });
    await expect(personLink).toBeVisible();
    const tagBox = details.getByRole('combobox', { name: /Add a tag/ });
    await tagBox.fill('Extrajudicial');
    await tagBox.press('ArrowDown');
    await tagBox.press('Enter');
    await expect(details.getByRole('listitem').filter({ hasText: 'Extrajudicial execution' })).toBeVisible();
    await expect(page.getByText(/Undo/).first()).toBeVisible();
    await shot('2-item-linked-and-tagged');

    // The person's gallery shows the photo, whose panel opens from there.
    await personLink.click();
    const gallery = details.getByRole('button', { name: /Open ITM-000001/ });
    await expect(gallery).toBeVisible();
    await expect.poll(() => gallery.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot('3-person-gallery');
    await gallery.click();
    await expect(details).toContainText('ITM-000001');

    // Every one of these changes is in the custody log, under the archivist's name.
    const person = await vigil.rpc<{ custody: Array<{ action: string; actor: string }> }>('getPerson', { id: 1 });
    expect(person.custody.map((e) => e.action)).toEqual(['record-created', 'linked']);
    expect(new Set(person.custody.map((e) => e.actor))).toEqual(new Set(['Maryam Rezaei']));
    const item = await vigil.rpc<{ custody: Array<{ action: string }> }>('getItem', { id: 1 });
    expect(item.custody.map((e) => e.action)).toEqual(['acquired', 'hash-computed', 'metadata-extracted', 'linked', 'tagged']);
  });
});

test.describe('the timeline of the fixture persons', () => {
  test.skip(!existsSync(FIXTURE_PERSONS), 'the shared fixtures are not beside this checkout');
  let vigil: RunningVigil;
  test.beforeEach(async () => {
    vigil = await startVigilWeb({ actor: { name: 'Maryam Rezaei', organisation: 'Archive of 1988' }, cli: [['persons', 'import', FIXTURE_PERSONS]] });
  });
  test.afterEach(async () => {
    await vigil.stop();
  });

  test('draws deaths by week with uncertain ranges, and a week filters the list', async ({ page }, testInfo) => {
    await page.goto(vigil.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Persons', exact: true }).click();
    await expect(page.getByText(/2,000 persons/).first()).toBeVisible();
    const timeline = page.getByRole('region', { name: /Timeline/ });
    await expect(timeline).toBeVisible();
    const weeks = timeline.locator('[data-week]');
    // The chart draws once its counts arrive: wait for it rather than count at once.
    await expect.poll(() => weeks.count()).toBeGreaterThan(4);
    await expect(timeline.getByText(/Known only as a longer range/)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('4-timeline.png') });

    // The busiest week: its bar filters the list to the persons whose death interval overlaps it.
    const labels = await weeks.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    const counts = labels.map((l) => Number((/: ([\d,]+) known/.exec(l)?.[1] ?? '0').replace(/,/g, '')));
    const busiest = counts.indexOf(Math.max(...counts));
    await weeks.nth(busiest).click();
    // The list's count ("Showing 200 of 619", or "619 persons") names how many persons the filter selects.
    const count = page.locator('.view-count').first();
    await expect(count).not.toContainText('2,000');
    const shown = Number(/([\d,]+)(?!.*\d)/.exec((await count.textContent()) ?? '')![1]!.replace(/,/g, ''));
    expect(shown).toBeGreaterThanOrEqual(counts[busiest]!);
    expect(shown).toBeLessThan(2000);
    await page.screenshot({ path: testInfo.outputPath('5-week-filter.png') });

    // The prisons chart counts every fixture prison.
    await timeline.getByRole('tab', { name: /Prisons/ }).click();
    await expect(timeline.getByText(/Evin|اوین/).first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('6-prisons.png') });
  });
});
