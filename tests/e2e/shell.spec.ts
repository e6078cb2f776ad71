/** The real renderer, served by the built `vigil web`, in Chromium: what a new archivist sees and does first. */
import { expect, test } from '@playwright/test';
import { startVigilWeb, type RunningVigil } from './vigil-web';

let vigil: RunningVigil;
test.beforeEach(async () => {
  vigil = await startVigilWeb();
});
test.afterEach(async () => {
  await vigil.stop();
});

test('opens with the token, shows the shell, and takes a screenshot', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));

  await page.goto(vigil.url);
  // The token was traded for a cookie and taken out of the address bar.
  expect(page.url()).toBe(`${vigil.origin}/`);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  for (const name of ['Items', 'Persons', 'Places', 'Exhibits', 'Search']) {
    await expect(page.getByRole('navigation').getByRole('button', { name, exact: true })).toBeVisible();
  }
  const status = page.getByRole('contentinfo', { name: 'Status bar' });
  await expect(status).toContainText('Evin archive');
  await expect(status).toContainText('0 items');
  await expect(page.getByText('No items yet.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Who is cataloguing?' })).toBeVisible();

  // The font ships with the app: it must have loaded from our own origin.
  const fontLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some((f) => f.family.includes('Vazirmatn') && f.status === 'loaded');
  });
  expect(fontLoaded).toBe(true);

  await page.screenshot({ path: testInfo.outputPath('shell.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('refuses a visit without the token', async ({ page }) => {
  const response = await page.goto(`${vigil.origin}/`);
  expect(response?.status()).toBe(401);
  await expect(page.getByText('includes the access token')).toBeVisible();
});

test('records the archivist, in Persian, and shows it in the status bar after a reload', async ({ page }) => {
  await page.goto(vigil.url);
  const prompt = page.getByRole('region', { name: 'Who is cataloguing?' });
  await prompt.getByRole('textbox', { name: 'Your name' }).fill('مریم احمدی');
  await prompt.getByRole('textbox', { name: 'Organisation' }).fill('<b>Archive</b> of Memory');
  await prompt.getByRole('button', { name: 'Save' }).click();
  await expect(prompt).toBeHidden();
  const status = page.getByRole('contentinfo', { name: 'Status bar' });
  await expect(status).toContainText('مریم احمدی');
  // Hostile markup is shown as text, never parsed.
  await expect(status).toContainText('<b>Archive</b> of Memory');
  await expect(status.locator('b')).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('contentinfo', { name: 'Status bar' })).toContainText('مریم احمدی');
  await expect(page.getByRole('region', { name: 'Who is cataloguing?' })).toBeHidden();
});

test('moves between views from the keyboard and opens search with Ctrl+K', async ({ page }) => {
  await page.goto(vigil.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Persons', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Persons' })).toBeVisible();
  await expect(page.getByText('No persons yet.')).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Exhibits', exact: true }).click();
  await expect(page.getByText('No exhibit sets yet.')).toBeVisible();

  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: 'Search the catalogue' });
  await expect(box).toBeFocused();
  await box.fill('Evin');
  await expect(page.getByText(/No records match/)).toBeVisible();
});
