/**
 * Persian and Latin records side by side: names render right-to-left where they are Persian, hostile text
 * stays text, and search finds a record by either script. Records are made through the host's contract, as
 * the page makes them.
 */
import { expect, test } from '@playwright/test';
import { startVigilWeb, type RunningVigil } from './vigil-web';

let vigil: RunningVigil;
test.beforeEach(async () => {
  vigil = await startVigilWeb({ actor: { name: 'E2E Archivist', organisation: 'Tests' } });
  const evin = await vigil.rpc<{ record: { id: number } }>('createPlace', { type: 'prison', nameFa: 'زندان اوین', nameLatin: 'Evin Prison' });
  const person = await vigil.rpc<{ record: { id: number } }>('createPerson', {
    names: [{ name: 'محمد رضایی' }, { name: 'Mohammad Rezaei' }],
    fate: 'executed',
    deathDate: 'مرداد ۱۳۶۷',
  });
  await vigil.rpc('createLink', { type: 'person-detained-at', personId: person.record.id, placeId: evin.record.id });
  await vigil.rpc('createPerson', { names: [{ name: '<img src=x onerror="document.title=\'pwned\'">' }] });
});
test.afterEach(async () => {
  await vigil.stop();
});

test('lists persons with Persian names right-to-left and hostile names as text', async ({ page }, testInfo) => {
  await page.goto(vigil.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Persons', exact: true }).click();
  const table = page.getByRole('table', { name: 'Persons in the catalogue' });
  const persian = table.getByText('محمد رضایی');
  await expect(persian).toBeVisible();
  await expect(persian).toHaveAttribute('dir', 'auto');
  expect(await persian.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await expect(table.getByText('Evin Prison')).toBeVisible();
  await expect(table.getByText('<img src=x onerror="document.title=\'pwned\'">')).toBeVisible();
  await expect(table.locator('img')).toHaveCount(0);
  expect(await page.title()).toBe('Vigil');
  await page.screenshot({ path: testInfo.outputPath('persons.png'), fullPage: true });
});

test('search finds the same person from either script', async ({ page }) => {
  await page.goto(vigil.url);
  await expect(page.getByRole('contentinfo', { name: 'Status bar' })).toContainText('2 persons');
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Search the catalogue' });
  await expect(box).toBeFocused();
  await box.fill('رضایی');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('group', { name: 'Persons' }).getByRole('option')).toHaveCount(1);
  await box.fill('Rezaei');
  await expect(results.getByRole('option', { name: /Mohammad Rezaei.*V-000001/ })).toBeVisible();
  await box.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Record details' })).toContainText('Mohammad Rezaei');
});
