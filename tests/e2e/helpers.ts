import { expect, type Locator } from '@playwright/test';

/** Replaces an exercise's code the way a learner does: focus the editor, select all, type. */
export async function typeCode(exercise: Locator, code: string): Promise<void> {
  const editorHost = exercise.locator('[data-part="editor"]');
  await editorHost.click();
  // Monaco (or the touch textarea) has replaced the static code and holds the focus.
  await expect(editorHost).toHaveClass(/is-live/);
  await expect(editorHost.locator(':focus')).toHaveCount(1);
  const page = exercise.page();
  // Paste, as a learner brings code from elsewhere: typing would trigger Monaco's auto-indent.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => editorText(exercise)).toBe(code.replace(/\n$/, ''));
}

/** The code as the learner sees it, via the element's saved copy of the editor's value. */
async function editorText(exercise: Locator): Promise<string> {
  return exercise.evaluate((el) => (el as HTMLElementTagNameMap['fix401-exercise']).currentCode().replace(/\n$/, ''));
}

/** Presses Run and waits for the run to end; returns the Output region's text. */
export async function run(exercise: Locator): Promise<string> {
  const before = Number((await exercise.getAttribute('data-runs')) ?? '0');
  await exercise.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(exercise).toHaveAttribute('data-runs', String(before + 1), { timeout: 45_000 });
  return (await exercise.getByRole('region', { name: 'Output' }).textContent()) ?? '';
}
