/**
 * The Python worker's hold on browser-made requests: other origins wait until the page says MSW
 * intercepts (else they would reach the real network), same-origin files never wait, and a
 * synchronous request that cannot wait fails as a network error. The worker's globals are stubbed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const ORIGIN = 'http://localhost:4321';
let sent: string[] = [];

/** A stand-in for the worker's XMLHttpRequest: records what reaches the network. */
class FakeXhr {
  url = '';
  open(_method: string, url: string) {
    this.url = url;
  }
  send() {
    sent.push(`xhr ${this.url}`);
  }
  abort() {}
}

async function freshGate() {
  vi.resetModules();
  const gate = await import('../../../src/runtime/browser-request-gate');
  gate.holdBrowserRequestsUntilMockIsActive();
  return gate;
}

const fetchIn = () => (globalThis as unknown as { self: { fetch: typeof fetch } }).self.fetch;
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

beforeEach(() => {
  sent = [];
  const fetchStub = (input: RequestInfo | URL) => {
    sent.push(`fetch ${input instanceof Request ? input.url : String(input)}`);
    return Promise.resolve(new Response('ok'));
  };
  vi.stubGlobal('self', { location: { href: `${ORIGIN}/lessons/x/`, origin: ORIGIN }, fetch: fetchStub });
  // A class of its own per test: the gate patches its prototype once per worker (here, per test).
  vi.stubGlobal('XMLHttpRequest', class extends FakeXhr {});
});
afterEach(() => vi.unstubAllGlobals());

describe('browser-made requests from the Python worker', () => {
  it("go to Pyodide's own origin at once, and to other origins only once MSW is active", async () => {
    const gate = await freshGate();
    await fetchIn()('/pyodide/abc/python_stdlib.zip');
    const mocked = fetchIn()(new Request('https://api.example.com/items'));
    const elsewhere = fetchIn()('https://example.org/');
    await settle();
    expect(sent).toEqual([`fetch /pyodide/abc/python_stdlib.zip`]);
    gate.openBrowserRequests();
    await Promise.all([mocked, elsewhere]);
    expect(sent.slice(1)).toEqual(['fetch https://api.example.com/items', 'fetch https://example.org/']);
    // From now on nothing waits.
    await fetchIn()('https://httpbin.org/get');
    expect(sent.at(-1)).toBe('fetch https://httpbin.org/get');
  });

  it('fail as network errors, with the reason, when MSW could not start', async () => {
    const gate = await freshGate();
    const waiting = fetchIn()('https://api.example.com/items');
    gate.refuseBrowserRequests('Your browser refuses this page a service worker');
    await expect(waiting).rejects.toThrow(TypeError);
    await expect(fetchIn()('https://api.example.com/items')).rejects.toThrow(/refuses this page a service worker/);
    expect(sent).toEqual([]);
  });

  it('an asynchronous XHR waits like fetch; a synchronous one cannot wait and fails as a network error', async () => {
    const gate = await freshGate();
    const later = new XMLHttpRequest();
    later.open('GET', 'https://api.example.com/items');
    later.send();
    const now = new XMLHttpRequest();
    now.open('GET', 'https://example.org/', false);
    expect(() => now.send()).toThrow(expect.objectContaining({ name: 'NetworkError' }));
    const local = new XMLHttpRequest();
    local.open('GET', '/favicon.svg', false);
    local.send();
    expect(sent).toEqual(['xhr /favicon.svg']);
    gate.openBrowserRequests();
    await settle();
    expect(sent).toEqual(['xhr /favicon.svg', 'xhr https://api.example.com/items']);
  });
});
