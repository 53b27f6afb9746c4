/**
 * Python restored from the memory snapshot a first boot stored (src/runtime/python-boot.ts) must
 * behave like a booted one: fresh random numbers per restore, lazy imports that need the stdlib zip
 * and the wheels' files, the browser's globals through `js`, an exercise's checks. And a snapshot
 * that is spoiled in any way must give a normal boot, be deleted and be replaced.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { run } from './helpers';

const CACHE = 'fix401-python-snapshot';
interface Boot {
  snapshot: { mode: 'restored' | 'made' | 'off'; rejected?: string };
}

/** Records every Python worker's `booted` message (before the page's own scripts run). */
async function recordBoots(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __boots: unknown[] };
    w.__boots = [];
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent<{ type?: string; payload?: unknown }>) => {
          if (e.data?.type === 'booted') w.__boots.push(e.data.payload);
        });
      }
    };
  });
}

const boots = (page: Page) => page.evaluate(() => (window as unknown as { __boots: Boot[] }).__boots);

/** Waits until the page's worker has stored a snapshot in Cache Storage. */
async function snapshotStored(page: Page) {
  await expect
    .poll(() => page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, CACHE), { timeout: 30_000 })
    .toBe(1);
}

async function openScenario(page: Page, code: 'starter' | 'solution'): Promise<Locator> {
  await page.goto(`/playground/?scenario=anatomy-json-body&code=${code}`);
  const exercise = page.locator('fix401-exercise');
  await expect(exercise.locator('[data-part="runtime"]')).toContainText(/Python 3\.\d+\.\d+ ready/, { timeout: 60_000 });
  return exercise;
}

async function runCode(exercise: Locator, code: string): Promise<string> {
  await exercise.evaluate((el, c) => (el as HTMLElementTagNameMap['fix401-exercise']).loadCode(c), code);
  return run(exercise);
}

const PROBE = [
  'import os, random, sys',
  'import requests',
  "print('random', random.random())",
  // Lazy imports: a stdlib module no boot imports, one in a wheel (idna's UTS 46 table). netrc is
  // imported by requests' first request (get_netrc_auth), which the run before this one made.
  "print('lazy', 'statistics' in sys.modules, 'idna.uts46data' in sys.modules)",
  'import statistics',
  "print('mean', statistics.mean([1, 2, 6]))",
  'import idna',
  "print('idna', idna.encode('Königsgäßchen.example', uts46=True).decode())",
  "with open('/tmp/netrc', 'w') as f:",
  "    f.write('machine api.example.com login alice password s3cret\\n')",
  "os.chmod('/tmp/netrc', 0o600)",
  "os.environ['NETRC'] = '/tmp/netrc'",
  'import netrc',
  "print('netrc', netrc.netrc('/tmp/netrc').authenticators('api.example.com'))",
  "print('auth', requests.utils.get_netrc_auth('https://api.example.com/items'))",
  "print('certifi', os.path.isfile(requests.certs.where()))",
  'import js',
  "print('js', js.Request.new('https://api.example.com/items').url, js.crossOriginIsolated)",
  // Getters of objects under js (a boot that takes a snapshot reads them through Pyodide's recording Proxy).
  "print('js getters', js.location.href.startswith('http'), int(js.performance.timeOrigin) > 0, js.navigator.onLine)",
  "print('status', requests.get('https://api.example.com/items').status_code)",
  '',
].join('\n');

const EXPECTED = [
  'lazy False False',
  'mean 3',
  'idna xn--knigsgchen-b4a3dun.example',
  "netrc ('alice', '', 's3cret')",
  "auth ('alice', 's3cret')",
  'certifi True',
  'js https://api.example.com/items False',
  'js getters True True True',
  'status 401',
];

const randomOf = (output: string) => /^random (\S+)$/m.exec(output)?.[1];

