// The spec the Firefox and WebKit suites share (tests/engines/firefox.test.mjs, webkit.test.mjs),
// run with `node --test` against the built site (tests/engines/site.mjs). Every test can fail; none
// is retried or skipped: a missing browser fails the suite (npm run test:engines installs them first).
// Env: SCENARIOS=a,b limits the scenario tests; ENGINE_SCENARIOS_<ENGINE>=all|a,b overrides the
// per-engine default (all in Firefox, a representative subset in WebKit, see WEBKIT_SUBSET).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import lz from 'lz-string';
import { doctorActions } from './doctor-actions.mjs';
import { ENGINES } from './drivers.mjs';
import { pageActions, RUN_TIMEOUT_MS } from './page-actions.mjs';
import { startSite } from './site.mjs';

const SCENARIO_DIR = join(import.meta.dirname, '../../content/scenarios');
const DOCTOR_FIXTURES = join(import.meta.dirname, '../fixtures/doctor');
const ALL_SCENARIOS = readdirSync(SCENARIO_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'playground.json')
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
/** One scenario per auth scheme and mechanism the mock serves (Bearer, Basic, Digest, OAuth refresh, env, custom AuthBase, netrc). */
export const WEBKIT_SUBSET = [
  'missing-credentials',
  'auth-basic-tuple',
  'basic-latin1-password',
  'digest-use-digest-auth',
  'refresh-reactive',
  'env-trailing-newline',
  'auth-custom-authbase',
  'debug-netrc-override',
];

const EXERCISE = 'fix401-exercise[data-mode="exercise"]';
const PLAYGROUND = '[data-playground] fix401-exercise';

function scenariosFor(engine) {
  const own = process.env[`ENGINE_SCENARIOS_${engine.toUpperCase()}`];
  const base = own === 'all' || (!own && engine === 'firefox') ? ALL_SCENARIOS : own ? own.split(',') : WEBKIT_SUBSET;
  const only = process.env.SCENARIOS?.split(',').filter(Boolean);
  return only ? base.filter((id) => only.includes(id)) : base;
}

