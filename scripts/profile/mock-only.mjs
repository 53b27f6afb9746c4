#!/usr/bin/env node
// `node scripts/profile/mock-only.mjs`: the worker mock's share of a round trip, alone: the bench's
// request as CPython writes it, answered 5000 times by answerWire (parse, handler, write, log and
// the exchange's structured clone, as python.worker.ts posts it), in CPU time per request.
import { RT_AUTHORIZATION } from '../bench/runtime.mjs';
import { importWorkerMock } from './worker-mock-bundle.mjs';

const mock = await importWorkerMock();

const body = '{"i": 7}';
// requests.post(url, headers={"Authorization": ...}, json={"i": 7}), byte for byte as http.client sends it.
const request = new TextEncoder().encode(
  'POST /endpoint HTTP/1.1\r\nHost: api.example.com\r\nUser-Agent: python-requests/2.34.2\r\n' +
    'Accept-Encoding: gzip, deflate, zstd\r\nAccept: */*\r\nConnection: keep-alive\r\n' +
    `Authorization: ${RT_AUTHORIZATION}\r\nContent-Length: ${body.length}\r\nContent-Type: application/json\r\n\r\n${body}`,
);
const post = process.argv.includes('--no-post')
  ? () => {}
  : (exchange) => structuredClone({ type: 'exchanges', version: 3, payload: { runId: 1, exchanges: [exchange] } });
const COUNT = 5000;
/** CPU µs per request of each round: the lowest is the least disturbed by the machine's other work. */
const rounds = [];
for (let round = 0; round < 9; round++) {
  mock.startMockRun(mock.defaultServerState(), Date.parse('2026-01-01T00:00:00Z'), post);
  const before = process.cpuUsage();
  for (let i = 0; i < COUNT; i++) mock.answerWire({ scheme: 'https', host: 'api.example.com', port: 443, bytes: request });
  const used = process.cpuUsage(before);
  rounds.push((used.user + used.system) / COUNT);
}
rounds.sort((a, b) => a - b);
console.log(`answerWire: ${rounds[0].toFixed(1)} µs CPU per request (lowest of ${rounds.length} rounds; median ${rounds[4].toFixed(1)})`);
const answer = mock.answerWire({ scheme: 'https', host: 'api.example.com', port: 443, bytes: request });
console.log(new TextDecoder().decode(answer).split('\r\n')[0]);
