/**
 * "Run it against your response": runs the learner's code in the tab's Python worker, where every
 * host answers with the pasted response (RunRequest.replay), and returns what requests really sent.
 * The run has a time limit; nothing leaves the page.
 */
import type { Exchange } from '../mock-api/contract';
import type { ReplayResponse } from '../runtime/protocol';
import { headerValue } from './headers';
import type { RunInputs } from './run-inputs';
import type { ParsedResponse } from './types';

const RUN_LIMIT_MS = 20_000;

export interface RunEvidence {
  exchanges: Exchange[];
  output: string;
  /** The traceback's last line, when the code raised. */
  failure: { type: string; traceback: string } | null;
  outcome: string;
}

/** The responses the replay gives: the pasted redirects first, then the pasted answer (or a plain 401). */
export function replayResponses(parsed: ParsedResponse): ReplayResponse[] {
  const hops = parsed.history
    .filter((h) => h.location)
    .map((h): ReplayResponse => ({ status: h.status, reason: 'Found', headers: [['Location', h.location!]], body: '' }));
  const status = parsed.status ?? 401;
  const headers = parsed.headers.length
    ? parsed.headers
    : status === 401
      ? ([['WWW-Authenticate', 'Bearer realm="api"']] as [string, string][])
      : [];
  if (parsed.body && !headerValue(headers, 'content-type'))
    headers.push(['Content-Type', /^\s*[{[]/.test(parsed.body) ? 'application/json' : 'text/plain; charset=utf-8']);
  return [...hops, { status, reason: parsed.reason ?? (status === 401 ? 'Unauthorized' : ''), headers, body: parsed.body }];
}

export async function runAgainstResponse(code: string, parsed: ParsedResponse, { env, files }: RunInputs): Promise<RunEvidence> {
  const [{ getRuntime }, { DEFAULT_SERVER_STATE }] = await Promise.all([import('../runtime/client'), import('../mock-api/server-state')]);
  const exchanges: Exchange[] = [];
  let output = '';
  const result = await getRuntime().run(
    () => ({ code, env, files, virtualNow: Date.now(), server: DEFAULT_SERVER_STATE, replay: { responses: replayResponses(parsed) } }),
    {
      onOutput: (batch) => (output += batch.chunks.map((c) => c.text).join('')),
      onClockAdvance: () => {},
      onExchange: (exchange) => exchanges.push(exchange),
    },
    RUN_LIMIT_MS,
  );
  return { exchanges, output, failure: result.failure, outcome: result.outcome };
}

/** The pasted response, with what the run showed: the request really sent and the exception raised. */
export function withRunEvidence(parsed: ParsedResponse, run: RunEvidence): ParsedResponse {
  // The first request refused is where it went wrong; later ones follow from it (a token request
  // refused, then the API called with no token). After a redirect, that is the request to the new place.
  const last = run.exchanges.find((e) => e.status >= 400) ?? run.exchanges[run.exchanges.length - 1];
  const lastLine = run.failure?.traceback.trim().split('\n').pop() ?? '';
  const exception = /^([\w.]+):\s?(.*)$/.exec(lastLine);
  return {
    ...parsed,
    url: run.exchanges[0]?.url ?? parsed.url,
    request: last ? { method: last.method, url: last.url, headers: last.requestHeaders } : parsed.request,
    exception: exception ? { type: exception[1].split('.').pop()!, message: exception[2] } : parsed.exception,
  };
}
