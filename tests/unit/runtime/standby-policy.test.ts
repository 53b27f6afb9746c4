import { describe, expect, it, vi } from 'vitest';
import { dataSaving, prebootAllowed, standbyAllowed } from '../../../src/runtime/standby-policy';

const CHROMIUM_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const nav = (connection?: { saveData?: boolean; effectiveType?: string }, deviceMemory?: number, userAgent = CHROMIUM_UA) =>
  ({ connection, deviceMemory, userAgent }) as unknown as Navigator;

describe('data and memory policy', () => {
  it('pre-boots and keeps a standby on a fast link, and where the browser reports nothing (Safari)', () => {
    for (const n of [nav({ effectiveType: '4g' }), nav({ effectiveType: '3g', saveData: false }), nav(), nav(undefined, 8)]) {
      expect(dataSaving(n)).toBe(false);
      expect(prebootAllowed(n)).toBe(true);
      expect(standbyAllowed(n)).toBe(true);
    }
  });

  it('downloads nothing unasked when the browser asks to save data or reports a 2g-class link', () => {
    for (const n of [nav({ saveData: true, effectiveType: '4g' }), nav({ effectiveType: '2g' }), nav({ effectiveType: 'slow-2g' })]) {
      expect(dataSaving(n)).toBe(true);
      expect(prebootAllowed(n)).toBe(false);
      expect(standbyAllowed(n)).toBe(false);
    }
  });

  it('keeps a standby in Firefox too (it reports no memory or link): the engine is no reason to re-boot after Stop', () => {
    const firefox = nav(undefined, undefined, 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0');
    expect(standbyAllowed(firefox)).toBe(true);
    expect(prebootAllowed(firefox)).toBe(true);
  });

  it('keeps no standby on a device with under 4 GB, but still pre-boots there', () => {
    expect(standbyAllowed(nav({ effectiveType: '4g' }, 2))).toBe(false);
    expect(prebootAllowed(nav({ effectiveType: '4g' }, 2))).toBe(true);
    expect(standbyAllowed(nav({ effectiveType: '4g' }, 4))).toBe(true);
  });
});

describe('preboot', () => {
  it('skips registering the service worker and booting Python on a data-saving link, and says what the first Run downloads', async () => {
    const boot = vi.fn(async () => undefined);
    const register = vi.fn(async () => undefined);
    vi.doMock('../../../src/runtime/client', () => ({ getRuntime: () => ({ boot }) }));
    vi.doMock('../../../src/mock-api/service-worker', () => ({ registerMockServiceWorker: register }));
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) });
    try {
      const { preboot, downloadNotice } = await import('../../../src/exercises/preboot');
      const { rememberRuntimeLoaded } = await import('../../../src/runtime/runtime-loaded');
      expect(await preboot(nav({ saveData: true }))).toBe('skipped');
      expect(register).not.toHaveBeenCalled();
      expect(boot).not.toHaveBeenCalled();
      expect(downloadNotice()).toBe('Downloading Python…');
      rememberRuntimeLoaded();
      expect(downloadNotice()).toBeNull();

      expect(await preboot(nav({ effectiveType: '4g' }))).toBe('booted');
      expect(register).toHaveBeenCalledOnce();
      expect(boot).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
      vi.doUnmock('../../../src/runtime/client');
      vi.doUnmock('../../../src/mock-api/service-worker');
    }
  });
});
