import { expect, test } from '@playwright/test';
import lz from 'lz-string';
import { run, typeCode } from './helpers';

test.describe('lesson: missing credentials', () => {
  test('the article example gets a 401 with its challenge, the fixed code a 200, and the runtime is reused', async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto('/lessons/missing-credentials/');
    const exercise = page.locator('fix401-exercise[data-mode="exercise"]').first();
    await expect(exercise.getByRole('heading')).toContainText('Exercise');

    const first = await run(exercise);
    expect(first).toMatch(/^401$/m);
    expect(first).toContain('Bearer realm="api.example.com"');
    expect(first).toContain('error="invalid_token"');
    await expect(exercise.getByRole('status')).toContainText('Not yet');

    const token = (await exercise.locator('.exercise-head p').textContent())!.match(/tok_\w+/)![0];
    const starter = (await exercise.locator('[data-part="editor"]').textContent())!;
    expect(starter).toContain('YOUR_TOKEN');
    await typeCode(
      exercise,
      `import requests\n\nresponse = requests.post('https://api.example.com/endpoint',\n    headers={'Authorization': 'Bearer ${token}'},\n    data={'key': 'value'})\n\nprint(response.status_code)\n`,
    );
    const second = await run(exercise);
    expect(second).toMatch(/^200$/m);
    await expect(exercise.getByRole('status')).toContainText('Solved');

    // One Python runtime for the whole page, however many runs and editors: the worker that ran
    // first, plus at most the standby that boots after a first run (it replaces it only on Stop).
    const pythonWorkers = workers.filter((url) => url.includes('python.worker'));
    expect(pythonWorkers.length).toBeGreaterThanOrEqual(1);
    expect(pythonWorkers.length).toBeLessThanOrEqual(2);
  });

  test('code to an unknown host gets a clear connection error, and nothing leaves the browser', async ({ page }) => {
    const external: string[] = [];
    page.on('request', (r) => {
      const host = new URL(r.url()).hostname;
      if (!['localhost', 'api.example.com', 'httpbin.org'].includes(host)) external.push(r.url());
    });
    await page.goto('/lessons/missing-credentials/');
    const exercise = page.locator('fix401-exercise[data-mode="exercise"]').first();
    await typeCode(
      exercise,
      `import requests\ntry:\n    requests.get('https://example.org/')\nexcept requests.ConnectionError as e:\n    print('ConnectionError:', e)\n`,
    );
    const output = await run(exercise);
    expect(output).toContain('ConnectionError: Cannot reach');
    expect(output).toContain('only reaches https://api.example.com and https://httpbin.org');
    expect(external).toEqual([]);
  });

  test('prose and code are readable with JavaScript off', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/lessons/missing-credentials/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('missing or invalid credentials');
    await expect(page.locator('fix401-exercise[data-mode="exercise"] [data-part="editor"]').first()).toContainText("'Bearer YOUR_TOKEN'");
    await context.close();
  });
});

test.describe('playground', () => {
  test('preloads code from #code= and does not run it', async ({ page }) => {
    const code = "print('hello from a shared link')\n";
    await page.goto(`/playground/?scenario=missing-credentials#code=${lz.compressToEncodedURIComponent(code)}`);
    const exercise = page.locator('fix401-exercise');
    await expect(exercise.locator('[data-part="editor"]')).toContainText('hello from a shared link');
    await page.waitForTimeout(1500);
    await expect(exercise.getByRole('region', { name: 'Output' })).toHaveText('');
    expect(await run(exercise)).toContain('hello from a shared link');
  });

  test('explains an unknown scenario and a corrupt link', async ({ page }) => {
    await page.goto('/playground/?scenario=missing-credential#code=@@@');
    const problems = page.locator('[data-playground-problems]');
    await expect(problems).toContainText('There is no scenario called “missing-credential”');
    await expect(problems).toContainText('“missing-credentials”');
    await expect(problems).toContainText('could not be opened');
  });
});
