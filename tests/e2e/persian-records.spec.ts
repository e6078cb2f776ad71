/**
 * Persian and Latin records side by side: names render right-to-left where they are Persian, hostile text
 * stays text, and search finds a record by either script. Records are seeded straight into the database
 * because the person import arrives with a later issue.
 */
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { startVigilWeb, type RunningVigil } from './vigil-web';

let vigil: RunningVigil;
test.beforeEach(async () => {
  vigil = await startVigilWeb({
    seed(file) {
      const db = new Database(file);
      const t = '2026-11-27T10:00:00Z';
      db.prepare("INSERT INTO places (type, name_fa, name_latin, created_at, updated_at) VALUES ('prison', 'زندان اوین', 'Evin Prison', ?, ?)").run(t, t);
      const person = db.prepare("INSERT INTO persons (prison_id, fate, death_date, created_at, updated_at) VALUES (?, 'executed', ?, ?, ?)");
      const name = db.prepare("INSERT INTO person_names (person_id, name, script, is_preferred) VALUES (?, ?, ?, 1)");
      person.run(1, JSON.stringify({ original: 'مرداد ۱۳۶۷', calendar: 'persian', edtf: '1988-07-23/1988-08-22' }), t, t);
      name.run(1, 'محمد رضایی', 'persian');
      name.run(1, 'Mohammad Rezaei', 'latin');
      person.run(null, null, t, t);
      name.run(2, '<img src=x onerror="document.title=\'pwned\'">', 'latin');
      db.close();
    },
  });
});
test.afterEach(async () => {
  await vigil.stop();
});

test('lists persons with Persian names right-to-left and hostile names as text', async ({ page }, testInfo) => {
  await page.goto(vigil.url);
  await page.getByRole('region', { name: 'Who is cataloguing?' }).getByRole('button', { name: 'Not now' }).click();
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
