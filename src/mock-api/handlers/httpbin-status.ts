/** `/status/{codes}` as httpbin's helpers.status_code answers it, including its 401 challenge. */
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

/** The reply for `/status/{codes}`. */
export function statusCodeReply(request: Headers, codes: string): Reply {
  const code = chooseCode(codes);
  if (code === null) return httpbinText(request, 400, 'Invalid status code', decide('invalid_status', `"${codes}" is not a status code`));
  // Fetch's Response can only carry 200–599; a service worker could not deliver anything else either.
  if (code < 200 || code > 599)
    return httpbinText(
      request,
      400,
      'Invalid status code',
      decide('invalid_status', `the sandbox can only answer statuses 200–599, not ${code}`),
    );
  const entry = CODE_MAP[code] ?? {};
  const reason =
    code === 401
      ? 'httpbin answers the status you ask for: /status/401 fails whatever credentials you send'
      : `httpbin answers the status you ask for (${code})`;
  const reply = httpbinText(request, code, entry.body ?? '', decide('status', reason), entry.headers ?? []);
  if (entry.json) reply.headers = reply.headers.map(([n, v]) => [n, n === 'content-type' ? 'application/json' : v]);
  return reply;
}
