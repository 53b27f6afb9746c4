/**
 * Resolves once no request has been in flight for `quietMs` (or after `maxMs`), polling `traffic`:
 * what the browser saw (./bytes.mjs) or what the server saw (./server.mjs).
 * @param {() => { inFlight: number, lastActivity: number }} traffic
 * @param {number} quietMs
 * @param {number} maxMs
 */
export async function untilQuiet(traffic, quietMs, maxMs) {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const { inFlight, lastActivity } = traffic();
    if (Date.now() >= deadline || (inFlight === 0 && Date.now() - lastActivity >= quietMs)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