export function defineEngineSuite(engine) {
  describe(`${engine}: the built site`, { concurrency: false }, () => {
    let site;
    let browser;
    const problems = [];

    const { state, waitFor, run, typeCode } = pageActions(engine, () => browser);
    const doctor = doctorActions(engine, () => browser);
    async function visit(path) {
      problems.push(...(await browser.problems()).map((p) => `${p} (before ${path})`));
      await browser.goto(`${site.origin}${path}`);
      return path;
    }
    async function openPlayground(scenario, code) {
      await browser.goto('about:blank'); // a fresh page load even when only the #fragment differs
      await visit(`/playground/?scenario=${scenario}#code=${lz.compressToEncodedURIComponent(code)}`);
      return waitFor('the linked code in the editor', (s) => s.code === code, PLAYGROUND);
    }

    /** Another share link opened in the same tab: only the #fragment changes, the page shows its code. */
    async function loadFromLink(code) {
      await browser.evaluate(
        (hash) => {
          location.hash = hash;
        },
        `code=${lz.compressToEncodedURIComponent(code)}`,
      );
      return waitFor('the code from the link', (s) => s.code === code, PLAYGROUND);
    }

    before(async () => {
      site = await startSite();
      browser = await ENGINES[engine]();
      console.log(`# ${engine}: ${browser.version} against ${site.origin}`);
    });
    after(async () => {
      await browser?.close();
      await site?.close();
    });

    it(
      'lesson “missing credentials”: the starter gets a 401 and fails, the typed fix gets a 200 and passes',
      { timeout: 300_000 },
      async () => {
        await visit('/lessons/missing-credentials/');
        const first = await run(EXERCISE);
        assert.match(first.output, /^401$/m, first.output);
        assert.match(first.output, /error="invalid_token"/);
        assert.match(first.verdict, /^Not yet/);
        // A learner who writes the fix on three lines of their own (Monaco auto-closes brackets and quotes; typing over them is the learner's path too).
        const fix =
          "import requests\nresponse = requests.post('https://api.example.com/endpoint', headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'}, data={'key': 'value'})\nprint(response.status_code)";
        await typeCode(EXERCISE, fix);
        const second = await run(EXERCISE);
        assert.match(second.output, /^200$/m, second.output);
        assert.equal(second.verdict, 'Solved! Every check passed.');
      },
    );

    it("Python's memory snapshot is stored in this engine's Cache Storage once Python is ready", { timeout: 300_000 }, async () => {
      await visit('/lessons/anatomy-of-a-post/');
      await browser.evaluate((scope) => document.querySelector(scope)?.scrollIntoView(), EXERCISE);
      // No click: the pre-boot has no run waiting, so it takes a snapshot and streams it to Cache Storage.
      await waitFor('Python to be ready', (s) => /Python 3\.\d+\.\d+ ready/.test(s.runtime), EXERCISE, RUN_TIMEOUT_MS);
      const until = Date.now() + 60_000;
      const stored = () => browser.evaluate(async (name) => (await (await caches.open(name)).keys()).length, 'fix401-python-snapshot');
      while ((await stored()) < 1) {
        assert.ok(Date.now() < until, `${engine}: no Python snapshot stored within 60 s of "ready"`);
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.equal(await stored(), 1, 'one snapshot per origin');
    });

    for (const id of scenariosFor(engine)) {
      it(`scenario ${id}: the reference solution, opened from a #code= link, passes`, { timeout: 300_000 }, async () => {
        const scenario = JSON.parse(readFileSync(join(SCENARIO_DIR, `${id}.json`), 'utf8'));
        const loaded = await openPlayground(id, scenario.solution);
        assert.equal(loaded.runs, 0, 'code from a link must not run by itself');
        const done = await run(PLAYGROUND);
        assert.equal(done.verdict, 'Solved! Every check passed.', `${id}: output was\n${done.output}`);
      });
    }

    it('playground: Share gives a link that shows the same code and does not run it', { timeout: 300_000 }, async () => {
      await visit('/playground/?scenario=playground');
      await waitFor('the playground', () => true, PLAYGROUND);
      const code = `print('shared from ${engine}', 1 + 1)`;
      await typeCode(PLAYGROUND, code);
      await browser.click(`${PLAYGROUND} button`, 'Share');
      const { shareUrl } = await waitFor('the share link', (s) => s.shareUrl.includes('#code='), PLAYGROUND);
      assert.ok(shareUrl.startsWith(`${site.origin}/playground/?scenario=playground#code=`), shareUrl);
      // Opened afresh, as from another tab (going straight to it would only change the fragment of this page).
      await browser.goto('about:blank');
      await visit(shareUrl.slice(site.origin.length));
      const opened = await waitFor('the shared code', (s) => s.code === code && s.staticCode.includes(`shared from ${engine}`), PLAYGROUND);
      await new Promise((r) => setTimeout(r, 1500));
      const later = await state(PLAYGROUND);
      assert.equal(later.runs, 0, 'a shared link must not run its code');
      assert.equal(later.output, '');
      assert.equal(opened.code, code);
      const ran = await run(PLAYGROUND);
      assert.match(ran.output, new RegExp(`shared from ${engine} 2`));
    });

    it('playground: Stop ends `while True: pass`, and the next Run runs at once on the standby Python', { timeout: 300_000 }, async () => {
      // A first run, so the page boots a standby Python while it is idle (src/runtime/standby-policy.ts).
      await openPlayground('playground', "print('warm')\n");
      assert.match((await run(PLAYGROUND)).output, /^warm$/m);
      // The standby is created on the first idle moment after a run, 5 s at most (requestIdleCallback's timeout).
      await new Promise((r) => setTimeout(r, 6000));
      await loadFromLink('while True:\n    pass\n');
      const { runs } = await state(PLAYGROUND);
      await browser.click(`${PLAYGROUND} button`, 'Run');
      await waitFor('the loop to run for 2 s', (s) => /Running… \d+ s/.test(s.runtime), PLAYGROUND, RUN_TIMEOUT_MS);
      const stopAt = Date.now();
      await browser.click(`${PLAYGROUND} button`, 'Stop');
      const stopped = await waitFor('Stop to end the run', (s) => s.runs === runs + 1, PLAYGROUND, 20_000);
      const stopMs = Date.now() - stopAt;
      assert.match(stopped.output, /Stopped\. Python was restarted/);
      // The Python that runs next says when its worker started: before the Stop click means the
      // standby was swapped in; a worker booted because of the Stop would have started after it.
      await loadFromLink('import js\nprint(f"worker started at {int(js.performance.timeOrigin)}")\n');
      const nextAt = Date.now();
      const next = await run(PLAYGROUND);
      const started = Number(next.output.match(/^worker started at (\d+)$/m)?.[1]);
      assert.ok(started > 0, next.output);
      assert.ok(
        started < stopAt,
        `the Run after Stop ran in a worker started ${started - stopAt} ms after the Stop click, not the standby`,
      );
      console.log(
        `# ${engine}: Stop took ${stopMs} ms; the next Run ${Date.now() - nextAt} ms, on a worker started ${stopAt - started} ms before Stop`,
      );
    });

    it(
      'the 401 doctor: two fixtures diagnosed (the code read by Python), and a run shows what was sent',
      { timeout: 300_000 },
      async () => {
        await visit('/doctor/');
        for (const name of ['07-os-getenv-with-a-misspelled-name-bearer-none', '37-github-bad-credentials-over-http-2-curl']) {
          const fixture = JSON.parse(readFileSync(join(DOCTOR_FIXTURES, `${name}.json`), 'utf8'));
          const done = await doctor.diagnose(fixture.code, fixture.response);
          assert.equal(done.causes[0], fixture.expect, `${name}: ranked ${done.causes.join(', ')}`);
        }
        const code =
          "import os, requests\ntoken = os.getenv('GITHUB_TOKEN')\nr = requests.get('https://api.github.com/user', headers={'Authorization': f'Bearer {token}'})\nprint(r.status_code, r.json()['message'])\n";
        const response =
          'HTTP/2 401\ncontent-type: application/json\n\n{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}';
        const read = await doctor.diagnose(code, response);
        // The variable it reads, and ~/.netrc, which requests reads by itself for a header without auth=.
        assert.deepEqual(read.envInputs, ['env:GITHUB_TOKEN:password', 'file:~/.netrc:password']);
        const ran = await doctor.press('Run it against your response');
        assert.match(ran.runStatus, /^Run finished: 1 request sent/, ran.runStatus);
        assert.match(ran.sent, /GET https:\/\/api\.github\.com\/user → 401/);
        assert.match(ran.sent, /Authorization: Bearer None/);
        assert.match(ran.sent, /401 Bad credentials/);
        assert.equal(ran.causes[0], 'getenv-none', ran.causes.join(', '));
      },
    );

    describe('Python over the practice API behaves as in CPython', { concurrency: false }, () => {
      // One program, one run: each line is one check's answer; each `it` judges one line.
      const program = String.raw`import requests
from requests.auth import HTTPDigestAuth

def check(name, fn):
    try:
        value = fn()
    except Exception as e:
        value = f'raised {type(e).__name__} (ValueError={isinstance(e, ValueError)}): {e}'
    print(f'CHECK {name} = {value!r}', flush=True)

check('reason', lambda: requests.post('https://api.example.com/items', json={}).reason)

REDIRECT = 'https://httpbin.org/redirect-to?url=https%3A%2F%2Fapi.example.com%2Fitems&status_code=302'
def followed():
    r = requests.post(REDIRECT, headers={'Authorization': 'Bearer x'})
    return [len(r.history), [h.status_code for h in r.history], r.request.method, 'Authorization' in r.request.headers, r.url]
check('redirect', followed)

def not_followed():
    r = requests.post(REDIRECT, headers={'Authorization': 'Bearer x'}, allow_redirects=False)
    return [r.status_code, r.headers.get('Location'), len(r.history)]
check('no-redirect', not_followed)

check('accept-language', lambda: sorted(requests.get('https://httpbin.org/headers').json()['headers']))

def newline_auth(r):
    r.headers['Authorization'] = 'Bearer tok\n'
    return r
check('newline-auth', lambda: requests.get('https://api.example.com/items', auth=newline_auth).status_code)

check('digest', lambda: requests.get("https://httpbin.org/digest-auth/auth/user/passwd?q='x'", auth=HTTPDigestAuth('user', 'passwd')).status_code)
print('CHECKS DONE')
`;
      let output = null;
      const answer = (name) => {
        assert.ok(output !== null, 'the program did not run');
        const line = output.split('\n').find((l) => l.startsWith(`CHECK ${name} = `));
        assert.ok(line, `no answer for ${name}; output:\n${output}`);
        return line.slice(`CHECK ${name} = `.length);
      };
      before(async () => {
        await openPlayground('playground', program);
        output = (await run(PLAYGROUND)).output;
        console.log(`# ${engine}: Python checks printed:\n${output.replace(/^/gm, '#   ')}`);
      });

      it("requests.post(...).reason is 'Unauthorized' for a 401", () => {
        assert.equal(answer('reason'), "'Unauthorized'");
      });
      it('a 302 from httpbin.org is followed by requests: one history entry, POST→GET, Authorization dropped for the other host', () => {
        assert.equal(answer('redirect'), "[1, [302], 'GET', False, 'https://api.example.com/items']");
      });
      it('allow_redirects=False gives the 302 with its Location', () => {
        assert.equal(answer('no-redirect'), "[302, 'https://api.example.com/items', 0]");
      });
      it('requests sends no Accept-Language (httpbin /headers)', () => {
        assert.doesNotMatch(answer('accept-language'), /Accept-Language/i);
      });
      it('an auth= callable that puts a newline in Authorization raises ValueError', () => {
        assert.match(answer('newline-auth'), /^["']raised \w+ \(ValueError=True\)/);
      });
      it("HTTPDigestAuth against /digest-auth/auth/user/passwd?q='x' gets a 200", () => {
        assert.equal(answer('digest'), '200');
      });
    });

    it('no console error, uncaught error or CSP violation on any page visited', async () => {
      problems.push(...(await browser.problems()));
      const csp = site.reports.map((r) => `CSP report: ${JSON.stringify(r)}`);
      assert.deepEqual([...problems, ...csp], []);
    });
  });
}
