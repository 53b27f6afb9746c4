// Memory of a page or a dedicated worker through the browser's CDP endpoint. Playwright cannot open
// a CDP session on a worker, so this attaches to the target (non-flattened) and relays messages.

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */
/** @typedef {{ type: string, url: string, targetId: string }} TargetInfo */
/** @typedef {{ jsHeapUsed: number, jsHeapTotal: number, arrayBuffers: number }} Memory */

/**
 * @param {Browser} browser
 */
export async function openTargets(browser) {
  const session = await browser.newBrowserCDPSession();
  let nextId = 1;
  /** @type {Map<number, (message: { result?: Record<string, unknown>, error?: { message: string } }) => void>} */
  const pending = new Map();
  session.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message);
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });

  /** @returns {Promise<TargetInfo[]>} */
  async function list() {
    const { targetInfos } = await session.send('Target.getTargets');
    return targetInfos;
  }

  /**
   * @param {string} targetId
   */
  async function attach(targetId) {
    const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: false });
    /**
     * @param {string} method
     * @param {Record<string, unknown>} [params]
     * @returns {Promise<Record<string, any>>}
     */
    const send = (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, (message) =>
          message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result ?? {}),
        );
        void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    return {
      /**
       * GC, then the JS heap. (Runtime.queryObjects for WebAssembly.Memory hangs on the Python
       * worker, so wasm memory is read from the runtime's own report instead: see memory.mjs.)
       * @returns {Promise<Memory>}
       */
      async memory() {
        await send('HeapProfiler.collectGarbage').catch(() => undefined);
        const heap = await send('Runtime.getHeapUsage');
        return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, arrayBuffers: heap.backingStorageSize ?? 0 };
      },
      detach: () => session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined),
    };
  }

  return { list, attach, close: () => session.detach() };
}
