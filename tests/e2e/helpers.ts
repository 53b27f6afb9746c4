import { expect, type Locator, type Page } from '@playwright/test';

/** The exercise (or runnable example) on the page whose code contains `marker`. */
export function exerciseWith(page: Page, marker: string): Locator {
  return page.locator('fix401-exercise').filter({ has: page.locator('[data-part="editor"]', { hasText: marker }) });
}

/** Replaces an exercise's code the way a learner does: focus the editor, select all, type. */
export async function typeCode(exercise: Locator, code: string): Promise<void> {
  const editorHost = exercise.locator('[data-part="editor"]');
  await editorHost.click();
  const monaco = editorHost.locator('.monaco-editor textarea, textarea.fix401-textarea').first();
  await expect(monaco).toBeFocused();
  const page = exercise.page();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Monaco auto-indents and closes brackets as a person types; insertText pastes verbatim.
  await page.keyboard.insertText(code);
}

/** Presses Run and waits for the run to end; returns the Output region's text. */
export async function run(exercise: Locator): Promise<string> {
  await exercise.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(exercise).toHaveAttribute('data-state', 'running');
  await expect(exercise).toHaveAttribute('data-state', 'idle', { timeout: 45_000 });
  return (await exercise.getByRole('region', { name: 'Output' }).textContent()) ?? '';
}
