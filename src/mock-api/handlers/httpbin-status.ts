/** `/status/{codes}` as httpbin's helpers.status_code answers it, including its 401 challenge. */
import type { Via } from '../context';
import { decide, type Reply } from '../reply';
import { httpbinJsonText, httpbinText } from './httpbin-format';

const REDIRECT: [string, string][] = [['location', '/redirect/1']];

const TEAPOT = `
    -=[ teapot ]=-

       _...._
     .'  _ _ \`.
    | ."\` ^ \`". _,
    \\_;\`"---"\`|//
      |       ;/
      \\_     _/
        \`"""\`
`;

/** Extra headers and body httpbin gives particular codes (helpers.py code_map). */
const CODE_MAP: Readonly<Record<number, { headers?: [string, string][]; body?: string; json?: boolean }>> = {
  301: { headers: REDIRECT },
  302: { headers: REDIRECT },
  303: { headers: REDIRECT },
  305: { headers: REDIRECT },
  307: { headers: REDIRECT },
  401: { headers: [['www-authenticate', 'Basic realm="Fake Realm"']] },
  402: { headers: [['x-more-info', 'http://vimeo.com/22053820']], body: 'Fuck you, pay me!' },
  406: {
    json: true,
    body: httpbinJsonText({
      message: 'Client did not request a supported media type.',
      accept: ['image/webp', 'image/svg+xml', 'image/jpeg', 'image/png', 'image/*'],
    }).trimEnd(),
  },
  407: { headers: [['proxy-authenticate', 'Basic realm="Fake Realm"']] },
  418: { headers: [['x-more-info', 'http://tools.ietf.org/html/rfc2324']], body: TEAPOT },
};

/** Picks from "200,401:3" style weighted lists, as httpbin's weighted_choice does. */
function chooseCode(codes: string): number | null {
  const choices: [number, number][] = [];
  for (const part of codes.split(',')) {
    const [code = '', weight = '1'] = part.split(':');
    const c = Number(code.trim());
    const w = Number(weight);
    if (!/^\d+$/.test(code.trim()) || !Number.isFinite(w)) return null;
    choices.push([c, w]);
  }
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let pick = Math.random() * total;
  for (const [c, w] of choices) if ((pick -= w) < 0) return c;
  return choices.at(-1)?.[0] ?? null;
}

/**
 * The statuses each path can deliver: http.client reads three digits (100–999, else BadStatusLine);
 * a `Response` handed to the browser can only carry 200–599.
 */
const DELIVERABLE: Readonly<Record<Via, [number, number]>> = { python: [100, 999], browser: [200, 599] };

/** The reply for `/status/{codes}`. */
export function statusCodeReply(request: Headers, codes: string, via: Via): Reply {
  const code = chooseCode(codes);
  if (code === null) return httpbinText(request, 400, 'Invalid status code', decide('invalid_status', `"${codes}" is not a status code`));
  const [low, high] = DELIVERABLE[via];
  if (code < low || code > high)
    return httpbinText(
      request,
      400,
      'Invalid status code',
      decide(
        'invalid_status',
        via === 'browser'
          ? `a request the browser makes can only get statuses 200–599, not ${code}`
          : `an HTTP/1.1 status is three digits (100–999), not ${code}`,
      ),
    );
  const entry = CODE_MAP[code] ?? {};
  const reason =
    code === 401
      ? 'httpbin answers the status you ask for: /status/401 fails whatever credentials you send'
      : code === 100
        ? 'httpbin answers the status you ask for (100): http.client skips a 100 Continue and waits for a final answer that never comes'
        : `httpbin answers the status you ask for (${code})`;
  const reply = httpbinText(request, code, entry.body ?? '', decide('status', reason), entry.headers ?? []);
  if (entry.json) reply.headers = reply.headers.map(([n, v]) => [n, n === 'content-type' ? 'application/json' : v]);
  return reply;
}
