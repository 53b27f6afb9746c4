import { expect, test } from '@playwright/test';
import { run, typeCode } from './helpers';

const SOLUTION = `import requests\nr = requests.post('https://api.example.com/endpoint', headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'}, data={'key': 'value'})\nprint(r.status_code)\n`;

test('code is saved as the learner types and restored on reload; Reset confirms and can be undone', async ({ page }) => {
  await page.goto('/lessons/missing-credentials/');
  const exercise = page.locator('fix401-exercise[data-mode="exercise"]').first();
  await typeCode(exercise, "print('my work')\n");
  await page.reload();
  await expect(exercise.locator('[data-part="editor"]')).toContainText("print('my work')");
  page.once('dialog', (dialog) => dialog.accept());
  await exercise.getByRole('button', { name: 'Reset' }).click();
  await expect(exercise.locator('[data-part="editor"]')).toContainText('YOUR_TOKEN');
  await exercise.getByRole('button', { name: 'Undo reset' }).click();
  await expect(exercise.locator('[data-part="editor"]')).toContainText("print('my work')");
});

test('progress shows in the lesson list and survives export and import', async ({ page, browser }) => {
  await page.goto('/lessons/missing-credentials/');
  const exercise = page.locator('fix401-exercise[data-mode="exercise"]').first();
  await typeCode(exercise, SOLUTION);
  await run(exercise);
  await expect(exercise.getByRole('status')).toContainText('Solved');
  await page.reload();
  // One of the lesson's two exercises is solved: the lesson is "tried".
  await expect(page.locator('nav a[href$="/lessons/missing-credentials/"] .lesson-progress')).toHaveText('· tried');

  await page.goto('/progress/');
  await expect(page.locator('[data-progress-item="missing-credentials"] .progress-state')).toHaveText('solved');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my work' }).click();
  const file = await (await download).path();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/progress/');
  await expect(other.locator('[data-progress-item="missing-credentials"] .progress-state')).toHaveText('not started');
  await other.locator('[data-import]').setInputFiles(file);
  await expect(other.locator('main').getByRole('status')).toContainText('Imported');
  await expect(other.locator('[data-progress-item="missing-credentials"] .progress-state')).toHaveText('solved');
  await other
    .locator('[data-import]')
    .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(other.locator('main').getByRole('status')).toContainText('not a Fix401 progress file');
  await fresh.close();
});
