import { expect, test } from '@playwright/test';

/** Pagefind's search UI is the largest script Starlight puts on a page; it loads when someone searches. */
const isSearchUi = (url: string) => /\/_astro\/ui-core\.[\w-]+\.js$/.test(url);

test('the search UI loads when the search opens, not before, and Ctrl+K finds a lesson with the focus in the field', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (isSearchUi(r.url())) fetched.push(r.url());
  });
  await page.goto('/lessons/summary/');
  await page.waitForLoadState('networkidle');
  // Longer than Starlight's idle callback, which built the search UI on every page before.
  await page.waitForTimeout(2000);
  expect(fetched).toEqual([]);

  await page.keyboard.press('ControlOrMeta+k');
  const field = page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' });
  await expect(field).toBeFocused();
  expect(fetched).toHaveLength(1);
  await page.keyboard.type('digest');
  await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
  await expect(page.locator('.pagefind-ui__result-link', { hasText: 'Basic vs Digest' })).toHaveCount(1);
});

test('pointing at the search button fetches the search UI, and clicking it opens a working search', async ({ page }) => {
  await page.goto('/lessons/what-401-means/');
  // Starlight sets search up when the page goes idle, which a booting Python can delay: point after that.
  await page.locator('dialog[data-search-prefetch="armed"]').waitFor({ state: 'attached' });
  const searchUi = page.waitForRequest((r) => isSearchUi(r.url()));
  await page.getByRole('button', { name: 'Search' }).hover();
  await searchUi;
  await page.getByRole('button', { name: 'Search' }).click();
  const field = page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' });
  await expect(field).toBeFocused();
  await field.fill('token refresh');
  await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
});
