/**
 * Accessibility: axe finds no violations on every lesson, the catalog, the playground
 * and an embed, in light and dark; a keyboard-only learner can reach the editor, leave it, run
 * code and read the result.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const lessons = readdirSync(join(import.meta.dirname, '../../content/lessons'))
  .filter((f) => /^\d+-.+\.mdx$/.test(f))
  .map((f) => `/lessons/${f.replace(/^\d+-/, '').replace(/\.mdx$/, '')}/`);
const pages = [...lessons, '/', '/scenarios/', '/scenarios/missing-credentials/', '/playground/', '/embed/missing-credentials/'];

// One test per page and theme: each page gets its own time budget, and a failure names the page.
for (const theme of ['light', 'dark'] as const) {
  for (const path of pages) {
    test(`axe finds no violations on ${path} (${theme})`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: theme });
      const page = await context.newPage();
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      // Starlight's search button shows "Search Ctrl K" but is named "Search" (upstream component,
      // label-content-name-mismatch); everything else on the page is checked.
      const { violations } = await new AxeBuilder({ page }).exclude('button[data-open-modal]').analyze();
      await context.close();
      const failures = violations.map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
      );
      expect(failures).toEqual([]);
    });
  }
}

test('a keyboard-only learner can reach the editor, leave it, run code and read the output', async ({ page }) => {
  await page.goto('/playground/');
  const exercise = page.locator('fix401-exercise');
  const editor = exercise.locator('[data-part="editor"]');
  // Tab until the code has focus (skip links, header, sidebar come first).
  for (let i = 0; i < 60 && !(await editor.evaluate((el) => el.contains(document.activeElement))); i++) await page.keyboard.press('Tab');
  await expect(editor).toHaveClass(/is-live/);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type("print('keyboard')");
  // Ctrl+M switches Tab to moving focus (shown on screen under the editor), then Tab leaves.
  await expect(exercise.locator('.editor-help')).toContainText('Ctrl');
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  await expect(exercise.getByRole('button', { name: 'Run', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(exercise.getByRole('region', { name: 'Output' })).toContainText('keyboard', { timeout: 45_000 });
  await page.keyboard.press('Tab'); // Stop is disabled again, so focus moves on
  await expect(page.locator(':focus')).toBeVisible();
});
