/// <reference lib="webworker" />
/**
 * Requests the browser makes for learner code (js.fetch, pyodide.http.pyfetch, XMLHttpRequest) to
 * another origin wait here until the page says MSW's page side is active. A Run no longer waits for
 * MSW to start, and until MSW activates the tab its service worker lets every request through
 * (../mock-api/service-worker.ts): one sent earlier would reach the real network, not the practice
 * API. Same-origin requests (Pyodide's own files) never wait.
 *
 * A run is synchronous, so the page's word can only arrive between runs: a request made during a
 * run before that goes out when the run ends, which is when the worker could first answer it anyway.
 */
declare const self: DedicatedWorkerGlobalScope;

type GateState = { state: 'waiting' } | { state: 'open' } | { state: 'refused'; message: string };

let gate: GateState = { state: 'waiting' };
let opened: (() => void) | null = null;
let refused: ((error: Error) => void) | null = null;
const whenOpen = new Promise<void>((resolve, reject) => {
  opened = resolve;
  refused = reject;
});
whenOpen.catch(() => undefined);

function isCrossOrigin(url: string | URL): boolean {
  try {
    return new URL(String(url), self.location.href).origin !== self.location.origin;
  } catch {
    return false; // fetch and open() report a URL they cannot parse themselves
  }
}

/** MSW intercepts this tab's requests now: what waited goes out, and nothing waits from now on. */
export function openBrowserRequests(): void {
  if (gate.state !== 'waiting') return;
  gate = { state: 'open' };
  opened?.();
}

/** MSW could not start: waiting and later requests fail as network errors, with the reason. */
export function refuseBrowserRequests(reason: string): void {
  if (gate.state !== 'waiting') return;
  const message = `The browser's requests from Python cannot be answered here: ${reason}`;
  gate = { state: 'refused', message };
  refused?.(new TypeError(message));
}

/** Wraps fetch and XMLHttpRequest in this worker; call before Pyodide loads (pyodide.http binds fetch on import). */
export function holdBrowserRequestsUntilMockIsActive(): void {
  const nativeFetch = self.fetch.bind(self);
  self.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input;
    if (gate.state === 'open' || !isCrossOrigin(url)) return nativeFetch(input, init);
    return whenOpen.then(() => nativeFetch(input, init));
  };
  if (typeof XMLHttpRequest === 'undefined') return;
  const proto = XMLHttpRequest.prototype;
  /* eslint-disable @typescript-eslint/unbound-method -- called below with .call(this) on the request */
  const open: (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) => void = proto.open;
  const send = proto.send;
  /* eslint-enable @typescript-eslint/unbound-method */
  const targets = new WeakMap<XMLHttpRequest, { crossOrigin: boolean; synchronous: boolean }>();
  proto.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    targets.set(this, { crossOrigin: isCrossOrigin(url), synchronous: rest.length > 0 && rest[0] === false });
    open.call(this, method, url, ...rest);
  };
  proto.send = function (this: XMLHttpRequest, body?: XMLHttpRequestBodyInit | null) {
    const target = targets.get(this);
    if (gate.state === 'open' || !target?.crossOrigin) {
      send.call(this, body);
      return;
    }
    // A synchronous request cannot wait. It reaches here only for hosts the mock does not serve
    // (sync-xhr-guard.ts refuses the others), and the mock would fail those as network errors too.
    if (target.synchronous || gate.state === 'refused')
      throw new DOMException(gate.state === 'refused' ? gate.message : 'A network error occurred.', 'NetworkError');
    whenOpen.then(
      () => send.call(this, body),
      () => this.abort(),
    );
  };
}
