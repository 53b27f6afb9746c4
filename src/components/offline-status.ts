/**
 * `<fix401-offline>`: the offline course's state in the page chrome. Small on purpose: it runs on
 * every page before interaction; the service worker's registration code loads only on a click.
 */
import { applyUpdate, saveForOffline, watchOffline, type OfflineView } from '../offline/offline-client';

/** What the element says and which action it offers, for a state. */
export function offlineLabels(view: OfflineView): { text: string; action: string | null } {
  if (view.updateReady) return { text: 'New version', action: 'Reload' };
  const offline = view.offline;
  switch (offline.state) {
    case 'ready':
      return { text: 'Available offline', action: null };
    case 'saving':
      return { text: `Saving for offline… ${Math.floor((100 * offline.done) / Math.max(1, offline.total))} %`, action: null };
    case 'failed':
      return { text: 'Offline copy incomplete', action: 'Retry' };
    default:
      return { text: '', action: 'Make available offline' };
  }
}

class OfflineStatus extends HTMLElement {
  private view: OfflineView | null = null;

  connectedCallback() {
    const text = this.querySelector<HTMLElement>('.offline-text')!;
    const button = this.querySelector<HTMLButtonElement>('.offline-action')!;
    button.addEventListener('click', () => {
      if (this.view?.updateReady) void applyUpdate();
      else
        void saveForOffline(async () => {
          const { registerMockServiceWorker } = await import('../mock-api/service-worker');
          await registerMockServiceWorker();
        });
    });
    watchOffline((view) => {
      this.view = view;
      // Embedded exercises (another site's page) offer no download of the whole course.
      this.hidden = view.offline.state === 'unsupported' || window.top !== window;
      const labels = offlineLabels(view);
      this.dataset.state = view.updateReady ? 'update' : view.offline.state;
      text.textContent = labels.text;
      button.hidden = labels.action === null;
      button.textContent = labels.action ?? '';
    });
  }
}

export function defineOfflineStatus(): void {
  if (!customElements.get('fix401-offline')) customElements.define('fix401-offline', OfflineStatus);
}
