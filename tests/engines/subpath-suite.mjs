// The subpath build (BASE_PATH=/fix401/, shared with Chromium's tests/e2e/subpath.spec.ts through
// scripts/lib/subpath-build.mjs) in Firefox and WebKit, served under /fix401/ by a server that adds
// no headers: the first lesson's exercise from starter to fix, and an embed, with every request the
// page made staying under the base.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SUBPATH_BASE, subpathDist } from '../../scripts/lib/subpath-build.mjs';
import { ENGINES } from './drivers.mjs';
import { pageActions, RUN_TIMEOUT_MS } from './page-actions.mjs';
import { startPlainSite } from './site.mjs';

const EXERCISE = 'fix401-exercise[data-mode="exercise"]';
const EMBED = 'fix401-exercise';
/** The lesson's fix on one line per statement (typed key by key: Monaco would re-indent continuation lines). */
const FIX =
  "import requests\nresponse = requests.post('https://api.example.com/items', headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'}, json={'name': 'stapler'})\nprint(response.status_code)";

/** Page-side: the service worker scopes, and the same-origin paths this page loaded (resource timing covers workers' requests only in some engines). */
function pageFacts() {
  return navigator.serviceWorker.getRegistrations().then((registrations) => ({
    scopes: registrations.map((r) => r.scope),
    paths: performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin)
      .map((u) => u.pathname),
    links: [...document.querySelectorAll('a[href^="/"]')].map((a) => a.getAttribute('href')),
  }));
}

export function defineSubpathSuite(engine) {
  describe(`${engine}: a subpath build under ${SUBPATH_BASE} on a server that adds no headers`, { concurrency: false }, () => {
    let site;
    let browser;
    const { waitFor, run, typeCode } = pageActions(engine, () => browser);
    const problems = [];
    async function visit(path) {
      problems.push(...(await browser.problems()).map((p) => `${p} (before ${path})`));
      await browser.goto(`${site.origin}${path}`);
    }

    before(async () => {
      site = await startPlainSite(subpathDist(), SUBPATH_BASE);
      browser = await ENGINES[engine]();
      console.log(`# ${engine}: ${browser.version} against ${site.origin}${SUBPATH_BASE}`);
    });
    after(async () => {
      await browser?.close();
      site?.close();
    });

    it(
      'the first lesson with an exercise: the starter gets a 415 and fails, the typed fix gets a 201 and passes',
      { timeout: 600_000 },
      async () => {
        await visit(`${SUBPATH_BASE}lessons/anatomy-of-a-post/`);
        const first = await run(EXERCISE);
        assert.match(first.output, /^415$/m, first.output);
        assert.match(first.verdict, /^Not yet/);
        await typeCode(EXERCISE, FIX);
        const second = await run(EXERCISE);
        assert.match(second.output, /^201$/m, second.output);
        assert.equal(second.verdict, 'Solved! Every check passed.');
        const facts = await browser.evaluate(pageFacts);
        assert.deepEqual(facts.scopes, [`${site.origin}${SUBPATH_BASE}`]);
        assert.deepEqual(
          facts.paths.filter((p) => !p.startsWith(SUBPATH_BASE)),
          [],
        );
        assert.ok(facts.links.length > 10, `only ${facts.links.length} root-relative links`);
        assert.deepEqual(
          facts.links.filter((h) => !h.startsWith(SUBPATH_BASE)),
          [],
        );
      },
    );

    it('an embed with the solution passes', { timeout: RUN_TIMEOUT_MS + 60_000 }, async () => {
      await visit(`${SUBPATH_BASE}embed/anatomy-json-body/?code=solution`);
      const loaded = await waitFor('the solution in the embed', (s) => s.code.includes('json=payload'), EMBED);
      assert.equal(loaded.runs, 0, 'an embed must not run by itself');
      const done = await run(EMBED);
      assert.match(done.output, /^201$/m, done.output);
      assert.equal(done.verdict, 'Solved! Every check passed.');
      const facts = await browser.evaluate(pageFacts);
      assert.deepEqual(
        facts.paths.filter((p) => !p.startsWith(SUBPATH_BASE)),
        [],
      );
    });

    it('no console error or uncaught error on either page', async () => {
      problems.push(...(await browser.problems()));
      assert.deepEqual(problems, []);
    });
  });
}
