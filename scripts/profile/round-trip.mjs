#!/usr/bin/env node
// `node scripts/profile/round-trip.mjs [--cprofile] [--no-post]`: the bench's warm requests.post
// round trip (scripts/bench/runtime.mjs, ROUND_TRIP_CODE) under Node, through the real transport.py,
// sandbox.py and worker mock (bundled with esbuild), with Pyodide and the wheels the site serves
// (public/pyodide/). It splits a request's time into Python, the JS call (mock + exchange message)
// and the structured clone a worker's postMessage makes of each exchange. --cprofile adds Python's
// own profile of the timed requests; --no-post skips the clone (what a batched message would save);
// --canned answers every request with the first answer, without the mock (Python's side alone);
// --ab alternates mock and canned in CPU time; --cpu prints CPU time per request (for before/after).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROUND_TRIP_CODE, RT_AUTHORIZATION, RT_URL, parseRoundTrips } from '../bench/runtime.mjs';
import { median } from '../bench/stats.mjs';
import { importWorkerMock } from './worker-mock-bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const flags = new Set(process.argv.slice(2));

const mock = await importWorkerMock();

const indexURL = join(root, 'public/pyodide/');
const { loadPyodide } = await import(pathToFileURL(join(indexURL, 'pyodide.mjs')).href);
const bootStart = performance.now();
const py = await loadPyodide({ indexURL, packages: ['requests'] });
console.log(`boot + requests ${(performance.now() - bootStart).toFixed(0)} ms`);

let output = '';
py.setStdout({ batched: (line) => (output += `${line}\n`) });
py.setStderr({ batched: (line) => process.stderr.write(`${line}\n`) });

/** --canned: every request after the first gets the first one's answer (the Python side alone). */
let canned = null;
/** JS time per exchange: the whole wire_exchange call, and the exchange message's clone inside it. */
const js = { call: [], post: [] };
py.registerJsModule('fix401_host', {
  clock_advanced: (ms) => mock.advanceMockClock(ms),
  wire_exchange: (scheme, host, port, bytes) => {
    const t0 = performance.now();
    const answer = canned ?? mock.answerWire({ scheme, host, port, bytes });
    if (flags.has('--canned')) canned = answer;
    js.call.push(performance.now() - t0);
    return answer;
  },
});
py.FS.writeFile('/home/pyodide/fix401_transport.py', readFileSync(join(root, 'src/runtime/transport.py'), 'utf8'));
py.FS.writeFile('/home/pyodide/fix401_sandbox.py', readFileSync(join(root, 'src/runtime/sandbox.py'), 'utf8'));
const sandbox = py.pyimport('fix401_sandbox');

/** As python.worker.ts posts each exchange: postMessage structured-clones its envelope. */
const onExchange = (exchange) => {
  if (flags.has('--no-post')) return;
  const t0 = performance.now();
  structuredClone({ type: 'exchanges', version: 3, payload: { runId: 1, exchanges: [exchange] } });
  js.post.push(performance.now() - t0);
};

function runOnce(code) {
  output = '';
  js.call.length = 0;
  js.post.length = 0;
  mock.startMockRun(mock.defaultServerState(), Date.parse('2026-01-01T00:00:00Z'), onExchange);
  const env = py.toPy({});
  const files = py.toPy([]);
  const result = sandbox.run(code, env, files, Date.parse('2026-01-01T00:00:00Z'), null);
  const [type, traceback] = result.toJs();
  result.destroy();
  env.destroy();
  files.destroy();
  if (type) throw new Error(`the round-trip script failed:\n${traceback}`);
  return output;
}

/** CPU time (user + system, all threads) per request of `count` requests: unlike wall time, the
 * machine's other processes do not stretch it. */
function cpuPerRequest(count) {
  const code = `import requests\nfor i in range(${count}):\n    requests.post("${RT_URL}", headers={"Authorization": "${RT_AUTHORIZATION}"}, json={"i": i})\n`;
  const before = process.cpuUsage();
  const wall = performance.now();
  runOnce(code);
  const used = process.cpuUsage(before);
  return { cpu: (used.user + used.system) / 1000 / count, wall: (performance.now() - wall) / count };
}

if (flags.has('--cpu')) {
  // CPU time per request, lowest of 5 blocks after the warm-up: comparable across builds on a busy machine.
  runOnce(ROUND_TRIP_CODE);
  const blocks = Array.from({ length: 5 }, () => cpuPerRequest(200)).sort((a, b) => a.cpu - b.cpu);
  console.log(
    `CPU per requests.post: lowest ${blocks[0].cpu.toFixed(3)} ms, median ${blocks[2].cpu.toFixed(3)} ms (5 blocks of 200; wall median ${blocks[2].wall.toFixed(3)} ms)`,
  );
  process.exit(0);
}

if (flags.has('--ab')) {
  // The mock against a canned answer, alternately in one process, so the machine's load touches both.
  runOnce(ROUND_TRIP_CODE);
  for (let i = 0; i < 3; i++)
    for (const mode of ['mock', 'canned']) {
      flags[mode === 'canned' ? 'add' : 'delete']('--canned');
      canned = null;
      const t = cpuPerRequest(200);
      console.log(
        `${mode.padEnd(6)} CPU ${t.cpu.toFixed(3)} ms/request (wall ${t.wall.toFixed(3)} ms), JS call median ${median(js.call).toFixed(3)} ms`,
      );
    }
  process.exit(0);
}
const timed = parseRoundTrips(runOnce(ROUND_TRIP_CODE));
// The last 50 calls are the timed requests (the 301 before them are the first and the warm-up).
const call = median(js.call.slice(-50));
const post = js.post.length ? median(js.post.slice(-50)) : 0;
const fmt = (n) => `${n.toFixed(3)} ms`;
console.log(`status ${timed.roundTripStatus}`);
console.log(`requests.post round trip  median ${fmt(timed.roundTripMedianMs)}  p90 ${fmt(timed.roundTripP90Ms)}`);
console.log(
  `prepare()                 median ${fmt(timed.prepareMedianMs)}  (ratio ${(timed.roundTripMedianMs / timed.prepareMedianMs).toFixed(2)}x)`,
);
console.log(`  JS wire_exchange call   median ${fmt(call)}  (mock + exchange message)`);
console.log(`    of which the clone    median ${fmt(post)}`);
console.log(`  Python + crossing       ≈ ${fmt(timed.roundTripMedianMs - call)}`);

if (flags.has('--cprofile')) {
  const profiled = ROUND_TRIP_CODE.replace('import requests, time', 'import requests, time, cProfile, pstats\n_p = cProfile.Profile()')
    .replace('for i in range(', '_p.enable()\nfor i in range(')
    .concat('_p.disable()\npstats.Stats(_p).sort_stats("tottime").print_stats(60)\n');
  const printed = runOnce(profiled);
  console.log(printed.slice(printed.indexOf('ncalls') - 200));
}
