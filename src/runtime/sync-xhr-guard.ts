/**
 * A synchronous XMLHttpRequest from learner code (`js.XMLHttpRequest`, `pyodide.http.open_url`) to a
 * mocked host would wait for ever: MSW hands it to the page, the page asks this worker's mock API,
 * and this worker is blocked inside the very request. Refuse it at once, with words a learner can act on.
 */
import { isMockedHost } from '../mock-api/hosts';

export function refuseSyncXhrToMockedHosts(): void {
  if (typeof XMLHttpRequest === 'undefined') return;
  const proto = XMLHttpRequest.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this) on the request
  const open: (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) => void = proto.open;
  proto.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    const synchronous = rest.length > 0 && rest[0] === false;
    let host = '';
    try {
      host = new URL(String(url), self.location.href).hostname;
    } catch {
      // open() itself reports a URL it cannot parse.
    }
    if (synchronous && isMockedHost(host))
      throw new DOMException(
        `A synchronous XMLHttpRequest to ${host} cannot be answered in this sandbox (the practice API runs in the same thread). Use requests, or an asynchronous fetch.`,
        'NotSupportedError',
      );
    open.call(this, method, url, ...rest);
  };
}