test('a Python restored from its snapshot behaves like a booted one', async ({ page }) => {
  test.setTimeout(180_000);
  await recordBoots(page);
  // First visit: a normal boot, which stores the snapshot; the starter fails as it should.
  let exercise = await openScenario(page, 'starter');
  expect(await run(exercise)).toMatch(/^415$/m);
  await expect(exercise.getByRole('status')).toContainText('Not yet');
  const booted = await runCode(exercise, PROBE);
  for (const line of EXPECTED) expect(booted).toContain(line);
  expect((await boots(page)).map((b) => b.snapshot.mode)).toEqual(['made']);
  await snapshotStored(page);

  // Later visits restore it: the solution passes, and every restore draws its own random numbers.
  const randoms = [randomOf(booted)];
  for (let visit = 0; visit < 2; visit++) {
    exercise = await openScenario(page, 'solution');
    expect((await boots(page)).map((b) => b.snapshot.mode)).toEqual(['restored']);
    expect(await run(exercise)).toMatch(/^201$/m);
    await expect(exercise.getByRole('status')).toContainText('Solved');
    const restored = await runCode(exercise, PROBE);
    for (const line of EXPECTED) expect(restored).toContain(line);
    randoms.push(randomOf(restored));
  }
  expect(randoms.every(Boolean)).toBe(true);
  expect(new Set(randoms).size).toBe(3);
});

/** Rewrites the stored snapshot in the page: `spoil` gets its bytes and returns the new ones. */
async function spoilSnapshot(page: Page, how: 'cut short' | 'pyodide magic' | 'a file moved') {
  await page.evaluate(
    async ({ name, how }) => {
      const cache = await caches.open(name);
      const [request] = await cache.keys();
      const bytes = new Uint8Array(await (await cache.match(request!))!.arrayBuffer());
      const view = new DataView(bytes.buffer);
      const headerLength = view.getUint32(8, true);
      const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + headerLength))) as { memoryOffset: number };
      let spoiled = bytes;
      if (how === 'cut short') spoiled = bytes.subarray(0, bytes.length - 65536);
      // Our envelope is intact; Pyodide's own snapshot is not (loadPyodide throws inside the worker).
      if (how === 'pyodide magic') view.setUint32(header.memoryOffset, 0, true);
      // Every check passes until Python looks for certifi's bundle (the check after a restore).
      if (how === 'a file moved') {
        const text = new TextDecoder().decode(bytes.subarray(16, 16 + headerLength)).replace('cacert.pem', 'cacert.pex');
        bytes.set(new TextEncoder().encode(text), 16);
      }
      await cache.put(request!, new Response(spoiled));
    },
    { name: CACHE, how },
  );
}

for (const how of ['cut short', 'pyodide magic', 'a file moved'] as const) {
  test(`a spoiled snapshot (${how}) gives a normal boot and is replaced by a good one`, async ({ page }) => {
    test.setTimeout(180_000);
    await recordBoots(page);
    await openScenario(page, 'starter');
    await snapshotStored(page);
    await spoilSnapshot(page, how);

    const exercise = await openScenario(page, 'solution');
    const [boot] = await boots(page);
    expect(boot!.snapshot.mode).toBe('made');
    expect(boot!.snapshot.rejected).toBeTruthy();
    expect(await run(exercise)).toMatch(/^201$/m);
    await expect(exercise.getByRole('status')).toContainText('Solved');

    // The bad one was deleted and a good one stored: the next visit restores it.
    await snapshotStored(page);
    await openScenario(page, 'solution');
    expect((await boots(page)).map((b) => b.snapshot.mode)).toEqual(['restored']);
  });
}

test('a Run pressed while Python boots does not wait for the snapshot: the standby boot takes it', async ({ page }) => {
  test.setTimeout(180_000);
  await recordBoots(page);
  await page.goto('/playground/?scenario=anatomy-json-body&code=starter');
  const exercise = page.locator('fix401-exercise');
  // At once, while the pre-boot is still starting Python.
  await expect(exercise.locator('[data-part="runtime"]')).not.toContainText('ready');
  expect(await run(exercise)).toMatch(/^415$/m);
  const [first] = await boots(page);
  expect(first!.snapshot).toEqual({ mode: 'off', rejected: 'not taken: a run was waiting for this boot' });
  expect(await runCode(exercise, "import js\nprint('getter', js.navigator.onLine)\n")).toMatch(/^getter True$/m);
  // The standby boots once the page is idle after the run, with no snapshot stored yet: it takes one.
  await expect.poll(async () => (await boots(page)).map((b) => b.snapshot.mode), { timeout: 90_000 }).toEqual(['off', 'made']);
  await snapshotStored(page);
});
