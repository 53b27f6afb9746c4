/** The progress page: shows each exercise's state and moves saved work in and out as a file. */
import { exportWork, importWork, loadProgress } from './storage';

function render() {
  const progress = loadProgress();
  let solved = 0;
  const items = document.querySelectorAll<HTMLElement>('[data-progress-item]');
  for (const item of items) {
    const state = progress[item.dataset.progressItem!] ?? 'not-started';
    if (state === 'solved') solved++;
    const badge = item.querySelector<HTMLElement>('.progress-state')!;
    badge.dataset.state = state;
    badge.textContent = state === 'not-started' ? 'not started' : state;
  }
  document.querySelector('[data-progress-summary]')!.textContent = `${solved} of ${items.length} exercises solved.`;
}

export function startProgressPage(): void {
  const message = document.querySelector<HTMLElement>('[data-progress-message]')!;
  render();
  document.querySelector('[data-export]')!.addEventListener('click', () => {
    const blob = new Blob([exportWork()], { type: 'application/json' });
    const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: 'fix401-progress.json' });
    link.click();
    URL.revokeObjectURL(link.href);
    message.textContent = 'Exported to fix401-progress.json.';
  });
  document.querySelector<HTMLInputElement>('[data-import]')!.addEventListener('change', async (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      const count = importWork(await file.text());
      message.textContent = `Imported ${count} saved records.`;
      render();
    } catch (error) {
      message.textContent = error instanceof Error ? error.message : String(error);
    }
  });
}
